"""kill -9 in the middle of a 50,000-row import: the database holds all of the batch or none of it."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from desktop_app.db.database import integrity_check

ROWS = 50_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("crash") / "clientes.csv"
    rng = random.Random(5)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Nome;Celular;E-mail;Cidade\n")
        for i in range(ROWS):
            fh.write(f"Cliente {i} Souza;(11) 9{rng.randrange(10**8):08d};cliente{i}@example.com;Recife\n")
    return path


def customers_in(db) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM customer").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.8, 2.0, 4.0])
def test_a_killed_import_leaves_all_or_nothing(tmp_path, big_csv, delay):
    db = tmp_path / "shop.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "demo", "--customers", "20"],
                   check=True, env=env, capture_output=True)
    before = customers_in(db)
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "import", str(big_csv)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert integrity_check(db) == "ok"
    # The batch row is written in the same transaction as its customers: both are there, or neither.
    assert customers_in(db) == before + _batch_size(db)


def _batch_size(db) -> int:
    con = sqlite3.connect(db)
    try:
        row = con.execute("SELECT created FROM import_batch ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else 0
    finally:
        con.close()
