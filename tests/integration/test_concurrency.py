"""The counter and the sender side by side, as real processes: the `regua` command line and the services
run in a subprocess the way the window calls them, against a real `regua send-due` talking to a slow SMTP
server on 127.0.0.1 (tests/mailserver.py), and a real `regua import` of a long file.

What counts as a failure is what a user would see: an exception from a service (a busy database included,
even in plain words), a command that exits non-zero, any traceback on any process's stderr."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest
import trustme
from mailserver import PASSWORD, USER, trusted_server

from desktop_app.config import Paths
from desktop_app.db.database import close_database
from desktop_app.db.models import Customer, Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.actors import COUNTER, Actor
from desktop_app.domain.dates import local_noon_utc
from desktop_app.domain.mail import STARTTLS, SmtpAccount
from desktop_app.services.cadence import planner
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.loyalty import programs, views
from desktop_app.services.mail import mailer
from desktop_app.services.shop import shop
from tests.conftest import TODAY
from tests.engines import process_env

ROOT = Path(__file__).resolve().parents[2]
DAY = TODAY
STAFF = Actor(None, "Balcão", COUNTER)

SENDER = textwrap.dedent("""
    import sys
    import keyring
    sys.path.insert(0, sys.argv[1])
    from tests.mailserver import MemoryKeyring, PASSWORD
    from desktop_app import cli
    from desktop_app.config import resolve_paths
    from desktop_app.db.database import close_database
    from desktop_app.services.mail import mailer
    from desktop_app.services.shop import secrets
    from desktop_app.services.shop import shop
    keyring.set_keyring(MemoryKeyring())
    shop.open_shop(resolve_paths(db=sys.argv[2]), create=False)
    secrets.remember_for_session(mailer.account().keyring_user, PASSWORD)  # as typed once per session
    close_database()
    sys.exit(cli.run(["--db", sys.argv[2], "send-due", "--date", sys.argv[3], "--json"]))
""")

COUNTER_OPS = textwrap.dedent("""
    import json, os, sys, time
    sys.path.insert(0, sys.argv[1])
    from datetime import date
    from desktop_app.config import resolve_paths
    from desktop_app.domain.actors import COUNTER, Actor
    from desktop_app.services.customers import customers
    from desktop_app.services.loyalty import ledger, programs
    from desktop_app.services.shop import shop
    from desktop_app.services.customers.customers import CustomerInput
    db, day, ops, stop = sys.argv[2], date.fromisoformat(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]
    shop.open_shop(resolve_paths(db=db), create=False)
    settings = shop.shop_settings()
    staff = Actor(None, "Balcão", COUNTER)
    reward = next(r.id for p in programs.programs() for r in p.active_rewards())
    done, n, end = [], 0, time.monotonic() + 90
    while n < 2000 and time.monotonic() < end:  # the list once, or again and again until the stop file appears
        op, cid = ops[n % len(ops)]
        if n >= len(ops) and (not stop or os.path.exists(stop)):
            break
        n += 1
        start = time.monotonic()
        try:
            if op == "optout":  # "stop sending me messages", the button on the customer's page
                customers.unsubscribe(cid, actor=staff, reason="asked at the counter")
            elif op == "consent_no":
                customers.record_consent(cid, "email", False, actor=staff, source="counter")
            elif op == "redeem":
                ledger.redeem(cid, reward, actor=staff, today=day)
            elif op == "log":  # the quick log, as the window calls it
                from desktop_app.services.customers import interactions
                interactions.log_interaction(cid, interactions.LogEntry("visit"), actor=staff, shop=settings, today=day)
            elif op == "edit":
                d = customers.detail(cid, settings)
                customers.update_customer(cid, CustomerInput(name=d.name, email=d.email or "", city=f"Cidade {n}"),
                                          shop=settings, actor=staff, today=day)
            outcome = "ok"
        except Exception as exc:  # what the window would have shown: counted as a failure
            outcome = f"{type(exc).__name__}: {exc}"
        done.append([op, cid, outcome, round(time.monotonic() - start, 3), time.time()])
        time.sleep(0.05 if stop else 0.02)
    print(json.dumps(done))
