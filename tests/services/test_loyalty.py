"""Loyalty through its services on a real database: earning at the counter, refunds, redemptions,
adjustments, expiry, bonuses, stamps, merges, reports and events, and a property test over random
sequences of all of them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.db.models import AuditLog, Customer, LoyaltyAllocation, LoyaltyEntry, Reward
from desktop_app.domain.actors import COUNTER, MANAGER, OWNER, Actor
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.loyalty import POINTS, STAMPS, InsufficientPoints, Rules, Tier
from desktop_app.domain.permissions import PermissionDenied
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry
from desktop_app.services.loyalty import daily, events, ledger, programs, reports, views
from desktop_app.services.loyalty.programs import ProgramInfo, RewardInfo

COUNTER_ACTOR = Actor(None, "Bruno", COUNTER)
MANAGER_ACTOR = Actor(None, "Carla", MANAGER)
OWNER_APPROVAL = Actor(None, "Ana Paula", OWNER)

CLUB = Rules(kind=POINTS, points=1, per_cents=100, expiry_months=12, adjust_limit=100,
             tiers=(Tier("Bronze", 0, 100), Tier("Ouro", 100_000, 200)), tier_retention_days=30)


@pytest.fixture
def club(shop_settings, actor):
    return programs.save_program(ProgramInfo(None, "Clube", True, CLUB, (
        RewardInfo(None, "Vale R$ 10", 100, 1000), RewardInfo(None, "Vale R$ 30", 250, 3000))), actor=actor)


def new_customer(shop, actor, today, name="Maria Souza", source="counter"):
    return customers.create_customer(CustomerInput(name=name), shop=shop, actor=actor, today=today, source=source)


@pytest.fixture
def maria(shop_settings, actor, today, club):
    return new_customer(shop_settings, actor, today)


def log(shop, today, customer_id, **fields):
    return interactions.log_interaction(customer_id, LogEntry(**fields), actor=COUNTER_ACTOR, shop=shop, today=today)


def balance(customer_id, today, program="Clube"):
    return next(s.balance for s in views.summaries(customer_id, today) if s.program == program)


def reward_id(name):
    return Reward.get(Reward.name == name).id


def snapshot():
    return (list(LoyaltyEntry.select().tuples()), list(LoyaltyAllocation.select().tuples()))


def test_a_purchase_earns_points_that_expire_a_year_later(shop_settings, today, maria):
    purchase = log(shop_settings, today, maria, kind="purchase", amount="149,90")
    assert [(e.program, e.points) for e in views.earned_by(purchase)] == [("Clube", 149)]
    lot = LoyaltyEntry.get(LoyaltyEntry.interaction == purchase)
    assert (lot.kind, lot.points, lot.expires_on, lot.actor) == ("earn", 149, today.replace(year=today.year + 1), "Bruno")
    s = views.summaries(maria, today)[0]
    assert (s.balance, s.tier, s.next_reward, s.to_next_reward) == (149, "Bronze", "Vale R$ 30", 101)
    assert [r.name for r in s.affordable] == ["Vale R$ 10"]


def test_a_gold_customer_earns_double_and_reaching_gold_is_an_event(shop_settings, today, maria):
    first = log(shop_settings, today - timedelta(days=3), maria, kind="purchase", amount="1000,00")
    assert views.earned_by(first)[0].points == 1000
    second = log(shop_settings, today, maria, kind="purchase", amount="10,00")
    assert views.earned_by(second)[0].points == 20  # Ouro: x2
    kinds = [(e.step, e.detail) for e in events.events(today - timedelta(days=3), today)]
    assert ("tier_reached", "Ouro") in kinds and ("reward_reached", "") in kinds


def test_a_refund_takes_back_what_its_purchase_earned(shop_settings, today, maria):
    purchase = log(shop_settings, today, maria, kind="purchase", amount="200,00")
    log(shop_settings, today, maria, kind="return", amount="50,00", purchase_id=purchase)
    assert balance(maria, today) == 150
    log(shop_settings, today, maria, kind="return", amount="150,00", purchase_id=purchase)
    assert balance(maria, today) == 0
    reversed_ = LoyaltyEntry.select().where(LoyaltyEntry.kind == "reverse")
    assert sum(e.points for e in reversed_) == -200


def test_a_refund_of_points_already_spent_leaves_a_negative_balance_the_next_purchase_pays(
        shop_settings, today, maria):
    purchase = log(shop_settings, today, maria, kind="purchase", amount="120,00")
    ledger.redeem(maria, reward_id("Vale R$ 10"), actor=COUNTER_ACTOR, today=today)
    log(shop_settings, today, maria, kind="return", amount="120,00", purchase_id=purchase)
    assert balance(maria, today) == -100
    log(shop_settings, today, maria, kind="purchase", amount="130,00")
    assert balance(maria, today) == 30
    assert sum(e.points for e in LoyaltyEntry.select()) == 30


def test_redeeming_more_than_the_balance_or_a_reward_that_is_gone_writes_nothing(shop_settings, today, maria, actor):
    log(shop_settings, today, maria, kind="purchase", amount="90,00")
    before = snapshot()
    with pytest.raises(InsufficientPoints) as err:
        ledger.redeem(maria, reward_id("Vale R$ 10"), actor=COUNTER_ACTOR, today=today)
    assert err.value.message() == "Not enough points: 90 available, 100 needed."
    with pytest.raises(NotFound):
        ledger.redeem(maria, 9999, actor=COUNTER_ACTOR, today=today)
    club = programs.programs()[0]
    programs.save_program(ProgramInfo(club.id, club.name, True, club.rules, club.rewards[1:]), actor=actor)
    log(shop_settings, today, maria, kind="purchase", amount="20,00")
    before = snapshot()
    with pytest.raises(NotFound) as gone:
        ledger.redeem(maria, reward_id("Vale R$ 10"), actor=COUNTER_ACTOR, today=today)
    assert gone.value.code == "reward_not_found"
    assert snapshot() == before


def test_expired_points_are_never_spent_and_the_expiry_row_is_dated_on_the_day(shop_settings, today, maria):
    log(shop_settings, today - timedelta(days=400), maria, kind="purchase", amount="300,00")
    assert balance(maria, today) == 0
    with pytest.raises(InsufficientPoints):
        ledger.redeem(maria, reward_id("Vale R$ 10"), actor=COUNTER_ACTOR, today=today)
    assert LoyaltyEntry.select().count() == 1  # the refused redemption wrote nothing
    assert daily.run_daily(today)["expired"] == 1
    expired = LoyaltyEntry.get(LoyaltyEntry.kind == "expire")
    lot = LoyaltyEntry.get(LoyaltyEntry.kind == "earn")
    assert (expired.points, expired.occurred_on) == (-300, lot.expires_on)


def test_changing_the_expiry_rule_applies_only_to_points_earned_afterwards(shop_settings, today, maria, actor):
    first = log(shop_settings, today, maria, kind="purchase", amount="10,00")
    club = programs.programs()[0]
    programs.save_program(ProgramInfo(club.id, club.name, True, replace(club.rules, expiry_months=1), club.rewards),
                          actor=actor)
    second = log(shop_settings, today, maria, kind="purchase", amount="10,00")
    lots = {e.interaction_id: e.expires_on for e in LoyaltyEntry.select()}
    assert lots[first] == today.replace(year=2027) and lots[second] == today.replace(month=12)


def test_a_manual_adjustment_needs_a_reason_and_above_the_limit_the_owner(shop_settings, today, maria):
    before = snapshot()
    with pytest.raises(ValidationError) as no_reason:
        ledger.adjust(maria, programs.programs()[0].id, 50, "   ", actor=MANAGER_ACTOR, today=today)
    assert no_reason.value.code == "reason_required"
    with pytest.raises(ValidationError) as big:
        ledger.adjust(maria, programs.programs()[0].id, 500, "migração", actor=MANAGER_ACTOR, today=today)
    assert big.value.code == "adjust_needs_owner"
    with pytest.raises(ValidationError):
        ledger.adjust(maria, programs.programs()[0].id, 500, "migração", actor=MANAGER_ACTOR, today=today,
                      approver=COUNTER_ACTOR)
    with pytest.raises(PermissionDenied):
        ledger.adjust(maria, programs.programs()[0].id, 5, "brinde", actor=COUNTER_ACTOR, today=today)
    with pytest.raises(ValidationError) as zero:
        ledger.adjust(maria, programs.programs()[0].id, 0, "nada", actor=MANAGER_ACTOR, today=today)
    assert zero.value.code == "adjust_points_invalid"
    with pytest.raises(InsufficientPoints):
        ledger.adjust(maria, programs.programs()[0].id, -5, "erro", actor=MANAGER_ACTOR, today=today)
    assert snapshot() == before
    ledger.adjust(maria, programs.programs()[0].id, 500, "saldo do sistema antigo", actor=MANAGER_ACTOR,
                  today=today, approver=OWNER_APPROVAL)
    row = LoyaltyEntry.get(LoyaltyEntry.kind == "adjust")
    assert (row.points, row.reason, row.actor, row.approved_by) == (500, "saldo do sistema antigo", "Carla", "Ana Paula")
    assert AuditLog.select().where(AuditLog.action == "loyalty.adjust").count() == 1


def test_bad_program_rules_are_refused_and_nothing_is_saved(shop_settings, actor):
    with pytest.raises(ValidationError) as err:
        programs.save_program(ProgramInfo(None, "Clube", True, Rules(points=0)), actor=actor)
    assert err.value.code == "loyalty_rate_invalid"
    with pytest.raises(ValidationError):
        programs.save_program(ProgramInfo(None, "Cartão", True, Rules(kind=STAMPS)), actor=actor)
    with pytest.raises(ValidationError):
        programs.reward_input("Café", "0", "5,00")
    with pytest.raises(PermissionDenied):
        programs.save_program(ProgramInfo(None, "Clube", True, CLUB), actor=MANAGER_ACTOR)
    assert programs.programs() == []


def test_the_welcome_bonus_is_given_once_at_the_counter_and_never_to_imports(shop_settings, today, actor, club):
    program = programs.programs()[0]
    programs.save_program(replace(program, rules=replace(program.rules, welcome_bonus=20)), actor=actor)
    maria = new_customer(shop_settings, actor, today)
    imported = new_customer(shop_settings, actor, today, "João Importado", source="import")
    ledger.on_signup(maria, actor=actor, today=today)  # a second call gives nothing more
    assert balance(maria, today) == 20
    assert balance(imported, today) == 0


def test_the_birthday_bonus_comes_once_a_year_and_not_right_after_the_birthday_changed(
        shop_settings, today, actor, club):
    program = programs.programs()[0]
    programs.save_program(replace(program, rules=replace(program.rules, birthday_bonus=50)), actor=actor)
    old = new_customer(shop_settings, actor, today, "Olga Antiga")
    fresh = new_customer(shop_settings, actor, today, "Fátima Nova")
    for cid in (old, fresh):
        log(shop_settings, today, cid, kind="purchase", amount="1,00")  # members of the program
    Customer.update(birth_day=today.day, birth_month=today.month, birthday_md=today.month * 100 + today.day,
                    birthday_set_on=today - timedelta(days=200)).where(Customer.id == old).execute()
    Customer.update(birth_day=today.day, birth_month=today.month, birthday_md=today.month * 100 + today.day,
                    birthday_set_on=today - timedelta(days=3)).where(Customer.id == fresh).execute()
    assert daily.run_daily(today)["birthday_bonuses"] == 1
    assert daily.run_daily(today)["birthday_bonuses"] == 0
    assert (balance(old, today), balance(fresh, today)) == (51, 1)


def test_a_stamp_card_gives_one_stamp_a_day_and_a_full_card_is_a_reward(shop_settings, today, actor, maria):
    programs.save_program(ProgramInfo(None, "Cartão café", True, Rules(kind=STAMPS, stamp_on="both"),
                                      (RewardInfo(None, "Café grátis", 3, 800),)), actor=actor)
    for days_ago in (5, 4, 4, 2):
        log(shop_settings, today - timedelta(days=days_ago), maria, kind="visit")
    assert balance(maria, today, "Cartão café") == 3
    assert any(e.step == "reward_reached" for e in events.events(today - timedelta(days=5), today))
    ledger.redeem(maria, reward_id("Café grátis"), actor=COUNTER_ACTOR, today=today)
    assert balance(maria, today, "Cartão café") == 0


def test_merging_two_customers_merges_their_points(shop_settings, today, actor, maria):
    other = new_customer(shop_settings, actor, today, "Maria S.")
    log(shop_settings, today, maria, kind="purchase", amount="50,00")
    log(shop_settings, today, other, kind="purchase", amount="70,00")
    customers.merge_customers(maria, other, actor=actor, today=today)
    assert balance(maria, today) == 120
    assert LoyaltyEntry.select().where(LoyaltyEntry.customer == maria).count() == 2


def test_the_report_counts_what_is_owed_and_its_value(shop_settings, today, actor, maria):
    log(shop_settings, today - timedelta(days=340), maria, kind="purchase", amount="200,00")  # expires next month
    log(shop_settings, today, maria, kind="purchase", amount="100,00")
    ledger.redeem(maria, reward_id("Vale R$ 10"), actor=COUNTER_ACTOR, today=today)
    [r] = reports.report(today, actor=actor)
    assert (r.outstanding, r.members, r.earned_12m, r.redeemed_12m) == (200, 1, 300, 100)
    assert r.value_cents == 2400  # 200 points at the best rate: R$ 30 for 250 points
    assert r.expiring_next_month == 100
    assert dict(r.per_tier) == {"": 0, "Bronze": 1, "Ouro": 0}
    with pytest.raises(PermissionDenied):
        reports.report(today, actor=COUNTER_ACTOR)


def test_points_expiring_in_30_and_7_days_are_events_with_a_unique_key(shop_settings, today, maria):
    log(shop_settings, today - timedelta(days=335), maria, kind="purchase", amount="80,00")
    lot = LoyaltyEntry.get(LoyaltyEntry.kind == "earn")
    found = [e for e in events.events(today - timedelta(days=40), today) if e.step == "points_expiring"]
    assert [(e.on, e.detail, e.points) for e in found] == [(lot.expires_on - timedelta(days=30), "30", 80)]
    assert len({e.key for e in found}) == len(found)


# --- property test over random counter days ---------------------------------------------------------------


@st.composite
def days(draw):
    ops = []
    for _ in range(draw(st.integers(1, 14))):
        ops.append(draw(st.one_of(
            st.tuples(st.just("purchase"), st.integers(100, 40000)),
            st.tuples(st.just("refund"), st.integers(1, 100)),  # percent of what is left of the newest purchase
            st.tuples(st.just("redeem"), st.sampled_from(["Vale R$ 10", "Vale R$ 30"])),
            st.tuples(st.just("adjust"), st.integers(-150, 150)),
            st.tuples(st.just("wait"), st.integers(1, 200)),
        )))
    return ops


def play(shop, start, customer_id, ops):
    day = start
    for op, arg in ops:
        try:
            if op == "purchase":
                log(shop, day, customer_id, kind="purchase", amount=arg, on=day)
            elif op == "refund":
                left = interactions.refundable_purchases(customer_id)
                if left:
                    cents = max(1, left[0].left_cents * arg // 100)
                    log(shop, day, customer_id, kind="return", amount=cents, on=day, purchase_id=left[0].id)
            elif op == "redeem":
                ledger.redeem(customer_id, reward_id(arg), actor=COUNTER_ACTOR, today=day)
            elif op == "adjust" and arg:
                ledger.adjust(customer_id, programs.programs()[0].id, arg, "ajuste", actor=MANAGER_ACTOR,
                              today=day, approver=OWNER_APPROVAL)
            elif op == "wait":
                day += timedelta(days=arg)
        except (InsufficientPoints, ValidationError):
            pass  # refused: and then nothing was written, which the invariants below check
    views.summaries(customer_id, day)
    return day


def ledger_of(customer_id):
    rows = list(LoyaltyEntry.select().where(LoyaltyEntry.customer == customer_id).order_by(LoyaltyEntry.id))
    ids = {r.id: n for n, r in enumerate(rows)}
    allocations = sorted((ids[a.debit_id], ids[a.lot_id], a.points) for a in LoyaltyAllocation.select().where(
        LoyaltyAllocation.debit.in_(list(ids))))
    return [(r.kind, r.points, r.occurred_on, r.expires_on, r.reason) for r in rows], allocations, rows


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=days())
def test_random_counter_days_keep_the_ledger_exact(shop_settings, actor, club, ops):
    start = date(2024, 1, 2)
    a = new_customer(shop_settings, actor, start, "Ana Replay")
    b = new_customer(shop_settings, actor, start, "Bia Replay")
    end = play(shop_settings, start, a, ops)
    daily.run_daily(end)
    play(shop_settings, start, b, ops)
    daily.run_daily(end)
    shape_a, alloc_a, rows = ledger_of(a)
    shape_b, alloc_b, _ = ledger_of(b)
    assert (shape_a, alloc_a) == (shape_b, alloc_b)  # the same sequence gives the same ledger
    account = ledger.load_account(a, programs.programs()[0].id)
    assert account.balance == sum(r.points for r in rows)  # the balance is the sum of the ledger
    by_id = {r.id: r for r in rows}
    taken: dict[int, int] = {}
    for debit, lot, n in ((x.debit_id, x.lot_id, x.points) for x in LoyaltyAllocation.select().where(
            LoyaltyAllocation.lot.in_(list(by_id)))):
        taken[lot] = taken.get(lot, 0) + n
        spender = by_id[debit]
        if spender.kind in ("redeem", "adjust"):  # never spends expired points
            assert by_id[lot].expires_on is None or spender.occurred_on < by_id[lot].expires_on
    for r in rows:
        if r.points > 0:
            assert 0 <= taken.get(r.id, 0) <= r.points  # never spends what was not earned
    assert all(r.occurred_on < r.expires_on for r in rows if r.kind == "earn")
    assert all(r.points < 0 or r.kind in ("earn", "adjust") for r in rows)
    # a refund never leaves points that its purchase earned
    for lot in (r for r in rows if r.kind == "earn" and r.interaction_id):
        purchase = lot.interaction
        refunded = sum(x.amount_cents for x in purchase.related_to if x.kind == "return")
        reversed_ = -sum(r.points for r in rows if r.reverses_id == lot.id)
        assert reversed_ * purchase.amount_cents >= lot.points * refunded
        assert reversed_ <= lot.points
    assert not (account.debts and account.lots)
