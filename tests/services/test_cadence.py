"""The régua on a real database: what the planner puts in the outbox, exactly once per occasion (twice in
a row, across midnight and DST changes, from two real processes at once), what it never sends (imported
signups, opted-out customers), the cap and catch-up rules, and what staff do on the Today screen."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.db.models import Customer, Interaction, Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.actors import COUNTER, Actor
from desktop_app.domain.dates import local_noon_utc, local_today, to_utc, zone
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.permissions import PermissionDenied
from desktop_app.services.cadence import actions, compose, planner
from desktop_app.services.cadence.rules import RULES_KEY, STEP_OFF, get_rules, save_rules
from desktop_app.services.cadence.still_true import BELOW_REWARD, POINTS_GONE
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry
from desktop_app.services.shop import shop
from desktop_app.services.shop.shop import ShopSettings
from tests.engines import open_test_shop

COUNTER_ACTOR = Actor(None, "Bruno", COUNTER)
ROOT = Path(__file__).resolve().parents[2]


def make(settings, actor, created: date, name="Maria Souza", *, email="maria@example.com", phone="11987654321",
         birthday="", consent=True, source="counter", birthday_set_on: date | None = None) -> int:
    cid = customers.create_customer(
        CustomerInput(name=name, email=email, phone=phone, birthday=birthday,
                      consent_email=consent if email else None, consent_whatsapp=consent if phone else None),
        shop=settings, actor=actor, today=created, source=source)
    Customer.update(created_at=local_noon_utc(created, settings.timezone),
                    birthday_set_on=birthday_set_on or (created if birthday else None)).where(Customer.id == cid).execute()
    return cid


def log(settings, cid, kind, on, **fields):
    return interactions.log_interaction(cid, LogEntry(kind=kind, on=on, **fields), actor=COUNTER_ACTOR,
                                        shop=settings, today=on)


def rows(customer_id=None):
    query = Outbox.select().order_by(Outbox.id)
    if customer_id is not None:
        query = query.where(Outbox.customer == customer_id)
    return [(r.step, r.occurrence, r.status) for r in query]


def start(settings, day):
    """The régua was switched on some weeks before `day` and ran every day until the day before."""
    shop.set_setting(planner.SINCE_KEY, (day - timedelta(days=40)).isoformat())
    shop.set_setting(planner.LAST_RUN_KEY, (day - timedelta(days=1)).isoformat())


def test_signup_today_and_welcome_three_days_later_once_each(shop_settings, actor):
    day = date(2026, 11, 2)
    start(shop_settings, day)
    cid = make(shop_settings, actor, day)
    planner.plan(day, shop=shop_settings)
    planner.plan(day, shop=shop_settings)  # twice in a row: nothing new
    assert rows(cid) == [("signup", "signup", "planned")]
    for d in range(1, 6):
        planner.plan(day + timedelta(days=d), shop=shop_settings)
    assert [r[:2] for r in rows(cid)] == [("signup", "signup"), ("welcome", "welcome")]
    welcome = Outbox.get(Outbox.step == "welcome")
    assert welcome.due_on == day + timedelta(days=3) and welcome.channel == c.EMAIL


def test_imported_customers_get_no_signup_or_welcome(shop_settings, actor):
    day = date(2026, 11, 2)
    start(shop_settings, day)
    cid = make(shop_settings, actor, day, source="import")
    for d in range(6):
        planner.plan(day + timedelta(days=d), shop=shop_settings)
    assert rows(cid) == []


def test_an_opted_out_customer_gets_nothing_on_any_channel(shop_settings, actor):
    day = date(2026, 11, 24)
    start(shop_settings, day)
    rules = get_rules(shop_settings)
    task_everything = replace(rules, steps=tuple(replace(s, channel=c.TASK) if s.key != c.SIGNUP else s
                                                 for s in rules.steps), cap_days=0)
    save_rules(task_everything, actor=actor, shop=shop_settings)
    out = make(shop_settings, actor, day - timedelta(days=3), "Opted Out", birthday="24/11")
    yes = make(shop_settings, actor, day - timedelta(days=3), "Said Yes", email="yes@example.com",
               phone="11912345678", birthday="24/11")
    for cid in (out, yes):
        Customer.update(birthday_set_on=date(2020, 1, 1)).where(Customer.id == cid).execute()
        log(shop_settings, cid, "purchase", day - timedelta(days=7), amount="100")
    customers.record_consent(out, "email", False, actor=actor, source="counter")
    customers.record_consent(out, "whatsapp", False, actor=actor, source="counter")
    planner.plan(day, shop=shop_settings)
    assert rows(out) == []
    assert {r[0] for r in rows(yes)} == {"welcome", "birthday", "post_sale"}


def test_a_planned_message_is_not_done_after_the_customer_opts_out(shop_settings, actor, today):
    start(shop_settings, today)
    cid = make(shop_settings, actor, today - timedelta(days=7))
    log(shop_settings, cid, "purchase", today - timedelta(days=7), amount="50")
    planner.plan(today, shop=shop_settings)
    item = next(i for i in planner.today_items(today) if i.step == c.POST_SALE)
    assert item.channel == c.WHATSAPP
    customers.record_consent(cid, "whatsapp", False, actor=actor, source="counter")
    before = Interaction.select().count()
    with pytest.raises(ValidationError) as err:
        actions.whatsapp_sent(item.outbox_id, actor=COUNTER_ACTOR, today=today, shop=shop_settings)
    assert err.value.code == "occasion_not_reachable"
    assert Interaction.select().count() == before and Outbox.get_by_id(item.outbox_id).status == c.PLANNED


def test_reactivation_fires_once_at_day_60_and_again_only_after_a_new_visit_and_60_more_days(shop_settings, actor):
    first_visit = date(2026, 6, 1)
    start(shop_settings, first_visit + timedelta(days=1))
    cid = make(shop_settings, actor, first_visit)
    log(shop_settings, cid, "visit", first_visit)
    fired = []
    day = first_visit + timedelta(days=1)
    while day <= date(2027, 1, 31):
        if day == date(2026, 9, 15):
            log(shop_settings, cid, "visit", day)  # she came back
        planner.plan(day, shop=shop_settings)
        fired = [(r.due_on, r.occurrence) for r in Outbox.select().where(Outbox.step == c.REACTIVATION)]
        day += timedelta(days=1)
    assert fired == [(date(2026, 7, 31), "inactivity:2026-07-31"), (date(2026, 11, 14), "inactivity:2026-11-14")]


@pytest.mark.parametrize("tz, evening", [
    ("Europe/Lisbon", datetime(2027, 3, 27, 23, 59)),  # clocks go forward at 01:00 that night
    ("Europe/Lisbon", datetime(2026, 10, 24, 23, 59)),  # clocks go back at 02:00 that night
    ("America/Sao_Paulo", datetime(2018, 11, 3, 23, 59)),  # midnight did not exist: clocks went to 01:00
    ("America/Sao_Paulo", datetime(2026, 11, 23, 23, 59)),
])
def test_planning_at_23_59_and_again_two_minutes_later_makes_exactly_one_occasion_each(paths, db_target, actor, tz,
                                                                                      evening):
    """Promise: Dates are the shop's dates."""
    open_test_shop(paths, db_target)
    settings = shop.save_shop_settings(replace(ShopSettings.for_country("Loja", "BR"), timezone=tz))
    before = to_utc(evening.replace(tzinfo=zone(tz)))
    after = before + timedelta(minutes=2)
    day, next_day = local_today(tz, before), local_today(tz, after)
    assert next_day == day + timedelta(days=1)
    start(settings, day)
    signed_up = make(settings, actor, day, "Signed Late", email="late@example.com")
    Customer.update(created_at=before - timedelta(minutes=1)).where(Customer.id == signed_up).execute()
    born = make(settings, actor, day - timedelta(days=100), "Birthday Girl", email="bday@example.com",
                phone="11912345678", birthday=f"{next_day.day}/{next_day.month}", birthday_set_on=date(2010, 1, 1))
    for _ in range(2):
        planner.plan(local_today(tz, before), shop=settings)
        planner.plan(local_today(tz, after), shop=settings)
    assert rows(signed_up) == [("signup", "signup", "planned")]
    assert [r[:2] for r in rows(born)] == [("birthday", f"birthday:{next_day.year}")]
    assert Outbox.get(Outbox.customer == born).due_on == next_day


