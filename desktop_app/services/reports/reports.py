"""The Reports section's figures: the shop's health, segments and lifecycle, what the régua brought
back, and how complaints are handled. Everything here is read from the history; nothing is kept but
the day's segment and stage per customer (so the customer list can filter by them).

The segments are worked out once a day, the first time anyone asks (the dashboard, the daily run or
the list's filter), as of today and as of the end of last month, from the same pass over the history.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from desktop_app.db import reports as queries
from desktop_app.domain import segments as seg
from desktop_app.domain.actors import Actor
from desktop_app.domain.cadence import REACTIVATION
from desktop_app.domain.dates import zone
from desktop_app.domain.permissions import allowed, require
from desktop_app.services.cadence.rules import get_rules
from desktop_app.services.loyalty import reports as loyalty_reports
from desktop_app.services.shop.shop import ShopSettings

MONTHS = 12  # months shown in the monthly figures
WEEKS = 26  # weeks shown in the weekly ones
DEFAULT_WINDOW_DAYS = 14  # "bought within N days after the message"
BASELINE_DAY = 15  # the comparison group's window starts on this day of each month


def thresholds(shop: ShopSettings) -> seg.Thresholds:
    """The lifecycle's 'at risk' is the régua's reactivation: the days without a visit the shop chose."""
    days = get_rules(shop).step(REACTIVATION).days
    days = max(1, min(days, 365))
    return seg.Thresholds(at_risk_days=days, inactive_days=max(180, days * 2))


@dataclass(frozen=True, slots=True)
class Refresh:
    day: date
    customers: int
    changed: int


def refresh_segments(today: date, *, shop: ShopSettings, force: bool = False) -> Refresh | None:
    """Work out every customer's segment and stage for `today` (and as of last month's end) and store
    the ones that changed. Does nothing when today's are stored already, unless `force`."""
    if not force and queries.segments_computed_on() == today:
        return None
    t = thresholds(shop)
    previous = seg.previous_month_end(today)
    now, then = queries.histories(today, previous, t)
    scores = seg.rfm_scores(now, today, t)  # a small shop: fixed steps, not fifths (domain/segments.py)
    purchases = {h.customer_id: h.purchases for h in now}
    named = {cid: seg.segment_of(s, purchases[cid]) for cid, s in scores.items()}
    named_then = seg.segments(then, previous, t)
    stages = {h.customer_id: seg.stage_of(h, today, t) for h in now}
    stages_then = {h.customer_id: seg.stage_of(h, previous, t) for h in then}
    stored = queries.stored_segments()
    rows = []
    ids = queries.customer_ids()
    for cid in ids:
        s = scores.get(cid)
        value = (named.get(cid), stages.get(cid, "lead"), s.recency if s else None, s.frequency if s else None,
                 s.money if s else None, named_then.get(cid), stages_then.get(cid, "lead"))
        if stored.get(cid) != value:
            rows.append((cid, *value))
    gone = set(stored) - set(ids)
    queries.write_segments(rows, today, gone)
    return Refresh(today, len(ids), len(rows))


@dataclass(frozen=True, slots=True)
class Group:
    """A segment or a stage: how many customers are in it now, were at the end of last month, came in
    and went out since."""

    key: str
    customers: int
    last_month: int
    came_in: int
    went_out: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    day: date
    customers: int
    with_birthday: int
    with_email_consent: int
    new_by_month: list[tuple[date, int]]  # (first day of the month, customers created)
    by_week: list[tuple[date, int, int]]  # (Monday, visits, purchases) of the last WEEKS whole weeks
    returning_rate: float | None  # of the customers who bought in the last 90 days, who had bought before
    days_between_visits: float | None  # the average gap between two visits or purchases, per regular
    segments: list[Group]
    stages: list[Group]
    moved: int  # customers whose stage changed since the end of last month
    segments_on: date | None  # the day the segments and stages shown were worked out (None: never yet)
    liability: list[loyalty_reports.Owed]

    @property
    def birthday_share(self) -> float | None:
        return self.with_birthday / self.customers if self.customers else None

    @property
    def consent_share(self) -> float | None:
        return self.with_email_consent / self.customers if self.customers else None


def _month_starts(today: date, months: int) -> list[date]:
    first = today.replace(day=1)
    starts = [first]
    while len(starts) < months:
        starts.append((starts[-1] - timedelta(days=1)).replace(day=1))
    return starts[::-1]


def _utc_start(day: date, tz) -> datetime:
    return datetime.combine(day, time(0), tz).astimezone(UTC).replace(tzinfo=None)


def _local_month(at: datetime, tz) -> date:
    """The first day of the shop's month in which a stored (naive UTC) moment falls."""
    return at.replace(tzinfo=UTC).astimezone(tz).date().replace(day=1)


