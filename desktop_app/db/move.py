"""A whole shop copied from one database into another, on either engine: `regua move-to` (a file's shop to a
server, a server's back to a file, a file to another file) and a restore onto a server.

What is copied is every table of the ladder's schema at HEAD, every row with its ids, parents before
children (a server checks foreign keys at each statement); then the target's ids continue after the highest
(PostgreSQL's identity sequences), and every table is checked: its row count and a checksum of its rows read
back in key order, each row as the text of its values (`Tally`), computed in Python the same way on both sides.
The source's tally is taken from the very rows that were copied, so the source is read once, through a
read-only connection in one snapshot (SQLite: `mode=ro`; PostgreSQL: a READ ONLY transaction).

All or nothing: a file target is written as a new work file beside it and renamed into place only once its
check passed; a server target is filled in one transaction (its schema too: PostgreSQL's DDL is
transactional) that commits only once the check passed. A source of an older version is upgraded in a copy
first (restore.stage), never in place.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path

from peewee import Database
from peewee import DatabaseError as PeeweeDatabaseError

from desktop_app.db import restore as restore_db
from desktop_app.db import sqlite_engine
from desktop_app.db.database import engine_for, engine_of
from desktop_app.db.engine import Engine, Target, parse_target
from desktop_app.db.migrations import HEAD, build_schema
from desktop_app.db.sqlite_engine import SQLITE, discard, side_files
from desktop_app.domain.errors import DatabaseError, ReguaError

Rows = Callable[[str], Iterable[tuple]]
# (phase, rows done, rows in all): phase is COPYING or CHECKING; called on the worker's thread
Progress = Callable[[str, int, int], None]
COPYING, CHECKING = "copying", "checking"
BATCH = 2000
CACHE_MB = 256  # a file target's page cache while it fills (most of a 100,000-customer shop's indexes)


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]  # the order its rows are read in: the primary key (every column if it has none)

    def select(self) -> str:
        names = ", ".join(f'"{c}"' for c in self.columns)
        order = ", ".join(f'"{c}"' for c in self.key)
        return f'SELECT {names} FROM "{self.name}" ORDER BY {order}'

    def count(self) -> str:
        return f'SELECT count(*) FROM "{self.name}"'


@cache
def tables(version: int = HEAD) -> tuple[Table, ...]:
    """The shop's tables at `version`, as the ladder builds them, each after the tables it refers to."""
    db = SQLITE.scratch()
    try:
        build_schema(db, version)
        columns = sqlite_engine.table_columns(db)
        refers = sqlite_engine.references(db)
        schema = sqlite_engine.schema_of(db.connection())
    finally:
        db.close()
    ordered: list[str] = []

    def place(name: str) -> None:
        if name in ordered:
            return
        for parent in sorted(refers.get(name, ())):
            place(parent)
        ordered.append(name)

    for name in columns:
        place(name)
    found = []
    for name in ordered:
        key = tuple(c[0] for c in sorted((c for c in schema[name][1] if c[4]), key=lambda c: c[4]))
        found.append(Table(name, tuple(columns[name]), key or tuple(columns[name])))
    return tuple(found)


# --- the checksum ---------------------------------------------------------------------------------------------


class Tally:
    """A table's row count and SHA-256 over its rows in the order read, each row as the text of its values'
    literals (`repr` of the tuple, in C: ~0.3 µs a row where a value-by-value Python function took ~5):
    texts quoted and escaped, numbers as digits, NULL as None, so a NULL, an empty text, 0 and '0' stay apart
    and no two rows run together. Both engines hand the same Python values for the same data (dates and
    times are the same ISO text on both, integers 64-bit ints), so equal digests mean equal rows."""

    __slots__ = ("_hash", "rows")

    def __init__(self) -> None:
        self.rows = 0
        self._hash = hashlib.sha256()

    def feed(self, rows: Iterable[tuple], seen: Callable[[int], None] | None = None) -> Iterator[tuple]:
        """`rows`, passed on one by one, each counted and hashed; `seen(n)` after each batch of n."""
        rows = iter(rows)
        while chunk := list(islice(rows, BATCH)):
            self._take(chunk, seen)
            yield from chunk

    def consume(self, rows: Iterable[tuple], seen: Callable[[int], None] | None = None) -> Tally:
        rows = iter(rows)
        while chunk := list(islice(rows, BATCH)):
            self._take(chunk, seen)
        return self

    def _take(self, chunk: list, seen) -> None:
        # both engines' drivers give rows as tuples: one repr per row, all in C
        self._hash.update(("\n".join(map(repr, chunk)) + "\n").encode("utf-8", "backslashreplace"))
        self.rows += len(chunk)
        if seen is not None:
            seen(len(chunk))

    @property
    def digest(self) -> str:
        return self._hash.hexdigest()