def test_post_sale_waits_while_a_complaint_is_open(shop_settings, actor, today):
    start(shop_settings, today)
    cid = make(shop_settings, actor, today - timedelta(days=30))
    log(shop_settings, cid, "purchase", today - timedelta(days=7), amount="80")
    complaint = log(shop_settings, cid, "complaint", today - timedelta(days=6), note="zíper")
    planner.plan(today, shop=shop_settings)
    assert rows(cid) == []
    interactions.resolve_complaint(complaint, "trocado", actor=COUNTER_ACTOR)
    planner.plan(today + timedelta(days=1), shop=shop_settings)
    assert [r[0] for r in rows(cid)] == ["post_sale"]


def test_the_frequency_cap_sends_the_birthday_and_defers_the_post_sale(shop_settings, actor, today):
    start(shop_settings, today)
    cid = make(shop_settings, actor, today - timedelta(days=60), birthday=f"{today.day}/{today.month}",
               birthday_set_on=date(2020, 1, 1))
    log(shop_settings, cid, "purchase", today - timedelta(days=7), amount="80")
    result = planner.plan(today, shop=shop_settings)
    assert result.deferred == 1
    on_day = {r.step: (r.send_on, r.reason) for r in Outbox.select()}
    assert on_day == {"birthday": (today, ""), "post_sale": (today + timedelta(days=3), "frequency_cap")}
    assert [i.step for i in planner.today_items(today)] == ["birthday"]


def test_days_with_the_pc_off_are_caught_up_within_the_limit_and_recorded_as_missed_beyond_it(shop_settings, actor):
    day = date(2026, 11, 24)
    start(shop_settings, day - timedelta(days=9))  # last run 10 days ago
    old = make(shop_settings, actor, day - timedelta(days=40), "Old Sale", email="old@example.com",
               phone="11912345671")
    recent = make(shop_settings, actor, day - timedelta(days=40), "Recent Sale", email="new@example.com",
                  phone="11912345672")
    log(shop_settings, old, "purchase", day - timedelta(days=15), amount="10")  # post-sale due 8 days ago
    log(shop_settings, recent, "purchase", day - timedelta(days=9), amount="10")  # due 2 days ago
    result = planner.plan(day, shop=shop_settings)
    assert rows(old) == [("post_sale", f"post_sale:{Interaction.get(Interaction.customer == old).id}", "expired")]
    assert Outbox.get(Outbox.customer == old).reason == "missed"
    assert rows(recent)[0][2] == "planned" and result.missed == 1