def _groups(moves, now_index: int, then_index: int, keys: tuple[str, ...]) -> list[Group]:
    now, then, came, went = Counter(), Counter(), Counter(), Counter()
    for row in moves:
        current, before, n = row[now_index], row[then_index], row[4]
        now[current] += n
        then[before] += n
        if current != before:
            came[current] += n
            went[before] += n
    return [Group(k, now[k], then[k], came[k], went[k]) for k in keys]


def segments_stale(today: date) -> bool:
    return queries.segments_computed_on() != today


def dashboard(today: date, *, shop: ShopSettings, actor: Actor, refresh: bool = True) -> Dashboard:
    """The overview. With `refresh=False` the segments are the stored ones, however old (the section
    shows those at once and brings them up to date right after)."""
    require(actor, "reports.view")
    if refresh:
        refresh_segments(today, shop=shop)
    tz = zone(shop.timezone)
    t = thresholds(shop)
    total, birthday, consent = queries.customer_facts()

    months = _month_starts(today, MONTHS)
    created = Counter()
    for hour, n in queries.created_by_hour(_utc_start(months[0], tz)):
        created[_local_month(hour, tz)] += n

    # Whole weeks only: the week under way would show as a fall on every chart.
    last_sunday = today - timedelta(days=today.weekday() + 1)
    first_monday = last_sunday - timedelta(days=7 * WEEKS - 1)
    weeks: dict[date, list[int]] = {first_monday + timedelta(weeks=i): [0, 0] for i in range(WEEKS)}
    for kind, day, n, _money in queries.activity_by_day(first_monday, last_sunday):
        weeks[day - timedelta(days=day.weekday())][0 if kind == "visit" else 1] += n

    recent = seg.recent_start(today, t)
    buyers, returning = queries.returning_buyers(recent, today)
    gaps = queries.visit_gaps(seg.year_start(today, t), today)

    moves = queries.segment_moves()
    return Dashboard(
        day=today, customers=total, with_birthday=birthday, with_email_consent=consent,
        new_by_month=[(m, created[m]) for m in months],
        by_week=[(monday, v, p) for monday, (v, p) in sorted(weeks.items())],
        returning_rate=returning / buyers if buyers else None,
        days_between_visits=statistics.fmean(gaps) if gaps else None,
        segments=_groups(moves, 0, 1, seg.SEGMENTS), stages=_groups(moves, 2, 3, seg.STAGES),
        moved=sum(row[4] for row in moves if row[2] != row[3]), segments_on=queries.segments_computed_on(),
        liability=loyalty_reports.liability(today),
    )


@dataclass(frozen=True, slots=True)
class StepMonth:
    """One step's messages in one month, and what their customers bought within the window after."""

    month: date
    step: str
    sent: int
    bought: int  # messages followed by at least one purchase within the window
    value_cents: int  # what was bought within the window

    @property
    def rate(self) -> float:
        return self.bought / self.sent if self.sent else 0.0


@dataclass(frozen=True, slots=True)
class Baseline:
    """Customers who got no message that month: the share who bought within the same number of days
    from the BASELINE_DAY of the month. A simple comparison, not a controlled experiment."""

    month: date
    customers: int
    bought: int

    @property
    def rate(self) -> float | None:
        return self.bought / self.customers if self.customers else None


@dataclass(frozen=True, slots=True)
class CadenceResults:
    window_days: int
    steps: list[StepMonth]
    baseline: list[Baseline]
    coupons: list[tuple[date, str, int]]  # (month, step, coupons used at the counter)
    rewards: list[tuple[date, int, int]]  # (month, rewards redeemed, points spent)


