"""The régua's rules, pure: which occasion a customer has on a given local date, when it stops being
useful, who may be reached on which channel, and which message wins when a customer has too many.

An *occasion* is (customer, step, occurrence): `birthday:2027`, `post_sale:<interaction id>`,
`inactivity:<date the customer became inactive>`, `welcome`, `signup`... The outbox keeps one row per
occasion under a UNIQUE key, so everything here may be computed again and again without a second message.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta

from desktop_app.domain.birthdays import FEB29_ON_MAR1, Birthday
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.segments import group_of

SIGNUP = "signup"
WELCOME = "welcome"
BIRTHDAY = "birthday"
UNFINISHED = "unfinished_purchase"
POST_SALE = "post_sale"
REACTIVATION = "reactivation"
REWARD_REACHED = "reward_reached"
POINTS_EXPIRING = "points_expiring"

# The customer's journey, in the order the settings screen draws it.
STEPS = (SIGNUP, WELCOME, UNFINISHED, POST_SALE, BIRTHDAY, REACTIVATION, REWARD_REACHED, POINTS_EXPIRING)
TRANSACTIONAL = (SIGNUP,)  # allowed without marketing consent, never capped
# Who wins when a customer has more than the cap allows (lower wins): DESIGN.md section 4.
CAMPAIGN = "campaign"  # a one-off message the owner sent to a group: not a step of the journey
PRIORITY = {SIGNUP: 0, BIRTHDAY: 1, REWARD_REACHED: 2, POINTS_EXPIRING: 2, UNFINISHED: 3, POST_SALE: 4,
            REACTIVATION: 5, WELCOME: 6, CAMPAIGN: 7}

EMAIL = "email"
WHATSAPP = "whatsapp"
TASK = "task"
CHANNELS = (EMAIL, WHATSAPP, TASK)

# Outbox states. `held` waits for the owner's approval; `done` is a staff task or a WhatsApp message
# that staff sent by hand; `skipped` and `expired` carry their reason.
PLANNED, HELD, SENDING, SENT, DONE, FAILED, UNCERTAIN, EXPIRED, SUPPRESSED, SKIPPED = (
    "planned", "held", "sending", "sent", "done", "failed", "uncertain", "expired", "suppressed", "skipped")
WAITING = (PLANNED, HELD)  # still to be acted on
REACHED = (SENDING, SENT, DONE, UNCERTAIN)  # count against the frequency cap

MAX_CATCH_UP_DAYS = 30  # a PC off for longer than this: the days before are not looked at


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    enabled: bool = True
    channel: str = EMAIL
    days: int = 0  # welcome/post-sale: days after; birthday: days before; reactivation: days without a visit
    late_days: int = 3  # how many days after its date the message is still worth sending
    text: str = ""  # the message text; empty means the default text of the shop's language
    subject: str = ""  # the e-mail subject; empty means the default subject of the shop's language
    gift: str = ""  # birthday: what the shop gives ("10% off", "a free hem"); empty = no gift
    gift_days: int = 30  # birthday: how long the gift's coupon can be used at the counter
    audience: str = ""  # "" everyone; "segment:<key>", "stage:<key>" or "tag:<name>": only those customers


DEFAULT_STEPS = (
    Step(SIGNUP, True, EMAIL, 0, 1),
    Step(WELCOME, True, EMAIL, 3, 7),
    Step(UNFINISHED, True, TASK, 0, 5),
    Step(POST_SALE, True, WHATSAPP, 7, 5),
    Step(BIRTHDAY, True, EMAIL, 0, 1),
    Step(REACTIVATION, True, EMAIL, 60, 14),
    Step(REWARD_REACHED, True, EMAIL, 0, 14),
    Step(POINTS_EXPIRING, True, EMAIL, 0, 3),
)
DEFAULT_WEEKDAYS = (0, 1, 2, 3, 4, 5)  # Monday to Saturday
LIMITS = {"days": (0, 3650), "late_days": (0, 60)}


def audience_parts(audience: str) -> tuple[str, str] | None:
    """("segment" | "stage" | "tag", key) of a step's audience, or None when it is not a valid one."""
    group = group_of(audience)
    if group is not None:
        return group
    kind, _, key = audience.partition(":")
    if kind == "tag" and 0 < len(key) <= 60 and key.strip() == key and not any(ch in key for ch in "\r\n"):
        return kind, key
    return None


