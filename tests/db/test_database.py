"""The SQLite database file: pragmas on every connection, the version ladder over the released files, files
that are not ours, and the write lock against other processes. These are about SQLite itself and run on it
alone; what every engine must do the same is in test_engines.py, run on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop_app.db import migrations
from desktop_app.db.database import close_database, current_pragmas, database, integrity_check, open_database
from desktop_app.domain.errors import DatabaseError
from desktop_app.services.shop import shop

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECTED = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 5000, "secure_delete": 1}


def table_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def schema_of(path: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall())
    finally:
        con.close()


def test_gui_thread_worker_thread_and_command_line_get_the_same_pragmas(paths):
    """Promise: Every connection has the same pragmas."""
    shop.open_shop(paths)
    try:
        assert current_pragmas() == EXPECTED
        seen = {}
        worker = threading.Thread(target=lambda: seen.update(current_pragmas()))
        worker.start()
        worker.join()
        assert seen == EXPECTED
    finally:
        close_database()
    script = ("import json,sys; from desktop_app.config import resolve_paths; from desktop_app.services.shop import shop;"
              "from desktop_app.db.database import current_pragmas;"
              "shop.open_shop(resolve_paths(db=sys.argv[1])); print(json.dumps(current_pragmas()))")
    out = subprocess.run([sys.executable, "-c", script, str(paths.db_path)], capture_output=True, text=True,
                         check=True)
    assert json.loads(out.stdout) == EXPECTED


def test_a_new_database_is_created_at_head(paths):
    result = shop.open_shop(paths)
    close_database()
    assert (result.from_version, result.to_version, result.backup) == (0, migrations.HEAD, None)
    assert integrity_check(paths.db_path) == "ok"


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6, 7])
def test_each_released_schema_upgrades_to_head_without_losing_a_row(tmp_path, version):
    """Row counts per table unchanged and the schema equal to a fresh one; older files get a backup."""
    source = FIXTURES / f"schema_v{version}.db"
    db_path = tmp_path / "old.db"
    shutil.copy(source, db_path)
    before = table_counts(db_path)
    result = migrations.migrate(open_database(db_path), backup_dir=tmp_path / "backups")
    close_database()
    after = table_counts(db_path)
    assert {t: n for t, n in after.items() if t in before} == before
    assert all(n == 0 for t, n in after.items() if t not in before)  # tables a later version added
    assert (result.backup is not None) == (version < migrations.HEAD)
    fresh = tmp_path / "fresh.db"
    migrations.migrate(open_database(fresh), backup_dir=tmp_path / "backups")
    close_database()
    assert schema_of(db_path) == schema_of(fresh)
    assert integrity_check(db_path) == "ok"


def test_an_upgrade_takes_a_backup_first_and_keeps_child_rows(tmp_path, monkeypatch):
    """A future step that rebuilds the customer table must not cascade-delete interactions."""
    db_path = tmp_path / "old.db"
    head = migrations.HEAD
    shutil.copy(FIXTURES / f"schema_v{head}.db", db_path)
    before = table_counts(db_path)

    def rebuild_customer(db):
        """The SQLite table-rebuild recipe, as a real step that changes a column would do it."""
        ddl = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'customer'").fetchone()[0]
        indexes = [r[0] for r in db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer' AND sql IS NOT NULL")]
        db.execute_sql(ddl.replace("CREATE TABLE customer", "CREATE TABLE customer_new", 1))
        db.execute_sql("INSERT INTO customer_new SELECT * FROM customer")
        db.execute_sql("DROP TABLE customer")  # with foreign keys on, this would empty interaction
        db.execute_sql("ALTER TABLE customer_new RENAME TO customer")
        for sql in indexes:
            db.execute_sql(sql)

    monkeypatch.setitem(migrations.STEPS, head + 1, rebuild_customer)
    monkeypatch.setattr(migrations, "HEAD", head + 1)
    result = migrations.migrate(open_database(db_path), backup_dir=tmp_path / "backups")
    close_database()
    assert result.backup is not None and result.backup.exists()
    assert integrity_check(result.backup) == "ok"
    assert table_counts(result.backup) == before
    assert table_counts(db_path)["interaction"] == before["interaction"]
    assert sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0] == head + 1


def test_a_database_from_a_newer_regua_is_refused_untouched(tmp_path):
    db_path = tmp_path / "new.db"
    shutil.copy(FIXTURES / "schema_v1.db", db_path)
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {migrations.HEAD + 1}")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as err:
        shop.open_shop(shop.Paths(tmp_path, db_path))
    close_database()
    assert err.value.code == "db_too_new"
    assert "newer version" in err.value.message()
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("content", [b"this is a spreadsheet, not a database" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_damaged_file_gives_a_message_not_a_traceback(tmp_path, content):
    db_path = tmp_path / "broken.db"
    db_path.write_bytes(content)
    with pytest.raises(DatabaseError) as err:
        shop.open_shop(shop.Paths(tmp_path, db_path))
    close_database()
    assert err.value.code in ("db_corrupt", "db_unreadable")
    assert db_path.read_bytes() == content


def test_another_programs_sqlite_file_is_not_taken_over(tmp_path):
    db_path = tmp_path / "other.db"
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE produtos (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError) as err:
        shop.open_shop(shop.Paths(tmp_path, db_path))
    close_database()
    assert err.value.code == "db_corrupt"


def test_models_match_the_migrated_schema(paths):
    """Every peewee model column exists in the table the migrations built."""
    from desktop_app.db.models import ALL_MODELS

    shop.open_shop(paths)
    try:
        for model in ALL_MODELS:
            columns = {c.name for c in database.get_columns(model._meta.table_name)}
            assert {f.column_name for f in model._meta.sorted_fields} <= columns, model.__name__
    finally:
        close_database()


# --- one writer at a time, and nobody fails for it ----------------------------------------------------------


def _hold_write_lock(path: Path, seconds: float) -> subprocess.Popen:
    """Another process that takes the write lock, says so on stdout, and keeps it for `seconds`."""
    script = ("import sqlite3, sys, time; con = sqlite3.connect(sys.argv[1], isolation_level=None);"
              "con.execute('BEGIN IMMEDIATE'); con.execute(\"INSERT OR REPLACE INTO setting (key, value) "
              "VALUES ('holder', '1')\"); print('holding', flush=True); time.sleep(float(sys.argv[2]));"
              "con.execute('COMMIT')")
    proc = subprocess.Popen([sys.executable, "-c", script, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_unit_that_reads_then_writes_takes_the_lock_up_front_and_never_fails_for_it(paths):
    """RELIABILITY.md "The counter never fails because mail goes out": every write transaction takes
    the write lock up front. A unit reads, another connection writes meanwhile, the unit then writes. In
    SQLite's default deferred mode the unit fails at once ("database is locked", its snapshot is stale);
    with BEGIN IMMEDIATE the other writer waits its turn and both commit."""
    shop.open_shop(paths)
    other = sqlite3.connect(paths.db_path, timeout=5, isolation_level=None, check_same_thread=False)
    committed = {}

    def other_writer() -> None:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('other', '1')")
        other.execute("COMMIT")
        committed["other"] = time.monotonic()

    try:
        with database.atomic():
            assert shop.get_setting("ours") is None  # it reads first...
            writer = threading.Thread(target=other_writer)
            writer.start()
            time.sleep(0.3)  # ...another till writes meanwhile (or waits for this unit)...
            shop.set_setting("ours", 1)  # ...and then it writes
            committed["ours"] = time.monotonic()
        writer.join(timeout=10)
        assert committed["other"] > committed["ours"]  # the other one waited for the lock, then got in
        assert (shop.get_setting("ours"), shop.get_setting("other")) == (1, 1)
    finally:
        other.close()
        close_database()


def test_a_write_waits_for_a_transaction_longer_than_the_busy_timeout(paths):
    """RELIABILITY.md "The counter never fails because mail goes out" (and a running import): another
    process holds the write lock for longer than this connection's busy timeout (shortened to 0.2 s
    here; a long import outlasts the real 5 s). A unit and a single statement both wait and succeed."""
    shop.open_shop(paths)
    try:
        database.execute_sql("PRAGMA busy_timeout = 200")
        for alone in (False, True):
            holder = _hold_write_lock(paths.db_path, 1.0)
            start = time.monotonic()
            if alone:
                shop.set_setting("alone", 2)  # a statement on its own, outside any transaction
            else:
                with database.atomic():
                    shop.set_setting("in_unit", 1)
            assert time.monotonic() - start > 0.5  # it did wait for the other process
            holder.wait(timeout=10)
        assert (shop.get_setting("in_unit"), shop.get_setting("alone")) == (1, 2)
    finally:
        close_database()


def test_a_database_that_stays_busy_is_one_plain_line_never_a_traceback(paths, monkeypatch):
    """RELIABILITY.md "The counter never fails because mail goes out": when the lock stays taken past
    the bound, the unit is refused as a whole (nothing of it written) with the "db_busy" message: a
    ReguaError, which the window shows translated and the command line prints as one line, exit 1."""
    import io

    from desktop_app import cli
    from desktop_app.db import sqlite_engine as db_module
    from desktop_app.db.database import DatabaseBusy
    from desktop_app.db.models import Interaction
    from desktop_app.domain.actors import COMMAND_LINE
    from desktop_app.domain.errors import ReguaError
    from desktop_app.services.customers import customers
    from desktop_app.services.customers.customers import CustomerInput
    from tests.conftest import TODAY

    monkeypatch.setattr(db_module, "WRITE_WAIT_S", 0.3)  # the bound, and the busy timeout, made short
    monkeypatch.setattr(db_module, "PRAGMAS", tuple((k, 100 if k == "busy_timeout" else v) for k, v in db_module.PRAGMAS))
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    shop.open_shop(paths)
    settings = shop.save_shop_settings(shop.ShopSettings.for_country("Loja", "BR"))
    cid = customers.create_customer(CustomerInput(name="Rita Lopes"), shop=settings, actor=COMMAND_LINE, today=TODAY)
    holder = _hold_write_lock(paths.db_path, 2.0)
    try:
        with pytest.raises(DatabaseBusy) as err, database.atomic():
            shop.set_setting("never", 1)
        assert isinstance(err.value, ReguaError) and err.value.code == "db_busy"
        assert "busy in another program" in err.value.message()
        out, errs = io.StringIO(), io.StringIO()
        code = cli.run(["--db", str(paths.db_path), "log", f"#{cid}", "--kind", "visit",
                        "--date", TODAY.isoformat()], out=out, err=errs)
        assert (code, out.getvalue()) == (1, "")
        assert errs.getvalue() == "regua: The database is busy in another program. Try again in a moment.\n"
    finally:
        holder.wait(timeout=10)
        close_database()
    shop.open_shop(paths)
    try:
        assert shop.get_setting("never") is None
        assert Interaction.select().where(Interaction.customer == cid).count() == 0
    finally:
        close_database()


# --- the target: a path or a URL ----------------------------------------------------------------------------


def test_a_sqlite_url_opens_the_same_file_as_its_path(tmp_path, monkeypatch):
    """open_database and --db take `sqlite:///relative` and `sqlite:////absolute` (playhouse.db_url's
    spelling) as well as a plain path, and all three name one file."""
    from desktop_app.config import resolve_paths
    from desktop_app.db.database import database_path

    monkeypatch.chdir(tmp_path)
    absolute = tmp_path / "shop.db"
    for target in (str(absolute), "sqlite:///" + absolute.as_posix(), "sqlite:///shop.db"):  # ////tmp/...: absolute
        assert resolve_paths(db=target).db_path == absolute, target
        open_database(target)
        try:
            assert database_path().resolve() == absolute
            assert current_pragmas() == EXPECTED
        finally:
            close_database()


@pytest.mark.parametrize("url", ["postgresql://ana:segredo@127.0.0.1:1/loja", "postgres://till@127.0.0.1:1/shop",
                                 "postgresql://till@127.0.0.1:1/loja?password=segredo"])
def test_a_server_url_is_never_taken_for_a_file_and_its_password_never_shown(tmp_path, monkeypatch, url):
    """The database layer opens a server's URL (nothing listens on port 1 here: a plain-words error); the
    app's paths name the server (its backups and logs in this PC's data folder), and the command line says
    plainly that it does not answer."""
    import io

    from desktop_app import cli
    from desktop_app.config import resolve_paths
    from desktop_app.db.engine import parse_target

    monkeypatch.chdir(tmp_path)
    assert parse_target(url).scheme == "postgresql" and parse_target(url).path is None
    assert "segredo" not in repr(parse_target(url)) and "segredo" not in str(parse_target(url))
    with pytest.raises(DatabaseError) as err:
        open_database(url)
    assert err.value.code == "db_server_down" and "segredo" not in err.value.message()
    paths = resolve_paths(db=url, data_dir=tmp_path / "pc")
    assert paths.is_server and paths.db_path is None and "segredo" not in repr(paths) + paths.shown
    out, errs = io.StringIO(), io.StringIO()
    assert cli.run(["--data-dir", str(tmp_path / "pc"), "--db", url, "search", "ana"], out=out, err=errs) == 1
    assert errs.getvalue().startswith("regua: The shop's server") and out.getvalue() == ""
    assert "does not answer" in errs.getvalue() and "segredo" not in errs.getvalue()
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # no file called "postgresql:", nothing written


def test_each_open_binds_the_proxy_to_its_own_database(tmp_path):
    """The models follow the last open_database, on this thread and on any other."""
    from desktop_app.db.models import Setting

    first, second = tmp_path / "a.db", tmp_path / "b.db"
    for path, name in ((first, "A"), (second, "B")):
        shop.open_shop(shop.Paths(tmp_path, path))
        shop.set_setting("which", name)
    seen = {}
    worker = threading.Thread(target=lambda: seen.update(which=Setting.get(Setting.key == "which").value))
    worker.start()
    worker.join()
    close_database()
    assert seen == {"which": '"B"'}
