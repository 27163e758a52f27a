"""Import a 100,000-row, 8-column xlsx end to end (read, validate, de-duplicate, insert), next to the time
openpyxl in read-only mode takes merely to iterate the same file, in the same run; the same file into a
fresh shop on each engine (SQLite: a new file; PostgreSQL: a new database on a throw-away server).

    uv run python tests/benchmarks/bench_import.py [--engine sqlite|postgresql|both]

Targets: issue #5, the full import takes at most half of the bare openpyxl read; issue 20, on PostgreSQL no
slower than on SQLite.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import CACHE, POSTGRESQL, SQLITE, add_engine_option, engines, load, new_database, throwaway_server
from openpyxl import Workbook, load_workbook

from desktop_app.config import resolve_paths
from desktop_app.db.database import close_database
from desktop_app.domain.actors import COMMAND_LINE
from desktop_app.services.shop import shop
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.spreadsheets import import_plan, import_write
from desktop_app.services.spreadsheets.spreadsheet import read_table

FIRST = ("Ana", "Maria", "João", "José", "Fernanda", "Lucas", "Inês", "Tiago", "Camila", "Rafael")
LAST = ("Silva", "Santos", "Oliveira", "Souza", "Conceição", "Ferreira", "Gonçalves", "Araújo")


def make_sheet(rows: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"import-{rows}.xlsx"
    if path.exists():
        return path
    rng = random.Random(3)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Clientes")
    ws.append(["Nome", "E-mail", "Celular", "Data de nascimento", "Cidade", "CPF", "Última compra", "Total gasto"])
    for i in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        ws.append([f"{first} {rng.choice(LAST)} {last}", f"{first.lower()}.{i}@gmail.com",
                   f"(11) 9{rng.randrange(10**8):08d}", date(1950, 1, 1) + timedelta(days=rng.randrange(20000)),
                   "São Paulo", f"{rng.randrange(10**11):011d}", date(2025, 1, 1) + timedelta(days=rng.randrange(600)),
                   round(rng.random() * 2000, 2)])
    wb.save(path)
    return path


def import_into(paths, sheet: Path) -> dict[str, float]:
    """The whole import of `sheet` into a fresh shop at `paths`, stage by stage (seconds)."""
    shop.open_shop(paths)
    try:
        settings = shop.save_shop_settings(ShopSettings.for_country("Bench", "BR"))
        today = date(2026, 11, 24)
        times = {}
        started = time.perf_counter()
        table = read_table(sheet)
        times["read"] = time.perf_counter() - started
        t = time.perf_counter()
        plan = import_plan.plan_import(table, settings, today)
        times["check + de-duplicate"] = time.perf_counter() - t
        t = time.perf_counter()
        import_write.commit_import(plan, actor=COMMAND_LINE, shop=settings, today=today)
        times["insert (customers, search index, history)"] = time.perf_counter() - t
        times["full import"] = time.perf_counter() - started
    finally:
        close_database()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--cache-mb", type=int, default=import_write.CACHE_MB,
                        help=f"the page cache cap of the commit (default {import_write.CACHE_MB} MB)")
    add_engine_option(parser)
    args = parser.parse_args()
    which = engines(args.engine)
    import_write.CACHE_MB = args.cache_mb
    sheet = make_sheet(args.rows)
    started = time.perf_counter()
    wb = load_workbook(sheet, read_only=True)
    for _row in wb.active.iter_rows(values_only=True):
        pass
    wb.close()
    baseline = time.perf_counter() - started
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in which:
            if name == SQLITE:
                results[name] = import_into(resolve_paths(db=Path(tmp) / "bench.db"), sheet)
            else:
                with throwaway_server() as cluster:
                    url = new_database(cluster, "bench")
                    results[name] = import_into(resolve_paths(db=url, data_dir=Path(tmp) / "server"), sheet)
            print(f"{name}: import of {args.rows:,} rows x 8 columns ({sheet.name}), "
                  f"page cache up to {args.cache_mb} MB ({load()})")
            for stage, seconds in results[name].items():
                print(f"  {stage:<42}: {seconds:6.2f} s")
            ratio = results[name]["full import"] / baseline
            print(f"  ratio to the bare read {ratio:.2f} (target <= 0.50): {'OK' if ratio <= 0.5 else 'MISSED'}",
                  flush=True)
    print(f"openpyxl read-only, iterate only (baseline): {baseline:6.2f} s")
    if len(results) == 2:
        pg, lite = results[POSTGRESQL]["full import"], results[SQLITE]["full import"]
        print(f"PostgreSQL / SQLite: {pg / lite:.2f}x (target <= 1.00, no slower): {'met' if pg <= lite else 'MISSED'}")


if __name__ == "__main__":
    main()
