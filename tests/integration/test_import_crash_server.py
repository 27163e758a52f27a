"""kill -9 of a till in the middle of an import into the shop's server (issue 20, "kill -9 of a till
mid-import"): the server holds all of the batch or none of it, lets go of the write lock at once (the next
till's import does not wait out a lock timeout), and another till logs at the counter meanwhile."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
ROWS = 5_000
ON_A_SERVER = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


def regua(url: str, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", url, "--till", "Caixa 2", *args], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def counts(url: str) -> tuple[int, int, int]:
    """(customers, import batches, the last batch's size) read by a connection of its own."""
    with psycopg.connect(url) as conn:
        customers = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
        batches, size = conn.execute(
            "SELECT count(*), coalesce(max(created) FILTER (WHERE id = (SELECT max(id) FROM import_batch)), 0) "
            "FROM import_batch").fetchone()
    return customers, batches, size


@ON_A_SERVER
@pytest.mark.slow
def test_a_till_killed_mid_import_leaves_the_server_all_or_nothing(engine, db_target, tmp_path):
    url = str(db_target)
    sheet = tmp_path / "clientes.csv"
    rng = random.Random(20)
    with open(sheet, "w", encoding="utf-8") as fh:
        fh.write("Nome;Celular;E-mail\n")
        for i in range(ROWS):
            fh.write(f"Cliente {i} Lima;(21) 9{rng.randrange(10**8):08d};lima{i}@example.com\n")
    made = regua(url, "demo", "--customers", "5", "--date", "2026-11-24")
    assert made.wait(timeout=120) == 0, made.stderr.read()
    kills = 0
    for _ in range(4):
        before = counts(url)
        proc = regua(url, "import", str(sheet))
        time.sleep(rng.uniform(0.6, 2.4))  # a whole import takes about 2.5 s here: start, read, check, write
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        kills += proc.returncode == -signal.SIGKILL
        customers, batches, size = counts(url)
        if batches > before[1]:  # it committed before the kill: the whole batch is there
            assert customers == before[0] + size
        else:
            assert (customers, batches) == before[:2]
    assert kills >= 2
    # the server let go of the dead till's write lock: a counter entry and a whole import go through now
    started = time.monotonic()
    logged = regua(url, "log", "#1", "--kind", "visit")
    assert logged.wait(timeout=30) == 0, logged.stderr.read()
    before = counts(url)
    whole = regua(url, "import", str(sheet))
    out, err = whole.communicate(timeout=180)
    assert whole.returncode == 0, err
    assert "Traceback" not in err
    customers, batches, size = counts(url)
    assert batches == before[1] + 1 and customers == before[0] + size
    assert time.monotonic() - started < 170  # far below a lock timeout's 60 s wait per write, twice
