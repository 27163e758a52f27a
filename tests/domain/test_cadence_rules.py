"""The régua's pure rules: birthday dates (Feb 29, days before across the year end, the quiet period),
reactivation keys, channels and consent, closed days, the frequency cap, templates and WhatsApp links."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import cadence as c
from desktop_app.domain import templates
from desktop_app.domain.birthdays import FEB29_ON_MAR1, Birthday
from desktop_app.domain.cadence import CadenceRules, Contact, Step
from desktop_app.domain.errors import ValidationError

RULES = CadenceRules()


def fires_on(birthday: Birthday, rules: CadenceRules = RULES, set_on: date | None = None,
             year_range=(2026, 2029)) -> list[tuple[date, str]]:
    """Every day in the range on which the birthday step fires, found by asking day by day."""
    days = []
    day = date(year_range[0], 1, 1)
    while day.year < year_range[1]:
        o = c.birthday_occasion(1, birthday, set_on, day, rules)
        if o is not None:
            days.append((day, o.occurrence))
        day += timedelta(days=1)
    return days


def test_feb29_birthday_is_celebrated_on_feb28_in_common_years_and_on_feb29_in_leap_years():
    assert fires_on(Birthday(29, 2), year_range=(2027, 2029)) == [
        (date(2027, 2, 28), "birthday:2027"), (date(2028, 2, 29), "birthday:2028")]


def test_feb29_birthday_moves_to_mar1_when_the_shop_chose_it():
    rules = CadenceRules(feb29_rule=FEB29_ON_MAR1)
    assert fires_on(Birthday(29, 2, 1992), rules, year_range=(2027, 2029)) == [
        (date(2027, 3, 1), "birthday:2027"), (date(2028, 2, 29), "birthday:2028")]


def test_the_month_day_index_finds_feb29_birthdays_on_the_day_they_move_to():
    assert c.birthday_month_days(date(2027, 2, 28), "feb28") == [228, 229]
    assert c.birthday_month_days(date(2028, 2, 28), "feb28") == [228]
    assert c.birthday_month_days(date(2027, 3, 1), FEB29_ON_MAR1) == [301, 229]
    assert c.birthday_month_days(date(2027, 3, 1), "feb28") == [301]


def test_three_days_before_a_first_of_january_birthday_fires_on_29_december_of_the_year_before():
    rules = RULES.with_step(Step(c.BIRTHDAY, True, c.EMAIL, 3, 1))
    found = fires_on(Birthday(1, 1), rules, year_range=(2026, 2028))
    assert found[0] == (date(2026, 12, 29), "birthday:2027")
    assert (date(2027, 12, 29), "birthday:2028") in found
    o = c.birthday_occasion(1, Birthday(1, 1), None, date(2026, 12, 29), rules)
    assert o.detail == "2027-01-01" and o.not_after == date(2026, 12, 30)


def test_a_birthday_changed_less_than_30_days_before_waits_for_next_year():
    changed = date(2027, 3, 1)
    assert fires_on(Birthday(15, 3), set_on=changed, year_range=(2027, 2029)) == [(date(2028, 3, 15), "birthday:2028")]
    # changed 30 days before or earlier: this year's counts
    assert fires_on(Birthday(15, 3), set_on=date(2027, 2, 13), year_range=(2027, 2028)) == [
        (date(2027, 3, 15), "birthday:2027")]


@given(st.integers(2001, 2099), st.integers(0, 60),
       st.sampled_from([(29, 2), (1, 1), (31, 12), (28, 2), (1, 3), (15, 6)]), st.sampled_from(["feb28", "mar1"]))
def test_each_years_birthday_fires_exactly_once_on_its_day_minus_the_days_before(year, before, dm, rule):
    # (a calendar year may hold two messages: Feb 29 - 59 days is Jan 1 in a leap year, and the next
    # year's Feb 28 - 59 days is Dec 31 of the same calendar year; each is a different occurrence)
    rules = replace(RULES.with_step(Step(c.BIRTHDAY, True, c.EMAIL, before, 1)), feb29_rule=rule)
    birthday = Birthday(*dm)
    start = date(year - 1, 10, 1)
    found = [o for o in (c.birthday_occasion(1, birthday, None, start + timedelta(days=i), rules)
                         for i in range(500)) if o is not None and o.occurrence == f"birthday:{year}"]
    assert len(found) == 1
    assert found[0].due_on == birthday.in_year(year, rule) - timedelta(days=before)


def test_reactivation_key_is_the_day_the_customer_became_inactive():
    step = RULES.step(c.REACTIVATION)
    o = c.reactivation_occasion(7, date(2026, 9, 1), step)
    assert (o.occurrence, o.due_on, o.not_after) == ("inactivity:2026-10-31", date(2026, 10, 31), date(2026, 11, 14))


def test_channels_follow_consent_and_an_opted_out_customer_gets_nothing_anywhere():
    email = RULES.step(c.WELCOME)  # marketing by e-mail
    signup = RULES.step(c.SIGNUP)  # transactional
    task = Step(c.POST_SALE, True, c.TASK)
    never_asked = Contact(True, True, {})
    assert c.channel_for(email, never_asked) is None  # marketing needs a yes
    assert c.channel_for(signup, never_asked) == c.EMAIL  # a confirmation does not
    assert c.channel_for(task, never_asked) == c.TASK
    assert c.channel_for(email, Contact(True, True, {"whatsapp": True})) == c.WHATSAPP  # the other channel
    assert c.channel_for(email, Contact(False, True, {"email": True})) is None  # no address, no WhatsApp yes
    opted_out = Contact(True, True, {"email": False})
    for step in (email, signup, task, RULES.step(c.BIRTHDAY), Step(c.BIRTHDAY, True, c.WHATSAPP)):
        assert c.channel_for(step, opted_out) is None
    assert c.channel_for(task, Contact(True, False, {"email": True})) is None  # a call needs a phone
    assert c.channel_for(email, Contact(True, True, {"email": True}, suppressed=True)) is None


def test_closed_days_move_a_message_to_the_next_open_day_while_it_is_useful():
    sunday = date(2026, 11, 29)
    o = c.Occasion(1, c.POST_SALE, "post_sale:1", sunday, sunday + timedelta(days=2))
    assert c.send_day(o, RULES, sunday) == date(2026, 11, 30)
    holiday = CadenceRules(closed_days=(date(2026, 11, 30), date(2026, 12, 1)))
    assert c.send_day(o, holiday, sunday) is None  # closed until it stops being useful


def test_the_cap_sends_the_highest_priority_and_defers_or_skips_the_rest():
    day = date(2026, 11, 24)
    waiting = [c.Waiting("welcome", c.WELCOME, day + timedelta(days=1)),
               c.Waiting("post", c.POST_SALE, day + timedelta(days=5)),
               c.Waiting("bday", c.BIRTHDAY, day + timedelta(days=1))]
    decisions = c.apply_cap(waiting, None, day, RULES)
    assert decisions == {"bday": ("send", day), "post": ("defer", day + timedelta(days=3)), "welcome": ("skip", None)}
    # a message went yesterday: nothing today, the post-sale waits until the cap has passed
    later = c.apply_cap([c.Waiting("post", c.POST_SALE, day + timedelta(days=5))], day - timedelta(days=1), day, RULES)
    assert later == {"post": ("defer", day + timedelta(days=2))}
    assert c.apply_cap(waiting, None, day, CadenceRules(cap_days=0))["welcome"] == ("send", day)


def test_rules_round_trip_through_json_and_refuse_nonsense():
    rules = CadenceRules(closed_days=(date(2026, 12, 25),), approve_first=True).with_step(
        Step(c.REACTIVATION, True, c.WHATSAPP, 90, 10, "Oi {{ first_name }}"))
    assert CadenceRules.from_json(rules.to_json()) == rules.validated()
    assert CadenceRules.from_json('{"cap_days": 5, "future_thing": 1}').cap_days == 5
    for bad in (CadenceRules(window_start=20, window_end=9), CadenceRules(weekdays=()),
                RULES.with_step(Step(c.SIGNUP, True, c.TASK)), RULES.with_step(Step(c.WELCOME, True, "fax")),
                RULES.with_step(Step(c.REACTIVATION, True, c.EMAIL, 0)), CadenceRules(cap_days=-1)):
        with pytest.raises(ValidationError):
            bad.validated()


def test_templates_fill_fixed_placeholders_with_fallbacks_and_never_read_values_as_template():
    text = 'Oi {{ first_name | "cliente" }}, a {{shop_name}} te espera. {{ reward }}'
    assert templates.render(text, {"first_name": "", "shop_name": "Flor"}) == "Oi cliente, a Flor te espera. "
    sneaky = {"first_name": "{{ shop_name }}<b>", "shop_name": "Flor"}
    assert templates.render(text, sneaky).startswith("Oi {{ shop_name }}<b>,")
    assert "&lt;b&gt;" in templates.render(text, sneaky, escape=__import__("html").escape)
    for bad in ("{{ __class__ }}", "{{ first_name.upper }}", "{{ name | cliente }}", "Oi {{ name"):
        with pytest.raises(ValidationError):
            templates.check(bad)


def test_whatsapp_link_carries_the_digits_and_the_whole_message():
    link = c.whatsapp_link("+55 11 98765-4321", "Oi Maria & cia? 50% off #hoje")
    parsed = urlparse(link)
    assert (parsed.netloc, parsed.path) == ("wa.me", "/5511987654321")
    assert parse_qs(parsed.query)["text"] == ["Oi Maria & cia? 50% off #hoje"]


def test_coupon_codes_use_no_look_alike_characters_and_read_back_however_typed():
    import random

    rng = random.Random(3)
    codes = {c.coupon_code(rng.choice) for _ in range(2000)}
    assert len(codes) == 2000
    assert not set("".join(codes).replace("ANIV-", "").replace("-", "")) & set("0O1IL2Z5S6G8B")
    code = next(iter(codes))
    assert c.normalize_coupon(code.lower().replace("-", " ")) == code
