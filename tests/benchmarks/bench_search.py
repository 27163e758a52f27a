"""Search as you type: p50/p95 over realistic queries, next to a full-scan LIKE '%text%' on the same data, on
SQLite and on PostgreSQL in the same run (the same shop: the cached demo file, and that file moved onto a
throw-away server by `regua move-to`), each engine's answers checked equal to SQLite's.

    uv run python tests/benchmarks/bench_search.py                 # 100,000 customers, both engines
    uv run python tests/benchmarks/bench_search.py --customers 1000000 [--engine sqlite|postgresql|both]
    uv run python tests/benchmarks/bench_search.py --customers 1000000 --server postgresql://...  # moved before

Targets: issue #2, on SQLite: p50 <= 20 ms at 100k and <= 50 ms at 1M, at least 20x faster than the scan;
issue 20, on PostgreSQL: p50 under 20 ms at 1M (and at 100k).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from contextlib import ExitStack

from common import (
    POSTGRESQL,
    SQLITE,
    add_engine_option,
    demo_database,
    engines,
    load,
    median,
    moved_demo,
    percentile,
    throwaway_server,
)

from desktop_app.config import resolve_paths
from desktop_app.db.database import close_database, database, engine
from desktop_app.services.customers import customers
from desktop_app.services.shop import shop

LIMIT = 50


def queries(rng: random.Random, n: int) -> list[str]:
    """What staff type, keystroke by keystroke: name prefixes, two words, phone digits, e-mails, codes."""
    top = database.execute_sql("SELECT max(id) FROM customer").fetchone()[0]
    ids = [rng.randint(1, top) for _ in range(n)]  # the same sample on every run with the same seed
    marks = ", ".join([database.param] * len(ids))
    sample = database.execute_sql(
        f"SELECT name, phone, email, card_code, tax_id FROM customer WHERE id IN ({marks}) ORDER BY id",
        ids).fetchall()
    typed = []
    for name, phone, email, card, tax in sample:
        words = name.split()
        kind = rng.randrange(6)
        if kind == 0:
            typed.extend(words[-1][:k] for k in (3, 4, 5))
        elif kind == 1:
            typed.append(f"{words[0]} {words[-1][:3]}")
        elif kind == 2 and phone:
            start = rng.randrange(3, len(phone) - 5)
            typed.extend(phone[start:start + k] for k in (3, 4, 6))
        elif kind == 3 and email:
            typed.append(email.split("@")[0][:6])
        elif kind == 4 and (card or tax):
            typed.append(card or tax)
        else:
            typed.append(words[0][:2])  # the first two letters: the broadest query of all
    return typed


COLUMNS = ("name", "email", "phone", "card_code", "tax_id")


def _like(text: str, hint: str = "") -> list[int]:
    where = " OR ".join(f"{c} LIKE {database.param}" for c in COLUMNS)
    return [r[0] for r in database.execute_sql(
        f"SELECT id FROM customer {hint} WHERE {where} ORDER BY name_key LIMIT {database.param}",
        [f"%{text}%"] * len(COLUMNS) + [LIMIT]).fetchall()]


def like_scan(text: str) -> list[int]:
    """The baseline the issue names: a full-scan LIKE '%text%' over the columns (every row read), sorted.
    SQLite is told NOT INDEXED; PostgreSQL's session is told not to use an index for it."""
    if engine().name == SQLITE:
        return _like(text, "NOT INDEXED")
    database.execute_sql("SET enable_indexscan = off")
    database.execute_sql("SET enable_bitmapscan = off")
    try:
        return _like(text)
    finally:
        database.execute_sql("RESET enable_indexscan")
        database.execute_sql("RESET enable_bitmapscan")


def like_early_stop(text: str) -> list[int]:
    """For honesty, LIKE walking the name index and stopping at the 50th match (fast for common words; on
    PostgreSQL the planner's own choice)."""
    return _like(text)


def timed(fn, items) -> list[float]:
    times = []
    for item in items:
        started = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure(label: str, typed: list[str], target: float, expected: dict[str, list[int]] | None) -> dict:
    """One engine's figures on the open shop; `expected` (SQLite's answers) to check this engine's against."""
    for text in typed[:20]:  # warm the caches as a running app would have them
        customers.search(text, limit=LIMIT)
    ours = timed(lambda t: customers.search(t, limit=LIMIT), typed)
    answers = {t: customers.search(t, limit=LIMIT) for t in typed}
    scan = timed(like_scan, typed[:40])
    early = timed(like_early_stop, typed[:40])
    p50, p95, scan50 = median(ours), percentile(ours, 95), median(scan)
    print(f"{label}, {len(typed)} typed queries, limit {LIMIT} ({load()})")
    speed_up = engine().name == SQLITE  # issue #2's targets; issue 20 sets PostgreSQL's p50 alone, under 20 ms
    within = p50 <= target if speed_up else p50 < target
    print(f"  index search : p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   max {max(ours):7.2f} ms   "
          f"(target p50 {'<=' if speed_up else '<'} {target} ms)")
    print(f"  LIKE scan    : p50 {scan50:7.2f} ms   p95 {percentile(scan, 95):7.2f} ms   (baseline: full scan, same database)")
    print(f"  LIKE, early  : p50 {median(early):7.2f} ms   p95 {percentile(early, 95):7.2f} ms   "
          "(LIKE along the name index, stopping at the 50th match)")
    print(f"  speed-up     : {scan50 / p50:5.0f}x at the median" + (" (target >= 20x)" if speed_up else ""))
    same = True
    if expected is not None:
        differ = [t for t in typed if answers[t] != expected[t]]
        same = not differ
        print(f"  same answers as SQLite: {'yes' if same else f'NO, {len(differ)} differ: {differ[:5]}'}")
    verdict = "OK" if within and same and (scan50 / p50 >= 20 or not speed_up) else "MISSED"
    print(f"  {verdict}", flush=True)
    return {"p50": p50, "p95": p95, "answers": answers}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--server", metavar="URL", help="a server database already holding this demo shop "
                        "(moved there before), measured instead of moving it onto a throw-away server")
    add_engine_option(parser)
    args = parser.parse_args()
    which = engines(args.engine)
    targets = {SQLITE: 20 if args.customers <= 100_000 else 50, POSTGRESQL: 20}
    cached = demo_database(args.customers)
    typed: list[str] | None = None
    expected = None
    results = {}
    with ExitStack() as stack:
        for name in which:
            if name == SQLITE:
                paths = resolve_paths(db=cached)
            else:
                url = args.server or moved_demo(stack.enter_context(throwaway_server()), args.customers)
                paths = resolve_paths(db=url, data_dir=stack.enter_context(tempfile.TemporaryDirectory()))
            shop.open_shop(paths, create=False)
            if typed is None:
                typed = queries(random.Random(11), args.queries)
            results[name] = measure(f"{name}: search over {args.customers:,} customers", typed, targets[name],
                                    expected)
            if name == SQLITE:
                expected = results[name]["answers"]
            close_database()
    if len(results) == 2:
        print(f"PostgreSQL / SQLite at the median: {results[POSTGRESQL]['p50'] / results[SQLITE]['p50']:.1f}x; "
              f"PostgreSQL target p50 < {targets[POSTGRESQL]} ms: "
              f"{'met' if results[POSTGRESQL]['p50'] < targets[POSTGRESQL] else 'MISSED'}")


if __name__ == "__main__":
    main()
