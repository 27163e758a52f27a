"""Backups and restore: copies through the backup API that rotate (a week of dailies, a month of
weeklies), each one self-contained file; a restore round trip that gives identical tables, every released
schema restorable, bad or foreign copies refused by their whole schema with nothing changed, and messages
that went stale in the copy expired before anything is sent."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.db.database import current_pragmas, database
from desktop_app.db.migrations import HEAD
from desktop_app.db.models import Customer, Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.errors import ReguaError
from desktop_app.services.cadence.planner import SINCE_KEY
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.shop import backups, demo, shop

NOW = datetime(2026, 11, 24, 15, 0)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RESTORE = "a restore writes a copy over the live file; onto a server it is a later step (regua move-to)"


def tables(path) -> dict[str, list]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: con.execute(f'SELECT * FROM "{n}" ORDER BY 1, 2').fetchall() for n in names}
    finally:
        con.close()


def test_a_restore_round_trip_gives_identical_tables(paths, actor):
    shop.open_shop(paths)
    demo.generate(300, today=date(2026, 11, 24))
    copy = backups.backup_now(paths, paths.data_dir / "copy.db", actor=actor, now=NOW)
    before = tables(copy)
    cid = customers.create_customer(CustomerInput(name="Depois da Cópia"), shop=shop.shop_settings(), actor=actor,
                                    today=date(2026, 11, 24))
    Customer.update(city="Mudou").where(Customer.id < 50).execute()
    kept = backups.restore(paths, copy, actor=actor, now=NOW)
    database.execute_sql("PRAGMA wal_checkpoint(FULL)")
    after = tables(paths.db_path)
    after.pop("audit_log"), before.pop("audit_log")  # the restore itself is written to the audit log
    assert after == before
    assert Customer.get_or_none(Customer.id == cid) is None
    assert current_pragmas()["journal_mode"] == "wal"
    assert Customer.select().where(Customer.name == "Depois da Cópia").count() == 0
    assert "Depois da Cópia" in str(tables(kept)["customer"])  # what was replaced is kept


@pytest.mark.sqlite_only(RESTORE)
def test_the_before_restore_copy_restores_even_within_the_same_second(paths, actor, shop_settings):
    """RELIABILITY.md "Restore only restores a Régua shop": the "before restore" copy is restorable by the
    same command, even right after (it used to be overwritten by the next restore's own copy, same name)."""
    customers.create_customer(CustomerInput(name="Antes"), shop=shop_settings, actor=actor, today=date(2026, 11, 24))
    copy = backups.backup_now(paths, paths.data_dir / "A.db", actor=actor, now=NOW)
    customers.create_customer(CustomerInput(name="Depois"), shop=shop_settings, actor=actor, today=date(2026, 11, 24))
    database.execute_sql("PRAGMA wal_checkpoint(FULL)")
    changed = tables(paths.db_path)
    kept = backups.restore(paths, copy, actor=actor, now=NOW)
    assert sorted(c.name for c in Customer.select()) == ["Antes"]
    again = backups.restore(paths, kept, actor=actor, now=NOW)
    assert again != kept
    database.execute_sql("PRAGMA wal_checkpoint(FULL)")
    after = tables(paths.db_path)
    after.pop("audit_log"), changed.pop("audit_log")
    assert after == changed


def test_damaged_foreign_and_newer_copies_are_refused_and_nothing_changes(paths, actor, shop_settings, tmp_path):
    customers.create_customer(CustomerInput(name="Fica"), shop=shop_settings, actor=actor, today=date(2026, 11, 24))
    good = backups.backup_now(paths, tmp_path / "good.db", actor=actor, now=NOW)
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(good.read_bytes()[:8192] + b"\x00garbage" * 500)
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE x (y)")
    con.execute("PRAGMA user_version = 3")
    con.close()
    newer = tmp_path / "newer.db"
    newer.write_bytes(good.read_bytes())
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 99")
    con.close()
    for bad, code in ((damaged, ("restore_damaged", "db_corrupt")), (foreign, ("restore_not_a_shop",)),
                      (newer, ("db_too_new",)), (tmp_path / "missing.db", ("db_not_found",))):
        with pytest.raises(ReguaError) as err:
            backups.restore(paths, bad, actor=actor, now=NOW)
        assert err.value.code in code, bad
    assert [c.name for c in Customer.select()] == ["Fica"]


def test_a_copy_with_any_table_column_or_index_unlike_its_version_is_refused(paths, actor, shop_settings, tmp_path):
    """RELIABILITY.md "Restore only restores a Régua shop": the whole schema of the copy's version is checked
    (compared with the migration ladder's), not one table's name; the first difference is named."""
    customers.create_customer(CustomerInput(name="Fica"), shop=shop_settings, actor=actor, today=date(2026, 11, 24))
    good = backups.backup_now(paths, tmp_path / "good.db", actor=actor, now=NOW)
    cases = {
        "outbox_occasion": "DROP INDEX outbox_occasion",  # the one-message-per-occasion key
        "consent.source": "ALTER TABLE consent DROP COLUMN source",
        "coupon": "DROP TABLE coupon",
        "stray": "CREATE TABLE stray (x)",
        "setting.shop": "DELETE FROM setting WHERE key = 'shop'",
    }
    for what, sql in cases.items():
        bad = tmp_path / f"{what}.db"
        bad.write_bytes(good.read_bytes())
        con = sqlite3.connect(bad)
        con.execute(sql)
        con.commit()
        con.close()
        with pytest.raises(ReguaError) as err:
            backups.restore(paths, bad, actor=actor, now=NOW)
        assert (err.value.code, err.value.params["what"]) == ("restore_not_a_shop", what)
    assert [c.name for c in Customer.select()] == ["Fica"]
    assert not list(paths.backup_dir.glob("*before-restore*"))  # refused before anything was written


@pytest.mark.sqlite_only(RESTORE)
@pytest.mark.parametrize("version", range(1, HEAD + 1))
def test_a_copy_of_every_released_schema_restores_and_is_upgraded(paths, actor, shop_settings, tmp_path, version):
    """RELIABILITY.md "Restore only restores a Régua shop" and "Migrations lose nothing": the check refuses no
    genuine copy; a copy of an older version is upgraded in the new file before it is swapped in."""
    fixture = FIXTURES / f"schema_v{version}.db"
    src = tmp_path / fixture.name
    src.write_bytes(fixture.read_bytes())
    assert backups.check_copy(src) == version
    expected = tables(src)["customer"]
    backups.restore(paths, src, actor=actor, now=NOW)
    assert database.execute_sql("PRAGMA user_version").fetchone()[0] == HEAD
    assert Customer.select().count() == len(expected) > 0
    assert src.read_bytes() == fixture.read_bytes()  # the copy itself is never touched
    assert sorted(p.name for p in paths.data_dir.iterdir() if "restoring" in p.name) == []


@pytest.mark.sqlite_only(RESTORE)
def test_every_copy_is_one_self_contained_file(paths, actor, shop_settings):
    """RELIABILITY.md "A backup is one file": daily, weekly, manual and before-restore copies, each in
    rollback-journal mode with nothing beside it, open read-only on their own."""
    customers.create_customer(CustomerInput(name="Maria"), shop=shop_settings, actor=actor, today=date(2026, 11, 24))
    backups.automatic(paths, date(2026, 11, 24))
    manual = backups.backup_now(paths, None, actor=actor, now=NOW)
    same_second = backups.backup_now(paths, None, actor=actor, now=NOW)
    assert same_second != manual  # never overwritten by a copy made the same second
    backups.restore(paths, manual, actor=actor, now=NOW)
    names = sorted(p.name for p in paths.backup_dir.iterdir())
    assert [n.split("-", 1)[1].split("-")[0] for n in names] == ["before", "daily", "manual", "manual", "weekly"]
    for f in paths.backup_dir.iterdir():
        assert f.read_bytes()[18:20] == b"\x01\x01", f.name  # not WAL
        con = sqlite3.connect(f"file:{f.as_posix()}?mode=ro", uri=True)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
    assert sorted(p.name for p in paths.backup_dir.iterdir()) == names
    # the Backups dialog lists each copy by its kind (a weekly copy, named after its ISO week, said "other")
    assert sorted(b.kind for b in backups.list_backups(paths)) == \
        ["before-restore", "daily", "manual", "manual", "weekly"]


@pytest.mark.sqlite_only(RESTORE)
def test_a_wal_mode_copy_made_by_an_older_version_restores_and_leaves_nothing_beside_it(paths, actor, shop_settings,
                                                                                       tmp_path):
    """RELIABILITY.md "A backup is one file" and "Restore only restores a Régua shop": copies made before
    copies were self-contained are WAL-mode files; restoring one works and reading it creates no -wal/-shm."""
    customers.create_customer(CustomerInput(name="Antiga"), shop=shop_settings, actor=actor, today=date(2026, 11, 24))
    old = tmp_path / "old" / "copy.db"
    backups.backup_now(paths, old, actor=actor, now=NOW)
    con = sqlite3.connect(old)
    assert con.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    con.close()
    Customer.delete().execute()
    backups.restore(paths, old, actor=actor, now=NOW)
    assert [c.name for c in Customer.select()] == ["Antiga"]
    assert [p.name for p in old.parent.iterdir()] == ["copy.db"]


def test_automatic_copies_rotate_a_week_of_days_and_a_month_of_weeks(paths, shop_settings):
    day = date(2026, 9, 1)
    for i in range(60):
        backups.automatic(paths, day + timedelta(days=i))
    names = sorted(p.name for p in paths.backup_dir.glob("*.db"))
    dailies = [n for n in names if "-daily-" in n]
    weeklies = [n for n in names if "-weekly-" in n]
    assert len(dailies) == backups.DAILY_KEEP and dailies[-1].endswith("2026-10-30.db")
    assert len(weeklies) == backups.WEEKLY_KEEP
    assert backups.automatic(paths, date(2026, 10, 30)) == []  # once a day


def test_an_extra_folder_gets_the_copies_too(paths, actor, shop_settings, tmp_path):
    extra = tmp_path / "Google Drive" / "Régua"
    extra.mkdir(parents=True)
    backups.set_extra_dir(str(extra), actor=actor)
    backups.automatic(paths, date(2026, 11, 24))
    assert sorted(p.name.split("-", 1)[1] for p in extra.glob("*.db")) == ["daily-2026-11-24.db", "weekly-2026-W48.db"]
    with pytest.raises(ReguaError):
        backups.set_extra_dir(str(tmp_path / "nowhere"), actor=actor)


@pytest.mark.sqlite_only(RESTORE)
def test_after_a_restore_stale_messages_expire_before_anything_is_sent(paths, actor, shop_settings):
    cid = customers.create_customer(CustomerInput(name="Maria", email="maria@example.com", consent_email=True),
                                    shop=shop_settings, actor=actor, today=date(2026, 11, 1))
    shop.set_setting(SINCE_KEY, "2026-10-01")
    Outbox.insert(customer=cid, step=c.BIRTHDAY, occurrence="birthday:2026", channel=c.EMAIL, marketing=True,
                  status=c.PLANNED, due_on=date(2026, 11, 2), send_on=date(2026, 11, 2), not_after=date(2026, 11, 3),
                  planned_at=NOW, updated_at=NOW).execute()
    Outbox.insert(customer=cid, step=c.WELCOME, occurrence="welcome", channel=c.EMAIL, marketing=True,
                  status=c.SENDING, due_on=date(2026, 11, 4), send_on=date(2026, 11, 4), not_after=date(2026, 11, 30),
                  planned_at=NOW, updated_at=NOW).execute()
    copy = backups.backup_now(paths, None, actor=actor, now=NOW)
    backups.restore(paths, copy, actor=actor, now=NOW)
    assert {r.step: (r.status, r.reason) for r in Outbox.select()} == {
        c.BIRTHDAY: (c.EXPIRED, "too_late"), c.WELCOME: (c.UNCERTAIN, "interrupted")}


@pytest.mark.parametrize("path, problem", [
    ("C:/Users/ana/OneDrive/Régua/regua.db", "cloud"),
    ("C:/Users/ana/OneDrive - Loja Flor/regua.db", "cloud"),
    ("/Users/ana/Library/CloudStorage/GoogleDrive-ana@gmail.com/My Drive/regua.db", "cloud"),
    ("/home/ana/Dropbox/regua.db", "cloud"),
    ("//servidor/loja/regua.db", "network"),
    ("/home/ana/.local/share/regua/regua.db", None),
    ("/home/ana/Documents/megaloja/regua.db", None),
])
def test_the_live_database_is_refused_in_synced_and_network_folders(path, problem):
    from pathlib import PurePosixPath

    from desktop_app.config import live_location_problem

    assert live_location_problem(PurePosixPath(path) if path.startswith("/") else path) == problem


def test_opening_a_shop_in_a_synced_folder_says_why_and_writes_nothing(tmp_path):
    from desktop_app.config import resolve_paths

    target = tmp_path / "OneDrive" / "regua.db"
    with pytest.raises(ReguaError) as err:
        shop.open_shop(resolve_paths(db=target))
    assert err.value.code == "db_on_cloud_folder" and "backups can go" in err.value.message()
    assert not target.exists()
