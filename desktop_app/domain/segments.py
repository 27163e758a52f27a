"""Customers in the shop's words: RFM segments and the lifecycle stage, from the history alone.

Both are pure functions of a customer's aggregated history (`History`) and a day, so the dashboard can
ask "as of today" and "as of the end of last month" from the same facts and show what moved.

RFM: recency (days since the last purchase), frequency (purchases) and money (net of returns), each
scored 1-5 by quintile among the customers who ever bought. Equal values always get the same score
(a value's score counts only the customers strictly below it), so a shop where most customers bought
once gives all of them frequency 1. Frequency and money are combined into one FM score (their mean,
half up), and the pair (R, FM) is named by the first rule that fits:

    new           bought exactly once, and recently (R >= 4)
    champions     R >= 4 and FM >= 4
    loyal         R >= 3 and FM >= 3
    promising     R >= 3
    cant_lose     R == 1 and FM == 5: were among the best, gone the longest
    at_risk       R <= 2 and FM >= 3
    hibernating   R == 2
    lost          R == 1

Customers who never bought have no segment: their lifecycle stage says "lead".

A small shop (fewer than `MIN_RANKED` = 20 customers who bought, four to a fifth) is not ranked: a fifth
of three customers says nothing, and ranking made the only customer, who bought today, "lost". Its
scores are fixed steps instead (the lifecycle's thresholds, so the two agree):

    recency       5: bought less than at_risk_days / 2 ago (default 30), 4: less than at_risk_days (60),
                  3: less than halfway to inactive_days (120), 2: less than inactive_days (180), 1: longer
    frequency     purchases: 1 -> 1, 2 -> 2, 3 -> 3, 4 or 5 -> 4, 6 or more -> 5
    money         what she spent (net of returns) counted in the shop's average purchases (all its buyers'
                  money over all their purchases), on the frequency steps: 2.5 average purchases -> 2

The segment rules above then name them as usual: one customer who bought today is "new", a regular
who came last week a "champion", one who bought once a year ago "lost".

Lifecycle, first rule that fits as of a day D (the thresholds are `Thresholds`):

    lead          no purchase yet
    inactive      no visit or purchase for `inactive_days` (default 180)
    at_risk       no visit or purchase for `at_risk_days` (the régua's reactivation days, default 60)
    new           first purchase within the last `recent_days` (90)
    reactivated   came back within the last `recent_days` after `at_risk_days` or more away
    loyal         `loyal_purchases` (4) or more purchases in the last 365 days
    active        everyone else who bought
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

SEGMENTS = ("champions", "loyal", "new", "promising", "at_risk", "cant_lose", "hibernating", "lost")
STAGES = ("lead", "new", "active", "loyal", "at_risk", "inactive", "reactivated")
QUINTILES = 5
MIN_RANKED = 20  # fewer customers who bought than this: fixed steps instead of fifths
FREQUENCY_STEPS = (2, 3, 4, 6)  # purchases (or average purchases' worth of money) for scores 2, 3, 4, 5


@dataclass(frozen=True, slots=True)
class Thresholds:
    at_risk_days: int = 60
    inactive_days: int = 180
    recent_days: int = 90
    loyal_purchases: int = 4
    loyal_window_days: int = 365

    def __post_init__(self) -> None:
        if not 0 < self.at_risk_days < self.inactive_days:
            raise ValueError("at_risk_days must be positive and below inactive_days")


@dataclass(frozen=True, slots=True)
class History:
    """One customer's history as of a day, aggregated (the database does the summing).

    `last_before_recent` is the last visit or purchase before the recent window (day - recent_days),
    `first_in_recent` the first one inside it: a long gap between them is a comeback."""

    customer_id: int
    purchases: int = 0
    money_cents: int = 0
    first_purchase: date | None = None
    last_purchase: date | None = None
    last_activity: date | None = None
    purchases_last_year: int = 0
    last_before_recent: date | None = None
    first_in_recent: date | None = None


@dataclass(frozen=True, slots=True)
class Scores:
    recency: int
    frequency: int
    money: int

    @property
    def fm(self) -> int:
        return (self.frequency + self.money + 1) // 2


def quintile_scores(values: Sequence[float]) -> list[int]:
    """1-5 per value, by where it stands among all the values: the share of values strictly below it,
    in fifths. Ties share a score; the lowest value (and a value alone) scores 1."""
    ordered = sorted(values)
    n = len(ordered)
    return [1 + (QUINTILES * bisect_left(ordered, v)) // n for v in values]


def step_score(value: float, steps: Sequence[float]) -> int:
    """1 plus how many of the (increasing) steps `value` reaches."""
    return 1 + sum(1 for s in steps if value >= s)


def fixed_scores(buyers: Sequence[History], day: date, t: Thresholds) -> dict[int, Scores]:
    """A small shop's scores, on fixed steps (see the module's docstring)."""
    halfway = (t.at_risk_days + t.inactive_days) / 2
    recency_steps = (t.inactive_days, halfway, t.at_risk_days, t.at_risk_days / 2)  # days ago, from 2 to 5
    purchases = sum(h.purchases for h in buyers)
    average = sum(max(h.money_cents, 0) for h in buyers) / purchases
    result = {}
    for h in buyers:
        ago = (day - h.last_purchase).days
        recency = 1 + sum(1 for s in recency_steps if ago < s)
        frequency = step_score(h.purchases, FREQUENCY_STEPS)
        money = step_score(max(h.money_cents, 0) / average, FREQUENCY_STEPS) if average > 0 else frequency
        result[h.customer_id] = Scores(recency, frequency, money)
    return result


def rfm_scores(histories: Sequence[History], day: date, t: Thresholds = Thresholds(), *,
               min_ranked: int = MIN_RANKED) -> dict[int, Scores]:
    """Scores for every customer who bought by `day`; the others are left out. By fifths among the
    buyers when there are at least `min_ranked` of them, else on fixed steps."""
    buyers = [h for h in histories if h.purchases > 0 and h.last_purchase is not None]
    if not buyers:
        return {}
    if len(buyers) < min_ranked:
        return fixed_scores(buyers, day, t)
    recency = quintile_scores([-(day - h.last_purchase).days for h in buyers])  # more recent: higher
    frequency = quintile_scores([h.purchases for h in buyers])
    money = quintile_scores([max(h.money_cents, 0) for h in buyers])
    return {h.customer_id: Scores(r, f, m) for h, r, f, m in zip(buyers, recency, frequency, money, strict=True)}


def segment_of(scores: Scores, purchases: int) -> str:
    r, fm = scores.recency, scores.fm
    if r >= 4 and purchases == 1:
        return "new"
    if r >= 4 and fm >= 4:
        return "champions"
    if r >= 3 and fm >= 3:
        return "loyal"
    if r >= 3:
        return "promising"
    if r == 1 and fm == 5:
        return "cant_lose"
    if fm >= 3:
        return "at_risk"
    if r == 2:
        return "hibernating"
    return "lost"


def segments(histories: Sequence[History], day: date, t: Thresholds = Thresholds(), *,
             min_ranked: int = MIN_RANKED) -> dict[int, str]:
    """customer id -> segment for every customer who bought by `day`."""
    by_id = {h.customer_id: h for h in histories}
    return {cid: segment_of(s, by_id[cid].purchases)
            for cid, s in rfm_scores(histories, day, t, min_ranked=min_ranked).items()}


def group_of(text: str) -> tuple[str, str] | None:
    """("segment" | "stage", key) from "segment:<key>" or "stage:<key>"; None for anything else."""
    kind, _, key = text.partition(":")
    if kind == "segment" and key in SEGMENTS or kind == "stage" and key in STAGES:
        return kind, key
    return None


def stage_of(h: History, day: date, t: Thresholds = Thresholds()) -> str:
    if h.first_purchase is None or h.first_purchase > day:
        return "lead"
    last = h.last_activity or h.last_purchase
    away = (day - last).days
    if away >= t.inactive_days:
        return "inactive"
    if away >= t.at_risk_days:
        return "at_risk"
    if (day - h.first_purchase).days < t.recent_days:
        return "new"
    if (h.first_in_recent is not None and h.last_before_recent is not None
            and (h.first_in_recent - h.last_before_recent).days >= t.at_risk_days):
        return "reactivated"
    if h.purchases_last_year >= t.loyal_purchases:
        return "loyal"
    return "active"


def recent_start(day: date, t: Thresholds = Thresholds()) -> date:
    """The first day of the recent window ending on `day` (the window that makes 'new' and 'reactivated')."""
    return day - timedelta(days=t.recent_days - 1)


def year_start(day: date, t: Thresholds = Thresholds()) -> date:
    return day - timedelta(days=t.loyal_window_days - 1)


def history_from_events(customer_id: int, events: Sequence[tuple[date, str, int | None]], day: date,
                        t: Thresholds = Thresholds()) -> History:
    """Aggregate a list of (day, kind, amount) as the database query does, for one customer's page and
    for tests. Only visits, purchases and returns on or before `day` count."""
    purchases = money = last_year = 0
    first_purchase = last_purchase = last_activity = before = first_in = None
    recent, year = recent_start(day, t), year_start(day, t)
    for on, kind, amount in events:
        if on > day:
            continue
        if kind == "return":
            money -= amount or 0
            continue
        if kind not in ("purchase", "visit"):
            continue
        if kind == "purchase":
            purchases += 1
            money += amount or 0
            first_purchase = on if first_purchase is None else min(first_purchase, on)
            last_purchase = on if last_purchase is None else max(last_purchase, on)
            if on >= year:
                last_year += 1
        last_activity = on if last_activity is None else max(last_activity, on)
        if on < recent:
            before = on if before is None else max(before, on)
        else:
            first_in = on if first_in is None else min(first_in, on)
    return History(customer_id, purchases, money, first_purchase, last_purchase, last_activity, last_year,
                   before, first_in)


def month_start(day: date) -> date:
    return day.replace(day=1)


def previous_month_end(day: date) -> date:
    return month_start(day) - timedelta(days=1)