@dataclass(frozen=True, slots=True)
class CadenceRules:
    steps: tuple[Step, ...] = DEFAULT_STEPS
    cap_days: int = 3  # at most one marketing message per customer in this many days
    window_start: int = 9  # send window, local hours [start, end)
    window_end: int = 20
    weekdays: tuple[int, ...] = DEFAULT_WEEKDAYS  # Monday = 0; the shop's open days
    closed_days: tuple[date, ...] = ()  # holidays and the like
    catch_up_days: int = 3  # after days with the PC off, messages up to this late still go
    approve_first: bool = False  # e-mails wait for the owner's approval
    birthday_quiet_days: int = 30  # a birthday entered or changed this recently waits for next year
    feb29_rule: str = "feb28"
    wait_for_complaints: bool = True  # post-sale waits while the customer has a complaint open

    def step(self, key: str) -> Step:
        for s in self.steps:
            if s.key == key:
                return s
        return next(s for s in DEFAULT_STEPS if s.key == key)

    def with_step(self, new: Step) -> CadenceRules:
        return replace(self, steps=tuple(new if s.key == new.key else s for s in self.steps))

    def validated(self) -> CadenceRules:
        keys = [s.key for s in self.steps]
        if sorted(keys) != sorted(STEPS):
            steps = tuple(self.step(k) for k in STEPS)
        else:
            steps = tuple(sorted(self.steps, key=lambda s: STEPS.index(s.key)))
        for s in steps:
            if s.channel not in CHANNELS:
                raise ValidationError("channel", "channel_invalid")
            if s.key == SIGNUP and s.channel == TASK:
                raise ValidationError("channel", "channel_invalid")
            for name, (lo, hi) in LIMITS.items():
                if not lo <= getattr(s, name) <= hi:
                    raise ValidationError(name, "number_out_of_range", low=lo, high=hi)
            if s.key == REACTIVATION and s.days < 7:
                raise ValidationError("days", "number_out_of_range", low=7, high=3650)
            if s.key == BIRTHDAY and s.days > 60:
                raise ValidationError("days", "number_out_of_range", low=0, high=60)
            if len(s.text) > 2000:
                raise ValidationError("text", "too_long", max=2000)
            if len(s.subject) > 150 or any(ch in s.subject for ch in "\r\n\x00\u2028\u2029"):
                raise ValidationError("subject", "header_line_break")
            if len(s.gift) > 120 or any(ch in s.gift for ch in "\r\n"):
                raise ValidationError("gift", "too_long", max=120)
            if not 1 <= s.gift_days <= 365:
                raise ValidationError("gift_days", "number_out_of_range", low=1, high=365)
            if s.audience and (s.key == SIGNUP or audience_parts(s.audience) is None):
                raise ValidationError("audience", "group_invalid")  # a signup confirmation goes to everyone
        if not 0 <= self.cap_days <= 60:
            raise ValidationError("cap_days", "number_out_of_range", low=0, high=60)
        if not (0 <= self.window_start < self.window_end <= 24):
            raise ValidationError("window", "window_invalid")
        weekdays = tuple(sorted(set(self.weekdays)))
        if not weekdays or any(not 0 <= d <= 6 for d in weekdays):
            raise ValidationError("weekdays", "weekdays_invalid")
        if not 0 <= self.catch_up_days <= MAX_CATCH_UP_DAYS:
            raise ValidationError("catch_up_days", "number_out_of_range", low=0, high=MAX_CATCH_UP_DAYS)
        if not 0 <= self.birthday_quiet_days <= 365:
            raise ValidationError("birthday_quiet_days", "number_out_of_range", low=0, high=365)
        return replace(self, steps=steps, weekdays=weekdays, closed_days=tuple(sorted(set(self.closed_days))))

    def to_json(self) -> str:
        data = asdict(self)
        data["closed_days"] = [d.isoformat() for d in self.closed_days]
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> CadenceRules:
        """Rules as saved; unknown keys (from a newer version) are ignored, missing ones take defaults."""
        if not text:
            return cls()
        data = json.loads(text)
        known = {f for f in cls.__dataclass_fields__}
        data = {k: v for k, v in data.items() if k in known}
        step_fields = set(Step.__dataclass_fields__)
        saved = {s["key"]: Step(**{k: v for k, v in s.items() if k in step_fields})
                 for s in data.pop("steps", []) if s.get("key") in STEPS}
        steps = tuple(saved.get(d.key, d) for d in DEFAULT_STEPS)
        closed = tuple(date.fromisoformat(d) for d in data.pop("closed_days", []))
        weekdays = tuple(data.pop("weekdays", DEFAULT_WEEKDAYS))
        return cls(steps=steps, closed_days=closed, weekdays=weekdays, **data)


