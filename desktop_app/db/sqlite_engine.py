"""SQLite, the engine of every shop today: a file on the shop's PC. The one module that imports sqlite3
and speaks SQLite's own SQL (PRAGMA, sqlite_master, INDEXED BY, INSERT OR REPLACE, the backup API).

Every connection of every thread gets the same pragmas: peewee keeps one connection per thread and applies
`pragmas` each time it opens one, so the GUI thread, the worker lane and the command line all run with
WAL, foreign keys, synchronous=FULL and a busy timeout.

Every transaction takes the write lock up front (`BEGIN IMMEDIATE`, the handle's default lock type, so
every `database.atomic()` in the code gets it): a deferred transaction that reads and then writes cannot
wait for the lock, SQLite fails it at once with "database is locked". Waiting happens at BEGIN, before
any of the unit ran, so taking the lock is retried (the whole unit, bounded by `WRITE_WAIT_S`) while
another program holds it, e.g. a long import. A statement outside a transaction is its own unit and is
retried the same way. What stays busy past the bound is raised as `DatabaseBusy`, a ReguaError with
a plain message ("db_busy"), never a traceback.

Copies are made only through the SQLite backup API and verified afterwards. A copy is one self-contained
file: the live database is in WAL mode and the backup API copies its header, so the copy is switched back
to a rollback journal (journal_mode=DELETE) before it is closed. It then opens read-only on its own, on a
pen drive or in a synced folder, and nothing (-wal, -shm, a partial file) is left beside it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from peewee import Database, Field, Insert, Model, OperationalError, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from desktop_app.db.engine import Engine, Target
from desktop_app.domain.errors import DatabaseError, ReguaError

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
REPORTED_PRAGMAS = ("journal_mode", "foreign_keys", "synchronous", "busy_timeout", "secure_delete")

HEADER = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


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


class SqliteHandle(SqliteDatabase):
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


# --- files --------------------------------------------------------------------------------------------------


def side_files(path: Path) -> list[Path]:
    """The files SQLite may keep beside `path` (its WAL, shared memory and rollback journal)."""
    return [path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES]


def discard(path: Path) -> None:
    """Remove a work file and whatever SQLite left beside it."""
    for f in (path, *side_files(path)):
        f.unlink(missing_ok=True)


def has_header(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == HEADER


def check_file(path: Path, *, create: bool) -> None:
    """Refuse a missing (unless creating) or non-SQLite file before any connection could change it."""
    if not path.exists():
        if not create:
            raise DatabaseError("db_not_found", path=path)
        return
    if path.is_dir():
        raise DatabaseError("db_unreadable", path=path, reason="it is a folder")
    if path.stat().st_size > 0 and not has_header(path):
        raise DatabaseError("db_corrupt", path=path)


def read_only(path: Path, *, live: bool = True) -> sqlite3.Connection:
    """A read-only connection. With `live=False` a copy without a -wal beside it is read as immutable, so
    that reading a WAL-mode copy made by an older Régua leaves no -wal and -shm next to it."""
    path = Path(path)
    immutable = "" if live or side_files(path)[0].exists() else "&immutable=1"
    return sqlite3.connect(f"file:{path.as_posix()}?mode=ro{immutable}", uri=True)


def user_version(con: sqlite3.Connection) -> int:
    return con.execute("PRAGMA user_version").fetchone()[0]


def integrity(path: Path, *, live: bool = True) -> str:
    """'ok' or SQLite's first complaint, read through a separate read-only connection."""
    try:
        con = read_only(path, live=live)
        try:
            return con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)


def copy_file(source: sqlite3.Connection, tmp: Path) -> None:
    """Copy `source` into the new file `tmp` through the backup API, as a rollback-journal database."""
    target = sqlite3.connect(tmp)
    try:
        source.backup(target)
        # The pages came with the source's header, which says WAL: go back to a rollback journal now, so
        # the file is complete by itself and a reader never needs (or creates) a -wal and -shm next to it.
        mode = target.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode != "delete":
            raise sqlite3.OperationalError(f"journal mode stayed {mode}")
    finally:
        target.close()


def swap_in(staged: Path, live_db: Database) -> None:
    """Write the file `staged` over the live database in one step of the backup API (one transaction on
    the live database: all of it or nothing)."""
    source = read_only(staged, live=False)
    try:
        source.backup(live_db.connection())
    finally:
        source.close()


# The work file of a restore: a rollback journal (so the file is complete whenever it is closed), full sync.
def staging_handle(path: Path) -> SqliteDatabase:
    pragmas = (("journal_mode", "delete"), ("synchronous", 2), ("busy_timeout", BUSY_TIMEOUT_MS))
    return SqliteDatabase(str(path), pragmas=pragmas, timeout=BUSY_TIMEOUT_MS / 1000)


def page_size(db: Database) -> int:
    return db.execute_sql("PRAGMA page_size").fetchone()[0]


