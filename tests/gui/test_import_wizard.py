"""The import wizard from file to committed batch, and the history with undo."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QWizard

from desktop_app.db.models import Customer
from desktop_app.gui.spreadsheets import import_wizard
from desktop_app.gui.spreadsheets.import_wizard import ImportHistoryDialog, ImportWizard


@pytest.fixture
def sheet(tmp_path):
    wb = Workbook()
    ws = wb.active
    for row in (["Clientes da loja"], [], ["Nome", "Celular", "E-mail", "Nascimento"],
                ["Maria Lima", "(11) 98765-4321", "maria@example.com", "15/03/1990"],
                ["Rui Costa", "123", "rui@", "31/02"],
                ["", "", "", ""], ["Ana Dias", "", "ana@example.com", "12/25/1980"]):
        ws.append(row)
    path = tmp_path / "clientes.xlsx"
    wb.save(path)
    return path


def test_the_wizard_reads_maps_previews_and_imports(qtbot, tasks, shop_settings, actor, today, sheet, english):
    wizard = ImportWizard(tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(sheet))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.sheet_page)
    assert wizard.sheet_page.header_row.value() == 3
    wizard.next()
    mapping = wizard.mapping_page
    assert [c.currentData() for c in mapping.combos] == ["name", "phone", "email", "birthday"]
    mapping.combos[2].setCurrentIndex(mapping.combos[2].findData("ignore"))
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None)
    assert "3 rows: 3 new customers" in preview.summary.text()
    problems = {preview.problems.item(r, 1).text() for r in range(preview.problems.rowCount())}
    assert problems == {"Celular", "Nascimento"}
    assert Customer.select().count() == 0  # nothing written before the last step
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.batch is not None)
    assert Customer.select().count() == 3
    assert Customer.get(Customer.name == "Maria Lima").email is None  # the e-mail column was ignored


def test_a_broken_file_is_explained_on_the_first_page(qtbot, tasks, shop_settings, actor, today, tmp_path, english):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    wizard = ImportWizard(tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(bad))
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.file_page.error.isHidden())
    assert "damaged" in wizard.file_page.error.text()
    assert wizard.currentPage() is wizard.file_page


def test_the_history_undoes_an_import(qtbot, tasks, shop_settings, actor, today, sheet, monkeypatch, english):
    from desktop_app.services.spreadsheets import import_plan, import_write
    from desktop_app.services.spreadsheets.spreadsheet import read_table

    plan = import_plan.plan_import(read_table(sheet), shop_settings, today)
    import_write.commit_import(plan, actor=actor, shop=shop_settings, today=today)
    assert Customer.select().count() == 3
    monkeypatch.setattr(import_wizard, "confirm_undo", lambda *a: True)
    dialog = ImportHistoryDialog(tasks, actor, shop_settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "clientes.xlsx"
    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.undone and Customer.select().count() == 0
    assert dialog.table.item(0, 4).text() != ""  # the Undone column says when
    assert not dialog.undo_button.isEnabled()  # it offered to undo it again, then said "already undone"


def test_undo_is_offered_only_for_an_import_not_yet_undone(qtbot, tasks, shop_settings, actor, today, sheet,
                                                           tmp_path, monkeypatch, english):
    from desktop_app.services.spreadsheets import import_plan, import_write
    from desktop_app.services.spreadsheets.spreadsheet import read_table

    first = import_write.commit_import(import_plan.plan_import(read_table(sheet), shop_settings, today), actor=actor,
                                   shop=shop_settings, today=today)
    import_write.undo_import(first, actor=actor)
    other = tmp_path / "outros.xlsx"
    wb = Workbook()
    wb.active.append(["Nome", "Celular"])
    wb.active.append(["Bia Reis", "(11) 91234-5678"])
    wb.save(other)
    import_write.commit_import(import_plan.plan_import(read_table(other), shop_settings, today), actor=actor,
                           shop=shop_settings, today=today)
    monkeypatch.setattr(import_wizard, "confirm_undo", lambda *a: True)
    dialog = ImportHistoryDialog(tasks, actor, shop_settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not tasks.busy)
    files = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert files == ["outros.xlsx", "clientes.xlsx"]
    assert dialog.undo_button.isEnabled()  # the newest, not undone, is selected
    dialog.table.selectRow(1)
    assert not dialog.undo_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.undo_button.isEnabled()


def test_the_customer_list_loses_the_undone_customers_while_the_history_is_open(
        qtbot, window_at, shop_settings, actor, today, sheet, monkeypatch, english):
    """The list behind the dialog kept the removed customers until the dialog was closed."""
    from desktop_app.services.spreadsheets import import_plan, import_write
    from desktop_app.services.spreadsheets.spreadsheet import read_table

    import_write.commit_import(import_plan.plan_import(read_table(sheet), shop_settings, today), actor=actor,
                           shop=shop_settings, today=today)
    window, view = window_at(actor, "customers")
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    monkeypatch.setattr(import_wizard, "confirm_undo", lambda *a: True)
    opened = []

    def show_instead_of_exec(dialog):  # exec() would wait for the user; the test is the user
        opened.append(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(ImportHistoryDialog, "exec", show_instead_of_exec)
    window.import_history()
    dialog = opened[0]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and dialog.undo_button.isEnabled())
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert dialog.isVisible()


def _to_preview(qtbot, wizard, path):
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.sheet_page)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page


def test_an_unexpected_error_while_checking_ends_in_a_message_and_a_usable_wizard(
        qtbot, tasks, shop_settings, actor, today, sheet, monkeypatch, english):
    """Issue 17 item 4: after 'Something went wrong' the wizard sat on 'Checking every row…' for good."""
    from desktop_app.services.spreadsheets import import_plan

    reported = []
    monkeypatch.setattr(import_wizard, "report_bug", lambda *args: reported.append(args[1]))
    real_plan = import_plan.plan_import

    def broken(*args, **kwargs):
        raise TypeError("_RowReader._issue() got multiple values for argument 'name'")

    monkeypatch.setattr(import_plan, "plan_import", broken)
    wizard = ImportWizard(tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(wizard)
    _to_preview(qtbot, wizard, sheet)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: not preview.error.isHidden())
    assert "Something went wrong" in preview.error.text() and "nothing was imported" in preview.error.text()
    assert "Checking every row" not in preview.summary.text() and preview.busy.bar.isHidden()
    assert [type(e) for e in reported] == [TypeError]
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    monkeypatch.setattr(import_plan, "plan_import", real_plan)
    wizard.back()  # the wizard is usable: back to the mapping, and forward again checks afresh
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    qtbot.waitUntil(lambda: preview.plan is not None)
    assert preview.error.isHidden() and wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.batch is not None)
    assert Customer.select().count() == 3


def test_the_owner_decides_a_possible_duplicate_in_the_preview(qtbot, tasks, shop_settings, actor, today,
                                                               tmp_path, english):
    """Issue 17 item 6: a different person with the same phone silently updated an existing customer."""
    from desktop_app.services.customers import customers
    from desktop_app.services.customers.customers import CustomerInput

    maria = customers.create_customer(CustomerInput(name="Maria Souza", phone="(11) 3333-4444"),
                                      shop=shop_settings, actor=actor, today=today)
    wb = Workbook()
    for row in (["Nome", "Telefone", "Cidade"], ["João Pereira", "(11) 3333-4444", "Olinda"],
                ["Ana Dias", "(11) 98765-1111", "Natal"]):
        wb.active.append(row)
    path = tmp_path / "familia.xlsx"
    wb.save(path)
    wizard = ImportWizard(tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(wizard)
    _to_preview(qtbot, wizard, path)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None)
    assert "2 new customers, 0 updated" in preview.summary.text()
    assert "1 possible duplicate" in preview.summary.text()
    assert preview.duplicates.rowCount() == 1 and preview.duplicates.item(0, 2).text() == "Maria Souza"
    choice = preview.decisions[2]
    assert choice.currentData() is False and choice.currentText() == "A new customer"
    choice.setCurrentIndex(1)  # "The same person: update Maria Souza"
    qtbot.waitUntil(lambda: preview.plan is not None and preview.plan.updated == 1)
    assert "1 new customers, 1 updated" in preview.summary.text() or "1 new customer, 1 updated" in \
        preview.summary.text()
    assert preview.decisions[2].currentData() is True  # the choice survives the new check
    preview.decisions[2].setCurrentIndex(0)  # changed her mind: a new customer after all
    qtbot.waitUntil(lambda: preview.plan is not None and preview.plan.updated == 0)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.batch is not None)
    assert not Customer.get_by_id(maria).city and Customer.select().count() == 3  # his city is not hers
