"""Fast batched inserts for large jobs (demo data, imports): one prepared statement, executemany.

The caller owns the transaction; rows go in as tuples in the order of `fields`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice

from peewee import Field, Model

from .database import database

BATCH = 5000


def bulk_insert(model: type[Model], fields: Sequence[Field], rows: Iterable[Sequence[object]]) -> int:
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join([database.param] * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    adapters = [f.db_value for f in fields]
    cursor = database.cursor()
    count = 0
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        cursor.executemany(sql, [tuple(a(v) for a, v in zip(adapters, row, strict=True)) for row in batch])
        count += len(batch)
    return count


def next_id(model: type[Model]) -> int:
    return (database.execute_sql(f'SELECT max(id) FROM "{model._meta.table_name}"').fetchone()[0] or 0) + 1
