"""Importing real files into a shop that already has customers: card codes, totals lines, families that
share a phone, letters in phones and every yes and no about consent (issues 17 and 18)."""

from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook

from desktop_app.db.models import Consent, Customer
from desktop_app.domain.actors import OWNER, Actor
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.importing import issue_message
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.normalize import normalize_phone
from desktop_app.services.spreadsheets import import_plan, import_write
from desktop_app.services.spreadsheets.import_types import ImportOptions
from desktop_app.services.spreadsheets.spreadsheet import read_table

OWNER_ACTOR = Actor(None, "Ana", OWNER)


def xlsx(path, rows):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def semicolon_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path


def plan(path, shop, today, **options):
    return import_plan.plan_import(read_table(path), shop, today, ImportOptions(**options))


def issues(p):
    return {(i.row, i.code): i for i in p.issues}


def test_a_card_code_of_an_existing_customer_is_her_not_a_crash(tmp_path, shop_settings, actor, today):
    """Issue 17 item 4: a one-row Nome;Cartão file raised TypeError in _RowReader._issue."""
    customers.create_customer(CustomerInput(name="Maria Lima", card_code="C-77"), shop=shop_settings, actor=actor,
                              today=today)
    other = semicolon_csv(tmp_path / "cartoes.csv", [["Nome", "Cartão"], ["Rui Costa", "C-77"]])
    p = plan(other, shop_settings, today)
    assert p.created == 1 and p.records[0].card_code is None  # the card stays with Maria
    taken = issues(p)[(2, "card_code_taken")]
    assert issue_message(taken) == "This card code already belongs to Maria Lima."
    same = semicolon_csv(tmp_path / "mesma.csv", [["Nome", "Cartão"], ["Maria Lima", "C-77"]])
    p = plan(same, shop_settings, today)
    assert (p.created, p.updated, p.issues) == (0, 0, [])  # the card identifies her: nothing to do


@pytest.mark.parametrize("label", ["Total: 9 clientes", "TOTAL DE CLIENTES: 9", "Total 9", "Subtotal: 3"])
def test_a_totals_line_at_the_bottom_is_not_a_customer(tmp_path, shop_settings, today, label):
    """Issue 17 item 5."""
    path = xlsx(tmp_path / "lista.xlsx", [["Nome", "Celular"], ["Maria Lima", "(11) 98765-4321"],
                                          ["Totalmente Demais Silva", ""], [label, ""]])
    p = plan(path, shop_settings, today)
    assert [r.name for r in p.records] == ["Maria Lima", "Totalmente Demais Silva"]
    assert issues(p)[(4, "totals_row")].severity == "warning"


def test_a_family_sharing_a_phone_is_never_merged_into_one_person(tmp_path, shop_settings, actor, today):
    """Issue 17 item 6: João's row updated Maria's city because they share the house phone."""
    maria = customers.create_customer(CustomerInput(name="Maria Souza", phone="(11) 3333-4444", city="Recife"),
                                      shop=shop_settings, actor=actor, today=today)
    path = xlsx(tmp_path / "familia.xlsx", [["Nome", "Telefone", "Cidade"],
                                            ["João Pereira", "(11) 3333-4444", "Olinda"],
                                            ["Maria S.", "11 3333 4444", "Olinda"]])
    p = plan(path, shop_settings, today, file_wins=True)
    # Row 3 is Maria (same phone, same name); row 2 is someone else: a new customer unless the owner says so.
    assert p.created == 1 and p.updated == 1
    warning = issues(p)[(2, "possible_duplicate")]
    assert warning.severity == "warning" and "Maria Souza" in issue_message(warning)
    assert [(d.row, d.existing_id, d.same_person) for d in p.possible_duplicates] == [(2, maria, False)]
    report = p.report(None, True)
    assert any(i["row"] == 2 and i["severity"] == "warning" and "Maria Souza" in i["message"]
               for i in report["issues"])
    import_write.commit_import(p, actor=OWNER_ACTOR, shop=shop_settings, today=today)
    joao = Customer.get(Customer.name == "João Pereira")
    assert joao.id != maria and joao.phone == "+551133334444" and joao.city == "Olinda"
    assert Customer.get_by_id(maria).city == "Olinda"  # her own row (file wins) updated her, nobody else's


