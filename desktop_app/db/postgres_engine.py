"""PostgreSQL, for a shop whose tills share one server (issue 20). Beside sqlite_engine.py, the one module
that imports psycopg and speaks PostgreSQL's own SQL (SET, information_schema, pg_catalog, COPY, ON
CONFLICT, sequences, identity columns).

The same data means the same thing on both engines, so every query above the engines is written once:

* Schema: the migration ladder's DDL (migrations.py) is written once, in SQLite's spelling of standard
  SQL; `portable_ddl` turns it into PostgreSQL's: an `id INTEGER NOT NULL PRIMARY KEY` becomes an identity
  column, INTEGER becomes BIGINT (SQLite's integers are 64-bit), TEXT becomes TEXT COLLATE "C" (binary
  order, as SQLite's BINARY: names sort and the search index's term ranges (`term >= 'silva' AND term <
  'silva' || U+10FFFF`) mean the same on any server, whatever its locale), and WITHOUT ROWID goes.
* Dates and timestamps are kept as the same ISO text SQLite keeps ('2026-11-24', '2026-11-24 15:00:00'),
  in TEXT columns: every connection dumps Python dates and datetimes as that text and booleans as 0/1
  (what SQLite's driver does), and loads an integral NUMERIC (what sum() of a BIGINT gives) as an int, so
  reading, comparing and sorting them is the same on both engines.
* The schema version is the one row of `regua_schema`, which is also the write lock: every transaction
  takes it up front (`SELECT ... FOR UPDATE` right after BEGIN), so writers take turns exactly as SQLite's
  BEGIN IMMEDIATE makes them, waiting at most WRITE_WAIT_S (lock_timeout) before `DatabaseBusy`. Reads
  outside a transaction never wait (MVCC).

Settings every connection gets: UTC, the lock timeout, an idle-in-transaction timeout, the application
name, UTF-8. Backups are Régua's own logical copy into a SQLite file (the same schema, as the ladder
builds it on SQLite, and the same rows), so that restore can load it back; pg_dump is a later step.
"""

from __future__ import annotations

import json
import logging
import queue
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path

import psycopg
from peewee import (
    SQL,
    AutoField,
    Database,
    Field,
    Insert,
    Model,
    NodeList,
    OperationalError,
    PostgresqlDatabase,
    Psycopg3Adapter,
    _atomic,
    fn,
)
from peewee import DatabaseError as PeeweeDatabaseError
from psycopg.adapt import Dumper, Loader
from psycopg.conninfo import conninfo_to_dict
from psycopg.pq import TransactionStatus
from psycopg.types.json import Json, Jsonb

from desktop_app.db import sqlite_engine
from desktop_app.db.engine import HEARD_EVERYTHING, Engine, Target, handle_of, parse_target, redacted
from desktop_app.db.sqlite_engine import DatabaseBusy
from desktop_app.domain.errors import DatabaseError, ReguaError

log = logging.getLogger(__name__)

WRITE_WAIT_S = 60.0  # as SQLite's: how long a unit waits in all for the write lock
IDLE_IN_TRANSACTION_S = 600  # a till that died inside a transaction lets go of the lock after this
META = "regua_schema"
SETTINGS = {"TimeZone": "UTC", "lock_timeout": f"{int(WRITE_WAIT_S * 1000)}ms",
            "idle_in_transaction_session_timeout": f"{IDLE_IN_TRANSACTION_S * 1000}ms",
            "client_encoding": "UTF8", "application_name": "regua",
            # a till's queries are small and many tills share the server's cores: parallel workers cost more to
            # start than they save (a search at 1,000,000 customers: p50 18 ms with them, 12 ms without)
            "max_parallel_workers_per_gather": "0"}
REPORTED_SETTINGS = ("TimeZone", "lock_timeout", "idle_in_transaction_session_timeout", "transaction_isolation",
                     "server_encoding")
# SQLSTATEs that say another connection holds what this one needs: serialization failure, deadlock, lock
# not available (lock_timeout), and a statement cancelled by it.
BUSY_STATES = {"40001", "40P01", "55P03"}
# SQLSTATEs that say the connection itself is gone, not a statement on it: class 08 (connection exception),
# and the server shutting down (57P01 admin_shutdown, 57P02 crash_shutdown) or not taking connections yet (57P03).
GONE_STATES = ("57P01", "57P02", "57P03")


# --- what each connection sends and reads ------------------------------------------------------------------

_TEXT_OID = psycopg.adapters.types["text"].oid
_INT8_OID = psycopg.adapters.types["int8"].oid


class _IsoTextDumper(Dumper):
    """A date or datetime as the ISO text SQLite's driver writes (`isoformat(" ")`)."""

    oid = _TEXT_OID

    def dump(self, obj) -> bytes:
        return (obj.isoformat(" ") if isinstance(obj, datetime) else obj.isoformat()).encode()


class _BoolAsIntDumper(Dumper):
    oid = _INT8_OID

    def dump(self, obj) -> bytes:
        return b"1" if obj else b"0"


class _NumericLoader(Loader):
    """sum() of integers comes back as an int (SQLite's), a fraction (avg()) as a float."""

    def load(self, data):
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else float(text)


def _adapt(conn: psycopg.Connection) -> None:
    conn.adapters.register_dumper(datetime, _IsoTextDumper)
    conn.adapters.register_dumper(date, _IsoTextDumper)
    conn.adapters.register_dumper(bool, _BoolAsIntDumper)
    conn.adapters.register_loader("numeric", _NumericLoader)


