"""How fast an oversize sheet is refused, and how much memory reading a big file within the limits takes
(issue 18 item 10), each in a fresh process, next to its target.

    uv run python tests/benchmarks/bench_import_limits.py

Targets: a 1,048,576-row sheet refused in under 2 s (with and without a declared dimension); a 99 MB
one-line CSV read and checked under 400 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from common import CACHE, ROOT

from tests.integration.test_import_memory import raw_xlsx

CHILD = """
import json, sys, time
from desktop_app.domain.errors import ReguaError
from desktop_app.services.spreadsheets.spreadsheet import read_table
from tests.benchmarks.common import peak_mb
started = time.perf_counter()
try:
    table = read_table(sys.argv[1])
    outcome = f"read, {table.row_count} rows"
except ReguaError as exc:
    outcome = f"refused: {exc.code}"
print(json.dumps({"seconds": time.perf_counter() - started, "outcome": outcome, "peak_mb": round(peak_mb())}))
"""


def measure(path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    return json.loads(out)


def main() -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    for declared in (True, False):
        path = CACHE / f"limits-1048576-rows-{'dim' if declared else 'nodim'}.xlsx"
        if not path.exists():
            raw_xlsx(path, 1_048_576, 2, dimension=declared)
        got = measure(path)
        print(f"1,048,576-row sheet, dimension {'declared' if declared else 'absent'}: {got['outcome']} in "
              f"{got['seconds']:.2f} s, peak {got['peak_mb']} MB (target < 2 s)")
    path = CACHE / "limits-one-line.csv"
    if not path.exists():
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("Nome;Cidade\n")
            chunk = ";".join(["ab"] * 100_000) + ";"
            for _ in range(99 * 1024 * 1024 // len(chunk) - 1):
                fh.write(chunk)
    got = measure(path)
    print(f"99 MB one-line csv: {got['outcome']} in {got['seconds']:.2f} s, peak {got['peak_mb']} MB "
          f"(target < 400 MB)")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started:.0f} s in all)")
