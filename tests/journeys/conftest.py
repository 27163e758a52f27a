"""The `journey` fixture: see driver.py for how a journey drives the real app."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TODAY
from tests.gui.guard import Guard
from tests.journeys.driver import Journey


@pytest.fixture(autouse=True)
def no_sql_on_the_gui_thread():
    """Fail the journey when the window runs SQL on the GUI thread instead of a worker lane (guard.py)."""
    with Guard() as guard:
        yield guard
    assert guard.caught == [], "SQL on the GUI thread outside the worker lane:\n" + "\n".join(dict.fromkeys(guard.caught))


@pytest.fixture
def journey(qapp, qtbot, tmp_path):
    """journey(shop="new" | "staffed" | "demo" | "demo:N", today=TODAY, start=True, work_process=False,
    on_file=False) -> Journey (work_process=True: the heavy jobs in the real child process, for the journeys
    about them; on_file=True: the shop is this PC's file even in the server pass, for the journeys that
    start from one and go to a server)."""
    made: list[Journey] = []

    def make(shop: str = "staffed", today: date = TODAY, start: bool = True, demo_shop: bool = False,
             work_process: bool = False, on_file: bool = False) -> Journey:
        j = Journey(qtbot, tmp_path, shop, today, work_process, on_file=on_file)
        made.append(j)
        if start:
            j.start(demo_shop=demo_shop)
        return j

    yield make
    for j in made:
        j.close()
