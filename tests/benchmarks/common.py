"""Shared helpers for the benchmarks: a cached demo database per size, and percentiles."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CACHE = Path(os.environ.get("REGUA_BENCH_DIR", Path(tempfile.gettempdir()) / "regua-bench"))


def demo_database(customers: int) -> Path:
    """A demo shop with `customers` customers, made once and reused (a million takes a few minutes)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{customers}.db"
    if not path.exists():
        print(f"making a {customers:,}-customer demo shop in {path} (once)...", flush=True)
        started = time.perf_counter()
        partial = path.with_suffix(".partial.db")
        partial.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(partial), "demo", "--customers",
                        str(customers)], check=True, cwd=ROOT)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
        print(f"  made in {time.perf_counter() - started:.0f} s", flush=True)
    return path


# --- PostgreSQL beside SQLite (issue 20): a throw-away server, and the cached demo shops moved onto it ----------

SQLITE, POSTGRESQL = "sqlite", "postgresql"
# The tests' cluster runs with 32 MB of shared buffers (many clusters at once); a shop's server has at least
# PostgreSQL's own default, which is what the benchmarks' server gets.
SHARED_BUFFERS = "128MB"


def add_engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=(SQLITE, POSTGRESQL, "both"), default="both",
                        help="which engine to measure (default both, where a PostgreSQL server can be started "
                             "here; else SQLite, saying why)")


def server_problem() -> str | None:
    """Why no throw-away PostgreSQL server can be started here (None when one can)."""
    from tests import postgres

    if postgres.server_binaries() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql"
    return None


def engines(choice: str) -> list[str]:
    """The engines to measure for `--engine choice`: 'both' falls back to SQLite alone, with a line saying
    why, where no server can be started; 'postgresql' alone then stops."""
    if choice == SQLITE:
        return [SQLITE]
    problem = server_problem()
    if problem is not None:
        if choice == POSTGRESQL:
            sys.exit(f"PostgreSQL: {problem}")
        print(f"PostgreSQL not measured: {problem}; SQLite only", flush=True)
        return [SQLITE]
    return [SQLITE, POSTGRESQL] if choice == "both" else [POSTGRESQL]


@contextmanager
def throwaway_server() -> Iterator:
    """A throw-away cluster as the tests start one (tests/postgres.py: initdb in a temporary folder, a Unix
    socket only, fsync off, so a figure is Régua's and the server's work, not the disk's), stopped and
    deleted on the way out. Its shared buffers are SHARED_BUFFERS."""
    from tests import postgres

    bin_dir = postgres.server_binaries()
    if bin_dir is None:
        sys.exit(f"PostgreSQL: {server_problem()}")
    cluster = postgres.Cluster(bin_dir)
    tests_settings = postgres.SETTINGS
    postgres.SETTINGS = tuple(s for s in tests_settings if not s.startswith("shared_buffers=")) + (
        f"shared_buffers={SHARED_BUFFERS}",)
    try:
        cluster.start()
    finally:
        postgres.SETTINGS = tests_settings
    try:
        yield cluster
    finally:
        cluster.stop()


def new_database(cluster, name: str) -> str:
    """The URL of a new, empty database `name` on `cluster`."""
    with cluster.connect("postgres") as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    return cluster.url(name)


def regua(*argv: str) -> float:
    """Seconds a whole `regua ...` command took (it must succeed)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "desktop_app", *argv], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"regua {' '.join(argv)} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - started


def moved_demo(cluster, customers: int, name: str = "shop") -> str:
    """The URL of `cluster`'s new database `name` holding the cached demo shop of `customers` customers,
    moved there by `regua move-to` (which checks every table; the cached file is only read)."""
    source = demo_database(customers)
    url = new_database(cluster, name)
    print(f"moving the {customers:,}-customer demo shop onto the server (regua move-to)...", flush=True)
    seconds = regua("--db", str(source), "move-to", url)
    print(f"  moved in {seconds:.0f} s", flush=True)
    return url


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes), for the record beside a figure."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load unknown"
    return f"load {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"


def peak_mb() -> float:
    """This process's own peak memory in MB: VmHWM from /proc/self/status where Linux has it (ru_maxrss
    carries the forking parent's peak over exec, so a child started by a big process reads as big), else
    ru_maxrss (kilobytes, bytes on macOS)."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)
