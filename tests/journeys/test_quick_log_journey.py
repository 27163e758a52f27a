"""The quick log (F2) as a new member of staff uses it, in Portuguese, by keyboard: the days typed as
Brazil writes them, Tab from one field to the next, a wrong day refused in words; Escape asks before it
throws typed work away; an error goes once its cause is fixed.

The shop is "counter" (Brazilian, so the app speaks pt_BR and writes dd/MM/yyyy); today is 24/11/2026.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.db.models import Customer, Interaction
from desktop_app.domain.errors import ValidationError
from desktop_app.gui.common.i18n import error_text
from desktop_app.gui.customers.quick_log import QuickLogDialog
from tests.journeys.test_counter_journey import choose_kind, maria, open_quick_log, pick

TAB, BACKTAB, ENTER, ESCAPE = Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Escape


def test_tab_leaves_the_day_and_the_days_typed_are_the_days_saved(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "quote")
        j.press(TAB)
        j.type("900")
        j.press(TAB)
        j.type("vestido de noiva")
        j.press(TAB)
        yield j.focus_on(dialog.when)
        j.type("20/11/2026")
        j.press(TAB)  # out of "Dia", on to "Retornar em"
        yield j.focus_on(dialog.follow_up)
        j.press(BACKTAB)
        yield j.focus_on(dialog.when)  # and back, in one key
        j.press(TAB)
        yield j.focus_on(dialog.follow_up)
        j.type("01122026")  # without the slashes
        j.press(ENTER)
        yield j.gone(dialog)
        yield j.idle()
        row = Interaction.get(Interaction.customer == maria())
        assert (row.kind, row.amount_cents, row.occurred_on, row.follow_up_on) == (
            "quote", 90000, date(2026, 11, 20), date(2026, 12, 1))

    j.play(steps())


def test_a_day_after_today_or_over_a_year_ago_is_refused_in_the_dialog(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "purchase")
        j.press(TAB)
        j.type("100")
        j.press(TAB)
        j.press(TAB)
        yield j.focus_on(dialog.when)
        j.type("25/11/2026")  # tomorrow
        j.press(ENTER)
        future = error_text(ValidationError("date", "date_future"))
        yield j.until(lambda: dialog.error.isVisible() and dialog.error.text() == future, "the day refused")
        yield j.focus_on(dialog.when)
        j.type("20/11/2025")  # a year and four days ago
        j.press(ENTER)
        yield j.until(lambda: dialog.error.isVisible() and dialog.error.text() != future, "an old day refused")
        assert dialog.isVisible() and QApplication.activeModalWidget() is dialog  # inline, no message box
        yield j.idle()
        assert Interaction.select().count() == 0
        j.type("31/02/2026")  # no such day
        j.press(ENTER)
        yield j.until(lambda: dialog.error.isVisible() and "24/11/2026" in dialog.error.text(), "no such day")
        yield j.idle()
        assert Interaction.select().count() == 0
        j.type("23/11/2026")
        j.press(ENTER)
        yield j.gone(dialog)
        yield j.idle()
        row = Interaction.get(Interaction.customer == maria())
        assert (row.amount_cents, row.occurred_on) == (10000, date(2026, 11, 23))

    j.play(steps())


def test_a_follow_up_before_the_day_is_refused(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "quote")
        j.press(TAB)
        j.type("320")
        j.press(TAB)
        j.press(TAB)
        yield j.focus_on(dialog.when)
        j.type("20/11/2026")
        j.press(TAB)
        j.type("19/11/2026")
        j.press(ENTER)
        past = error_text(ValidationError("follow_up", "follow_up_past"))
        yield j.until(lambda: dialog.error.isVisible() and dialog.error.text() == past, "the follow-up refused")
        yield j.focus_on(dialog.follow_up)
        yield j.idle()
        assert dialog.isVisible() and Interaction.select().count() == 0

    j.play(steps())


def test_escape_asks_before_losing_a_typed_purchase_and_note(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        yield from choose_kind(j, dialog, "purchase")
        j.press(TAB)
        j.type("250,00")
        j.press(TAB)
        j.type("vestido azul, ajuste na barra")
        j.press(ESCAPE)
        ask = yield j.message_box()
        j.press(ESCAPE)  # Escape on the question: keep editing
        yield j.gone(ask)
        yield j.until(lambda: dialog.isVisible() and dialog.amount.text() == "250,00", "the quick log, as typed")
        j.press(ENTER)  # and it saves as typed
        yield j.gone(dialog)
        yield j.idle()
        assert [(r.amount_cents, r.note) for r in Interaction.select()] == [(25000, "vestido azul, ajuste na barra")]
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        j.press(TAB)
        j.type("80")
        j.press(ESCAPE)
        ask = yield j.message_box()
        j.click(ask.button(QMessageBox.StandardButton.Discard))
        yield j.gone(dialog)
        yield j.idle()
        assert Interaction.select().count() == 1

    j.play(steps())


def test_escape_with_nothing_typed_just_closes(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from pick(j, dialog, "4321", "Maria Souza")
        j.press(ESCAPE)
        yield j.gone(dialog)
        assert dialog.confirm_discard is None and not any(b.isVisible() for b in dialog.findChildren(QMessageBox))

    j.play(steps())


def test_escape_after_creating_a_customer_says_she_stays_and_the_window_gets_the_focus_back(journey):
    """The first Enter in the new-customer form saves her at once (the entry comes after): Escape then
    asks about the entry only and says she stays; Discard leaves her saved and nothing logged. The main
    window is the active one again, the focus where it was, so F2 works without a click."""
    j = journey(shop="counter")

    def steps():
        window = yield j.log_in()
        before = QApplication.focusWidget()
        assert before is not None and before.window() is window
        j._window_manager = lambda: None  # no stand-in window manager: the dialog itself gives the focus back
        dialog = yield from open_quick_log(j)
        j.type("Marina Costa")
        j.press(ENTER)
        yield j.focus_on(dialog.new_phone)
        j.type("11 96666-2020")
        j.press(ENTER)  # she is created here
        yield j.until(lambda: "Marina Costa" in dialog.chosen.text(), "Marina picked")
        yield j.focus_on(dialog.kind)
        j.press(ESCAPE)
        ask = yield j.message_box()
        assert ask.text() == dialog.tr("Discard the entry? {name} stays saved as a new customer.").format(
            name="Marina Costa")
        j.click(ask.button(QMessageBox.StandardButton.Discard))
        yield j.gone(dialog)
        yield j.until(lambda: QApplication.activeWindow() is window, "the main window active again")
        yield j.focus_on(before)
        yield j.idle()
        marina = Customer.get(Customer.name == "Marina Costa")  # she stays, as the question said
        assert marina.phone == "+5511966662020"
        assert Interaction.select().count() == 0
        j.press("F2")  # keys reach the main window at once
        again = yield j.dialog(QuickLogDialog)
        yield j.focus_on(again.search)

    j.play(steps())



def new_customer_with_marias_phone(j, dialog):
    """A new customer, Nadia Rocha, typed with Maria Souza's phone (the duplicate warnings' start)."""
    j.type("Nadia Rocha")
    j.press(ENTER)
    yield j.focus_on(dialog.new_phone)
    j.type("(11) 98765-4321")  # Maria Souza's

def test_a_new_customer_with_someone_elses_phone_is_a_warning_first(journey):
    """As in the full customer form: a phone that already belongs to a customer stops the first Enter
    with who has it; the next Enter means "yes, a new customer"."""
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from new_customer_with_marias_phone(j, dialog)
        j.press(ENTER)
        yield j.until(lambda: dialog.duplicates.isVisible() and "Maria Souza" in dialog.duplicates.text(),
                      "the warning naming Maria")
        yield j.idle()
        assert not Customer.select().where(Customer.name == "Nadia Rocha").exists()
        assert dialog.new_box.isVisible() and dialog.chosen.isHidden()
        yield j.focus_on(dialog.new_phone)
        j.press(ENTER)  # yes, two people
        yield j.until(lambda: "Nadia Rocha" in dialog.chosen.text(), "Nadia created and picked")
        yield j.focus_on(dialog.kind)
        assert Customer.select().where(Customer.phone == "+5511987654321").count() == 2

    j.play(steps())


def test_a_bad_e_mail_corrected_leaves_only_the_duplicate_warning(journey):
    """Found walking the app: the e-mail error stayed under the form after the e-mail was corrected, beside
    the duplicate warning the next Enter showed."""
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from new_customer_with_marias_phone(j, dialog)
        j.press(TAB)
        j.type("nadia@")
        j.press(ENTER)
        yield j.until(lambda: dialog.error.isVisible(), "the e-mail refused")
        for _ in "nadia@":
            j.press(Qt.Key.Key_Backspace)
        j.press(ENTER)
        yield j.until(lambda: dialog.duplicates.isVisible() and "Maria Souza" in dialog.duplicates.text(),
                      "the warning naming Maria")
        assert dialog.error.isHidden()

    j.play(steps())


def test_after_the_duplicate_warning_the_customer_found_in_the_search_is_the_one_logged_for(journey):
    j = journey(shop="counter")

    def steps():
        yield j.log_in()
        dialog = yield from open_quick_log(j)
        yield from new_customer_with_marias_phone(j, dialog)
        j.press(ENTER)
        yield j.until(lambda: "Maria Souza" in dialog.duplicates.text(), "the warning naming Maria")
        j.click(dialog.search)
        yield j.focus_on(dialog.search)
        j.press("Ctrl+A")
        yield from pick(j, dialog, "4321", "Maria Souza")  # the same person: her, not a new customer
        assert dialog.new_box.isHidden() and not dialog.changed()
        j.press(ENTER)
        yield j.gone(dialog)
        yield j.idle()
        assert Customer.select().count() == 3
        assert [r.customer.id for r in Interaction.select()] == [maria()]

    j.play(steps())
