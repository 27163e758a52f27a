"""Its own export comes back whole (RELIABILITY.md): export a shop, import the file into a new shop and
export that: the same customers, with their consent (yes, no and never asked), birthdays, tags, card
codes and notes. Imported back into the shop it came from, it changes nothing (issue 18 items 9, 14)."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from desktop_app.db.database import close_database
from desktop_app.db.models import Consent, Customer, CustomerTag
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.shop import shop
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.spreadsheets import exporter, import_plan, import_write
from desktop_app.services.spreadsheets.spreadsheet import read_table

PEOPLE = [
    CustomerInput(name="Maria da Silva", phone="(11) 98765-4321", email="maria@example.com", birthday="15/03/1990",
                  city="São Paulo", tax_id="123.456.789-09", card_code="C-001", notes="=prefere seda",
                  tags=["vip", "noivas"], consent_email=True, consent_whatsapp=False),
    CustomerInput(name="João Souza", phone="(11) 3333-4444", birthday="29/02", consent_email=False,
                  consent_whatsapp=True, tags=["atacado"]),
    CustomerInput(name="Ana Souza", phone="(11) 3333-4444", notes="filha do João"),  # the family's phone
    CustomerInput(name="Rita Lopes", card_code="-7", city="Recife"),  # a card code Excel would read as a number
    CustomerInput(name="Inês Prado"),  # a name and nothing else
]


def export_rows(path) -> list[tuple]:
    """The exported customers without the 'created' column (the day each shop got them)."""
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=";"))
    else:
        rows = [[("" if v is None else v) for v in r] for r in load_workbook(path).active.iter_rows(values_only=True)]
    return sorted(tuple(r[:-1]) for r in rows[1:])


def snapshot() -> tuple:
    return (sorted(Customer.select(Customer.id, Customer.name, Customer.phone, Customer.email, Customer.city,
                                   Customer.notes, Customer.card_code, Customer.birth_day, Customer.birth_month,
                                   Customer.birth_year, Customer.updated_at).tuples()),
            sorted(Consent.select(Consent.customer, Consent.channel, Consent.granted).tuples()),
            sorted(CustomerTag.select(CustomerTag.customer, CustomerTag.tag).tuples()))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_imported_into_a_new_shop_exports_the_same_and_back_home_changes_nothing(
        tmp_path, paths, shop_settings, actor, today, suffix):
    for person in PEOPLE:
        customers.create_customer(person, shop=shop_settings, actor=actor, today=today)
    # An explicit first "no" (the customer form records only changes; an import records it, see below).
    Consent.create(customer=Customer.get(Customer.name == "João Souza").id, channel="email", granted=False,
                   at=Customer.get(Customer.name == "João Souza").created_at, source="counter",
                   legal_basis="consent")
    first = tmp_path / f"loja{suffix}"
    exporter.export_customers(first, actor=actor, shop=shop_settings)

    home = snapshot()
    again = import_plan.plan_import(read_table(first), shop_settings, today)
    assert (again.created, again.updated, again.skipped, again.possible_duplicates) == (0, 0, 0, [])
    assert [i for i in again.issues if i.severity == "error"] == []
    import_write.commit_import(again, actor=actor, shop=shop_settings, today=today)
    assert snapshot() == home

    close_database()
    from desktop_app.config import resolve_paths

    shop.open_shop(resolve_paths(db=tmp_path / "nova.db"))
    new_shop = shop.save_shop_settings(ShopSettings.for_country("Loja Nova", "BR"))
    plan = import_plan.plan_import(read_table(first), new_shop, today)
    assert plan.mapping[:11] == ["name", "phone", "email", "city", "birthday", "tax_id", "card_code", "tags",
                                 "consent_email", "consent_whatsapp", "notes"]
    assert plan.created == len(PEOPLE)
    import_write.commit_import(plan, actor=actor, shop=new_shop, today=today)
    second = tmp_path / f"nova{suffix}"
    exporter.export_customers(second, actor=actor, shop=new_shop)
    assert export_rows(second) == export_rows(first)
    joao = Customer.get(Customer.name == "João Souza")
    assert {(c.channel, c.granted, c.source) for c in Consent.select().where(Consent.customer == joao.id)} == \
        {("email", False, "import"), ("whatsapp", True, "import")}
    assert Consent.select().where(Consent.customer == Customer.get(Customer.name == "Inês Prado").id).count() == 0