def test_a_message_past_its_last_useful_day_expires_instead_of_going_late(shop_settings, actor, today):
    """Promise: Late is sometimes worse than never."""
    start(shop_settings, today)
    cid = make(shop_settings, actor, today - timedelta(days=60), birthday=f"{today.day}/{today.month}",
               birthday_set_on=date(2020, 1, 1))
    planner.plan(today, shop=shop_settings)
    planner.plan(today + timedelta(days=5), shop=shop_settings)
    row = Outbox.get(Outbox.customer == cid)
    assert (row.status, row.reason) == ("expired", "too_late")
    assert planner.today_items(today + timedelta(days=5)) == []


def test_whatsapp_and_task_actions_land_on_the_timeline_once(shop_settings, actor, today):
    start(shop_settings, today)
    rules = get_rules(shop_settings)
    save_rules(rules.with_step(replace(rules.step(c.UNFINISHED), channel=c.TASK)), actor=actor,
                       shop=shop_settings)
    cid = make(shop_settings, actor, today - timedelta(days=30))
    log(shop_settings, cid, "purchase", today - timedelta(days=7), amount="50")
    log(shop_settings, cid, "quote", today - timedelta(days=3), amount="300", note="vestido azul",
        follow_up_on=today)
    save_rules(replace(get_rules(shop_settings), cap_days=0), actor=actor, shop=shop_settings)
    planner.plan(today, shop=shop_settings)
    items = {i.step: i for i in planner.today_items(today)}
    assert set(items) == {c.POST_SALE, c.UNFINISHED}
    link = compose.whatsapp_link(items[c.POST_SALE], shop=shop_settings)
    assert link.startswith("https://wa.me/5511987654321?text=Oi%20Maria")
    assert "vestido azul" in compose.message_text(items[c.UNFINISHED], shop=shop_settings)
    actions.whatsapp_sent(items[c.POST_SALE].outbox_id, actor=COUNTER_ACTOR, today=today, shop=shop_settings)
    with pytest.raises(ValidationError) as err:
        actions.whatsapp_sent(items[c.POST_SALE].outbox_id, actor=COUNTER_ACTOR, today=today, shop=shop_settings)
    assert err.value.code == "occasion_not_waiting"
    with pytest.raises(ValidationError) as err:
        actions.task_done(items[c.UNFINISHED].outbox_id, "   ", actor=COUNTER_ACTOR, today=today, shop=shop_settings)
    assert err.value.code == "outcome_required"
    actions.task_done(items[c.UNFINISHED].outbox_id, "Vem buscar sábado", actor=COUNTER_ACTOR, today=today,
                      shop=shop_settings)
    timeline = [(e.kind, e.note) for e in customers.timeline(cid)]
    assert ("message", "WhatsApp · post-sale") in timeline and ("call", "Vem buscar sábado") in timeline
    assert planner.today_items(today) == []
    assert {r.status for r in Outbox.select()} == {c.DONE}


def test_skipping_a_previewed_message_keeps_the_planner_from_bringing_it_back(shop_settings, actor, today):
    start(shop_settings, today)
    cid = make(shop_settings, actor, today - timedelta(days=60), birthday=f"{(today + timedelta(days=2)).day}/"
               f"{(today + timedelta(days=2)).month}", birthday_set_on=date(2020, 1, 1))
    coming = [i for i in planner.preview(today, 7, shop=shop_settings) if i.customer_id == cid]
    assert [(i.step, i.send_on, i.outbox_id) for i in coming] == [("birthday", today + timedelta(days=2), None)]
    actions.skip_planned(coming[0], actor=COUNTER_ACTOR)
    for d in range(4):
        planner.plan(today + timedelta(days=d), shop=shop_settings)
    assert rows(cid) == [("birthday", f"birthday:{today.year}", "skipped")]
    assert [i for i in planner.preview(today, 7, shop=shop_settings) if i.customer_id == cid] == []


def test_approve_first_holds_emails_until_a_manager_approves(shop_settings, actor, today):
    start(shop_settings, today)
    save_rules(replace(get_rules(shop_settings), approve_first=True), actor=actor, shop=shop_settings)
    cid = make(shop_settings, actor, today - timedelta(days=3))
    planner.plan(today, shop=shop_settings)
    held = Outbox.get(Outbox.customer == cid)
    assert (held.step, held.status) == ("welcome", "held")
    with pytest.raises(PermissionDenied):
        actions.approve([held.id], actor=COUNTER_ACTOR)
    assert actions.approve([held.id], actor=actor) == 1
    assert Outbox.get_by_id(held.id).status == "planned"


def test_bad_rules_are_refused_and_nothing_is_saved(shop_settings, actor):
    rules = get_rules(shop_settings)
    for bad in (rules.with_step(replace(rules.step(c.BIRTHDAY), text="Oi {{ nome }}")),
                replace(rules, weekdays=()), rules.with_step(replace(rules.step(c.WELCOME), late_days=-1))):
        with pytest.raises(ValidationError):
            save_rules(bad, actor=actor, shop=shop_settings)
    assert shop.get_setting(RULES_KEY) is None
    with pytest.raises(PermissionDenied):
        save_rules(rules, actor=COUNTER_ACTOR, shop=shop_settings)


def test_a_merge_keeps_one_row_per_occasion(shop_settings, actor, today):
    start(shop_settings, today)
    a = make(shop_settings, actor, today - timedelta(days=3), "Maria A", email="a@example.com", phone="11912345601")
    b = make(shop_settings, actor, today - timedelta(days=3), "Maria B", email="b@example.com", phone="11912345602")
    planner.plan(today, shop=shop_settings)
    customers.merge_customers(a, b, actor=actor, today=today)
    assert rows(a) == [("welcome", "welcome", "planned")]


