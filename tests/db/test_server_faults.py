"""The shop's server going away under an open till (issue 20, item 6), at the database layer: a connection the
server closed (pg_terminate_backend: AdminShutdown, as a restart does) or a server that does not answer is the
typed "db_server_down" with the server named without its password, never a driver's traceback; the thread's
dead connection is let go, so the next call connects again. A write whose COMMIT met the dead connection may
or may not have been saved: it is "db_server_lost_commit", and nothing repeats it (its row is not there
twice, nor once by a silent second try)."""

from __future__ import annotations

import psycopg
import pytest

from desktop_app.db.database import close_database, database, open_database, write
from desktop_app.db.engine import redacted
from desktop_app.db.models import Setting
from desktop_app.domain.errors import DatabaseError
from tests import stoppable_server

pytestmark = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


def _kill_this_threads_connection(url: str) -> None:
    """What a server restart does to this thread's connection (the server's AdminShutdown), from outside."""
    pid = database.connection().info.backend_pid
    with psycopg.connect(url, autocommit=True) as other:
        assert other.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]


def _settings() -> dict[str, str]:
    return {s.key: s.value for s in Setting.select()}


def test_a_connection_the_server_closed_while_idle_is_made_anew_by_the_next_read_and_the_next_write(
        shop_settings, db_target):
    """A server restarted while the till sat idle: the lanes' connections are dead, the server is back. The
    next read, and the next write's BEGIN, meet the dead connection before anything was written, so they
    simply connect again: nobody is told about a fault that is already over."""
    before = _settings()
    pid = database.connection().info.backend_pid
    _kill_this_threads_connection(db_target)
    assert _settings() == before
    assert database.connection().info.backend_pid != pid  # a new connection
    _kill_this_threads_connection(db_target)
    with write():
        Setting.insert(key="fault.idle", value='"1"').execute()
    assert _settings()["fault.idle"] == '"1"'


def test_a_connection_that_dies_inside_a_read_transaction_is_the_typed_error_in_one_line(shop_settings, db_target):
    before = _settings()
    with pytest.raises(DatabaseError) as caught, database.atomic():
        _settings()
        _kill_this_threads_connection(db_target)
        _settings()  # inside a transaction: never read again silently on another connection
    assert caught.value.code == "db_server_down"
    assert caught.value.params["reason"] and "\n" not in str(caught.value.params["reason"])
    assert caught.value.params["path"] == redacted(db_target)
    assert _settings() == before  # and the next call connects again


def test_a_write_that_meets_a_dead_connection_before_its_commit_wrote_nothing_and_says_server_down(
        shop_settings, db_target):
    with pytest.raises(DatabaseError) as caught, write():
        Setting.insert(key="fault.before", value='"1"').execute()
        _kill_this_threads_connection(db_target)
        Setting.insert(key="fault.after", value='"2"').execute()  # the unit's next statement meets it
    assert caught.value.code == "db_server_down"
    assert not {"fault.before", "fault.after"} & set(_settings())  # the server rolled it all back
    with write():  # the next unit connects again and goes through
        Setting.insert(key="fault.next", value='"3"').execute()
    assert _settings()["fault.next"] == '"3"'


def test_a_commit_that_fails_by_connection_loss_is_the_lost_commit_and_is_never_repeated(shop_settings, db_target):
    tries = []
    with pytest.raises(DatabaseError) as caught, write():
        tries.append(1)
        Setting.insert(key="fault.commit", value='"1"').execute()
        _kill_this_threads_connection(db_target)  # between the unit's last statement and its COMMIT
    assert caught.value.code == "db_server_lost_commit"
    assert "check whether it was saved" in caught.value.message()
    assert tries == [1]
    # The server had not committed it (it was terminated first), and nothing tried again on a new connection.
    assert "fault.commit" not in _settings()
    with psycopg.connect(db_target, autocommit=True) as other:
        assert other.execute("SELECT count(*) FROM setting WHERE key = 'fault.commit'").fetchone()[0] == 0


def test_a_stopped_server_is_the_typed_error_without_the_password_and_a_started_one_is_used_again(engine):
    cluster = stoppable_server.server()
    url = cluster.fresh()
    with_password = url.replace(f"{cluster_user()}@", f"{cluster_user()}:segredo@")
    open_database(with_password)
    try:
        Setting.insert(key="fault.kept", value='"1"').execute()
        stoppable_server.stop(cluster)
        try:
            for _ in range(2):  # the closed connection, then a connection that cannot be made
                with pytest.raises(DatabaseError) as caught:
                    _settings()
                assert caught.value.code == "db_server_down"
                assert "segredo" not in caught.value.message() and "Traceback" not in caught.value.message()
            with pytest.raises(DatabaseError) as caught, write():
                Setting.insert(key="fault.lost", value='"2"').execute()
            assert caught.value.code == "db_server_down"  # BEGIN never reached a server: nothing to check
        finally:
            stoppable_server.start(cluster)
        assert _settings()["fault.kept"] == '"1"' and "fault.lost" not in _settings()
    finally:
        close_database()
        cluster.drop(url)


def cluster_user() -> str:
    from tests.postgres import USER

    return USER


def test_a_fault_names_the_server_without_password_or_the_settings_regua_added(engine):
    """The window's quick log said 'postgresql://regua:***@127.0.0.1:55432/loja?sslmode=...&connect_timeout=10'."""
    from desktop_app.db.postgres_engine import _named

    assert _named("postgresql://regua:segredo@127.0.0.1:55432/loja?connect_timeout=10") == \
        "postgresql://regua@127.0.0.1:55432/loja"
    assert _named("postgresql://ana@db.loja.pt/loja?sslmode=verify-full&sslrootcert=system&password=x") == \
        "postgresql://ana@db.loja.pt/loja"
    assert _named("postgresql://regua@/shop?host=/tmp/pg&port=5432&password=x") == \
        "postgresql://regua@/shop?host=/tmp/pg&port=5432"


def test_a_connection_that_dies_while_an_import_is_written_behind_is_the_typed_error_and_nothing_stays(
        shop_settings, db_target):
    """An import's chunks are written by a thread of their own on the unit's connection (db/bulk.py
    write_behind). The server closing that connection mid-import is raised on the caller's thread as the
    typed "db_server_down", the whole unit is rolled back, no writer thread is left, and the next unit
    connects again."""
    import threading
    from datetime import datetime

    from desktop_app.db.bulk import write_behind
    from desktop_app.db.models import Customer

    fields = [Customer.name, Customer.name_key, Customer.city, Customer.notes, Customer.source,
              Customer.created_at, Customer.updated_at]
    when = datetime(2026, 11, 24, 15, 0)

    def people(start: int) -> list[tuple]:
        return [(f"Cliente {i}", f"cliente {i}", "", "", "import", when, when) for i in range(start, start + 5000)]

    with pytest.raises(DatabaseError) as caught, write(), write_behind(reserve={Customer: 20_000}) as writer:
        writer.insert_new(Customer, fields, people(0))
        _kill_this_threads_connection(db_target)
        for start in (5000, 10_000, 15_000):
            writer.insert_new(Customer, fields, people(start))
    assert caught.value.code == "db_server_down"
    assert not [t for t in threading.enumerate() if t.name == "regua-write-behind"]
    assert Customer.select().count() == 0  # a new connection: the server rolled the whole import back
    with write():
        Setting.insert(key="fault.next", value='"3"').execute()
    assert _settings()["fault.next"] == '"3"'
