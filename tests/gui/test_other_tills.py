"""Two tills, one PostgreSQL server (issue 20): with the main window open on a customer's page, over the real
threaded lanes, a purchase another till logs (a real `regua --db URL log` process) shows on her page and in
the list within 2 s of its commit, and with Today open the after-sale message another till's sale brings
shows there, without anyone touching this window."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from desktop_app.config import resolve_paths
from desktop_app.db.database import close_database
from desktop_app.domain import cadence as c
from desktop_app.gui.common.i18n import format_date
from desktop_app.gui.common.live import OTHER_TILL
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from tests.conftest import OWNER_ACTOR, TODAY

ROOT = Path(__file__).resolve().parents[2]


WEEK_AGO = TODAY - timedelta(days=7)


def purchase_at_another_till(url: str, customer_id: int) -> tuple[subprocess.Popen, float]:
    """Another till's `regua log` of a purchase made a week ago: the process, and when it had committed."""
    other_till = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--db", url, "log", f"#{customer_id}", "--kind", "purchase",
         "--amount", "120,00", "--date", WEEK_AGO.isoformat()], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    said = other_till.stdout.readline()  # printed once the purchase is committed
    committed = time.monotonic()
    assert said.startswith("logged #"), other_till.communicate(timeout=60)
    return other_till, committed


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_another_tills_purchase_shows_on_the_open_page_the_list_and_today_within_two_seconds(
        qtbot, qapp, english, shop_settings, db_target, tmp_path):
    from desktop_app.gui.shell.main_window import MainWindow

    maria, joao = (customers.create_customer(CustomerInput(name=name, phone=phone, consent_whatsapp=True),
                                             shop=shop_settings, actor=OWNER_ACTOR, today=WEEK_AGO)
                   for name, phone in (("Maria Souza", "(11) 98888-0101"), ("João Lima", "(11) 98888-0202")))
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
    assert view.model.data(view.model.index(view.model.row_of(maria), 5)) in ("", None)  # no visit yet
    qtbot.wait(300)  # the listener is connected

    other_till, committed = purchase_at_another_till(db_target, maria)

    def shown() -> bool:
        entries = [view.page.timeline.item(i).text() for i in range(view.page.timeline.count())]
        return (len(entries) == before + 1 and any("Purchase" in e and "120.00" in e for e in entries)
                and view.model.data(view.model.index(view.model.row_of(maria), 5)) == format_date(WEEK_AGO))

    qtbot.waitUntil(shown, timeout=5000)
    seen_after = time.monotonic() - committed
    assert seen_after < 2.0, f"seen {seen_after:.2f} s after the other till's commit"
    assert other_till.wait(timeout=60) == 0

    today = window.today_view  # Today, open: another till's sale a week ago brings its after-sale message
    window.nav.setCurrentRow(window.stack.indexOf(today))
    qtbot.waitUntil(lambda: today.isVisible() and not today.filling and not tasks.busy, timeout=10000)
    assert not any(item.customer_id == joao for item in today.items.values())
    other_till, committed = purchase_at_another_till(db_target, joao)
    qtbot.waitUntil(lambda: any(item.customer_id == joao and item.step == c.POST_SALE
                                for item in today.items.values()) and not today.filling, timeout=5000)
    seen_after = time.monotonic() - committed
    assert seen_after < 2.0, f"on Today {seen_after:.2f} s after the other till's commit"
    assert other_till.wait(timeout=60) == 0 and errors == []
    heard = []  # and what this window did on hearing it (re-plan, refresh) sets off no echo
    tasks.changed.connect(lambda changes, initiator: heard.append(initiator))
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10000)
    qtbot.wait(500)  # the other till's last announcements, and this window's answers to them
    heard.clear()
    qtbot.wait(1500)
    assert OTHER_TILL not in heard
    window.close()
    tasks.wait()
    tasks.close_connections(close_database)
