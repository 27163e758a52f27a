"""The window's heavy jobs, and the loop of the work process that runs them out of the window's process.

The day's planning (`daily.run_daily`, `planner.plan`), an import's read, check and commit, and sending
the due e-mails run in a child process (`gui/common/work_process.py` starts it), so that their long
Python work never holds the window's interpreter lock. The child opens the same database (a file or a
server's URL, through `open_database(target)`) and writes through the same services, each job in its
own transactions, exactly as on a lane.

The import's big objects stay here between its steps: `read_import` keeps the whole table and hands
back its first rows only, `check_import` keeps the plan and hands back counts, the first problem rows
and the first possible duplicates as plain tuples, `commit_import` writes the plan it kept. So only
small results ever cross the pipe. Each function runs the same in the child or, in tests (and with
`TaskRunner(synchronous=True)`), on the calling lane's thread.

No Qt here: the child never loads it. `serve` is the child's loop; the pipe's other end is in
work_process.py, which decides the messages:

    parent -> child: ("call", function, args, kwargs, wants_progress), ("cancel",), ("stop",)
    child -> parent: ("progress", done, total), ("done", result), ("failed", exception's class, args,
                     attributes, traceback text) or ("bug", text) when the exception cannot cross
"""

from __future__ import annotations

import logging
import pickle
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import ReguaError
from desktop_app.services.spreadsheets.import_types import Cancelled, ImportOptions, ImportPlan, Progress

if TYPE_CHECKING:  # the window loads this module at its start: the readers and services load with their job
    from desktop_app.domain.actors import Actor
    from desktop_app.services.shop.shop import ShopSettings
    from desktop_app.services.spreadsheets.spreadsheet import Table

log = logging.getLogger(__name__)

PROBLEM_ROWS = 5000  # the problem rows the wizard shows (the rest go to the saved spreadsheet)
DUPLICATE_ROWS = 2000  # the possible duplicates it lists for a decision
PROGRESS_EVERY_S = 0.05  # at most 20 progress messages a second

Translations = Mapping[tuple[str, str], str]  # (context, English text) -> the user's language


# --- the jobs ------------------------------------------------------------------------------------------

def run_daily(today: date, feb29_rule: str) -> dict[str, int]:
    from desktop_app.services.loyalty import daily

    return daily.run_daily(today, feb29_rule=feb29_rule)


def plan_and_list_day(today: date, shop: ShopSettings) -> tuple:
    """Today's screen: the day planned, and what waits (its 1,600-3,500 rows read here too: reading them
    into Python objects is 150 ms of Python, which on a lane would hold the window's interpreter lock)."""
    from desktop_app.services.cadence import planner

    return planner.plan(today, shop=shop), planner.today_items(today)


def send_due(today: date, shop: ShopSettings, only: list[int] | None = None) -> dict[str, int]:
    from desktop_app.services.mail import sender

    return sender.send_due(today, shop=shop, only=only)


_held: dict[str, Any] = {}  # the import under way: its whole table ("table", "key") and its plan ("plan")


def read_import(path: str, sheet: str | None) -> Table:
    """Read the file and keep it; the answer is the table's first rows only (what the wizard shows)."""
    from desktop_app.services.spreadsheets.spreadsheet import Table, read_table

    _held.clear()
    table = read_table(path, sheet)
    _held["table"], _held["key"] = table, (path, sheet)
    return Table(table.file_name, table.sheet, table.sheets, list(table.head), table.header_index,
                 table.date1904, None, table.row_count)


@dataclass(frozen=True, slots=True)
class ImportCheck:
    """What the wizard shows of a check: counts, the first problem rows (row, column, value, severity,
    message in the user's language) and the first possible duplicates (row, name in the file, name in
    Régua, same person)."""

    rows: int
    created: int
    updated: int
    merged: int
    skipped: int
    errors: int
    warnings: int
    problems: list[tuple[str, str, str, str, str]]
    duplicates: list[tuple[int, str, str, bool]]
    duplicate_count: int


