"""Loyalty arithmetic: program rules, points for a purchase, tiers over a rolling window, and the
account of one customer in one program as lots and debts.

Everything here is pure (no database, no clock) so the same sequence of events always gives the same
ledger. The ledger itself is append-only: every change is a new posting. A posting that adds points
(earn, a positive adjustment) is a *lot* with its own expiry date; a posting that removes points
(redeem, expire, a negative adjustment, a refund's reverse) takes them from lots, the lot closest to
expiring first (lots that never expire last, older before newer). Only a reverse may take more than
there is: the rest becomes a debt that the next points earned pay off first, so the balance can go
negative and the GUI says so.
"""

from __future__ import annotations

import calendar
import json
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from fractions import Fraction
from math import ceil, floor

from desktop_app.domain.actors import OWNER
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.text import clean_text

POINTS, STAMPS = "points", "stamps"
PROGRAM_KINDS = (POINTS, STAMPS)
ROUNDINGS = ("down", "nearest", "up")
STAMP_ON = ("purchase", "visit", "both")
TIER_BASES = ("spend", "points")

EARN, REDEEM, EXPIRE, ADJUST, REVERSE = "earn", "redeem", "expire", "adjust", "reverse"
ENTRY_KINDS = (EARN, REDEEM, EXPIRE, ADJUST, REVERSE)

MAX_POINTS = 10_000_000  # a sane ceiling for one posting: a typo, not a real purchase
MAX_REASON = 300


@dataclass(frozen=True, slots=True)
class Tier:
    name: str
    threshold: int  # points or cents spent within the window
    multiplier_pct: int = 100  # 150 = points x 1.5


@dataclass(frozen=True, slots=True)
class Rules:
    """One program's rules, stored as JSON. Changing them affects only what is earned afterwards:
    every lot keeps the expiry date it was given when it was earned."""

    kind: str = POINTS
    # points: `points` for every `per_cents` spent, rounded, from `min_purchase_cents` on
    points: int = 1
    per_cents: int = 100
    rounding: str = "down"
    min_purchase_cents: int = 0
    # stamps: one per qualifying purchase or visit, at most one per day
    stamp_on: str = "purchase"
    expiry_months: int = 12  # 0: never expire
    welcome_bonus: int = 0
    birthday_bonus: int = 0
    birthday_quiet_days: int = 30  # no birthday bonus when the birthday was entered or changed this recently
    adjust_limit: int = 500  # above this a manual adjustment needs the owner
    tier_basis: str = "spend"
    tier_window_days: int = 365
    tier_retention_days: int = 90
    tiers: tuple[Tier, ...] = ()

    def to_json(self) -> str:
        data = asdict(self)
        data["tiers"] = [asdict(t) for t in self.tiers]
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Rules:
        data = json.loads(text)
        known = {f for f in cls.__dataclass_fields__}
        data = {k: v for k, v in data.items() if k in known}
        data["tiers"] = tuple(Tier(**t) for t in data.get("tiers", ()))
        return cls(**data)

    def validated(self) -> Rules:
        """The rules with names cleaned and tiers sorted, or a ValidationError naming the field."""
        if self.kind not in PROGRAM_KINDS:
            raise ValidationError("kind", "loyalty_kind_invalid")
        if self.kind == POINTS:
            _whole(self.points, "points", 1, MAX_POINTS, "loyalty_rate_invalid")
            _whole(self.per_cents, "per_cents", 1, 100_000_000, "loyalty_rate_invalid")
        if self.rounding not in ROUNDINGS:
            raise ValidationError("rounding", "loyalty_choice_invalid")
        if self.stamp_on not in STAMP_ON:
            raise ValidationError("stamp_on", "loyalty_choice_invalid")
        if self.tier_basis not in TIER_BASES:
            raise ValidationError("tier_basis", "loyalty_choice_invalid")
        _whole(self.min_purchase_cents, "min_purchase_cents", 0, 100_000_000)
        _whole(self.expiry_months, "expiry_months", 0, 120)
        _whole(self.welcome_bonus, "welcome_bonus", 0, MAX_POINTS)
        _whole(self.birthday_bonus, "birthday_bonus", 0, MAX_POINTS)
        _whole(self.birthday_quiet_days, "birthday_quiet_days", 0, 366)
        _whole(self.adjust_limit, "adjust_limit", 0, MAX_POINTS)
        _whole(self.tier_window_days, "tier_window_days", 1, 3660)
        _whole(self.tier_retention_days, "tier_retention_days", 0, 3660)
        tiers = []
        for t in self.tiers:
            name = clean_text(t.name)
            if not name:
                raise ValidationError("tiers", "loyalty_tier_name")
            _whole(t.threshold, "tiers", 0, 10**12)
            _whole(t.multiplier_pct, "tiers", 1, 1000, "loyalty_multiplier_invalid")
            tiers.append(Tier(name, t.threshold, t.multiplier_pct))
        tiers.sort(key=lambda t: t.threshold)
        if len({t.threshold for t in tiers}) != len(tiers) or len({t.name.casefold() for t in tiers}) != len(tiers):
            raise ValidationError("tiers", "loyalty_tier_duplicate")
        return replace(self, tiers=tuple(tiers))