PLANNER = textwrap.dedent("""
    import sys, time
    from datetime import date
    from desktop_app.config import resolve_paths
    from desktop_app.services.cadence import planner
    from desktop_app.services.shop import shop
    shop.open_shop(resolve_paths(db=sys.argv[1]), create=False)
    settings = shop.shop_settings()
    while time.time() < float(sys.argv[2]):
        time.sleep(0.005)
    for _ in range(5):
        planner.plan(date.fromisoformat(sys.argv[3]), shop=settings)
""")


@pytest.mark.sqlite_only("several processes on one PostgreSQL database are a later step of issue 20")
def test_two_planner_processes_at_once_leave_one_row_per_occasion(shop_settings, actor, paths, today):
    """Promise: One message per occasion, ever."""
    start(shop_settings, today)
    for i in range(40):
        cid = make(shop_settings, actor, today - timedelta(days=3), f"Cliente {i}", email=f"c{i}@example.com",
                   phone=f"119123456{i:02d}", birthday=f"{today.day}/{today.month}", birthday_set_on=date(2020, 1, 1))
        log(shop_settings, cid, "purchase", today - timedelta(days=7), amount="30")
    shop.set_setting(RULES_KEY, replace(get_rules(shop_settings), cap_days=0).to_json())
    go = datetime.now(UTC).timestamp() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", PLANNER, str(paths.db_path), str(go), today.isoformat()],
                              cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    keys = [(r.customer_id, r.step, r.occurrence) for r in Outbox.select()]
    assert len(keys) == len(set(keys)) == 40 * 3  # welcome, birthday and post-sale for each


def test_a_birthday_gift_is_a_coupon_of_her_own_used_once_at_the_counter(shop_settings, actor, today):
    from desktop_app.db.models import Coupon
    from desktop_app.services.loyalty import coupons

    start(shop_settings, today)
    rules = get_rules(shop_settings)
    save_rules(rules.with_step(replace(rules.step(c.BIRTHDAY), gift="10% de desconto", gift_days=30)),
                       actor=actor, shop=shop_settings)
    bday = f"{today.day}/{today.month}"
    maria = make(shop_settings, actor, today - timedelta(days=90), birthday=bday, birthday_set_on=date(2020, 1, 1))
    ana = make(shop_settings, actor, today - timedelta(days=90), "Ana Lima", email="ana@example.com",
               phone="11912345670", birthday=bday, birthday_set_on=date(2020, 1, 1))
    planner.plan(today, shop=shop_settings)
    planner.plan(today, shop=shop_settings)
    assert Coupon.select().count() == 2
    mine = coupons.open_for(maria, today)[0]
    assert mine.valid_until == today + timedelta(days=30) and mine.code.startswith("ANIV-")
    item = next(i for i in planner.today_items(today) if i.customer_id == maria)
    assert mine.code in compose.message_text(item, shop=shop_settings)
    hers = coupons.open_for(ana, today)[0]
    for code, problem in ((hers.code, "coupon_other_customer"), ("ANIV-XXXX-XXXX", "coupon_not_found")):
        with pytest.raises(ValidationError) as err:
            coupons.redeem(code, maria, actor=COUNTER_ACTOR, today=today, shop=shop_settings)
        assert err.value.code == problem
    with pytest.raises(ValidationError) as err:
        coupons.redeem(mine.code, maria, actor=COUNTER_ACTOR, today=today + timedelta(days=31), shop=shop_settings)
    assert err.value.code == "coupon_expired"
    typed = mine.code.lower().replace("-", " ")  # as staff type it from the customer's phone
    used = coupons.redeem(typed, maria, actor=COUNTER_ACTOR, today=today, shop=shop_settings)
    assert used.redeemed_on is not None and coupons.open_for(maria, today) == []
    with pytest.raises(ValidationError) as err:
        coupons.redeem(mine.code, maria, actor=COUNTER_ACTOR, today=today, shop=shop_settings)
    assert err.value.code == "coupon_used"
    assert [e.note for e in customers.timeline(maria) if e.kind == "note"] == [f"10% de desconto ({mine.code})"]


def test_stop_messages_is_a_no_everywhere_cancels_what_waits_and_survives_a_reimport(shop_settings, actor, today,
                                                                                     tmp_path):
    from desktop_app.db.models import Suppression
    from desktop_app.services.spreadsheets import import_plan, import_write
    from desktop_app.services.spreadsheets.spreadsheet import read_table

    start(shop_settings, today)
    cid = make(shop_settings, actor, today - timedelta(days=3), consent=None)  # never asked about WhatsApp/e-mail
    customers.record_consent(cid, "email", True, actor=actor, source="counter")
    planner.plan(today, shop=shop_settings)
    assert rows(cid) == [("welcome", "welcome", "planned")]
    assert customers.unsubscribe(cid, actor=COUNTER_ACTOR, reason="replied SAIR") == 1
    assert rows(cid) == [("welcome", "welcome", "suppressed")]
    assert customers.detail(cid, shop_settings).consent == {"email": False, "whatsapp": False}
    assert Suppression.get_by_id("maria@example.com").reason == "unsubscribed"
    log(shop_settings, cid, "purchase", today, amount="50")
    for d in range(1, 10):
        planner.plan(today + timedelta(days=d), shop=shop_settings)
    assert [r[0] for r in rows(cid)] == ["welcome"]  # no post-sale, not even a call
    sheet = tmp_path / "clientes.csv"
    sheet.write_text("Nome;E-mail;Aceita receber e-mails\nMaria Souza;maria@example.com;Sim\n", encoding="utf-8")
    plan = import_plan.plan_import(read_table(sheet), shop_settings, today)
    import_write.commit_import(plan, actor=actor, shop=shop_settings, today=today)
    assert customers.detail(cid, shop_settings).consent["email"] is False