def cadence_results(today: date, *, shop: ShopSettings, actor: Actor,
                    window_days: int = DEFAULT_WINDOW_DAYS) -> CadenceResults:
    require(actor, "reports.view")
    window_days = max(1, min(int(window_days), 90))
    tz = zone(shop.timezone)
    months = _month_starts(today, MONTHS)
    sent = queries.messages_sent(months[0])
    bought: dict[int, list[tuple[date, int]]] = defaultdict(list)
    by_day: dict[date, set[int]] = defaultdict(set)
    for cid, day, amount in queries.purchases_between(months[0], today):
        bought[cid].append((day, amount))
        by_day[day].add(cid)
    for purchases in bought.values():
        purchases.sort()

    per: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    messaged: dict[date, set[int]] = defaultdict(set)
    for step, cid, day in sent:
        month = day.replace(day=1)
        messaged[month].add(cid)
        row = per[(month, step)]
        row[0] += 1
        history = bought.get(cid, ())
        lo = bisect_left(history, (day, -1 << 62))
        hi = bisect_right(history, (day + timedelta(days=window_days), 1 << 62))
        if hi > lo:
            row[1] += 1
            row[2] += sum(amount for _d, amount in history[lo:hi])
    steps = [StepMonth(m, s, *v) for (m, s), v in sorted(per.items())]

    existing_before = queries.customers_created_before(_utc_start(months[0], tz))
    created = queries.created_by_hour(_utc_start(months[0], tz))
    baseline = []
    for month in months:
        start = month.replace(day=BASELINE_DAY)
        end = min(start + timedelta(days=window_days), today)
        if start > today:
            continue
        start_utc = _utc_start(start, tz)
        existing = existing_before + sum(n for hour, n in created if hour < start_utc)
        skip = messaged.get(month, set())
        buyers: set[int] = set()
        day = start
        while day <= end:
            buyers |= by_day.get(day, set())
            day += timedelta(days=1)
        baseline.append(Baseline(month, max(existing - len(skip), 0), len(buyers - skip)))

    coupons = Counter()
    for step, at in queries.coupons_redeemed(_utc_start(months[0], tz)):
        coupons[(_local_month(at, tz), step)] += 1
    rewards: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for day, points in queries.rewards_redeemed(months[0]):
        rewards[day.replace(day=1)][0] += 1
        rewards[day.replace(day=1)][1] += points
    return CadenceResults(window_days, steps, baseline,
                          [(m, s, n) for (m, s), n in sorted(coupons.items())],
                          [(m, n, p) for m, (n, p) in sorted(rewards.items())])


@dataclass(frozen=True, slots=True)
class ServiceMonth:
    month: date
    opened: int
    resolved: int
    median_days: float | None  # for the complaints resolved that month: from opened to resolved
    open_now: int  # opened that month and still open


@dataclass(frozen=True, slots=True)
class TillFigures:
    """What one till logged at the counter in the period."""

    till: str  # '' for entries from before tills were recorded
    entries: int
    purchases: int
    purchase_cents: int


@dataclass(frozen=True, slots=True)
class Service:
    months: list[ServiceMonth]
    by_staff: list[tuple[str, date, int]] | None  # (staff, Monday, interactions); None: not the owner's eyes
    by_till: list[TillFigures]  # the last STAFF_WEEKS weeks, busiest first; empty unless 2+ tills logged


def by_till(first: date, last: date) -> list[TillFigures]:
    """The counter log per till from `first` to `last`, busiest first; empty when at most one till has
    logged anything (a one-PC shop is never shown a split of one)."""
    rows = [TillFigures(*row) for row in queries.logged_by_till(first, last)]
    if len({r.till for r in rows if r.till}) < 2:
        return []
    return sorted(rows, key=lambda r: (r.till == "", -r.entries, r.till))


STAFF_WEEKS = 8


def service(today: date, *, shop: ShopSettings, actor: Actor) -> Service:
    require(actor, "reports.view")
    tz = zone(shop.timezone)
    months = _month_starts(today, MONTHS)
    opened, resolved, open_now = Counter(), Counter(), Counter()
    durations: dict[date, list[float]] = defaultdict(list)
    for on, at, closed, status in queries.complaints(months[0]):
        if on >= months[0]:
            opened[on.replace(day=1)] += 1
            if status == "open":
                open_now[on.replace(day=1)] += 1
        if closed is not None and status != "open":
            month = _local_month(closed, tz)
            if month >= months[0]:
                resolved[month] += 1
                durations[month].append(max((closed - at).total_seconds(), 0) / 86400)
    result = [ServiceMonth(m, opened[m], resolved[m], statistics.median(durations[m]) if durations[m] else None,
                           open_now[m]) for m in months]
    by_staff = None
    first = today - timedelta(days=today.weekday() + 7 * (STAFF_WEEKS - 1))
    if allowed(actor, "reports.staff"):
        weekly = Counter()
        for name, day, n in queries.logged_by_staff(first):
            weekly[(name, day - timedelta(days=day.weekday()))] += n
        by_staff = [(name, monday, n) for (name, monday), n in sorted(weekly.items())]
    return Service(result, by_staff, by_till(first, today))


@dataclass(frozen=True, slots=True)
class CustomerStanding:
    stage: str  # from her history as it is now
    segment: str | None  # from the day's ranking (None: never bought, or not ranked yet today)
    scores: tuple[int, int, int] | None


def standing(customer_id: int, today: date, *, shop: ShopSettings) -> CustomerStanding:
    """The customer's lifecycle stage from her history now, and her segment from the day's ranking (a
    segment compares her with everyone, so it is worked out for all at once, once a day)."""
    t = thresholds(shop)
    stage = seg.stage_of(seg.history_from_events(customer_id, queries.customer_events(customer_id), today, t), today, t)
    row = queries.segment_of(customer_id)
    if row is None:
        return CustomerStanding(stage, None, None)
    segment, _stage, r, f, m = row
    return CustomerStanding(stage, segment, (r, f, m) if r is not None else None)
