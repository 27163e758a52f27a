"""The owner's Shop → Loyalty programs by keyboard: opened and closed untouched, Escape closes it at once; with
the welcome bonus changed, Escape asks "Discard changes?" first, Keep editing keeps the change and Discard
throws it away (nothing is saved).

Menus are reached by their underlined letters in the shop's language, fields by Tab.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.db.models import LoyaltyProgram
from desktop_app.gui.loyalty.loyalty_setup import ProgramsDialog

TAB, ESCAPE = Qt.Key.Key_Tab, Qt.Key.Key_Escape


def mnemonic(context: str, text: str) -> str:
    """The underlined letter of a menu or action text, as translated ("&Shop" -> "S")."""
    shown = QCoreApplication.translate(context, text)
    return shown[shown.index("&") + 1].upper()


def open_programs(j):
    j.press(f"Alt+{mnemonic('MainWindow', '&Shop')}")
    yield j.until(lambda: QApplication.activePopupWidget() is not None, "the Shop menu to open")
    j.press(mnemonic("MainWindow", "&Loyalty programs…"))
    dialog = yield j.dialog(ProgramsDialog)
    yield j.until(lambda: dialog.loaded and not j.tasks.busy, "the programs read")
    return dialog


def test_escape_asks_before_unsaved_loyalty_edits_are_lost(journey):
    j = journey(shop="staffed")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_programs(j)
        j.press(ESCAPE)  # nothing changed: no question
        yield j.gone(dialog)
        assert dialog.confirm_discard is None and window.isVisible()

        dialog = yield from open_programs(j)
        assert dialog.welcome.value() == 20
        for _ in range(20):
            if QApplication.focusWidget() is dialog.welcome:
                break
            j.press(TAB)
            yield j.until(lambda: True, "the key to land")
        assert QApplication.focusWidget() is dialog.welcome
        j.type("25")  # Tab selected what the box held
        yield j.until(lambda: dialog.welcome.value() == 25, "the bonus typed")

        j.press(ESCAPE)
        ask = yield j.message_box()
        assert ask.text() == QCoreApplication.translate("CustomerDialog", "Discard changes?")
        j.press(ESCAPE)  # Escape's answer is Keep editing
        yield j.gone(ask)
        assert dialog.isVisible() and dialog.welcome.value() == 25

        j.press(ESCAPE)
        ask = yield j.message_box()
        j.click(ask.button(QMessageBox.StandardButton.Discard))
        yield j.gone(dialog)
        yield j.idle()
        assert LoyaltyProgram.select().count() == 0  # nothing was saved

    j.play(steps())
