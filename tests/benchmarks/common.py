"""Shared helpers for the benchmarks: a cached demo database per size, and percentiles."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
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
