"""A till whose server goes away (issue 20, item 6): the main window on a server shop, over the real threaded
lanes, driven by keys. With the server stopped, F2 and a name: the window's one line says the server does
not answer, the quick log says it too, and nothing is a bug. The server starts: the line goes by itself and
the views hear "everything" (the listener's reconnect). The server stops again under a typed purchase:
Enter leaves the quick log open with what was typed and the error. The server starts: Enter again saves it,
exactly once."""

from __future__ import annotations

import logging

import psycopg
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.config import resolve_paths
from desktop_app.db.database import close_database
from desktop_app.gui.common.errors import BugDialog
from desktop_app.gui.common.live import OTHER_TILL
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.gui.customers.quick_log import QuickLogDialog
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.shop import shop
from desktop_app.services.shop.shop import ShopSettings
from tests import stoppable_server
from tests.conftest import OWNER_ACTOR, TODAY
from tests.engines import open_test_shop

LINE = "The shop's server does not answer; Régua keeps trying. What you type stays on screen."
ENTER = Qt.Key.Key_Return


@pytest.fixture
def server_shop(tmp_path):
    """A shop with Maria on the stoppable cluster: (cluster, URL, paths, settings, Maria's id)."""
    cluster = stoppable_server.server()
    url = cluster.fresh()
    paths = resolve_paths(db=url, data_dir=tmp_path)
    open_test_shop(paths, url)
    settings = shop.save_shop_settings(ShopSettings.for_country("Ateliê Teste", "BR"))
    maria = customers.create_customer(CustomerInput(name="Maria Souza", phone="(11) 98765-4321"),
                                      shop=settings, actor=OWNER_ACTOR, today=TODAY)
    yield cluster, url, paths, settings, maria
    if not stoppable_server.running(cluster):
        stoppable_server.start(cluster)
    close_database()
    cluster.drop(url)


def purchases(url: str, customer_id: int) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute("SELECT count(*) FROM interaction WHERE customer_id = %s AND kind = 'purchase'",
                            (customer_id,)).fetchone()[0]


def test_the_server_stops_and_starts_under_the_quick_log_said_in_one_line_kept_typed_and_saved_once(
        qtbot, qapp, english, server_shop, caplog):
    from desktop_app.gui.shell.main_window import MainWindow

    cluster, url, paths, settings, maria = server_shop
    tasks = TaskRunner(work_in_process=True)  # the real lanes (the work process's jobs on their lane's thread)
    errors: list[BaseException] = []
    tasks.unhandled.connect(errors.append)
    heard: list[object] = []
    tasks.changed.connect(lambda changes, initiator: heard.append(changes.everything and initiator))
    window = MainWindow(paths, tasks, settings, OWNER_ACTOR, lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    line = window.server_line
    window.customers.reload()  # what the session asks for once the window is up
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 1 and not tasks.busy, timeout=10000)
    qtbot.wait(300)  # the listener is connected
    expected = QCoreApplication.translate("ServerLine", LINE)
    assert line.text() == expected and not line.isVisible()

    def no_bug() -> None:
        assert errors == []
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, BugDialog) and w.isVisible()]
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text

    try:
        # The server stops; F2, and her name.
        stoppable_server.stop(cluster)
        QTest.keyClick(window, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QuickLogDialog), timeout=5000)
        dialog = QApplication.activeModalWidget()
        QTest.keyClicks(dialog.search, "Maria")
        qtbot.waitUntil(lambda: line.isVisible(), timeout=10000)
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
        assert "does not answer" in dialog.error.text() and dialog.search.text() == "Maria"
        no_bug()

        # It starts: the line goes by itself, and the views hear that anything may have changed meanwhile.
        heard.clear()
        stoppable_server.start(cluster)
        qtbot.waitUntil(lambda: not line.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: OTHER_TILL in heard, timeout=6000)  # the listener's reconnect: everything
        QTest.keyClick(dialog.search, ENTER)  # her name finds her now
        qtbot.waitUntil(lambda: dialog.chosen.isVisible() and "Maria Souza" in dialog.chosen.text(), timeout=5000)
        QTest.keyClick(dialog.kind, Qt.Key.Key_Down)  # visit → purchase
        assert dialog.kind.currentData() == "purchase"
        QTest.keyClicks(dialog.amount, "120,00")

        # It stops again; Enter: the quick log stays open with what was typed, and says why.
        stoppable_server.stop(cluster)
        QTest.keyClick(dialog.amount, ENTER)
        qtbot.waitUntil(lambda: dialog.error.isVisible() and line.isVisible(), timeout=10000)
        assert "does not answer" in dialog.error.text()
        assert dialog.isVisible() and dialog.amount.text() == "120,00" and dialog.kind.currentData() == "purchase"
        qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
        no_bug()

        # It starts; the line goes within a few seconds; Enter again saves it, once.
        stoppable_server.start(cluster)
        qtbot.waitUntil(lambda: not line.isVisible(), timeout=5000)
        assert purchases(url, maria) == 0
        QTest.keyClick(dialog.amount, ENTER)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
        assert purchases(url, maria) == 1
        no_bug()
    finally:
        if not stoppable_server.running(cluster):
            stoppable_server.start(cluster)
        window.close()
        tasks.wait()
        tasks.close_connections(close_database)


def test_the_line_says_a_server_that_does_not_answer_instead_of_the_bug_path_but_never_hides_a_lost_save(qtbot, qapp):
    from desktop_app.domain.errors import DatabaseError
    from desktop_app.gui.common.server_status import ServerLine

    tasks = TaskRunner(synchronous=True)
    reported: list[BaseException] = []
    tasks.unhandled.connect(reported.append)
    still_down = [DatabaseError("db_server_down", path="postgresql://ana@loja/shop", reason="Connection refused")]

    def probe() -> None:
        if still_down:
            raise still_down.pop()

    line = ServerLine(tasks, probe=probe, every_ms=20)
    qtbot.addWidget(line)

    def fails(exc: BaseException):
        def job():
            raise exc
        return job

    down = DatabaseError("db_server_down", path="postgresql://ana@loja/shop", reason="Connection refused")
    tasks.run(fails(down))  # a job with no on_error of its own
    qtbot.waitUntil(lambda: line.down, timeout=2000)
    assert reported == [] and tasks.told(down)
    qtbot.waitUntil(lambda: not line.down, timeout=2000)  # the first probe: still down; the second answers
    assert still_down == [] and not tasks.told(down)

    lost = DatabaseError("db_server_lost_commit", path="postgresql://ana@loja/shop", reason="server closed the connection")
    tasks.run(fails(lost))
    qtbot.waitUntil(lambda: reported == [lost], timeout=2000)  # it may have been saved: always said
    assert line.down and not tasks.told(lost)
    line.detach()
    assert tasks.server_line is None


def test_a_read_that_met_the_server_down_leaves_it_to_the_line(qapp, monkeypatch):
    """Today's list and week read during an outage popped a box each time (the line already says it); any
    other error still gets its box."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.domain.errors import DatabaseError
    from desktop_app.gui.common.errors import show_read_error
    from desktop_app.gui.common.server_status import ServerLine

    tasks = TaskRunner(synchronous=True)
    line = ServerLine(tasks, probe=lambda: None, every_ms=60_000)
    down = DatabaseError("db_server_down", path="postgresql://ana@db/loja", reason="refused")
    line.saw(down)  # what the runner tells the line of every failed job
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: boxes.append(args[2]))
    show_read_error(None, down, tasks)
    assert boxes == []
    show_read_error(None, DatabaseError("db_busy"), tasks)
    assert len(boxes) == 1
