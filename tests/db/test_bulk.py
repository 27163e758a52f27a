"""The bulk writer stores rows exactly as peewee's own inserts do, and gives back the page cache it
borrowed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.db.bulk import bulk_insert, bulk_insert_ids, large_cache, row_count_estimate
from desktop_app.db.database import database
from desktop_app.db.models import Customer

FIELDS = [Customer.id, Customer.name, Customer.name_key, Customer.birthday_set_on, Customer.city, Customer.notes,
          Customer.source, Customer.created_at, Customer.updated_at]


@pytest.mark.parametrize("when", [datetime(2026, 11, 24, 15, 0), datetime(2026, 11, 24, 15, 0, 1, 250),
                                  "2026-11-24 15:00:00"])
def test_bulk_rows_are_stored_as_peewee_stores_them(shop_settings, when):
    first = Customer.create(name="Ana", name_key="ana", birthday_set_on=date(2026, 3, 1), city="", notes="",
                    source="manual", created_at=when, updated_at=when).id
    with database.atomic():
        bulk_insert(Customer, FIELDS, [(first + 1, "Bia", "bia", date(2026, 3, 1), "", "", "manual", when, when)])
    p = database.param
    raw = database.execute_sql(f"SELECT birthday_set_on, created_at, updated_at FROM customer WHERE id IN ({p}, {p}) "
                               "ORDER BY id", (first, first + 1)).fetchall()
    assert raw[0] == raw[1]
    bia = Customer.get_by_id(first + 1)
    assert (bia.birthday_set_on, bia.created_at) == (date(2026, 3, 1), Customer.get_by_id(first).created_at)
    assert row_count_estimate(Customer) == Customer.select().count()


@pytest.mark.sqlite_only("SQLite's page cache (PRAGMA cache_size); PostgreSQL's is the server's shared buffers")
def test_the_large_cache_is_given_back_even_when_the_job_fails(shop_settings):
    before = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    with pytest.raises(RuntimeError), large_cache(200):
        assert database.execute_sql("PRAGMA cache_size").fetchone()[0] == -200 * 1024
        raise RuntimeError("the job failed")
    assert database.execute_sql("PRAGMA cache_size").fetchone()[0] == before


def test_bulk_ids_are_the_ones_the_engine_gave_in_the_order_of_the_rows(shop_settings):
    """No id is worked out from the table (max + 1): the rows go in without one and the writer returns what
    the engine assigned, row for row, across batches, also after the newest row was deleted."""
    import desktop_app.db.bulk as bulk

    fields = FIELDS[1:]
    row = lambda name: (name, name.lower(), None, "", "", "manual", datetime(2026, 11, 24), datetime(2026, 11, 24))  # noqa: E731
    with database.atomic():
        Customer.delete().where(Customer.id == Customer.create(**dict(zip([f.name for f in fields], row("Gone"),
                                                                           strict=True))).id).execute()
        names = [f"Cliente {n}" for n in range(7)]
        original = bulk.BATCH
        bulk.BATCH = 3  # three statement runs
        try:
            ids = bulk_insert_ids(Customer, fields, [row(n) for n in names])
        finally:
            bulk.BATCH = original
    assert dict(Customer.select(Customer.id, Customer.name).tuples()) == dict(zip(ids, names, strict=True))
    assert ids == sorted(ids) and len(set(ids)) == 7


def test_bulk_ids_need_the_callers_transaction(shop_settings):
    with pytest.raises(RuntimeError, match="transaction"):
        bulk_insert_ids(Customer, FIELDS[1:], [("Ana", "ana", None, "", "", "manual", datetime(2026, 11, 24),
                                                 datetime(2026, 11, 24))])