@dataclass(frozen=True, slots=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_sum: str
    target_sum: str

    @property
    def ok(self) -> bool:
        return self.source_rows == self.target_rows and self.source_sum == self.target_sum


@dataclass(frozen=True, slots=True)
class MoveResult:
    source: str  # as a message may show them (no password)
    target: str
    version: int  # the schema version on both sides
    upgraded_from: int | None  # the source's version when its copy had to be upgraded first
    checks: tuple[TableCheck, ...]

    @property
    def rows(self) -> int:
        return sum(c.target_rows for c in self.checks)

    def count(self, table: str) -> int:
        return next(c.target_rows for c in self.checks if c.table == table)


# --- copying and checking -------------------------------------------------------------------------------------


class _Counter:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress, self.phase = total, 0, progress, COPYING

    def start(self, phase: str) -> None:
        self.phase, self.done = phase, 0
        if self.progress is not None:
            self.progress(phase, 0, self.total)

    def seen(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(self.phase, self.done, self.total)


def _total(read: Rows, layout: Iterable[Table]) -> int:
    return sum(next(iter(read(t.count())))[0] for t in layout)


def _copy(read: Rows, engine: Engine, db: Database, layout: tuple[Table, ...], counter: _Counter,
          where: list[str]) -> dict[str, Tally]:
    counter.start(COPYING)
    tallies = {}
    for table in layout:
        where[0] = table.name
        tally = tallies[table.name] = Tally()
        engine.load_rows(db, table.name, table.columns, tally.feed(read(table.select()), counter.seen))
    where[0] = ""
    engine.continue_ids(db)
    engine.after_load(db)  # PostgreSQL: ANALYZE, so the first searches after the move use the indexes
    return tallies


def _check(read: Rows, layout: tuple[Table, ...], source: dict[str, Tally], counter: _Counter) -> list[TableCheck]:
    counter.start(CHECKING)
    checks = []
    for table in layout:
        mine = Tally().consume(read(table.select()), counter.seen)
        theirs = source[table.name]
        checks.append(TableCheck(table.name, theirs.rows, mine.rows, theirs.digest, mine.digest))
    bad = [c for c in checks if not c.ok]
    if bad:
        raise ReguaError("move_check_failed", table=bad[0].table, source=bad[0].source_rows, target=bad[0].target_rows)
    return checks


def _failed(exc: BaseException, where: list[str]) -> ReguaError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ReguaError("move_failed", table=where[0] or "-", reason=reason)


# --- what stands where the shop goes -------------------------------------------------------------------------

EMPTY, EMPTY_SHOP_SCHEMA = "empty", "schema"


def target_state(target: Target) -> str:
    """EMPTY (nothing there: no file, an empty file, a database without tables) or EMPTY_SHOP_SCHEMA
    (this version's tables, all without rows, as a server's `regua init` before its shop is saved may leave
    it). Anything else is refused, saying what is there; nothing is written."""
    engine = engine_of(target)
    if target.is_file:
        if target.path.is_dir():
            raise DatabaseError("db_unreadable", path=target.path, reason="it is a folder")
        if not target.path.exists() or target.path.stat().st_size == 0:
            return EMPTY
    found = engine.peek_version(target)
    if found is None or found == (0, 0):
        return EMPTY
    version, count = found
    if version != HEAD:
        raise ReguaError("move_target_not_empty", target=str(target), tables=count)
    with engine.snapshot(target) as read:
        rows = {t.name: next(iter(read(t.count())))[0] for t in tables()}
    if any(rows.values()):
        raise ReguaError("move_target_has_shop", target=str(target), customers=rows.get("customer", 0))
    return EMPTY_SHOP_SCHEMA


# --- the source --------------------------------------------------------------------------------------------


@contextmanager
def source_rows(source: Target, work: Path) -> Iterator[tuple[Rows, int | None]]:
    """(rows, upgraded_from): a read-only snapshot of the shop at `source` at HEAD: the shop itself when it
    is at HEAD, else a copy of it (made in `work`) upgraded there. Refuses what is not a Régua shop."""
    engine = engine_of(source)
    found = engine.peek_version(source)
    if found is None or found[0] < 1:
        raise ReguaError("move_not_a_shop", source=str(source))
    version = found[0]
    if version > HEAD:
        raise DatabaseError("db_too_new", found=version, known=HEAD)
    upgraded, copy = None, None
    if source.is_file:
        if version < HEAD:
            copy = source.path
    else:
        # An older shop is read from an upgraded copy; a server's whose phones have their own index, from its
        # backup copy, which has the phone terms a file (or a server without that index) finds phones by.
        db = engine.open(source)
        try:
            if version < HEAD or engine.phone_digits_indexed(db):
                copy = work / "source-copy.db"
                engine.backup(db, copy)
        finally:
            db.close()
    if copy is not None:
        if version < HEAD:
            source, upgraded = Target("sqlite", restore_db.stage(copy, work / "source-upgraded.db")), version
        else:
            source = Target("sqlite", copy)
        engine = SQLITE
    with engine.snapshot(source) as read:
        if not next(iter(read("SELECT count(*) FROM setting WHERE key = 'shop'")))[0]:
            raise ReguaError("move_not_a_shop", source=str(source))
        yield read, upgraded


# --- into a file, into a server ------------------------------------------------------------------------------


def _into_file(read: Rows, dest: Path, progress: Progress | None) -> list[TableCheck]:
    layout = tables()
    work = dest.with_name(dest.name + ".moving")
    where = [""]
    discard(work)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        counter = _Counter(_total(read, layout), progress)
        db = sqlite_engine.staging_handle(work)
        try:
            # one transaction, one sync of the file; a big shop's index pages stay in memory while it fills
            with SQLITE.large_cache(db, CACHE_MB), db.atomic():
                build_schema(db, HEAD)
                tallies = _copy(read, SQLITE, db, layout, counter, where)
        finally:
            db.close()
        result = sqlite_engine.integrity(work, live=False)
        if result != "ok":
            raise ReguaError("move_failed", table="-", reason=result)
        with SQLITE.snapshot(Target("sqlite", work)) as mine:
            checks = _check(mine, layout, tallies, counter)
        for f in side_files(work):
            f.unlink(missing_ok=True)
        os.replace(work, dest)
    except ReguaError:
        discard(work)
        raise
    except (OSError, PeeweeDatabaseError, *SQLITE.errors) as exc:
        discard(work)
        raise _failed(exc, where) from exc
    except BaseException:
        discard(work)
        raise
    return checks


def _into_server(read: Rows, target: Target, state: str, progress: Progress | None) -> list[TableCheck]:
    engine = engine_of(target)
    layout = tables()
    where = [""]
    counter = _Counter(_total(read, layout), progress)
    db = engine.open(target)
    try:
        with db.atomic():
            if state == EMPTY:
                if engine.table_count(db):
                    raise ReguaError("move_target_not_empty", target=str(target), tables=engine.table_count(db))
                build_schema(db, HEAD)
            else:
                with engine.reading(db) as mine:
                    if _total(mine, layout):
                        raise ReguaError("move_target_has_shop", target=str(target), customers="?")
            tallies = _copy(read, engine, db, layout, counter, where)
            with engine.reading(db) as mine:
                checks = _check(mine, layout, tallies, counter)
    except ReguaError:
        raise
    except (PeeweeDatabaseError, *engine.errors) as exc:
        raise _failed(exc, where) from exc
    finally:
        db.close()
    return checks


def move(source: str | Path, target: str | Path, progress: Progress | None = None) -> MoveResult:
    """Copy the shop at `source` into the empty database at `target` (paths or URLs) and check every
    table. The source is only read; on any failure the target is left as empty as it was."""
    src, dest = parse_target(source), parse_target(target)
    if src.is_file and dest.is_file and src.path.resolve() == dest.path.resolve() or \
            not src.is_file and not dest.is_file and src.url == dest.url:
        raise ReguaError("move_onto_source")
    state = target_state(dest)
    with tempfile.TemporaryDirectory(prefix="regua-move-") as scratch, \
            source_rows(src, Path(scratch)) as (read, upgraded):
        if dest.is_file:
            checks = _into_file(read, dest.path, progress)
        else:
            checks = _into_server(read, dest, state, progress)
    return MoveResult(str(src), str(dest), HEAD, upgraded, tuple(checks))


def replace_rows(db: Database, copy: Path, progress: Progress | None = None) -> list[TableCheck]:
    """A restore onto a server: every row of the open server shop `db` (at HEAD) replaced by the rows of the
    checked SQLite file `copy` (at HEAD), checked table by table, in the caller's transaction."""
    engine = engine_for(db)
    layout = tables()
    where = [""]
    with SQLITE.snapshot(Target("sqlite", Path(copy))) as read:
        counter = _Counter(_total(read, layout), progress)
        try:
            engine.empty_tables(db, [t.name for t in layout])
            tallies = _copy(read, engine, db, layout, counter, where)
            with engine.reading(db) as mine:
                return _check(mine, layout, tallies, counter)
        except (PeeweeDatabaseError, *engine.errors) as exc:
            raise _failed(exc, where) from exc
