"""The owner imports her old list by keyboard and undoes it (issue 17, items 4 to 7 and the journeys).

The shop is "counter": Ana Paula (owner) and Maria Souza, Mariana Lima and Marta Dias. The file is a real
xlsx with a problem row (letters in a phone), a row without a name, a totals line and João Souza, who
shares Maria's phone (a family): the preview shows him as a possible duplicate and, left as it is, he
becomes a new customer and Maria keeps her details. File → Import history → Undo takes it all back.
"""

from __future__ import annotations

from openpyxl import Workbook
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from desktop_app.db.models import Customer
from desktop_app.domain.errors import MESSAGES
from desktop_app.gui.common.tasks import WORK
from desktop_app.gui.spreadsheets.import_wizard import ImportHistoryDialog, ImportWizard

ENTER = Qt.Key.Key_Return


def mnemonic(text: str) -> str:
    """The underlined letter of a menu or button text ("&Import customers…" -> "I")."""
    return text[text.index("&") + 1].upper()


def file_menu_open():
    menu = QApplication.activePopupWidget()
    return isinstance(menu, QMenu) and any(a.text() == QCoreApplication.translate("MainWindow", "&Import customers…")
                                           for a in menu.actions())


def old_list(path) -> None:
    wb = Workbook()
    ws = wb.active
    for row in (["Lista de clientes"], ["Nome", "Celular", "Cidade", "Cartão"],
                ["Lúcia Prado", "(11) 97777-1111", "Recife", "C-10"],
                ["Rui Costa", "11 9ABCD-1234", "Natal", ""],  # letters in the phone: a row warning
                [None, "(11) 96666-2222", "Olinda", ""],  # no name: not imported
                ["João Souza", "(11) 98765-4321", "Santos", ""],  # Maria Souza's phone: a possible duplicate
                ["Total: 4 clientes", None, None, None]):
        ws.append(row)
    wb.save(path)


def test_import_by_keyboard_with_a_problem_row_and_a_possible_duplicate_then_undo(journey, tmp_path):
    path = tmp_path / "clientes antigos.xlsx"
    old_list(path)
    j = journey(shop="counter", work_process=True)
    translate = QCoreApplication.translate

    def steps():
        window = yield j.log_in()
        maria_before = Customer.get(Customer.name == "Maria Souza")
        j.press(f"Alt+{mnemonic(window.menuBar().actions()[0].text())}")
        yield j.until(file_menu_open, "the File menu to open")
        j.press(mnemonic(translate("MainWindow", "&Import customers…")))
        wizard = yield j.dialog(ImportWizard)
        yield j.focus_on(wizard.file_page.path)
        j.type(str(path))
        j.press(ENTER)  # Next: the file is read on the worker lane
        yield j.until(lambda: wizard.currentPage() is wizard.sheet_page, "the sheet and header page")
        assert wizard.sheet_page.header_row.value() == 2  # the title line above the header is skipped
        j.press(ENTER)
        yield j.until(lambda: wizard.currentPage() is wizard.mapping_page, "the mapping page")
        mapping = wizard.mapping_page
        assert [c.currentData() for c in mapping.combos] == ["name", "phone", "city", "card_code"]
        j.press(ENTER)
        preview = wizard.preview_page
        yield j.until(lambda: wizard.currentPage() is preview and preview.plan is not None, "the preview")
        plan = preview.plan
        assert (plan.created, plan.updated, plan.skipped, plan.duplicate_count) == (3, 0, 2, 1)  # row 5 (no name) and the totals row
        assert j.tasks.child(WORK).pid is not None  # checked in the work process, not on a thread of the window's
        shown = preview.summary.text()
        assert translate("PreviewPage", "%n possible duplicates: decide below.", "", 1) in shown
        problems = {(preview.problems.item(r, 0).text(), preview.problems.item(r, 4).text())
                    for r in range(preview.problems.rowCount())}

        def said(code: str) -> str:  # the message as the owner reads it, in the shop's language
            return translate("errors", MESSAGES[code])

        assert ("4", said("phone_letters")) in problems
        assert ("5", said("required")) in problems
        assert ("7", said("totals_row")) in problems
        assert any(row == "6" and "Maria Souza" in text for row, text in problems)
        assert preview.duplicates.isVisible() and preview.duplicates.rowCount() == 1
        assert (preview.duplicates.item(0, 1).text(), preview.duplicates.item(0, 2).text()) == \
            ("João Souza", "Maria Souza")
        assert preview.decisions[6].currentData() is False  # the safe default: a new customer
        assert Customer.select().count() == 3  # nothing written before the last step
        j.press(f"Alt+{mnemonic(translate('ImportWizard', '&Import'))}")
        yield j.gone(wizard)
        yield j.status_text(translate("MainWindow", "Import finished."))
        yield j.idle()
        names = {c.name for c in Customer.select()}
        assert {"Lúcia Prado", "Rui Costa", "João Souza"} <= names and len(names) == 6
        joao, maria = Customer.get(Customer.name == "João Souza"), Customer.get(Customer.name == "Maria Souza")
        assert joao.id != maria.id and joao.phone == maria.phone and joao.city == "Santos"
        assert maria.city == maria_before.city and maria.updated_at == maria_before.updated_at
        assert Customer.get(Customer.name == "Rui Costa").phone is None
        customers_view = window.customers
        j.click_row(window.nav, window.stack.indexOf(customers_view))
        yield j.until(lambda: customers_view.isVisible() and customers_view.model.rowCount() == 6,
                      "the customer list to show the six customers")

        j.press(f"Alt+{mnemonic(window.menuBar().actions()[0].text())}")
        yield j.until(file_menu_open, "the File menu to open")
        j.press(mnemonic(translate("MainWindow", "Import &history…")))
        history = yield j.dialog(ImportHistoryDialog)
        assert history.table.item(0, 1).text() == path.name
        j.press(f"Alt+{mnemonic(translate('ImportHistoryDialog', '&Undo this import'))}")
        question = yield j.message_box()
        assert path.name in question.text()
        yes = question.button(QMessageBox.StandardButton.Yes).text()
        j.press(f"Alt+{mnemonic(yes)}" if "&" in yes else ENTER)
        yield j.until(lambda: history.undone and history.table.item(0, 4).text(), "the import to show as undone")
        j.press(Qt.Key.Key_Escape)
        yield j.gone(history)
        yield j.until(lambda: customers_view.model.rowCount() == 3, "the list back to the three customers")
        assert {c.name for c in Customer.select()} == {"Maria Souza", "Mariana Lima", "Marta Dias"}

    j.play(steps(), timeout=90)