def set_page_size(db: Database, size: int) -> None:
    """Rewrite the (rollback-journal) database `db` with pages of `size` bytes."""
    db.execute_sql(f"PRAGMA page_size = {int(size)}")
    db.execute_sql("VACUUM")


Schema = dict[str, tuple]


def schema_of(con: sqlite3.Connection) -> Schema:
    """Each table's columns (name, type, not null, default, primary key) and each index's table, uniqueness
    and columns, keyed by name; SQLite's own tables (sqlite_sequence, sqlite_stat1) are left out."""
    found: Schema = {}
    rows = con.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index') "
                       "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    for kind, name, table in rows:
        if kind == "table":
            columns = con.execute(f'PRAGMA table_info("{name}")').fetchall()
            found[name] = ("table", tuple((c[1], c[2].upper(), c[3], c[4], c[5]) for c in columns))
        else:
            unique = next((i[2] for i in con.execute(f'PRAGMA index_list("{table}")') if i[1] == name), None)
            columns = tuple(c[2] for c in con.execute(f'PRAGMA index_info("{name}")'))
            found[name] = ("index", table, unique, columns)
    return found


def table_columns(db: Database) -> dict[str, list[str]]:
    """Each table of `db` (SQLite's own left out) with its columns, in the order they were created."""
    names = [n for (n,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()]
    return {n: [c[1] for c in db.execute_sql(f'PRAGMA table_info("{n}")').fetchall()] for n in names}


def write_rows(db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]],
               batch: int = 5000) -> None:
    """Rows (in the order of `columns`) into `table` of `db`, in one transaction of batches."""
    from itertools import islice

    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join(["?"] * len(columns))})'
    iterator = iter(rows)
    with db.atomic():
        cursor = db.cursor()
        while chunk := list(islice(iterator, batch)):
            cursor.executemany(sql, chunk)


def add_phone_terms(db: Database, batch: int = 5000) -> None:
    """Each customer's phone suffix terms into the search index of the file `db`, beside those it has (a
    server whose phones' digits have their own index writes none; a file must have them to find phones)."""
    from itertools import islice

    from desktop_app.domain.search import phone_suffix_terms

    customers = db.execute_sql("SELECT id, name_key, phone FROM customer WHERE phone IS NOT NULL")
    sql = "INSERT OR IGNORE INTO search_term (term, name_key, customer_id) VALUES (?, ?, ?)"
    cursor = db.cursor()
    while chunk := list(islice(customers, batch)):
        cursor.executemany(sql, [(t, key, cid) for cid, key, phone in chunk for t in phone_suffix_terms(phone)])


def references(db: Database) -> dict[str, set[str]]:
    """Each table of `db` with the other tables its foreign keys point to."""
    return {table: {row[2] for row in db.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall()} - {table}
            for table in table_columns(db)}


