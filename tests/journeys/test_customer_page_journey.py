"""The customer's page as a new member of staff meets it, in Portuguese: a complaint resolved with its
text typed ahead, a new customer shown once saved, and what the quick log says going once it is fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.db.models import Interaction
from desktop_app.domain.errors import ValidationError
from desktop_app.gui.common.i18n import error_text
from tests.journeys.test_counter_journey import choose_kind, maria, open_quick_log, pick

TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return


def resolve_box(window):
    d = window.findChild(QDialog, "resolve_complaint")
    return d if d is not None and d.isVisible() and d.isActiveWindow() else None


def test_an_empty_resolution_is_refused_inline_and_the_text_typed_ahead_is_kept(journey):
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "complaint")
        j.press(TAB)
        j.type("saia manchada")
        j.press(ENTER)
        yield j.gone(dialog)
        page = window.customers.page
        yield j.until(lambda: page.open_list.isVisible() and page.resolve_button.isEnabled(), "the complaint")
        j.click(page.resolve_button)
        ask = yield j.until(lambda: resolve_box(window), "the Resolve complaint box")
        j.press(ENTER)  # nothing typed yet, and she types on at once
        j.type("Trocamos a saia por uma nova")
        yield j.until(lambda: ask.text.text() == "Trocamos a saia por uma nova", "the text typed ahead")
        assert QApplication.activeModalWidget() is ask  # no message box over it
        j.press(ENTER)
        yield j.gone(ask)
        yield j.until(lambda: not page.open_list.isVisible(), "nothing open on her page")
        row = Interaction.get(Interaction.customer == maria())
        assert (row.status, row.resolution) == ("resolved", "Trocamos a saia por uma nova")

    j.play(steps())


def test_an_empty_resolution_says_so_under_the_box(journey):
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "complaint")
        j.press(ENTER)
        yield j.gone(dialog)
        page = window.customers.page
        yield j.until(lambda: page.open_list.isVisible() and page.resolve_button.isEnabled(), "the complaint")
        j.click(page.resolve_button)
        ask = yield j.until(lambda: resolve_box(window), "the Resolve complaint box")
        j.type("   ")
        j.press(ENTER)
        said = error_text(ValidationError("resolution", "resolution_required"))
        yield j.until(lambda: ask.error.isVisible() and ask.error.text() == said, "the inline message")
        yield j.focus_on(ask.text)
        yield j.idle()
        assert ask.isVisible() and Interaction.get(Interaction.customer == maria()).status == "open"

    j.play(steps())


def test_the_quick_logs_refund_message_goes_once_the_amount_is_corrected(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "purchase")
        j.press(TAB)
        j.type("100")
        j.press(ENTER)
        yield j.gone(dialog)
        yield j.idle()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "return")
        yield j.until(lambda: dialog.refund_of.count() == 1, "the purchase it refunds")
        j.press(TAB)
        j.type("150")
        j.press(ENTER)
        yield j.until(lambda: dialog.error.isVisible(), "the refund refused")
        yield j.focus_on(dialog.amount)
        j.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        j.type("60")
        yield j.until(lambda: dialog.amount.text() == "60", "the corrected amount")
        assert dialog.error.isHidden()
        j.press(ENTER)
        yield j.gone(dialog)
        yield j.idle()
        assert Interaction.select().where(Interaction.kind == "return").get().amount_cents == 6000

    j.play(steps())


def test_a_new_customer_is_shown_once_saved_even_when_the_search_would_hide_her(journey):
    from desktop_app.db.models import Customer
    from desktop_app.gui.customers.customer_dialog import CustomerDialog

    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        view, page = window.customers, window.customers.page
        yield j.focus_on(view.search)
        j.type("Mariana")
        yield j.until(lambda: "Mariana Lima" in page.header.text(), "Mariana's page, the search's one match")
        j.press("Ctrl+N")
        form = yield j.dialog(CustomerDialog)
        yield j.focus_on(form.ui.name)
        j.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        j.type("Tomás Ribeiro")
        j.press(TAB)  # the e-mail, left empty
        j.press(TAB)
        yield j.focus_on(form.ui.phone)
        j.type("11 96666-4321")
        j.press(ENTER)
        yield j.gone(form)
        tomas = Customer.get(Customer.name == "Tomás Ribeiro").id
        yield j.until(lambda: view.selected_id() == tomas and "Tomás Ribeiro" in page.header.text(),
                      "Tomás selected in the list and his page shown")
        yield j.idle()
        assert view.search.text() == ""  # the search that hid him is gone
        assert "Mariana Lima" not in page.header.text()

    j.play(steps())


def test_down_in_the_search_box_goes_into_the_results_and_the_arrows_pick_from_there(journey):
    """Found walking the app: Down in the search box did nothing, and the results took six Tabs."""
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        view = window.customers
        yield j.focus_on(view.search)
        j.type("souza")
        yield j.until(lambda: view.table.model().rowCount() >= 1 and view.selected_id() is not None, "the results")
        first = view.selected_id()
        j.press(Qt.Key.Key_Down)
        yield j.until(lambda: view.table.hasFocus(), "the focus in the results")
        assert view.selected_id() == first  # the customer shown stays the one picked
        if view.table.model().rowCount() > 1:
            j.press(Qt.Key.Key_Down)
            yield j.until(lambda: view.selected_id() not in (None, first), "the next customer picked")

    j.play(steps())
