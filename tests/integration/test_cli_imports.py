"""The command line loads only what its subcommand needs: a real `python -m desktop_app`-style process
lists every module it loaded once the subcommand is done, and the test reads that list (not a clock:
how long start-up takes is tests/benchmarks/bench_cli_start.py's)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import TODAY
from tests.engines import cli_env, cli_shop, raw_connect

# Runs `regua ARGS...` as the entry point does, then writes the names in sys.modules to the file named
# first. `--help` ends in SystemExit(0), which is caught so that the list is still written.
PROBE = """
import json, sys
from desktop_app.__main__ import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(sorted(sys.modules), f)
sys.exit(code)
"""

# Libraries only some subcommands need: phones and e-mails are checked when they are typed (a form, an
# import), spreadsheets are read and written by import and export, the keyring holds the SMTP password,
# argon2 checks the staff's passwords, Qt is the window's, psycopg only a shop on a PostgreSQL server needs
# (peewee would load it at its own import: db/__init__.py hides it from peewee).
HEAVY_LIBRARIES = ("phonenumbers", "email_validator", "openpyxl", "python_calamine", "keyring", "argon2",
                   "PySide6", "psycopg")
# The services a search never calls: the régua, loyalty, mail, import and export.
OTHER_SERVICES = ("desktop_app.services.cadence", "desktop_app.services.loyalty", "desktop_app.services.mail",
                  "desktop_app.services.spreadsheets")


ENV: dict = {}  # the demo shop's environment (a server's: a data folder of its own)


def loaded_by(tmp_path, *args: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    listing = tmp_path / f"modules-{len(list(tmp_path.iterdir()))}.json"
    env = dict(ENV or os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", PROBE, str(listing), *args], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result, json.loads(listing.read_text(encoding="utf-8"))


def under(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in packages)]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = cli_shop(tmp_path_factory.mktemp("cli-imports"))  # a file, or in the server pass the cluster's
    ENV.update(cli_env(db))
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "demo", "--customers", "200",
                             "--date", TODAY.isoformat()], capture_output=True, text=True, timeout=300, env=ENV)
    assert result.returncode == 0, result.stderr
    return db


def test_help_loads_no_service_and_no_database(tmp_path):
    result, modules = loaded_by(tmp_path, "--help")
    assert "search" in result.stdout
    assert under(modules, ("desktop_app.services", "desktop_app.gui")) == []
    assert under(modules, ("peewee", "sqlite3") + HEAVY_LIBRARIES) == []


def test_search_loads_neither_heavy_libraries_nor_other_services(demo_db, tmp_path):
    result, modules = loaded_by(tmp_path, "--db", str(demo_db), "search", "silva")
    lines = result.stdout.splitlines()
    assert lines and all("\t" in line for line in lines)  # customers were found, their phones shown
    assert "desktop_app.services.customers.customers" in modules  # the probe saw the search itself
    heavy = HEAVY_LIBRARIES
    if str(demo_db).startswith("postgresql://"):  # a server's shop: its driver, and the keyring asked for the
        heavy = tuple(h for h in heavy if h not in ("psycopg", "keyring"))  # password the URL does not carry
    assert under(modules, heavy) == []
    assert under(modules, OTHER_SERVICES) == []


def test_search_shows_the_phones_phonenumbers_would_without_loading_it(demo_db, tmp_path):
    """The national form a search prints is phonenumbers' own, read from the rules copied out of it."""
    from desktop_app.services.customers.normalize import format_phone_with_library

    result, modules = loaded_by(tmp_path, "--db", str(demo_db), "search", "silva", "--limit", "200")
    assert "phonenumbers" not in modules
    con = raw_connect(demo_db)
    stored = dict(con.execute("SELECT id, phone FROM customer WHERE phone IS NOT NULL"))
    con.close()
    shown = [line.split("\t") for line in result.stdout.splitlines()]
    checked = [(int(cid.lstrip("#")), phone) for cid, _name, phone, *_ in shown if int(cid.lstrip("#")) in stored]
    assert checked
    assert all(phone == format_phone_with_library(stored[cid], "BR") for cid, phone in checked)
