"""Two tills, one shop (issue 20), by keyboard: the form of a customer that another till saved meanwhile
refuses to save over that change, says where and when, and keeps what was typed; each till's name is
recorded on what it saves, and the owner renames this till in Shop → Settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.db.models import Customer
from desktop_app.domain.actors import COUNTER, Actor
from desktop_app.gui.customers.customer_dialog import CustomerDialog
from desktop_app.gui.shop.settings_dialog import SettingsDialog
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.shop import till

TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return
OTHER_TILL = Actor(None, "Bruno", COUNTER, till="Caixa 1")


def edit_maria(j, window):
    """Search for Maria, then Alt+E (the page's Edit) opens her form, filled from the lane."""
    view = window.customers
    yield j.focus_on(view.search)
    j.type("Maria Souza")
    yield j.until(lambda: "Maria Souza" in view.page.header.text(), "Maria's page")
    j.press("Alt+E")
    form = yield j.dialog(CustomerDialog)
    yield j.until(lambda: form.ui.name.text() == "Maria Souza", "her form filled")
    return form


def test_a_customer_changed_at_another_till_is_not_saved_over_and_what_was_typed_stays(journey):
    j = journey(shop="counter", start=False)
    till.save_name(j.paths, "Caixa 2")  # this PC's name, as Settings keeps it
    j.start()

    def steps():
        window = yield j.log_in()
        assert window.actor.till == "Caixa 2"
        form = yield from edit_maria(j, window)
        maria = form.customer_id
        for _ in range(4):  # e-mail, phone, birthday, city
            j.press(TAB)
        yield j.focus_on(form.ui.city)
        j.type("Recife")
        yield j.until(lambda: form.ui.city.text() == "Recife", "the city typed")
        # Meanwhile, at the other till, Bruno saves her with a new phone.
        customers.update_customer(maria, CustomerInput(name="Maria Souza", phone="(11) 97777-1234"),
                                  shop=window.shop, actor=OTHER_TILL, today=j.today)
        j.press(ENTER)
        yield j.until(lambda: form.conflict.isVisible(), "the form to say she was changed elsewhere")
        expected = QCoreApplication.translate(
            "errors", "Changed at {till} a moment ago: reopen the customer to see the change and edit again.").format(
            till="Caixa 1")
        assert form.conflict.text() == expected
        assert form.isVisible() and form.ui.city.text() == "Recife"  # still open, nothing typed lost
        saved = Customer.get_by_id(maria)
        assert (saved.phone, saved.city, saved.changed_at_till) == ("+5511977771234", "", "Caixa 1")
        j.press(ENTER)  # Save again still refuses: only a reopened form may save
        yield j.idle()
        assert form.isVisible() and Customer.get_by_id(maria).city == ""
        j.press(Qt.Key.Key_Escape)  # what was typed is thrown away only when she says so
        ask = yield j.message_box()
        j.click(ask.button(QMessageBox.StandardButton.Discard))
        yield j.gone(form)
        form = yield from edit_maria(j, window)  # reopened: the other till's phone is there
        assert form.ui.phone.text().replace(" ", "").endswith("97777-1234")
        for _ in range(4):
            j.press(TAB)
        yield j.focus_on(form.ui.city)
        j.type("Recife")
        j.press(ENTER)
        yield j.gone(form)
        yield j.idle()
        saved = Customer.get_by_id(maria)
        assert (saved.phone, saved.city, saved.changed_at_till) == ("+5511977771234", "Recife", "Caixa 2")

    j.play(steps())


def test_the_owner_names_this_till_in_settings_and_what_it_saves_says_so(journey):
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        assert window.actor.till == till.default_name()  # never named: the computer's name
        j.press("Alt+L")  # the shop is Brazilian: &Loja → &Configurações…
        yield j.until(lambda: QApplication.activePopupWidget() is not None, "the Shop menu to open")
        j.press(Qt.Key.Key_C)
        dialog = yield j.dialog(SettingsDialog)
        yield j.focus_on(dialog.name)
        for _ in range(5):  # country, time zone, language, 29 February, then this till's name
            j.press(TAB)
        yield j.focus_on(dialog.till)
        assert dialog.till.text() == till.default_name() and dialog.till_hint.isVisible()
        j.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        j.type("Loja Centro")
        j.press(ENTER)
        new = yield j.until(lambda: j.window is not window and j.window is not None and j.window.isVisible()
                            and j.window, "the window to reopen")
        assert new.actor.till == "Loja Centro" and till.stored_name(j.paths) == "Loja Centro"
        yield j.idle()
        form = yield from edit_maria(j, new)
        for _ in range(4):
            j.press(TAB)
        yield j.focus_on(form.ui.city)
        j.type("Olinda")
        j.press(ENTER)
        yield j.gone(form)
        yield j.idle()
        assert Customer.get(Customer.name == "Maria Souza").changed_at_till == "Loja Centro"

    j.play(steps())
