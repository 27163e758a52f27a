"""The database handle: a `DatabaseProxy` the models bind, and `open_database(target)`, which binds it.

A target is a file path (the default) or a database URL (`sqlite:///path`, `postgresql://...`), see
domain/target.py. The engine of the open database does
everything engine-specific: the settings every connection of every thread gets, the write lock each
transaction takes up front with its bounded wait (sqlite_engine.py, postgres_engine.py), backups, ids, conflict clauses and
planner hints. Code in db/ asks it through `engine()`; code above db/ never needs to know which it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from peewee import Database, DatabaseProxy, Field, Insert

from desktop_app.db.engine import Engine, EngineNotSupported, Target, handle_of, parse_target
from desktop_app.db.sqlite_engine import SQLITE, DatabaseBusy

__all__ = ["DatabaseBusy", "EngineNotSupported", "busy_error", "checkpoint", "chunks", "close_database",
           "current_pragmas", "database", "database_path", "engine", "hint", "integrity_check", "is_busy", "marks",
           "open_database", "set_thread_guard", "upsert", "write"]

ENGINES: dict[str, Engine] = {SQLITE.name: SQLITE}  # the engines loaded so far
# A server engine is loaded the first time its target is opened: a shop on a file never imports its
# driver's module (nor needs its client library in the bundle).
SERVER_SCHEMES = ("postgresql",)
_ladder = None  # the migration ladder (migrations.build_schema), for engines whose backups it builds

class _Proxy(DatabaseProxy):
    """peewee's proxy, whose `atomic()` is the open handle's own: peewee's builds a plain unit around the
    proxy, so an engine's unit (PostgreSQL's, which turns a connection the server closed under a COPY or a
    raw cursor into the typed "db_server_down") was never the one used."""

    def atomic(self, *args, **kwargs):
        if self.obj is None:
            return super().atomic(*args, **kwargs)
        return self.obj.atomic(*args, **kwargs)


database = _Proxy()
_engine: Engine = SQLITE  # the engine of the open database (SQLite until something else is opened)


def engine() -> Engine:
    return _engine


def engine_for(db: Database) -> Engine:
    """The engine of a handle (the proxy, or an engine's own handle such as a backup's work file)."""
    handle = handle_of(db)
    for candidate in ENGINES.values():
        if candidate.owns(handle):
            return candidate
    raise TypeError(f"no engine owns {type(handle).__name__}")


def write(*, wait: float | None = None):
    """One unit of work that takes the write lock up front (SQLite: BEGIN IMMEDIATE; PostgreSQL: a row
    lock on the schema row), waiting for it at most `wait` seconds (the engine's bound by default), so that
    what it reads is still true when it writes. Every `database.atomic()` is one too; this names it."""
    return database.atomic() if wait is None else database.atomic(wait=wait)


def register_ladder(build) -> None:
    """migrations.py hands over its ladder (it imports this module, so this one cannot import it)."""
    global _ladder
    _ladder = build
    for loaded in ENGINES.values():
        if hasattr(loaded, "ladder"):
            loaded.ladder = build


def engine_of(target: Target) -> Engine:
    found = ENGINES.get(target.scheme)
    if found is None and target.scheme in SERVER_SCHEMES:
        from desktop_app.db import postgres_engine  # here: only a server's shop needs its driver

        found = ENGINES[target.scheme] = postgres_engine.ENGINE
        if hasattr(found, "ladder"):
            found.ladder = _ladder
    if found is None:
        raise EngineNotSupported(target.scheme, str(target))
    return found


def open_database(target: str | Path, *, create: bool = True) -> Database:
    """Bind the shared handle to the database at `target` (a path or a URL) and check that it really is
    a database of its engine. Raises DatabaseError with a plain message for a missing, unreadable or
    damaged file, and EngineNotSupported for a server this Régua has no engine for."""
    global _engine
    parsed = parse_target(target)
    chosen = engine_of(parsed)
    chosen.check(parsed, create=create)
    close_database()
    handle = chosen.open(parsed)
    _watch_statements(handle)
    _engine = chosen
    database.initialize(handle)
    global _opened
    _opened = parsed.url if parsed.url is not None else str(parsed.path)
    return database


_opened: str | None = None  # what open_database opened last (a path, or a server's URL as given)


def opened_target() -> str | None:
    """The target of the open database, for another process to open the same (the window's work process)."""
    return _opened


def preflight_version(target: str | Path) -> tuple[int, int] | None:
    """(schema version, number of tables) of the database at `target` read without writing a byte, or None
    for a new one."""
    parsed = parse_target(target)
    return engine_of(parsed).peek_version(parsed)


def check_file(path: str | Path, *, create: bool) -> None:
    """Refuse a missing (unless creating) or foreign database before any connection could change it."""
    parsed = parse_target(path)
    engine_of(parsed).check(parsed, create=create)


def peek_user_version(path: Path) -> tuple[int, int] | None:
    return preflight_version(path)


def is_busy(exc: BaseException) -> bool:
    """True when `exc` says another connection holds the lock, wrapped or not."""
    return isinstance(exc, DatabaseBusy) or any(e.is_busy(exc) for e in ENGINES.values())


def busy_error(exc: BaseException) -> DatabaseBusy | None:
    """The plain-words error for `exc` or any exception it came from, when it is a busy database."""
    seen = 0
    while exc is not None and seen < 10:
        if is_busy(exc):
            return exc if isinstance(exc, DatabaseBusy) else DatabaseBusy()
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


IN_CHUNK = 5000  # bound parameters per IN (...): SQLite allows 32766 since 3.32


def chunks(values: Iterable, size: int = IN_CHUNK) -> Iterator[list]:
    """`values` in lists of at most `size`, for IN (...) lists of plain SQL."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def marks(n: int) -> str:
    """`n` parameter markers for an IN (...) list."""
    return ", ".join([database.param] * n)


def one_of(column: str, values: Sequence[object]) -> tuple[str, list]:
    """`column` is one of `values`, in the open engine's fastest words: (the condition, its parameters)."""
    return _engine.one_of(column, values)


def hint(index: str) -> str:
    """The open engine's hint naming the index a query walks ('' where it takes none)."""
    return _engine.indexed_by(index)


def upsert(query: Insert, key: Sequence[Field], update: Sequence[Field]) -> Insert:
    """`query` writing over the row with the same `key` (its `update` columns take the new values), in the
    open engine's words."""
    return _engine.upsert(query, key, update)


def checkpoint() -> None:
    """Fold what the engine keeps aside (SQLite's write-ahead log) into the database file, so that the
    bytes of what was just erased do not linger there."""
    _engine.checkpoint(database)


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def database_path() -> Path | None:
    """The open database's file (None for a server's database, or when none is open)."""
    if database.obj is None or not database.database or not SQLITE.owns(database.obj):
        return None
    return Path(database.database)


def database_label(db: Database | None = None) -> str:
    """A short name of the open database (or `db`), fit for a file name: a file's stem, a server database's
    name."""
    db = database if db is None else db
    return engine_for(db).label(handle_of(db))


def current_pragmas() -> dict[str, object]:
    """The settings of this thread's connection, as the engine reports them (SQLite: its pragmas)."""
    return _engine.session_settings(database)


def integrity_check(path: str | Path) -> str:
    """'ok' or the engine's first complaint, read through a separate read-only connection."""
    return _engine.integrity_check(path)


# The tests' thread guard (gui/common/tasks.py, tests/gui/guard.py): None in the app, so it costs one comparison.
_thread_guard = None


def set_thread_guard(fn) -> None:
    """Call `fn(sql)` before every statement the open database runs, on the thread that runs it, or stop
    with None. The GUI tests set one that fails a statement the GUI thread runs outside the worker lane."""
    global _thread_guard
    _thread_guard = fn


def _watch_statements(handle: Database) -> None:
    execute_sql = handle.execute_sql

    def watched(sql, params=None, *args, **kwargs):
        if _thread_guard is not None:
            _thread_guard(sql)
        return execute_sql(sql, params, *args, **kwargs)

    handle.execute_sql = watched