def test_a_step_aimed_at_a_segment_stage_or_tag_reaches_only_those_customers(shop_settings, actor, today):
    from desktop_app.db.models import CustomerTag
    from desktop_app.services.reports import reports

    start(shop_settings, today)
    bday = f"{today.day}/{today.month}"
    maria = make(shop_settings, actor, today - timedelta(days=90), birthday=bday, birthday_set_on=date(2020, 1, 1))
    ana = make(shop_settings, actor, today - timedelta(days=90), "Ana Lima", email="ana@example.com",
               phone="11912345670", birthday=bday, birthday_set_on=date(2020, 1, 1))
    for days in (5, 20, 40, 70, 100):  # Ana buys often: a loyal customer; Maria never bought: a lead
        on = today - timedelta(days=days)
        Interaction.create(customer=ana, kind="purchase", amount_cents=9000, occurred_on=on, source="counter",
                           occurred_at=datetime.combine(on, datetime.min.time()), created_at=datetime(2026, 1, 1))
    CustomerTag.create(customer=maria, tag="vip")
    rules = get_rules(shop_settings)
    birthday = rules.step(c.BIRTHDAY)
    assert planner.audience(rules, today, shop=shop_settings)[c.BIRTHDAY] == 2
    for audience, expected in (("stage:loyal", {ana}), ("stage:lead", {maria}), ("tag:vip", {maria}),
                               ("segment:new", set())):
        aimed = rules.with_step(replace(birthday, audience=audience))
        assert planner.audience(aimed, today, shop=shop_settings)[c.BIRTHDAY] == len(expected), audience
    assert reports.standing(ana, today, shop=shop_settings).stage == "loyal"  # worked out on the way
    save_rules(rules.with_step(replace(birthday, audience="tag:vip")), actor=actor, shop=shop_settings)
    planner.plan(today, shop=shop_settings)
    assert {r.customer_id for r in Outbox.select().where(Outbox.step == c.BIRTHDAY)} == {maria}
    for bad in ("segment:vips", "tag:", "everyone", "tag:a\nb"):
        with pytest.raises(ValidationError):
            save_rules(rules.with_step(replace(birthday, audience=bad)), actor=actor, shop=shop_settings)
    with pytest.raises(ValidationError):  # a signup confirmation goes to everyone who signs up
        save_rules(rules.with_step(replace(rules.step(c.SIGNUP), audience="tag:vip")), actor=actor,
                           shop=shop_settings)


def _on_today(day, step=None):
    return [(i.customer_id, i.step) for i in planner.today_items(day) if step is None or i.step == step]


def test_turning_a_step_off_takes_what_it_planned_off_today_and_due_and_on_again_brings_it_back(
        shop_settings, actor, today):
    """Issue 17 item 9: a step turned off leaves nothing it planned on Today or in `regua due` (skipped,
    reason recorded; what was already sent stays sent); turned on again, what is still useful is back."""
    start(shop_settings, today)
    away = []
    for n in range(4):
        cid = make(shop_settings, actor, today - timedelta(days=200), f"Cliente {n}", email=f"c{n}@example.com",
                   phone=f"1191234560{n}")
        log(shop_settings, cid, "visit", today - timedelta(days=60))  # inactive from today on
        away.append(cid)
    planner.plan(today, shop=shop_settings)
    sent = Outbox.get((Outbox.customer == away[0]) & (Outbox.step == c.REACTIVATION))
    Outbox.update(status=c.SENT).where(Outbox.id == sent.id).execute()  # the sender got to this one
    assert sorted(_on_today(today, c.REACTIVATION)) == [(cid, c.REACTIVATION) for cid in away[1:]]

    rules = get_rules(shop_settings)
    off = rules.with_step(replace(rules.step(c.REACTIVATION), enabled=False))
    save_rules(off, actor=actor, shop=shop_settings, today=today)
    assert _on_today(today, c.REACTIVATION) == []
    assert [i for i in planner.preview(today, 7, shop=shop_settings) if i.step == c.REACTIVATION] == []
    planner.plan(today, shop=shop_settings)
    assert _on_today(today, c.REACTIVATION) == []
    states = {r.customer_id: (r.status, r.reason) for r in Outbox.select().where(Outbox.step == c.REACTIVATION)}
    assert states == {away[0]: (c.SENT, ""), **{cid: (c.SKIPPED, STEP_OFF) for cid in away[1:]}}

    customers.record_consent(away[3], "email", False, actor=actor, source="counter")  # said stop meanwhile
    customers.record_consent(away[3], "whatsapp", False, actor=actor, source="counter")
    save_rules(rules, actor=actor, shop=shop_settings, today=today + timedelta(days=1))
    assert sorted(_on_today(today + timedelta(days=1), c.REACTIVATION)) == [(cid, c.REACTIVATION) for cid in away[1:3]]
    assert Outbox.get_by_id(sent.id).status == c.SENT
    assert Outbox.get((Outbox.customer == away[3]) & (Outbox.step == c.REACTIVATION)).status == c.SUPPRESSED


