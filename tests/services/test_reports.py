"""The reports on a real database: the day's pass over the history gives what the pure rules give on
the same events, segments become list filters, and the dashboard, cadence results and service figures
count what was logged."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import pytest

from desktop_app.db import reports as queries
from desktop_app.db.models import Customer, Interaction, Outbox
from desktop_app.domain import segments as seg
from desktop_app.domain.actors import COUNTER, Actor
from desktop_app.domain.dates import local_noon_utc
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.permissions import PermissionDenied
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.reports import reports

DAY = date(2026, 11, 24)


def person(settings, actor, name: str, created: date = date(2024, 1, 10), **kw) -> int:
    cid = customers.create_customer(CustomerInput(name=name, **kw), shop=settings, actor=actor, today=created)
    Customer.update(created_at=local_noon_utc(created, settings.timezone)).where(Customer.id == cid).execute()
    return cid


def event(cid: int, on: date, kind: str, amount: int | None = None, **kw) -> int:
    at = datetime.combine(on, time(15))
    return Interaction.insert(customer=cid, kind=kind, amount_cents=amount, occurred_at=at, occurred_on=on,
                              source="counter", created_at=at, **kw).execute()


def test_the_pass_over_the_history_agrees_with_the_rules(shop_settings, actor):
    """Random histories (visits, purchases, returns, calls; some in the future) through the database
    and through `history_from_events` give the same histories, segments and stages."""
    rng = random.Random(3)
    events: dict[int, list] = {}
    for n in range(60):
        cid = person(shop_settings, actor, f"Cliente {n}")
        events[cid] = []
        for _ in range(rng.randrange(0, 9)):
            on = DAY - timedelta(days=rng.randrange(-5, 800))
            kind = rng.choice(("purchase", "purchase", "visit", "return", "call"))
            amount = rng.choice((1990, 5000, 12990)) if kind in ("purchase", "return") else None
            event(cid, on, kind, amount)
            events[cid].append((on, kind, amount))
    t = reports.thresholds(shop_settings)
    previous = seg.previous_month_end(DAY)
    now, then = queries.histories(DAY, previous, t)
    expected_now = {cid: seg.history_from_events(cid, ev, DAY, t) for cid, ev in events.items()}
    expected_then = {cid: seg.history_from_events(cid, ev, previous, t) for cid, ev in events.items()}
    assert {h.customer_id: h for h in now} == {c: h for c, h in expected_now.items() if h.last_activity}
    assert {h.customer_id: h for h in then} == {c: h for c, h in expected_then.items() if h.last_activity}

    result = reports.refresh_segments(DAY, shop=shop_settings)
    assert (result.customers, result.changed) == (60, 60)
    assert reports.refresh_segments(DAY, shop=shop_settings) is None  # once a day
    assert reports.refresh_segments(DAY, shop=shop_settings, force=True).changed == 0
    stored = queries.stored_segments()
    named = seg.segments(list(expected_now.values()), DAY)
    for cid, h in expected_now.items():
        assert stored[cid][0] == named.get(cid)
        assert stored[cid][1] == seg.stage_of(h, DAY, t)
        assert stored[cid][6] == seg.stage_of(expected_then[cid], previous, t)


def test_segments_and_stages_filter_the_customer_list(shop_settings, actor):
    best = person(shop_settings, actor, "Beatriz Campeã")
    for days in (3, 20, 40, 60, 90):
        event(best, DAY - timedelta(days=days), "purchase", 50000)
    once = person(shop_settings, actor, "Nina Nova")
    event(once, DAY - timedelta(days=2), "purchase", 1000)
    gone = person(shop_settings, actor, "Gilda Sumida")
    event(gone, DAY - timedelta(days=400), "purchase", 2000)
    lead = person(shop_settings, actor, "Lia Curiosa")
    event(lead, DAY - timedelta(days=1), "visit")
    reports.refresh_segments(DAY, shop=shop_settings)

    assert list(customers.list_ids(group=("stage", "lead"))) == [lead]
    assert list(customers.list_ids(group=("stage", "inactive"))) == [gone]
    assert list(customers.list_ids(group=("segment", "new"))) == [once]
    assert customers.search("beatriz", group=("segment", "lost")) == []
    standing = reports.standing(best, DAY, shop=shop_settings)
    # Three buyers: a small shop, scored on fixed steps (she bought 3 days ago, 5 times, about 7 average
    # purchases' worth), not ranked (she was "second most recent of three": R 2).
    assert (standing.stage, standing.scores, standing.segment) == ("loyal", (5, 4, 5), "champions")
    assert list(customers.list_ids(group=("segment", standing.segment))) == [best]
    event(lead, DAY, "purchase", 100)  # the stage follows the history at once; the segment waits for tomorrow
    assert reports.standing(lead, DAY, shop=shop_settings) == reports.CustomerStanding("new", None, None)
    assert customers.search("b", group=("stage", "loyal")) == [best]  # the broad plan carries the filter too
    with pytest.raises(ValidationError):
        customers.list_ids(group=("segment", "vips"))
    # A deleted customer's row goes at the next refresh.
    Customer.delete().where(Customer.id == gone).execute()
    assert reports.refresh_segments(DAY + timedelta(days=1), shop=shop_settings).customers == 3


def test_dashboard_counts_what_happened(shop_settings, actor):
    a = person(shop_settings, actor, "Ana Lima", created=date(2026, 10, 5), email="ana@example.com",
               consent_email=True, birthday="12/05")
    b = person(shop_settings, actor, "Bia Reis", created=date(2026, 11, 2))
    person(shop_settings, actor, "Clara Dias", created=date(2025, 3, 2))
    event(a, date(2026, 6, 1), "purchase", 10000)
    event(a, date(2026, 11, 20), "purchase", 20000)  # bought before: returning
    event(b, date(2026, 11, 18), "purchase", 5000)  # first purchase: not returning
    event(b, date(2026, 11, 19), "visit")
    d = reports.dashboard(DAY, shop=shop_settings, actor=actor)
    assert (d.customers, d.with_birthday, d.with_email_consent) == (3, 1, 1)
    assert dict(d.new_by_month)[date(2026, 10, 1)] == 1 and dict(d.new_by_month)[date(2026, 11, 1)] == 1
    assert len(d.new_by_month) == 12 and len(d.by_week) == 26
    assert d.by_week[-1] == (date(2026, 11, 16), 1, 2)  # whole weeks: the one under way is left out
    assert d.returning_rate == pytest.approx(0.5)
    assert d.days_between_visits == pytest.approx(((date(2026, 11, 20) - date(2026, 6, 1)).days + 1) / 2)
    stages = {g.key: g for g in d.stages}
    assert stages["lead"].customers == 1 and stages["new"].customers == 1
    assert stages["reactivated"].customers == 1  # away from June to November, back within 90 days
    assert stages["new"].came_in == 1  # a lead at the end of October
    assert d.moved == 2
    assert sum(g.customers for g in d.segments) == 2
    assert d.segments_on == DAY
    event(b, DAY, "purchase", 5000)
    tomorrow = DAY + timedelta(days=1)
    assert reports.segments_stale(tomorrow)
    quick = reports.dashboard(tomorrow, shop=shop_settings, actor=actor, refresh=False)
    assert quick.segments_on == DAY and quick.segments == d.segments  # yesterday's, shown at once
    assert reports.dashboard(tomorrow, shop=shop_settings, actor=actor).segments_on == tomorrow
    with pytest.raises(PermissionDenied):
        reports.dashboard(DAY, shop=shop_settings, actor=Actor(None, "Bruno", COUNTER))


def test_cadence_results_compare_with_customers_who_got_nothing(shop_settings, actor):
    ids = [person(shop_settings, actor, f"Cliente {n}", created=date(2026, 1, 5)) for n in range(10)]
    sent_on = date(2026, 10, 3)
    for cid in ids[:4]:
        Outbox.insert(customer=cid, step="birthday", occurrence="birthday:2026", channel="email", marketing=True,
                      status="sent", due_on=sent_on, send_on=sent_on, not_after=sent_on, planned_at=datetime(2026, 10, 1),
                      updated_at=datetime(2026, 10, 3, 13), done_at=datetime(2026, 10, 3, 13)).execute()
    event(ids[0], date(2026, 10, 5), "purchase", 8000)
    event(ids[0], date(2026, 10, 10), "purchase", 2000)
    event(ids[1], date(2026, 10, 30), "purchase", 9999)  # after the 14 days: not counted
    event(ids[4], date(2026, 10, 20), "purchase", 3000)  # got nothing, bought within the baseline window
    results = reports.cadence_results(DAY, shop=shop_settings, actor=actor)
    [row] = results.steps
    assert (row.month, row.step, row.sent, row.bought, row.value_cents) == (date(2026, 10, 1), "birthday", 4, 1, 10000)
    assert row.rate == pytest.approx(0.25)
    october = next(b for b in results.baseline if b.month == date(2026, 10, 1))
    assert (october.customers, october.bought) == (6, 1)
    longer = reports.cadence_results(DAY, shop=shop_settings, actor=actor, window_days=30)
    assert longer.steps[0].bought == 2


def test_service_counts_complaints_and_who_logged(shop_settings, actor):
    cid = person(shop_settings, actor, "Rita Queixosa")
    opened = event(cid, date(2026, 10, 2), "complaint", status="resolved",
                   closed_at=datetime(2026, 10, 5, 15))
    event(cid, date(2026, 10, 20), "complaint", status="resolved", closed_at=datetime(2026, 11, 2, 15))
    event(cid, date(2026, 11, 10), "complaint", status="open")
    assert opened
    s = reports.service(DAY, shop=shop_settings, actor=actor)
    months = {m.month: m for m in s.months}
    assert (months[date(2026, 10, 1)].opened, months[date(2026, 10, 1)].resolved) == (2, 1)
    assert months[date(2026, 10, 1)].median_days == pytest.approx(3)
    assert months[date(2026, 11, 1)].resolved == 1 and months[date(2026, 11, 1)].open_now == 1
    assert s.by_staff is not None
    manager = Actor(None, "Carla", "manager")
    assert reports.service(DAY, shop=shop_settings, actor=manager).by_staff is None


def test_a_new_shops_only_customer_who_bought_today_is_new_not_lost(shop_settings, actor):
    """Issue 17 item 11, through the day's refresh and the customer list's filter."""
    only = person(shop_settings, actor, "Primeira Cliente", created=DAY)
    event(only, DAY, "purchase", 8990)
    reports.refresh_segments(DAY, shop=shop_settings)
    assert reports.standing(only, DAY, shop=shop_settings).segment == "new"
    assert list(customers.list_ids(group=("segment", "lost"))) == []
    assert list(customers.list_ids(group=("segment", "new"))) == [only]
