"""The command line as scripts use it: real subprocesses, exit codes, JSON on stdout, messages on stderr."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile

import pytest

from desktop_app import __version__
from tests.conftest import TODAY
from tests.engines import cli_shop, raw_connect

PC_FOLDER = tempfile.mkdtemp(prefix="regua-cli-pc-")  # a server shop's backups and logs, in the server pass


def regua(*args: str, env_home=None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if env_home is not None:
        env["REGUA_HOME"] = str(env_home)
    elif any(a.startswith("postgresql://") for a in args):
        env["REGUA_HOME"] = PC_FOLDER
    env.pop("QT_QPA_PLATFORM", None)  # headless commands must not need Qt at all
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = cli_shop(tmp_path_factory.mktemp("cli"), "x.db")
    result = regua("--db", str(db), "demo", "--customers", "800", "--date", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    return db


def test_version():
    result = regua("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_search_by_name_lists_customers_as_json(demo_db):
    result = regua("--db", str(demo_db), "search", "silva", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found and all("silva" in c["name"].lower() for c in found)
    assert set(found[0]) == {"id", "name", "phone", "email", "city", "birthday", "last_seen"}


def test_search_by_any_phone_digits_finds_that_customer(demo_db):
    con = raw_connect(demo_db)
    cid, phone = con.execute("SELECT id, phone FROM customer WHERE phone LIKE '+55%' LIMIT 1").fetchone()
    con.close()
    middle = phone[6:11]  # five digits from inside the number
    result = regua("--db", str(demo_db), "search", middle, "--json", "--limit", "500")
    assert cid in [c["id"] for c in json.loads(result.stdout)]


def test_headless_commands_never_load_qt(demo_db):
    script = ("import sys; from desktop_app.cli import run; run(['--db', sys.argv[1], 'search', 'ana']);"
              "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'")
    result = subprocess.run([sys.executable, "-c", script, str(demo_db)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_demo_refuses_a_database_that_already_has_customers(demo_db):
    result = regua("--db", str(demo_db), "demo", "--customers", "5")
    assert result.returncode == 1 and "already holds" in result.stderr


@pytest.mark.parametrize("args", [["search"], ["frobnicate"], ["search", "ana", "--limit", "many"]])
def test_bad_usage_exits_2(args, tmp_path):
    assert regua("--db", str(tmp_path / "x.db"), *args).returncode == 2


def test_bad_values_exit_1_with_a_message(demo_db):
    result = regua("--db", str(demo_db), "search", "ana", "--limit", "0")
    assert result.returncode == 1 and "limit" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_database_is_reported_not_created(tmp_path):
    result = regua("--db", str(tmp_path / "nope.db"), "search", "ana")
    assert result.returncode == 1 and "There is no shop at" in result.stderr and "regua init" in result.stderr
    assert not (tmp_path / "nope.db").exists()


def test_a_corrupt_file_gives_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"PK\x03\x04 this is a zip file" * 50)
    result = regua("--db", str(bad), "search", "ana")
    assert result.returncode == 1 and "damaged" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.sqlite_only("a newer Régua's file (a server's newer schema: tests/db/test_engines.py)")
def test_a_newer_database_is_refused(tmp_path, demo_db):
    import shutil

    newer = tmp_path / "newer.db"
    shutil.copy(demo_db, newer)
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    result = regua("--db", str(newer), "search", "ana")
    assert result.returncode == 1 and "newer version" in result.stderr


def test_demo_flag_uses_the_demo_database_in_the_data_folder(tmp_path):
    result = regua("--demo", "demo", "--customers", "20", env_home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "demo.db").exists()
    assert json.loads(regua("--demo", "search", "a", "--json", env_home=tmp_path).stdout)


def test_log_a_purchase_by_phone_and_see_it_in_the_database(demo_db):
    con = raw_connect(demo_db)
    cid, phone = con.execute("SELECT id, phone FROM customer WHERE phone LIKE '+55%' LIMIT 1").fetchone()
    con.close()
    result = regua("--db", str(demo_db), "log", phone, "--kind", "purchase", "--amount", "149,90",
                   "--note", "vestido", "--date", "2026-01-15")
    assert result.returncode == 0, result.stderr
    assert f"#{cid}" in result.stdout and "R$ 149,90" in result.stdout
    con = raw_connect(demo_db)
    row = con.execute("SELECT kind, amount_cents, occurred_on, source, staff_id FROM interaction "
                      "WHERE customer_id = ? ORDER BY id DESC LIMIT 1", (cid,)).fetchone()
    con.close()
    assert row == ("purchase", 14990, "2026-01-15", "cli", None)


@pytest.mark.parametrize(("args", "message"), [
    (["nobody@example.com", "--kind", "visit"], "No customer matches"),
    (["#1", "--kind", "purchase", "--amount", "abc"], "amount such as"),
    (["#1", "--kind", "purchase", "--amount", "-5"], "cannot be negative"),
    (["#1", "--kind", "visit", "--date", "2026-02-30"], "does not exist"),
    (["#1", "--kind", "return", "--amount", "999999"], "refund"),
])
def test_log_refuses_bad_input_and_writes_nothing(demo_db, args, message):
    con = raw_connect(demo_db)
    before = con.execute("SELECT count(*) FROM interaction").fetchone()[0]
    con.close()
    result = regua("--db", str(demo_db), "log", *args)
    assert result.returncode == 1 and message in result.stderr, result.stderr
    con = raw_connect(demo_db)
    assert con.execute("SELECT count(*) FROM interaction").fetchone()[0] == before
    con.close()


def test_log_with_an_unknown_kind_is_bad_usage(demo_db):
    assert regua("--db", str(demo_db), "log", "#1", "--kind", "dance").returncode == 2


def test_import_dry_run_then_commit_with_the_json_report(tmp_path):
    db = cli_shop(tmp_path)
    assert regua("--db", str(db), "demo", "--customers", "5").returncode == 0
    sheet = tmp_path / "clientes.csv"
    sheet.write_bytes("Nome;Celular;E-mail\r\nLuana Dias;(11) 93456-7890;luana@example.com\r\n"
                      "Sem Email;;nao-e-email\r\n;;\r\n".encode("cp1252"))
    dry = regua("--db", str(db), "import", str(sheet), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert (report["rows"], report["created"], report["dry_run"], report["batch"]) == (2, 2, True, None)
    assert report["issues"] == [{"row": 3, "column": "E-mail", "value": "nao-e-email", "severity": "warning",
                                 "message": "This is not a valid e-mail address."}]
    con = raw_connect(db)
    assert con.execute("SELECT count(*) FROM customer").fetchone()[0] == 5
    con.close()
    done = json.loads(regua("--db", str(db), "import", str(sheet), "--json").stdout)
    assert done["batch"] == 1 and done["created"] == 2
    assert json.loads(regua("--db", str(db), "search", "luana", "--json").stdout)[0]["phone"] == "+5511934567890"
    out = tmp_path / "export.xlsx"
    result = regua("--db", str(db), "export", str(out))
    assert result.returncode == 0 and "7 customers" in result.stdout and out.exists()


def test_import_of_a_broken_file_writes_nothing(tmp_path, demo_db):
    bad = tmp_path / "planilha.xlsx"
    bad.write_bytes(b"PK\x03\x04garbage")
    result = regua("--db", str(demo_db), "import", str(bad))
    assert result.returncode == 1 and "damaged" in result.stderr and "Traceback" not in result.stderr


def test_due_lists_a_days_occasions_as_json_and_writes_nothing(demo_db):
    """`due --date` is a pure preview for the day it is given: the demo is made for TODAY and the day
    asked about is the one of the next month with the most birthdays, so no run depends on the clock."""
    from datetime import date, timedelta

    con = raw_connect(demo_db)
    births = dict(((m, d), n) for m, d, n in con.execute(
        "SELECT birth_month, birth_day, count(*) FROM customer GROUP BY birth_month, birth_day"))
    day = max((TODAY + timedelta(days=i) for i in range(2, 32)), key=lambda d: births.get((d.month, d.day), 0))
    before = con.execute("SELECT count(*) FROM outbox").fetchone()[0]
    result = regua("--db", str(demo_db), "due", "--date", day.isoformat(), "--days", "3", "--json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert items and all(set(i) == {"date", "step", "customer_id", "customer", "channel"} for i in items)
    assert {i["step"] for i in items} <= {"signup", "welcome", "birthday", "unfinished_purchase", "post_sale",
                                          "reactivation", "reward_reached", "points_expiring"}
    assert {i["channel"] for i in items} <= {"email", "whatsapp", "task"}
    assert all(day <= date.fromisoformat(i["date"]) < day + timedelta(days=3) for i in items)
    birthdays = {i["customer_id"] for i in items if i["step"] == "birthday" and i["date"] == day.isoformat()}
    born = {cid for (cid,) in con.execute("SELECT id FROM customer WHERE birth_month = ? AND birth_day = ?",
                                         (day.month, day.day))}
    assert birthdays and birthdays <= born  # those who agreed to be contacted, among those born that day
    assert con.execute("SELECT count(*) FROM outbox").fetchone()[0] == before
    con.close()


def test_due_refuses_bad_dates_and_day_counts_with_a_message(demo_db):
    for args in (["--date", "2026-02-30"], ["--days", "0"], ["--days", "400"]):
        result = regua("--db", str(demo_db), "due", *args)
        assert result.returncode == 1 and result.stderr.startswith("regua: ") and not result.stdout


def test_send_due_dry_run_counts_and_smtp_test_explains_a_missing_account(demo_db):
    result = regua("--db", str(demo_db), "send-due", "--date", TODAY.isoformat(), "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) == {"would_send"}
    result = regua("--db", str(demo_db), "smtp", "test")
    assert result.returncode == 1 and "mail account is not set up" in result.stderr
    result = regua("--db", str(demo_db), "send-due", "--date", TODAY.isoformat())
    assert result.returncode == 1 and "mail account is not set up" in result.stderr
    result = regua("--db", str(demo_db), "smtp", "set", "--host", "smtp.example.com", "--port", "587",
                   "--security", "tls", "--user", "u", "--from", "a@example.com")
    assert result.returncode == 2  # bad usage: argparse names the choices


def test_backup_and_restore_from_the_command_line(tmp_path):
    db = cli_shop(tmp_path)
    assert regua("--db", str(db), "demo", "--customers", "50").returncode == 0
    result = regua("--db", str(db), "backup", str(tmp_path))
    assert result.returncode == 0, result.stderr
    copy = next(tmp_path.glob("*-manual-*.db"))
    con = raw_connect(db)
    con.execute("UPDATE customer SET name = 'Apagada' WHERE id > 10")  # a mistake after the copy
    con.commit()
    con.close()
    result = regua("--db", str(db), "restore", str(copy))
    assert result.returncode == 0, result.stderr
    con = raw_connect(db)
    assert con.execute("SELECT count(*) FROM customer").fetchone()[0] == 50
    assert con.execute("SELECT count(*) FROM customer WHERE name = 'Apagada'").fetchone()[0] == 0
    con.close()
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    result = regua("--db", str(db), "restore", str(tmp_path / "junk.db"))
    assert result.returncode == 1 and result.stderr.startswith("regua: ")


def test_send_due_as_the_scheduler_runs_it_notes_its_visit(demo_db):
    regua("--db", str(demo_db), "send-due")  # in or out of the send window, with or without an account
    con = raw_connect(demo_db)
    row = con.execute("SELECT value FROM setting WHERE key = 'send_due_last_run'").fetchone()
    con.close()
    assert row is not None


def test_self_check_reports_what_it_finds(demo_db):
    result = regua("--db", str(demo_db), "self-check", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] and report["translations"] == ["regua_en.qm", "regua_pt_BR.qm", "regua_pt_PT.qm"] and "regua.svg" in report["icons"]
    assert report["database_exists"] and report["schema"] >= 5 and "keyring" in report


PLAN_DAY = ("import sys; from datetime import date; from desktop_app.config import resolve_paths; "
            "from desktop_app.services.cadence import planner; from desktop_app.services.shop import shop; shop.open_shop(resolve_paths(db=sys.argv[1]), create=False); "
            "planner.plan(date.fromisoformat(sys.argv[2]), shop=shop.shop_settings())")


def test_log_purchase_closes_open_quotes_and_their_follow_up_is_withdrawn(tmp_path):
    """Issue 18 item 15: `regua log --kind purchase --closes ID` (or `--closes-all-open`) closes the open
    quote or reservation as the window's question does, and its follow-up leaves Today and `due`; a
    purchase without them logs as before and says on stderr what is still open."""
    db = cli_shop(tmp_path)
    assert regua("--db", str(db), "demo", "--customers", "30", "--date", TODAY.isoformat()).returncode == 0
    con = raw_connect(db)
    cid = con.execute("SELECT id FROM customer AS c WHERE phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM consent "
                      "AS k WHERE k.customer_id = c.id AND k.granted = 0) AND NOT EXISTS (SELECT 1 FROM interaction "
                      "AS i WHERE i.customer_id = c.id AND i.status = 'open') ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    day = TODAY.isoformat()

    def logged(*args):
        result = regua("--db", str(db), "log", f"#{cid}", "--date", day, *args)
        assert result.returncode == 0, result.stderr
        return result, int(result.stdout.split("#", 1)[1].split(":", 1)[0])

    _, quote = logged("--kind", "quote", "--amount", "300", "--note", "vestido azul", "--follow-up", day)
    plan = subprocess.run([sys.executable, "-c", PLAN_DAY, str(db), day], capture_output=True, text=True,
                          env=dict(os.environ, REGUA_HOME=PC_FOLDER))
    assert plan.returncode == 0, plan.stderr

    def follow_ups():
        due = regua("--db", str(db), "due", "--date", day, "--json")
        assert due.returncode == 0, due.stderr
        return [i for i in json.loads(due.stdout or "[]") if i["customer_id"] == cid
                and i["step"] == "unfinished_purchase"]

    def outbox(ref):
        con = raw_connect(db)
        row = con.execute("SELECT status, reason FROM outbox WHERE step = 'unfinished_purchase' AND ref_id = ?",
                          (ref,)).fetchone()
        con.close()
        return row

    assert outbox(quote) == ("planned", "") and len(follow_ups()) == 1

    for bad in (["--kind", "visit", "--closes", str(quote)], ["--kind", "purchase", "--amount", "1", "--closes", "x"],
                ["--kind", "purchase", "--amount", "1", "--closes", "1", "--closes-all-open"]):
        assert regua("--db", str(db), "log", f"#{cid}", *bad).returncode == 2  # bad usage, nothing logged
    plain, _ = logged("--kind", "purchase", "--amount", "50")  # as before: nothing closed, but said
    assert "closed" not in plain.stdout and f"#{quote} quote" in plain.stderr
    assert outbox(quote) == ("planned", "")

    bought, purchase = logged("--kind", "purchase", "--amount", "300", "--closes", f"#{quote}")
    assert f"closed #{quote}" in bought.stdout and not bought.stderr
    assert outbox(quote) == ("skipped", "item_closed") and follow_ups() == []
    con = raw_connect(db)
    assert con.execute("SELECT status, related_id FROM interaction WHERE id = ?", (quote,)).fetchone() == \
        ("bought", purchase)
    before = con.execute("SELECT count(*) FROM interaction").fetchone()[0]
    con.close()
    again = regua("--db", str(db), "log", f"#{cid}", "--kind", "purchase", "--amount", "10", "--closes", str(quote))
    assert again.returncode == 1 and "already closed" in again.stderr and "Traceback" not in again.stderr
    con = raw_connect(db)
    assert con.execute("SELECT count(*) FROM interaction").fetchone()[0] == before  # all or nothing
    con.close()

    _, second = logged("--kind", "quote", "--amount", "80", "--follow-up", day)
    _, hold = logged("--kind", "reservation", "--follow-up", day)
    assert subprocess.run([sys.executable, "-c", PLAN_DAY, str(db), day],
                          env=dict(os.environ, REGUA_HOME=PC_FOLDER)).returncode == 0
    assert outbox(second)[0] == "planned" and outbox(hold)[0] == "planned"
    everything, _ = logged("--kind", "purchase", "--amount", "200", "--closes-all-open")
    assert f"#{second}" in everything.stdout and f"#{hold}" in everything.stdout
    assert outbox(second) == outbox(hold) == ("skipped", "item_closed") and follow_ups() == []


def test_init_sets_up_a_new_shop_without_a_window_and_never_over_an_existing_one(tmp_path):
    db = cli_shop(tmp_path, "loja.db")
    csv_file = tmp_path / "lista.csv"
    csv_file.write_text("Nome;Telefone\nAna Lima;11 91234-5678\n", encoding="utf-8")
    before = regua("--db", str(db), "import", str(csv_file))
    assert before.returncode == 1 and "regua init --name NAME --country CC" in before.stderr
    result = regua("--db", str(db), "init", "--name", "Loja Centro", "--country", "pt")
    assert result.returncode == 0, result.stderr
    con = raw_connect(db)
    (shop,) = con.execute("SELECT value FROM setting WHERE key = 'shop'").fetchone()
    con.close()
    assert json.loads(shop)["country"] == "PT" and json.loads(shop)["name"] == "Loja Centro"
    assert json.loads(shop)["timezone"] == "Europe/Lisbon" and json.loads(shop)["language"] == "pt_PT"
    imported = regua("--db", str(db), "import", str(csv_file), "--json")
    assert imported.returncode == 0 and json.loads(imported.stdout)["created"] == 1
    again = regua("--db", str(db), "init", "--name", "Outra", "--country", "BR")
    assert again.returncode == 1 and "Loja Centro" in again.stderr and not again.stdout
    for bad in (["--country", "XX"], ["--country", "BR", "--timezone", "Mars/Olympus"],
                ["--country", "BR", "--language", "tlh"], ["--country", "BR", "--name", " "]):
        args = ["--name", "Nova", *bad] if "--name" not in bad else bad
        result = regua("--db", str(tmp_path / "nova.db"), "init", *args)
        assert result.returncode == 1 and result.stderr.startswith("regua: ") and "Traceback" not in result.stderr