def test_the_step_cards_count_is_what_planning_then_puts_on_today(shop_settings, actor, today):
    """Issue 17 item 9: "would reach today: N" on a step's card is worked out by the functions `plan`
    runs: a step turned on catches up the last days' occasions still useful, and the frequency cap
    moves what loses to a later day; the count is exactly what Today then lists, step by step."""
    rules = get_rules(shop_settings)
    save_rules(rules.with_step(replace(rules.step(c.REACTIVATION), enabled=False)), actor=actor,
                       shop=shop_settings, today=today)
    start(shop_settings, today)
    for n, days in enumerate((62, 61, 60)):  # inactive since two days ago, yesterday and today
        cid = make(shop_settings, actor, today - timedelta(days=300), f"Ausente {n}", email=f"a{n}@example.com",
                   phone=f"1191234561{n}")
        log(shop_settings, cid, "visit", today - timedelta(days=days))
    both = make(shop_settings, actor, today - timedelta(days=300), "Aniversariante", email="b@example.com",
                phone="11912345629", birthday=f"{today.day}/{today.month}", birthday_set_on=date(2020, 1, 1))
    log(shop_settings, both, "visit", today - timedelta(days=60))  # birthday wins; the reactivation waits
    make(shop_settings, actor, today - timedelta(days=3), "Nova", email="n@example.com", phone="11912345630")

    counts = planner.audience(rules, today, shop=shop_settings)
    save_rules(rules, actor=actor, shop=shop_settings, today=today)
    planner.plan(today, shop=shop_settings)
    listed = {step: sum(1 for _cid, s in _on_today(today) if s == step) for step in c.STEPS}
    assert counts == listed
    assert (counts[c.REACTIVATION], counts[c.BIRTHDAY], counts[c.WELCOME]) == (3, 1, 1)
    assert Outbox.get((Outbox.customer == both) & (Outbox.step == c.REACTIVATION)).reason == "frequency_cap"
    assert planner.audience(rules, today, shop=shop_settings) == listed  # asked again after planning: the same
    off = rules.with_step(replace(rules.step(c.WELCOME), enabled=False))
    assert planner.audience(off, today, shop=shop_settings)[c.WELCOME] == 0


def test_a_message_held_back_by_the_cap_goes_on_an_open_day_or_is_skipped_as_closed(shop_settings, actor):
    """Issue 18 item 12, over a real planned range: a birthday on Thursday holds back a post-sale and a
    welcome for three days, to Sunday; the shop is closed on Sundays and on Monday and Tuesday that week.
    The welcome (useful until Thursday after) goes on Wednesday; the post-sale (useful until Tuesday)
    is skipped, reason "closed". The 7-day preview says the same beforehand."""
    first = date(2026, 11, 24)  # a Tuesday
    thursday, wednesday = date(2026, 11, 26), date(2026, 12, 2)
    start(shop_settings, first)
    rules = get_rules(shop_settings)
    save_rules(replace(rules, closed_days=(date(2026, 11, 30), date(2026, 12, 1))), actor=actor,
                       shop=shop_settings, today=first)
    rules = get_rules(shop_settings)
    bought = make(shop_settings, actor, first - timedelta(days=90), "Comprou", email="c@example.com",
                  phone="11912345640", birthday="26/11", birthday_set_on=date(2020, 1, 1))
    log(shop_settings, bought, "purchase", thursday - timedelta(days=7), amount="90")
    new = make(shop_settings, actor, thursday - timedelta(days=3), "Chegou", email="n@example.com",
               phone="11912345641", birthday="26/11", birthday_set_on=date(2020, 1, 1))

    coming = [(i.customer_id, i.step, i.send_on) for i in planner.preview(first, 12, shop=shop_settings)
              if i.step in (c.POST_SALE, c.WELCOME)]
    assert coming == [(new, c.WELCOME, wednesday)]

    shown: dict[tuple[int, str], list[date]] = defaultdict(list)
    day = first
    while day <= date(2026, 12, 5):
        planner.plan(day, shop=shop_settings)
        for cid, step in _on_today(day):
            shown[(cid, step)].append(day)
        Outbox.update(status=c.SENT, done_at=datetime(2026, 1, 1)).where(  # the sender's part, by hand
            (Outbox.status == c.PLANNED) & (Outbox.send_on <= day) & (Outbox.channel == c.EMAIL)).execute()
        day += timedelta(days=1)
    assert shown[(new, c.WELCOME)] and shown[(new, c.WELCOME)][0] == wednesday
    assert (bought, c.POST_SALE) not in shown
    post_sale = Outbox.get((Outbox.customer == bought) & (Outbox.step == c.POST_SALE))
    assert (post_sale.status, post_sale.reason) == (c.SKIPPED, "closed")
    welcome = Outbox.get((Outbox.customer == new) & (Outbox.step == c.WELCOME))
    assert (welcome.send_on, welcome.reason) == (wednesday, "frequency_cap")
    waiting_or_gone = Outbox.select().where(Outbox.status.not_in((c.SKIPPED, c.EXPIRED)))
    assert all(c.is_open_day(r.send_on, rules) for r in waiting_or_gone)


