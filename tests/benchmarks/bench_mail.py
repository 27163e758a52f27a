"""Sending 2,000 e-mails to a local SMTP server (aiosmtpd, STARTTLS with a test CA, AUTH), through Régua's
outbox (claim, send, commit per message, consent checked at claim) next to the floor: a bare smtplib loop
sending the same 2,000 messages over one connection.

    uv run python tests/benchmarks/bench_mail.py [--messages 2000]

Target (issue 7): Régua reaches at least 70% of the bare loop's messages per second.
"""

from __future__ import annotations

import argparse
import os
import smtplib
import ssl
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT / "tests"))

import keyring  # noqa: E402
import trustme  # noqa: E402
from mailserver import PASSWORD, USER, MemoryKeyring, start_server  # noqa: E402

from desktop_app.config import resolve_paths  # noqa: E402
from desktop_app.db.bulk import bulk_insert, bulk_insert_ids  # noqa: E402
from desktop_app.db.database import close_database, database  # noqa: E402
from desktop_app.db.models import Consent, Customer  # noqa: E402
from desktop_app.domain.actors import OWNER, Actor  # noqa: E402
from desktop_app.domain.dates import local_noon_utc, utc_now  # noqa: E402
from desktop_app.domain.mail import SmtpAccount  # noqa: E402
from desktop_app.domain.text import sort_key  # noqa: E402
from desktop_app.services.cadence import planner  # noqa: E402
from desktop_app.services.mail import mailer, sender
from desktop_app.services.shop import shop
from desktop_app.services.shop.shop import ShopSettings  # noqa: E402

TARGET = 0.70
DAY = date(2026, 11, 24)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=2000)
    args = parser.parse_args()
    ca = trustme.CA()
    with tempfile.TemporaryDirectory() as tmp:
        pem = Path(tmp) / "ca.pem"
        ca.cert_pem.write_to_path(str(pem))
        os.environ["SSL_CERT_FILE"] = str(pem)
        keyring.set_keyring(MemoryKeyring())
        controller, box = start_server(ca)
        try:
            settings = _shop(Path(tmp) / "bench.db", args.messages, controller.port)
            started = time.perf_counter()
            if os.environ.get("BENCH_PROFILE"):
                import cProfile
                import pstats

                cProfile.runctx("counts = sender.send_due(DAY, shop=settings)", globals(), ns := {"settings": settings})
                counts = ns["counts"]
                pstats.Stats(cProfile.Profile()).print_stats(0)
            else:
                counts = sender.send_due(DAY, shop=settings)
            regua_s = time.perf_counter() - started
            assert counts.get("sent") == args.messages, counts
            messages = list(box.messages)
            box.messages.clear()
            started = time.perf_counter()
            _bare_loop(controller.port, messages)
            bare_s = time.perf_counter() - started
            assert len(box.messages) == len(messages)
        finally:
            controller.stop()
            close_database()
    regua_rate, bare_rate = args.messages / regua_s, args.messages / bare_s
    print(f"{'measure':<58}{'msg/s':>10}{'total':>10}")
    print(f"{'Régua send_due (claim, send, commit, timeline; TLS + AUTH)':<58}{regua_rate:>10.0f}{regua_s:>9.1f}s")
    print(f"{'floor: bare smtplib loop, one connection, same messages':<58}{bare_rate:>10.0f}{bare_s:>9.1f}s")
    share = regua_rate / bare_rate
    print(f"Régua reaches {share:.0%} of the floor; target {TARGET:.0%} -> {'met' if share >= TARGET else 'MISSED'}")


def _shop(path: Path, n: int, port: int) -> ShopSettings:
    shop.open_shop(resolve_paths(db=path))
    settings = shop.save_shop_settings(ShopSettings.for_country("Loja Bench", "BR"))
    owner = Actor(None, "Ana", OWNER)
    created = local_noon_utc(DAY - timedelta(days=3), settings.timezone)
    with database.atomic():  # ids from the engine, as the app's bulk writers take them
        ids = bulk_insert_ids(Customer, [Customer.name, Customer.name_key, Customer.email, Customer.city,
                                         Customer.notes, Customer.source, Customer.created_at, Customer.updated_at],
                              [(f"Cliente {i}", sort_key(f"Cliente {i}"), f"cliente{i}@example.com", "", "",
                                "counter", created, created) for i in range(n)])
        bulk_insert(Consent, [Consent.customer, Consent.channel, Consent.granted, Consent.at, Consent.source,
                              Consent.legal_basis],
                    [(customer_id, "email", True, created, "counter", "consent") for customer_id in ids])
    mailer.save_account(SmtpAccount("127.0.0.1", port, "starttls", USER, "loja@bench.com.br", "Loja Bench",
                                    daily_limit=100_000, per_minute=10_000), PASSWORD, actor=owner)
    shop.set_setting(planner.SINCE_KEY, (DAY - timedelta(days=10)).isoformat())
    shop.set_setting(planner.LAST_RUN_KEY, (DAY - timedelta(days=1)).isoformat())
    planner.plan(DAY, shop=settings, now=utc_now())
    return settings


def _bare_loop(port: int, messages: list) -> None:
    conn = smtplib.SMTP("127.0.0.1", port, timeout=30)
    conn.ehlo()
    conn.starttls(context=ssl.create_default_context())
    conn.ehlo()
    conn.login(USER, PASSWORD)
    for m in messages:
        conn.send_message(m, from_addr="loja@bench.com.br", to_addrs=[m["To"].addresses[0].addr_spec])
    conn.quit()


if __name__ == "__main__":
    main()
