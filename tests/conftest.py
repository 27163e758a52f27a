"""Shared fixtures: an offscreen Qt platform, and a real shop database in a temporary folder."""

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
def shop_settings(paths) -> ShopSettings:
    """A freshly set-up Brazilian shop, its database open for the test."""
    shop.open_shop(paths)
    settings = shop.save_shop_settings(ShopSettings.for_country("Ateliê Teste", "BR"))
    yield settings
    close_database()
