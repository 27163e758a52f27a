"""Shared fixtures: an offscreen Qt platform, and a real shop database in a temporary folder (SQLite), or
on a throw-away PostgreSQL cluster (tests/postgres.py) where a test is run on both engines: tests/db and
tests/services parametrize `engine` for every test that opens a shop through `shop_settings` or asks for
`engine` (tests/engines.py); a test about SQLite itself is marked `sqlite_only`."""

from __future__ import annotations

import os
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("REGUA_HOME", os.path.join(os.path.dirname(__file__), ".never-used"))

import pytest  # noqa: E402

from desktop_app.config import Paths  # noqa: E402
from desktop_app.db.database import close_database  # noqa: E402
from desktop_app.domain.actors import OWNER, Actor  # noqa: E402
from desktop_app.services.shop import shop  # noqa: E402
from desktop_app.services.shop.shop import ShopSettings  # noqa: E402
from tests.engines import SERVER_RUN, open_test_shop, shop_paths  # noqa: E402

TODAY = date(2026, 11, 24)
OWNER_ACTOR = Actor(None, "Ana Paula", OWNER)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def actor() -> Actor:
    return OWNER_ACTOR


@pytest.fixture
def paths(tmp_path, request) -> Paths:
    """The test's shop: a file in `tmp_path`; in the server pass, the cluster's shop database unless the test
    is on SQLite (asks for `engine` and got "sqlite", or is marked `sqlite_only`). Not a user of `engine`
    itself, so a test that only asks for `paths` is not run twice in the default pass."""
    on_sqlite = request.node.get_closest_marker("sqlite_only") is not None or (
        "engine" in request.fixturenames and request.getfixturevalue("engine") == "sqlite")
    return shop_paths(tmp_path, file_only=on_sqlite)


@pytest.fixture
def engine(request) -> str:
    """The engine the test's shop runs on: "sqlite" unless the test is parametrized over both, or the run is
    the server pass (REGUA_TEST_ENGINE=postgresql)."""
    return getattr(request, "param", "postgresql" if SERVER_RUN else "sqlite")


@pytest.fixture
def db_target(engine, paths):
    """Where the test's shop lives: the SQLite file of `paths`, or a fresh PostgreSQL database's URL."""
    if engine == "sqlite":
        yield paths.db_path
        return
    if paths.is_server:
        yield paths.url
        close_database()
        return
    from tests import postgres

    url = postgres.cluster().clean()
    yield url
    close_database()


@pytest.fixture
def shop_settings(paths, db_target) -> ShopSettings:
    """A freshly set-up Brazilian shop, its database open for the test."""
    open_test_shop(paths, db_target)
    settings = shop.save_shop_settings(ShopSettings.for_country("Ateliê Teste", "BR"))
    yield settings
    close_database()


def pytest_collection_modifyitems(config, items):
    if not SERVER_RUN:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            why = marker.args[0] if marker.args else marker.kwargs.get("reason", "about SQLite itself")
            item.add_marker(pytest.mark.skip(reason=f"the server pass: {why} (run in the default pass)"))


def pytest_sessionfinish(session, exitstatus):
    from tests import postgres

    postgres.stop()
