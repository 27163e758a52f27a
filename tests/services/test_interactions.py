"""The counter log through its services: kinds, amounts, refunds, open items, and roles."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.db.models import Customer, Interaction
from desktop_app.domain.actors import COUNTER, MANAGER, OWNER, Actor
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.permissions import ALLOWED, PermissionDenied
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry

COUNTER_ACTOR = Actor(None, "Bruno", COUNTER)
MANAGER_ACTOR = Actor(None, "Carla", MANAGER)


@pytest.fixture
def maria(shop_settings, actor, today):
    return customers.create_customer(CustomerInput(name="Maria Souza", phone="11987654321"),
                                     shop=shop_settings, actor=actor, today=today)


def log(shop, today, customer_id, actor=COUNTER_ACTOR, **fields):
    return interactions.log_interaction(customer_id, LogEntry(**fields), actor=actor, shop=shop, today=today)


def rows() -> int:
    return Interaction.select().count()


def test_a_purchase_is_logged_in_cents_with_who_logged_it(shop_settings, today, maria):
    new = log(shop_settings, today, maria, kind="purchase", amount="1.234,56", note="vestido")
    row = Interaction.get_by_id(new)
    assert (row.amount_cents, row.occurred_on, row.note, row.status) == (123456, today, "vestido", None)
    assert customers.timeline(maria)[0].kind == "purchase"


@pytest.mark.parametrize(("fields", "code"), [
    ({"kind": "purchase"}, "amount_required"),
    ({"kind": "purchase", "amount": "abc"}, "amount_invalid"),
    ({"kind": "purchase", "amount": "-10"}, "amount_negative"),
    ({"kind": "return", "amount": "10"}, "refund_no_purchase"),
    ({"kind": "dance"}, "kind_invalid"),
    ({"kind": "visit", "note": "x" * 2001}, "too_long"),
])
def test_bad_input_is_refused_and_writes_nothing(shop_settings, today, maria, fields, code):
    before = rows()
    with pytest.raises(ValidationError) as err:
        log(shop_settings, today, maria, **fields)
    assert err.value.code == code
    assert rows() == before


def test_dates_in_the_future_and_follow_ups_before_the_day_are_refused(shop_settings, today, maria):
    with pytest.raises(ValidationError) as err:
        log(shop_settings, today, maria, kind="visit", on=today + timedelta(days=1))
    assert err.value.code == "date_future"
    with pytest.raises(ValidationError) as err:
        log(shop_settings, today, maria, kind="quote", on=today - timedelta(days=2),
            follow_up_on=today - timedelta(days=5))
    assert err.value.code == "follow_up_past"


def test_an_unknown_customer_is_not_found(shop_settings, today):
    with pytest.raises(NotFound):
        log(shop_settings, today, 9999, kind="visit")


def test_a_refund_reverses_at_most_what_is_left_of_its_purchase(shop_settings, today, maria):
    purchase = log(shop_settings, today, maria, kind="purchase", amount="100")
    first = log(shop_settings, today, maria, kind="return", amount="60")
    assert Interaction.get_by_id(first).related_id == purchase
    before = rows()
    with pytest.raises(ValidationError) as err:
        log(shop_settings, today, maria, kind="return", amount="50", purchase_id=purchase)
    assert err.value.code == "refund_too_large" and "R$ 40,00" in err.value.message()
    assert rows() == before
    log(shop_settings, today, maria, kind="return", amount="40")
    assert interactions.refundable_purchases(maria) == []


def test_unfinished_purchases_stay_open_until_a_purchase_closes_them(shop_settings, today, maria):
    quote = log(shop_settings, today, maria, kind="quote", amount="890", note="vestido de noiva")
    tried = log(shop_settings, today, maria, kind="tried_on", note="blazer azul")
    complaint = log(shop_settings, today, maria, kind="complaint", note="zíper")
    assert Interaction.get_by_id(quote).follow_up_on == today + timedelta(days=7)
    assert [i.id for i in interactions.open_items(maria)] == [quote, tried, complaint]
    purchase = log(shop_settings, today, maria, kind="purchase", amount="890", closes=[quote])
    closed = Interaction.get_by_id(quote)
    assert (closed.status, closed.related_id) == ("bought", purchase)
    interactions.close_unfinished(tried, "lost", actor=COUNTER_ACTOR)
    with pytest.raises(ValidationError):
        interactions.resolve_complaint(complaint, "  ", actor=COUNTER_ACTOR)
    interactions.resolve_complaint(complaint, "trocamos o zíper", actor=COUNTER_ACTOR)
    assert interactions.open_items(maria) == []
    with pytest.raises(ValidationError) as err:
        interactions.close_unfinished(quote, "lost", actor=COUNTER_ACTOR)
    assert err.value.code == "not_open"


def test_a_purchase_cannot_close_another_customers_quote(shop_settings, actor, today, maria):
    other = customers.create_customer(CustomerInput(name="Rita"), shop=shop_settings, actor=actor, today=today)
    quote = log(shop_settings, today, other, kind="quote", amount="10")
    before = rows()
    with pytest.raises(NotFound):
        log(shop_settings, today, maria, kind="purchase", amount="10", closes=[quote])
    assert rows() == before and Interaction.get_by_id(quote).status == "open"


@pytest.mark.parametrize(("action", "role", "ok"), [
    ("customer.merge", COUNTER, False), ("customer.merge", MANAGER, True), ("customer.merge", OWNER, True),
    ("export", MANAGER, False), ("settings.change", MANAGER, False), ("staff.manage", MANAGER, False),
    ("audit.view", COUNTER, False), ("interaction.log", COUNTER, True), ("customer.create", COUNTER, True),
])
def test_the_role_table(action, role, ok):
    assert (role in ALLOWED[action]) is ok


def test_a_counter_account_cannot_merge_even_without_the_gui(shop_settings, actor, today, maria):
    other = customers.create_customer(CustomerInput(name="Maria S."), shop=shop_settings, actor=actor, today=today)
    with pytest.raises(PermissionDenied) as err:
        customers.merge_customers(maria, other, actor=COUNTER_ACTOR, today=today)
    assert err.value.message() == "Only a manager or the owner can do this."
    assert Customer.select().count() == 2
    customers.merge_customers(maria, other, actor=MANAGER_ACTOR, today=today)
    assert Customer.select().count() == 1
