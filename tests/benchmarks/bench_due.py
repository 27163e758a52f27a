"""`regua due --date D --json` on a 1,000,000-customer demo shop: the whole command, as the OS scheduler
or a script runs it, next to a plain indexed count query (the customers born on that day) as baseline; on
SQLite and on PostgreSQL in the same run (the server's shop: the cached demo file moved onto a throw-away
server, or --server URL).

    uv run python tests/benchmarks/bench_due.py [--customers 1000000] [--runs 5] [--engine sqlite|postgresql|both]

Target (issue 6): under 1 s.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import date, timedelta

from common import (
    ROOT,
    SQLITE,
    add_engine_option,
    demo_database,
    engines,
    load,
    median,
    moved_demo,
    throwaway_server,
)

TARGET_S = 1.0


BIRTHDAYS = "SELECT count(*) FROM customer WHERE birthday_md = {p}"
INTERACTIONS = "SELECT count(*) FROM interaction WHERE occurred_on = {p}"


def measure(name: str, target: list[str], days: list[date], counts) -> None:
    """`regua <target> due` for each day, and the baseline counts on `counts(sql, value)`."""

    def due(day: date) -> tuple[float, list]:
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "desktop_app", *target, "due", "--date", day.isoformat(),
                              "--json"], cwd=ROOT, check=True, capture_output=True, text=True)
        return time.perf_counter() - started, json.loads(out.stdout)

    started = time.perf_counter()
    due(days[0])  # the first open upgrades an older demo file's schema (and backs it up first): not measured
    print(f"{name}: first open (schema upgrade if any): {time.perf_counter() - started:.1f} s")
    figures, sizes = [], []
    for day in days:
        seconds, items = due(day)
        figures.append(seconds)
        sizes.append(len(items))
    baseline = []
    for day in days:
        started = time.perf_counter()
        counts(BIRTHDAYS, day.month * 100 + day.day)
        counts(INTERACTIONS, day.isoformat())
        baseline.append(time.perf_counter() - started)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    python_start = time.perf_counter() - started
    print(f"{name}: occasions per day: {min(sizes)}-{max(sizes)} ({load()})")
    print(f"  {'measure':<52}{'median':>10}{'max':>10}")
    print(f"  {'regua due --date D --json (whole process)':<52}{median(figures):>9.3f}s{max(figures):>9.3f}s")
    print(f"  {'baseline: indexed counts (birthdays, interactions)':<52}{median(baseline) * 1000:>8.2f}ms"
          f"{max(baseline) * 1000:>8.2f}ms")
    print(f"  {'bare python start (in the figure above)':<52}{python_start:>9.3f}s")
    print(f"  target: under {TARGET_S:.0f} s -> {'met' if max(figures) < TARGET_S else 'MISSED'}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--from", dest="start", type=date.fromisoformat, default=date(2026, 11, 24),
                        help="the first of the days asked about (YYYY-MM-DD; a fixed day, so runs compare)")
    parser.add_argument("--server", metavar="URL", help="a server database already holding this demo shop")
    add_engine_option(parser)
    args = parser.parse_args()
    db = demo_database(args.customers)
    days = [args.start + timedelta(days=d) for d in range(args.runs)]
    print(f"customers: {args.customers:,}")
    with ExitStack() as stack:
        for name in engines(args.engine):
            if name == SQLITE:
                con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                stack.callback(con.close)
                measure(name, ["--db", str(db)], days,
                        lambda sql, value, c=con: c.execute(sql.format(p="?"), (value,)).fetchone())
            else:
                import psycopg

                url = args.server or moved_demo(stack.enter_context(throwaway_server()), args.customers)
                folder = stack.enter_context(tempfile.TemporaryDirectory())
                conn = stack.enter_context(psycopg.connect(url, autocommit=True))
                measure(name, ["--db", url, "--data-dir", folder], days,
                        lambda sql, value, c=conn: c.execute(sql.format(p="%s"), (value,)).fetchone())


if __name__ == "__main__":
    main()
