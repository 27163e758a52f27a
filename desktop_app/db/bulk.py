"""Fast batched inserts for large jobs (demo data, imports): one prepared statement, executemany.

The caller owns the transaction; rows go in as tuples in the order of `fields`. New rows get their ids
from the engine (`bulk_insert_ids`), never from reading the largest id and counting on from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from itertools import islice

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from desktop_app.db.database import database, engine

BATCH = 5000


def bulk_insert(model: type[Model], fields: Sequence[Field], rows: Iterable[Sequence[object]]) -> int:
    """Insert `rows` in batches the engine's fastest way (SQLite: one prepared statement; PostgreSQL: COPY)."""
    # Plain ints and strings go to the driver as they are; only dates and the like need adapting.
    adapt = [(i, _adapter(f)) for i, f in enumerate(fields) if not isinstance(f, _PASS_THROUGH)]
    count = 0
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        if adapt:
            batch = [_adapted(row, adapt) for row in batch]
        engine().insert_rows(database, model, fields, batch)
        count += len(batch)
    return count


_PASS_THROUGH = (IntegerField, CharField, TextField, ForeignKeyField, BooleanField)


def _adapter(field: Field):
    """Dates and times as the text peewee's fields store them ('2026-11-24 15:00:00'), written here because
    the SQLite driver's own adapters are deprecated and cost a call each; anything else goes to peewee.
    The same text on PostgreSQL, whose date and time columns hold it (postgres_engine.py)."""
    if isinstance(field, DateTimeField):
        return lambda v: v.isoformat(" ") if isinstance(v, datetime) else field.db_value(v)
    if isinstance(field, DateField):
        return lambda v: v.isoformat() if type(v) is date else field.db_value(v)
    return field.db_value


def _adapted(row: Sequence[object], adapt) -> list[object]:
    values = list(row)
    for i, fn in adapt:
        values[i] = fn(values[i])
    return values


def bulk_insert_ids(model: type[Model], fields: Sequence[Field], rows: Iterable[Sequence[object]]) -> list[int]:
    """Insert rows without an id, as `bulk_insert` does; the ids the engine gave them, in their order (what
    the rows that refer to them are then written with)."""
    adapt = [(i, _adapter(f)) for i, f in enumerate(fields) if not isinstance(f, _PASS_THROUGH)]
    ids: list[int] = []
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        if adapt:
            batch = [_adapted(row, adapt) for row in batch]
        ids.extend(engine().insert_returning_ids(database, model, fields, batch))
    return ids


class BulkWriter:
    """The inserts of one big write (an import's chunks), in order, inside the caller's transaction: on a
    server behind the caller (engine.write_behind), elsewhere at once. The caller reads nothing from the
    database while the writer is open: its rows may not be written yet."""

    def __init__(self, submit, reserved: dict[type[Model], list[int]]) -> None:
        self._submit, self._reserved = submit, reserved

    def insert(self, model: type[Model], fields: Sequence[Field], rows: Iterable[Sequence[object]]) -> None:
        if self._submit is None:
            bulk_insert(model, fields, rows)
            return
        adapt = [(i, _adapter(f)) for i, f in enumerate(fields) if not isinstance(f, _PASS_THROUGH)]
        columns = [f.column_name for f in fields]
        iterator = iter(rows)
        while batch := list(islice(iterator, BATCH)):
            self._submit(model._meta.table_name, columns, [_adapted(r, adapt) for r in batch] if adapt else batch)

    def insert_new(self, model: type[Model], fields: Sequence[Field], rows: Sequence[Sequence[object]]) -> list[int]:
        """Rows without an id; the ids they get, in their order (from those reserved for `model`)."""
        if self._submit is None or model not in self._reserved:
            return bulk_insert_ids(model, fields, rows)
        pool = self._reserved[model]
        if len(pool) < len(rows):
            raise RuntimeError(f"{len(rows)} new {model.__name__} rows, {len(pool)} ids reserved")
        ids, self._reserved[model] = pool[:len(rows)], pool[len(rows):]
        key = model._meta.primary_key
        self.insert(model, (key, *fields), [(i, *row) for i, row in zip(ids, rows, strict=True)])
        return ids


@contextmanager
def write_behind(reserve: dict[type[Model], int] | None = None) -> Iterator[BulkWriter]:
    """A BulkWriter for the `with` block, all of its rows written when the block ends (or its first failure
    raised). `reserve`: how many new rows of each model it will insert (their ids are taken up front)."""
    with engine().write_behind(database) as submit:
        reserved = {}
        if submit is not None:
            for model, n in (reserve or {}).items():
                ids = engine().reserve_ids(database, model, n) if n else []
                if ids is not None:
                    reserved[model] = ids
        yield BulkWriter(submit, reserved)


@contextmanager
def large_cache(megabytes: int) -> Iterator[None]:
    """A bigger cache for this connection while a large job runs (an import of 100,000 rows touches a few
    hundred MB of index pages). The cache is put back afterwards, even when the job fails."""
    with engine().large_cache(database, megabytes):
        yield


def row_count_estimate(model: type[Model]) -> int:
    """How many rows a table with an integer key holds, read from the key's ends (no scan)."""
    table = model._meta.table_name
    low, high = database.execute_sql(f'SELECT min(id), max(id) FROM "{table}"').fetchone()
    return 0 if low is None else high - low + 1
