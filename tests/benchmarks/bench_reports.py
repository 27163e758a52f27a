"""The Reports section on a 100,000-customer demo shop: what opening it costs (the overview it opens on,
then the régua's results and the service tab, which load after it on the same lane), next to the
slowest single query those jobs make; and the once-a-day segment refresh that the first opening of the day (or the first use of
a segment filter) runs before it.

    uv run python tests/benchmarks/bench_reports.py [--customers 100000] [--runs 5]

Target (issue 8): the dashboard opens in under 2 s once the day's segments are worked out.
"""

from __future__ import annotations

import argparse
import shutil
import time
from datetime import date, datetime, timedelta

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
    from desktop_app.services.reports import reports
    from desktop_app.services.shop.shop import open_shop, shop_settings

    open_shop(resolve_paths(db=copy))
    shop, owner = shop_settings(), Actor(None, "Ana Paula", OWNER)
    day = date.fromisoformat(str(queries.database.execute_sql("SELECT max(occurred_on) FROM interaction").fetchone()[0]))

    started = time.perf_counter()
    first = reports.refresh_segments(day - timedelta(days=1), shop=shop, force=True)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    daily = reports.refresh_segments(day, shop=shop, force=True)
    daily_s = time.perf_counter() - started

    started = time.perf_counter()
    reports.dashboard(day + timedelta(days=1), shop=shop, actor=owner, refresh=False)  # tomorrow, stale segments
    stale_s = time.perf_counter() - started
    opening, section = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        reports.dashboard(day, shop=shop, actor=owner)
        opening.append(time.perf_counter() - started)
        reports.cadence_results(day, shop=shop, actor=owner)
        reports.service(day, shop=shop, actor=owner)
        section.append(time.perf_counter() - started)

    t = reports.thresholds(shop)
    months = day.replace(day=1) - timedelta(days=365)
    single = {
        "returning buyers (90 days)": lambda: queries.returning_buyers(seg.recent_start(day, t), day),
        "visit gaps (12 months)": lambda: queries.visit_gaps(seg.year_start(day, t), day),
        "messages sent (12 months)": lambda: queries.messages_sent(months),
        "customers created before a day": lambda: queries.customers_created_before(datetime(day.year, day.month, 1)),
        "customer facts (consent, birthdays)": queries.customer_facts,
        "segment moves": queries.segment_moves,
        "purchases (12 months)": lambda: queries.purchases_between(months, day),
        "visits and purchases by day (26 weeks)": lambda: queries.activity_by_day(day - timedelta(weeks=26), day),
    }
    started = time.perf_counter()
    queries.histories(day, seg.previous_month_end(day), t)
    history_s = time.perf_counter() - started
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
    print(f"{'dashboard (the overview the section opens on)':<58}{median(opening):>9.3f}s{max(opening):>9.3f}s")
    print(f"{'  and the other two tabs, loaded after it (whole section)':<58}{median(section):>9.3f}s{max(section):>9.3f}s")
    print(f"{'slowest single query: ' + slowest:<58}{timings[slowest]:>9.3f}s")
    print(f"{'first opening of a day: overview with the last segments':<58}{stale_s:>9.3f}s")
    print(f"{'daily segment refresh (' + format(daily.changed, ',') + ' rows changed)':<58}{daily_s:>9.3f}s")
    print(f"{'  of which the pass over the history (two days at once)':<58}{history_s:>9.3f}s")
    print(f"{'first segment refresh ever (every row written)':<58}{first_s:>9.3f}s")
    print(f"target: under {TARGET_S:.0f} s -> {'met' if max(opening) < TARGET_S else 'MISSED'}")


if __name__ == "__main__":
    main()