def check_import(path: str, sheet: str | None, header_index: int, options: ImportOptions, shop: ShopSettings,
                 today: date, translations: Translations, progress: Progress | None = None) -> ImportCheck:
    """Plan the import of the table read last (read again if this process does not hold it) and keep the
    plan for `commit_import`; nothing is written."""
    from desktop_app.domain.importing import issue_message
    from desktop_app.services.spreadsheets import import_plan

    _held.pop("plan", None)
    if _held.get("key") != (path, sheet):
        read_import(path, sheet)
    table: Table = _held["table"]
    table.header_index = header_index
    plan = import_plan.plan_import(table, shop, today, options, progress)
    _held["plan"] = plan
    report = plan.report(None, True)  # counts only: the messages of the rows shown are written below
    translate = _translator(translations)
    errors = sum(1 for i in plan.issues if i.severity == "error")
    problems = [(str(i.row), i.column, i.value, i.severity, issue_message(i, translate))
                for i in plan.issues[:PROBLEM_ROWS]]
    duplicates = [(d.row, d.name, d.existing_name, d.same_person) for d in plan.possible_duplicates[:DUPLICATE_ROWS]]
    return ImportCheck(report["rows"], report["created"], report["updated"], report["merged"], report["skipped"],
                       errors, len(plan.issues) - errors, problems, duplicates, len(plan.possible_duplicates))


def commit_import(actor: Actor, shop: ShopSettings, today: date, progress: Progress | None = None) -> int:
    """Write the plan `check_import` kept (all or nothing); the import's batch id."""
    from desktop_app.services.spreadsheets import import_write

    plan: ImportPlan | None = _held.get("plan")
    if plan is None:  # a fresh work process (the last one stopped): the check must run again
        raise ReguaError("work_process_stopped")
    batch = import_write.commit_import(plan, actor=actor, shop=shop, today=today, progress=progress)
    _held.clear()
    return batch


def save_problem_rows(target: str, translations: Translations) -> int:
    """The checked plan's problem rows as a spreadsheet at `target` (see import_plan.save_problem_rows)."""
    from desktop_app.services.spreadsheets import import_plan

    plan: ImportPlan | None = _held.get("plan")
    if plan is None:
        raise ReguaError("work_process_stopped")
    return import_plan.save_problem_rows(_held["table"], plan, Path(target), _translator(translations))


def forget_import() -> None:
    """The wizard closed: drop the table and the plan it kept here."""
    _held.clear()


def _translator(translations: Translations) -> Callable[[str, str], str]:
    return lambda context, text: translations.get((context, text), text)


# --- the child's loop ------------------------------------------------------------------------------------

class _Progress:
    """A job's `progress(done, total)` in the child: tells the parent (at most every 50 ms) and raises
    Cancelled once the parent said cancel."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.sent = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.sent < PROGRESS_EVERY_S and done < total:
            return
        self.sent = now
        while self.conn.poll():
            if self.conn.recv()[0] == "cancel":
                raise Cancelled
        self.conn.send(("progress", done, total))


def failure(exc: BaseException) -> tuple:
    """An exception as a message that crosses the pipe: its class, args and attributes (a ReguaError keeps
    its code and parameters), and its traceback as text for the bug report."""
    text = "".join(traceback.format_exception(exc))
    message = ("failed", type(exc), exc.args, dict(getattr(exc, "__dict__", {})), text)
    try:
        pickle.dumps(message)
    except Exception:  # noqa: BLE001 - its class or attributes cannot cross: the text does
        return ("bug", text)
    return message


def rebuilt(message: tuple) -> BaseException:
    """The exception `failure` sent, as the same type, with the child's traceback as a note."""
    _, cls, args, attributes, text = message
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(attributes)
    exc.add_note("In Régua's work process:\n" + text)
    return exc


def serve(conn, target: str, initializer: tuple[Callable[..., Any], tuple] | None = None) -> None:
    """The work process: open the database at `target`, then run each job it is sent, in order, until
    told to stop or the window's process goes away."""
    from desktop_app.db.database import close_database, open_database

    if initializer is not None:
        initializer[0](*initializer[1])
    open_database(target, create=False)
    try:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                return  # the window's process ended
            if message[0] == "stop":
                return
            if message[0] != "call":
                continue  # a cancel that came after its job ended
            _, fn, args, kwargs, wants_progress = message
            if wants_progress:
                kwargs = {**kwargs, "progress": _Progress(conn)}
            try:
                answer = ("done", fn(*args, **kwargs))
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the window
                answer = failure(exc)
            try:
                conn.send(answer)
            except (EOFError, OSError):
                return
            except Exception as exc:  # noqa: BLE001 - a result that cannot cross is a bug to report
                conn.send(failure(exc))
    finally:
        close_database()


def database_target() -> str:
    """What the window's process has open, for the child to open the same."""
    from desktop_app.db.database import opened_target

    target = opened_target()
    if target is None:
        raise RuntimeError("no database is open for the work process to open")
    return target
