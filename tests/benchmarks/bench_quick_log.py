"""The quick log's lookup (what F2 does on each keystroke: the 8 best matches with their rows)
next to the plain search (ids only), on the same typed queries, on SQLite and on PostgreSQL in the same run
(the server's shop: the cached demo file moved onto a throw-away server, or --server URL).

    uv run python tests/benchmarks/bench_quick_log.py [--customers 100000] [--engine sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from contextlib import ExitStack

from bench_search import LIMIT, queries, timed
from common import (
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
from desktop_app.db.database import close_database
from desktop_app.gui.customers.quick_log import MAX_MATCHES
from desktop_app.services.customers import customers
from desktop_app.services.shop import shop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--server", metavar="URL", help="a server database already holding this demo shop")
    add_engine_option(parser)
    args = parser.parse_args()
    cached = demo_database(args.customers)
    typed = None
    with ExitStack() as stack:
        for name in engines(args.engine):
            if name == SQLITE:
                paths = resolve_paths(db=cached)
            else:
                url = args.server or moved_demo(stack.enter_context(throwaway_server()), args.customers)
                paths = resolve_paths(db=url, data_dir=stack.enter_context(tempfile.TemporaryDirectory()))
            shop.open_shop(paths, create=False)
            settings = shop.shop_settings()
            typed = typed or queries(random.Random(11), args.queries)
            for text in typed[:20]:
                customers.search(text, limit=LIMIT)
            lookup = timed(lambda t, s=settings: customers.rows(customers.search(t, limit=MAX_MATCHES), s), typed)
            plain = timed(lambda t: customers.search(t, limit=LIMIT), typed)
            print(f"{name}: quick-log lookup over {args.customers:,} customers, {len(typed)} typed queries ({load()})")
            print(f"  quick log (8 rows) : p50 {median(lookup):6.2f} ms   p95 {percentile(lookup, 95):6.2f} ms")
            print(f"  plain search (ids) : p50 {median(plain):6.2f} ms   p95 {percentile(plain, 95):6.2f} ms   (baseline)",
                  flush=True)
            close_database()


if __name__ == "__main__":
    main()
