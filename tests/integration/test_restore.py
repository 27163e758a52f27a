"""`regua backup` and `regua restore` as a shop meets them, in real processes on real files: a restore only
ever restores a Régua shop (a foreign or incomplete file is refused and the shop keeps working), the copy of
what a restore replaced is restorable by the same command, a restore is refused while another Régua holds
the shop open (and works once that process has gone, even killed with -9), and a backup is one
self-contained file that opens read-only on its own."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.db.migrations import HEAD
from tests.conftest import TODAY

pytestmark = pytest.mark.sqlite_only("a shop file restored in place beside its lock; onto a server: tests/services/test_move.py")

ROOT = Path(__file__).resolve().parents[2]


def regua(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the command line never needs Qt
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)


def tables(path: Path) -> dict[str, list]:
    """Every table's rows, read through a read-only connection (the restore's own audit entry left out)."""
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: con.execute(f'SELECT * FROM "{n}" ORDER BY 1, 2').fetchall() for n in names if n != "audit_log"}
    finally:
        con.close()


def one_line_refusal(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.fixture
def shop_db(tmp_path) -> Path:
    db = tmp_path / "shop" / "regua.db"
    result = regua("--db", str(db), "demo", "--customers", "40", "--date", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    return db


def a_customer_id(db: Path) -> int:
    con = sqlite3.connect(f"file:{db.as_posix()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT min(id) FROM customer").fetchone()[0]
    finally:
        con.close()


def test_a_foreign_or_incomplete_file_is_refused_and_the_shop_keeps_working(shop_db, tmp_path):
    """RELIABILITY.md "Restore only restores a Régua shop": the copy's whole schema is checked. A SQLite file
    of another program that merely has a `customer` table and the right user_version, and real copies missing
    a table or a column, are refused in one line; the live shop is untouched and every command still works."""
    foreign = tmp_path / "other-program.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customer (name) VALUES ('Someone Else')")
    con.execute(f"PRAGMA user_version = {HEAD}")
    con.commit()
    con.close()
    good = tmp_path / "good.db"
    assert regua("--db", str(shop_db), "backup", str(good)).returncode == 0
    no_settings = tmp_path / "no-settings.db"
    no_column = tmp_path / "no-column.db"
    for damaged, sql in ((no_settings, "DROP TABLE setting"), (no_column, "ALTER TABLE customer DROP COLUMN city")):
        damaged.write_bytes(good.read_bytes())
        con = sqlite3.connect(damaged)
        con.execute(sql)
        con.commit()
        con.close()
    before = tables(shop_db)
    for bad in (foreign, no_settings, no_column):
        message = one_line_refusal(regua("--db", str(shop_db), "restore", str(bad)))
        assert "not a copy of a Régua shop" in message, message
    assert tables(shop_db) == before
    assert sorted(p.name for p in shop_db.parent.iterdir() if "restoring" in p.name) == []
    search = regua("--db", str(shop_db), "search", "a", "--json")
    assert search.returncode == 0 and search.stderr == "", search.stderr


def test_restoring_the_before_restore_copy_gives_back_the_same_tables(shop_db, tmp_path):
    """RELIABILITY.md "Restore only restores a Régua shop" and "Backups are real": restore A, then restore the
    "before restore" copy that the first restore kept, with the same command: the tables are those of before."""
    copy = tmp_path / "A.db"
    assert regua("--db", str(shop_db), "backup", str(copy)).returncode == 0
    logged = regua("--db", str(shop_db), "log", f"#{a_customer_id(shop_db)}", "--kind", "visit",
                   "--note", "after the copy", "--date", TODAY.isoformat())
    assert logged.returncode == 0, logged.stderr
    changed = tables(shop_db)
    assert changed != tables(copy)
    first = regua("--db", str(shop_db), "restore", str(copy))
    assert first.returncode == 0, first.stderr
    assert tables(shop_db) == tables(copy)
    kept = Path(first.stdout.strip().rsplit(" ", 1)[-1])
    assert kept.is_file() and "before-restore" in kept.name
    back = regua("--db", str(shop_db), "restore", str(kept))
    assert back.returncode == 0, back.stderr
    assert tables(shop_db) == changed
    assert sorted(p.name for p in shop_db.parent.iterdir() if "restoring" in p.name) == []


def test_a_shop_broken_by_a_foreign_file_and_a_new_computer_are_restored_by_the_same_command(shop_db, tmp_path):
    """RELIABILITY.md "Restore only restores a Régua shop": where the live file is not a Régua shop (what the
    old restore left behind: `no such table: setting` on every command) or there is no shop yet, `regua
    restore` puts the checked copy in place and keeps the unusable file aside, never deleting it."""
    copy = tmp_path / "A.db"
    assert regua("--db", str(shop_db), "backup", str(copy)).returncode == 0
    for f in shop_db.parent.glob(shop_db.name + "*"):
        f.unlink()
    con = sqlite3.connect(shop_db)
    con.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute(f"PRAGMA user_version = {HEAD}")
    con.commit()
    con.close()
    broken = shop_db.read_bytes()
    fixed = regua("--db", str(shop_db), "restore", str(copy))
    assert fixed.returncode == 0, fixed.stderr
    assert tables(shop_db) == tables(copy)
    kept = Path(fixed.stdout.strip().rsplit(" ", 1)[-1])
    assert "not a usable Régua shop" in fixed.stdout and kept.read_bytes() == broken
    assert regua("--db", str(shop_db), "search", "a").returncode == 0

    new_pc = tmp_path / "new-computer" / "regua.db"
    placed = regua("--db", str(new_pc), "restore", str(copy))
    assert placed.returncode == 0, placed.stderr
    assert tables(new_pc) == tables(copy)
    assert sorted(p.name for p in new_pc.parent.iterdir() if "restoring" in p.name) == []


HOLDER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication
    from desktop_app.gui.shell.single_instance import SingleInstance
    app = QCoreApplication([])
    instance = SingleInstance(sys.argv[1])
    print("acquired" if instance.acquire() else "refused", flush=True)
    sys.stdin.read()  # hold the shop until the test closes our stdin (or kills us)
    instance.release()
""")


