"""The Messages screen's refill: how long the window is frozen while its table takes 500 rows (a second
visit, after Send, Retry, Cancel or a filter change), painted, in the real MessagesView at its usual size.

    uv run python tests/benchmarks/bench_messages.py [--rows 500] [--repeat 5] [--baseline-rows 500]

Target (issue 17, item 17; issue 19): a refill well under 50 ms, the longest the GUI may stall. The
baseline printed beside it is the old way, a QTableWidget filled with one `setItem` per cell under
ResizeToContents columns (each item made the columns measure every row again: 41–45 s measured on the
100,000-customer demo shop). The rows are made up: what a refill costs depends on the rows shown, not on
the size of the shop (the outbox query runs on the worker lane, outside the freeze).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from common import ROOT  # noqa: F401 - puts the project on sys.path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem  # noqa: E402

from desktop_app.config import resolve_paths  # noqa: E402
from desktop_app.db.database import close_database  # noqa: E402
from desktop_app.domain import cadence as c  # noqa: E402
from desktop_app.domain.actors import OWNER, Actor  # noqa: E402
from desktop_app.gui.common.i18n import install_language  # noqa: E402
from desktop_app.gui.common.tasks import TaskRunner  # noqa: E402
from desktop_app.gui.mail.messages_view import MessagesView, message_cells  # noqa: E402
from desktop_app.gui.shell.app import application  # noqa: E402
from desktop_app.services.mail.sender import MessageRow  # noqa: E402
from desktop_app.services.shop import shop  # noqa: E402
from desktop_app.services.shop.shop import ShopSettings  # noqa: E402

DAY = date(2026, 11, 24)
FIRST = ("Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia", "Aline",
         "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos")
LAST = ("da Silva", "dos Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
        "Gomes", "Ribeiro", "Carvalho", "Almeida", "Nascimento de Albuquerque")
STEPS = ("signup", "welcome", "birthday", "post_sale", "reactivation", "reward_reached", "points_expiring")
OUTCOMES = ((c.SENT, "", ""), (c.PLANNED, "", ""), (c.FAILED, "gave_up", "451 4.7.1 Try again later"),
            (c.UNCERTAIN, "no_reply", ""), (c.EXPIRED, "too_late", ""), (c.SUPPRESSED, "no_consent", ""),
            (c.PLANNED, "frequency_cap", ""), (c.DONE, "", ""))


def made_up_rows(n: int, seed: int) -> list[MessageRow]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        status, reason, error = rnd.choice(OUTCOMES)
        done = datetime(2026, 11, 24, 12, tzinfo=UTC) - timedelta(minutes=rnd.randrange(60 * 24 * 30)) \
            if status not in (c.PLANNED, c.HELD) else None
        rows.append(MessageRow(seed * 100_000 + i, rnd.randrange(1, 100_001),
                               f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {rnd.choice(LAST)}", "x@example.com",
                               rnd.choice(STEPS), rnd.choice((c.EMAIL, c.EMAIL, c.WHATSAPP, c.TASK)), status,
                               DAY - timedelta(days=rnd.randrange(30)), done, rnd.randrange(4), reason, error))
    return rows


def old_table(view: MessagesView) -> QTableWidget:
    """The table as it was: a QTableWidget with the same columns and resize modes."""
    table = QTableWidget(0, 6)
    table.setHorizontalHeaderLabels([view.model.headerData(i, Qt.Orientation.Horizontal) for i in range(6)])
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    table.setWordWrap(False)
    for col in range(5):
        table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def old_refill(table: QTableWidget, rows: list[MessageRow], timezone: str) -> None:
    """The old `_loaded`: one item per cell."""
    table.setRowCount(len(rows))
    for i, r in enumerate(rows):
        for col, text in enumerate(message_cells(r, timezone)):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            table.setItem(i, col, item)


def timed(refill, widget) -> float:
    """Seconds from the refill's start until the events it caused (layout, the repaint of the shown
    window) are processed: the GUI thread is busy, the window frozen, all along."""
    app = QCoreApplication.instance()
    widget.repaint()  # nothing painted before counts
    started = time.perf_counter()
    refill()
    app.processEvents()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline-rows", type=int, default=500, help="0 skips the (slow) old way")
    args = parser.parse_args()
    app = application()
    install_language("pt_BR", "BR")
    folder = Path(tempfile.mkdtemp(prefix="regua-bench-messages-"))
    paths = resolve_paths(db=folder / "shop.db")
    shop.open_shop(paths, create=True)
    settings = shop.save_shop_settings(ShopSettings.for_country("Ateliê Teste", "BR"))
    tasks = TaskRunner(app)
    view = MessagesView(tasks, settings, Actor(None, "bench", OWNER), lambda: DAY, paths)
    view.resize(1040, 640)
    view.show()
    app.processEvents()

    view._loaded(made_up_rows(args.rows, 0))  # the first visit (not the one that froze)
    app.processEvents()
    model_times = []
    for n in range(1, args.repeat + 1):
        rows = made_up_rows(args.rows, n)
        model_times.append(timed(lambda rows=rows: view._loaded(rows), view))
    print(f"Messages screen: refill of {args.rows} rows, painted, {args.repeat} times")
    print(f"  model (now)       : median {statistics.median(model_times) * 1000:8.1f} ms   "
          f"worst {max(model_times) * 1000:8.1f} ms   (target < 50 ms)")

    if args.baseline_rows:
        table = old_table(view)
        table.resize(1040, 560)
        table.show()
        old_refill(table, made_up_rows(args.baseline_rows, 0), settings.timezone)
        app.processEvents()
        rows = made_up_rows(args.baseline_rows, 99)
        seconds = timed(lambda: old_refill(table, rows, settings.timezone), table)
        print(f"  setItem per cell  : {seconds * 1000:8.1f} ms for {args.baseline_rows} rows   (baseline, the old way)")
        table.close()
    ok = max(model_times) < 0.05
    print(f"  {'OK' if ok else 'MISSED'}")
    view.close()
    tasks.wait()
    close_database()


if __name__ == "__main__":
    main()
