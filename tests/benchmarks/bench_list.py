"""The customer list at scale: time from an empty window to the first rows painted, and peak memory.

    uv run python tests/benchmarks/bench_list.py --customers 1000000

Target (issue #2): the list shows 1,000,000 customers in under 1 s with under 400 MB peak memory.
The measurement runs in a fresh process (so the demo generation does not count toward its memory);
the baseline printed beside it is the naive way: loading every row into Python.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from common import ROOT, demo_database, peak_mb


def measure_lazy(db: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop_app.config import resolve_paths
    from desktop_app.domain.actors import OWNER, Actor
    from desktop_app.domain.dates import local_today
    from desktop_app.gui.common.tasks import TaskRunner
    from desktop_app.gui.shell.app import application
    from desktop_app.gui.shell.main_window import MainWindow
    from desktop_app.services.shop import shop

    app = application()
    paths = resolve_paths(db=db)
    shop.open_shop(paths, create=False)
    settings = shop.shop_settings()
    tasks = TaskRunner(app)
    window = MainWindow(paths, tasks, settings, Actor(None, "bench", OWNER), lambda: local_today(settings.timezone))
    window.resize(1280, 760)
    window.show()
    app.processEvents()
    before = peak_mb()
    model = window.customers.model
    started = time.perf_counter()
    window.customers.reload()
    loop = QEventLoop()
    shown = {}

    def check() -> None:
        if model.rowCount() and model.cached_row(0) is not None:
            shown["at"] = time.perf_counter() - started
            loop.quit()

    model.dataChanged.connect(lambda *a: check())
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    window.grab()  # paint the visible rows, as the screen would
    result = {"seconds": shown.get("at"), "rows": model.rowCount(), "peak_mb": peak_mb(), "before_mb": before}
    tasks.wait()
    return result


def measure_naive(db: str) -> dict:
    """The baseline: every customer row loaded into Python objects, as a plain list model would."""
    from desktop_app.config import resolve_paths
    from desktop_app.db.models import Customer
    from desktop_app.services.shop import shop

    shop.open_shop(resolve_paths(db=db), create=False)
    started = time.perf_counter()
    rows = list(Customer.select().order_by(Customer.name_key).tuples())
    return {"seconds": time.perf_counter() - started, "rows": len(rows), "peak_mb": peak_mb()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--measure", choices=("lazy", "naive"))
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.measure:
        fn = measure_lazy if args.measure == "lazy" else measure_naive
        print(json.dumps(fn(args.db)))
        return
    db = str(demo_database(args.customers))
    results = {}
    for kind in ("lazy", "naive"):
        out = subprocess.run([sys.executable, __file__, "--measure", kind, "--db", db], capture_output=True,
                             text=True, check=True, cwd=ROOT)
        results[kind] = json.loads(out.stdout.strip().splitlines()[-1])
    lazy, naive = results["lazy"], results["naive"]
    print(f"customer list over {lazy['rows']:,} customers")
    print(f"  lazy model   : first rows shown in {lazy['seconds']:.3f} s, peak memory {lazy['peak_mb']:.0f} MB "
          f"({lazy['before_mb']:.0f} MB before the list; targets < 1 s and < 400 MB)")
    print(f"  naive load   : all rows into Python in {naive['seconds']:.3f} s, peak memory {naive['peak_mb']:.0f} MB "
          "(baseline, no GUI)")
    ok = lazy["seconds"] is not None and lazy["seconds"] < 1 and lazy["peak_mb"] < 400
    print(f"  {'OK' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