def _whole(value: object, field_name: str, low: int, high: int, code: str = "loyalty_number_invalid") -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not (low <= value <= high):
        raise ValidationError(field_name, code, low=low, high=high)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day (31/01 + 1 = 28/02)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expiry_for(earned_on: date, rules: Rules) -> date | None:
    """The day points earned on `earned_on` expire (they can be spent up to the day before)."""
    return add_months(earned_on, rules.expiry_months) if rules.expiry_months else None


def _round(value: Fraction, rounding: str) -> int:
    if rounding == "up":
        return ceil(value)
    if rounding == "nearest":
        return floor(value + Fraction(1, 2))
    return floor(value)


def points_for_purchase(amount_cents: int, rules: Rules, multiplier_pct: int = 100) -> int:
    """Points a purchase of `amount_cents` earns in a points program (0 below the minimum)."""
    if rules.kind != POINTS or amount_cents <= 0 or amount_cents < rules.min_purchase_cents:
        return 0
    return _round(Fraction(amount_cents * rules.points * multiplier_pct, rules.per_cents * 100), rules.rounding)


def earns_stamp(kind: str, amount_cents: int | None, rules: Rules) -> bool:
    if rules.kind != STAMPS:
        return False
    if kind == "purchase":
        return rules.stamp_on in ("purchase", "both") and (amount_cents or 0) >= max(rules.min_purchase_cents, 1)
    return kind == "visit" and rules.stamp_on in ("visit", "both")


def earned_by_entry(kind: str, amount_cents: int | None, rules: Rules, multiplier_pct: int = 100) -> int:
    """What one purchase or visit earns in a program, before the ledger's one-stamp-a-day limit: a
    points program's points for a purchase (`multiplier_pct` is the tier's), a stamps program's one
    stamp for a purchase or visit its card counts, otherwise 0. The counter's earning and the quick
    log's preview both ask this."""
    if rules.kind == STAMPS:
        return int(earns_stamp(kind, amount_cents, rules))
    if kind == "purchase":
        return points_for_purchase(amount_cents or 0, rules, multiplier_pct)
    return 0


def adjustment_needs_owner(points: int, limit: int, role: str) -> bool:
    """Whether a manual adjustment of `points` (added or removed) by someone of `role` needs the owner's
    approval: above the program's `adjust_limit`, unless the owner makes it herself."""
    return role != OWNER and abs(points) > limit


def reversal_target(earned: int, refunded_cents: int, purchase_cents: int) -> int:
    """How many of a purchase's `earned` points must be reversed once `refunded_cents` of it came back
    in total. Rounded up, so a refund never leaves points its purchase earned; all of them at a full
    refund."""
    if purchase_cents <= 0 or refunded_cents <= 0:
        return 0
    if refunded_cents >= purchase_cents:
        return earned
    return ceil(Fraction(earned * refunded_cents, purchase_cents))


# --- tiers ----------------------------------------------------------------------------------------------


def tier_index(tiers: tuple[Tier, ...], events: list[tuple[date, int]], today: date, window_days: int,
               retention_days: int) -> int:
    """Which tier (index into `tiers`, -1 for none) a customer holds on `today`.

    `events` are (date, value) pairs, sorted by date, of what counts toward tiers (cents spent or
    points earned; refunds negative). A customer qualifies on day d for the highest tier whose
    threshold the sum over (d - window, d] reaches, and holds the best tier she qualified for on any
    day of the retention period before moving down."""
    if not tiers:
        return -1
    start = today - timedelta(days=retention_days)
    window = timedelta(days=window_days)
    candidates = {start, today}
    for day, value in events:
        if value > 0 and start <= day <= today:
            candidates.add(day)
        leaves = day + window
        if value < 0 and start <= leaves <= today:
            candidates.add(leaves)  # a refund leaving the window raises the sum
    days = [d for d, _v in events]
    prefix = [0]
    for _d, value in events:
        prefix.append(prefix[-1] + value)
    best = max(prefix[bisect_right(days, d)] - prefix[bisect_right(days, d - window)] for d in candidates)
    index = -1
    for i, tier in enumerate(tiers):
        if best >= tier.threshold:
            index = i
    return index


def _window_sum(events: list[tuple[date, int]], day: date, window_days: int) -> int:
    first = day - timedelta(days=window_days)
    return sum(v for d, v in events if first < d <= day)


def window_total(events: list[tuple[date, int]], day: date, window_days: int) -> int:
    return _window_sum(events, day, window_days)


# --- one customer's account in one program ------------------------------------------------------------


@dataclass(slots=True)
class Lot:
    id: int
    remaining: int
    expires_on: date | None
    on: date


@dataclass(slots=True)
class Debt:
    id: int
    unpaid: int


@dataclass(slots=True)
class Posting:
    """A ledger row about to be written: `takes` are (lot id, points) it removes from lots, `pays` are
    (debt id, points) of older debts this new lot pays off, `unpaid` what a reverse could not take."""

    kind: str
    points: int
    on: date
    expires_on: date | None = None
    takes: list[tuple[int, int]] = field(default_factory=list)
    pays: list[tuple[int, int]] = field(default_factory=list)
    unpaid: int = 0


