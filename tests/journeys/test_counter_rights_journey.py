"""A counter clerk on the Messages screen after the owner hands the keyboard over (Ctrl+L): what only the
owner may change is greyed out with who can, and "Send now" without a mail account tells him to ask the
owner instead of naming a menu he does not have."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from desktop_app.gui.shell.login_dialog import LoginDialog
from tests.journeys.driver import PIN, button


def switch_to_bruno(j, window):
    j.press("Ctrl+L")
    switch = yield j.dialog(LoginDialog)
    j.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    yield j.focus_on(switch.who)
    j.press(Qt.Key.Key_Down)  # Bruno, counter
    j.press(Qt.Key.Key_Tab)
    yield j.focus_on(switch.pin)
    j.type(PIN)
    j.press(Qt.Key.Key_Return)
    yield j.gone(switch)
    yield j.until(lambda: window.actor.name == "Bruno", "Bruno logged in")


def test_the_clerk_cannot_touch_the_scheduler_and_is_told_to_ask_the_owner(journey):
    j = journey(shop="staffed")

    def steps():
        window = yield j.log_in()
        messages = window.messages_view
        j.click_row(window.nav, window.stack.indexOf(messages))
        yield j.until(lambda: window.stack.currentWidget() is messages, "the Messages screen")
        yield j.idle()
        assert messages.scheduled.isEnabled()  # the owner's
        yield from switch_to_bruno(j, window)
        yield j.idle()
        assert not messages.scheduled.isEnabled() and messages.scheduled.toolTip()
        assert not messages.scheduled.isChecked()
        j.click(button(messages, QCoreApplication.translate("MessagesView", "Send due e-mails now")))
        yield j.until(lambda: messages.summary.text() and messages.send_button.isEnabled(), "the answer")
        menu = QCoreApplication.translate("MainWindow", "&Mail account…").replace("&", "").rstrip("…")
        assert menu not in messages.summary.text()
        assert messages.summary.text() == QCoreApplication.translate(
            "MessagesView", "The shop's mail account is not set up yet: ask the owner to set it up.")
        yield from switch_back_to_ana(j, window)
        assert messages.scheduled.isEnabled() and not messages.scheduled.toolTip()

    j.play(steps())


def switch_back_to_ana(j, window):
    j.press("Ctrl+L")
    switch = yield j.dialog(LoginDialog)
    j.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    yield j.focus_on(switch.who)
    j.press(Qt.Key.Key_Up)  # Ana Paula, owner
    j.press(Qt.Key.Key_Tab)
    yield j.focus_on(switch.pin)
    j.type(PIN)
    j.press(Qt.Key.Key_Return)
    yield j.gone(switch)
    yield j.until(lambda: window.actor.name == "Ana Paula", "Ana logged in again")
