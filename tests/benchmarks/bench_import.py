"""Import a 100,000-row, 8-column xlsx end to end (read, validate, de-duplicate, insert), next to the time
openpyxl in read-only mode takes merely to iterate the same file, in the same run.

    uv run python tests/benchmarks/bench_import.py

Target (issue #5): the full import takes at most half of the bare openpyxl read.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import CACHE
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--cache-mb", type=int, default=import_write.CACHE_MB,
                        help=f"the page cache cap of the commit (default {import_write.CACHE_MB} MB)")
    args = parser.parse_args()
    import_write.CACHE_MB = args.cache_mb
    sheet = make_sheet(args.rows)
    started = time.perf_counter()
    wb = load_workbook(sheet, read_only=True)
    for _row in wb.active.iter_rows(values_only=True):
        pass
    wb.close()
    baseline = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(db=Path(tmp) / "bench.db")
        shop.open_shop(paths)
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
        total = time.perf_counter() - started
        close_database()
    print(f"import of {args.rows:,} rows x 8 columns ({sheet.name}), page cache up to {args.cache_mb} MB")
    for name, seconds in times.items():
        print(f"  {name:<42}: {seconds:6.2f} s")
    print(f"  full import                               : {total:6.2f} s")
    print(f"  openpyxl read-only, iterate only (baseline): {baseline:6.2f} s")
    ratio = total / baseline
    print(f"  ratio {ratio:.2f} (target <= 0.50): {'OK' if ratio <= 0.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
