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

from desktop_app.config import Paths, resolve_paths  # noqa: E402
from desktop_app.db.database import close_database  # noqa: E402
from desktop_app.domain.actors import OWNER, Actor  # noqa: E402
from desktop_app.services.shop import shop  # noqa: E402
from desktop_app.services.shop.shop import ShopSettings  # noqa: E402
from tests.engines import open_test_shop  # noqa: E402

TODAY = date(2026, 11, 24)
OWNER_ACTOR = Actor(None, "Ana Paula", OWNER)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def actor() -> Actor:
    return OWNER_ACTOR


@pytest.fixture
def paths(tmp_path) -> Paths:
    return resolve_paths(db=tmp_path / "shop.db")


@pytest.fixture
def engine(request) -> str:
    """The engine the test's shop runs on: "sqlite" unless the test is parametrized over both."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db_target(engine, paths):
    """Where the test's shop lives: the SQLite file of `paths`, or a fresh PostgreSQL database's URL."""
    if engine == "sqlite":
        yield paths.db_path
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


def pytest_sessionfinish(session, exitstatus):
    from tests import postgres

    postgres.stop()