@dataclass(frozen=True, slots=True)
class Occasion:
    customer_id: int
    step: str
    occurrence: str  # unique per customer and step: "birthday:2027", "post_sale:812"...
    due_on: date  # the day the step meant it for
    not_after: date  # the last day it is still worth sending
    ref_id: int | None = None  # the interaction, ledger row or program it comes from
    detail: str = ""  # what the message may mention: points, a date

    @property
    def marketing(self) -> bool:
        return self.step not in TRANSACTIONAL

    @property
    def priority(self) -> int:
        return PRIORITY[self.step]


# --- dates -----------------------------------------------------------------------------------------------


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def birthday_month_days(celebrated_on: date, feb29_rule: str) -> list[int]:
    """The stored month-days (MMDD) celebrated on a date: its own, and 229 on the day Feb 29 moves to
    in common years (Feb 28, or Mar 1 when the shop chose it)."""
    md = [celebrated_on.month * 100 + celebrated_on.day]
    moved_to = (3, 1) if feb29_rule == FEB29_ON_MAR1 else (2, 28)
    if not is_leap(celebrated_on.year) and (celebrated_on.month, celebrated_on.day) == moved_to:
        md.append(229)
    return md


def birthday_occasion(customer_id: int, birthday: Birthday, set_on: date | None, due_on: date,
                      rules: CadenceRules) -> Occasion | None:
    """The birthday occasion whose message date is `due_on`, if any. "N days before" wraps across the
    year end (a 1 January birthday 3 days before is 29 December). A birthday entered or changed less
    than `birthday_quiet_days` before the celebration waits for next year."""
    step = rules.step(BIRTHDAY)
    for year in (due_on.year, due_on.year + 1):
        celebrated = birthday.in_year(year, rules.feb29_rule)
        if celebrated - timedelta(days=step.days) != due_on:
            continue
        if set_on is not None and set_on > celebrated - timedelta(days=rules.birthday_quiet_days):
            return None
        not_after = min(due_on + timedelta(days=step.late_days), celebrated + timedelta(days=step.late_days))
        return Occasion(customer_id, BIRTHDAY, f"birthday:{year}", due_on, not_after,
                        detail=celebrated.isoformat())
    return None


def occasion(customer_id: int, step: Step, occurrence: str, due_on: date, ref_id: int | None = None,
             detail: str = "") -> Occasion:
    return Occasion(customer_id, step.key, occurrence, due_on, due_on + timedelta(days=step.late_days),
                    ref_id, detail)


def became_inactive_on(last_activity: date, step: Step) -> date:
    return last_activity + timedelta(days=step.days)


def reactivation_occasion(customer_id: int, last_activity: date, step: Step) -> Occasion:
    """Once per inactive spell: the occurrence is the day the customer became inactive, so a new
    visit starts a new spell with a new key."""
    on = became_inactive_on(last_activity, step)
    return occasion(customer_id, step, f"inactivity:{on.isoformat()}", on, detail=last_activity.isoformat())


def is_open_day(day: date, rules: CadenceRules) -> bool:
    return day.weekday() in rules.weekdays and day not in rules.closed_days


def first_open_day(first: date, last: date, rules: CadenceRules) -> date | None:
    """The first day in [first, last] the shop is open, or None."""
    day = first
    while day <= last:
        if is_open_day(day, rules):
            return day
        day += timedelta(days=1)
    return None