def hold_the_shop(db: Path) -> subprocess.Popen:
    """A real second process holding the shop open the way the window does (its SingleInstance)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "acquired"
    return holder


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_restore_is_refused_while_another_regua_has_the_shop_open(shop_db, tmp_path):
    """RELIABILITY.md "Restore only restores a Régua shop": refused while another Régua has the shop open, said
    in one line, nothing changed; once that process has closed, or was killed with -9 and left its lock files
    behind, the same restore works."""
    copy = tmp_path / "A.db"
    assert regua("--db", str(shop_db), "backup", str(copy)).returncode == 0
    assert regua("--db", str(shop_db), "log", f"#{a_customer_id(shop_db)}", "--kind", "visit",
                 "--date", TODAY.isoformat()).returncode == 0
    live = tables(shop_db)

    holder = hold_the_shop(shop_db)
    try:
        message = one_line_refusal(regua("--db", str(shop_db), "restore", str(copy)))
        assert "open in another Régua" in message and str(holder.pid) in message, message
        assert tables(shop_db) == live
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert regua("--db", str(shop_db), "restore", str(copy)).returncode == 0  # closed: the lock went with it
    assert tables(shop_db) == tables(copy)

    assert regua("--db", str(shop_db), "log", f"#{a_customer_id(shop_db)}", "--kind", "visit",
                 "--date", TODAY.isoformat()).returncode == 0
    holder = hold_the_shop(shop_db)
    one_line_refusal(regua("--db", str(shop_db), "restore", str(copy)))
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    assert Path(str(shop_db) + ".lock").exists()  # the killed window's QLockFile is still there, stale
    restored = regua("--db", str(shop_db), "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert tables(shop_db) == tables(copy)


def test_a_backup_is_one_self_contained_file(shop_db, tmp_path):
    """RELIABILITY.md "A backup is one file": `regua backup` into an empty folder leaves exactly one file there,
    in rollback-journal mode (not WAL), that opens read-only on its own and passes integrity_check; opening it
    leaves no -wal/-shm beside it."""
    folder = tmp_path / "pendrive"
    folder.mkdir()
    result = regua("--db", str(shop_db), "backup", str(folder))
    assert result.returncode == 0, result.stderr
    files = list(folder.iterdir())
    assert len(files) == 1 and files[0].suffix == ".db", files
    header = files[0].read_bytes()[:20]
    assert header[18:20] == b"\x01\x01"  # file format 1: rollback journal; 2 would be WAL
    con = sqlite3.connect(f"file:{files[0].as_posix()}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert con.execute("SELECT count(*) FROM customer").fetchone()[0] == 40
    finally:
        con.close()
    assert list(folder.iterdir()) == files
    named = tmp_path / "copy.db"
    assert regua("--db", str(shop_db), "backup", str(named)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]
