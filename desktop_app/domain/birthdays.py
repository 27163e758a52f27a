"""Birthdays as a shop keeps them: day and month, and a year only when the customer gave it."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.errors import ValidationError

FEB29_ON_FEB28 = "feb28"
FEB29_ON_MAR1 = "mar1"


@dataclass(frozen=True, slots=True)
class Birthday:
    day: int
    month: int
    year: int | None = None

    def __post_init__(self) -> None:
        if not (1 <= self.month <= 12):
            raise ValidationError("birthday", "birthday_invalid")
        # A year-less birthday is checked against a leap year, so 29/02 is accepted.
        check_year = self.year if self.year is not None else 2000
        if self.year is not None and not (1900 <= self.year <= 9999):
            raise ValidationError("birthday", "birthday_invalid")
        if not (1 <= self.day <= calendar.monthrange(check_year, self.month)[1]):
            raise ValidationError("birthday", "date_invalid")

    @property
    def month_day(self) -> int:
        """MMDD as an integer, the indexed column the planner and the filters use."""
        return self.month * 100 + self.day

    def in_year(self, year: int, feb29_rule: str = FEB29_ON_FEB28) -> date:
        """The date the shop celebrates this birthday in `year` (Feb 29 moves in common years)."""
        if self.month == 2 and self.day == 29 and not calendar.isleap(year):
            return date(year, 3, 1) if feb29_rule == FEB29_ON_MAR1 else date(year, 2, 28)
        return date(year, self.month, self.day)

    def age_on(self, on: date) -> int | None:
        if self.year is None:
            return None
        had_birthday = (on.month, on.day) >= (self.month, self.day)
        return on.year - self.year - (0 if had_birthday else 1)

    def check_not_future(self, today: date) -> None:
        if self.year is not None and date(self.year, self.month, min(self.day, 28)) > today:
            raise ValidationError("birthday", "birthday_future")

    def as_text(self) -> str:
        """ISO-like text: '1990-03-15', or '--03-15' without a year (ISO 8601 for a year-less date)."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2}|\d{4}))?\s*$")
_ISO = re.compile(r"^\s*(?:(\d{4})-|--)(\d{1,2})-(\d{1,2})\s*$")  # 1990-03-15, 0000-03-15, --03-15


def parse_birthday(text: str, *, day_first: bool = True, today: date | None = None) -> Birthday | None:
    """Read '15/03', '15/03/1990', '1990-03-15', '--03-15' or '0000-03-15'. Empty text is no birthday."""
    text = (text or "").strip()
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        year_text, month, day = iso.groups()
        year = None if year_text in (None, "0000") else int(year_text)
        birthday = Birthday(int(day), int(month), year)
    else:
        m = _DMY.match(text)
        if not m:
            raise ValidationError("birthday", "birthday_invalid")
        a, b, year_text = m.groups()
        day, month = (int(a), int(b)) if day_first else (int(b), int(a))
        year = None
        if year_text:
            year = int(year_text)
            if len(year_text) == 2:
                # Two-digit years: a birthday is in the past, so '95' is 1995 and '05' is 2005.
                this_year = (today or date.today()).year
                year += 2000 if 2000 + year <= this_year else 1900
        birthday = Birthday(day, month, year)
    if today is not None:
        birthday.check_not_future(today)
    return birthday
