"""The counter by keyboard: F2 from anywhere, find the customer, what happened, Enter (issue 17, item 2).

The shop is "counter": Ana Paula (owner) and three customers whose names start with "Mar". Every step is
a key or a click in the real window; what a journey checks is what the staff member sees (the quick
log's pick, the customer's page, the status bar) and what the database now holds.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.db.models import Customer, Interaction
from desktop_app.gui.customers.quick_log import QuickLogDialog
from desktop_app.services.customers.interactions import DEFAULT_FOLLOW_UP_DAYS

DOWN, TAB, ENTER = Qt.Key.Key_Down, Qt.Key.Key_Tab, Qt.Key.Key_Return
KIND_INDEX = {"visit": 0, "purchase": 1, "complaint": 4, "return": 5, "quote": 7}  # domain/kinds.py KINDS


def maria() -> int:
    return Customer.get(Customer.name == "Maria Souza").id


def open_quick_log(j):
    """F2, wait for the quick log with the focus in its search."""
    j.press("F2")
    dialog = yield j.dialog(QuickLogDialog)
    yield j.focus_on(dialog.search)
    return dialog


def pick(j, dialog, text: str, name: str):
    """Type what the customer says (phone digits, a name), Enter: her name shows and the kind has the focus."""
    j.type(text)
    j.press(ENTER)
    yield j.until(lambda: dialog.chosen.isVisible() and name in dialog.chosen.text(), f"{name} picked")
    yield j.focus_on(dialog.kind)


def choose_kind(j, dialog, kind: str):
    for _ in range(KIND_INDEX[kind]):
        j.press(DOWN)
    yield j.until(lambda: dialog.kind.currentData() == kind, f"the kind {kind}")


def test_f2_a_purchase_with_its_amount_shows_on_the_customers_page(journey):
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "purchase")
        j.press(TAB)
        yield j.focus_on(dialog.amount)
        j.type("149,90")
        j.press(ENTER)
        yield j.gone(dialog)
        page = window.customers.page
        yield j.until(lambda: "Maria Souza" in page.header.text() and page.timeline.count() >= 2,
                      "Maria's page with the purchase")
        assert "149,90" in page.timeline.item(0).text() and "Ana Paula" in page.timeline.item(0).text()
        row = Interaction.get(Interaction.customer == maria())
        assert (row.kind, row.amount_cents) == ("purchase", 14990)
        assert window.statusBar().currentMessage()  # "Logged." and the points, if any

    j.play(steps())


def test_f2_the_match_arrowed_or_clicked_to_is_the_one_logged_for(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        j.type("Mar")
        yield j.until(lambda: dialog.matches.count() == 3, "the three customers called Mar…")
        names = [dialog.matches.item(n).data(Qt.ItemDataRole.UserRole)[1] for n in range(3)]
        j.press(DOWN)  # in the search box: the highlight moves to the second match
        j.press(ENTER)
        yield j.until(lambda: dialog.chosen.isVisible() and names[1] in dialog.chosen.text(),
                      f"the second match ({names[1]}) picked, not the first")
        j.click_row(dialog.matches, 2)  # she meant the third one after all
        yield j.until(lambda: dialog.chosen.isVisible() and names[2] in dialog.chosen.text(),
                      f"the clicked match ({names[2]}) picked")
        yield j.focus_on(dialog.kind)
        j.press(ENTER)  # a visit
        yield j.gone(dialog)
        yield j.idle()
        logged = [(r.customer.name, r.kind) for r in Interaction.select()]
        assert logged == [(names[2], "visit")]

    j.play(steps())


def test_f2_enter_on_a_highlighted_match_in_the_list_picks_her_and_does_not_log_yet(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        j.type("Mar")
        yield j.until(lambda: dialog.matches.count() == 3, "the three matches")
        names = [dialog.matches.item(n).data(Qt.ItemDataRole.UserRole)[1] for n in range(3)]
        j.press(TAB)  # into the list of matches
        yield j.focus_on(dialog.matches)
        j.press(DOWN)
        j.press(ENTER)
        yield j.until(lambda: names[1] in dialog.chosen.text(), f"{names[1]} picked")
        yield j.focus_on(dialog.kind)
        yield j.idle()
        assert dialog.isVisible() and Interaction.select().count() == 0  # nothing logged behind her back
        yield from choose_kind(j, dialog, "purchase")
        j.press(TAB)
        j.type("80")
        j.press(ENTER)
        yield j.gone(dialog)
        yield j.idle()
        assert [(r.customer.name, r.kind, r.amount_cents) for r in Interaction.select()] == [
            (names[1], "purchase", 8000)]

    j.play(steps())


def test_f2_a_new_customer_then_enter_logs_for_her(journey):
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_quick_log(j)
        j.type("Joana Prado")
        j.press(ENTER)  # nobody found: the short form, with her name
        yield j.focus_on(dialog.new_phone)
        assert dialog.new_name.text() == "Joana Prado"
        j.type("11 97777-1234")
        j.press(ENTER)  # she is created
        yield j.until(lambda: "Joana Prado" in dialog.chosen.text(), "Joana picked")
        yield j.focus_on(dialog.kind)
        yield from choose_kind(j, dialog, "purchase")
        j.press(TAB)
        j.type("59,90")
        j.press(ENTER)
        yield j.gone(dialog)
        page = window.customers.page
        yield j.until(lambda: "Joana Prado" in page.header.text() and page.timeline.count() >= 1,
                      "Joana's page")
        joana = Customer.get(Customer.name == "Joana Prado")
        assert joana.phone == "+5511977771234"
        assert [(r.kind, r.amount_cents) for r in Interaction.select().where(Interaction.customer == joana)] == [
            ("purchase", 5990)]

    j.play(steps())


def test_f2_a_complaint_then_resolve_it_from_her_page(journey):
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "complaint")
        j.press(TAB)  # the amount is off for a complaint: straight to the note
        yield j.focus_on(dialog.note)
        j.type("zíper quebrou")
        j.press(ENTER)
        yield j.gone(dialog)
        page = window.customers.page
        yield j.until(lambda: page.open_list.isVisible() and page.resolve_button.isEnabled(),
                      "the open complaint on her page")
        j.click(page.resolve_button)
        ask = yield j.until(lambda: (d := window.findChild(QDialog, "resolve_complaint")) is not None
                            and d.isVisible() and d.isActiveWindow() and d, "the Resolve complaint box")
        j.type("trocamos o zíper")
        j.press(ENTER)
        yield j.gone(ask)
        yield j.until(lambda: not page.open_list.isVisible(), "nothing open on her page")
        row = Interaction.get(Interaction.customer == maria())
        assert (row.kind, row.status, row.resolution, row.note) == (
            "complaint", "resolved", "trocamos o zíper", "zíper quebrou")
        assert "trocamos o zíper" in page.timeline.item(0).text()

    j.play(steps())


def test_f2_a_quote_with_its_follow_up_day(journey):
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "quote")
        j.press(TAB)
        j.type("320")
        j.press(TAB)
        j.type("vestido de festa")
        j.press(TAB)  # the day (today), then "follow up on": Tab leaves a date field in one key
        j.press(TAB)
        yield j.focus_on(dialog.follow_up)  # a week from today, by default
        j.press(Qt.Key.Key_Up)  # the day section: one more day
        j.press(ENTER)
        yield j.gone(dialog)
        page = window.customers.page
        yield j.until(lambda: page.open_list.isVisible() and page.open_list.count() == 1, "the open quote")
        row = Interaction.get(Interaction.customer == maria())
        follow_up = j.today + timedelta(days=DEFAULT_FOLLOW_UP_DAYS + 1)
        assert (row.kind, row.amount_cents, row.status, row.follow_up_on) == ("quote", 32000, "open", follow_up)
        assert follow_up.strftime("%d/%m") in page.open_list.item(0).text()

    j.play(steps())


def test_f2_a_refund_of_an_earlier_purchase(journey):
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "purchase")
        j.press(TAB)
        j.type("200")
        j.press(ENTER)
        yield j.gone(dialog)
        yield j.idle()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "return")
        yield j.until(lambda: dialog.refund_of.isVisible() and dialog.refund_of.count() == 1,
                      "the purchase it refunds")
        j.press(TAB)
        j.type("50")
        j.press(ENTER)
        yield j.gone(dialog)
        page = window.customers.page
        yield j.until(lambda: page.timeline.count() >= 3 and "50,00" in page.timeline.item(0).text(),
                      "the refund on her page")
        purchase, refund = Interaction.select().where(Interaction.customer == maria()).order_by(Interaction.id)
        assert (purchase.kind, purchase.amount_cents) == ("purchase", 20000)
        assert (refund.kind, refund.amount_cents, refund.related_id) == ("return", 5000, purchase.id)

    j.play(steps())
