"""Mail against a real SMTP server on 127.0.0.1 with real TLS: messages arrive once and well formed; an
untrusted certificate or a server hiding STARTTLS stop before AUTH; every reply class ends in the state
DESIGN.md section 5 says; consent is checked at the last second; a killed sender never sends twice; one
message never stops the queue; 4xx is temporary at every stage; no server can hold the sender."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

import keyring
import pytest
import trustme
from mailserver import PASSWORD, USER, MemoryKeyring, start_dripper, start_server, start_tarpit

from desktop_app.db.models import Customer, Outbox, Suppression
from desktop_app.domain import cadence as c
from desktop_app.domain.dates import local_noon_utc, utc_now
from desktop_app.domain.mail import SSL, STARTTLS, SmtpAccount
from desktop_app.services.cadence import planner
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.mail import mailer, sender
from desktop_app.services.mail.mailer import MailError
from desktop_app.services.shop import shop
from tests.engines import process_env

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture
def trusted(ca, tmp_path, monkeypatch):
    """The test's certificate authority is the one the client trusts (as a company CA would be)."""
    pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    return pem


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def server(ca):
    controller, box = start_server(ca)
    yield controller, box
    controller.stop()


def account_for(port: int, security: str = STARTTLS) -> SmtpAccount:
    return SmtpAccount("127.0.0.1", port, security, USER, "loja@flordelis.com.br", "Ateliê Flor de Lis",
                       daily_limit=500, per_minute=500)


def set_up(shop_settings, actor, port: int, security: str = STARTTLS) -> SmtpAccount:
    return mailer.save_account(account_for(port, security), PASSWORD, actor=actor)


def customer(settings, actor, name, email, *, created=DAY - timedelta(days=3), consent=True, source="counter"):
    cid = customers.create_customer(CustomerInput(name=name, email=email, consent_email=consent),
                                    shop=settings, actor=actor, today=created, source=source)
    Customer.update(created_at=local_noon_utc(created, settings.timezone)).where(Customer.id == cid).execute()
    return cid


def plan(settings):
    shop.set_setting(planner.SINCE_KEY, (DAY - timedelta(days=30)).isoformat())
    shop.set_setting(planner.LAST_RUN_KEY, (DAY - timedelta(days=1)).isoformat())
    planner.plan(DAY, shop=settings)


def test_due_emails_arrive_once_and_well_formed(shop_settings, actor, trusted, memory_keyring, server):
    """Promise: Well-formed messages."""
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    maria = customer(shop_settings, actor, "Maria Souza", "maria@example.com")  # welcome: marketing
    joana = customer(shop_settings, actor, "Joana Dias", "joana@example.com", created=DAY, consent=None)  # signup
    plan(shop_settings)
    counts = sender.send_due(DAY, shop=shop_settings)
    assert counts["sent"] == 2
    assert sender.send_due(DAY, shop=shop_settings).get("sent", 0) == 0  # nothing twice
    assert len(box.messages) == 2
    for m in box.messages:
        assert len(m.get_all("Date")) == 1 and len(m.get_all("Message-ID")) == 1
        assert m["Message-ID"].endswith("@flordelis.com.br>")
        assert m.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in m.iter_parts()] == ["text/plain", "text/html"]
        assert "Ateliê Flor de Lis" in m["From"]
    welcome, signup = box.to("maria@example.com")[0], box.to("joana@example.com")[0]
    assert welcome["List-Unsubscribe"] == "<mailto:loja@flordelis.com.br?subject=unsubscribe>"
    assert signup["List-Unsubscribe"] is None  # a confirmation is not marketing
    assert "Maria" in welcome.get_body(("plain",)).get_content()
    assert box.log.index("STARTTLS") < box.log.index("AUTH")
    rows = {r.customer_id: r for r in Outbox.select()}
    assert rows[maria].status == rows[joana].status == c.SENT and rows[maria].message_id == welcome["Message-ID"]
    assert ("message", "E-mail · welcome") in [(e.kind, e.note) for e in customers.timeline(maria)]