def send_day(o: Occasion, rules: CadenceRules, today: date) -> date | None:
    """The first open day from max(due, today), or None when the shop is closed until it is too late."""
    return first_open_day(max(o.due_on, today), o.not_after, rules)


# --- who can be reached ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contact:
    has_email: bool
    has_phone: bool
    consent: dict[str, bool] = field(default_factory=dict)  # channel -> in force; absent = never asked
    suppressed: bool = False  # bounced address, erased, or on the suppression list

    @property
    def opted_out(self) -> bool:
        """Said no on some channel and yes on none: gets nothing on any channel, staff calls included."""
        return any(v is False for v in self.consent.values()) and not any(self.consent.values())


def channel_for(step: Step, contact: Contact) -> str | None:
    """The channel this customer is reached on for a step, or None. The step's channel comes first; a
    customer who cannot be reached there (no address, no consent) gets the other message channel when
    they agreed to it. A staff task needs a phone number. An opted-out customer gets nothing."""
    if contact.opted_out or contact.suppressed:
        return None
    marketing = step.key not in TRANSACTIONAL

    def ok(channel: str) -> bool:
        if channel == EMAIL:
            if not contact.has_email:
                return False
            state = contact.consent.get(EMAIL)
            return state is True or (not marketing and state is not False)
        if channel == WHATSAPP:
            return contact.has_phone and contact.consent.get(WHATSAPP) is True
        return contact.has_phone

    if ok(step.channel):
        return step.channel
    if step.channel in (EMAIL, WHATSAPP):
        other = WHATSAPP if step.channel == EMAIL else EMAIL
        if ok(other):
            return other
    return None


# --- the frequency cap ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Waiting:
    """A marketing message of one customer waiting to go on `day`."""

    key: object  # whatever identifies it for the caller (an outbox id)
    step: str
    not_after: date


def apply_cap(waiting: list[Waiting], last_reached: date | None, day: date, rules: CadenceRules
              ) -> dict[object, tuple[str, date | None]]:
    """Decide one customer's marketing messages for `day`: at most one per `cap_days`. The highest
    priority goes (if the last message is far enough back); the rest wait, to the first day the cap
    allows that the shop is open, while still useful. Returns key -> ("send", day) | ("defer", new day)
    | ("skip", None): the cap keeps it back until too late | ("closed", None): the cap would let it go
    in time, but only on days the shop is closed."""
    if rules.cap_days <= 0:
        return {w.key: ("send", day) for w in waiting}
    free_from = day if last_reached is None else max(day, last_reached + timedelta(days=rules.cap_days))
    ordered = sorted(waiting, key=lambda w: (PRIORITY[w.step], w.not_after, w.step, str(w.key)))
    decisions: dict[object, tuple[str, date | None]] = {}
    for i, w in enumerate(ordered):
        if i == 0 and free_from == day:
            decisions[w.key] = ("send", day)
            continue
        later = free_from if free_from > day else day + timedelta(days=rules.cap_days)
        if later > w.not_after:
            decisions[w.key] = ("skip", None)
            continue
        open_day = first_open_day(later, w.not_after, rules)
        decisions[w.key] = ("defer", open_day) if open_day is not None else ("closed", None)
    return decisions


def whatsapp_link(phone_e164: str, text: str) -> str:
    """`https://wa.me/<digits>?text=...`, the link that opens WhatsApp with the message written."""
    from urllib.parse import quote

    digits = "".join(ch for ch in phone_e164 if ch.isdigit())
    return f"https://wa.me/{digits}?text={quote(text, safe='')}"


COUPON_ALPHABET = "ACDEFHJKMNPQRTUVWXY3479"  # no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B)


def coupon_code(random_choice, prefix: str = "ANIV") -> str:
    """A code staff can read out and type: ANIV-K7QX-3MRT. `random_choice` picks one character."""
    body = "".join(random_choice(COUPON_ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def normalize_coupon(text: str) -> str:
    """What staff typed, as stored: upper case, dashes where they belong, spaces ignored."""
    raw = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(raw) < 9:
        return raw
    return f"{raw[:-8]}-{raw[-8:-4]}-{raw[-4:]}"
