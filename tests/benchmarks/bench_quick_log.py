"""The quick log's lookup (what F2 does on each keystroke: the 8 best matches with their rows)
next to the plain search (ids only), on the same typed queries.

    uv run python tests/benchmarks/bench_quick_log.py                 # 100,000 customers
"""

from __future__ import annotations

import argparse
import random

from bench_search import LIMIT, queries, timed
from common import demo_database, median, percentile

from desktop_app.config import resolve_paths
from desktop_app.db.database import close_database
from desktop_app.gui.customers.quick_log import MAX_MATCHES
from desktop_app.services.customers import customers
from desktop_app.services.shop import shop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=150)
    args = parser.parse_args()
    shop.open_shop(resolve_paths(db=demo_database(args.customers)), create=False)
    settings = shop.shop_settings()
    typed = queries(random.Random(11), args.queries)
    for text in typed[:20]:
        customers.search(text, limit=LIMIT)
    lookup = timed(lambda t: customers.rows(customers.search(t, limit=MAX_MATCHES), settings), typed)
    plain = timed(lambda t: customers.search(t, limit=LIMIT), typed)
    print(f"quick-log lookup over {args.customers:,} customers, {len(typed)} typed queries")
    print(f"  quick log (8 rows) : p50 {median(lookup):6.2f} ms   p95 {percentile(lookup, 95):6.2f} ms")
    print(f"  plain search (ids) : p50 {median(plain):6.2f} ms   p95 {percentile(plain, 95):6.2f} ms   (baseline)")
    close_database()


if __name__ == "__main__":
    main()
