"""The import wizard from file to committed batch, and the history with undo."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QWizard

from desktop_app.db.models import Customer
from desktop_app.gui import import_wizard
from desktop_app.gui.import_wizard import ImportHistoryDialog, ImportWizard


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
    from desktop_app.services import importer
    from desktop_app.services.spreadsheet import read_table

    plan = importer.plan_import(read_table(sheet), shop_settings, today)
    importer.commit_import(plan, actor=actor, shop=shop_settings, today=today)
    assert Customer.select().count() == 3
    monkeypatch.setattr(import_wizard, "confirm_undo", lambda *a: True)
    dialog = ImportHistoryDialog(actor, shop_settings)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "clientes.xlsx"
    dialog.undo_button.click()
    assert dialog.undone and Customer.select().count() == 0
    dialog.undo_button.click()
    assert "already undone" in dialog.error.text()