def _busy_state(exc: BaseException) -> bool:
    state = getattr(exc, "sqlstate", None)
    if state is None and isinstance(exc, PeeweeDatabaseError) and exc.args:
        state = getattr(exc.args[0], "sqlstate", None) if isinstance(exc.args[0], BaseException) else None
    if state is None and exc.__cause__ is not None:
        state = getattr(exc.__cause__, "sqlstate", None)
    return state in BUSY_STATES


def is_busy(exc: BaseException) -> bool:
    return isinstance(exc, DatabaseBusy) or isinstance(exc, psycopg.Error | PeeweeDatabaseError) and _busy_state(exc)


def _driver_error(exc: BaseException | None) -> psycopg.Error | None:
    """The psycopg error under `exc`: itself, or the one peewee wrapped (its first argument, or its cause)."""
    seen = 0
    while exc is not None and seen < 6:
        if isinstance(exc, ReguaError):
            return None
        if isinstance(exc, psycopg.Error):
            return exc
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc, seen = inner or exc.__cause__ or exc.__context__, seen + 1
    return None


def connection_gone(exc: BaseException, conn: psycopg.Connection | None) -> bool:
    """Whether `exc` says the connection `conn` to the server is gone (the server closed it, shut down or
    restarted, the network dropped), as opposed to one statement failing on a live connection."""
    driver = _driver_error(exc)
    if driver is None:
        return False
    state = driver.sqlstate
    if state:
        return state.startswith("08") or state in GONE_STATES
    # libpq's own failures carry no SQLSTATE: gone when the connection is (psycopg marks it BAD)
    return isinstance(driver, psycopg.OperationalError | psycopg.InterfaceError) and (conn is None or conn.closed)


class Psycopg3Driver(Psycopg3Adapter):
    """peewee's psycopg 3 adapter, handed the driver by this module. peewee was imported without the server
    drivers (db/__init__.py: a shop in a file never loads psycopg), so its own adapter would find none."""

    txn_idle, txn_inerror, txn_unknown = TransactionStatus.IDLE, TransactionStatus.INERROR, TransactionStatus.UNKNOWN

    def __init__(self):
        super().__init__()
        self.json_type, self.jsonb_type = Json, Jsonb

    def check_driver(self):
        pass  # psycopg is imported at the top of this module

    def get_binary_type(self):
        return psycopg.Binary

    def connect(self, db, **params):
        if db._encoding:
            params.setdefault("client_encoding", db._encoding)
        if db.database.startswith("postgresql://"):
            params.setdefault("conninfo", db.database)
        else:
            params.setdefault("dbname", db.database)
        return psycopg.connect(**params)

    def server_side_cursor(self, conn):
        in_transaction = self.txn_status(conn) == TransactionStatus.INTRANS
        return conn.cursor(name=str(uuid.uuid1()), withhold=not in_transaction)


_READ = re.compile(r"\s*(SELECT|SHOW)\b", re.IGNORECASE)  # a statement that reads (peewee's selects, SHOW)


class _Unit(_atomic):
    """`atomic()`: a unit that fails because the server went away fails with the typed error, whichever
    statement inside it met the dead connection (a COPY or a raw cursor of this module included)."""

    def __exit__(self, exc_type, exc, tb):
        swallowed = super().__exit__(exc_type, exc, tb)
        if exc is not None and not swallowed and not isinstance(exc, ReguaError):
            fault = self.db.fault(exc)
            if fault is not None:
                raise fault from exc
        return swallowed


