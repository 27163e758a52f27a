"""Backups as the owner meets them: the day's copy is made when the window opens, Back up now adds one,
and restoring the selected copy brings the data back and refreshes the list."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_app.db.models import Customer
from desktop_app.gui.shell.main_window import MainWindow
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.shop import backups, staff


@pytest.fixture
def owner(shop_settings):
    return staff.create_first_owner("Ana Paula", "2468")


def test_daily_copy_back_up_now_and_restore(qtbot, tasks, paths, shop_settings, owner, today, english):
    customers.create_customer(CustomerInput(name="Maria Souza"), shop=shop_settings, actor=owner, today=today)
    w = MainWindow(paths, tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: any(b.kind == "daily" for b in backups.list_backups(paths)))
    dialog = w.backups()
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 2)  # the daily and the weekly copy
    dialog.backup_now()
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "Copy made" in dialog.message.text() and dialog.items[0].kind == "manual"
    Customer.delete().execute()
    w.customers.reload()
    dialog.table.selectRow(0)
    dialog.restore(str(dialog.items[0].path), dialog.items[0].made, confirm=False)
    qtbot.waitUntil(lambda: "Restored" in dialog.message.text())
    assert [c.name for c in Customer.select()] == ["Maria Souza"]
    qtbot.waitUntil(lambda: w.customers.model.rowCount() == 1)
    assert any(b.kind == "before-restore" for b in dialog.items)
    dialog.restore(str(paths.data_dir / "nothing.db"), None, confirm=False)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "There is no database" in dialog.error.text()


def test_the_window_restores_while_it_holds_the_shop_itself(qtbot, tasks, paths, shop_settings, owner, today,
                                                          english, tmp_path):
    """RELIABILITY.md "Restore only restores a Régua shop": the shop's lock refuses a restore from another
    process, never the window's own restore (the window holds the lock it would wait for)."""
    from desktop_app.gui.shell.single_instance import SingleInstance
    from desktop_app.gui.shop.backups_dialog import BackupsDialog
    from desktop_app.services.shop import shop_lock

    customers.create_customer(CustomerInput(name="Maria Souza"), shop=shop_settings, actor=owner, today=today)
    copy = backups.backup_now(paths, tmp_path / "copy.db", actor=owner, now=datetime(2026, 11, 24, 15))
    instance = SingleInstance(paths.db_path)
    assert instance.acquire()
    try:
        assert shop_lock.held_here(paths.db_path)
        Customer.delete().execute()
        dialog = BackupsDialog(tasks, paths, owner, lambda: None)
        qtbot.addWidget(dialog)
        dialog.restore(str(copy), None, confirm=False)
        qtbot.waitUntil(lambda: "Restored" in dialog.message.text())
        assert [c.name for c in Customer.select()] == ["Maria Souza"]
        assert shop_lock.held_here(paths.db_path)  # still the window's after its restore
    finally:
        instance.release()
    assert not shop_lock.held_here(paths.db_path)


def test_erase_and_export_from_the_customers_page(qtbot, tasks, shop_settings, owner, today, tmp_path, window_on,
                                                  english):
    cid = customers.create_customer(CustomerInput(name="Zuleica Quixabeira", email="z@example.com"),
                                    shop=shop_settings, actor=owner, today=today)
    w = window_on(owner, cid)
    w.customers.actions.export_data(str(tmp_path))
    qtbot.waitUntil(lambda: not tasks.busy)
    assert (tmp_path / f"regua-customer-{cid}.json").exists() and "Data saved" in w.statusBar().currentMessage()
    w.customers.actions.erase(confirm=False)
    qtbot.waitUntil(lambda: not tasks.busy)
    assert "was erased" in w.statusBar().currentMessage()
    qtbot.waitUntil(lambda: w.customers.model.rowCount() == 0)
    assert Customer.get_by_id(cid).email is None


def test_the_retention_rule_is_set_next_to_the_backups(qtbot, tasks, paths, shop_settings, owner, english):
    from desktop_app.gui.shop.backups_dialog import BackupsDialog
    from desktop_app.services.customers import privacy

    dialog = BackupsDialog(tasks, paths, owner, lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.retention.setValue(5)
    dialog.apply_retention()
    assert privacy.retention_years() == 5 and "would anonymise today: 0" in dialog.message.text()
