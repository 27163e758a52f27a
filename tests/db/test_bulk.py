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


CUSTOMER = [Customer.name, Customer.name_key, Customer.city, Customer.notes, Customer.source, Customer.created_at,
            Customer.updated_at]
WHEN = datetime(2026, 11, 24, 15, 0)


def _people(n: int, start: int = 0) -> list[tuple]:
    return [(f"Cliente {i}", f"cliente {i}", "", "", "import", WHEN, WHEN) for i in range(start, start + n)]


def test_rows_written_behind_are_all_there_in_order_when_the_block_ends(shop_settings):
    """write_behind (a server writes on a thread of its own while the caller builds the next batch): the ids
    come back at once, in the rows' order, and every row is in when the block has ended."""
    from desktop_app.db.bulk import write_behind
    from desktop_app.db.models import SearchTerm

    with database.atomic(), write_behind(reserve={Customer: 12_000}) as writer:
        ids = writer.insert_new(Customer, CUSTOMER, _people(6_000))
        writer.insert(SearchTerm, [SearchTerm.term, SearchTerm.name_key, SearchTerm.customer],
                      [(f"t{cid}", "k", cid) for cid in ids])
        ids += writer.insert_new(Customer, CUSTOMER, _people(6_000, 6_000))
    assert len(set(ids)) == 12_000
    names = dict(Customer.select(Customer.id, Customer.name).tuples())
    assert [names[cid] for cid in ids] == [f"Cliente {i}" for i in range(12_000)]
    assert SearchTerm.select().count() == 6_000
    again = Customer.create(name="Depois", name_key="depois", city="", notes="", source="manual", created_at=WHEN,
                            updated_at=WHEN).id
    assert again not in ids  # the sequence went past what was reserved


def test_a_batch_that_fails_behind_fails_the_whole_unit_and_writes_nothing(shop_settings):
    """A batch the database refuses (here a search term of a customer id twice: its primary key) is raised on
    the caller's thread, when it next hands a batch over or when the block ends, and the unit rolls back:
    not one row of the batches before it stays."""
    from desktop_app.db.bulk import write_behind
    from desktop_app.db.models import SearchTerm

    fields = [SearchTerm.term, SearchTerm.name_key, SearchTerm.customer]
    with pytest.raises(Exception) as failed, database.atomic(), write_behind(reserve={Customer: 10}) as writer:
        ids = writer.insert_new(Customer, CUSTOMER, _people(10))
        writer.insert(SearchTerm, fields, [("ana", "k", ids[0]), ("ana", "k", ids[0])])
        for _ in range(3):  # whatever comes after is not written either
            writer.insert(SearchTerm, fields, [("bia", "k", ids[1])])
    assert "duplicate" in str(failed.value).lower() or "unique" in str(failed.value).lower()
    assert Customer.select().count() == 0 and SearchTerm.select().count() == 0
    import threading

    assert not [t for t in threading.enumerate() if t.name == "regua-write-behind"]