""")


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture
def mail(ca, tmp_path, monkeypatch):
    """A trusted slow SMTP server and the test's in-memory keyring (the subprocesses get the password
    for their session)."""
    with trusted_server(ca, tmp_path, monkeypatch) as server:
        yield server


def set_up_shop(settings, actor, port: int, mail_customers: int, counter_customers: int = 6):
    """A shop with `mail_customers` welcomes due on DAY (queue order = id order) and a few counter
    customers with points enough to redeem. Returns (mail ids, counter ids)."""
    mailer.save_account(SmtpAccount("127.0.0.1", port, STARTTLS, USER, "loja@flordelis.com.br", "Flor de Lis",
                                    daily_limit=5000, per_minute=10_000), PASSWORD, actor=actor)
    programs.save_program(programs.default_program(), actor=actor)
    created = DAY - timedelta(days=3)
    mail_ids = []
    for i in range(mail_customers):
        cid = customers.create_customer(CustomerInput(name=f"Cliente {i}", email=f"c{i}@example.com",
                                                      consent_email=True),
                                        shop=settings, actor=actor, today=created)
        mail_ids.append(cid)
    Customer.update(created_at=local_noon_utc(created, settings.timezone)).where(Customer.id.in_(mail_ids)).execute()
    counter_ids = []
    for i in range(counter_customers):
        cid = customers.create_customer(CustomerInput(name=f"Balcão {i}", phone=f"+55 11 98888-{i:04d}"),
                                        shop=settings, actor=actor, today=DAY - timedelta(days=30))
        interactions.log_interaction(cid, interactions.LogEntry("purchase", "50000,00", on=DAY - timedelta(days=20)),
                                     actor=actor, shop=settings, today=DAY - timedelta(days=20))
        counter_ids.append(cid)
    shop.set_setting(planner.SINCE_KEY, (DAY - timedelta(days=30)).isoformat())
    shop.set_setting(planner.LAST_RUN_KEY, (DAY - timedelta(days=1)).isoformat())
    planner.plan(DAY, shop=settings)
    planned = [r.customer_id for r in Outbox.select().where(Outbox.status == c.PLANNED).order_by(Outbox.id)]
    assert planned == mail_ids  # one welcome each, in the order they were created
    return mail_ids, counter_ids


def start_sender(paths: Paths) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SENDER, str(ROOT), str(paths.target), DAY.isoformat()], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=process_env(paths))


def start_counter(paths: Paths, ops: list, stop: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", COUNTER_OPS, str(ROOT), str(paths.target), DAY.isoformat(),
                             json.dumps(ops), str(stop or "")], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=process_env(paths))


def regua_log(paths: Paths, customer_id: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(paths.target), "log",
                             f"#{customer_id}", "--kind", "visit", "--date", (DAY - timedelta(days=10)).isoformat()],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=process_env(paths))


def wait_until(condition, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, what
        time.sleep(0.02)


def finish(proc: subprocess.Popen, timeout: float = 60) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def test_the_counter_never_fails_while_send_due_runs(shop_settings, actor, paths, mail):
    """RELIABILITY.md "The counter never fails because mail goes out" (every write transaction takes
    the write lock up front) and "Opt-out wins": 48 counter writes (8 `regua log`, and through the
    services 10 opt-outs, 6 "no" to e-mails, 6 redeems, 6 edits, 6 logs... as the window calls them, some
    twice) from real processes while a real `regua send-due` sends 400 welcomes through a slow server:
    0 failures, 0 tracebacks, 0 messages to a customer after her opt-out."""
    controller, box = mail
    mail_ids, counter_ids = set_up_shop(shop_settings, actor, controller.port, mail_customers=400)
    points = {cid: views.summaries(cid, DAY)[0].balance for cid in counter_ids}
    close_database()
    box.data_delay = 0.01  # slow enough to be still sending when the counter is done, fast enough to collide
    sender = start_sender(paths)
    wait_until(lambda: len(box.rcpt_tos) >= 3 or sender.poll() is not None, 30, "the sender never started")
    # the last 16 of the queue: still waiting when the counter says no, so not one may go to them
    optouts, noes = mail_ids[-10:], mail_ids[-16:-10]
    ops = [["optout", cid] for cid in optouts] + [["consent_no", cid] for cid in noes] \
        + [["redeem", cid] for cid in counter_ids] + [["edit", cid] for cid in counter_ids] \
        + [["log", cid] for cid in counter_ids]
    ops = [ops[i] for i in sorted(range(len(ops)), key=lambda i: (i * 7) % len(ops))]  # mixed, not grouped
    writers = [start_counter(paths, ops)]
    logs = []
    for i in range(8):  # two at a time, as two tills would
        logs.append(regua_log(paths, counter_ids[i % len(counter_ids)]))
        if len(logs) % 2 == 0:
            for p in logs[-2:]:
                p.wait(timeout=60)
    results = [finish(p) for p in writers + logs]
    still_sending = sender.poll() is None
    box.data_delay = 0
    code, out, err = finish(sender, timeout=120)

    errors = [r for r in results if r[0] != 0] + ([(code, out, err)] if code != 0 else [])
    tracebacks = [r[2] for r in results + [(code, out, err)] if "Traceback" in r[2]]
    done = json.loads(results[0][1])
    failed = [d for d in done if d[2] != "ok"]
    assert still_sending, "the counter's writes did not overlap the sending"
    assert (errors, tracebacks, failed) == ([], [], []), \
        f"{len(errors)} processes failed, {len(tracebacks)} tracebacks, {len(failed)} of {len(done)} service calls failed"
    assert len(done) + len(logs) >= 30
    assert json.loads(out)["sent"] == len(mail_ids) - len(optouts) - len(noes)
    emails = {f"c{mail_ids.index(cid)}@example.com" for cid in optouts + noes}
    assert [a for a in box.rcpt_tos if a in emails] == []  # opt-out wins, up to the last second
    shop.open_shop(paths, create=False)
    assert {r.status for r in Outbox.select().where(Outbox.customer.in_(optouts + noes))} <= {c.SKIPPED, c.SUPPRESSED}
    assert Outbox.select().where(Outbox.status == c.SENDING).count() == 0
    assert all(views.summaries(cid, DAY)[0].balance < points[cid] for cid in counter_ids)  # the redeems landed


IMPORT_ROWS = 60_000  # its one transaction holds the write lock longer than SQLite's 5 s busy timeout


@pytest.fixture(scope="module")
def long_sheet(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sheet") / "clientes.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(["Nome", "E-mail", "Telefone"])
        for i in range(IMPORT_ROWS):
            out.writerow([f"Cliente Importada {i}", f"imp{i}@exemplo.com.br", f"+55 11 9{i:08d}"])
    return path


def test_a_long_import_neither_crashes_send_due_nor_fails_the_counter(shop_settings, actor, paths, mail, long_sheet,
                                                                      tmp_path):
    """RELIABILITY.md "The counter never fails because mail goes out" (... during a running `send-due`
    and a running import) and "Never "sent" without a 250": a real `regua import` of 60,000 rows holds
    the write lock for longer than the busy timeout while a real `regua send-due` sends 100 welcomes and
    the counter logs, redeems and edits without pause. The sender waits for the import and sends all
    100 (exit 0, nothing left `sending`), the import lands whole, every counter write succeeds."""
    controller, box = mail
    mail_ids, counter_ids = set_up_shop(shop_settings, actor, controller.port, mail_customers=100)
    close_database()
    box.data_delay = 0.1
    sender = start_sender(paths)
    wait_until(lambda: len(box.rcpt_tos) >= 2 or sender.poll() is not None, 30, "the sender never started")
    stop = tmp_path / "stop"
    counter = start_counter(paths, [[op, cid] for cid in counter_ids for op in ("log", "redeem", "edit")],
                            stop)
    importing = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(paths.target), "import",
                                  str(long_sheet)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=process_env(paths))
    imp = finish(importing, timeout=120)
    still_sending = sender.poll() is None
    stop.touch()
    box.data_delay = 0
    ops = finish(counter)
    code, out, err = finish(sender, timeout=120)

    tracebacks = [e for e in (imp[2], ops[2], err) if "Traceback" in e]
    assert (imp[0], ops[0], code, len(tracebacks)) == (0, 0, 0, 0), (imp[2][-300:], ops[2][-300:], err[-300:])
    assert still_sending, "the import did not overlap the sending"
    done = json.loads(ops[1])
    failed = [d for d in done if d[2] != "ok"]
    assert failed == [], f"{len(failed)} of {len(done)} counter writes failed: {failed[:3]}"
    assert max(d[3] for d in done) > 1.0  # some of them waited for the import's transaction, and got in
    assert json.loads(out)["sent"] == len(mail_ids) and len(box.rcpt_tos) == len(mail_ids)
    shop.open_shop(paths, create=False)
    assert Outbox.select().where(Outbox.status == c.SENDING).count() == 0
    assert {r.status for r in Outbox.select()} == {c.SENT}
    assert Customer.select().count() == len(mail_ids) + len(counter_ids) + IMPORT_ROWS


@pytest.mark.sqlite_only("SQLite's own \"database is locked\" from another program holding the file")
def test_the_window_tells_a_busy_database_in_plain_words(qapp, shop_settings, actor, paths, monkeypatch):
    """RELIABILITY.md "The counter never fails because mail goes out" (no user ever sees a traceback for a
    busy database): another process keeps the write lock past the bound (made short here); "stop sending
    me messages" is refused with the translated message, not the bug dialog, both as the database layer
    raises it and as SQLite's own "database is locked"."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from desktop_app.db import database as db_module
    from desktop_app.db import sqlite_engine
    from desktop_app.domain.errors import ReguaError
    from desktop_app.gui.common import errors as gui_errors
    from desktop_app.gui.common.i18n import install_language

    cid = customers.create_customer(CustomerInput(name="Rita Lopes", email="rita@example.com", consent_email=True),
                                    shop=shop_settings, actor=actor, today=DAY)
    monkeypatch.setattr(sqlite_engine, "WRITE_WAIT_S", 0.3)
    db_module.database.execute_sql("PRAGMA busy_timeout = 100")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(gui_errors.BugDialog, "exec", lambda self: pytest.fail("a busy database is not a bug"))
    script = ("import sqlite3, sys, time; con = sqlite3.connect(sys.argv[1], isolation_level=None);"
              "con.execute('BEGIN IMMEDIATE'); print('holding', flush=True); time.sleep(3); con.execute('COMMIT')")
    holder = subprocess.Popen([sys.executable, "-c", script, str(paths.db_path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    assert install_language("pt_BR", "BR")
    try:
        with pytest.raises(ReguaError) as err:  # what stop_messages catches
            customers.unsubscribe(cid, actor=STAFF)
        gui_errors.show_error(None, err.value)
        raw = sqlite3.connect(paths.db_path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError) as locked:
            raw.execute("BEGIN IMMEDIATE")
        raw.close()
        gui_errors.show_error(None, locked.value)
    finally:
        install_language("en", "BR")
        holder.wait(timeout=10)
    assert said == ["O banco de dados está ocupado em outro programa. Tente de novo em instantes."] * 2
    assert customers.detail(cid, shop_settings).consent["email"] is True  # nothing of the refused unit written
