"""Importing real spreadsheet files as shops keep them, and undoing the import."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from desktop_app.db.models import Consent, Customer, Interaction
from desktop_app.domain.actors import COUNTER, OWNER, Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.importing import is_totals_row
from desktop_app.domain.permissions import PermissionDenied
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.spreadsheets import import_plan, import_write
from desktop_app.services.spreadsheets.import_types import ImportOptions
from desktop_app.services.spreadsheets.spreadsheet import read_table

OWNER_ACTOR = Actor(None, "Ana", OWNER)


def xlsx(path, rows, *, title="Clientes", extra_sheets=()):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for name, hidden in extra_sheets:
        other = wb.create_sheet(name)
        other.append(["x", "y"])
        if hidden:
            other.sheet_state = "hidden"
    wb.save(path)
    return path


@pytest.mark.parametrize(("row", "totals"), [
    (["Total", None, "1.324,40"], True), ([None, "  TOTAL GERAL: ", 3], True), (["*** Soma ***", 12], True),
    (["Grand Total", 9], True), (["Totalmente Silva", "a@b.pt"], False), (["Ana Soma", 1], False),
    ([12, "Total"], False), ([None, ""], False),
])
def test_a_totals_row_is_told_from_a_customer(row, totals):
    assert is_totals_row(row) is totals


def run(path, shop, today, **options):
    plan = import_plan.plan_import(read_table(path), shop, today, ImportOptions(**options))
    return plan


@pytest.fixture
def portuguese_sheet(tmp_path):
    """A hand-kept sheet: a title row, a date line, mixed date forms, a totals row at the end."""
    return xlsx(tmp_path / "clientes.xlsx", [
        ["Lista de clientes — Ateliê Flor de Lis"],
        ["Atualizada em 03/11/2026"],
        [],
        ["Nome completo", "Celular", "E-mail", "Data de nascimento", "Cidade", "CPF", "Última compra",
         "Total gasto", "Aceita receber e-mails"],
        ["  Maria   da Silva ", "(11) 98765-4321", "MARIA@Example.com", datetime(1990, 3, 15), "São Paulo",
         "123.456.789-09", "10/10/2026", "1.234,50", "Sim"],
        ["João Conceição", "11 97777-1111", "joao@", "15/03", "Santos", "", "25/12/2025", 89.9, "não"],
        ["Ana Prado", "123", "ana@example.com", "31/02/1985", "Campinas", "", "", "", "talvez"],
        ["", "11 95555-0000", "", "", "", "", "", "", ""],
        ["Maria S.", "", "maria@example.com", "", "", "", "", "", ""],
        ["Rita Lopes", 11944443333, "", "0000-07-09", "", "", 45930, "", ""],
        ["Total", "", "", "", "", "", "", "1.324,40", ""],
    ])


def test_a_hand_kept_portuguese_sheet(portuguese_sheet, shop_settings, today):
    plan = run(portuguese_sheet, shop_settings, today)
    assert plan.mapping[:9] == ["name", "phone", "email", "birthday", "city", "tax_id", "last_purchase",
                                "total_spent", "consent_email"]
    report = plan.report(None, True)
    assert (report["rows"], report["created"], report["merged"], report["skipped"]) == (7, 4, 1, 2)  # + Total
    by_row = {(i["row"], i["column"]): i for i in report["issues"]}
    assert by_row[(6, "E-mail")]["message"] == "This is not a valid e-mail address."
    assert by_row[(7, "Celular")]["severity"] == "warning"
    assert by_row[(7, "Data de nascimento")]["message"] == "This date does not exist."
    assert by_row[(7, "Aceita receber e-mails")]["value"] == "talvez"
    assert by_row[(8, "Nome completo")]["severity"] == "error"
    assert "row 5" in by_row[(9, "Nome completo")]["message"]
    maria = plan.records[0]
    assert (maria.name, maria.email, maria.phone, maria.tax_id) == \
        ("Maria da Silva", "maria@example.com", "+5511987654321", "123.456.789-09")
    assert maria.birthday.as_text() == "1990-03-15" and maria.total_spent == 123450
    assert maria.last_purchase == date(2026, 10, 10) and maria.consent == {"email": True}
    joao = plan.records[1]
    assert joao.email is None and joao.birthday.as_text() == "--03-15" and joao.consent == {"email": False}
    rita = plan.records[3]
    assert rita.phone == "+5511944443333" and rita.birthday.as_text() == "--07-09"
    assert rita.last_purchase == date(2025, 9, 30)  # an Excel serial number


def test_commit_writes_all_of_the_batch_with_consent_and_history(portuguese_sheet, shop_settings, today):
    plan = run(portuguese_sheet, shop_settings, today)
    batch = import_write.commit_import(plan, actor=OWNER_ACTOR, shop=shop_settings, today=today)
    assert Customer.select().where(Customer.import_batch == batch).count() == 4
    maria = customers.find_by_reference("maria@example.com", shop_settings)
    consent = Consent.get(Consent.customer == maria.id)
    assert (consent.channel, consent.granted, consent.source, consent.import_batch_id) == ("email", True, "import", batch)
    history = Interaction.get(Interaction.customer == maria.id)
    assert (history.kind, history.amount_cents, history.occurred_on) == ("purchase", 123450, date(2026, 10, 10))
    assert customers.search("conceicao") == [customers.find_by_reference("+5511977771111", shop_settings).id]


@pytest.mark.parametrize("already", [0, 30])
def test_imported_customers_are_found_whichever_way_the_index_is_fed(portuguese_sheet, shop_settings, actor,
                                                                     today, already):
    for k in range(already):
        customers.create_customer(CustomerInput(name=f"Cliente {k}", phone=f"11 98000-{k:04d}"),
                                  shop=shop_settings, actor=actor, today=today)
    plan = run(portuguese_sheet, shop_settings, today)
    import_write.commit_import(plan, actor=OWNER_ACTOR, shop=shop_settings, today=today)
    joao = customers.find_by_reference("+5511977771111", shop_settings).id
    assert customers.search("conceicao") == customers.search("7777111") == customers.search("jo 777") == [joao]
    assert len(customers.search("cliente")) == min(already, 50)


def test_existing_customers_keep_their_values_and_opt_outs(tmp_path, shop_settings, actor, today):
    cid = customers.create_customer(CustomerInput(name="Maria Souza", email="maria@example.com", city="Recife",
                                                  consent_email=True), shop=shop_settings, actor=actor, today=today)
    customers.update_customer(cid, CustomerInput(name="Maria Souza", email="maria@example.com", city="Recife",
                                                 consent_email=False), shop=shop_settings, actor=actor, today=today)
    path = xlsx(tmp_path / "again.xlsx", [["Name", "Email", "City", "Phone", "Accepts Email Marketing"],
                                          ["Maria S", "maria@example.com", "Olinda", "11 98888-7777", "yes"]])
    plan = run(path, shop_settings, today)
    assert plan.updated == 1 and plan.created == 0
    assert any(i.code == "opt_out_kept" for i in plan.issues)
    batch = import_write.commit_import(plan, actor=OWNER_ACTOR, shop=shop_settings, today=today)
    d = customers.detail(cid, shop_settings)
    assert (d.name, d.city, d.phone, d.consent["email"]) == ("Maria Souza", "Recife", "+5511988887777", False)
    import_write.undo_import(batch, actor=OWNER_ACTOR)
    assert customers.detail(cid, shop_settings).phone is None
    file_wins = run(path, shop_settings, today, file_wins=True)
    import_write.commit_import(file_wins, actor=OWNER_ACTOR, shop=shop_settings, today=today)
    assert customers.detail(cid, shop_settings).city == "Olinda"


def test_undo_removes_what_the_batch_created_unless_something_newer_depends_on_it(
        portuguese_sheet, shop_settings, today):
    from desktop_app.services.customers import interactions
    from desktop_app.services.customers.interactions import LogEntry

    before = Customer.select().count()
    first = import_write.commit_import(run(portuguese_sheet, shop_settings, today), actor=OWNER_ACTOR,
                                   shop=shop_settings, today=today)
    rita = customers.find_by_reference("+5511944443333", shop_settings).id
    interactions.log_interaction(rita, LogEntry(kind="visit"), actor=OWNER_ACTOR, shop=shop_settings, today=today)
    with pytest.raises(ReguaError) as err:
        import_write.undo_import(first, actor=OWNER_ACTOR)
    assert err.value.code == "import_undo_blocked" and "Rita Lopes" in err.value.message()
    assert Customer.select().count() == before + 4  # nothing was undone
    Interaction.delete().where(Interaction.import_batch.is_null()).execute()
    import_write.undo_import(first, actor=OWNER_ACTOR)
    assert Customer.select().count() == before and Consent.select().count() == 0
    with pytest.raises(ReguaError):
        import_write.undo_import(first, actor=OWNER_ACTOR)


def test_a_counter_account_cannot_import(portuguese_sheet, shop_settings, today):
    with pytest.raises(PermissionDenied):
        import_write.commit_import(run(portuguese_sheet, shop_settings, today), actor=Actor(None, "B", COUNTER),
                               shop=shop_settings, today=today)
    assert Customer.select().count() == 0


def test_a_semicolon_windows_1252_csv_from_excel(tmp_path, shop_settings, today):
    path = tmp_path / "clientes.csv"
    path.write_bytes("Nome;Telemóvel;Aniversário;Observações\r\n"
                     "Inês Gonçalves;912 345 678;29/02;cliente desde 2019\r\n"
                     "Conceição Araújo;(11) 91234-5678;12/31/1980;\r\n".encode("cp1252"))
    plan = run(path, shop_settings, today)
    assert plan.mapping == ["name", "phone", "birthday", "notes"]
    assert [r.name for r in plan.records] == ["Inês Gonçalves", "Conceição Araújo"]
    assert plan.records[0].phone is None  # a Portuguese mobile without +351 is not a Brazilian number
    assert plan.records[0].birthday.as_text() == "--02-29"
    assert plan.date_orders[2] == "dmy"


def test_a_month_first_column_is_recognised(tmp_path, shop_settings, today):
    path = tmp_path / "us.csv"
    path.write_text("First Name,Last Name,Birthday\nAnn,Lee,12/31/1980\nBo,Ray,01/02/1975\n", encoding="utf-8")
    plan = run(path, shop_settings, today)
    assert plan.date_orders[2] == "mdy"
    assert [r.name for r in plan.records] == ["Ann Lee", "Bo Ray"]
    assert plan.records[1].birthday.as_text() == "1975-01-02"


def test_shopify_and_square_exports(tmp_path, shop_settings, today):
    shopify = tmp_path / "customers_export.csv"
    shopify.write_text("First Name,Last Name,Email,Accepts Email Marketing,Default Address City,Phone,Tags,"
                       "Total Spent,Total Orders\nLia,Reis,lia@example.com,yes,Lisboa,+351912345678,\"vip, noivas\","
                       "120.50,3\n", encoding="utf-8")
    plan = run(shopify, shop_settings, today)
    rec = plan.records[0]
    assert (rec.name, rec.phone, rec.city, rec.tags, rec.consent, rec.total_spent) == \
        ("Lia Reis", "+351912345678", "Lisboa", ["vip", "noivas"], {"email": True}, 12050)
    square = tmp_path / "square.csv"
    square.write_text("Reference ID,First Name,Surname,Email Address,Phone Number,Birthday,Email Subscription Status\n"
                      "C-77,Davi,Lima,davi@example.com,(21) 99876-5432,1988-07-01,unsubscribed\n", encoding="utf-8")
    rec = run(square, shop_settings, today).records[0]
    assert (rec.name, rec.card_code, rec.phone, rec.consent) == ("Davi Lima", "C-77", "+5521998765432",
                                                               {"email": False})


def test_a_hostile_sheet_is_harmless(tmp_path, shop_settings, today):
    path = xlsx(tmp_path / "hostile.xlsx", [
        ["Nome", "Observações", "Cidade"],
        ["=HYPERLINK(\"http://evil\",\"x\")", "=1+1", "@SUM(A1)"],
        ["Ana\u200b Bell\x7f", "x" * 40_000, "-2+3"],
    ])
    plan = run(path, shop_settings, today)
    # Formulas are never evaluated: a formula cell without a saved value reads as empty, so row 2 has
    # no name and is skipped with its reason.
    assert [(i.row, i.code) for i in plan.issues if i.severity == "error"] == [(2, "required")]
    assert [r.name for r in plan.records] == ["Ana Bell"]
    assert plan.records[0].notes == "" and any(i.code == "too_long" for i in plan.issues)
    assert plan.records[0].city == "-2+3"  # text, kept as text


def test_hidden_sheets_are_skipped_and_a_sheet_can_be_chosen(tmp_path):
    path = xlsx(tmp_path / "book.xlsx", [["Nome", "Email"], ["Ana", "a@x.com"]],
                extra_sheets=[("Apoio", True), ("Outros", False)])
    table = read_table(path)
    assert table.sheets == ["Clientes", "Outros"] and table.sheet == "Clientes"
    assert read_table(path, "Outros").sheet == "Outros"
    with pytest.raises(ReguaError) as err:
        read_table(path, "Nada")
    assert err.value.code == "sheet_not_found"


@pytest.mark.parametrize(("content", "name", "code"), [
    (b"", "empty.xlsx", "file_empty"),
    (b"PK\x03\x04" + b"\x00" * 100, "broken.xlsx", "file_damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.xls", "file_damaged"),
    (b"just some text, not a sheet", "renamed.xlsx", "file_damaged"),
])
def test_broken_files_end_in_one_clear_message(tmp_path, content, name, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReguaError) as err:
        read_table(path)
    assert err.value.code == code


def test_a_zip_bomb_is_refused_before_reading(tmp_path):
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 1024 * 1024))
    with pytest.raises(ReguaError) as err:
        read_table(path)
    assert err.value.code == "file_too_big"


def test_report_is_the_documented_json(portuguese_sheet, shop_settings, today):
    report = run(portuguese_sheet, shop_settings, today).report(None, True)
    assert set(report) == {"rows", "created", "updated", "merged", "skipped", "issues", "batch", "dry_run"}
    assert set(report["issues"][0]) == {"row", "column", "value", "severity", "message"}
    json.dumps(report)


def _issues(plan, code):
    return [(i.row, i.column, i.severity) for i in plan.issues if i.code == code]


def test_a_yes_to_e_mails_or_whatsapp_without_the_address_is_not_recorded_as_consent(tmp_path, shop_settings,
                                                                                       actor, today):
    """The tester's row 'Inês Ribeiro;;;29/02/1992;sim;Faro' was saved as agreeing to e-mails, with no
    e-mail address and no word, where the customer form refuses the same. A yes needs the address (in
    the file, on a later row of the same customer, or already on record); a no is always kept."""
    known = customers.create_customer(CustomerInput(name="Rita Lopes", email="rita@example.com"),
                                      shop=shop_settings, actor=actor, today=today)
    path = tmp_path / "clientes.csv"
    path.write_text("Nome;E-mail;Telefone;Nascimento;Aceita e-mails;Aceita WhatsApp;Cidade\n"
                    "Inês Ribeiro;;;29/02/1992;sim;sim;Faro\n"
                    "Paula Reis;;;;não;não;Braga\n"
                    "Sara Dias;;11 98765-4321;;sim;sim;\n"
                    "Sara Dias;sara@example.com;11 98765-4321;;;;\n"
                    "Rita Lopes;rita@example.com;;;sim;sim;\n", encoding="utf-8")
    plan = run(path, shop_settings, today)
    assert plan.mapping[4:6] == ["consent_email", "consent_whatsapp"]
    assert _issues(plan, "consent_without_email") == [(2, "Aceita e-mails", "warning")]
    assert _issues(plan, "consent_without_phone") == [(2, "Aceita WhatsApp", "warning"),
                                                      (6, "Aceita WhatsApp", "warning")]
    messages = {i["message"] for i in plan.report(None, True)["issues"] if i["row"] == 2}
    assert "Accepts e-mails, but there is no e-mail address: no consent recorded." in messages
    assert "Accepts WhatsApp, but there is no phone number: no consent recorded." in messages
    import_write.commit_import(plan, actor=OWNER_ACTOR, shop=shop_settings, today=today)
    consent = {name: customers.detail(_by_name(name), shop_settings).consent
               for name in ("Inês Ribeiro", "Paula Reis", "Sara Dias", "Rita Lopes")}
    assert consent == {"Inês Ribeiro": {"email": False, "whatsapp": False},
                       "Paula Reis": {"email": False, "whatsapp": False},
                       "Sara Dias": {"email": True, "whatsapp": True},
                       "Rita Lopes": {"email": True, "whatsapp": False}}
    ines = _by_name("Inês Ribeiro")
    assert Consent.select().where(Consent.customer == ines).count() == 0  # nothing granted, nothing said no
    paula = _by_name("Paula Reis")
    assert sorted((c.channel, c.granted) for c in Consent.select().where(Consent.customer == paula)) == [
        ("email", False), ("whatsapp", False)]
    assert customers.detail(known, shop_settings).consent["email"] is True


def _by_name(name):
    return Customer.get(Customer.name == name).id


def test_a_totals_row_is_counted_with_the_skipped_rows(tmp_path, shop_settings, today):
    """The summary said '0 skipped' while its list showed the totals row as 'skipped'."""
    path = xlsx(tmp_path / "t.xlsx", [["Nome", "Telefone"], ["Ana Prado", "11 98765-4321"],
                                      ["Bia Reis", "11 98765-1234"], ["Total: 2 clientes", ""]])
    report = run(path, shop_settings, today).report(None, True)
    assert (report["rows"], report["created"], report["updated"], report["merged"], report["skipped"]) == (
        3, 2, 0, 0, 1)
    assert [(i["row"], i["message"]) for i in report["issues"]] == [(4, "A totals line, not a customer: skipped.")]


def test_a_name_keeps_its_emoji_whole_and_loses_its_bidi_controls(tmp_path, shop_settings, today):
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    path = tmp_path / "emoji.csv"
    path.write_text(f"Nome;Cidade\nAna \U0001f338 Flor {family};Faro\n\u202eeman edirrevo LTR;Braga\n",
                    encoding="utf-8")
    plan = run(path, shop_settings, today)
    import_write.commit_import(plan, actor=OWNER_ACTOR, shop=shop_settings, today=today)
    names = sorted(name for (name,) in Customer.select(Customer.name).tuples())
    assert names == [f"Ana \U0001f338 Flor {family}", "eman edirrevo LTR"]
    assert customers.search("flor") == [_by_name(f"Ana \U0001f338 Flor {family}")]


def test_customers_gone_by_an_undone_import_or_a_merge_leave_no_search_terms(tmp_path, shop_settings, actor, today,
                                                                             engine):
    """The search index follows its customers on both engines: SQLite by its foreign key's ON DELETE CASCADE,
    a server by a trigger (schema v8 dropped that foreign key there: checking it took 21 of a 100,000-row
    import's 50 s). An undone import and a merge delete customers; none of their terms stay behind, and a
    search finds only who is left."""
    from desktop_app.db.models import SearchTerm

    kept = customers.create_customer(CustomerInput(name="Quitéria Brandão", phone="11 97777-1234"),
                                     shop=shop_settings, actor=actor, today=today)
    twin = customers.create_customer(CustomerInput(name="Quitéria B.", email="quiteria@example.com"),
                                     shop=shop_settings, actor=actor, today=today)
    path = xlsx(tmp_path / "novas.xlsx", [["Nome", "E-mail"], ["Xenofonte Lima", "xeno@example.com"],
                                          ["Xerxes Prado", "xerxes@example.com"]])
    batch = import_write.commit_import(run(path, shop_settings, today), actor=OWNER_ACTOR, shop=shop_settings,
                                       today=today)
    assert len(customers.search("xe")) == 2
    import_write.undo_import(batch, actor=OWNER_ACTOR)
    customers.merge_customers(kept, twin, actor=OWNER_ACTOR, today=today)
    left = {cid for (cid,) in SearchTerm.select(SearchTerm.customer).distinct().tuples()}
    assert left == {kept} and customers.search("xe") == [] and customers.search("quiteria") == [kept]
