"""What every engine must do the same (tests/engines.py runs each test on SQLite and on PostgreSQL): the
ladder from nothing, the write lock taken up front, copies that restore accepts row for row, ids and
upserts. What only one engine has is tested where it says so."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import date

import pytest

from desktop_app.db import migrations, restore
from desktop_app.db.backup import backup_database
from desktop_app.db.database import (
    DatabaseBusy,
    close_database,
    database,
    engine_for,
    integrity_check,
    open_database,
    preflight_version,
    write,
)
from desktop_app.db.database import (
    engine as open_engine,
)
from desktop_app.db.models import ALL_MODELS, Customer, SearchTerm, Setting
from desktop_app.domain.search import phone_suffix_terms
from desktop_app.services.shop import demo, shop


@pytest.fixture
def empty_target(engine, paths):
    """A database with nothing in it yet: a new file, or a new database on the test cluster."""
    if engine == "sqlite":
        yield paths.db_path
        close_database()
        return
    from tests import postgres

    cluster = postgres.cluster()
    url = cluster.fresh(postgres.EMPTY_TEMPLATE)
    yield url
    close_database()
    cluster.drop(url)


def test_a_new_database_is_built_by_the_ladder_and_matches_the_models(empty_target, paths):
    assert preflight_version(empty_target) is None  # nothing there yet
    db = open_database(empty_target)
    result = migrations.migrate(db, backup_dir=paths.backup_dir)
    assert (result.from_version, result.to_version, result.backup) == (0, migrations.HEAD, None)
    assert migrations.schema_version(database) == migrations.HEAD
    found = preflight_version(empty_target)
    assert found is not None and found[0] == migrations.HEAD
    assert engine_for(database).table_count(database) == found[1] > 0  # SQLite counts its indexes too
    assert {m._meta.table_name for m in ALL_MODELS} <= set(database.get_tables())
    for model in ALL_MODELS:
        columns = {c.name for c in database.get_columns(model._meta.table_name)}
        assert {f.column_name for f in model._meta.sorted_fields} <= columns, model.__name__
    assert migrations.migrate(db, backup_dir=paths.backup_dir).backup is None  # at head: nothing to do


def test_a_database_from_a_newer_regua_is_refused(shop_settings):
    engine_for(database).set_schema_version(database, migrations.HEAD + 1)
    with pytest.raises(Exception) as err:
        migrations.migrate(database, backup_dir=None)
    assert getattr(err.value, "code", None) == "db_too_new"


def test_a_unit_that_reads_then_writes_takes_the_lock_up_front(shop_settings):
    """Two tills: each reads a value and writes it back plus one, inside write(). With the lock taken up
    front the second waits for the first, so no increment is lost and neither fails."""
    shop.set_setting("counter", 0)
    errors = []

    def till() -> None:
        try:
            with write():
                seen = shop.get_setting("counter")
                time.sleep(0.3)  # the other till tries meanwhile
                shop.set_setting("counter", seen + 1)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            database.close()

    tills = [threading.Thread(target=till) for _ in range(2)]
    for t in tills:
        t.start()
    for t in tills:
        t.join(timeout=30)
    assert errors == [] and shop.get_setting("counter") == 2


def test_a_copy_holds_every_row_and_restore_takes_it(shop_settings, paths):
    """A backup is a self-contained SQLite file of the same schema: restore's checks accept it, and every
    table holds exactly the live database's rows (and, from a server that indexes the phones' digits, the
    phone terms a file finds them by)."""
    demo.generate(120, today=date(2026, 11, 24), seed=5)
    copy = backup_database(database, paths.data_dir / "copy.db")
    assert integrity_check(copy) == "ok"
    assert restore.check_copy(copy) == migrations.HEAD
    con = sqlite3.connect(copy)
    try:
        for model in ALL_MODELS:
            table = model._meta.table_name
            columns = [f.column_name for f in model._meta.sorted_fields]
            names = ", ".join(f'"{c}"' for c in columns)
            live = sorted(map(tuple, database.execute_sql(f'SELECT {names} FROM "{table}"').fetchall()),
                          key=repr)
            if model is SearchTerm and open_engine().phone_digits_indexed(database):
                # the copy is a file's shop: beside the server's terms, each phone's suffix terms, as a file has
                assert columns == ["term", "name_key", "customer_id"]
                phones = Customer.select(Customer.id, Customer.name_key, Customer.phone).where(
                    Customer.phone.is_null(False)).tuples()
                live = sorted(set(live) | {(t, key, cid) for cid, key, phone in phones
                                           for t in phone_suffix_terms(phone)}, key=repr)
            copied = sorted(con.execute(f'SELECT {names} FROM "{table}"').fetchall(), key=repr)
            assert copied == live, table
    finally:
        con.close()
    assert Customer.select().count() == 120


def test_upsert_writes_over_the_row_with_the_same_key(shop_settings):
    shop.set_setting("which", "first")
    shop.set_setting("which", "second")
    assert [(s.key, s.value) for s in Setting.select().where(Setting.key == "which")] == [("which", '"second"')]


def test_dates_and_times_read_back_as_written(shop_settings):
    """The same ISO text on both engines: peewee's fields read it back as dates and datetimes, and plain
    SQL reads it back as the text SQLite has always had."""
    from datetime import datetime

    when = datetime(2026, 11, 24, 15, 30, 0, 250)
    cid = Customer.create(name="Ana", name_key="ana", birthday_set_on=date(2026, 3, 1), source="manual",
                          created_at=when, updated_at=when).id
    row = Customer.get_by_id(cid)
    assert (row.birthday_set_on, row.created_at) == (date(2026, 3, 1), when)
    p = database.param
    raw = database.execute_sql(f"SELECT birthday_set_on, created_at FROM customer WHERE id = {p}", (cid,)).fetchone()
    assert tuple(raw) == ("2026-03-01", "2026-11-24 15:30:00.000250")
    later = Customer.select().where(Customer.created_at > datetime(2026, 11, 24, 15, 30)).count()
    assert later == 1


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_on_postgresql_a_unit_that_cannot_get_the_lock_in_time_is_refused_whole(shop_settings):
    """The bound on the wait: another till holds the lock; a unit allowed 0.3 s is refused as DatabaseBusy
    (a plain-words error), nothing of it written, and the connection works afterwards."""
    held, release = threading.Event(), threading.Event()

    def holder() -> None:
        with write():
            shop.set_setting("holder", 1)
            held.set()
            release.wait(10)
        database.close()

    other = threading.Thread(target=holder)
    other.start()
    try:
        assert held.wait(10)
        start = time.monotonic()
        with pytest.raises(DatabaseBusy), write(wait=0.3):
            shop.set_setting("mine", 1)
        assert 0.25 < time.monotonic() - start < 5
    finally:
        release.set()
        other.join(10)
    assert shop.get_setting("mine") is None and shop.get_setting("holder") == 1
    with write():
        shop.set_setting("mine", 2)
    assert shop.get_setting("mine") == 2


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_on_postgresql_every_connection_gets_the_settings_and_no_password_is_kept(shop_settings, db_target):
    from desktop_app.db.database import current_pragmas, database_label, database_path

    settings = current_pragmas()
    assert settings["TimeZone"] == "UTC" and settings["server_encoding"] == "UTF8"
    assert settings["lock_timeout"] == "1min"
    seen = {}
    worker = threading.Thread(target=lambda: (seen.update(current_pragmas()), database.close()))
    worker.start()
    worker.join()
    assert seen == settings
    assert database_path() is None and database_label() == "regua_shop"
    assert integrity_check(db_target) == "ok"  # every table reads
