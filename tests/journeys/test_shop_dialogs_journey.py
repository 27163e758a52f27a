"""The owner's File → Backups and Shop → Staff by keyboard: both open at once and fill when the worker lane
has read them; a copy made by hand joins the list, the retention rule is saved, a new account is added,
one is switched off, and a refused change (an account without a name) is said in words, the dialog open.

Menus and buttons are reached by their underlined letters in the shop's language, fields by Tab.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.db.models import Staff
from desktop_app.gui.shop.backups_dialog import BackupsDialog
from desktop_app.gui.shop.staff_dialogs import StaffDialog
from desktop_app.services.customers import privacy
from tests.journeys.driver import button

TAB, ENTER, ESCAPE = Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Escape
SHIFT = Qt.KeyboardModifier.ShiftModifier


def mnemonic(context: str, text: str) -> str:
    """The underlined letter of a menu or button text, as translated ("&Shop" -> "S")."""
    shown = QCoreApplication.translate(context, text)
    return shown[shown.index("&") + 1].upper()


def tab_to(j, widget, *, back: bool = False, most: int = 15):
    """Press Tab (Shift+Tab: `back`) until `widget` has the focus, as a person does."""
    for _ in range(most):
        if QApplication.focusWidget() is widget:
            return
        j.press(TAB, SHIFT if back else Qt.KeyboardModifier.NoModifier)
        yield j.until(lambda: True, "the key to land")
    raise AssertionError(f"Tab never reached {type(widget).__name__}")


def open_from_menu(j, menu_title: str, action: str, cls: type):
    j.press(f"Alt+{mnemonic('MainWindow', menu_title)}")
    yield j.until(lambda: QApplication.activePopupWidget() is not None, f"the {menu_title} menu to open")
    j.press(mnemonic("MainWindow", action))
    dialog = yield j.dialog(cls)
    return dialog


def file_choosers() -> list[QFileDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]


def names(dialog: StaffDialog) -> list[str]:
    return [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]


def test_backups_by_keyboard_a_copy_by_hand_and_the_retention_rule(journey):
    j = journey(shop="staffed")

    def steps():
        window = yield j.log_in()  # the day's automatic copy is made as the window opens
        dialog = yield from open_from_menu(j, "&File", "&Backups…", BackupsDialog)
        yield j.until(lambda: dialog.loaded and dialog.table.rowCount() >= 1 and not j.tasks.busy,
                      "the copies listed")
        before = dialog.table.rowCount()
        assert dialog.retention.value() == 0 and dialog.restore_button.isEnabled()

        j.press(f"Alt+{mnemonic('BackupsDialog', 'Back up &now')}")
        yield j.until(lambda: dialog.message.isVisible() and dialog.table.rowCount() == before + 1,
                      "the copy made by hand in the list")
        assert dialog.items[0].kind == "manual" and str(dialog.items[0].path) in dialog.message.text()

        yield from tab_to(j, dialog.retention)
        j.type("4")  # Tab selected what the box held
        j.press(ENTER)  # Enter in the box applies it (it opened the second folder's file chooser)
        yield j.until(lambda: privacy.retention_years() == 4 and not j.tasks.busy, "the rule saved by Enter")
        assert QApplication.activeModalWidget() is dialog and not file_choosers()
        assert dialog.message.isVisible() and not dialog.error.isVisible()
        assert dialog.message.text() == QCoreApplication.translate(
            "BackupsDialog", "Saved. Customers it would anonymise today: {n}.").format(n=0)
        j.type("2")  # Enter selected what the box held
        yield from tab_to(j, dialog.retention_apply)
        j.press(Qt.Key.Key_Space)
        yield j.until(lambda: privacy.retention_years() == 2 and not j.tasks.busy, "the rule saved by Apply")

        folder = button(dialog, QCoreApplication.translate("BackupsDialog", "Also copy to a folder…"))
        yield from tab_to(j, folder, back=True)
        j.press(ENTER)  # a stray Enter on the button opens no file chooser (Space would)
        for _ in range(5):
            yield j.until(lambda: True, "the key to land")
        assert QApplication.activeModalWidget() is dialog and not file_choosers()

        j.press(ESCAPE)
        yield j.gone(dialog)
        assert window.isVisible()

    j.play(steps())


def test_staff_by_keyboard_add_an_account_switch_one_off_and_a_refusal_in_words(journey):
    j = journey(shop="staffed")

    def steps():
        yield j.log_in()
        dialog = yield from open_from_menu(j, "&Shop", "&Staff…", StaffDialog)
        yield j.until(lambda: dialog.loaded and names(dialog) == ["Ana Paula", "Bruno"], "the two accounts")

        yield from tab_to(j, dialog.new_name)
        j.type("Carla")
        j.press(TAB)  # the role: counter, the default
        j.press(TAB)
        yield j.focus_on(dialog.new_pin)
        j.type("9753")
        j.press(ENTER)  # Enter in the form adds the account
        yield j.until(lambda: names(dialog) == ["Ana Paula", "Bruno", "Carla"] and not j.tasks.busy,
                      "Carla in the list")
        assert dialog.new_name.text() == "" and dialog.new_pin.text() == ""
        carla = Staff.get(Staff.name == "Carla")
        assert carla.role == "counter" and carla.active

        yield from tab_to(j, dialog.table, back=True)
        j.press(Qt.Key.Key_Home)
        j.press(Qt.Key.Key_Down)  # Bruno
        yield j.until(lambda: dialog.table.currentRow() == 1, "Bruno picked")
        j.press(f"Alt+{mnemonic('StaffDialog', 'Switch &off / on')}")
        no = QCoreApplication.translate("StaffDialog", "no")
        yield j.until(lambda: dialog.table.item(1, 2).text() == no and not j.tasks.busy, "Bruno switched off")
        assert not Staff.get(Staff.name == "Bruno").active and dialog.table.currentRow() == 1

        yield from tab_to(j, dialog.new_name)
        j.press(ENTER)  # no name: refused, said under the form (and no other button pressed)
        yield j.until(lambda: dialog.error.isVisible() and not j.tasks.busy, "the refusal in words")
        assert QApplication.activeModalWidget() is dialog and dialog.isVisible()
        assert dialog.error.text() and "Traceback" not in dialog.error.text()
        assert Staff.select().count() == 3

        j.press(ESCAPE)
        yield j.gone(dialog)

    j.play(steps())
