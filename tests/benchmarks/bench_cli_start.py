"""How long the command line takes as a whole process, start-up included: `regua --help`, `regua search`
and `regua due` on the demo shop, median of 10 runs each (after one run that warms the disk cache and
writes the bytecode), next to the target, with the median CPU time beside it; then what `regua search`
spends importing, biggest first.

    uv run python tests/benchmarks/bench_cli_start.py [--runs 10] [--customers 3000]

Target: `regua search` under 150 ms. Runs the `regua` script beside this Python (what `uv run regua`
starts after uv's own start-up, which is not counted), or `python -m desktop_app` where there is none.
Bytecode goes to the benchmark's cache folder (PYTHONPYCACHEPREFIX), so that a PYTHONDONTWRITEBYTECODE
environment measures what an installed app does, not compiling every module on every run.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from common import CACHE, ROOT, demo_database, median

TARGETS_MS = {"search": 150}


def command() -> list[str]:
    script = Path(sys.executable).with_name("regua.exe" if os.name == "nt" else "regua")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop_app"]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    env.pop("QT_QPA_PLATFORM", None)
    return env


def timed(args: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Seconds per whole run of `regua ARGS`, after one run that is not counted: wall clock, and the CPU
    time (user + system) the process used, which a machine busy with other work inflates less."""
    env = environment()
    subprocess.run(command() + args, capture_output=True, check=True, cwd=ROOT, env=env)
    took, cpu = [], []
    for _ in range(runs):
        before = _children_cpu()
        started = time.perf_counter()
        subprocess.run(command() + args, capture_output=True, check=True, cwd=ROOT, env=env)
        took.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - before)
    return took, cpu


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: no CPU column
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def imports(args: list[str]) -> list[tuple[str, float]]:
    """Milliseconds `python -X importtime` counts per top-level package (desktop_app by subpackage)."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "desktop_app", *args], capture_output=True,
                            text=True, check=True, cwd=ROOT, env=environment())
    spent: Counter[str] = Counter()
    for line in result.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if found:
            parts = found.group(2).split(".")
            spent[".".join(parts[:3]) if parts[0] == "desktop_app" else parts[0]] += int(found.group(1)) / 1000
    return spent.most_common()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--customers", type=int, default=3000)
    args = parser.parse_args()
    db = str(demo_database(args.customers))
    cases = {
        "--help": ["--help"],
        "search": ["--db", db, "search", "silva"],
        "due": ["--db", db, "due"],
    }
    print(f"{' '.join(Path(c).name for c in command())}, {args.customers:,}-customer demo shop, "
          f"median of {args.runs} runs")
    print(f"{'command':<10}{'median':>10}{'fastest':>10}{'slowest':>10}{'cpu':>10}   target (on the median)")
    for name, argv in cases.items():
        took, cpu = timed(argv, args.runs)
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else f"{target} ms -> {'met' if median(took) * 1000 < target else 'MISSED'}"
        print(f"{name:<10}{median(took) * 1000:>8.0f}ms{min(took) * 1000:>8.0f}ms{max(took) * 1000:>8.0f}ms"
              f"{median(cpu) * 1000:>8.0f}ms   {verdict}")
    spent = imports(cases["search"])
    print(f"\n`regua search` imports {sum(ms for _, ms in spent):.0f} ms in all (-X importtime, self time); biggest:")
    for name, ms in spent[:12]:
        print(f"  {ms:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