def test_a_purchase_refunded_in_full_gets_no_post_sale_message_a_partial_refund_does(shop_settings, actor, today):
    """Issue 18 item 13: refunded in full before the post-sale is planned, it is never planned; refunded
    in full after, the planned one is withdrawn (skipped, reason "refunded"). A partial refund, or a
    second purchase that day that was kept, leaves the post-sale message as it is."""
    start(shop_settings, today)
    sold = today - timedelta(days=7)
    people = {}
    for n, who in enumerate(("before", "after", "partial", "kept_one")):
        people[who] = make(shop_settings, actor, today - timedelta(days=90), who, email=f"{who}@example.com",
                           phone=f"1191234565{n}")
    purchase = {who: log(shop_settings, cid, "purchase", sold, amount="100") for who, cid in people.items()}
    log(shop_settings, people["kept_one"], "purchase", sold, amount="30")
    log(shop_settings, people["before"], "return", today - timedelta(days=2), amount="100",
        purchase_id=purchase["before"])
    log(shop_settings, people["partial"], "return", today - timedelta(days=2), amount="40",
        purchase_id=purchase["partial"])
    log(shop_settings, people["kept_one"], "return", today - timedelta(days=2), amount="100",
        purchase_id=purchase["kept_one"])
    planner.plan(today, shop=shop_settings)
    assert rows(people["before"]) == []
    assert sorted(cid for cid, _s in _on_today(today, c.POST_SALE)) == sorted(
        people[w] for w in ("after", "partial", "kept_one"))
    log(shop_settings, people["after"], "return", today, amount="100", purchase_id=purchase["after"])
    assert sorted(cid for cid, _s in _on_today(today, c.POST_SALE)) == sorted(
        people[w] for w in ("partial", "kept_one"))
    row = Outbox.get(Outbox.customer == people["after"])
    assert (row.status, row.reason) == (c.SKIPPED, interactions.REFUNDED)
    planner.plan(today, shop=shop_settings)
    assert rows(people["after"]) == [("post_sale", f"post_sale:{purchase['after']}", c.SKIPPED)]
    assert [i for i in planner.preview(today, 3, shop=shop_settings) if i.customer_id in
            (people["before"], people["after"])] == []


def test_closing_a_quote_withdraws_its_planned_follow_up(shop_settings, actor, today):
    """Issue 18 item 15, in the service: a purchase that closes a quote, or a reservation marked lost,
    takes its follow-up off Today (skipped, reason "item_closed"); the planner does not bring it back."""
    start(shop_settings, today)
    cid = make(shop_settings, actor, today - timedelta(days=90))
    quote = log(shop_settings, cid, "quote", today - timedelta(days=5), amount="300", follow_up_on=today)
    hold = log(shop_settings, cid, "reservation", today - timedelta(days=5), follow_up_on=today)
    save_rules(replace(get_rules(shop_settings), cap_days=0), actor=actor, shop=shop_settings,
                       today=today)
    planner.plan(today, shop=shop_settings)
    assert sorted(i.ref_id for i in planner.today_items(today) if i.step == c.UNFINISHED) == [quote, hold]
    log(shop_settings, cid, "purchase", today, amount="300", closes=[quote])
    interactions.close_unfinished(hold, "lost", actor=COUNTER_ACTOR)
    planner.plan(today, shop=shop_settings)
    assert [i for i in planner.today_items(today) if i.step == c.UNFINISHED] == []
    assert {(r.ref_id, r.status, r.reason) for r in Outbox.select().where(Outbox.step == c.UNFINISHED)} == {
        (quote, c.SKIPPED, interactions.ITEM_CLOSED), (hold, c.SKIPPED, interactions.ITEM_CLOSED)}


def _club(actor, cost=200):
    from desktop_app.domain.loyalty import POINTS, Rules
    from desktop_app.services.loyalty import programs

    programs.save_program(programs.ProgramInfo(None, "Clube", True, Rules(kind=POINTS, points=1, per_cents=100,
                                                                           expiry_months=12),
                                               (programs.RewardInfo(None, "Vale R$ 10", cost, 1000),)), actor=actor)
    return programs.programs()[0].rewards[0].id


def _claim_now(step, cid, day):
    """What the sender does with the message at the moment it would send it (its claim)."""
    from desktop_app.services.mail import sender

    row = Outbox.get((Outbox.customer == cid) & (Outbox.step == step))
    return sender._claim(row.id, day, datetime.now(UTC).replace(tzinfo=None))


def test_a_reward_reached_message_is_withdrawn_when_a_refund_takes_her_below_every_reward(
        shop_settings, actor, today):
    """The tester's case: a purchase of 189,90 reached the 200-point reward, then a refund took her to 124
    points; 'Recompensa atingida' stayed on Today (with a generic text) and in `regua due`, and would have
    been sent. Once untrue it is offered nowhere: not on Today, not in `due`, not by the sender's claim
    (which records it skipped, reason "below_reward", as the planner does); a later plan leaves it so."""
    start(shop_settings, today)
    _club(actor)
    marta = make(shop_settings, actor, today - timedelta(days=90), "Marta Reis", email="marta@example.com",
                 phone="11912345670")
    luisa = make(shop_settings, actor, today - timedelta(days=90), "Luísa Prado", email="luisa@example.com",
                 phone="11912345671")
    sales = {cid: log(shop_settings, cid, "purchase", today, amount="237,00") for cid in (marta, luisa)}
    planner.plan(today, shop=shop_settings)
    assert sorted(_on_today(today, c.REWARD_REACHED)) == sorted([(marta, c.REWARD_REACHED), (luisa, c.REWARD_REACHED)])
    log(shop_settings, marta, "return", today, amount="113,00", purchase_id=sales[marta])  # 124 points left
    log(shop_settings, luisa, "return", today, amount="30,00", purchase_id=sales[luisa])  # 207: still a reward

    assert _on_today(today, c.REWARD_REACHED) == [(luisa, c.REWARD_REACHED)]
    assert [i.customer_id for i in planner.preview(today, 7, shop=shop_settings) if i.step == c.REWARD_REACHED] == [
        luisa]
    assert _claim_now(c.REWARD_REACHED, marta, today) == "withdrawn"
    row = Outbox.get((Outbox.customer == marta) & (Outbox.step == c.REWARD_REACHED))
    assert (row.status, row.reason) == (c.SKIPPED, BELOW_REWARD)
    assert _claim_now(c.REWARD_REACHED, luisa, today) == "claimed"
    planner.plan(today, shop=shop_settings)
    planner.plan(today + timedelta(days=1), shop=shop_settings)
    assert [r for r in rows(marta) if r[0] == c.REWARD_REACHED] == [("reward_reached", row.occurrence, c.SKIPPED)]


