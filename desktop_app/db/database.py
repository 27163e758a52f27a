"""The database handle and the pragmas every connection of every thread gets.

`database` is deferred (`SqliteDatabase(None)`) and bound by `open_database`. peewee keeps one
connection per thread and applies `pragmas` each time it opens one, so the GUI thread, the worker
lane and the command line all run with WAL, foreign keys, synchronous=FULL and a busy timeout.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import OperationalError, SqliteDatabase

from ..domain.errors import DatabaseError

BUSY_TIMEOUT_MS = 5000

PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", 2),  # FULL: a power cut never loses a committed transaction
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("secure_delete", 1),  # erased customers' bytes are overwritten, not left in free pages
    ("cache_size", -32000),  # 32 MB page cache per connection
    ("temp_store", 2),
)

database = SqliteDatabase(None, pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000, autoconnect=True)


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