def test_html_part_escapes_what_the_customer_typed(shop_settings, actor, trusted, memory_keyring, server):
    """Promise: No header or template injection."""
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    customer(shop_settings, actor, "Ana<script>alert(1)</script> Lima", "ana@example.com")
    plan(shop_settings)
    sender.send_due(DAY, shop=shop_settings)
    html_part = box.messages[0].get_body(("html",)).get_content()
    assert "<script>" not in html_part and "Ana&lt;script&gt;" in html_part
    assert "Ana<script>" in box.messages[0].get_body(("plain",)).get_content()  # plain text stays as typed


def test_an_untrusted_certificate_stops_before_the_password_is_sent(shop_settings, actor, memory_keyring, ca, server):
    """Promise: The password only travels encrypted, to the right server."""
    controller, box = server  # no SSL_CERT_FILE: the test's CA is not trusted, like a stranger's certificate
    acc = set_up(shop_settings, actor, controller.port)
    with pytest.raises(MailError) as err:
        mailer.test_account(acc, timeout=5)
    assert err.value.code == "smtp_cert_unknown_authority"  # one of the certificate failures in Régua's words
    assert "AUTH" not in box.log


def test_a_server_without_starttls_gets_no_password(shop_settings, actor, memory_keyring, ca, trusted):
    """Promise: The password only travels encrypted, to the right server."""
    controller, box = start_server(ca, starttls=False)
    try:
        acc = set_up(shop_settings, actor, controller.port)
        with pytest.raises(MailError) as err:
            mailer.test_account(acc, timeout=5)
        assert err.value.code == "smtp_no_starttls"
        assert "AUTH" not in box.log and "STARTTLS" not in box.log
    finally:
        controller.stop()


def test_ssl_on_port_465_style_works_too(shop_settings, actor, memory_keyring, ca, trusted):
    controller, box = start_server(ca, starttls=False, implicit_tls=True)
    try:
        acc = set_up(shop_settings, actor, controller.port, SSL)
        assert mailer.test_account(acc, timeout=5) == "127.0.0.1"
        assert "AUTH" in box.log
    finally:
        controller.stop()


def test_a_wrong_password_is_explained_and_pauses_the_queue(shop_settings, actor, trusted, memory_keyring, server):
    controller, box = server
    mailer.save_account(account_for(controller.port), "not-the-password", actor=actor)
    with pytest.raises(MailError) as err:
        mailer.test_account(mailer.account(), timeout=5)
    assert err.value.code == "smtp_auth_refused" and "app password" in err.value.message()
    customer(shop_settings, actor, "Maria Souza", "maria@example.com")
    plan(shop_settings)
    with pytest.raises(MailError):
        sender.send_due(DAY, shop=shop_settings)
    assert sender.paused()["code"] == 535
    assert sender.send_due(DAY, shop=shop_settings) == {"paused": 1}
    assert Outbox.get().status == c.PLANNED and box.messages == []


def test_each_reply_class_ends_in_its_state(shop_settings, actor, trusted, memory_keyring, server):
    """Promise: Errors classified by reply code."""
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    people = {local: customer(shop_settings, actor, f"Cliente {local}", f"{local}@example.com")
              for local in ("ok", "busy", "full", "gone", "later", "drop")}
    plan(shop_settings)
    counts = sender.send_due(DAY, shop=shop_settings, timeout=5)
    state = {local: Outbox.get(Outbox.customer == cid) for local, cid in people.items()}
    assert state["ok"].status == c.SENT
    for local in ("busy", "full", "later"):  # 450, 452, 421: later, with backoff
        assert state[local].status == c.PLANNED and state[local].retry_at > utc_now(), local
    assert (state["gone"].status, state["gone"].reason) == (c.FAILED, "bounced")  # 550 5.1.1
    assert Suppression.get_by_id("gone@example.com").reason == "bounced"
    assert state["drop"].status == c.UNCERTAIN, state["drop"].error  # went out, no reply came: never resent
    assert counts["sent"] == 1 and len(box.messages) == 1
    # the retries are not due yet; a bounced address is never tried again
    assert sender.send_due(DAY, shop=shop_settings).get("sent", 0) == 0


