"""Several tills on one server (issue 20): each committed write of another till is heard on a till's own
listening connection within 2 s (its own are not, nor a write that changed nothing or was rolled back),
the listener comes back by itself after the server dropped it, and a shop-wide job has one runner at a time."""

from __future__ import annotations

import time

import pytest

from desktop_app.db import tills
from desktop_app.db.database import database, engine_of
from desktop_app.db.engine import parse_target
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.shop import shop
from tests.conftest import TODAY

ON_A_SERVER = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


@pytest.fixture
def other_till(shop_settings, db_target):
    """A second till's handle on the same database: its own connection and session."""
    target = parse_target(db_target)
    handle = engine_of(target).open(target)
    yield handle
    handle.close()


@pytest.fixture
def listening(shop_settings):
    heard = tills.listener()
    heard.wait(0.01)  # connected and listening before the test writes
    yield heard
    heard.close()


def hear(listener, within: float = 2.0) -> tuple[set[str], float]:
    start = time.monotonic()
    found: set[str] = set()
    while not found and time.monotonic() - start < within:
        found = listener.wait(0.3)
    return found, time.monotonic() - start


@ON_A_SERVER
def test_another_tills_committed_write_is_heard_within_two_seconds(shop_settings, actor, other_till, listening):
    with other_till.atomic():
        other_till.execute_sql("INSERT INTO interaction (customer_id, kind, note, occurred_at, occurred_on, source, "
                               "created_at, resolution) SELECT id, 'visit', '', '2026-11-24 10:00:00', '2026-11-24', "
                               "'counter', '2026-11-24 10:00:00', '' FROM customer")  # no customer yet: no row
        other_till.execute_sql("UPDATE setting SET value = '\"x\"' WHERE key = 'regua_test'")  # nothing matches
    assert hear(listening, 0.6)[0] == set()  # statements that changed no row announce nothing
    other_till.execute_sql("INSERT INTO setting (key, value) VALUES ('regua_test', '1')")
    found, after = hear(listening)
    assert found == {"setting"} and after < 2.0


@ON_A_SERVER
def test_its_own_writes_a_rolled_back_write_and_a_write_of_the_same_values_are_not_heard(
        shop_settings, actor, other_till, listening):
    customers.create_customer(CustomerInput(name="Maria Souza", email="maria@example.com"), shop=shop_settings,
                              actor=actor, today=TODAY)  # this till's own session
    shop.set_setting("regua_test", [1, 2])
    assert hear(listening, 0.6)[0] == set()
    with pytest.raises(RuntimeError), other_till.atomic():
        other_till.execute_sql("UPDATE customer SET city = 'Niterói'")
        raise RuntimeError("the till changed its mind")
    other_till.execute_sql("UPDATE setting SET value = value WHERE key = 'regua_test'")  # the same value again
    assert hear(listening, 0.6)[0] == set()
    with other_till.atomic():
        other_till.execute_sql("UPDATE customer SET city = 'Niterói'")
        other_till.execute_sql("DELETE FROM setting WHERE key = 'regua_test'")
    assert hear(listening)[0] == {"customer", "setting"}  # one transaction, heard as one burst


@ON_A_SERVER
def test_a_listener_dropped_by_the_server_comes_back_and_says_it_may_have_missed_something(
        shop_settings, other_till, listening):
    other_till.execute_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE application_name = 'regua listener' AND datname = current_database()")
    deadline = time.monotonic() + 6
    found: set[str] = set()
    while tills.HEARD_EVERYTHING not in found and time.monotonic() < deadline:
        found = listening.wait(0.3)
    assert found == {tills.HEARD_EVERYTHING}
    other_till.execute_sql("INSERT INTO setting (key, value) VALUES ('regua_test', '2')")
    assert hear(listening)[0] == {"setting"}


def test_one_runner_at_a_time_for_a_shop_wide_job(shop_settings, engine, db_target, other_till):
    """On a server the second session is told at once that another runs the job; on a file (one PC, whose
    writers take turns at the write lock) the job is always this process's."""
    with tills.one_at_a_time(tills.SENDER) as first:
        assert first
        with engine_of(parse_target(db_target)).only_one(other_till, tills.SENDER) as second:
            assert second is (engine == "sqlite")
        with engine_of(parse_target(db_target)).only_one(other_till, tills.PLANNER) as other_job:
            assert other_job  # another job's lock is another lock
    with engine_of(parse_target(db_target)).only_one(other_till, tills.SENDER) as after:
        assert after  # let go on the way out
    assert database.obj is not other_till
