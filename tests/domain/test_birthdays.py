from datetime import date

import pytest

from desktop_app.domain.birthdays import FEB29_ON_FEB28, FEB29_ON_MAR1, Birthday, parse_birthday
from desktop_app.domain.errors import ValidationError

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(("text", "expected"), [
    ("15/03", Birthday(15, 3, None)),
    ("15/03/1990", Birthday(15, 3, 1990)),
    ("5.3.95", Birthday(5, 3, 1995)),
    ("05-03-05", Birthday(5, 3, 2005)),
    ("1990-03-15", Birthday(15, 3, 1990)),
    ("--03-15", Birthday(15, 3, None)),
    ("0000-03-15", Birthday(15, 3, None)),
    ("29/02", Birthday(29, 2, None)),
    ("29/02/1988", Birthday(29, 2, 1988)),
    ("", None),
])
def test_birthdays_are_read_as_shops_write_them(text, expected):
    assert parse_birthday(text, today=TODAY) == expected


def test_month_first_for_a_us_shop():
    assert parse_birthday("03/15", day_first=False, today=TODAY) == Birthday(15, 3, None)


@pytest.mark.parametrize(("text", "code"), [
    ("31/02", "date_invalid"),
    ("29/02/1990", "date_invalid"),
    ("15/13", "birthday_invalid"),
    ("amanhã", "birthday_invalid"),
    ("15/03/2030", "birthday_future"),
    ("15/03/1850", "birthday_invalid"),
])
def test_impossible_birthdays_are_refused_with_their_reason(text, code):
    with pytest.raises(ValidationError) as err:
        parse_birthday(text, today=TODAY)
    assert err.value.code == code and err.value.field == "birthday"


def test_feb29_is_celebrated_on_the_shops_chosen_day_in_common_years():
    """Promise: Dates are the shop's dates."""
    leapling = Birthday(29, 2, None)
    assert leapling.in_year(2027, FEB29_ON_FEB28) == date(2027, 2, 28)
    assert leapling.in_year(2027, FEB29_ON_MAR1) == date(2027, 3, 1)
    assert leapling.in_year(2028, FEB29_ON_MAR1) == date(2028, 2, 29)


def test_age_needs_a_year():
    assert Birthday(15, 3, 1990).age_on(date(2026, 3, 14)) == 35
    assert Birthday(15, 3, 1990).age_on(date(2026, 3, 15)) == 36
    assert Birthday(15, 3).age_on(TODAY) is None
    assert Birthday(15, 3).as_text() == "--03-15"