def test_a_quota_reply_pauses_the_whole_queue(shop_settings, actor, trusted, memory_keyring, server):
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    quota = customer(shop_settings, actor, "Ana Quota", "quota@example.com")
    customer(shop_settings, actor, "Bia Depois", "bia@example.com")
    plan(shop_settings)
    Outbox.update(step=c.BIRTHDAY).where(Outbox.customer == quota).execute()  # goes first
    counts = sender.send_due(DAY, shop=shop_settings)
    assert counts["paused"] == 1 and sender.paused()["code"] == 552
    assert {r.status for r in Outbox.select()} == {c.PLANNED} and box.messages == []
    sender.resume(actor=actor)
    assert sender.paused() is None


def test_a_server_that_never_answers_is_a_timeout_in_plain_words(shop_settings, actor, memory_keyring):
    listener, port = start_tarpit()
    try:
        acc = set_up(shop_settings, actor, port)
        with pytest.raises(MailError) as err:
            mailer.test_account(acc, timeout=1)
        assert err.value.code == "smtp_timeout"
    finally:
        listener.close()


def test_opting_out_after_planning_wins_at_the_last_second(shop_settings, actor, trusted, memory_keyring, server):
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    maria = customer(shop_settings, actor, "Maria Souza", "maria@example.com")
    plan(shop_settings)
    customers.record_consent(maria, "email", False, actor=actor, source="counter")
    counts = sender.send_due(DAY, shop=shop_settings)
    assert counts["suppressed"] == 1 and box.messages == []
    assert Outbox.get().status == c.SUPPRESSED


def test_the_password_is_only_in_the_keyring(shop_settings, actor, paths, memory_keyring, trusted, server):
    controller, _box = server
    set_up(shop_settings, actor, controller.port)
    from desktop_app.db.backup import backup_database
    from desktop_app.db.database import database

    backup = backup_database(database, paths.backup_dir / "check.db")  # on a server: every row, in a file
    files = [backup, *paths.log_dir.glob("*")]
    if not paths.is_server:
        database.execute_sql("PRAGMA wal_checkpoint(FULL)")
        files += [paths.db_path, Path(str(paths.db_path) + "-wal")]
    for f in files:
        if f.exists():
            assert PASSWORD.encode() not in f.read_bytes(), f
    assert keyring.get_keyring().store  # it is in the (test) keyring


SENDER = textwrap.dedent("""
    import sys
    from datetime import date
    import keyring
    sys.path.insert(0, sys.argv[3])
    from tests.mailserver import MemoryKeyring, PASSWORD
    from desktop_app.config import resolve_paths
    from desktop_app.services.mail import mailer
    from desktop_app.services.mail import sender
    from desktop_app.services.shop import shop
    from desktop_app.services.shop import secrets
    kr = MemoryKeyring(); keyring.set_keyring(kr)
    shop.open_shop(resolve_paths(db=sys.argv[1]), create=False)
    secrets.remember_for_session(mailer.account().keyring_user, PASSWORD)
    print(sender.send_due(date.fromisoformat(sys.argv[2]), shop=shop.shop_settings()), flush=True)
""")


