"""kill -9 at random points of a planner run over 40 days, 20 times: the database passes integrity_check
after every kill, never holds a second row for an occasion, and a full run afterwards finishes the job."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from desktop_app.db.database import integrity_check
from tests.conftest import TODAY
from tests.engines import cli_env, cli_shop, raw_connect

ROOT = Path(__file__).resolve().parents[2]
PLAN = ("import sys; from datetime import date; from desktop_app.config import resolve_paths; "
        "from desktop_app.services.cadence import planner; from desktop_app.services.shop import shop; "
        "shop.open_shop(resolve_paths(db=sys.argv[1]), create=False); "
        "print('ready', flush=True); "
        "[planner.plan(date.fromisoformat(d), shop=shop.shop_settings()) for d in sys.argv[2:]]")


def outbox(db) -> tuple[int, int]:
    con = raw_connect(db)
    try:
        total, distinct = con.execute(
            "SELECT count(*), count(DISTINCT customer_id || '|' || step || '|' || occurrence) FROM outbox").fetchone()
        return total, distinct
    finally:
        con.close()


@pytest.mark.slow
def test_a_killed_planner_leaves_a_sound_database_and_no_second_occasion(tmp_path):
    db = cli_shop(tmp_path)  # a file, or in the server pass a database on the cluster
    env = cli_env(db)
    subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "demo", "--customers", "3000",
                    "--date", TODAY.isoformat()],
                   check=True, capture_output=True, cwd=ROOT, env=env)
    start = TODAY
    days = [(start + timedelta(days=i)).isoformat() for i in range(40)]
    rng = random.Random(11)
    for _ in range(20):
        proc = subprocess.Popen([sys.executable, "-c", PLAN, str(db), *days], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env=env)
        proc.stdout.readline()  # the database is open; planning starts now
        time.sleep(rng.uniform(0.0, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert db.startswith("postgresql://") or integrity_check(db) == "ok"  # a server keeps its own pages
        total, distinct = outbox(db)
        assert total == distinct
    # a full run after all the crashes finishes the job and still makes no duplicate
    subprocess.run([sys.executable, "-c", PLAN, str(db), *days], cwd=ROOT, check=True, capture_output=True, env=env)
    total, distinct = outbox(db)
    assert total == distinct > 0
