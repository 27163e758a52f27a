"""The Reports section on a 100,000-customer demo shop: what opening it costs (the overview, the régua's
results and the service tab, the three jobs the section runs), next to the slowest single query those
jobs make, and the once-a-day segment refresh that runs before the first opening of the day.

    uv run python tests/benchmarks/bench_reports.py [--customers 100000] [--runs 5]

Target (issue 8): the section opens in under 2 s once the day's segments are worked out.
"""

from __future__ import annotations

import argparse
import shutil
import time
from datetime import date, timedelta

from common import CACHE, demo_database, median

TARGET_S = 2.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    copy = CACHE / f"reports-{args.customers}.db"
    if not copy.exists():
        shutil.copy(demo_database(args.customers), copy)

    from desktop_app.config import resolve_paths
    from desktop_app.db import reports as queries
    from desktop_app.domain import segments as seg
    from desktop_app.domain.actors import OWNER, Actor
    from desktop_app.services import reports
    from desktop_app.services.shop import open_shop, shop_settings

    open_shop(resolve_paths(db=copy))
    shop, owner = shop_settings(), Actor(None, "Ana Paula", OWNER)
    day = date.fromisoformat(str(queries.database.execute_sql("SELECT max(occurred_on) FROM interaction").fetchone()[0]))

    started = time.perf_counter()
    first = reports.refresh_segments(day - timedelta(days=1), shop=shop, force=True)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    daily = reports.refresh_segments(day, shop=shop, force=True)
    daily_s = time.perf_counter() - started

    opening = []
    for _ in range(args.runs):
        started = time.perf_counter()
        reports.dashboard(day, shop=shop, actor=owner)
        reports.cadence_results(day, shop=shop, actor=owner)
        reports.service(day, shop=shop, actor=owner)
        opening.append(time.perf_counter() - started)

    t = reports.thresholds(shop)
    months = day.replace(day=1) - timedelta(days=365)
    single = {
        "history pass (segments, both days)": lambda: queries.histories(day, seg.previous_month_end(day), t),
        "returning buyers (90 days)": lambda: queries.returning_buyers(seg.recent_start(day, t), day),
        "visit spans (12 months)": lambda: queries.activity_spans(seg.year_start(day, t), day),
        "customer facts (consent, birthdays)": queries.customer_facts,
        "segment moves": queries.segment_moves,
        "purchases (12 months)": lambda: queries.purchases_between(months, day),
        "visits and purchases by day (26 weeks)": lambda: queries.activity_by_day(day - timedelta(weeks=26), day),
    }
    timings = {}
    for name, query in single.items():
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            query()
            runs.append(time.perf_counter() - started)
        timings[name] = median(runs)
    slowest = max(timings, key=timings.get)

    print(f"customers: {args.customers:,}; segments stored: {first.customers:,}")
    print(f"{'measure':<58}{'median':>10}{'max':>10}")
    print(f"{'Reports section opens (overview + régua + service)':<58}{median(opening):>9.3f}s{max(opening):>9.3f}s")
    print(f"{'slowest single query: ' + slowest:<58}{timings[slowest]:>9.3f}s")
    print(f"{'daily segment refresh (' + format(daily.changed, ',') + ' rows changed)':<58}{daily_s:>9.3f}s")
    print(f"{'first segment refresh ever (every row written)':<58}{first_s:>9.3f}s")
    print(f"target: under {TARGET_S:.0f} s -> {'met' if max(opening) < TARGET_S else 'MISSED'}")


if __name__ == "__main__":
    main()
