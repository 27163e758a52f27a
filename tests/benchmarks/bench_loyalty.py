"""Balances and tiers for every member of a points club, over two years of history.

    uv run python tests/benchmarks/bench_loyalty.py --customers 100000

Issue #4: compute balances and tiers for 100,000 customers with 2 years of history and print the time
beside a single SQL aggregate over the ledger (the baseline: a balance with no expiry and no tier).
Also prints what one customer's page costs (`summaries`) and the whole liability report.

The ledger is built once per size from the cached demo shop: every demo purchase of the two years
earns points through the domain's Account (the same lots, expiry and allocations the service writes),
30% of the purchases are followed by a redemption when the balance allows, and lots expire when due.
It is bulk-inserted, because replaying 700,000 purchases one service call at a time would take long.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import time
from datetime import date

from common import CACHE, demo_database, median, percentile

OWNER_NAME = "bench"


def build(customers: int) -> tuple[str, date]:
    from desktop_app.config import resolve_paths
    from desktop_app.db.database import close_database
    from desktop_app.domain import loyalty as rules
    from desktop_app.domain.actors import OWNER, Actor
    from desktop_app.services.loyalty import programs
    from desktop_app.services.shop import shop

    path = CACHE / f"loyalty-{customers}.db"
    con = None
    if not path.exists():
        print(f"building a two-year ledger for {customers:,} customers in {path} (once)...", flush=True)
        started = time.perf_counter()
        partial = path.with_suffix(".partial.db")
        shutil.copy(demo_database(customers), partial)
        shop.open_shop(resolve_paths(db=partial, data_dir=CACHE / "loyalty-data"))
        program_id = programs.save_program(programs.default_program(), actor=Actor(None, OWNER_NAME, OWNER))
        club = programs.program(program_id)
        close_database()
        con = sqlite3.connect(partial)
        today = date.fromisoformat(con.execute("SELECT MAX(occurred_on) FROM interaction").fetchone()[0])
        rng = random.Random(4)
        entries, allocations = [], []
        next_id = 1
        account, current = None, None
        cost = min(r.cost for r in club.rewards)
        now = "2026-01-01 12:00:00"

        def post(posting, reason, customer):
            nonlocal next_id
            entry_id = next_id
            next_id += 1
            entries.append((entry_id, program_id, customer, posting.kind, posting.points, posting.on.isoformat(), now,
                            reason, None, None, None,
                            posting.expires_on.isoformat() if posting.expires_on else None, None, OWNER_NAME, ""))
            allocations.extend((entry_id, lot, n) for lot, n in posting.takes)
            allocations.extend((debt, entry_id, n) for debt, n in posting.pays)
            account.apply(posting, entry_id)

        rows = con.execute("SELECT customer_id, occurred_on, amount_cents FROM interaction "
                           "WHERE kind = 'purchase' ORDER BY customer_id, occurred_on, id")
        for customer, on_text, cents in rows:
            on = date.fromisoformat(on_text)
            if customer != current:
                if account is not None:
                    for p in account.due_expiries(today):
                        post(p, "expired", current)
                account, current = rules.Account(), customer
            for p in account.due_expiries(on):
                post(p, "expired", customer)
            points = rules.points_for_purchase(cents, club.rules)
            if points:
                post(account.credit(rules.EARN, points, on, rules.expiry_for(on, club.rules)), "purchase", customer)
            if rng.random() < 0.3 and account.available(on) >= cost:
                post(account.debit(rules.REDEEM, cost, on), "Vale", customer)
        if account is not None:
            for p in account.due_expiries(today):
                post(p, "expired", current)
        con.executemany("INSERT INTO loyalty_entry (id, program_id, customer_id, kind, points, occurred_on, at, "
                        "reason, interaction_id, reward_id, reverses_id, expires_on, staff_id, actor, approved_by) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
        con.executemany("INSERT INTO loyalty_allocation (debit_id, lot_id, points) VALUES (?, ?, ?)", allocations)
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        partial.rename(path)
        print(f"  {len(entries):,} ledger rows, {len(allocations):,} allocations in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    con = sqlite3.connect(path)
    today = date.fromisoformat(con.execute("SELECT MAX(occurred_on) FROM interaction").fetchone()[0])
    con.close()
    return str(path), today


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    args = parser.parse_args()
    db, today = build(args.customers)

    from desktop_app.config import resolve_paths
    from desktop_app.db import loyalty as queries
    from desktop_app.domain.actors import OWNER, Actor
    from desktop_app.services.loyalty import programs, reports, views
    from desktop_app.services.shop import shop

    shop.open_shop(resolve_paths(db=db, data_dir=CACHE / "loyalty-data"), create=False)
    club = programs.programs()[0]
    rows = sum(1 for _ in queries.balances(club.id))  # warm the cache once, as a running app would be

    def timed(fn, repeat=3):
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - started)
        return min(times), result

    baseline, sums = timed(lambda: queries.balances(club.id))
    ours, accounts = timed(lambda: reports.balances_and_tiers(club, today))
    tiers = {}
    for _balance, tier in accounts.values():
        tiers[tier] = tiers.get(tier, 0) + 1
    names = {i: t.name for i, t in enumerate(club.rules.tiers)} | {-1: "none"}
    report_time, _ = timed(lambda: reports.report(today, actor=Actor(None, OWNER_NAME, OWNER)), repeat=1)
    sample = random.Random(9).sample(sorted(accounts), min(300, len(accounts)))
    page = []
    for cid in sample:
        started = time.perf_counter()
        views.summaries(cid, today)
        page.append((time.perf_counter() - started) * 1000)

    print(f"loyalty over {args.customers:,} customers, {rows:,} members, two years of history (today {today})")
    print(f"  balances + tiers (expiry due, rolling 365-day spend, 90-day retention): {ours:6.2f} s")
    print(f"  SQL SUM(points) GROUP BY customer (baseline, no expiry, no tiers)    : {baseline:6.2f} s")
    print(f"  ratio: {ours / baseline:4.1f}x the bare aggregate; per tier: "
          + ", ".join(f"{names[i]} {n:,}" for i, n in sorted(tiers.items())))
    print(f"  one customer's page (summaries): p50 {median(page):5.1f} ms   p95 {percentile(page, 95):5.1f} ms")
    print(f"  liability report (all programs): {report_time:6.2f} s")
    assert len(sums) == len(accounts)


if __name__ == "__main__":
    main()
