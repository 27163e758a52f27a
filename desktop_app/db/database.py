"""The database handle and the pragmas every connection of every thread gets.

`database` is deferred (`SqliteDatabase(None)`) and bound by `open_database`. peewee keeps one
connection per thread and applies `pragmas` each time it opens one, so the GUI thread, the worker
lane and the command line all run with WAL, foreign keys, synchronous=FULL and a busy timeout.

Every transaction takes the write lock up front (`BEGIN IMMEDIATE`, the handle's default lock type, so
every `database.atomic()` in the code gets it): a deferred transaction that reads and then writes cannot
wait for the lock, SQLite fails it at once with "database is locked". Waiting happens at BEGIN, before
any of the unit ran, so taking the lock is retried (the whole unit, bounded by `WRITE_WAIT_S`) while
another program holds it, e.g. a long import. A statement outside a transaction is its own unit and is
retried the same way. What stays busy past the bound is raised as `DatabaseBusy`, a ReguaError with
a plain message ("db_busy"), never a traceback.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import OperationalError, SqliteDatabase

from ..domain.errors import DatabaseError

BUSY_TIMEOUT_MS = 5000
WRITE_WAIT_S = 60.0  # how long a write waits in all for the lock (an import of 150,000 rows holds it ~20 s)

PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", 2),  # FULL: a power cut never loses a committed transaction
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("secure_delete", 1),  # erased customers' bytes are overwritten, not left in free pages
    ("cache_size", -32000),  # 32 MB page cache per connection
    ("temp_store", 2),
)



class DatabaseBusy(DatabaseError, OperationalError):
    """Another program held the write lock for longer than this unit could wait. Nothing of the unit
    was written. A ReguaError (shown in plain words by the GUI and the command line) that code written
    for peewee still recognises as an OperationalError."""

    def __init__(self) -> None:
        DatabaseError.__init__(self, "db_busy")


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" / "database is busy", wrapped or not."""
    if isinstance(exc, DatabaseBusy):
        return True
    if isinstance(exc, OperationalError | sqlite3.OperationalError):
        text = str(exc).lower()
        return "database is locked" in text or "database is busy" in text or "database table is locked" in text
    return False


def busy_error(exc: BaseException) -> DatabaseBusy | None:
    """The plain-words error for `exc` or any exception it came from, when it is a busy database."""
    seen = 0
    while exc is not None and seen < 10:
        if is_busy(exc):
            return exc if isinstance(exc, DatabaseBusy) else DatabaseBusy()
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


class _Sqlite(SqliteDatabase):
    """peewee's SqliteDatabase whose transactions take the write lock up front, waiting for it."""

    def begin(self, lock_type: str | None = None, wait: float | None = None) -> None:
        """BEGIN IMMEDIATE (unless told otherwise), retried for up to `wait` seconds (WRITE_WAIT_S by
        default) while another connection holds the write lock; each try waits the busy timeout."""
        deadline = time.monotonic() + (WRITE_WAIT_S if wait is None else wait)
        while True:
            try:
                super().begin(lock_type)
                return
            except OperationalError as exc:
                if not is_busy(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise DatabaseBusy() from exc
                time.sleep(0.05)

    def execute_sql(self, sql, params=None):
        """A statement on its own (outside any transaction) is a unit of its own: retried while busy, as
        a BEGIN is; inside a transaction the lock is already held, so busy there is raised as it is."""
        deadline = None
        while True:
            try:
                return super().execute_sql(sql, params)
            except OperationalError as exc:
                if not is_busy(exc):
                    raise
                if self.in_transaction() or self._state.conn is not None and self._state.conn.in_transaction:
                    raise DatabaseBusy() from exc
                deadline = deadline or time.monotonic() + WRITE_WAIT_S
                if time.monotonic() >= deadline:
                    raise DatabaseBusy() from exc
                time.sleep(0.05)

    def commit(self) -> None:
        try:
            super().commit()
        except OperationalError as exc:
            if is_busy(exc):
                raise DatabaseBusy() from exc
            raise


database = _Sqlite(None, pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000, autoconnect=True, lock_type="IMMEDIATE")


def open_database(path: str | Path, *, create: bool = True) -> SqliteDatabase:
    """Bind the shared handle to `path` and check that the file really is a SQLite database.

    Raises DatabaseError with a plain message for a missing, unreadable or damaged file.
    """
    path = Path(path)
    check_file(path, create=create)
    if not database.is_closed():
        database.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    database.init(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        database.connect(reuse_if_open=True)
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (PeeweeDatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        if isinstance(exc, OperationalError) and "locked" in str(exc):
            raise DatabaseError("db_busy") from exc
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise DatabaseError("db_corrupt", path=path) from exc
        raise DatabaseError("db_unreadable", path=path, reason=exc) from exc
    return database


def check_file(path: Path, *, create: bool) -> None:
    """Refuse a missing (unless creating) or non-SQLite file before any connection could change it."""
    if not path.exists():
        if not create:
            raise DatabaseError("db_not_found", path=path)
        return
    if path.is_dir():
        raise DatabaseError("db_unreadable", path=path, reason="it is a folder")
    if path.stat().st_size > 0:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise DatabaseError("db_corrupt", path=path)


def peek_user_version(path: Path) -> tuple[int, int] | None:
    """(user_version, number of tables) read through a read-only connection, or None for a new file.

    Lets the version check refuse a newer database before a read-write connection (which switches the
    file to WAL) has touched a single byte of it.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseError("db_busy") from exc
        raise DatabaseError("db_corrupt", path=path) from exc
    return version, tables


IN_CHUNK = 5000  # bound parameters per IN (...): SQLite allows 32766 since 3.32


def chunks(values: Iterable, size: int = IN_CHUNK) -> Iterator[list]:
    """`values` in lists of at most `size`, for IN (...) lists of plain SQL."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def marks(n: int) -> str:
    """`n` parameter markers for an IN (...) list."""
    return ", ".join([database.param] * n)


def close_database() -> None:
    if database.database is not None and not database.is_closed():
        database.close()


def database_path() -> Path | None:
    return Path(database.database) if database.database else None


def current_pragmas() -> dict[str, object]:
    """The pragmas of this thread's connection, as SQLite reports them."""
    return {
        name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout", "secure_delete")
    }


def integrity_check(path: str | Path) -> str:
    """'ok' or SQLite's first complaint, read through a separate read-only connection."""
    uri = f"file:{Path(path).as_posix()}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            return con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
