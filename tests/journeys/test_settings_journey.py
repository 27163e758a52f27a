"""Shop → Settings by keyboard (issue 17, item 10): the owner renames the shop and changes its language
after the first run; the window reopens in the new language, and a bad value changes nothing."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.gui.shell.first_run import FirstRunDialog
from desktop_app.gui.shop.settings_dialog import SettingsDialog
from desktop_app.services.shop import shop
from tests.journeys.driver import PIN

TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return


def set_up_an_english_shop(j):
    """The first-run screen by keyboard: a shop in Brazil whose owner picked English."""
    first = yield j.dialog(FirstRunDialog)
    yield j.focus_on(first.name)
    j.type("Loja da Ana")
    j.press(TAB)  # country: Brazil, the default
    j.press(TAB)  # time zone: the country's
    j.press(TAB)
    yield j.focus_on(first.language)
    j.type("E")  # the language list jumps to English
    yield j.until(lambda: first.language.currentData() == "en", "English picked")
    j.press(TAB)
    j.type("Ana Paula")
    j.press(TAB)
    j.type(PIN)
    j.press(TAB)
    j.type(PIN)
    j.press(ENTER)
    window = yield j.main_window()
    yield j.idle()
    return window


def open_settings(j):
    """Alt+S opens the Shop menu, E its Settings."""
    j.press("Alt+S")
    yield j.until(lambda: QApplication.activePopupWidget() is not None, "the Shop menu to open")
    j.press(Qt.Key.Key_E)
    dialog = yield j.dialog(SettingsDialog)
    yield j.focus_on(dialog.name)
    return dialog


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.isVisible()]


def test_renaming_the_shop_and_switching_to_brazilian_portuguese_reopens_the_window_in_portuguese(journey):
    j = journey(shop="new")

    def steps():
        window = yield from set_up_an_english_shop(j)
        assert "&Shop" in menu_titles(window)
        dialog = yield from open_settings(j)
        assert dialog.name.text() == "Loja da Ana" and dialog.name.selectedText() == "Loja da Ana"
        j.type("Ateliê Flor de Lis")  # replaces the selected name
        j.press(TAB)
        yield j.focus_on(dialog.country)
        j.press(TAB)
        j.press(TAB)
        yield j.focus_on(dialog.language)
        j.type("P")  # the first Portuguese: Português (Brasil)
        yield j.until(lambda: dialog.language.currentData() == "pt_BR", "Português (Brasil) picked")
        j.press(ENTER)
        new = yield j.until(lambda: j.window is not window and j.window is not None and j.window.isVisible()
                            and j.window, "the window to reopen")
        assert not window.isVisible()
        # the old window goes once the lane has delivered what it asked for (its send timer with it)
        yield j.until(lambda: not shiboken6.isValid(window), "the old window to be deleted")
        assert "&Loja" in menu_titles(new) and "&Shop" not in menu_titles(new)
        assert new.windowTitle().startswith("Ateliê Flor de Lis")
        yield j.status_text("Configurações salvas.")
        saved = shop.shop_settings()
        assert (saved.name, saved.language, saved.country) == ("Ateliê Flor de Lis", "pt_BR", "BR")
        assert new.actor.name == "Ana Paula" and new.actor.role == "owner"
        # the new window works: Settings again, now in Portuguese (Alt+L for &Loja, C for &Configurações…)
        j.press("Alt+L")
        yield j.until(lambda: QApplication.activePopupWidget() is not None, "the Loja menu to open")
        j.press(Qt.Key.Key_C)
        again = yield j.dialog(SettingsDialog)
        assert again.windowTitle() == "Configurações da loja" and again.name.text() == "Ateliê Flor de Lis"
        j.press(Qt.Key.Key_Escape)
        yield j.gone(again)

    j.play(steps())


def test_switching_to_european_portuguese_and_the_feb29_rule(journey):
    j = journey(shop="staffed")  # a Brazilian shop in Brazilian Portuguese

    def steps():
        window = yield j.log_in()
        assert "&Loja" in menu_titles(window)
        j.press("Alt+L")
        yield j.until(lambda: QApplication.activePopupWidget() is not None, "the Loja menu to open")
        j.press(Qt.Key.Key_C)
        dialog = yield j.dialog(SettingsDialog)
        j.press(TAB)
        j.press(TAB)
        j.press(TAB)
        yield j.focus_on(dialog.language)
        j.press(Qt.Key.Key_Down)  # from Português (Brasil) to Português (Portugal)
        yield j.until(lambda: dialog.language.currentData() == "pt_PT", "Português (Portugal) picked")
        j.press(TAB)
        yield j.focus_on(dialog.feb29)
        j.press(Qt.Key.Key_Down)  # born on 29 February: celebrated on 1 March in other years
        yield j.until(lambda: dialog.feb29.currentData() == "mar1", "1 March picked")
        j.press(ENTER)
        new = yield j.until(lambda: j.window is not window and j.window, "the window to reopen")
        yield j.status_text("Definições guardadas.")
        assert "&Ficheiro" in menu_titles(new)
        assert (shop.shop_settings().language, shop.shop_settings().feb29_rule) == ("pt_PT", "mar1")
        assert new.shop.feb29_rule == "mar1"  # what the daily birthday bonus and the régua now use

    j.play(steps())


def test_an_empty_shop_name_is_refused_with_a_message_and_nothing_changes(journey):
    j = journey(shop="staffed")

    def steps():
        window = yield j.log_in()
        before = shop.shop_settings()
        j.press("Alt+L")
        yield j.until(lambda: QApplication.activePopupWidget() is not None, "the Loja menu to open")
        j.press(Qt.Key.Key_C)
        dialog = yield j.dialog(SettingsDialog)
        j.press(Qt.Key.Key_Delete)  # the selected name goes
        j.press(TAB)
        j.press(TAB)
        j.press(TAB)
        j.press(Qt.Key.Key_Down)  # and a new language, which must not be saved either
        j.press(ENTER)
        yield j.until(lambda: dialog.error.isVisible(), "the message under the form")
        assert dialog.error.text() == "Este campo é obrigatório."
        assert dialog.isVisible() and dialog.name.hasFocus()
        assert shop.shop_settings() == before and j.window is window
        j.type("Ateliê Novo")
        j.press(ENTER)
        yield j.until(lambda: j.window is not window and j.window, "the window to reopen")
        assert shop.shop_settings().name == "Ateliê Novo"

    j.play(steps())


def test_counter_staff_have_no_shop_settings(journey):
    j = journey(shop="staffed")

    def steps():
        window = yield j.log_in()
        j.press("Ctrl+L")
        yield j.until(lambda: QApplication.activeModalWidget() is not None, "the login")
        j.press(TAB, Qt.KeyboardModifier.ShiftModifier)
        j.press(Qt.Key.Key_Down)  # Bruno, counter
        j.press(TAB)
        j.type(PIN)
        j.press(ENTER)
        yield j.until(lambda: window.actor.name == "Bruno", "Bruno to be logged in")
        assert not window.settings_action.isVisible() and not window.shop_menu.menuAction().isVisible()

    j.play(steps())
