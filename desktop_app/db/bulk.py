"""Fast batched inserts for large jobs (demo data, imports): one prepared statement, executemany.

The caller owns the transaction; rows go in as tuples in the order of `fields`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice

from peewee import BooleanField, CharField, Field, ForeignKeyField, IntegerField, Model, TextField

from .database import database

BATCH = 5000


def bulk_insert(model: type[Model], fields: Sequence[Field], rows: Iterable[Sequence[object]]) -> int:
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join([database.param] * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    # Plain ints and strings go to sqlite3 as they are; only dates and the like need peewee's adapter.
    adapt = [(i, f.db_value) for i, f in enumerate(fields) if not isinstance(f, _PASS_THROUGH)]
    cursor = database.cursor()
    count = 0
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        if adapt:
            batch = [_adapted(row, adapt) for row in batch]
        cursor.executemany(sql, batch)
        count += len(batch)
    return count


_PASS_THROUGH = (IntegerField, CharField, TextField, ForeignKeyField, BooleanField)


def _adapted(row: Sequence[object], adapt) -> list[object]:
    values = list(row)
    for i, fn in adapt:
        values[i] = fn(values[i])
    return values


def next_id(model: type[Model]) -> int:
    return (database.execute_sql(f'SELECT max(id) FROM "{model._meta.table_name}"').fetchone()[0] or 0) + 1