def test_the_owner_can_say_a_possible_duplicate_is_the_same_person(tmp_path, shop_settings, actor, today):
    maria = customers.create_customer(CustomerInput(name="Maria Souza", email="casa@example.com"),
                                      shop=shop_settings, actor=actor, today=today)
    path = xlsx(tmp_path / "apelido.xlsx", [["Nome", "E-mail", "Cidade"], ["Tuca", "casa@example.com", "Natal"]])
    assert plan(path, shop_settings, today).created == 1
    p = plan(path, shop_settings, today, same_person={2})
    assert (p.created, p.updated, p.possible_duplicates[0].same_person) == (0, 1, True)
    import_write.commit_import(p, actor=OWNER_ACTOR, shop=shop_settings, today=today)
    assert Customer.get_by_id(maria).city == "Natal" and Customer.select().count() == 1


def test_two_people_of_one_family_in_the_same_file_stay_two(tmp_path, shop_settings, today):
    path = xlsx(tmp_path / "familia.xlsx", [["Nome", "Telefone"], ["Maria Souza", "(11) 3333-4444"],
                                            ["João Souza", "(11) 3333-4444"], ["Maria Souza", "(11) 3333-4444"]])
    p = plan(path, shop_settings, today)
    assert [r.name for r in p.records] == ["Maria Souza", "João Souza"] and p.merged == 1
    assert issues(p)[(3, "same_key_other_name")].severity == "warning"


@pytest.mark.parametrize("typed", ["11 9ABCD-1234", "1198765XXXX", "(11) 98765-432I"])
def test_letters_in_a_phone_are_refused_not_turned_into_digits(typed):
    """Issue 17 item 7: the keypad conversion saved '11 9ABCD-1234' as (11) 92223-1234."""
    with pytest.raises(ValidationError) as err:
        normalize_phone(typed, "BR")
    assert err.value.code == "phone_letters" and err.value.field == "phone"
    assert "letters" in err.value.message()


def test_an_imported_phone_with_letters_is_a_row_warning(tmp_path, shop_settings, today):
    path = xlsx(tmp_path / "fones.xlsx", [["Nome", "Celular"], ["Maria Lima", "11 9ABCD-1234"]])
    p = plan(path, shop_settings, today)
    assert p.records[0].phone is None and issues(p)[(2, "phone_letters")].value == "11 9ABCD-1234"


def test_every_yes_and_every_no_is_kept_with_its_source(tmp_path, shop_settings, actor, today):
    """Issue 18 item 14: a 'não' for both channels left no consent rows, and then a call task."""
    existing = customers.create_customer(CustomerInput(name="Rita Lopes", email="rita@example.com"),
                                         shop=shop_settings, actor=actor, today=today)
    path = xlsx(tmp_path / "consent.xlsx", [
        ["Nome", "E-mail", "Celular", "Aceita e-mail", "Accepts WhatsApp"],
        ["Maria Lima", "maria@example.com", "(11) 98765-4321", "não", "no"],
        ["Ana Dias", "ana@example.com", "(11) 98765-1111", "sim", "não"],
        ["Rita Lopes", "rita@example.com", "", "não", ""],
    ])
    p = plan(path, shop_settings, today)
    assert p.mapping == ["name", "email", "phone", "consent_email", "consent_whatsapp"]
    batch = import_write.commit_import(p, actor=OWNER_ACTOR, shop=shop_settings, today=today)
    got = {(c.customer.name, c.channel): (c.granted, c.source, c.import_batch_id) for c in Consent.select()}
    assert got == {("Maria Lima", "email"): (False, "import", batch), ("Maria Lima", "whatsapp"): (False, "import", batch),
                   ("Ana Dias", "email"): (True, "import", batch), ("Ana Dias", "whatsapp"): (False, "import", batch),
                   ("Rita Lopes", "email"): (False, "import", batch)}
    assert customers.detail(existing, shop_settings).consent["email"] is False


@pytest.mark.parametrize(("header", "field"), [
    ("Aceita e-mails", "consent_email"), ("Aceita e-mail", "consent_email"), ("Accepts e-mails", "consent_email"),
    ("Accepts WhatsApp", "consent_whatsapp"), ("Aceita WhatsApp", "consent_whatsapp"), ("CPF/NIF", "tax_id"),
])
def test_the_headers_regua_writes_are_recognised(header, field):
    from desktop_app.domain.importing import guess_mapping

    assert guess_mapping(["Nome", "Telefone", header]) == ["name", "phone", field]
