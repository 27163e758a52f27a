"""The customer form by keyboard (issue 17, item 13): a message goes as soon as its field is put right,
e-mail consent needs an e-mail address (said under the consent, naming the field), and Escape asks
before throwing away what was typed. Ctrl+N opens the form from the main window; Enter saves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.models import Customer
from desktop_app.gui.customers.customer_dialog import CustomerDialog
from desktop_app.services.customers import customers

TAB, ENTER, ESC = Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Escape
TABS_FROM_EMAIL_TO_CONSENT = 7  # phone, birthday, city, tax id, card, tags, then "by e-mail"


def new_customer_form(j):
    j.press("Ctrl+N")
    form = yield j.dialog(CustomerDialog)
    yield j.focus_on(form.ui.name)
    return form


def test_an_error_goes_when_the_field_is_fixed_and_enter_saves(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        form = yield from new_customer_form(j)
        j.type("Lia Campos")
        j.press(TAB)
        j.type("lia@")
        j.press(ENTER)
        yield j.until(lambda: form.field_error("email"), "the message under the e-mail")
        assert form.isVisible() and form.ui.email.hasFocus()
        j.type("exemplo.com")  # put right: the message goes at once, before any Save
        yield j.until(lambda: form.ui.email_error.isHidden(), "the e-mail's message to go")
        j.press(ENTER)
        yield j.gone(form)
        yield j.idle()
        assert Customer.get(Customer.name == "Lia Campos").email == "lia@exemplo.com"

    j.play(steps())


def test_email_consent_without_an_address_is_refused_under_the_consent(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        form = yield from new_customer_form(j)
        j.type("Rosa Lima")
        j.press(TAB)
        yield j.focus_on(form.ui.email)
        for _ in range(TABS_FROM_EMAIL_TO_CONSENT):
            j.press(TAB)
        yield j.focus_on(form.ui.consent_email)
        j.press(Qt.Key.Key_Space)
        j.press(ENTER)
        yield j.until(lambda: form.field_error("consent_email"), "the message under the consent")
        message = form.field_error("consent_email")
        assert form.ui.consent_email_error.isVisible() and form.isVisible()
        assert message == QCoreApplication.translate("errors", customers_message("consent_needs_email"))
        assert "e-mail" in message.lower()  # it says which field is missing
        assert not Customer.select().where(Customer.name == "Rosa Lima").exists()
        for _ in range(TABS_FROM_EMAIL_TO_CONSENT):  # back up to the e-mail
            j.press(TAB, Qt.KeyboardModifier.ShiftModifier)
        yield j.focus_on(form.ui.email)
        j.type("rosa@exemplo.com")
        yield j.until(lambda: form.ui.consent_email_error.isHidden(), "the consent's message to go")
        j.press(ENTER)
        yield j.gone(form)
        yield j.idle()
        rosa = Customer.get(Customer.name == "Rosa Lima")
        assert customers.detail(rosa.id, j.window.shop).consent["email"] is True

    j.play(steps())


def test_escape_asks_before_throwing_away_what_was_typed(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        form = yield from new_customer_form(j)
        j.press(ESC)  # nothing typed: it just closes
        yield j.gone(form)
        form = yield from new_customer_form(j)
        j.type("Tânia Reis")
        j.press(ESC)
        ask = yield j.message_box()
        assert form.isVisible()
        j.press(ESC)  # "keep editing"
        yield j.gone(ask)
        yield j.dialog(CustomerDialog)
        assert form.ui.name.text() == "Tânia Reis"
        j.press(ESC)
        ask = yield j.message_box()
        j.click(ask.button(QMessageBox.StandardButton.Discard))
        yield j.gone(form)
        yield j.idle()
        assert not Customer.select().where(Customer.name == "Tânia Reis").exists()

    j.play(steps())


def customers_message(code: str) -> str:
    from desktop_app.domain.errors import MESSAGES

    return MESSAGES[code]
