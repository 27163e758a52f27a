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
    if paths.is_server:  # every till works on it: a copy goes back onto the server from the command line
        qtbot.waitUntil(lambda: dialog.error.isVisible())
        assert "regua --db URL restore FILE" in dialog.error.text() and "Nothing was changed" in dialog.error.text()
        assert Customer.select().count() == 0
        return
    qtbot.waitUntil(lambda: "Restored" in dialog.message.text())
    assert [c.name for c in Customer.select()] == ["Maria Souza"]
    qtbot.waitUntil(lambda: w.customers.model.rowCount() == 1)
    assert any(b.kind == "before-restore" for b in dialog.items)
    dialog.restore(str(paths.data_dir / "nothing.db"), None, confirm=False)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "There is no database" in dialog.error.text()


@pytest.mark.sqlite_only("the shop file's own lock, which a server's shop has not")
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

    privacy.set_retention_years(2, actor=owner)
    dialog = BackupsDialog(tasks, paths, owner, lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.retention_apply.isEnabled()  # open at once; the saved rule is read on the lane
    dialog.apply_retention()  # before it arrives: nothing is saved over it
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.retention.value() == 2 and dialog.retention_apply.isEnabled()
    assert privacy.retention_years() == 2 and not dialog.message.isVisible()
    dialog.retention.setValue(5)
    dialog.apply_retention()
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert privacy.retention_years() == 5 and "would anonymise today: 0" in dialog.message.text()


def test_a_refused_retention_rule_leaves_the_dialog_open_with_the_reason(qtbot, tasks, paths, shop_settings, owner,
                                                                        english):
    from desktop_app.domain.actors import Actor
    from desktop_app.gui.shop.backups_dialog import BackupsDialog
    from desktop_app.services.customers import privacy

    clerk = Actor(None, "Bruno", "counter")  # not allowed to change the shop's settings
    dialog = BackupsDialog(tasks, paths, clerk, lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    dialog.retention.setValue(3)
    dialog.apply_retention()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.isVisible() and not dialog.message.isVisible() and "Traceback" not in dialog.error.text()
    assert dialog.error.text() and privacy.retention_years() == 0


def test_an_answer_after_the_dialog_was_deleted_touches_nothing(qtbot, tasks, paths, shop_settings, owner, english):
    """The lane's answers reach a dialog only while it exists (while_alive): one deleted before its
    reads answer gets nothing, where a plain callback would touch its deleted widgets."""
    import shiboken6

    from desktop_app.gui.common.widgets import alive, while_alive
    from desktop_app.gui.shop.backups_dialog import BackupsDialog

    dialog = BackupsDialog(tasks, paths, owner, lambda: None)  # its reads are now on the lane
    answers: list[object] = []
    tasks.run(lambda: "late", while_alive(dialog, answers.append))
    shiboken6.delete(dialog)  # closed and deleted before they answer
    assert not alive(dialog) and tasks.busy
    qtbot.waitUntil(lambda: not tasks.busy)
    assert answers == []
    kept = BackupsDialog(tasks, paths, owner, lambda: None)
    qtbot.addWidget(kept)
    tasks.run(lambda: "in time", while_alive(kept, answers.append))
    qtbot.waitUntil(lambda: not tasks.busy)
    assert answers == ["in time"] and kept.loaded


def test_a_copys_time_is_the_shops_clock_and_years_take_their_plural(qtbot, tasks, paths, shop_settings, owner,
                                                                     english):
    """The list said the computer's time (a till set to UTC showed a São Paulo copy three hours late)."""
    import os

    from desktop_app.gui.common.i18n import format_datetime_local
    from desktop_app.gui.shop.backups_dialog import BackupsDialog

    copy = backups.backup_now(paths, None, actor=owner, now=datetime(2026, 11, 24, 15))
    made_utc = datetime(2026, 11, 24, 15, 0)  # 12:00 in São Paulo (UTC-3, no summer time since 2019)
    stamp = (made_utc - datetime(1970, 1, 1)).total_seconds()
    os.utime(copy, (stamp, stamp))
    dialog = BackupsDialog(tasks, paths, owner, lambda: None, timezone="America/Sao_Paulo")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    row = next(i for i, b in enumerate(dialog.items) if b.path == copy)
    assert dialog.table.item(row, 0).text() == format_datetime_local(datetime(2026, 11, 24, 12, 0))
    dialog.retention.setValue(1)
    assert dialog.retention.suffix() == " year"
    dialog.retention.setValue(3)
    assert dialog.retention.suffix() == " years"
