"""Several tills on one PostgreSQL server, as real processes (issue 20): two `regua --db URL send-due` at
once send every due message exactly once; five processes planning the same day at once plan each occasion
once; a sender killed with kill -9 mid-send leaves nothing that a later run sends twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest
import trustme
from mailserver import PASSWORD, USER, trusted_server

from desktop_app.db.database import close_database
from desktop_app.db.models import Customer, Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.dates import local_noon_utc, utc_now
from desktop_app.domain.mail import STARTTLS, SmtpAccount
from desktop_app.services.cadence import planner
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.mail import mailer, sender
from desktop_app.services.shop import shop
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
DAY = TODAY
ON_A_SERVER = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)

# a till's `regua send-due`, its password typed once for the session (the test's keyring is in memory)
SEND_DUE = textwrap.dedent("""
    import sys
    import keyring
    sys.path.insert(0, sys.argv[1])
    from tests.mailserver import MemoryKeyring, PASSWORD
    from desktop_app import cli
    from desktop_app.config import resolve_paths
    from desktop_app.db.database import close_database
    from desktop_app.services.mail import mailer
    from desktop_app.services.shop import secrets, shop
    keyring.set_keyring(MemoryKeyring())
    shop.open_shop(resolve_paths(db=sys.argv[2]), create=False)
    secrets.remember_for_session(mailer.account().keyring_user, PASSWORD)
    close_database()
    print("ready", flush=True)
    sys.stdin.readline()  # all start together
    sys.exit(cli.run(["--db", sys.argv[2], "send-due", "--date", sys.argv[3], "--json"]))
""")

PLAN = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, sys.argv[1])
    from datetime import date
    from desktop_app.config import resolve_paths
    from desktop_app.services.cadence import planner
    from desktop_app.services.shop import shop
    shop.open_shop(resolve_paths(db=sys.argv[2]), create=False)
    print("ready", flush=True)
    sys.stdin.readline()
    result = planner.plan(date.fromisoformat(sys.argv[3]), shop=shop.shop_settings())
    print(json.dumps({"planned": result.planned}), flush=True)
""")


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture
def mail(ca, tmp_path, monkeypatch):
    with trusted_server(ca, tmp_path, monkeypatch) as server:
        yield server


def welcomes(settings, actor, port: int, n: int) -> list[int]:
    """`n` new customers, each with a welcome due on DAY, and the shop's mail account."""
    mailer.save_account(SmtpAccount("127.0.0.1", port, STARTTLS, USER, "loja@flordelis.com.br", "Flor de Lis",
                                    daily_limit=5000, per_minute=10_000), PASSWORD, actor=actor)
    created = DAY - timedelta(days=3)
    ids = [customers.create_customer(CustomerInput(name=f"Cliente {i}", email=f"c{i}@example.com",
                                                   consent_email=True), shop=settings, actor=actor, today=created)
           for i in range(n)]
    Customer.update(created_at=local_noon_utc(created, settings.timezone)).where(Customer.id.in_(ids)).execute()
    shop.set_setting(planner.SINCE_KEY, (DAY - timedelta(days=30)).isoformat())
    shop.set_setting(planner.LAST_RUN_KEY, (DAY - timedelta(days=1)).isoformat())
    return ids


def together(script: str, url: str, n: int) -> list[subprocess.Popen]:
    """`n` processes of `script` on `url`, each let go at the same moment once all have the shop open."""
    procs = [subprocess.Popen([sys.executable, "-c", script, str(ROOT), url, DAY.isoformat()], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(n)]
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    return procs


def results(procs: list[subprocess.Popen]) -> list[dict]:
    found = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and "Traceback" not in err, err
        found.append(json.loads(out.strip().splitlines()[-1]))
    return found


@ON_A_SERVER
def test_two_send_due_at_once_send_every_due_message_exactly_once(shop_settings, actor, db_target, mail):
    controller, box = mail
    box.data_delay = 0.01  # a server that takes its time: the two runs overlap
    ids = welcomes(shop_settings, actor, controller.port, 30)
    planner.plan(DAY, shop=shop_settings)
    close_database()
    counts = results(together(SEND_DUE, db_target, 2))
    delivered = [m["To"].addresses[0].addr_spec for m in box.messages]
    assert sorted(delivered) == sorted(f"c{i}@example.com" for i in range(len(ids)))  # each once
    assert sum(r.get("sent", 0) for r in counts) == 30
    assert {r.status for r in Outbox.select()} == {c.SENT}


@ON_A_SERVER
def test_five_tills_planning_the_day_at_once_plan_each_occasion_once(shop_settings, actor, db_target, mail):
    welcomes(shop_settings, actor, mail[0].port, 40)
    close_database()
    planned = [r["planned"] for r in results(together(PLAN, db_target, 5))]
    rows = [(r.customer_id, r.step, r.occurrence) for r in Outbox.select()]
    assert len(rows) == len(set(rows)) == 40  # one welcome each, whoever planned it
    assert sum(planned) == 40 and max(planned) == 40  # one till planned them all; the others added nothing


@ON_A_SERVER
def test_a_sender_killed_mid_send_on_a_server_never_sends_that_message_again(shop_settings, actor, db_target, mail):
    controller, box = mail
    welcomes(shop_settings, actor, controller.port, 3)
    planner.plan(DAY, shop=shop_settings)
    close_database()
    [proc] = together(SEND_DUE, db_target, 1)
    box.on_data = lambda _env: os.kill(proc.pid, signal.SIGKILL)  # the server has the first message; it dies
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL and len(box.messages) == 1
    assert [r.status for r in Outbox.select().order_by(Outbox.id)] == [c.SENDING, c.PLANNED, c.PLANNED]
    box.on_data = None
    later = utc_now() + sender.STALE_SENDING + timedelta(seconds=1)
    deadline = time.monotonic() + 10
    while (counts := sender.send_due(DAY, shop=shop_settings, now=later)) == {"sending_elsewhere": 1}:
        assert time.monotonic() < deadline, "the killed sender's lock was never let go"
        time.sleep(0.05)  # the server notices the dead connection
    assert counts == {"uncertain": 1, "sent": 2}
    delivered = [m["To"].addresses[0].addr_spec for m in box.messages]
    assert len(delivered) == len(set(delivered)) == 3
    assert sorted(r.status for r in Outbox.select()) == sorted([c.UNCERTAIN, c.SENT, c.SENT])
