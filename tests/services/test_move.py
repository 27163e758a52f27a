"""`regua move-to` (issue 20): a shop moved file → server → file comes back with every table's rows and
checksums equal and the source's bytes unchanged; a target that has a shop is refused; a failure mid-copy
leaves the target empty; and a backup copy restored onto a server (and onto a file, the same command)."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.db import move as db_move
from desktop_app.db.database import close_database, open_database
from desktop_app.db.engine import parse_target
from desktop_app.db.migrations import HEAD
from desktop_app.db.sqlite_engine import SQLITE
from desktop_app.domain.actors import OWNER, Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.services.customers import interactions
from desktop_app.services.shop import move
from desktop_app.services.shop.shop import shop_settings
from tests import postgres

TODAY = date(2026, 11, 24)
OWNER_ACTOR = Actor(None, "Ana Paula", OWNER)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tallies(target) -> dict[str, tuple[int, str]]:
    """Each table's (rows, checksum) read through the engine's read-only snapshot."""
    parsed = parse_target(str(target))
    engine = SQLITE if parsed.is_file else db_move.engine_of(parsed)
    with engine.snapshot(parsed) as read:
        return {t.name: (lambda t_: (t_.rows, t_.digest))(db_move.Tally().consume(read(t.select())))
                for t in db_move.tables()}


def server_tables(url: str) -> int:
    with psycopg_connect(url) as conn:
        return conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").fetchone()[0]


def psycopg_connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


@pytest.fixture(scope="module")
def demo_shop(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "shop.db"
    code, _, err = run("--db", str(path), "demo", "--customers", "300", "--date", TODAY.isoformat())
    assert code == 0, err
    return path


@pytest.fixture
def empty_server():
    cluster = postgres.cluster()
    url = cluster.fresh(postgres.EMPTY_TEMPLATE)
    yield url
    close_database()
    cluster.drop(url)


def test_file_to_server_to_file_round_trip(demo_shop, empty_server, tmp_path):
    before = digest(demo_shop)
    code, out, err = run("--db", str(demo_shop), "move-to", empty_server)
    assert code == 0, err
    lines = out.splitlines()
    for table in db_move.tables():
        row = next(line for line in lines if line.split()[:1] == [table.name])
        assert row.split()[-1] == "OK"
    assert "not changed" in out
    back = tmp_path / "back.db"
    code, out, err = run("--db", empty_server, "move-to", str(back))
    assert code == 0, err
    source, there, returned = tallies(demo_shop), tallies(empty_server), tallies(back)
    assert source == there == returned
    assert source["customer"][0] == 300 and source["interaction"][0] > 300
    assert digest(demo_shop) == before  # the source is never written

    # the server's ids continue after the highest: a new entry gets the next id, not a taken one
    open_database(empty_server, create=False)
    settings = shop_settings()
    new_id = interactions.log_interaction(1, interactions.LogEntry(kind="visit", on=TODAY), actor=OWNER_ACTOR,
                                          shop=settings, today=TODAY)
    assert new_id == source["interaction"][0] + 1


def test_a_server_knows_the_moved_rows_at_once(demo_shop, empty_server):
    """move-to ends with ANALYZE on a server: the planner's statistics (row counts, the term index's
    values) are there as the move commits, not when autovacuum gets round to the tables."""
    code, _, err = run("--db", str(demo_shop), "move-to", empty_server)
    assert code == 0, err
    with psycopg_connect(empty_server) as conn:
        counted = dict(conn.execute("SELECT relname, reltuples FROM pg_class WHERE relname IN "
                                    "('customer', 'search_term', 'interaction')").fetchall())
        customers, terms = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("customer", "search_term"))
        term_stats = conn.execute("SELECT n_distinct FROM pg_stats WHERE tablename = 'search_term' "
                                  "AND attname = 'term'").fetchone()
    assert counted["customer"] == customers == 300
    assert counted["search_term"] == terms > 300
    assert counted["interaction"] > 0
    assert term_stats is not None


def test_a_shop_made_on_a_server_has_a_files_phone_terms_again_in_its_copies(demo_shop, empty_server, tmp_path):
    """A server with pg_trgm writes no phone terms (its trigram index finds the digits). Its backup copy, and
    the shop moved back to a file, carry them again: the very terms a file writes for the same demo shop,
    so the file finds the phones by their digits."""
    code, _, err = run("--db", empty_server, "demo", "--customers", "300", "--date", TODAY.isoformat())
    assert code == 0, err
    wanted = tallies(demo_shop)["search_term"]
    on_server = tallies(empty_server)["search_term"]
    assert on_server[0] < wanted[0] * 0.6  # the phones' 10 suffixes of a customer's 17 terms are not written
    copy, back = tmp_path / "copy.db", tmp_path / "back.db"
    assert run("--db", empty_server, "backup", str(copy))[0] == 0
    code, _, err = run("--db", empty_server, "move-to", str(back))
    assert code == 0, err
    assert tallies(copy)["search_term"] == tallies(back)["search_term"] == wanted
    with sqlite3.connect(back) as con:
        cid, phone = con.execute("SELECT id, phone FROM customer WHERE phone IS NOT NULL ORDER BY id").fetchone()
    code, out, err = run("--db", str(back), "search", phone[-7:-2])
    assert code == 0 and f"#{cid}" in out, (out, err)


def test_file_to_file_and_refusals(demo_shop, tmp_path):
    before = digest(demo_shop)
    copy = tmp_path / "copy.db"
    result = move.move_shop(demo_shop, copy, actor=OWNER_ACTOR)
    assert all(c.ok for c in result.checks) and result.count("customer") == 300
    assert tallies(copy) == tallies(demo_shop)
    copy_bytes = digest(copy)
    code, _, err = run("--db", str(demo_shop), "move-to", str(copy))  # it now has a shop
    assert code == 1 and "already holds a shop (300 customers)" in err
    assert digest(copy) == copy_bytes
    with pytest.raises(ReguaError) as onto:
        move.move_shop(demo_shop, demo_shop, actor=OWNER_ACTOR)
    assert onto.value.code == "move_onto_source"
    with pytest.raises(ReguaError) as denied:
        move.move_shop(demo_shop, tmp_path / "other.db", actor=Actor(None, "Bia", "manager"))
    assert denied.value.code == "not_allowed_owner" and not (tmp_path / "other.db").exists()
    assert digest(demo_shop) == before


def test_a_server_with_a_shop_or_other_tables_is_refused(demo_shop, empty_server):
    assert run("--db", str(demo_shop), "move-to", empty_server)[0] == 0
    there = tallies(empty_server)
    code, _, err = run("--db", str(demo_shop), "move-to", empty_server)
    assert code == 1 and "already holds a shop (300 customers)" in err
    assert tallies(empty_server) == there
    other = postgres.cluster().fresh(postgres.EMPTY_TEMPLATE)
    try:
        with psycopg_connect(other) as conn:
            conn.execute("CREATE TABLE invoices (id int)")
        with pytest.raises(ReguaError) as refused:
            move.move_shop(demo_shop, other, actor=OWNER_ACTOR)
        assert refused.value.code == "move_target_not_empty"
        assert server_tables(other) == 1
    finally:
        postgres.cluster().drop(other)


def test_a_failure_mid_copy_leaves_the_server_empty(demo_shop, empty_server, tmp_path):
    broken = tmp_path / "broken.db"
    move.move_shop(demo_shop, broken, actor=OWNER_ACTOR)
    con = sqlite3.connect(broken)  # an entry whose customer does not exist: the server's foreign key refuses it
    con.execute("INSERT INTO interaction (customer_id, kind, note, occurred_at, occurred_on, source, created_at) "
                "VALUES (999999, 'visit', '', '2026-11-24 10:00:00', '2026-11-24', 'test', '2026-11-24 10:00:00')")
    con.commit()
    con.close()
    before = digest(broken)
    code, _, err = run("--db", str(broken), "move-to", empty_server)
    assert code == 1 and "while copying interaction" in err and "left empty" in err
    assert server_tables(empty_server) == 0  # not even the schema stayed
    assert digest(broken) == before
    assert run("--db", str(demo_shop), "move-to", empty_server)[0] == 0  # and it can be used afterwards


def test_a_copy_that_does_not_check_out_leaves_no_file(demo_shop, tmp_path, monkeypatch):
    original = SQLITE.load_rows

    def lose_one(db, table, columns, rows):  # a copy that silently drops a customer
        rows = list(rows)
        original(db, table, columns, rows[:-1] if table == "customer" else rows)

    monkeypatch.setattr(type(SQLITE), "load_rows", lambda self, *a: lose_one(*a))
    target = tmp_path / "lost.db"
    with pytest.raises(ReguaError) as failed:
        move.move_shop(demo_shop, target, actor=OWNER_ACTOR)
    assert failed.value.code == "move_check_failed" and failed.value.params["table"] == "customer"
    assert not target.exists() and not list(tmp_path.glob("lost.db*"))


def test_an_older_shop_is_moved_from_an_upgraded_copy(tmp_path):
    """A shop of schema v1 (a released version's fixture) is moved at this version's schema; the upgrade
    happens in a copy, the v1 file is not touched."""
    oldest = tmp_path / "old.db"
    oldest.write_bytes((Path(__file__).resolve().parent.parent / "fixtures" / "schema_v1.db").read_bytes())
    before = digest(oldest)
    result = move.move_shop(oldest, tmp_path / "new.db", actor=OWNER_ACTOR)
    assert result.upgraded_from == 1 and result.version == HEAD and all(c.ok for c in result.checks)
    assert result.count("customer") > 0
    assert digest(oldest) == before


def test_restore_onto_either_engine(engine, demo_shop, paths, db_target, tmp_path):
    """`regua --db TARGET restore COPY.db` on a file (the existing path) and on a server (new): the
    shop's rows become the copy's, ids continue after the highest, what was there is kept."""
    copy = tmp_path / "copy.db"
    assert run("--db", str(demo_shop), "backup", str(copy))[0] == 0
    small = tmp_path / "small.db"  # what the shop held before the restore: another, smaller shop
    assert run("--db", str(small), "demo", "--customers", "40", "--date", TODAY.isoformat())[0] == 0
    target = str(db_target)
    assert run("--db", str(small), "move-to", target)[0] == 0
    close_database()
    code, out, err = run("--db", target, "--data-dir", str(tmp_path / "data"), "restore", str(copy))
    assert code == 0, err
    assert "restored from" in out
    assert list((tmp_path / "data").rglob("*before-restore*.db"))  # what was there is kept (a server's: its folder)
    after = tallies(target)
    wanted = tallies(copy)
    for table in ("customer", "interaction", "loyalty_entry", "search_term", "consent"):
        assert after[table] == wanted[table], table
    open_database(target, create=False)
    new_id = interactions.log_interaction(1, interactions.LogEntry(kind="visit", on=TODAY), actor=OWNER_ACTOR,
                                          shop=shop_settings(), today=TODAY)
    assert new_id == wanted["interaction"][0] + 1
    close_database()


def test_the_checksum_tells_null_empty_zero_and_row_boundaries_apart():
    def digest_of(*rows):
        return db_move.Tally().consume(rows).digest

    variants = [digest_of((None,)), digest_of(("",)), digest_of((0,)), digest_of(("0",)), digest_of(("None",)),
                digest_of(("a\n",)), digest_of(("a",), ("",)), digest_of(("a", "")), digest_of((1.0,))]
    assert len(set(variants)) == len(variants)
    many = [(i, f"name {i}", None) for i in range(db_move.BATCH * 2 + 7)]  # more than one batch
    assert db_move.Tally().consume(many).rows == len(many)
    assert db_move.Tally().consume(many).digest != db_move.Tally().consume(many[:-1]).digest
    passed = list(db_move.Tally().feed(many))
    assert passed == many
