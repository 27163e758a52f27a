"""Several tills on one shop (issue 20), on both engines: every entry says which till made it, the reports
split the counter's work by till, a customer saved at one till is not overwritten by another till's form
that was filled before, and two tills logging purchases for one customer at once leave the ledger exact."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from desktop_app.db.database import database
from desktop_app.db.models import AuditLog, Customer, Interaction, LoyaltyEntry
from desktop_app.domain.actors import COUNTER, OWNER, Actor
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import ChangedElsewhere
from desktop_app.domain.loyalty import POINTS, Rules
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry
from desktop_app.services.loyalty import programs, views
from desktop_app.services.loyalty.programs import ProgramInfo
from desktop_app.services.reports import reports
from desktop_app.services.shop import audit

AT_ONE = Actor(None, "Bruno", COUNTER, till="Caixa 1")
AT_TWO = Actor(None, "Carla", OWNER, till="Caixa 2")
SIMPLE = Rules(kind=POINTS, points=1, per_cents=100, expiry_months=12)


@pytest.fixture
def club(shop_settings, actor):
    return programs.save_program(ProgramInfo(None, "Clube", True, SIMPLE, ()), actor=actor)


def test_every_entry_says_which_till_made_it(shop_settings, today, club):
    maria = customers.create_customer(CustomerInput(name="Maria Souza"), shop=shop_settings, actor=AT_ONE,
                                      today=today)
    assert Customer.get_by_id(maria).changed_at_till == "Caixa 1"
    purchase = interactions.log_interaction(maria, LogEntry(kind="purchase", amount="120"), actor=AT_TWO,
                                            shop=shop_settings, today=today)
    assert Interaction.get_by_id(purchase).till == "Caixa 2"
    earned = LoyaltyEntry.get(LoyaltyEntry.interaction == purchase)
    assert (earned.points, earned.till) == (120, "Caixa 2")
    customers.unsubscribe(maria, actor=AT_ONE)
    assert [(a.action, a.till) for a in AuditLog.select().where(AuditLog.action == "customer.unsubscribe")] == [
        ("customer.unsubscribe", "Caixa 1")]
    customers.update_customer(maria, CustomerInput(name="Maria Souza Lima"), shop=shop_settings, actor=AT_TWO,
                              today=today)
    assert Customer.get_by_id(maria).changed_at_till == "Caixa 2"


def test_a_save_over_a_change_made_at_another_till_is_refused_and_writes_nothing(shop_settings, today):
    maria = customers.create_customer(CustomerInput(name="Maria Souza", city="Recife"), shop=shop_settings,
                                      actor=AT_TWO, today=today)
    opened_here = customers.detail(maria, shop_settings)  # till 2's form is filled with this
    customers.update_customer(maria, CustomerInput(name="Maria Souza", city="Olinda"), shop=shop_settings,
                              actor=AT_ONE, today=today, loaded_at=customers.detail(maria, shop_settings).updated_at)
    changed = Customer.get_by_id(maria)
    with pytest.raises(ChangedElsewhere) as refused:
        customers.update_customer(maria, CustomerInput(name="Maria S.", city="Recife", notes="vestido 42"),
                                  shop=shop_settings, actor=AT_TWO, today=today, loaded_at=opened_here.updated_at)
    assert refused.value.code == "customer_changed_moment"
    assert refused.value.params == {"till": "Caixa 1"}
    assert refused.value.message() == ("Changed at Caixa 1 a moment ago: reopen the customer to see the change "
                                       "and edit again.")
    after = Customer.get_by_id(maria)
    assert (after.name, after.city, after.notes, after.updated_at, after.changed_at_till) == (
        "Maria Souza", "Olinda", "", changed.updated_at, "Caixa 1")
    assert customers.search("Souza") == [maria]  # her search terms were not rewritten either
    reopened = customers.detail(maria, shop_settings)  # reopen her: the save goes through
    customers.update_customer(maria, CustomerInput(name="Maria S.", city="Olinda"), shop=shop_settings,
                              actor=AT_TWO, today=today, loaded_at=reopened.updated_at)
    assert (Customer.get_by_id(maria).name, Customer.get_by_id(maria).changed_at_till) == ("Maria S.", "Caixa 2")


def test_a_save_without_the_time_it_was_loaded_overwrites_as_before(shop_settings, today):
    maria = customers.create_customer(CustomerInput(name="Maria Souza"), shop=shop_settings, actor=AT_ONE,
                                      today=today)
    customers.update_customer(maria, CustomerInput(name="Maria Lima"), shop=shop_settings, actor=AT_ONE, today=today)
    customers.update_customer(maria, CustomerInput(name="Maria Costa"), shop=shop_settings, actor=AT_TWO, today=today)
    assert Customer.get_by_id(maria).name == "Maria Costa"


@pytest.mark.parametrize(("seconds", "code", "params"), [
    (0, "customer_changed_moment", {"till": "Caixa 1"}),
    (59, "customer_changed_moment", {"till": "Caixa 1"}),
    (60, "customer_changed_minute", {"till": "Caixa 1"}),
    (180, "customer_changed_minutes", {"till": "Caixa 1", "minutes": 3}),
    (59 * 60 + 59, "customer_changed_minutes", {"till": "Caixa 1", "minutes": 59}),
    (3600, "customer_changed_long", {"till": "Caixa 1"}),
])
def test_the_refusal_says_how_long_ago(seconds, code, params):
    changed = utc_now().replace(microsecond=0)
    err = ChangedElsewhere.since("Caixa 1", changed, changed + timedelta(seconds=seconds))
    assert (err.code, err.params) == (code, params)
    if code == "customer_changed_minutes":
        assert f"{params['minutes']} minutes ago" in err.message()


def test_a_change_whose_till_is_not_known_is_still_refused():
    """A record last written before tills were recorded (v6) names no till."""
    now = utc_now()
    err = ChangedElsewhere.since("", now, now)
    assert err.code == "customer_changed" and "Someone else changed this customer" in err.message()


def test_the_reports_split_the_counter_by_till_once_two_tills_logged(shop_settings, today, actor):
    ana = customers.create_customer(CustomerInput(name="Ana"), shop=shop_settings, actor=AT_ONE, today=today)

    def log(who, kind, amount=None, days_ago=0):
        interactions.log_interaction(ana, LogEntry(kind=kind, amount=amount, on=today - timedelta(days=days_ago)),
                                     actor=who, shop=shop_settings, today=today)

    log(AT_ONE, "purchase", "100")
    log(AT_ONE, "visit")
    assert reports.service(today, shop=shop_settings, actor=actor).by_till == []  # one till: no split shown
    log(AT_TWO, "purchase", "50,50")
    log(AT_TWO, "purchase", "20")
    log(AT_TWO, "note")
    log(AT_ONE, "purchase", "999", days_ago=7 * reports.STAFF_WEEKS)  # before the period
    interactions.log_interaction(ana, LogEntry(kind="visit"), actor=Actor(None, "old", OWNER), shop=shop_settings,
                                 today=today)  # as entries from before v7 are: no till
    split = reports.service(today, shop=shop_settings, actor=actor).by_till
    assert split == [reports.TillFigures("Caixa 2", 3, 2, 7050), reports.TillFigures("Caixa 1", 2, 1, 10000),
                     reports.TillFigures("", 1, 0, 0)]


def test_two_tills_logging_purchases_for_one_customer_at_once_leave_the_ledger_exact(shop_settings, today, club):
    """Two tills, each with its own connection, log 50 purchases each for the same customer, started at the
    same moment: each unit takes the write lock before it reads her account, so no posting is lost or doubled
    and her balance is the sum of what they earned."""
    maria = customers.create_customer(CustomerInput(name="Maria Souza"), shop=shop_settings, actor=AT_ONE,
                                      today=today)
    start = threading.Barrier(2)
    errors: list[BaseException] = []
    amounts = {AT_ONE: [f"{10 + i}" for i in range(50)], AT_TWO: [f"{i + 1},50" for i in range(50)]}

    def till(who: Actor) -> None:
        try:
            start.wait(timeout=30)
            for amount in amounts[who]:
                interactions.log_interaction(maria, LogEntry(kind="purchase", amount=amount), actor=who,
                                             shop=shop_settings, today=today)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            database.close()  # this thread's own connection

    threads = [threading.Thread(target=till, args=(who,)) for who in amounts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert errors == [] and not any(t.is_alive() for t in threads)
    expected = sum(int(a) for a in amounts[AT_ONE]) + sum(int(a.split(",")[0]) for a in amounts[AT_TWO])
    purchases = list(Interaction.select().where(Interaction.customer == maria))
    entries = list(LoyaltyEntry.select().where(LoyaltyEntry.customer == maria))
    assert len(purchases) == 100
    assert sorted(i.till for i in purchases) == ["Caixa 1"] * 50 + ["Caixa 2"] * 50
    assert len(entries) == 100 and len({e.interaction_id for e in entries}) == 100  # one posting each, none twice
    assert {e.interaction_id for e in entries} == {i.id for i in purchases}
    assert all(e.till == Interaction.get_by_id(e.interaction_id).till for e in entries)
    assert sum(e.points for e in entries) == expected
    assert next(s.balance for s in views.summaries(maria, today) if s.program == "Clube") == expected


def test_an_audited_action_with_no_till_records_an_empty_one(shop_settings):
    audit.record(Actor(None, "Régua", OWNER), "customer.retention")
    assert AuditLog.get(AuditLog.action == "customer.retention").till == ""
