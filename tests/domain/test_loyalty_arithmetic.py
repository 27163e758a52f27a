"""Loyalty arithmetic: rules, rounding, tiers with a rolling window and retention, and the lot account."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.actors import COUNTER, MANAGER, OWNER
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.loyalty import (
    ADJUST,
    EARN,
    REDEEM,
    REVERSE,
    STAMP_ON,
    STAMPS,
    Account,
    InsufficientPoints,
    Rules,
    Tier,
    add_months,
    adjustment_needs_owner,
    earned_by_entry,
    earns_stamp,
    expiry_for,
    points_for_purchase,
    progress,
    reversal_target,
    tier_index,
)

D0 = date(2026, 1, 1)


def test_points_follow_the_rate_and_the_rounding_rule():
    rule = Rules(points=1, per_cents=1000)  # 1 point per R$ 10
    assert points_for_purchase(4990, rule) == 4
    assert points_for_purchase(4990, Rules(points=1, per_cents=1000, rounding="nearest")) == 5
    assert points_for_purchase(4500, Rules(points=1, per_cents=1000, rounding="nearest")) == 5  # half goes up
    assert points_for_purchase(4499, Rules(points=1, per_cents=1000, rounding="nearest")) == 4
    assert points_for_purchase(4001, Rules(points=1, per_cents=1000, rounding="up")) == 5
    assert points_for_purchase(4000, Rules(points=1, per_cents=1000, rounding="up")) == 4


def test_the_tier_multiplier_applies_before_rounding_and_the_minimum_purchase_counts():
    rule = Rules(points=1, per_cents=100, min_purchase_cents=2000)
    assert points_for_purchase(1999, rule) == 0
    assert points_for_purchase(2000, rule) == 20
    assert points_for_purchase(3333, rule, multiplier_pct=150) == 49  # 33.33 x 1.5 = 49.995, rounded down
    assert points_for_purchase(0, rule) == 0
    assert points_for_purchase(-500, rule) == 0


@pytest.mark.parametrize("changes, field, code", [
    ({"points": 0}, "points", "loyalty_rate_invalid"),
    ({"points": -1}, "points", "loyalty_rate_invalid"),
    ({"per_cents": 0}, "per_cents", "loyalty_rate_invalid"),
    ({"rounding": "banker"}, "rounding", "loyalty_choice_invalid"),
    ({"expiry_months": -1}, "expiry_months", "loyalty_number_invalid"),
    ({"tiers": (Tier("", 0),)}, "tiers", "loyalty_tier_name"),
    ({"tiers": (Tier("Ouro", 10, 0),)}, "tiers", "loyalty_multiplier_invalid"),
    ({"tiers": (Tier("Ouro", 10), Tier("ouro", 20))}, "tiers", "loyalty_tier_duplicate"),
    ({"tiers": (Tier("Prata", 10), Tier("Ouro", 10))}, "tiers", "loyalty_tier_duplicate"),
    ({"kind": "cashback"}, "kind", "loyalty_kind_invalid"),
])
def test_bad_rules_are_refused_with_the_field_named(changes, field, code):
    with pytest.raises(ValidationError) as err:
        Rules(**changes).validated()
    assert (err.value.field, err.value.code) == (field, code)


def test_rules_round_trip_through_json_with_tiers_sorted():
    rules = Rules(tiers=(Tier("Ouro", 3000, 150), Tier("Prata", 1000, 120))).validated()
    assert [t.name for t in rules.tiers] == ["Prata", "Ouro"]
    assert Rules.from_json(rules.to_json()) == rules


def test_months_are_added_as_a_shop_counts_them():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert add_months(date(2026, 11, 24), 14) == date(2028, 1, 24)
    assert expiry_for(D0, Rules(expiry_months=0)) is None


def test_stamps_count_what_the_card_says():
    card = Rules(kind=STAMPS, stamp_on="visit")
    assert earns_stamp("visit", None, card) and not earns_stamp("purchase", 5000, card)
    both = Rules(kind=STAMPS, stamp_on="both", min_purchase_cents=1000)
    assert earns_stamp("purchase", 1000, both) and not earns_stamp("purchase", 999, both)
    assert not earns_stamp("call", None, both)


def test_what_an_entry_earns_points_for_a_purchase_and_a_stamp_for_what_the_card_counts():
    club = Rules(points=1, per_cents=1000)  # 1 point per R$ 10
    assert earned_by_entry("purchase", 4990, club) == 4
    assert earned_by_entry("purchase", 4990, club, multiplier_pct=150) == 7  # 7.485, rounded down
    assert earned_by_entry("purchase", None, club) == 0
    assert earned_by_entry("visit", 4990, club) == 0  # a points program pays for purchases only
    assert earned_by_entry("return", 4990, club) == 0
    visits = Rules(kind=STAMPS, stamp_on="visit")
    assert earned_by_entry("visit", None, visits) == 1 and earned_by_entry("purchase", 5000, visits) == 0
    purchases = Rules(kind=STAMPS, stamp_on="purchase", min_purchase_cents=1000)
    assert earned_by_entry("purchase", 999, purchases) == 0 and earned_by_entry("purchase", 1000, purchases) == 1
    assert earned_by_entry("visit", None, purchases) == 0
    both = Rules(kind=STAMPS, stamp_on="both")
    assert earned_by_entry("purchase", 1, both) == 1 and earned_by_entry("purchase", 0, both) == 0
    assert earned_by_entry("purchase", 5000, both, multiplier_pct=200) == 1  # one stamp, whatever the tier
    assert earned_by_entry("visit", None, both) == 1 and earned_by_entry("call", None, both) == 0


@pytest.mark.parametrize("stamp_on", STAMP_ON)
@pytest.mark.parametrize("amount", [None, 0, 1, 5000])
def test_a_visit_earns_a_stamp_exactly_when_the_card_counts_visits(stamp_on, amount):
    """The quick log used to decide this itself (stamps program and stamp_on visit or both); it asks the
    domain now, as the counter does, and the answer is the same for every card and any amount typed."""
    card = Rules(kind=STAMPS, stamp_on=stamp_on)
    assert earned_by_entry("visit", amount, card) == int(stamp_on in ("visit", "both"))
    assert earned_by_entry("visit", amount, Rules(stamp_on=stamp_on)) == 0  # a points program: nothing


def test_an_adjustment_above_the_limit_needs_the_owner_unless_she_makes_it():
    assert not adjustment_needs_owner(500, 500, MANAGER)  # up to the limit: no approval
    assert adjustment_needs_owner(501, 500, MANAGER)
    assert adjustment_needs_owner(-501, 500, MANAGER)  # removing counts as much as adding
    assert not adjustment_needs_owner(-500, 500, MANAGER)
    assert adjustment_needs_owner(501, 500, COUNTER)
    assert not adjustment_needs_owner(10_000_000, 500, OWNER)
    assert adjustment_needs_owner(1, 0, MANAGER) and not adjustment_needs_owner(1, 0, OWNER)


def test_a_partial_refund_reverses_its_share_rounded_up_and_a_full_one_everything():
    assert reversal_target(99, 1000, 10000) == 10  # 9.9 -> 10: never leaves points the refund paid for
    assert reversal_target(99, 10000, 10000) == 99
    assert reversal_target(99, 0, 10000) == 0


TIERS = (Tier("Bronze", 0), Tier("Prata", 1000, 120), Tier("Ouro", 3000, 150))


def test_a_tier_is_reached_within_the_window_and_kept_for_the_retention_period():
    events = [(D0, 2000), (D0 + timedelta(days=10), 1500)]
    assert tier_index(TIERS, events, D0 + timedelta(days=5), 365, 90) == 1
    assert tier_index(TIERS, events, D0 + timedelta(days=10), 365, 90) == 2
    # The first purchase leaves the window on day 365: she qualifies only for Prata now,
    lapse = D0 + timedelta(days=365)
    assert tier_index(TIERS, events, lapse, 365, 0) == 1
    # but keeps Ouro for the 90 days of retention,
    assert tier_index(TIERS, events, lapse + timedelta(days=89), 365, 90) == 2
    # then moves down.
    assert tier_index(TIERS, events, lapse + timedelta(days=90), 365, 90) == 1
    assert tier_index((), events, lapse, 365, 90) == -1


def test_a_refund_leaving_the_window_counts_again():
    events = [(D0, 3000), (D0 + timedelta(days=1), -2500), (D0 + timedelta(days=200), 2500)]
    assert tier_index(TIERS, events, D0 + timedelta(days=200), 365, 0) == 2
    assert tier_index(TIERS, events, D0 + timedelta(days=100), 365, 0) == 0


def brute_tier(events, today, window, retention):
    best = -1
    for offset in range(retention + 1):
        day = today - timedelta(days=offset)
        total = sum(v for d, v in events if day - timedelta(days=window) < d <= day)
        best = max(best, max((i for i, t in enumerate(TIERS) if total >= t.threshold), default=-1))
    return best


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(-1500, 2500)), max_size=12),
       st.integers(0, 250), st.integers(1, 60), st.integers(0, 40))
def test_tier_index_equals_checking_every_day(raw, today_offset, window, retention):
    events = sorted((D0 + timedelta(days=d), v) for d, v in raw)
    today = D0 + timedelta(days=today_offset)
    assert tier_index(TIERS, events, today, window, retention) == brute_tier(events, today, window, retention)


def test_progress_names_the_next_reward():
    assert progress(150, [200, 500]) == (200, 50)
    assert progress(600, [200, 500]) == (None, 0)
    assert progress(0, []) == (None, 0)


# --- the account as lots and debts ----------------------------------------------------------------------


class Book:
    """An account with a ledger beside it, the way the service writes one."""

    def __init__(self):
        self.account = Account()
        self.rows = []  # (id, kind, points, on, expires_on, takes, pays, unpaid)

    def post(self, posting):
        entry_id = len(self.rows) + 1
        self.rows.append((entry_id, posting))
        self.account.apply(posting, entry_id)
        return entry_id

    def expire(self, today):
        for posting in self.account.due_expiries(today):
            self.post(posting)


def test_redemptions_take_the_points_closest_to_expiring_first_and_can_be_partial():
    book = Book()
    late = book.post(book.account.credit(EARN, 100, D0, date(2027, 6, 1)))
    soon = book.post(book.account.credit(EARN, 50, D0, date(2026, 3, 1)))
    never = book.post(book.account.credit(ADJUST, 30, D0, None))
    posting = book.account.debit(REDEEM, 70, D0)
    assert posting.takes == [(soon, 50), (late, 20)]
    book.post(posting)
    assert book.account.balance == 110
    assert book.account.debit(REDEEM, 100, D0).takes == [(late, 80), (never, 20)]


def test_expired_points_cannot_be_spent():
    book = Book()
    book.post(book.account.credit(EARN, 100, D0, date(2026, 2, 1)))
    day = date(2026, 2, 1)
    assert book.account.available(day) == 0  # expiry day: no longer valid, even before the expire row
    with pytest.raises(InsufficientPoints):
        book.account.debit(REDEEM, 10, day)
    book.expire(day)
    assert book.account.balance == 0 and book.rows[-1][1].points == -100


def test_a_reverse_takes_its_own_lot_first_and_may_leave_a_debt_the_next_points_pay():
    book = Book()
    a = book.post(book.account.credit(EARN, 100, D0, None))
    b = book.post(book.account.credit(EARN, 40, D0, None))
    book.post(book.account.debit(REDEEM, 120, D0))  # takes a:100 b:20
    reverse = book.account.debit(REVERSE, 40, D0, first_lot=b, allow_debt=True)
    assert reverse.takes == [(b, 20)] and reverse.unpaid == 20
    debt = book.post(reverse)
    assert book.account.balance == -20
    credit = book.account.credit(EARN, 50, D0, None)
    assert credit.pays == [(debt, 20)]
    book.post(credit)
    assert book.account.balance == 30 and not book.account.debts
    assert a not in book.account.lots


@st.composite
def operations(draw):
    ops = []
    for _ in range(draw(st.integers(1, 30))):
        ops.append(draw(st.one_of(
            st.tuples(st.just("earn"), st.integers(1, 300), st.sampled_from([None, 30, 90, 365])),
            st.tuples(st.just("redeem"), st.integers(1, 400), st.none()),
            st.tuples(st.just("reverse"), st.integers(1, 300), st.none()),
            st.tuples(st.just("wait"), st.integers(1, 120), st.none()),
        )))
    return ops


def run_book(ops):
    book, day = Book(), D0
    for op, n, months in ops:
        book.expire(day)
        if op == "earn":
            book.post(book.account.credit(EARN, n, day, day + timedelta(days=months) if months else None))
        elif op == "redeem":
            with contextlib.suppress(InsufficientPoints):
                book.post(book.account.debit(REDEEM, n, day))
        elif op == "reverse":
            book.post(book.account.debit(REVERSE, n, day, allow_debt=True))
        else:
            day += timedelta(days=n)
    book.expire(day)
    return book, day


@settings(max_examples=300, deadline=None)
@given(operations())
def test_the_account_always_agrees_with_its_ledger(ops):
    book, day = run_book(ops)
    ledger_sum = sum(p.points for _i, p in book.rows)
    assert book.account.balance == ledger_sum
    taken = {}
    for entry_id, p in book.rows:
        for lot_id, n in p.takes:
            taken[lot_id] = taken.get(lot_id, 0) + n
            lot = dict(book.rows)[lot_id]
            assert lot.points > 0 and n > 0
            if p.kind != "expire":  # never spends a lot on or after its expiry day
                assert lot.expires_on is None or p.on < lot.expires_on
        for _debt_id, n in p.pays:
            taken[entry_id] = taken.get(entry_id, 0) + n
    for entry_id, p in book.rows:
        if p.points > 0:
            left = p.points - taken.get(entry_id, 0)
            assert left >= 0
            assert (left > 0) == (entry_id in book.account.lots)
            if left:
                assert book.account.lots[entry_id].remaining == left
        else:
            assert -p.points == sum(n for _l, n in p.takes) + p.unpaid
    # a debt and points left never sit side by side
    assert not (book.account.debts and book.account.lots)
    # only a reverse ever goes below zero; a redemption never takes what is not there
    assert all(p.unpaid == 0 for _i, p in book.rows if p.kind != "reverse")
    assert run_book(ops)[0].rows == book.rows  # the same events give the same ledger
