"""Two tills, one PostgreSQL server (issue 20): with the main window open on a customer's page, over the real
threaded lanes, a purchase another till logs (a real `regua --db URL log` process) shows on her page and in
the list within 2 s of its commit, without anyone touching this window."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.config import resolve_paths
from desktop_app.db.database import close_database
from desktop_app.gui.common.i18n import format_date
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from tests.conftest import OWNER_ACTOR, TODAY

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_purchase_at_another_till_shows_on_the_open_page_and_the_list_within_two_seconds(
        qtbot, qapp, english, shop_settings, db_target, tmp_path):
    from desktop_app.gui.shell.main_window import MainWindow

    maria = customers.create_customer(CustomerInput(name="Maria Souza", phone="(11) 98888-0101"),
                                      shop=shop_settings, actor=OWNER_ACTOR, today=TODAY)
    tasks = TaskRunner()  # the real lanes, each a worker thread
    errors: list[BaseException] = []
    tasks.unhandled.connect(errors.append)
    window = MainWindow(resolve_paths(db=db_target, data_dir=tmp_path), tasks, shop_settings, OWNER_ACTOR,
                        lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    view = window.customers
    view.reload()
    view.show_customer(maria)
    qtbot.waitUntil(lambda: view.selected_id() == maria and "Maria Souza" in view.page.header.text(), timeout=10000)
    before = view.page.timeline.count()
    assert view.model.data(view.model.index(0, 5)) in ("", None)  # no visit yet
    qtbot.wait(300)  # the listener is connected

    other_till = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--db", db_target, "log", f"#{maria}", "--kind", "purchase",
         "--amount", "120,00", "--date", TODAY.isoformat()], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    said = other_till.stdout.readline()  # printed once the purchase is committed
    committed = time.monotonic()
    assert said.startswith("logged #"), other_till.communicate(timeout=60)

    def shown() -> bool:
        entries = [view.page.timeline.item(i).text() for i in range(view.page.timeline.count())]
        return (len(entries) == before + 1 and any("Purchase" in e and "120.00" in e for e in entries)
                and view.model.data(view.model.index(0, 5)) == format_date(TODAY))

    qtbot.waitUntil(shown, timeout=5000)
    seen_after = time.monotonic() - committed
    assert seen_after < 2.0, f"seen {seen_after:.2f} s after the other till's commit"
    assert other_till.wait(timeout=60) == 0 and errors == []
    window.close()
    tasks.wait()
    tasks.close_connections(close_database)
