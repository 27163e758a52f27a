"""The database file: pragmas on every connection, the version ladder, and files that are not ours."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop_app.db import migrations
from desktop_app.db.database import close_database, current_pragmas, database, integrity_check, open_database
from desktop_app.domain.errors import DatabaseError
from desktop_app.services import shop

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
    script = ("import json,sys; from desktop_app.config import resolve_paths; from desktop_app.services import shop;"
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


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6])
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
