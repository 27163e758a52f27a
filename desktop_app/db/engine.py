"""The one small interface a database engine implements, and how a target names its engine.

Everything engine-specific lives behind `Engine`, one module per engine (`sqlite_engine.py`, the default,
and `postgres_engine.py`, for tills that share a server): opening a database and the settings every connection gets, the
schema version, backups, the ids a bulk insert was given, conflict clauses and the planner hints. Everything else in `db/` and above it is written once, in peewee expressions or
plain standard SQL with the driver's placeholder (`database.param`), and asks the open database's
engine for the rest (`database.engine()`).

Which engine a target names is domain/target.py's (standard library only, so that config can use it too).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from peewee import Database, DatabaseProxy, Field, Insert, Model

from desktop_app.domain.target import EngineNotSupported, Target, is_url, parse_target, redacted

__all__ = ["Engine", "EngineNotSupported", "Target", "is_url", "parse_target", "redacted"]

HEARD_EVERYTHING = "*"  # what a listener hears after it had to reconnect: anything may have changed meanwhile



def handle_of(db: Database) -> Database:
    """The engine's own handle behind `db` (peewee's proxy, or a handle itself)."""
    return db.obj if isinstance(db, DatabaseProxy) else db

class Engine(ABC):
    """One database engine (sqlite_engine.py, postgres_engine.py). `db` arguments are the engine's own peewee handle (the one `open` returned),
    or the shared `database` proxy bound to it."""

    name: str  # "sqlite", "postgresql"
    param: str  # the driver's parameter placeholder, for plain SQL
    errors: tuple[type[BaseException], ...]  # the driver's own exception classes

    # --- opening, and the settings each connection gets ---------------------------------------------------

    @abstractmethod
    def owns(self, db: Database) -> bool:
        """True when `db` (a peewee handle, not the proxy) is one of this engine's."""

    @abstractmethod
    def label(self, db: Database) -> str:
        """A short name for `db` fit for a file name or a message (a file's stem, a server database's name;
        never a password)."""

    @abstractmethod
    def check(self, target: Target, *, create: bool) -> None:
        """Refuse a missing (unless creating) or foreign target before any connection could change it."""

    @abstractmethod
    def peek_version(self, target: Target) -> tuple[int, int] | None:
        """(schema version, number of tables) read without writing a byte, or None for a new database."""

    @abstractmethod
    def open(self, target: Target) -> Database:
        """A connected handle whose every connection, in every thread, has the engine's settings and whose
        every transaction takes the write lock up front (waiting, bounded, for it)."""

    @abstractmethod
    def scratch(self) -> Database:
        """An empty throw-away database (in memory where the engine can), for the expected schema."""

    @abstractmethod
    def session_settings(self, db: Database) -> dict[str, object]:
        """The settings of this thread's connection, as the engine reports them."""

    @abstractmethod
    def is_busy(self, exc: BaseException) -> bool:
        """True when `exc` says another connection holds the lock (not wrapped)."""

    @abstractmethod
    def version(self) -> str:
        """The engine's (library's or server's) version, for `regua self-check`."""

    # --- the schema version ------------------------------------------------------------------------------

    @abstractmethod
    def schema_version(self, db: Database) -> int: ...

    @abstractmethod
    def set_schema_version(self, db: Database, version: int) -> None: ...

    @abstractmethod
    def table_count(self, db: Database) -> int: ...

    @abstractmethod
    def migration_session(self, db: Database) -> AbstractContextManager[None]:
        """Around the steps of an upgrade: foreign keys not enforced (a rebuilt table must not cascade)."""

    @abstractmethod
    def foreign_key_problems(self, db: Database) -> list[tuple]: ...

    @abstractmethod
    def run_script(self, db: Database, script: str) -> None:
        """A migration step's DDL, statement by statement."""

    def unchecked_search_index(self, db: Database) -> None:  # noqa: B027 - most engines have nothing to do
        """Step v8 of the ladder: where checking the search index's reference to its customer costs more than
        the index itself, the reference goes and the database deletes a customer's terms with her, as the
        ON DELETE CASCADE did. Nothing to do where the check is cheap (SQLite, in its own process)."""

    def phone_digits_index(self, db: Database) -> None:  # noqa: B027 - most engines have nothing to do
        """Step v9 of the ladder: where the database can index a phone's digits for any substring (PostgreSQL's
        trigram extension), it does, and Régua stops writing the phone's suffixes as search terms (10 of a customer's
        17). Nothing to do where it cannot (SQLite keeps the suffix terms)."""

    def phone_digits_indexed(self, db: Database) -> bool:
        """Whether `db` finds a customer's phone digits by their own index rather than by suffix terms (then
        a search's digit words also ask that index, and no phone terms are written)."""
        return False

    def phone_digits_match(self, phone, pattern):
        """Where phone_digits_indexed: the condition "the digits of the column `phone` are LIKE `pattern`", in
        the words that index answers (a peewee node)."""
        raise NotImplementedError(f"{self.name} does not index the phones' digits")

    def phones_holding(self, db: Database, pattern: str, cap: int) -> int:
        """Where phone_digits_indexed: how many customers' phone digits are LIKE `pattern`, counted up to `cap`."""
        raise NotImplementedError(f"{self.name} does not index the phones' digits")

    # --- backups and checks --------------------------------------------------------------------------------

    @abstractmethod
    def backup(self, db: Database, dest: Path) -> Path:
        """A consistent, verified, self-contained copy of `db` at `dest` (a new file)."""

    @abstractmethod
    def integrity_check(self, target: str | Path) -> str:
        """'ok', or the engine's first complaint about the database at `target`."""

    @abstractmethod
    def checkpoint(self, db: Database) -> None:
        """Fold what the engine keeps aside (SQLite's WAL) into the database, so erased bytes do not linger."""

    # --- copying a whole shop (db/move.py: `regua move-to`, a restore onto a server) ----------------------

    @abstractmethod
    def snapshot(self, target: Target) -> AbstractContextManager[Callable[[str], Iterable[tuple]]]:
        """`rows(sql)` reading the database at `target` through a read-only connection, in one snapshot."""

    @abstractmethod
    def reading(self, db: Database) -> AbstractContextManager[Callable[[str], Iterable[tuple]]]:
        """`rows(sql)` streaming through `db`'s own connection (inside its open transaction, if any)."""

    @abstractmethod
    def load_rows(self, db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        """Rows that bring their own ids into `table`, in the caller's transaction, the fastest way the
        engine has."""

    @abstractmethod
    def continue_ids(self, db: Database) -> None:
        """Make every table's next id follow its highest (after rows were loaded with their ids)."""

    def after_load(self, db: Database) -> None:
        """After a whole shop was loaded into `db` (a move, a restore onto a server), in the same transaction:
        what the engine's planner needs to know about the new rows (nothing on SQLite, whose plans for the
        big queries are fixed by hints)."""
        return None

    # --- bulk writing --------------------------------------------------------------------------------------

    @abstractmethod
    def large_cache(self, db: Database, megabytes: int) -> AbstractContextManager[None]:
        """A bigger cache for this connection while a large job runs, put back afterwards."""

    @abstractmethod
    def insert_rows(self, db: Database, model: type[Model], fields: Sequence[Field],
                    rows: Sequence[Sequence[object]]) -> None:
        """Insert `rows` (in the order of `fields`, values as the driver takes them) in the caller's
        transaction, the fastest way the engine has (SQLite: one prepared statement; PostgreSQL: COPY)."""

    @abstractmethod
    def insert_returning_ids(self, db: Database, model: type[Model], fields: Sequence[Field],
                             rows: Sequence[Sequence[object]]) -> list[int]:
        """Insert `rows` (in the order of `fields`, no id) in the caller's transaction; the ids the engine
        gave them, in the order of `rows`."""

    def reserve_ids(self, db: Database, model: type[Model], n: int) -> list[int] | None:
        """`n` new ids for `model` taken now, in the caller's transaction, for rows written later; None where
        the ids come with the insert (SQLite's rowids)."""
        return None

    @contextmanager
    def write_behind(self, db: Database) -> Iterator[Callable[[str, Sequence[str], list], None] | None]:
        """Inside the caller's transaction: a `submit(table, columns, rows)` whose inserts run in order on a
        thread of their own, so the database works on one batch while the caller builds the next; every
        one is written (or the first failure raised) when the block ends. None where inserts run at once."""
        yield None

    # --- conflict clauses ------------------------------------------------------------------------------------

    @abstractmethod
    def upsert(self, query: Insert, key: Sequence[Field], update: Sequence[Field]) -> Insert:
        """`query` (one or more rows) writing over the row with the same `key`: `update`'s columns take the
        new values."""

    @abstractmethod
    def upsert_sql(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        """The plain SQL of the same, one row of `columns` placeholders, for executemany."""

    # --- several tills on one database (issue 20): defaults for an engine with one PC --------------------

    claim_lock: str = ""  # what the sender's claim of an outbox row adds to its SELECT (a row lock)

    def after_migrate(self, db: Database) -> None:
        """What the engine keeps beside the ladder's schema, made or brought up to date after migrating
        (nothing on SQLite)."""
        return None

    @contextmanager
    def only_one(self, db: Database, name: str) -> Iterator[bool]:
        """Whether this process is the one running job `name` (the planner, the sender) for the whole
        database, held while inside: True for one holder at a time and False, at once, for the others.
        One PC's file needs no such lock (its writers take turns at the write lock): always True."""
        yield True

    def listener(self, db: Database):
        """What hears the writes other tills commit (postgres_engine.Listener: `wait(timeout)` → the tables
        they changed), or None where no other till can write."""
        return None

    # --- the planner ------------------------------------------------------------------------------

    ordered_subqueries: bool = False  # whether a query over a sorted, LIMITed subquery keeps its order

    def one_of(self, column: str, values: Sequence[object]) -> tuple[str, list]:
        """The condition "`column` is one of `values`" and its parameters: an IN (...) list, a marker a value."""
        return f"{column} IN ({', '.join([self.param] * len(values))})", list(values)

    def estimated_rows(self, db: Database, sql: str, params: Sequence[object]) -> int | None:
        """How many rows `sql` would return by the engine's own statistics, without running it; None where
        the engine keeps none worth asking (the caller counts instead)."""
        return None

    @abstractmethod
    def indexed_by(self, index: str) -> str:
        """A hint naming the index the query must walk ('' where the engine takes none)."""