class InsufficientPoints(ValidationError):
    def __init__(self, available: int, wanted: int) -> None:
        super().__init__("points", "loyalty_not_enough", available=available, wanted=wanted)
        self.available, self.wanted = available, wanted


def _spend_order(lot: Lot) -> tuple:
    return (lot.expires_on is None, lot.expires_on or date.max, lot.on, lot.id)


@dataclass(slots=True)
class Account:
    lots: dict[int, Lot] = field(default_factory=dict)  # lots with points left
    debts: list[Debt] = field(default_factory=list)  # oldest first

    @property
    def balance(self) -> int:
        return sum(lot.remaining for lot in self.lots.values()) - sum(d.unpaid for d in self.debts)

    def available(self, on: date) -> int:
        """What can be spent on `on`: lots not yet expired on that day, less any debt."""
        return sum(lot.remaining for lot in self.lots.values() if _valid(lot, on)) - sum(d.unpaid for d in self.debts)

    def expiring(self, start: date, end: date) -> int:
        """Points whose expiry date falls in [start, end]."""
        return sum(lot.remaining for lot in self.lots.values() if lot.expires_on and start <= lot.expires_on <= end)

    def due_expiries(self, today: date) -> list[Posting]:
        """One expire posting per lot whose expiry date has come, dated that day, oldest first."""
        due = sorted((lot for lot in self.lots.values() if lot.expires_on and lot.expires_on <= today),
                     key=_spend_order)
        return [Posting(EXPIRE, -lot.remaining, lot.expires_on, takes=[(lot.id, lot.remaining)]) for lot in due]

    def credit(self, kind: str, points: int, on: date, expires_on: date | None) -> Posting:
        """New points: a lot, which first pays off any debt."""
        if points <= 0:
            raise ValueError(points)
        posting = Posting(kind, points, on, expires_on)
        left = points
        for debt in self.debts:
            if left == 0:
                break
            pay = min(left, debt.unpaid)
            posting.pays.append((debt.id, pay))
            left -= pay
        return posting

    def debit(self, kind: str, points: int, on: date, *, first_lot: int | None = None,
              allow_debt: bool = False) -> Posting:
        """Take `points` from the lots valid on `on`, closest to expiring first (`first_lot` before all).

        Without `allow_debt`, asking for more than is available raises InsufficientPoints."""
        if points <= 0:
            raise ValueError(points)
        available = self.available(on)
        if points > available and not allow_debt:
            raise InsufficientPoints(max(available, 0), points)
        lots = sorted((lot for lot in self.lots.values() if _valid(lot, on) and lot.remaining > 0), key=_spend_order)
        if first_lot is not None and first_lot in self.lots:
            own = self.lots[first_lot]
            if own in lots:
                lots.remove(own)
                lots.insert(0, own)
        posting = Posting(kind, -points, on)
        left = points
        for lot in lots:
            if left == 0:
                break
            take = min(left, lot.remaining)
            posting.takes.append((lot.id, take))
            left -= take
        posting.unpaid = left
        return posting

    def apply(self, posting: Posting, entry_id: int) -> None:
        """Record that `posting` was written as ledger row `entry_id`."""
        for lot_id, n in posting.takes:
            lot = self.lots[lot_id]
            lot.remaining -= n
            if lot.remaining == 0:
                del self.lots[lot_id]
        paid = dict(posting.pays)
        for debt in self.debts:
            debt.unpaid -= paid.get(debt.id, 0)
        self.debts = [d for d in self.debts if d.unpaid > 0]
        if posting.points > 0:
            left = posting.points - sum(paid.values())
            if left > 0:
                self.lots[entry_id] = Lot(entry_id, left, posting.expires_on, posting.on)
        if posting.unpaid:
            self.debts.append(Debt(entry_id, posting.unpaid))

    def settle(self) -> list[tuple[int, int, int]]:
        """Pay debts from lots that exist beside them (after two accounts were merged):
        (debt id, lot id, points) allocations to record."""
        moves = []
        lots = sorted(self.lots.values(), key=_spend_order)
        for debt in self.debts:
            for lot in lots:
                if debt.unpaid == 0:
                    break
                n = min(debt.unpaid, lot.remaining)
                if n:
                    moves.append((debt.id, lot.id, n))
                    debt.unpaid -= n
                    lot.remaining -= n
        self.lots = {k: v for k, v in self.lots.items() if v.remaining > 0}
        self.debts = [d for d in self.debts if d.unpaid > 0]
        return moves


def _valid(lot: Lot, on: date) -> bool:
    return lot.expires_on is None or on < lot.expires_on


def progress(balance: int, costs: list[int]) -> tuple[int | None, int]:
    """The cheapest reward not yet affordable (its cost, or None if every reward is) and how many
    points are still missing; (None, 0) when there are no rewards."""
    above = sorted(c for c in costs if c > balance)
    if not above:
        return None, 0
    return above[0], above[0] - balance
