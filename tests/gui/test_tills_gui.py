"""Several tills in the window (issue 20): the Service tab of Reports splits the counter's work by till once
two tills have logged something (and a one-PC shop never sees the table), and what it shows is exported;
the customer form told that another till saved her keeps what was typed."""

from __future__ import annotations

import openpyxl

from desktop_app.db.models import Customer
from desktop_app.domain.actors import COUNTER, OWNER, Actor
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry

AT_ONE = Actor(None, "Bruno", COUNTER, till="Caixa 1")
AT_TWO = Actor(None, "Ana Paula", OWNER, till="Caixa 2")


def log(settings, today, cid, who, kind, amount=None):
    interactions.log_interaction(cid, LogEntry(kind=kind, amount=amount), actor=who, shop=settings, today=today)


def service_loaded(qtbot, window_at, actor, today):
    window, view = window_at(actor, "reports_view")
    qtbot.waitUntil(lambda: view.service_table.rowCount() == 12, timeout=10000)
    view.tabs.setCurrentIndex(3)
    return window, view


def test_one_till_shows_no_split(qtbot, window_at, shop_settings, today, english):
    cid = customers.create_customer(CustomerInput(name="Maria"), shop=shop_settings, actor=AT_ONE, today=today)
    log(shop_settings, today, cid, AT_ONE, "purchase", "80")
    _window, view = service_loaded(qtbot, window_at, AT_TWO, today)
    assert view.till_table.isHidden() and view.till_title.isHidden()
    assert "Tills" not in [title for title, _h, _r in view.sheets()]


def test_two_tills_get_a_row_each_busiest_first_and_go_to_the_export(qtbot, window_at, shop_settings, today,
                                                                      tmp_path, english):
    cid = customers.create_customer(CustomerInput(name="Maria"), shop=shop_settings, actor=AT_ONE, today=today)
    log(shop_settings, today, cid, AT_ONE, "purchase", "80")
    for amount in ("10", "25,50"):
        log(shop_settings, today, cid, AT_TWO, "purchase", amount)
    log(shop_settings, today, cid, AT_TWO, "visit")
    _window, view = service_loaded(qtbot, window_at, AT_TWO, today)
    qtbot.waitUntil(lambda: view.till_table.rowCount() == 2, timeout=10000)
    assert not view.till_table.isHidden() and "8 weeks" in view.till_title.text()
    rows = [[view.till_table.item(r, c).text() for c in range(4)] for r in range(2)]
    assert rows == [["Caixa 2", "3", "2", "R$35.50"], ["Caixa 1", "1", "1", "R$80.00"]]
    out = tmp_path / "reports.xlsx"
    view.export(str(out))
    qtbot.waitUntil(out.exists, timeout=10000)
    sheet = openpyxl.load_workbook(out)["Tills"]
    assert [c.value for c in sheet[1]] == ["Till", "Entries", "Purchases", "Purchases' value"]
    assert sheet.max_row == 3


def test_the_form_keeps_what_was_typed_when_another_till_saved_her(qtbot, tasks, shop_settings, today, english):
    from desktop_app.gui.customers.customer_dialog import CustomerDialog

    cid = customers.create_customer(CustomerInput(name="Maria", city="Recife"), shop=shop_settings, actor=AT_ONE,
                                    today=today)
    form = CustomerDialog(tasks, shop_settings, AT_TWO, lambda: today, customers.detail(cid, shop_settings))
    qtbot.addWidget(form)
    form.show()
    form.ui.notes.setPlainText("prefere vestidos longos")
    customers.update_customer(cid, CustomerInput(name="Maria", city="Olinda"), shop=shop_settings, actor=AT_ONE,
                              today=today)
    form.save()
    qtbot.waitUntil(form.conflict.isVisible, timeout=5000)
    assert form.conflict.text() == ("Changed at Caixa 1 a moment ago: reopen the customer to see the change "
                                    "and edit again.")
    assert form.result() == 0 and form.isVisible() and form.ui.notes.toPlainText() == "prefere vestidos longos"
    assert (Customer.get_by_id(cid).city, Customer.get_by_id(cid).notes) == ("Olinda", "")


def test_switching_who_is_at_the_keyboard_keeps_this_tills_name(qtbot, window_at, shop_settings, today):
    """Switch user gives the window the new person as the login made her (no till): the PC stays the same."""
    window, _view = window_at(AT_TWO, "customers")
    window.set_actor(Actor(7, "Bruno", COUNTER))
    assert (window.actor, window.customers.actor) == (Actor(7, "Bruno", COUNTER, "Caixa 2"),) * 2


def test_the_timeline_says_where_an_entry_was_made_only_when_it_was_another_till(qtbot, shop_settings, today,
                                                                                english):
    """A one-PC shop reads "by Ana Paula" as before; at Caixa 1, her sale at Caixa 2 says where it was made."""
    from dataclasses import replace

    from desktop_app.gui.customers.customer_page import CustomerPage
    from desktop_app.services.shop import staff

    ana = staff.create_first_owner("Ana Paula", "2468")
    here, there = replace(ana, till="Caixa 1"), replace(ana, till="Caixa 2")
    cid = customers.create_customer(CustomerInput(name="Maria"), shop=shop_settings, actor=here, today=today)
    log(shop_settings, today, cid, here, "visit")
    log(shop_settings, today, cid, there, "purchase", "80")
    page = CustomerPage(shop_settings, this_till=lambda: "Caixa 1")
    qtbot.addWidget(page)
    texts = {e.kind: page._timeline_item(e).text() for e in customers.timeline(cid)}
    assert texts["purchase"].endswith("by Ana Paula at Caixa 2"), texts
    assert texts["visit"].endswith("by Ana Paula"), texts
