"""The command line at a till (issue 20): `--till NAME` names the till its entries are recorded at; without
it, the name this PC was given in the window's Settings (kept in the data folder), else the computer's."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop_app.config import resolve_paths
from desktop_app.services.shop import till
from tests.conftest import TODAY
from tests.engines import cli_env, cli_shop, raw_connect

ENV: dict = {}  # the commands' environment for the test's shop (a server's: its own data folder)


def regua(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120,
                          env=ENV or None)


@pytest.fixture
def shop_db(tmp_path):
    db = cli_shop(tmp_path)
    ENV.clear()
    ENV.update(cli_env(db))
    made = regua("--db", str(db), "demo", "--customers", "5", "--date", TODAY.isoformat())
    assert made.returncode == 0, made.stderr
    yield db
    ENV.clear()


def last_till(db) -> str:
    con = raw_connect(db)
    try:
        return con.execute("SELECT till FROM interaction WHERE source = 'cli' ORDER BY id DESC LIMIT 1").fetchone()[0]
    finally:
        con.close()


def test_the_till_named_on_the_command_line_else_this_pcs_name_is_recorded(shop_db):
    logged = regua("--db", str(shop_db), "--till", "Caixa 3", "log", "#1", "--kind", "visit")
    assert logged.returncode == 0, logged.stderr
    assert last_till(shop_db) == "Caixa 3"
    assert regua("--db", str(shop_db), "log", "#1", "--kind", "visit").returncode == 0
    assert last_till(shop_db) == till.default_name()  # never named here: the computer's name
    till.save_name(resolve_paths(db=shop_db, env=ENV), "Loja Centro")  # what Settings keeps for this PC
    assert regua("--db", str(shop_db), "log", "#2", "--kind", "visit").returncode == 0
    assert last_till(shop_db) == "Loja Centro"


def test_a_till_name_too_long_is_refused_and_nothing_is_logged(shop_db):
    refused = regua("--db", str(shop_db), "--till", "x" * (till.MAX_NAME + 1), "log", "#1", "--kind", "visit")
    assert refused.returncode == 1 and f"at most {till.MAX_NAME} characters" in refused.stderr
    con = raw_connect(shop_db)
    assert con.execute("SELECT count(*) FROM interaction WHERE source = 'cli'").fetchone()[0] == 0
    con.close()
