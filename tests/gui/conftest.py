from __future__ import annotations

import pytest

from desktop_app.gui.common.tasks import TaskRunner
from tests.gui.guard import Guard


@pytest.fixture(autouse=True)
def no_sql_on_the_gui_thread():
    """Fail the test when the window runs SQL on the GUI thread outside the worker lane (guard.py)."""
    with Guard() as guard:
        yield guard
    assert guard.caught == [], "SQL on the GUI thread outside the worker lane:\n" + "\n".join(dict.fromkeys(guard.caught))


@pytest.fixture
def tasks(qapp):
    """The worker lane in synchronous mode: jobs run on the next event-loop turn, no threads."""
    runner = TaskRunner(synchronous=True)
    errors: list[BaseException] = []
    runner.unhandled.connect(errors.append)
    yield runner
    assert errors == []


@pytest.fixture
def english(qapp):
    from desktop_app.gui.common.i18n import install_language

    install_language("en", "BR")
    yield


@pytest.fixture
def window_at(qtbot, tasks, paths, shop_settings, today):
    """The main window, open at one section: window_at(actor, "today_view") returns (window, that view)."""
    from desktop_app.gui.shell.main_window import MainWindow

    def open_at(actor, section):
        w = MainWindow(paths, tasks, shop_settings, actor, lambda: today)
        qtbot.addWidget(w)
        w.show()
        view = getattr(w, section)
        w.nav.setCurrentRow(w.stack.indexOf(view))
        return w, view

    return open_at


@pytest.fixture
def window_on(qtbot, window_at):
    """The main window, open on one customer's page: window_on(actor, customer_id)."""

    def open_on(actor, customer_id):
        w, view = window_at(actor, "customers")
        view.reload()
        view.show_customer(customer_id)
        qtbot.waitUntil(lambda: view.selected_id() == customer_id)
        return w

    return open_on
