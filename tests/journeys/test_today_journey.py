"""Today by keyboard and mouse (issue 17, items 8 and 12): the WhatsApp after the sale on a computer where
no browser opens, the same with a browser, a call done, and the
selection that moves on to the next person instead of jumping to the top; what is logged at the counter
meanwhile (a new customer, her quote with a call today) shows on Today without pressing Refresh.

The shop is "today": Alice, Beatriz and Carla bought a week ago (their WhatsApp after the sale is due
today) and Quésia's quote has its follow-up call today. Offscreen, Qt has no browser to open a link
with (QDesktopServices.openUrl answers False, as on a machine with none); a "browser" is a URL handler
the journey installs (QDesktopServices.setUrlHandler), which records what it was asked to open.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from desktop_app.db.models import Customer, Interaction, Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.kinds import KINDS
from desktop_app.gui.cadence.today_view import ID_ROLE, OutcomeDialog
from desktop_app.gui.customers.quick_log import QuickLogDialog
from tests.journeys.driver import button


class Browser(QObject):
    """What opens an https link: records it (the journey's stand-in for a browser with WhatsApp Web)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def nodes(today):
    """The customers on the list, in the order shown: (name, outbox id, tree index)."""
    tree, found = today.tree, []
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        for n in range(group.childCount()):
            node = group.child(n)
            found.append((node.text(0), node.data(0, ID_ROLE), tree.indexFromItem(node)))
    return found


def index_of(today, name):
    return lambda: next(i for n, _oid, i in nodes(today) if n == name)


def selected(today) -> str:
    item = today.current_item()
    return item.customer if item is not None else ""


def open_today(j, window):
    today = window.today_view
    j.click_row(window.nav, window.stack.indexOf(today))
    yield j.until(lambda: today.isVisible() and len(nodes(today)) == 4 and not j.tasks.busy and not today.filling,
                  "Today's four people")
    return today


def sent_for(name: str) -> list[str]:
    customer = Customer.get(Customer.name == name)
    return [r.note for r in Interaction.select().where((Interaction.customer == customer)
                                                       & (Interaction.kind == "message"))]


def outbox_status(name: str) -> str:
    return Outbox.get(Outbox.customer == Customer.get(Customer.name == name).id).status


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openUrl")  # the log says no browser opened it
def test_whatsapp_with_no_browser_records_nothing_and_offers_the_link_and_text(journey):
    j = journey(shop="today", work_process=True)

    def steps():
        window = yield j.log_in()
        today = yield from open_today(j, window)
        j.click_item(today.tree, index_of(today, "Alice Ramos"))
        yield j.until(lambda: selected(today) == "Alice Ramos" and today.whatsapp_button.isVisible()
                      and today.message_shown, "Alice and her message")
        text = today.message.toPlainText()
        assert text
        j.click(today.whatsapp_button)
        box = yield j.message_box()
        assert "Alice Ramos" in box.text()
        j.click(button(box, QGuiApplication.translate("TodayView", "Copy link and text")))
        yield j.gone(box)
        yield j.idle()
        copied = QGuiApplication.clipboard().text()
        assert text in copied and "https://wa.me/5511981110001?text=" in copied
        assert sent_for("Alice Ramos") == [] and outbox_status("Alice Ramos") == c.PLANNED
        assert selected(today) == "Alice Ramos" and len(nodes(today)) == 4  # still to do, still picked
        status = window.statusBar().currentMessage()
        assert status and "Alice" not in status  # not "WhatsApp to Alice noted as sent."

    j.play(steps())


def test_whatsapp_that_opens_is_recorded_and_the_selection_moves_to_the_next_person(journey):
    j = journey(shop="today", work_process=True)
    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")

    def steps():
        window = yield j.log_in()
        today = yield from open_today(j, window)
        order = [n for n, _oid, _i in nodes(today)]
        first = order.index("Alice Ramos")
        j.click_item(today.tree, index_of(today, "Alice Ramos"))
        yield j.until(lambda: selected(today) == "Alice Ramos", "Alice picked")
        j.click(today.whatsapp_button)
        yield j.until(lambda: len(nodes(today)) == 3 and not j.tasks.busy, "Alice off the list")
        assert len(browser.opened) == 1 and browser.opened[0].startswith("https://wa.me/5511981110001")
        assert len(sent_for("Alice Ramos")) == 1 and outbox_status("Alice Ramos") == c.DONE
        assert selected(today) == order[first + 1]  # the next one, not the top of the list
        assert "Alice Ramos" in window.statusBar().currentMessage()

    try:
        j.play(steps())
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_call_done_by_keyboard_then_a_new_customer_logged_at_the_counter_shows_without_refresh(journey):
    j = journey(shop="today", work_process=True)

    def steps():
        window = yield j.log_in()
        today = yield from open_today(j, window)
        order = [n for n, _oid, _i in nodes(today)]
        j.click_item(today.tree, index_of(today, "Quésia Prado"))
        yield j.until(lambda: selected(today) == "Quésia Prado" and today.done_button.isVisible(), "Quésia")
        j.click(today.done_button)
        outcome = yield j.dialog(OutcomeDialog)
        j.type("vem sábado provar")
        j.press(Qt.Key.Key_Return)
        yield j.gone(outcome)
        yield j.until(lambda: len(nodes(today)) == 3 and not j.tasks.busy, "Quésia off the list")
        call = Interaction.get(Interaction.kind == "call")
        assert call.customer.name == "Quésia Prado" and "vem sábado provar" in call.note
        at = order.index("Quésia Prado")
        rest = order[:at] + order[at + 1:]
        assert selected(today) == rest[min(at, len(rest) - 1)]  # the one that came after her

        # at the counter meanwhile (F2 from Today): a new customer asks for a quote and wants a call today
        keep = selected(today)
        j.press("F2")
        quick = yield j.dialog(QuickLogDialog)
        j.type("Denise Alves")
        j.press(Qt.Key.Key_Return)
        yield j.focus_on(quick.new_phone)
        j.type("11 97777-5555")
        j.press(Qt.Key.Key_Return)
        yield j.until(lambda: "Denise Alves" in quick.chosen.text(), "Denise created and picked")
        for _ in range(KINDS.index("quote")):
            j.press(Qt.Key.Key_Down)
        j.press(Qt.Key.Key_Tab)
        j.type("500")
        for _ in range(3):  # the note, the day, then "follow up on" (Tab leaves a date field in one key)
            j.press(Qt.Key.Key_Tab)
        yield j.focus_on(quick.follow_up)
        j.type(j.today.strftime("%d%m%Y"))  # today
        yield j.until(lambda: quick.follow_up.date().toPython() == j.today, "the follow-up set to today")
        j.press(Qt.Key.Key_Return)
        yield j.gone(quick)
        j.click_row(window.nav, window.stack.indexOf(today))  # back to Today (F2's page was Denise's)
        yield j.until(lambda: any(n == "Denise Alves" for n, _o, _i in nodes(today)) and not j.tasks.busy,
                      "Denise's call on Today without pressing Refresh")
        assert selected(today) == keep

    j.play(steps())


def test_enter_acts_on_a_row_and_after_an_action_the_focus_stays_in_the_list(journey):
    """Enter on a row does what a double-click does (here: the WhatsApp is sent), and after an action
    (Enter, or the Skip button clicked) the focus stays in Today's list, on the row that took the acted
    one's place: the next Down picks the row after it, Today still on screen (it used to land in the
    sidebar, where Down switched the section to Messages)."""
    j = journey(shop="today", work_process=True)
    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")

    def still_today(window, today) -> bool:
        return window.stack.currentWidget() is today and window.nav.currentRow() == window.stack.indexOf(today)

    def steps():
        window = yield j.log_in()
        today = yield from open_today(j, window)
        # the quote's call (its own step, listed first), then the three WhatsApps after the sale
        assert [n for n, _oid, _i in nodes(today)] == ["Quésia Prado", "Alice Ramos", "Beatriz Nunes",
                                                       "Carla Souto"]
        j.click_item(today.tree, index_of(today, "Alice Ramos"))
        yield j.until(lambda: selected(today) == "Alice Ramos" and today.whatsapp_button.isVisible(), "Alice")
        j.press(Qt.Key.Key_Return)
        yield j.until(lambda: len(nodes(today)) == 3 and not j.tasks.busy and not today.filling,
                      "Alice off the list")
        assert len(browser.opened) == 1 and browser.opened[0].startswith("https://wa.me/5511981110001")
        assert len(sent_for("Alice Ramos")) == 1 and outbox_status("Alice Ramos") == c.DONE
        assert selected(today) == "Beatriz Nunes"
        yield j.focus_on(today.tree)
        j.press(Qt.Key.Key_Down)
        yield j.until(lambda: selected(today) == "Carla Souto", "Down picks the next row")
        assert still_today(window, today)

        j.click_item(today.tree, index_of(today, "Quésia Prado"))
        yield j.until(lambda: selected(today) == "Quésia Prado" and today.skip_button.isVisible(), "Quésia")
        j.click(today.skip_button)  # the click gives the button the focus; the button goes with the row
        yield j.until(lambda: len(nodes(today)) == 2 and not j.tasks.busy and not today.filling,
                      "Quésia skipped")
        assert outbox_status("Quésia Prado") == c.SKIPPED
        assert selected(today) == "Beatriz Nunes"  # the one after her
        yield j.focus_on(today.tree)
        j.press(Qt.Key.Key_Down)
        yield j.until(lambda: selected(today) == "Carla Souto", "Down picks the next row")
        assert still_today(window, today)
        assert len(browser.opened) == 1  # Skip sent nothing

    try:
        j.play(steps())
    finally:
        QDesktopServices.unsetUrlHandler("https")
