"""RFM scores, segment names and lifecycle stages on hand-built histories (ties and one-purchase
customers included)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import segments as s
from desktop_app.domain.segments import History, Scores, Thresholds

DAY = date(2026, 11, 24)


def ago(days: int) -> date:
    return DAY - timedelta(days=days)


def purchases(cid: int, *days_ago: int, amount: int = 10000, visits: tuple[int, ...] = ()) -> History:
    events = [(ago(d), "purchase", amount) for d in days_ago] + [(ago(d), "visit", None) for d in visits]
    return s.history_from_events(cid, events, DAY)


def test_quintiles_split_distinct_values_evenly():
    assert s.quintile_scores([50, 10, 40, 20, 30]) == [5, 1, 4, 2, 3]
    assert s.quintile_scores(list(range(10))) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_ties_share_a_score_counted_from_below():
    assert s.quintile_scores([1, 1, 1, 1, 2]) == [1, 1, 1, 1, 5]
    assert s.quintile_scores([3, 3, 3, 3, 3]) == [1, 1, 1, 1, 1]
    assert s.quintile_scores([1, 2, 2, 2, 2, 2, 2, 2, 2, 9]) == [1, 1, 1, 1, 1, 1, 1, 1, 1, 5]
    assert s.quintile_scores([7]) == [1]


@given(st.lists(st.integers(-1000, 1000), min_size=1, max_size=200))
def test_scores_are_one_to_five_and_follow_the_values(values):
    scores = s.quintile_scores(values)
    assert all(1 <= x <= 5 for x in scores)
    for a, sa in zip(values, scores, strict=True):
        for b, sb in zip(values, scores, strict=True):
            if a == b:
                assert sa == sb
            elif a < b:
                assert sa <= sb


@pytest.mark.parametrize(("r", "f", "m", "bought", "name"), [
    (5, 1, 1, 1, "new"),
    (4, 5, 5, 1, "new"),  # one purchase, however big, is a new customer while it is recent
    (5, 5, 4, 9, "champions"),
    (4, 4, 4, 6, "champions"),
    (3, 5, 5, 8, "loyal"),
    (4, 3, 2, 3, "loyal"),  # FM = 2.5, rounded half up
    (4, 2, 2, 2, "promising"),
    (3, 1, 1, 1, "promising"),
    (1, 5, 5, 12, "cant_lose"),
    (1, 5, 4, 12, "cant_lose"),
    (2, 5, 5, 12, "at_risk"),
    (1, 3, 3, 4, "at_risk"),
    (2, 1, 2, 1, "hibernating"),
    (1, 2, 2, 2, "lost"),
    (1, 1, 1, 1, "lost"),
])
def test_segment_rules(r, f, m, bought, name):
    assert s.segment_of(Scores(r, f, m), bought) == name


def test_a_hand_built_shop():
    shop = [
        purchases(1, 2, 9, 20, 33, 50, 70, amount=30000),  # often, lately, a lot
        purchases(2, 5, amount=2000),  # once, last week
        purchases(3, 4, 40, 80, 150, amount=12000),
        purchases(4, 320, 330, 340, 350, 360, 370, amount=40000),  # was among the best, gone the longest but one
        purchases(5, 400, amount=3000),  # once, long ago
        purchases(6, 25, 120, amount=8000),
        purchases(7, 150, 600, amount=6000),
        purchases(8, 15, 300, 500, amount=9000),
        purchases(9, 95, 210, 420, amount=15000),
        purchases(10, 300, 310, amount=5000),
        History(11),  # never bought: a lead, no segment
        s.history_from_events(12, [(ago(3), "visit", None), (ago(3), "call", None)], DAY),
    ]
    scores = s.rfm_scores(shop, DAY, min_ranked=10)  # ten buyers, ranked by fifths as a bigger shop is
    assert set(scores) == set(range(1, 11))
    assert scores[1] == Scores(5, 5, 5)
    assert scores[2].frequency == 1 and scores[5].frequency == 1  # single purchases tie at the bottom
    assert scores[2].recency == 4 and scores[5].recency == 1
    named = s.segments(shop, DAY, min_ranked=10)
    assert named == {1: "champions", 2: "new", 3: "champions", 4: "cant_lose", 5: "lost", 6: "loyal",
                     7: "hibernating", 8: "loyal", 9: "loyal", 10: "hibernating"}
    assert s.stage_of(shop[10], DAY) == "lead" and s.stage_of(shop[11], DAY) == "lead"


def test_returns_lower_the_money_and_never_below_zero():
    h = s.history_from_events(1, [(ago(10), "purchase", 10000), (ago(5), "return", 4000)], DAY)
    assert h.money_cents == 6000 and h.purchases == 1
    refunded = s.history_from_events(2, [(ago(10), "purchase", 10000), (ago(5), "return", 10000),
                                         (ago(5), "return", 3000)], DAY)
    assert refunded.money_cents == -3000
    assert s.rfm_scores([h, refunded], DAY)[2].money == 1


def test_only_the_history_up_to_the_day_counts():
    h = s.history_from_events(1, [(ago(100), "purchase", 5000), (DAY + timedelta(days=3), "purchase", 5000)], DAY)
    assert h.purchases == 1 and h.last_purchase == ago(100)
    assert s.stage_of(s.history_from_events(1, [(DAY + timedelta(days=1), "purchase", 1)], DAY), DAY) == "lead"


@pytest.mark.parametrize(("events", "stage"), [
    ([], "lead"),
    ([(3, "visit")], "lead"),
    ([(10, "purchase")], "new"),
    ([(59, "purchase")], "new"),
    ([(89, "purchase")], "at_risk"),  # new, but away too long already
    ([(30, "purchase"), (80, "visit"), (120, "purchase")], "active"),
    ([(30, "purchase"), (100, "purchase")], "reactivated"),  # 70 days away, then back
    ([(59, "visit"), (100, "visit"), (130, "purchase")], "active"),
    ([(60, "purchase"), (100, "purchase")], "at_risk"),
    ([(179, "purchase")], "at_risk"),
    ([(180, "purchase")], "inactive"),
    ([(20, "purchase"), (150, "purchase")], "reactivated"),  # 130 days away, back within 90 days
    ([(20, "visit"), (40, "purchase"), (150, "purchase")], "reactivated"),  # the first return counts
    ([(20, "purchase"), (50, "purchase"), (95, "visit"), (200, "purchase")], "active"),  # came back before the window
    ([(5, "purchase"), (40, "purchase"), (70, "purchase"), (100, "purchase")], "loyal"),
    ([(5, "purchase"), (40, "purchase"), (70, "visit"), (100, "purchase")], "active"),  # a visit is not a purchase
])
def test_lifecycle_stages(events, stage):
    h = s.history_from_events(1, [(ago(d), kind, 1000 if kind == "purchase" else None) for d, kind in events], DAY)
    assert s.stage_of(h, DAY) == stage


def test_thresholds_follow_the_shop():
    h = s.history_from_events(1, [(ago(45), "purchase", 1000), (ago(95), "visit", None), (ago(130), "purchase", 1000)],
                            DAY)
    assert s.stage_of(h, DAY) == "active"
    assert s.stage_of(h, DAY, Thresholds(at_risk_days=30)) == "at_risk"
    with pytest.raises(ValueError):
        Thresholds(at_risk_days=200, inactive_days=180)


def test_month_helpers():
    assert s.month_start(DAY) == date(2026, 11, 1)
    assert s.previous_month_end(date(2026, 3, 15)) == date(2026, 2, 28)
    assert s.previous_month_end(date(2026, 1, 1)) == date(2025, 12, 31)


def test_a_shop_with_one_customer_who_bought_today_calls_her_new_not_lost():
    """Issue 17 item 11: fifths of one customer made her "lost" the day she bought."""
    only = s.history_from_events(1, [(DAY, "purchase", 5000)], DAY)
    assert s.rfm_scores([only], DAY) == {1: Scores(5, 1, 1)}
    assert s.segments([only], DAY) == {1: "new"}


def test_a_handful_of_customers_get_names_from_fixed_steps_not_fifths():
    """Below `MIN_RANKED` buyers the scores are fixed steps of days, purchases and average purchases'
    worth of money (module docstring); the names follow from the usual rules."""
    shop = [
        purchases(1, 3, 12, 30, 45, 70, 90, amount=20000),  # six purchases, the last this week
        purchases(2, 1, amount=4000),  # first purchase yesterday
        purchases(3, 10, 50, 100, amount=20000),  # three, the last ten days ago
        purchases(4, 130, 260, 400, 500, amount=15000),  # four, but gone 130 days
        purchases(5, 365, amount=6000),  # once, a year ago
        purchases(6, 200, 600, 700, 800, 900, 1000, amount=30000),  # was the best, gone 200 days
        purchases(7, 80, 300, amount=5000),  # twice, the last 80 days ago
        History(8),
    ]
    scores = s.rfm_scores(shop, DAY)
    assert scores[1] == Scores(5, 5, 5)
    assert scores[2] == Scores(5, 1, 1)
    assert scores[5].recency == 1 and scores[4].recency == 2 and scores[7].recency == 3
    assert s.segments(shop, DAY) == {1: "champions", 2: "new", 3: "loyal", 4: "at_risk", 5: "lost", 6: "cant_lose",
                                     7: "promising"}
    # The steps of days follow the shop's at-risk and inactive days.
    assert scores[3].recency == 5  # ten days ago: under half of the default 60 at-risk days
    assert s.rfm_scores(shop, DAY, Thresholds(at_risk_days=20, inactive_days=40))[3].recency == 4
    assert s.rfm_scores(shop, DAY, Thresholds(at_risk_days=8, inactive_days=12))[3].recency == 2


def test_one_big_purchase_counts_as_several_average_ones_and_the_fifths_start_at_min_ranked():
    shop = [purchases(n, 10 + n, amount=5000) for n in range(1, 6)] + [purchases(9, 5, amount=50000)]
    scores = s.rfm_scores(shop, DAY)  # the average purchase: 750.00 / 6 = 125.00; she spent four times that
    assert scores[9] == Scores(5, 1, 4) and scores[1].money == 1
    big = [purchases(n, n, amount=1000 * n) for n in range(1, s.MIN_RANKED + 1)]
    ranked = s.rfm_scores(big, DAY)
    assert {sc.recency for sc in ranked.values()} == {1, 2, 3, 4, 5}  # ranked: someone is in each fifth
    assert s.rfm_scores(big[:-1], DAY) == s.fixed_scores(big[:-1], DAY, Thresholds())
