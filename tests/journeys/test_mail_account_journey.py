"""Shop → Mail account by keyboard (Portuguese, the owner of a Brazilian shop): Escape asks before it throws
away a typed server and password, and a server typed by hand makes the provider "Other server"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.gui.mail.mail_setup import MailAccountDialog

DOWN, TAB, ESCAPE = Qt.Key.Key_Down, Qt.Key.Key_Tab, Qt.Key.Key_Escape


def open_mail_account(j, window):
    """Alt + the Shop menu's letter, then Down to "Mail account…" and Enter (its letter is shared in
    Portuguese until the translations change it)."""
    menu = window.shop_menu
    title = menu.title()
    j.press(f"Alt+{title[title.index('&') + 1].upper()}")
    yield j.until(lambda: menu.isVisible(), "the Shop menu")
    wanted = QCoreApplication.translate("MainWindow", "&Mail account…")
    for _ in range(len(menu.actions())):
        if menu.activeAction() is not None and menu.activeAction().text() == wanted:
            break
        j.press(DOWN)
        yield j.until(lambda: True, "the key")
    j.press(Qt.Key.Key_Return)
    dialog = yield j.dialog(MailAccountDialog)
    yield j.until(lambda: dialog.ready, "the saved account read")
    return dialog


def test_escape_asks_before_losing_a_typed_server_and_password(journey):
    from desktop_app.services.mail import mailer

    j = journey(shop="staffed")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_mail_account(j, window)
        j.press(TAB)  # from the provider to the server
        yield j.focus_on(dialog.host)
        j.type("smtp.ateliê.com.br")
        for _ in range(4):  # port, security, user, password
            j.press(TAB)
        yield j.focus_on(dialog.password)
        j.type("segredo")
        j.press(ESCAPE)
        ask = yield j.message_box()
        j.press(ESCAPE)  # Escape on the question keeps the work
        yield j.gone(ask)
        yield j.until(lambda: dialog.isVisible() and dialog.password.text() == "segredo", "the dialog, as typed")
        j.press(ESCAPE)
        ask = yield j.message_box()
        j.click(ask.button(QMessageBox.StandardButton.Discard))
        yield j.gone(dialog)
        yield j.idle()
        assert mailer.account() is None

    j.play(steps())


def test_a_server_typed_by_hand_makes_the_provider_other(journey):
    j = journey(shop="staffed")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_mail_account(j, window)
        yield j.focus_on(dialog.preset)
        j.type("G")  # Gmail, by its first letter
        yield j.until(lambda: dialog.preset.currentData() == "gmail" and dialog.hint.isVisible(), "Gmail")
        j.press(TAB)
        yield j.focus_on(dialog.host)
        assert dialog.host.text() == "smtp.gmail.com"
        j.type("mail.ateliteste.com.br")
        yield j.until(lambda: dialog.host.text() == "mail.ateliteste.com.br", "the typed server")
        assert dialog.preset.currentData() == "other"
        assert dialog.hint.isHidden()
        assert dialog.port.value() == 587  # what was there stays

    j.play(steps())
