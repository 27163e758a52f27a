"""Privacy duties on a real database file: everything about one customer in xlsx and JSON; erasure that
leaves the ledger anonymous, removes her from the list, leaves her name nowhere in the file (secure_delete
on) and stops a re-import; retention that anonymises only the inactive."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import openpyxl
import pytest

from desktop_app.db.database import checkpoint
from desktop_app.db.models import Customer, Interaction, LoyaltyEntry, Suppression
from desktop_app.domain.actors import COUNTER, Actor
from desktop_app.domain.errors import NotFound
from desktop_app.domain.loyalty import POINTS, Rules
from desktop_app.domain.permissions import PermissionDenied
from desktop_app.services.customers import customers, interactions, privacy
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry
from desktop_app.services.loyalty import programs
from desktop_app.services.loyalty.programs import ProgramInfo, RewardInfo
from desktop_app.services.spreadsheets import import_plan
from desktop_app.services.spreadsheets.spreadsheet import read_table

COUNTER_ACTOR = Actor(None, "Bruno", COUNTER)
NOW = datetime(2026, 11, 24, 15, 0)
NAME = "Zuleica Brandão Quixabeira"


@pytest.fixture
def zuleica(shop_settings, actor, today):
    programs.save_program(ProgramInfo(None, "Clube", True, Rules(kind=POINTS, points=1, per_cents=100),
                                      (RewardInfo(None, "Vale", 100, 1000),)), actor=actor)
    cid = customers.create_customer(CustomerInput(name=NAME, email="zuleica@example.com", phone="11987651234",
                                                  tax_id="", notes="prefere ligações à tarde", tags=["vip"],
                                                  consent_email=True), shop=shop_settings, actor=actor, today=today)
    interactions.log_interaction(cid, LogEntry(kind="purchase", amount="250", note=f"vestido para {NAME}"),
                                 actor=actor, shop=shop_settings, today=today)
    return cid


def test_an_access_request_gets_everything_in_xlsx_and_json(zuleica, actor, tmp_path):
    json_path, xlsx_path = privacy.export_customer(zuleica, tmp_path, actor=actor)
    data = json.loads(json_path.read_text("utf-8"))
    assert data["customer"][0]["name"] == NAME and data["tags"][0]["tag"] == "vip"
    assert {i["kind"] for i in data["interactions"]} == {"purchase"} and data["loyalty"][0]["points"] == 250
    assert data["consent"][0]["channel"] == "email"
    wb = openpyxl.load_workbook(xlsx_path)
    assert set(wb.sheetnames) == {"customer", "tags", "consent", "interactions", "loyalty", "messages", "gifts"}
    with pytest.raises(PermissionDenied):
        privacy.export_customer(zuleica, tmp_path, actor=COUNTER_ACTOR)


def test_erasure_leaves_no_trace_of_her_name_and_keeps_the_ledger_anonymous(zuleica, actor, shop_settings, paths,
                                                                            tmp_path, today):
    """Promise: Erasure is erasure."""
    Suppression.create(email="saiu@example.com", reason="unsubscribed", at=NOW)
    assert not privacy.anyone_erased()  # an unsubscribe is not an erasure: imports skip the hashing
    points_before = LoyaltyEntry.select().where(LoyaltyEntry.customer == zuleica).count()
    privacy.erase_customer(zuleica, actor=actor, shop=shop_settings, now=NOW)
    c = Customer.get_by_id(zuleica)
    assert (c.email, c.phone, c.notes, c.source) == (None, None, "", "erased")
    assert LoyaltyEntry.select().where(LoyaltyEntry.customer == zuleica).count() == points_before
    assert Interaction.get(Interaction.customer == zuleica).amount_cents == 25000
    assert zuleica not in list(customers.list_ids()) and customers.search("zuleica") == []
    checkpoint()  # SQLite: the WAL folded into the file, so its bytes are read below (a server keeps none here)
    for f in (paths.db_path, paths.db_path.with_name(paths.db_path.name + "-wal")):
        if f.exists():
            raw = f.read_bytes()
            for needle in (NAME, "Zuleica", "zuleica@example.com", "prefere ligações"):
                assert needle.encode() not in raw, (f, needle)
    assert privacy.anyone_erased()
    assert all(s.email.startswith("erased:") for s in Suppression.select() if s.reason != "unsubscribed")
    with pytest.raises(NotFound):
        privacy.export_customer(zuleica, tmp_path, actor=actor)
    sheet = tmp_path / "antiga.csv"
    sheet.write_text(f"Nome;E-mail;Celular\n{NAME};zuleica@example.com;(11) 98765-1234\nOutra Pessoa;o@example.com;\n",
                     encoding="utf-8")
    plan = import_plan.plan_import(read_table(sheet), shop_settings, today)
    assert [r.name for r in plan.records] == ["Outra Pessoa"]
    assert any(i.code == "erased_customer" for i in plan.issues)


def test_retention_anonymises_only_customers_inactive_for_longer_than_the_rule(shop_settings, actor, today):
    old = customers.create_customer(CustomerInput(name="Antiga Cliente"), shop=shop_settings, actor=actor,
                                    today=today)
    active = customers.create_customer(CustomerInput(name="Cliente Ativa"), shop=shop_settings, actor=actor,
                                       today=today)
    long_ago = datetime(2020, 1, 10, 12, 0)
    Customer.update(created_at=long_ago).where(Customer.id.in_([old, active])).execute()
    interactions.log_interaction(active, LogEntry(kind="visit", on=today - timedelta(days=100)), actor=actor,
                                 shop=shop_settings, today=today)
    assert privacy.apply_retention(today, actor=actor, shop=shop_settings, now=NOW) == 0  # the rule is off
    privacy.set_retention_years(5, actor=actor)
    assert privacy.inactive(today, 5) == [old]
    assert privacy.apply_retention(today, actor=actor, shop=shop_settings, now=NOW) == 1
    assert Customer.get_by_id(old).source == "erased" and Customer.get_by_id(active).name == "Cliente Ativa"
    assert privacy.apply_retention(date(2026, 11, 25), actor=actor, shop=shop_settings, now=NOW) == 0
