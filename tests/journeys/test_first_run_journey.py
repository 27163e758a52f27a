"""A new shop's first run by keyboard: the shop, the owner and her PIN, Enter, and the main window opens
with her logged in as the owner."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.db.models import Staff
from desktop_app.gui.shell.first_run import FirstRunDialog
from desktop_app.services.shop import shop

TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return


def test_the_first_run_screen_filled_by_keyboard_then_enter_opens_the_window_as_owner(journey):
    j = journey(shop="new")

    def steps():
        first = yield j.dialog(FirstRunDialog)
        yield j.focus_on(first.name)
        j.type("Ateliê Novo")
        j.press(TAB)
        yield j.focus_on(first.country)  # Brasil: its time zone and currency come with it
        for widget in (first.timezone, first.language, first.owner_name):
            j.press(TAB)
            yield j.focus_on(widget)
        j.type("Conceição Alves")
        j.press(TAB)
        j.type("2468")
        j.press(TAB)
        j.type("2460")  # mistyped
        j.press(ENTER)
        yield j.until(lambda: first.error.isVisible() and first.error.text(), "the PINs differ")
        assert first.isVisible() and first.pin.hasFocus()
        j.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        j.type("2468")
        j.press(TAB)
        j.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        j.type("2468")
        j.press(ENTER)
        window = yield j.main_window()
        assert (window.actor.name, window.actor.role) == ("Conceição Alves", "owner")
        assert window.shop_menu.menuAction().isVisible()  # the owner's menus
        settings = shop.shop_settings()
        assert (settings.name, settings.country, settings.currency) == ("Ateliê Novo", "BR", "BRL")
        assert [(s.name, s.role) for s in Staff.select()] == [("Conceição Alves", "owner")]

    j.play(steps())