def test_the_planner_withdraws_a_reward_message_that_stopped_being_true(shop_settings, actor, today):
    """Planned, then untrue before anyone looked: the next plan records it skipped (reason "below_reward");
    one still true is left as it is, and an occasion that was never true is never offered."""
    start(shop_settings, today)
    _club(actor)
    marta = make(shop_settings, actor, today - timedelta(days=90), "Marta Reis", email="marta@example.com",
                 phone="11912345670")
    sale = log(shop_settings, marta, "purchase", today - timedelta(days=1), amount="237,00")
    shop.set_setting(planner.LAST_RUN_KEY, (today - timedelta(days=2)).isoformat())
    planner.plan(today - timedelta(days=1), shop=shop_settings)
    assert _on_today(today - timedelta(days=1), c.REWARD_REACHED) == [(marta, c.REWARD_REACHED)]
    log(shop_settings, marta, "return", today, amount="113,00", purchase_id=sale)
    planner.plan(today, shop=shop_settings)
    row = Outbox.get((Outbox.customer == marta) & (Outbox.step == c.REWARD_REACHED))
    assert (row.status, row.reason) == (c.SKIPPED, BELOW_REWARD)
    assert _on_today(today, c.REWARD_REACHED) == []

    ana = make(shop_settings, actor, today - timedelta(days=90), "Ana Lima", email="ana@example.com",
               phone="11912345672")
    gone = log(shop_settings, ana, "purchase", today, amount="237,00")
    log(shop_settings, ana, "return", today, amount="237,00", purchase_id=gone)  # before any plan
    assert [i for i in planner.preview(today, 3, shop=shop_settings) if i.customer_id == ana] == []
    planner.plan(today, shop=shop_settings)
    assert [r for r in rows(ana) if r[0] == c.REWARD_REACHED and r[2] in c.WAITING] == []


def test_a_points_expiring_message_is_withdrawn_once_those_points_are_spent(shop_settings, actor, today):
    """Points earned a year ago expire in 30 days: the warning is planned; she spends them on a reward the
    same day, and the warning is offered nowhere (skipped, reason "points_gone")."""
    start(shop_settings, today)
    reward = _club(actor)
    expires = today + timedelta(days=30)
    bia = make(shop_settings, actor, today - timedelta(days=500), "Bia Reis", email="bia@example.com",
               phone="11912345673")
    log(shop_settings, bia, "purchase", expires.replace(year=expires.year - 1), amount="200,00")
    planner.plan(today, shop=shop_settings)
    item = next(i for i in planner.today_items(today) if i.step == c.POINTS_EXPIRING)
    assert (item.customer_id, item.detail) == (bia, f"200|{expires.isoformat()}")
    from desktop_app.services.loyalty import ledger

    ledger.redeem(bia, reward, actor=actor, today=today)
    assert _on_today(today, c.POINTS_EXPIRING) == []
    assert [i for i in planner.preview(today, 7, shop=shop_settings) if i.step == c.POINTS_EXPIRING] == []
    planner.plan(today, shop=shop_settings)
    row = Outbox.get(Outbox.id == item.outbox_id)
    assert (row.status, row.reason) == (c.SKIPPED, POINTS_GONE)


@pytest.mark.sqlite_only("the command line takes no server URL yet (a later step of issue 20)")
def test_regua_due_json_drops_a_reward_that_a_refund_took_away(shop_settings, actor, today, paths):
    start(shop_settings, today)
    _club(actor)
    marta = make(shop_settings, actor, today - timedelta(days=90), "Marta Reis", email="marta@example.com",
                 phone="11912345670")
    sale = log(shop_settings, marta, "purchase", today, amount="237,00")
    planner.plan(today, shop=shop_settings)

    def due():
        done = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(paths.db_path), "due", "--json",
                               "--date", today.isoformat()], capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        return {(i["customer_id"], i["step"]) for i in json.loads(done.stdout or "[]")}

    assert (marta, c.REWARD_REACHED) in due()
    log(shop_settings, marta, "return", today, amount="113,00", purchase_id=sale)
    assert (marta, c.REWARD_REACHED) not in due()


def test_staff_cannot_mark_done_a_reward_message_a_refund_took_away(shop_settings, actor, today):
    """By WhatsApp, the same re-check at the moment staff act: a reward the points no longer reach is
    skipped (reason "below_reward"), nothing goes on the timeline, and staff are told it is not waiting."""
    start(shop_settings, today)
    _club(actor)
    rules = get_rules(shop_settings)
    save_rules(rules.with_step(replace(rules.step(c.REWARD_REACHED), channel=c.WHATSAPP)), actor=actor,
                       shop=shop_settings, today=today)
    marta = make(shop_settings, actor, today - timedelta(days=90), "Marta Reis", email="marta@example.com",
                 phone="11912345670")
    sale = log(shop_settings, marta, "purchase", today, amount="237,00")
    planner.plan(today, shop=shop_settings)
    item = next(i for i in planner.today_items(today) if i.step == c.REWARD_REACHED)
    assert item.channel == c.WHATSAPP
    log(shop_settings, marta, "return", today, amount="113,00", purchase_id=sale)
    before = Interaction.select().count()
    with pytest.raises(ValidationError) as err:
        actions.whatsapp_sent(item.outbox_id, actor=COUNTER_ACTOR, today=today, shop=shop_settings)
    assert err.value.code == "occasion_not_waiting"
    assert Interaction.select().count() == before
    row = Outbox.get_by_id(item.outbox_id)
    assert (row.status, row.reason) == (c.SKIPPED, BELOW_REWARD)
