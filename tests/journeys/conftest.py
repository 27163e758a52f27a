"""The `journey` fixture: see driver.py for how a journey drives the real app."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TODAY
from tests.journeys.driver import Journey


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
