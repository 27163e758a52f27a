"""`regua due --date D --json` on a 1,000,000-customer demo shop: the whole command, as the OS scheduler
or a script runs it, next to a plain indexed count query (the customers born on that day) as baseline.

    uv run python tests/benchmarks/bench_due.py [--customers 1000000] [--runs 5]

Target (issue 6): under 1 s.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta

from common import ROOT, demo_database, median

TARGET_S = 1.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = demo_database(args.customers)
    days = [date.today() + timedelta(days=d) for d in range(1, args.runs + 1)]

    def due(day: date) -> tuple[float, list]:
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "due", "--date",
                              day.isoformat(), "--json"], cwd=ROOT, check=True, capture_output=True, text=True)
        return time.perf_counter() - started, json.loads(out.stdout)

    started = time.perf_counter()
    due(days[0])  # the first open upgrades an older demo file's schema (and backs it up first): not measured
    print(f"first open (schema upgrade if any): {time.perf_counter() - started:.1f} s")
    figures, sizes = [], []
    for day in days:
        seconds, items = due(day)
        figures.append(seconds)
        sizes.append(len(items))

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    baseline = []
    for day in days:
        started = time.perf_counter()
        con.execute("SELECT count(*) FROM customer WHERE birthday_md = ?", (day.month * 100 + day.day,)).fetchone()
        con.execute("SELECT count(*) FROM interaction WHERE occurred_on = ?", (day.isoformat(),)).fetchone()
        baseline.append(time.perf_counter() - started)
    bare = subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    python_start = time.perf_counter() - started
    del bare

    print(f"customers: {args.customers:,}; occasions per day: {min(sizes)}-{max(sizes)}")
    print(f"{'measure':<52}{'median':>10}{'max':>10}")
    print(f"{'regua due --date D --json (whole process)':<52}{median(figures):>9.3f}s{max(figures):>9.3f}s")
    print(f"{'baseline: indexed counts (birthdays, interactions)':<52}{median(baseline) * 1000:>8.2f}ms"
          f"{max(baseline) * 1000:>8.2f}ms")
    print(f"{'bare python start (in the figure above)':<52}{python_start:>9.3f}s")
    print(f"target: under {TARGET_S:.0f} s -> {'met' if max(figures) < TARGET_S else 'MISSED'}")


if __name__ == "__main__":
    main()