class PostgresHandle(PostgresqlDatabase):
    """peewee's PostgresqlDatabase (on psycopg 3) whose every connection gets Régua's settings and adapters
    and whose every transaction takes the write lock (the schema row) up front.

    Faults (issue 20): a connection that cannot be made, or that the server closed (a restart, AdminShutdown,
    a dropped network), is the typed `DatabaseError("db_server_down")` the connect path uses, never a
    driver's traceback; the thread's dead connection is closed and the next call (once outside any
    transaction) makes a new one. A COMMIT that failed that way may or may not have reached the server, so it
    is "db_server_lost_commit", which says to check before trying again: nothing here repeats a unit."""

    # whichever driver peewee found at its import (none, in Régua), this one
    psycopg2_adapter = psycopg3_adapter = Psycopg3Driver

    def init(self, database, **kwargs):
        self.locks = False  # whether the schema row exists yet (a new database has none until v1)
        self.target: Target | None = None  # what was opened, for the faults' words (set by PostgresEngine.open)
        self.phone_index: bool | None = None  # whether the phones' digits have their index (asked once)
        super().init(database, prefer_psycopg3=True, **kwargs)

    def _connect(self):
        conn = super()._connect()
        _adapt(conn)
        return conn

    # --- the server going away ---------------------------------------------------------------------------

    def fault(self, exc: BaseException, *, committing: bool = False) -> DatabaseError | None:
        """The typed error for `exc` when it says the server cannot be reached (None for any other error);
        a dead connection is closed on the way (dropped by the next call outside a transaction)."""
        if isinstance(exc, ReguaError):
            return None
        driver = _driver_error(exc)
        if driver is None:
            return None
        target = self.target or Target("postgresql", None, str(self.database))
        conn = None if self._state.closed else self._state.conn
        if conn is None:  # connecting failed: the same words as when the window opened
            return _connect_error(target, driver) if isinstance(driver, psycopg.OperationalError) else None
        if not connection_gone(driver, conn):
            return None
        with suppress(psycopg.Error, OSError):
            conn.close()
        return DatabaseError("db_server_lost_commit" if committing else "db_server_down",
                             path=_named(target.url or ""), reason=_first_line(driver))

    def _drop_dead(self) -> None:
        """A connection the server closed is let go once no transaction is on it, so the next call connects."""
        state = self._state
        if not state.closed and state.conn is not None and state.conn.closed and not state.transactions:
            state.reset()

    def cursor(self, named_cursor=None):
        self._drop_dead()
        return super().cursor(named_cursor)

    def connection(self):
        self._drop_dead()
        return super().connection()

    def atomic(self, *args, **kwargs):
        return _Unit(self, *args, **kwargs)

    def _live(self) -> bool:
        """This thread holds a connection that looked alive (psycopg has not seen it die)."""
        state = self._state
        return not state.closed and state.conn is not None and not state.conn.closed

    def _stale(self, fault: DatabaseError, was_live: bool) -> bool:
        """A connection the server closed while this thread was not using it (the server restarted while the
        till sat idle), met by something that wrote nothing yet: worth one new connection at once, so a server
        that is back is simply used again. Never inside a transaction, never a COMMIT."""
        return was_live and fault.code == "db_server_down" and not self.in_transaction()

    def begin(self, lock_type: str | None = None, wait: float | None = None) -> None:
        """BEGIN, then the write lock, waiting at most `wait` seconds (WRITE_WAIT_S by default). A connection
        found dead at BEGIN is made anew once: the unit has not run a statement yet."""
        for first in (True, False):
            was_live = self._live()
            try:
                super().begin()
                if self.locks:
                    cursor = self.cursor()
                    if wait is not None:
                        cursor.execute(f"SET LOCAL lock_timeout = '{int(wait * 1000)}ms'")
                    cursor.execute(f"SELECT version FROM {META} FOR UPDATE")
                return
            except (OperationalError, psycopg.Error) as exc:
                fault = self.fault(exc)
                if fault is not None:
                    if first and self._stale(fault, was_live):
                        continue
                    raise fault from exc
                if is_busy(exc):
                    self.rollback()
                    raise DatabaseBusy() from exc
                raise

    def execute_sql(self, sql, params=None):
        """A statement; a read on its own (outside any transaction) that finds this thread's connection dead
        is read again once on a new one: it changed nothing. Anything else that meets a dead connection fails
        with the typed error."""
        for first in (True, False):
            was_live = self._live()
            try:
                return super().execute_sql(sql, params)
            except (OperationalError, PeeweeDatabaseError) as exc:
                fault = self.fault(exc)
                if fault is not None:
                    if first and _READ.match(sql) and self._stale(fault, was_live):
                        continue
                    raise fault from exc
                if is_busy(exc):
                    raise DatabaseBusy() from exc
                raise
        raise AssertionError("unreachable")

    def commit(self) -> None:
        conn = None if self._state.closed else self._state.conn
        sent = conn is not None and not conn.closed  # a connection already gone never sent this COMMIT
        try:
            super().commit()
        except (OperationalError, PeeweeDatabaseError) as exc:
            fault = self.fault(exc, committing=sent)
            if fault is not None:
                raise fault from exc
            if is_busy(exc):
                raise DatabaseBusy() from exc
            raise

    def rollback(self) -> None:
        """ROLLBACK; on a connection that is gone there is nothing to roll back (the server ended that
        transaction with the connection), so it is let go quietly and the unit's own error is what is raised."""
        conn = None if self._state.closed else self._state.conn
        if conn is not None and conn.closed:
            return
        try:
            super().rollback()
        except (OperationalError, PeeweeDatabaseError):
            if conn is None or not connection_gone(sys.exc_info()[1], conn):
                raise
            with suppress(psycopg.Error, OSError):
                conn.close()


# --- the schema's DDL -----------------------------------------------------------------------------------------

