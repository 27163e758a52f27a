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
    """journey(shop="new" | "staffed" | "demo" | "demo:N", today=TODAY, start=True) -> Journey."""
    made: list[Journey] = []

    def make(shop: str = "staffed", today: date = TODAY, start: bool = True, demo_shop: bool = False) -> Journey:
        j = Journey(qtbot, tmp_path, shop, today)
        made.append(j)
        if start:
            j.start(demo_shop=demo_shop)
        return j

    yield make
    for j in made:
        j.close()
