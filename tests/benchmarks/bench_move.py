"""`regua move-to` of a demo shop to a PostgreSQL server and back to a file: the whole command, as the owner
runs it (every table copied, its ids' sequences set, every table checked by count and checksum).

    uv run python tests/benchmarks/bench_move.py [--customers 100000]

The server is a throw-away cluster as the tests start it (tests/postgres.py: a Unix socket, fsync off, so
the figure is Régua's and the driver's work, not the disk's). The source file's bytes are checked unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import tempfile
from pathlib import Path

from common import demo_database, load, new_database, regua, throwaway_server


def rows_in(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%'")]
        return sum(con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names)
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    args = parser.parse_args()
    cached = demo_database(args.customers)
    with tempfile.TemporaryDirectory(prefix="regua-bench-move-") as folder:
        source = Path(folder) / "shop.db"
        source.write_bytes(cached.read_bytes())  # an upgrade of an older cached file happens in move-to's copy
        regua("--db", str(source), "search", "silva")  # bring the copy to this version's schema first
        for suffix in ("-wal", "-shm"):
            Path(str(source) + suffix).unlink(missing_ok=True)
        before = hashlib.sha256(source.read_bytes()).hexdigest()
        total = rows_in(source)
        with throwaway_server() as cluster:
            url = new_database(cluster, "moved")
            to_server = regua("--db", str(source), "move-to", url)
            back = Path(folder) / "back.db"
            to_file = regua("--db", url, "move-to", str(back))
            to_file_again = regua("--db", str(source), "move-to", str(Path(folder) / "copy.db"))
        unchanged = hashlib.sha256(source.read_bytes()).hexdigest() == before
    print(f"{args.customers:,} customers, {total:,} rows in all ({load()})")
    print(f"file -> server: {to_server:.1f} s ({total / to_server:,.0f} rows/s, copy and check, whole command)")
    print(f"server -> file: {to_file:.1f} s")
    print(f"file -> file:   {to_file_again:.1f} s")
    print(f"source bytes unchanged: {unchanged}")


if __name__ == "__main__":
    main()