_DDL_WORDS = (
    (r"\bid INTEGER NOT NULL PRIMARY KEY\b", "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (r"\bINTEGER\b", "BIGINT"),
    (r"\bDATETIME\b", "TEXT"),
    (r"\bDATE\b", "TEXT"),
    (r"\bTEXT\b", 'TEXT COLLATE "C"'),
    (r"\)\s*WITHOUT ROWID", ")"),
)


def portable_ddl(statement: str) -> str:
    """One statement of the ladder (SQLite's spelling) in PostgreSQL's."""
    for pattern, replacement in _DDL_WORDS:
        statement = re.sub(pattern, replacement, statement)
    return statement


# --- connecting ---------------------------------------------------------------------------------------------


def connect_params(target: Target) -> tuple[str, dict]:
    """(database name, psycopg's other connection parameters) for a postgresql:// URL."""
    url = target.url or ""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    params = conninfo_to_dict(url)
    name = params.pop("dbname", None)
    if not name:
        raise DatabaseError("db_unreadable", path=redacted(target.url or ""), reason="the URL names no database")
    return name, params


def _plain_connect(target: Target) -> psycopg.Connection:
    name, params = connect_params(target)
    conn = psycopg.connect(dbname=name, autocommit=True, **params)
    _adapt(conn)
    return conn


def _connect_error(target: Target, exc: BaseException) -> DatabaseError:
    state = getattr(exc, "sqlstate", None) or getattr(exc.__cause__, "sqlstate", None)
    where = _named(target.url or "")
    if state == "3D000" or "does not exist" in str(exc) and "database" in str(exc):
        return DatabaseError("db_not_found", path=where)
    problem = _connect_problem(str(exc), state)
    if problem is not None:
        return DatabaseError(problem, path=where, reason=_first_line(exc))
    if is_busy(exc):
        return DatabaseError("db_busy")
    return DatabaseError("db_unreadable", path=where, reason=str(exc).strip().splitlines()[0] if str(exc) else exc)


# What libpq says when it cannot get in (connection failures carry no SQLSTATE): the plain message for each.
_CONNECT_PROBLEMS = (
    ("db_server_no_password", ("no password supplied", "fe_sendauth")),
    ("db_server_password", ("password authentication failed", "authentication failed", "role \"")),
    ("db_server_certificate", ("certificate", "ssl", "tls")),
    ("db_server_down", ("connection refused", "no such file or directory", "timeout expired", "timed out",
                        "failed to resolve host", "could not translate host name", "network is unreachable",
                        "no route to host", "server closed the connection", "starting up", "shutting down",
                        "connection is bad", "could not connect")),
)


def _connect_problem(text: str, state: str | None) -> str | None:
    if state in ("28P01", "28000"):
        return "db_server_password"
    if state in ("57P01", "57P02", "57P03"):
        return "db_server_down"
    lowered = text.lower()
    for code, words in _CONNECT_PROBLEMS:
        if any(word in lowered for word in words):
            return code
    return None


def _named(url: str) -> str:
    """The server as a message names it: user@host:port/database, without the password or the connection
    settings Régua added (TLS, the connect timeout); a Unix socket's folder and port kept as query."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    split = urlsplit(url)
    userinfo, at, hostport = split.netloc.rpartition("@")
    netloc = f"{userinfo.split(':', 1)[0]}@{hostport}" if at else hostport
    kept = [(k, v) for k, v in parse_qsl(split.query) if k in ("host", "port")]
    return urlunsplit((split.scheme, netloc, split.path, urlencode(kept, safe="/"), ""))


def _first_line(exc: BaseException) -> str:
    """libpq's reason without its preamble ('connection failed: connection to server at ... failed: ')."""
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return line.rsplit(" failed: ", 1)[-1].strip() or line


def _tables(cursor) -> list[str]:
    return [name for (name,) in cursor.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]


class PostgresEngine(Engine):
    name = "postgresql"
    param = "%s"
    errors = (psycopg.Error,)
    # The migration ladder on a SQLite handle up to a version: what a backup's file is built with (set by
    # migrations.py, which this module cannot import).
    ladder: Callable[[Database, int], None] | None = None

    def owns(self, db: Database) -> bool:
        return isinstance(db, PostgresqlDatabase)

    def label(self, db: Database) -> str:
        return str(db.database)

    def check(self, target: Target, *, create: bool) -> None:
        connect_params(target)  # a URL that names a database; the server is asked when it is opened

    def peek_version(self, target: Target) -> tuple[int, int] | None:
        try:
            conn = _plain_connect(target)
        except psycopg.Error as exc:
            raise _connect_error(target, exc) from exc
        try:
            cursor = conn.cursor()
            tables = _tables(cursor)
            if META not in tables:
                return (0, len(tables)) if tables else None
            row = cursor.execute(f"SELECT version FROM {META}").fetchone()
            return (row[0] if row else 0), len(tables) - 1
        finally:
            conn.close()

    def open(self, target: Target) -> Database:
        name, params = connect_params(target)
        options = " ".join(f"-c {key}={value}" for key, value in SETTINGS.items() if key != "client_encoding")
        session = uuid.uuid4().hex[:16]  # this till's connections, named in what their writes announce
        options += f" -c {SESSION_SETTING}={session}"
        db = PostgresHandle(name, autoconnect=True, client_encoding="UTF8", options=options, **params)
        db.session, db.listen_params, db.target = session, (name, params), target
        try:
            db.connect(reuse_if_open=True)
            cursor = db.cursor()
            encoding = cursor.execute("SHOW server_encoding").fetchone()[0]
            if encoding.upper() not in ("UTF8", "UTF-8"):
                raise DatabaseError("db_unreadable", path=redacted(target.url or ""),
                                    reason=f"the database's encoding is {encoding}, not UTF8")
            db.locks = META in _tables(cursor)
        except (PeeweeDatabaseError, psycopg.Error) as exc:
            db.close()
            raise _connect_error(target, exc) from exc
        return db

    def scratch(self) -> Database:
        return sqlite_engine.SQLITE.scratch()  # the expected schema is the ladder's, read on SQLite

    def session_settings(self, db: Database) -> dict[str, object]:
        return {name: db.execute_sql(f"SHOW {name}").fetchone()[0] for name in REPORTED_SETTINGS}

    def is_busy(self, exc: BaseException) -> bool:
        return is_busy(exc)

    def version(self) -> str:
        return f"psycopg {psycopg.__version__}, libpq {psycopg.pq.version()}"

    # --- the schema version ------------------------------------------------------------------------------

    def schema_version(self, db: Database) -> int:
        if META not in _tables(db.cursor()):
            return 0
        row = db.execute_sql(f"SELECT version FROM {META}").fetchone()
        return row[0] if row else 0

    def set_schema_version(self, db: Database, version: int) -> None:
        db.execute_sql(f"CREATE TABLE IF NOT EXISTS {META} (one BIGINT PRIMARY KEY CHECK (one = 1), "
                       "version BIGINT NOT NULL)")
        db.execute_sql(f"INSERT INTO {META} (one, version) VALUES (1, %s) "
                       "ON CONFLICT (one) DO UPDATE SET version = EXCLUDED.version", (int(version),))
        if hasattr(db, "obj"):
            db = db.obj
        db.locks = True

    def table_count(self, db: Database) -> int:
        return len([t for t in _tables(db.cursor()) if t != META])

    @contextmanager
    def migration_session(self, db: Database) -> Iterator[None]:
        """PostgreSQL alters tables in place (no rebuild that could cascade), and its foreign keys are
        always enforced: nothing to switch."""
        yield

    def foreign_key_problems(self, db: Database) -> list[tuple]:
        return []  # a step that broke a reference fails at its statement

    def unchecked_search_index(self, db: Database) -> None:
        """The server checks a foreign key row by row at the end of each statement, while the till that sent
        the rows waits: a 100,000-row import writes 1.7 million search terms, and checking their reference
        took 21 of its 50 s. The terms are derived rows that only Régua writes, for the customer it has just
        written, inside the same write lock; a statement-level trigger deletes those of deleted customers
        (a merge, an import undone), which is what ON DELETE CASCADE did."""
        cursor = db.cursor()
        for (name,) in cursor.execute(
                "SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = 'search_term'::regclass"
                " AND confrelid = 'customer'::regclass").fetchall():
            cursor.execute(f'ALTER TABLE search_term DROP CONSTRAINT "{name}"')
        cursor.execute(_FORGET_TERMS_FUNCTION)
        cursor.execute("CREATE TRIGGER regua_forget_terms AFTER DELETE ON customer REFERENCING OLD TABLE AS "
                       "regua_gone FOR EACH STATEMENT EXECUTE FUNCTION regua_forget_terms_v1()")

    def phone_digits_index(self, db: Database) -> None:
        """Ten of a customer's seventeen search terms are the suffixes of her phone's digits, which is how any
        three of them find her; on the server those rows were most of a big import's work (1.1 of the 1.7
        million search-term rows of a 100,000-row import, which wrote in 25 s without them and 48 s with). A
        trigram index over the digits finds the same substrings (a GIN index: one entry per distinct trigram
        of a phone). pg_trgm is a trusted extension any database owner
        may create; where the server has not got it (or refuses it), the shop keeps its phone terms, as on
        SQLite. The terms already written stay: found twice, they give the same answer."""
        handle = handle_of(db)
        cursor = db.cursor()
        cursor.execute(_PHONE_DIGITS_FUNCTION)
        try:
            with db.atomic():  # a savepoint: a refused extension leaves the step's transaction usable
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except (psycopg.Error, PeeweeDatabaseError) as exc:
            if handle.fault(exc) is not None:
                raise
            log.warning("pg_trgm is not available on this server (%s): phones stay indexed by their suffix "
                        "terms", str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
            handle.phone_index = False
            return
        cursor.execute(f"CREATE INDEX {PHONE_INDEX} ON customer USING gin (regua_phone_digits(phone) gin_trgm_ops)")
        cursor.execute(_PHONES_HOLDING_FUNCTION)
        handle.phone_index = True

    def phone_digits_indexed(self, db: Database) -> bool:
        handle = handle_of(db)
        if handle.phone_index is None:
            handle.phone_index = bool(db.execute_sql("SELECT to_regclass(%s) IS NOT NULL", (PHONE_INDEX,))
                                      .fetchone()[0])
        return handle.phone_index

    def phone_digits_match(self, phone, pattern):
        # LIKE spelled out: peewee's LIKE operator is the engine's own word for it
        return NodeList((fn.regua_phone_digits(phone), SQL("LIKE"), pattern))

    def phones_holding(self, db: Database, pattern: str, cap: int) -> int:
        return int(db.execute_sql("SELECT regua_phones_holding(%s, %s)", (pattern, cap)).fetchone()[0])

    def run_script(self, db: Database, script: str) -> None:
        for statement in script.split(";"):
            if statement.strip():
                db.execute_sql(portable_ddl(statement))

    # --- backups and checks ----------------------------------------------------------------------------------

    def backup(self, db: Database, dest: Path) -> Path:
        """Régua's own copy into a new SQLite file at `dest`: the ladder's schema of this database's version,
        built on SQLite, and every row, read in one snapshot; then checked as any SQLite copy is."""
        dest = Path(dest)
        tmp = dest.with_name(dest.name + ".partial")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            sqlite_engine.discard(tmp)
            version = self.schema_version(db)
            copy = sqlite_engine.staging_handle(tmp)
            try:
                if self.ladder is None:
                    raise RuntimeError("the migration ladder was not registered")
                with copy.atomic():  # one transaction: one sync of the file, not one per statement
                    self.ladder(copy, version)
                    tables = sqlite_engine.table_columns(copy)
                    with self._snapshot(db) as cursor_for:
                        for table, columns in tables.items():
                            names = ", ".join(f'"{c}"' for c in columns)
                            sqlite_engine.write_rows(copy, table, columns,
                                                     cursor_for(f'SELECT {names} FROM "{table}" ORDER BY 1'))
                    if self.phone_digits_indexed(db):  # a copy is a file's shop: it finds phones by their terms
                        sqlite_engine.add_phone_terms(copy)
            finally:
                copy.close()
            result = sqlite_engine.integrity(tmp)
            if result != "ok":
                raise ReguaError("backup_failed", path=dest, reason=result)
            for f in sqlite_engine.side_files(tmp):
                f.unlink(missing_ok=True)
            tmp.replace(dest)
        except ReguaError:
            sqlite_engine.discard(tmp)
            raise
        except (OSError, psycopg.Error, PeeweeDatabaseError, *sqlite_engine.SQLITE.errors) as exc:
            sqlite_engine.discard(tmp)
            raise ReguaError("backup_failed", path=dest, reason=exc) from exc
        return dest

    @contextmanager
    def _snapshot(self, db: Database):
        """Cursors that stream rows from one snapshot of the database (REPEATABLE READ, read only), or from
        the caller's transaction when there is one."""
        conn = db.connection()
        own = not db.in_transaction()
        if own:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

        def rows(sql: str) -> Iterator[tuple]:
            with conn.cursor(name=f"regua_backup_{uuid.uuid4().hex}") as cursor:
                cursor.itersize = 5000
                cursor.execute(sql)
                yield from cursor

        try:
            yield rows
        finally:
            if own:
                conn.execute("COMMIT")

    def integrity_check(self, target: str | Path) -> str:
        """A file (a backup) is checked by SQLite; a server database answers whether it can be read (the
        server checks its own pages; amcheck is the administrator's)."""
        if not isinstance(target, str) or "://" not in target:
            return sqlite_engine.integrity(Path(target))
        parsed = parse_target(target)
        try:
            conn = _plain_connect(parsed)
            try:
                cursor = conn.cursor()
                for table in _tables(cursor):
                    cursor.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            finally:
                conn.close()
        except psycopg.Error as exc:
            return str(exc).strip() or type(exc).__name__
        return "ok"

    def checkpoint(self, db: Database) -> None:
        """Nothing kept aside to fold in: the server's WAL is the server's (and VACUUM's) business."""

    @contextmanager
    def snapshot(self, target: Target) -> Iterator[Callable[[str], Iterator[tuple]]]:
        """One REPEATABLE READ, READ ONLY transaction (the server refuses any write in it)."""
        db = self.open(target)
        try:
            with self._snapshot(db) as rows:
                yield rows
        finally:
            db.close()

    @contextmanager
    def reading(self, db: Database) -> Iterator[Callable[[str], Iterator[tuple]]]:
        with self._snapshot(db) as rows:
            yield rows

    def load_rows(self, db: Database, table: str, columns: Sequence[str], rows) -> None:
        _copy_into(db.cursor(), table, columns, rows)

    def continue_ids(self, db: Database) -> None:
        """Each identity column's sequence restarts one past its table's highest id (at 1 when empty)."""
        cursor = db.cursor()
        identities = cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND is_identity = 'YES'").fetchall()
        for table, column in identities:
            cursor.execute(f'SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max("{column}"), 0) + 1, false) '
                           f'FROM "{table}"', (f'"{table}"', column))

    def after_load(self, db: Database) -> None:
        """ANALYZE: the planner's statistics of the rows just loaded, so the first searches after a move or a
        restore walk the indexes rather than wait for autovacuum to get to the tables (seconds at most)."""
        db.execute_sql("ANALYZE")

    def empty_tables(self, db: Database, tables: Sequence[str]) -> None:
        """Every row of `tables` gone, in the caller's transaction (a restore's first step)."""
        db.cursor().execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables))

    # --- several tills: what they tell each other, and what only one of them runs --------------------------

    claim_lock = " FOR UPDATE OF o SKIP LOCKED"

    def after_migrate(self, db: Database) -> None:
        install_announcements(db)

    @contextmanager
    def only_one(self, db: Database, name: str) -> Iterator[bool]:
        """A session-level advisory try-lock on this thread's connection: True for the one session that got
        it, False (at once, no waiting) for every other; the server lets go of it when the holder's
        connection ends, a killed process's too."""
        key = ADVISORY_KEYS[name]
        got = db.execute_sql("SELECT pg_try_advisory_lock(%s, %s)", (ADVISORY_CLASS, key)).fetchone()[0]
        try:
            yield bool(got)
        finally:
            if got:
                with suppress(PeeweeDatabaseError, psycopg.Error, DatabaseError):  # a connection gone took the lock with it
                    db.execute_sql("SELECT pg_advisory_unlock(%s, %s)", (ADVISORY_CLASS, key))

    def listener(self, db: Database) -> Listener:
        handle = db.obj if hasattr(db, "obj") else db
        name, params = handle.listen_params
        return Listener(name, params, handle.session)

    # --- bulk writing ----------------------------------------------------------------------------------------

    @contextmanager
    def large_cache(self, db: Database, megabytes: int) -> Iterator[None]:
        """The server's shared buffers are the cache; a big job may sort and hash in more memory."""
        before = db.execute_sql("SHOW work_mem").fetchone()[0]
        db.execute_sql(f"SET work_mem = '{int(max(4, min(megabytes, 256)))}MB'")
        try:
            yield
        finally:
            db.execute_sql("SELECT set_config('work_mem', %s, false)", (before,))

    def insert_rows(self, db: Database, model: type[Model], fields: Sequence[Field],
                    rows: Sequence[Sequence[object]]) -> None:
        """COPY; rows that bring their own ids move the table's sequence past them."""
        table = model._meta.table_name
        columns = [f.column_name for f in fields]
        cursor = db.cursor()
        _copy_into(cursor, table, columns, rows)
        key = model._meta.primary_key
        if getattr(key, "column_name", None) in columns and isinstance(key, AutoField):
            cursor.execute(f'SELECT setval(pg_get_serial_sequence(%s, %s), max("{key.column_name}")) FROM "{table}"',
                           (f'"{table}"', key.column_name))

    def insert_returning_ids(self, db: Database, model: type[Model], fields: Sequence[Field],
                             rows: Sequence[Sequence[object]]) -> list[int]:
        """Ids taken from the table's sequence up front (one statement), then the rows with them through
        COPY: the ids are the rows' in their order by construction, however many rows."""
        if not rows:
            return []
        if not db.in_transaction():
            raise RuntimeError("insert_returning_ids needs the caller's transaction (the write lock)")
        table = model._meta.table_name
        key = model._meta.primary_key.column_name
        cursor = db.cursor()
        ids = self.reserve_ids(db, model, len(rows))
        _copy_into(cursor, table, (key, *(f.column_name for f in fields)),
                   ((new_id, *row) for new_id, row in zip(ids, rows, strict=True)))
        return ids

    def reserve_ids(self, db: Database, model: type[Model], n: int) -> list[int] | None:
        """From the table's sequence, in one statement (unused ones are a gap, as a rolled-back insert's)."""
        if not db.in_transaction():
            raise RuntimeError("reserve_ids needs the caller's transaction (the write lock)")
        table, key = model._meta.table_name, model._meta.primary_key.column_name
        cursor = db.cursor()
        sequence = cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", (f'"{table}"', key)).fetchone()[0]
        return sorted(i for (i,) in cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)",
                                                   (sequence, n)).fetchall())

    @contextmanager
    def write_behind(self, db: Database) -> Iterator[Callable[[str, Sequence[str], list], None]]:
        """One writer thread on this thread's connection (psycopg serialises its use; the caller sends
        nothing else on it until the block ends), fed one batch ahead: while the server checks and indexes
        a batch (a till and its server often share a PC's cores) Python builds the next."""
        if not db.in_transaction():
            raise RuntimeError("write_behind needs the caller's transaction (the write lock)")
        conn = db.connection()
        batches: queue.Queue = queue.Queue(maxsize=1)  # memory: the batch being written and one waiting
        failed: list[BaseException] = []

        def work() -> None:
            while (batch := batches.get()) is not None:
                if not failed:
                    try:
                        with conn.cursor() as cursor:
                            _copy_into(cursor, *batch)
                    except BaseException as exc:  # noqa: BLE001 - raised on the caller's thread
                        failed.append(exc)

        def submit(table: str, columns: Sequence[str], rows: list) -> None:
            if failed:
                raise failed[0]
            batches.put((table, columns, rows))

        writer = threading.Thread(target=work, name="regua-write-behind", daemon=True)
        writer.start()
        try:
            yield submit
        except BaseException:
            failed.append(RuntimeError("abandoned"))  # the batches still waiting are dropped: it rolls back
            raise
        finally:
            batches.put(None)
            writer.join()
        if failed:
            raise failed[0]

    def upsert(self, query: Insert, key: Sequence[Field], update: Sequence[Field]) -> Insert:
        if not update:
            return query.on_conflict(conflict_target=list(key), action="IGNORE")
        return query.on_conflict(conflict_target=list(key), preserve=list(update))

    def upsert_sql(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([self.param] * len(columns))})"
        rest = [c for c in columns if c not in key]
        action = ("DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)) if rest else "DO NOTHING"
        return f"{insert} ON CONFLICT ({', '.join(key)}) {action}"

    def indexed_by(self, index: str) -> str:
        return ""  # PostgreSQL's planner takes no hints; its statistics choose the index

    def one_of(self, column: str, values: Sequence[object]) -> tuple[str, list]:
        """One array parameter: the server parses one marker where an IN list of 5,000 has 5,000, and psycopg
        sends the array in one piece."""
        return f"{column} = ANY(%s)", [list(values)]

    def estimated_rows(self, db: Database, sql: str, params: Sequence[object]) -> int | None:
        """The planner's row estimate (EXPLAIN, a fraction of a millisecond: the column's histogram and
        most common values, kept by ANALYZE and autovacuum), where counting a common prefix's 30,000 index
        entries takes 5-9 ms at 1,000,000 customers."""
        plan = db.execute_sql(f"EXPLAIN (FORMAT JSON) {sql}", params).fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return int(plan[0]["Plan"]["Plan Rows"])


# --- several tills on one server: each committed write announces itself (issue 20) -------------------------

CHANNEL = "regua"
SESSION_SETTING = "regua.session"  # every connection of one Régua process carries the same value
BURST_S = 0.2  # once one announcement is heard, those of the next 200 ms come with it
RECONNECT_S = 2.0  # how often a listener whose server went away tries again
ADVISORY_CLASS = 0x52E6  # the first half of Régua's advisory lock keys; the second names the job
ADVISORY_KEYS = {"planner": 1, "sender": 2}

_ANNOUNCE_FUNCTION = f"""
CREATE FUNCTION regua_announce_v1() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM regua_new) THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM regua_old) THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT * FROM regua_new EXCEPT ALL SELECT * FROM regua_old) THEN RETURN NULL; END IF;
  END IF;
  PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ' ' || coalesce(current_setting('{SESSION_SETTING}', true), ''));
  RETURN NULL;
END $$"""
_ANNOUNCE_TRIGGERS = (
    ("regua_announce_insert", "INSERT", "REFERENCING NEW TABLE AS regua_new"),
    ("regua_announce_update", "UPDATE", "REFERENCING OLD TABLE AS regua_old NEW TABLE AS regua_new"),
    ("regua_announce_delete", "DELETE", "REFERENCING OLD TABLE AS regua_old"),
    ("regua_announce_truncate", "TRUNCATE", ""),
)


def _copy_into(cursor, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


PHONE_INDEX = "customer_phone_digits"
# what domain.text.digits does in Python; IMMUTABLE, so an index may be built over it and a query's call of
# it (inlined by the planner, as the index's expression is) matches that index
_PHONE_DIGITS_FUNCTION = """
CREATE FUNCTION regua_phone_digits(phone text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT regexp_replace(phone, '[^0-9]', '', 'g') $$"""


# How many phones hold a LIKE pattern, counted up to `cap` (search.py picks its plan by it). By the trigram
# index only: the planner guesses a fixed fraction for '%…%', and with a LIMIT it then walked the phone
# index instead, rechecking 440,000 phones (690 ms) to find the first 6,667 holding "199".
_PHONES_HOLDING_FUNCTION = """
CREATE FUNCTION regua_phones_holding(pattern text, cap bigint) RETURNS bigint
LANGUAGE sql STABLE STRICT SET enable_indexscan = off SET enable_seqscan = off AS $$
  SELECT count(*) FROM (SELECT 1 FROM customer WHERE regua_phone_digits(phone) LIKE pattern LIMIT cap) AS held
$$"""


_FORGET_TERMS_FUNCTION = """
CREATE FUNCTION regua_forget_terms_v1() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_term AS t USING regua_gone AS g WHERE t.customer_id = g.id;
  RETURN NULL;
END $$"""


def _announcing_tables(cursor) -> set[str]:
    rows = cursor.execute(
        "SELECT c.relname, count(*) FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid "
        "JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
        "AND t.tgname LIKE 'regua_announce_%' GROUP BY c.relname").fetchall()
    return {table for table, count in rows if count == len(_ANNOUNCE_TRIGGERS)}


def install_announcements(db: Database) -> None:
    """Every table's statement-level triggers that announce a committed write on the `regua` channel
    (`pg_notify('regua', '<table> <session>')`: NOTIFY is sent at COMMIT, never for a rolled-back write,
    and the server folds a transaction's identical announcements into one). A statement that changed no
    row announces nothing (an UPDATE that writes the values already there included), so a till that
    refreshes, and re-plans its day, on what it hears sets off no echo in the others. Installed after
    migrating, once (a later open finds them all and writes nothing), under the write lock so that two
    tills opening at once take turns; never part of the ladder (a SQLite file has no other till)."""
    tables = [t for t in _tables(db.cursor()) if t != META]
    if set(tables) <= _announcing_tables(db.cursor()):
        return
    with db.atomic():
        cursor = db.cursor()
        if cursor.execute("SELECT to_regprocedure('regua_announce_v1()')").fetchone()[0] is None:
            cursor.execute(_ANNOUNCE_FUNCTION)  # a changed function gets a new name (v2), so never replaced
        for table in tables:
            for trigger, event, referencing in _ANNOUNCE_TRIGGERS:
                cursor.execute(f'DROP TRIGGER IF EXISTS {trigger} ON "{table}"')
                cursor.execute(f'CREATE TRIGGER {trigger} AFTER {event} ON "{table}" {referencing} '
                               "FOR EACH STATEMENT EXECUTE FUNCTION regua_announce_v1()")


class Listener:
    """Hears, on its own connection, the tables other tills' committed writes changed. `wait` is called
    again and again from one background thread (gui/common/tasks.py makes it); it connects lazily, so
    making a Listener does no I/O."""

    def __init__(self, name: str, params: dict, session: str) -> None:
        self._name, self._params, self.session = name, dict(params), session
        self._conn: psycopg.Connection | None = None
        self._was_connected = False
        self._retry_at = 0.0

    def _connect(self) -> psycopg.Connection:
        conn = psycopg.connect(dbname=self._name, autocommit=True, application_name="regua listener",
                               **{k: v for k, v in self._params.items() if k != "application_name"})
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def wait(self, timeout: float) -> set[str]:
        """The tables other sessions' writes changed, heard within about `timeout` seconds; a burst is
        collapsed (once one is heard, what comes in the next BURST_S comes with it). Its own session's
        announcements are ignored. After the connection had to be made again, HEARD_EVERYTHING (what
        happened while it was down was not heard). Empty when nothing came; never raises for a lost server."""
        end = time.monotonic() + timeout
        heard: set[str] = set()
        if self._conn is None:
            if time.monotonic() < self._retry_at:
                time.sleep(max(0.0, min(end, self._retry_at) - time.monotonic()))
                return heard
            try:
                self._conn = self._connect()
            except (psycopg.Error, OSError):
                self._retry_at = time.monotonic() + RECONNECT_S
                return heard
            if self._was_connected:
                heard.add(HEARD_EVERYTHING)
            self._was_connected = True
        try:
            while (left := end - time.monotonic()) > 0:
                for note in self._conn.notifies(timeout=left, stop_after=1):
                    table, _, session = note.payload.partition(" ")
                    if session == self.session:
                        continue
                    if not heard:
                        end = time.monotonic() + BURST_S
                    heard.add(table)
        except (psycopg.Error, OSError):  # the server restarted or the network dropped: try again soon
            self.close()
            self._retry_at = time.monotonic() + RECONNECT_S
        return heard

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with suppress(psycopg.Error):
                conn.close()


POSTGRES = ENGINE = PostgresEngine()  # ENGINE: what database.py loads