class SqliteEngine(Engine):
    name = "sqlite"
    param = "?"
    errors = (sqlite3.Error,)
    ordered_subqueries = True  # a LIMIT keeps the sorted subquery a co-routine walked in its order

    def owns(self, db: Database) -> bool:
        return isinstance(db, SqliteDatabase)

    def label(self, db: Database) -> str:
        return Path(db.database).stem

    def check(self, target: Target, *, create: bool) -> None:
        check_file(target.path, create=create)

    def peek_version(self, target: Target) -> tuple[int, int] | None:
        """Read through a read-only connection: lets the version check refuse a newer database before a
        read-write connection (which switches the file to WAL) has touched a single byte of it."""
        path = target.path
        if not path.exists() or path.stat().st_size == 0:
            return None
        try:
            con = read_only(path)
            try:
                version = user_version(con)
                tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DatabaseError("db_busy") from exc
            raise DatabaseError("db_corrupt", path=path) from exc
        return version, tables

    def open(self, target: Target) -> Database:
        """Connect to the file and check that it really is a SQLite database. Raises DatabaseError with a
        plain message for an unreadable or damaged file."""
        path = target.path
        path.parent.mkdir(parents=True, exist_ok=True)
        db = SqliteHandle(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000, autoconnect=True,
                          lock_type="IMMEDIATE")
        try:
            db.connect(reuse_if_open=True)
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        except (PeeweeDatabaseError, sqlite3.DatabaseError) as exc:
            db.close()
            if isinstance(exc, OperationalError) and "locked" in str(exc):
                raise DatabaseError("db_busy") from exc
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise DatabaseError("db_corrupt", path=path) from exc
            raise DatabaseError("db_unreadable", path=path, reason=exc) from exc
        return db

    def scratch(self) -> Database:
        return SqliteDatabase(":memory:")

    def session_settings(self, db: Database) -> dict[str, object]:
        return {name: db.execute_sql(f"PRAGMA {name}").fetchone()[0] for name in REPORTED_PRAGMAS}

    def is_busy(self, exc: BaseException) -> bool:
        return is_busy(exc)

    def version(self) -> str:
        return sqlite3.sqlite_version

    def schema_version(self, db: Database) -> int:
        return db.execute_sql("PRAGMA user_version").fetchone()[0]

    def set_schema_version(self, db: Database, version: int) -> None:
        db.execute_sql(f"PRAGMA user_version = {int(version)}")

    def table_count(self, db: Database) -> int:
        return db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()[0]

    @contextmanager
    def migration_session(self, db: Database) -> Iterator[None]:
        db.execute_sql("PRAGMA foreign_keys = OFF")
        try:
            yield
        finally:
            db.execute_sql("PRAGMA foreign_keys = ON")

    def foreign_key_problems(self, db: Database) -> list[tuple]:
        return db.execute_sql("PRAGMA foreign_key_check").fetchall()

    def run_script(self, db: Database, script: str) -> None:
        for statement in script.split(";"):
            if statement.strip():
                db.execute_sql(statement)

    def backup(self, db: Database, dest: Path) -> Path:
        """Write a consistent copy of `db` to `dest` (a new file) and check it. Returns `dest`."""
        dest = Path(dest)
        tmp = dest.with_name(dest.name + ".partial")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            discard(tmp)
            copy_file(db.connection(), tmp)
            result = integrity(tmp)
            if result != "ok":
                raise ReguaError("backup_failed", path=dest, reason=result)
            for f in side_files(tmp):
                f.unlink(missing_ok=True)
            tmp.replace(dest)
        except (OSError, sqlite3.Error) as exc:
            discard(tmp)
            raise ReguaError("backup_failed", path=dest, reason=exc) from exc
        except ReguaError:
            discard(tmp)
            raise
        return dest

    def integrity_check(self, target: str | Path) -> str:
        return integrity(Path(target))

    def checkpoint(self, db: Database) -> None:
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def snapshot(self, target: Target) -> Iterator[Callable[[str], Iterable[tuple]]]:
        """A read-only connection (the file's bytes are never written) in one read transaction: a live
        shop's other writers go on in the WAL, unseen."""
        con = read_only(target.path)
        try:
            con.execute("BEGIN")
            yield lambda sql: con.execute(sql)
        except sqlite3.Error as exc:
            raise DatabaseError("db_unreadable", path=target.path, reason=exc) from exc
        finally:
            con.close()

    @contextmanager
    def reading(self, db: Database) -> Iterator[Callable[[str], Iterable[tuple]]]:
        yield lambda sql: db.cursor().execute(sql)

    def load_rows(self, db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        write_rows(db, table, columns, rows)

    def continue_ids(self, db: Database) -> None:
        """Nothing to do: an INTEGER PRIMARY KEY's next id is already one past the highest."""

    @contextmanager
    def large_cache(self, db: Database, megabytes: int) -> Iterator[None]:
        """An import of 100,000 rows touches a few hundred MB of index pages; with the everyday 32 MB
        SQLite would spill them mid-transaction and read them back."""
        before = db.execute_sql("PRAGMA cache_size").fetchone()[0]
        db.execute_sql(f"PRAGMA cache_size = {-1024 * int(megabytes)}")
        try:
            yield
        finally:
            db.execute_sql(f"PRAGMA cache_size = {int(before)}")

    def insert_rows(self, db: Database, model: type[Model], fields: Sequence[Field],
                    rows: Sequence[Sequence[object]]) -> None:
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join(["?"] * len(fields))})'
        db.cursor().executemany(sql, rows)

    def insert_returning_ids(self, db: Database, model: type[Model], fields: Sequence[Field],
                             rows: Sequence[Sequence[object]]) -> list[int]:
        """One executemany. SQLite gives a row of a table without AUTOINCREMENT the rowid one above the
        largest (until that reaches 2**63 - 1); the caller's transaction holds the write lock, so the rows
        of one statement run get consecutive ids ending at last_insert_rowid(). That is checked, so a
        table that ever reached the largest rowid (where SQLite picks at random) fails loudly instead."""
        if not rows:
            return []
        if not db.in_transaction():
            raise RuntimeError("insert_returning_ids needs the caller's transaction (the write lock)")
        table = model._meta.table_name
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        sql = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join(["?"] * len(fields))})'
        cursor = db.cursor()
        cursor.executemany(sql, rows)
        last = cursor.execute("SELECT last_insert_rowid()").fetchone()[0]
        first = last - len(rows) + 1
        key = model._meta.primary_key.column_name
        found = cursor.execute(f'SELECT count(*), min("{key}") FROM "{table}" WHERE "{key}" >= ? AND "{key}" <= ?',
                               (first, last)).fetchone()
        if found != (len(rows), first):
            raise RuntimeError(f"SQLite did not give {table}'s new rows consecutive ids")
        return list(range(first, last + 1))

    def upsert(self, query: Insert, key: Sequence[Field], update: Sequence[Field]) -> Insert:
        return query.on_conflict_replace()  # no table written so has rows that depend on it (no cascade)

    def upsert_sql(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        return (f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join([self.param] * len(columns))})")

    def indexed_by(self, index: str) -> str:
        return f"INDEXED BY {index}"


SQLITE = SqliteEngine()
