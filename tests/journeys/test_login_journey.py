"""Logging in and switching user by keyboard, the way the counter does it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.gui.shell.login_dialog import LoginDialog
from tests.journeys.driver import PIN


def test_typing_the_pin_and_pressing_enter_logs_the_owner_in(journey):
    j = journey(shop="staffed")

    def steps():
        yield j.dialog(LoginDialog)
        j.type(PIN)
        j.press(Qt.Key.Key_Return)
        window = yield j.main_window()
        assert window.actor.name == "Ana Paula" and window.actor.role == "owner"

    j.play(steps())


def test_switching_to_a_counter_clerk_with_enter_gives_her_rights_not_the_owners(journey):
    j = journey(shop="staffed")

    def steps():
        yield j.dialog(LoginDialog)
        j.type(PIN)
        j.press(Qt.Key.Key_Return)
        window = yield j.main_window()
        j.press("Ctrl+L")
        switch = yield j.dialog(LoginDialog)
        assert switch is not window and switch.pin.hasFocus()
        j.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back to "Who are you?"
        yield j.focus_on(switch.who)
        j.press(Qt.Key.Key_Down)  # the next account: Bruno, counter
        j.press(Qt.Key.Key_Tab)
        yield j.focus_on(switch.pin)
        j.type(PIN)
        j.press(Qt.Key.Key_Return)
        yield j.gone(switch)
        yield j.until(lambda: window.actor.name == "Bruno", "Bruno to be logged in")
        assert window.actor.role == "counter"
        assert not window.import_action.isVisible() and not window.export_action.isVisible()

    j.play(steps())


def test_a_wrong_pin_then_enter_says_so_and_keeps_the_dialog_open(journey):
    j = journey(shop="staffed")

    def steps():
        login = yield j.dialog(LoginDialog)
        j.type("9999")
        j.press(Qt.Key.Key_Return)
        yield j.until(lambda: login.error.isVisible() and login.error.text(), "the error under the PIN")
        assert login.isVisible() and login.pin.text() == "" and login.pin.hasFocus()
        j.type(PIN)
        j.press(Qt.Key.Key_Return)
        window = yield j.main_window()
        assert window.actor.role == "owner"

    j.play(steps())
