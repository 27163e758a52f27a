"""The window's daily run at opening: the copy and the retention rule tell the open views only what changed,
so a 100,000-customer list is not read again after every day's copy."""

from __future__ import annotations

from datetime import timedelta

from desktop_app.gui.shell.main_window import MainWindow
from desktop_app.services.customers import customers, privacy
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.shop import backups, staff


def open_on(qtbot, tasks, paths, shop_settings, owner, day):
    heard = []
    tasks.changed.connect(lambda changes, _initiator: heard.append(changes))
    w = MainWindow(paths, tasks, shop_settings, owner, lambda: day)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: any(b.kind == "daily" for b in backups.list_backups(paths)))
    qtbot.waitUntil(lambda: not tasks.busy)
    return w, heard


def test_the_days_copy_without_a_retention_rule_asks_no_view_to_read_again(qtbot, tasks, paths, shop_settings,
                                                                          today, english):
    owner = staff.create_first_owner("Ana Paula", "2468")
    customers.create_customer(CustomerInput(name="Maria Souza"), shop=shop_settings, actor=owner, today=today)
    _w, heard = open_on(qtbot, tasks, paths, shop_settings, owner, today)
    assert not any(changes.touches("customers") for changes in heard)


def test_a_customer_anonymised_by_the_retention_rule_reaches_the_list(qtbot, tasks, paths, shop_settings, today,
                                                                     english):
    owner = staff.create_first_owner("Ana Paula", "2468")
    customers.create_customer(CustomerInput(name="Maria Souza"), shop=shop_settings, actor=owner, today=today)
    privacy.set_retention_years(2, actor=owner)
    later = today + timedelta(days=3 * 366)
    _w, heard = open_on(qtbot, tasks, paths, shop_settings, owner, later)
    assert privacy.inactive(later, 2) == [] and any(changes.touches("customers") for changes in heard)