def test_a_sender_killed_after_the_server_took_the_message_never_sends_it_again(
        shop_settings, actor, paths, trusted, memory_keyring, server):
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    customer(shop_settings, actor, "Maria Souza", "maria@example.com")
    plan(shop_settings)
    proc = subprocess.Popen([sys.executable, "-c", SENDER, str(paths.target), DAY.isoformat(), str(ROOT)],
                            cwd=ROOT, env=process_env(paths), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    box.on_data = lambda _env: os.kill(proc.pid, signal.SIGKILL)  # it has the message; the sender dies
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL and len(box.messages) == 1
    assert Outbox.get().status == c.SENDING
    later = utc_now() + sender.STALE_SENDING + timedelta(seconds=1)
    assert sender.recover_interrupted(later) == 1
    assert Outbox.get().status == c.UNCERTAIN
    box.on_data = None
    sender.send_due(DAY, shop=shop_settings)
    assert len(box.messages) == 1


@pytest.mark.parametrize("seed", range(4))
def test_two_senders_with_random_crashes_never_deliver_an_occasion_twice(
        shop_settings, actor, paths, trusted, memory_keyring, server, seed):
    """Promise: One message per occasion, ever."""
    import random
    import time

    rng = random.Random(seed)
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    for i in range(30):
        customer(shop_settings, actor, f"Cliente {i}", f"c{i}@example.com")
    plan(shop_settings)
    procs = [subprocess.Popen([sys.executable, "-c", SENDER, str(paths.target), DAY.isoformat(), str(ROOT)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env=process_env(paths))
             for _ in range(2)]
    time.sleep(rng.uniform(0.3, 1.2))
    victim = rng.choice(procs)
    victim.kill()  # mid-send, wherever it happens to be
    for p in procs:
        p.wait(timeout=120)
    later = utc_now() + sender.STALE_SENDING + timedelta(seconds=1)
    sender.recover_interrupted(later)
    sender.send_due(DAY, shop=shop_settings)  # a third run finishes what is left
    delivered = [m["To"].addresses[0].addr_spec for m in box.messages]
    assert len(delivered) == len(set(delivered))  # nobody got the welcome twice
    states = [r.status for r in Outbox.select()]
    assert set(states) <= {c.SENT, c.UNCERTAIN} and len(states) == 30
    email_of = {cu.id: cu.email for cu in Customer.select()}
    sent = {email_of[r.customer_id] for r in Outbox.select().where(Outbox.status == c.SENT)}
    assert sent <= set(delivered)  # "sent" only after the server took it


@pytest.mark.slow
def test_a_send_batch_killed_at_20_random_points_never_sends_an_occasion_twice(
        shop_settings, actor, paths, trusted, memory_keyring, server):
    import random
    import time

    from desktop_app.db.database import integrity_check

    rng = random.Random(20)
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    shop.set_setting(planner.SINCE_KEY, (DAY - timedelta(days=30)).isoformat())
    for run in range(20):
        for i in range(12):
            customer(shop_settings, actor, f"Cliente {run}-{i}", f"c{run}x{i}@example.com")
        planner.plan(DAY, shop=shop_settings)
        proc = subprocess.Popen([sys.executable, "-c", SENDER, str(paths.target), DAY.isoformat(), str(ROOT)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=process_env(paths))
        time.sleep(rng.uniform(0.2, 1.5))
        proc.kill()
        proc.wait()
        assert paths.is_server or integrity_check(paths.db_path) == "ok"  # a server keeps its own pages
        sender.recover_interrupted(utc_now() + sender.STALE_SENDING + timedelta(seconds=1))
        sender.send_due(DAY, shop=shop_settings)
        delivered = [m["To"].addresses[0].addr_spec for m in box.messages]
        assert len(delivered) == len(set(delivered)), run
    assert {r.status for r in Outbox.select()} <= {c.SENT, c.UNCERTAIN}
    assert Outbox.select().count() == 240


# --- one message never stops the queue ----------------------------------------------------------------------


def test_a_non_ascii_address_first_in_line_goes_by_smtputf8_and_the_rest_follow(
        shop_settings, actor, trusted, memory_keyring, ca):
    """RELIABILITY.md "One message never stops the queue": SMTPUTF8 when offered, IDNA domains. The
    customer with joão@ is first in line; she gets her message with her address intact, a café.com.br
    domain travels as xn--caf-dma, and everyone after them is sent too."""
    controller, box = start_server(ca, enable_smtputf8=True)
    try:
        set_up(shop_settings, actor, controller.port)
        joao = customer(shop_settings, actor, "João Gonçalves", "joão@exemplo.com.br")
        ana = customer(shop_settings, actor, "Ana Café", "ana@café.com.br")
        maria = customer(shop_settings, actor, "Maria Souza", "maria@example.com")
        plan(shop_settings)
        assert [r.customer_id for r in Outbox.select().order_by(Outbox.id)] == [joao, ana, maria]
        counts = sender.send_due(DAY, shop=shop_settings, timeout=5)
        assert counts["sent"] == 3
        assert box.rcpt_tos == ["joão@exemplo.com.br", "ana@xn--caf-dma.com.br", "maria@example.com"]
        to_joao = box.messages[0]
        assert to_joao["To"].addresses[0].addr_spec == "joão@exemplo.com.br"
        assert to_joao["To"].addresses[0].display_name == "João Gonçalves"
        assert len(to_joao.get_all("Date")) == 1 and to_joao["Message-ID"].endswith("@flordelis.com.br>")
        assert "João" in to_joao.get_body(("plain",)).get_content()
        assert {r.status for r in Outbox.select()} == {c.SENT}
    finally:
        controller.stop()


def test_a_non_ascii_address_without_smtputf8_fails_alone_with_its_reason(
        shop_settings, actor, trusted, memory_keyring, server):
    """RELIABILITY.md "One message never stops the queue": a server without SMTPUTF8 cannot take joão@,
    first in line. Her message ends `failed` with a reason the Messages screen shows; the others go."""
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    joao = customer(shop_settings, actor, "João Gonçalves", "joão@exemplo.com.br")
    customer(shop_settings, actor, "Ana Café", "ana@café.com.br")
    customer(shop_settings, actor, "Maria Souza", "maria@example.com")
    plan(shop_settings)
    counts = sender.send_due(DAY, shop=shop_settings, timeout=5)
    assert (counts["sent"], counts["failed"]) == (2, 1)
    assert box.rcpt_tos == ["ana@xn--caf-dma.com.br", "maria@example.com"]
    failed = sender.messages(c.FAILED)
    assert [(m.customer_id, m.reason) for m in failed] == [(joao, "address_unsupported")]
    assert "SMTPUTF8" in failed[0].error
    assert sender.send_due(DAY, shop=shop_settings).get("sent", 0) == 0  # and never tried again by itself


# --- 4xx is temporary at every stage --------------------------------------------------------------------------


def test_4xx_at_the_greeting_auth_rcpt_and_data_is_retried_never_a_pause(
        shop_settings, actor, trusted, memory_keyring, server):
    """RELIABILITY.md "4xx is temporary at every stage": 421 at the greeting and 454 4.7.0 at AUTH are
    tried again after a short wait in the same run; 450 at RCPT and 421 at DATA put that message back
    with backoff. The queue is never paused, and everything else is sent."""
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    box.greetings = ["421 4.3.2 Too many connections, try later"]
    box.auth_replies = ["454 4.7.0 Temporary authentication failure"] * 2  # AUTH PLAIN, then LOGIN: both
    people = {local: customer(shop_settings, actor, f"Cliente {local}", f"{local}@example.com")
              for local in ("busy", "later", "ok", "also")}
    plan(shop_settings)
    waits = []
    counts = sender.send_due(DAY, shop=shop_settings, timeout=5, sleep=lambda s: (waits.append(s), time.sleep(0.05)))
    assert waits == list(sender.CONNECT_BACKOFF_S)  # a short wait, then a longer one (shortened here)
    assert sender.paused() is None
    assert (counts["sent"], counts["retry"]) == (2, 2)
    state = {local: Outbox.get(Outbox.customer == cid) for local, cid in people.items()}
    for local in ("busy", "later"):
        assert state[local].status == c.PLANNED and state[local].retry_at > utc_now(), local
    assert box.greetings == [] and box.auth_replies == []
    assert box.log.count("AUTH") >= 4  # PLAIN and LOGIN refused, then in, then in again after the 421 at DATA


def test_a_server_busy_at_auth_for_the_whole_run_leaves_the_queue_waiting_not_paused(
        shop_settings, actor, trusted, memory_keyring, server):
    """RELIABILITY.md "4xx is temporary at every stage", "5xx AUTH pauses" (the wrong-password test): a 454
    on every try of this run ends the run in plain words, nothing claimed, nothing paused; the next run
    sends."""
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    customer(shop_settings, actor, "Maria Souza", "maria@example.com")
    plan(shop_settings)
    box.auth_replies = ["454 4.7.0 Temporary authentication failure"] * 6  # 3 tries, 2 mechanisms each
    with pytest.raises(MailError) as err:
        sender.send_due(DAY, shop=shop_settings, timeout=5, sleep=lambda s: time.sleep(0.05))
    assert err.value.code == "smtp_try_later" and err.value.temporary
    assert "454 4.7.0" in err.value.message() and "tries again later" in err.value.message()
    assert sender.paused() is None and Outbox.get().status == c.PLANNED
    assert sender.send_due(DAY, shop=shop_settings, timeout=5)["sent"] == 1


# --- no server can hold the sender ----------------------------------------------------------------------------


def test_a_server_drip_feeding_its_greeting_is_dropped_at_the_step_deadline(shop_settings, actor, memory_keyring):
    """RELIABILITY.md "No server can hold the sender": a `220-` line every 0.2 s never lets a per-read
    timeout of 1 s expire; the greeting as a whole must end within the step's 1 s."""
    listener, port = start_dripper(0.2, give_up_after=8)
    try:
        acc = set_up(shop_settings, actor, port)
        customer(shop_settings, actor, "Maria Souza", "maria@example.com")
        plan(shop_settings)
        for attempt in (lambda: mailer.test_account(acc, timeout=1),
                        lambda: sender.send_due(DAY, shop=shop_settings, timeout=1)):
            start = time.monotonic()
            with pytest.raises(MailError) as err:
                attempt()
            assert err.value.code == "smtp_timeout" and time.monotonic() - start < 3
        assert Outbox.get().status == c.PLANNED and sender.paused() is None
    finally:
        listener.close()


def test_a_run_stops_at_its_deadline_between_messages_and_the_next_run_sends_the_rest(
        shop_settings, actor, trusted, memory_keyring, server):
    """RELIABILITY.md "No server can hold the sender" (each run has an overall deadline) and "One message
    per occasion, ever": a server that takes 0.3 s per message and a 1 s run: the run ends on time, the
    message in flight is finished (never cut off into `uncertain`), the rest stays planned for the next run."""
    controller, box = server
    set_up(shop_settings, actor, controller.port)
    for i in range(10):
        customer(shop_settings, actor, f"Cliente {i}", f"c{i}@example.com")
    plan(shop_settings)
    box.data_delay = 0.3
    start = time.monotonic()
    counts = sender.send_due(DAY, shop=shop_settings, timeout=5, deadline_s=1.0)
    assert time.monotonic() - start < 2.5
    assert 1 <= counts["sent"] <= 5 and counts["sent"] + counts["left_for_next_run"] == 10, counts
    assert {r.status for r in Outbox.select()} == {c.SENT, c.PLANNED}
    box.data_delay = 0
    assert sender.send_due(DAY, shop=shop_settings, timeout=5)["sent"] == counts["left_for_next_run"]
    assert sorted(box.rcpt_tos) == sorted(f"c{i}@example.com" for i in range(10))  # each once
