"""The outbox's sender: e-mails go at most once. Each message is claimed (planned → sending) in its own
transaction before SMTP is spoken, and its outcome committed after; a row found still `sending` by a later
run belongs to a process that died mid-send and becomes `uncertain`, never sent again by itself.

What a server reply means is decided in domain/mail.py: 4xx and timeouts are retried with backoff, 5.1.x
marks the address bounced, authentication, quota and policy errors pause the whole queue until the owner
resumes it. Consent and the suppression list are checked at claim time, up to the last second. The
daily and per-minute limits are counted from the outbox itself, so they hold across restarts and across
the GUI's timer and the OS scheduler's `regua send-due`.
"""

from __future__ import annotations

import smtplib
import time as time_mod
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..db import cadence as queries
from ..db import customers as customer_queries
from ..db import outbox as outbox_sql
from ..db.database import database
from ..db.models import Outbox, Suppression
from ..domain import cadence as c
from ..domain import mail as rules_mail
from ..domain.actors import Actor
from ..domain.cadence import CadenceRules, Contact
from ..domain.dates import to_utc, utc_now, zone
from ..domain.errors import ReguaError
from ..domain.permissions import require
from . import cadence, mailer
from .default_texts import unsubscribe_line
from .mailer import MailError
from .shop import ShopSettings, get_setting, set_setting

PAUSE_KEY = "mail_paused"
STALE_SENDING = timedelta(minutes=5)  # longer than any send can take with the socket timeouts


@dataclass(frozen=True, slots=True)
class Rendered:
    to_addr: str
    to_name: str
    subject: str
    text: str
    html: str
    marketing: bool


def paused() -> dict | None:
    value = get_setting(PAUSE_KEY)
    return value if isinstance(value, dict) and value else None


def resume(*, actor: Actor) -> None:
    require(actor, "smtp.change")
    set_setting(PAUSE_KEY, {})


def _pause(error: MailError | None, code: int | None, reply: str, now: datetime) -> None:
    set_setting(PAUSE_KEY, {"code": code, "reply": reply[:200], "at": now.isoformat(" "),
                            "reason": error.code if error else "smtp_paused"})


def recover_interrupted(now: datetime | None = None) -> int:
    """Rows left `sending` by a process that died mid-send: maybe delivered, so `uncertain`."""
    now = now or utc_now()
    with database.atomic("IMMEDIATE"):
        return (Outbox.update(status=c.UNCERTAIN, reason="interrupted", updated_at=now)
                .where((Outbox.status == c.SENDING) & (Outbox.updated_at < now - STALE_SENDING)).execute())


def in_window(rules: CadenceRules, local_now: datetime) -> bool:
    return c.is_open_day(local_now.date(), rules) and rules.window_start <= local_now.hour < rules.window_end


def scheduled_send(today: date, *, shop: ShopSettings, local_now: datetime | None, plan: bool = True,
                   wait_for_rate: bool = True) -> dict[str, int]:
    """What the app's timer and `regua send-due` both do: nothing outside the send window (`local_now`
    None: a day given by hand, taken at the window's opening), else plan the day and send what is due."""
    if local_now is not None and not in_window(cadence.get_rules(shop), local_now):
        return {"outside_window": 1}
    if plan:
        cadence.plan(today, shop=shop)
    return send_due(today, shop=shop, wait_for_rate=wait_for_rate)


def _local_midnight_utc(day: date, tz: str) -> datetime:
    return to_utc(datetime.combine(day, time(0), zone(tz)))


def _sent_since(since: datetime) -> int:
    return outbox_sql.sent_since(since)


def _render(item: cadence.DueItem, marketing: bool, shop: ShopSettings, rules: CadenceRules,
            brand: tuple) -> Rendered:
    subject, text, escaped = cadence.compose(item, shop=shop, rules=rules)
    colour, signature, logo = brand
    if signature:
        text = f"{text}\n\n{shop.name}\n{signature}"
    return Rendered(item.email, item.customer, subject, text,
                    mailer.html_from_text(escaped, shop.name, colour, signature, with_logo=logo is not None), marketing)


def _claim(oid: int, today: date, now: datetime) -> str:
    """planned → sending, in its own transaction, after checking consent and the suppression list at
    this very moment. Returns "claimed", or why not: taken, expired, suppressed."""
    with database.atomic("IMMEDIATE"):
        facts = outbox_sql.claim_facts(oid)
        if facts is None:
            return "taken"
        status, channel, not_after, customer_id, step, email, phone = facts
        if status != c.PLANNED or channel != c.EMAIL:
            return "taken"
        if str(not_after) < today.isoformat():
            outbox_sql.set_status(oid, c.EXPIRED, "too_late", now)
            return "expired"
        suppressed = outbox_sql.is_suppressed(email)
        contact = Contact(bool(email), bool(phone), customer_queries.consent_for([customer_id]).get(customer_id, {}), suppressed)
        if c.channel_for(c.Step(step, True, c.EMAIL), contact) != c.EMAIL:
            outbox_sql.set_status(oid, c.SUPPRESSED, "bounced" if suppressed else "no_consent", now)
            return "suppressed"
        return "claimed" if outbox_sql.take(oid, now) else "taken"


def _finish(oid: int, **fields) -> None:
    with database.atomic("IMMEDIATE"):
        Outbox.update(updated_at=utc_now(), **fields).where(Outbox.id == oid).execute()


def _sent(oid: int, customer_id: int, step: str, message_id: str, today: date) -> None:
    with database.atomic("IMMEDIATE"):
        outbox_sql.mark_sent(oid, customer_id, f"E-mail · {cadence.step_label_key(step)}", today, utc_now(),
                             message_id)


def _failed(row: Outbox, code: int | None, reply: str, to_addr: str, now: datetime) -> str:
    """Record what a refusal means; returns the verdict (retry, bounce, pause, fail)."""
    verdict = rules_mail.classify(code, reply)
    error = f"{code} {reply}".strip() if code else reply
    if verdict == rules_mail.RETRY and row.attempts < rules_mail.MAX_ATTEMPTS:
        _finish(row.id, status=c.PLANNED, retry_at=now + rules_mail.backoff(row.attempts), error=error[:300])
    elif verdict == rules_mail.PAUSE:
        _finish(row.id, status=c.PLANNED, attempts=max(row.attempts - 1, 0), error=error[:300])
    else:
        _finish(row.id, status=c.FAILED, reason="bounced" if verdict == rules_mail.BOUNCE else
                "gave_up" if verdict == rules_mail.RETRY else "refused", error=error[:300])
        if verdict == rules_mail.BOUNCE:
            with database.atomic():
                Suppression.insert(email=to_addr, reason="bounced", at=now, detail=error[:200]).on_conflict_ignore().execute()
    return verdict


def send_due(today: date, *, shop: ShopSettings, now: datetime | None = None, dry_run: bool = False,
             only: list[int] | None = None, timeout: float = mailer.TIMEOUT_S, wait_for_rate: bool = True,
             sleep=time_mod.sleep) -> dict[str, int]:
    """Send the e-mails due by `today`. Returns counts per outcome. Raises MailError when the account is
    missing or the connection cannot be made (nothing is claimed then)."""
    now = now or utc_now()
    counts: Counter[str] = Counter()
    rules = cadence.get_rules(shop)
    with database.atomic("IMMEDIATE"):
        counts["expired"] += queries.expire_stale(today, now)
    counts["uncertain"] += recover_interrupted(now)
    if paused():
        counts["paused"] = 1
        return _nonzero(counts)
    acc = mailer.account()
    if acc is None:
        raise MailError("smtp_not_set_up")
    due = queries.email_due(today, now, only)
    budget = max(acc.daily_limit - _sent_since(_local_midnight_utc(today, shop.timezone)), 0)
    if len(due) > budget:
        counts["over_daily_limit"] = len(due) - budget
        due = due[:budget]
    if dry_run or not due:
        if dry_run:
            counts["would_send"] += len(due)
        return _nonzero(counts)
    password = mailer.password_for(acc)
    try:
        conn = mailer.connect(acc, password, timeout=timeout)
    except MailError as exc:
        if exc.code == "smtp_auth_refused":  # every later try would be refused too: stop until fixed
            _pause(exc, exc.smtp_code, exc.params.get("reply", ""), now)
        raise
    facts = outbox_sql.rows_with_contacts(due)
    brand = (*mailer.branding(), mailer.logo())
    try:
        for oid in due:
            recent = _sent_since(utc_now() - timedelta(seconds=60))
            if recent >= acc.per_minute:
                if not wait_for_rate:
                    counts["rate_limited"] += 1
                    continue
                sleep(60)
            if conn.sock is None:  # the server closed it (a 421, a dropped line): a fresh one
                mailer.close(conn)
                conn = mailer.connect(acc, password, timeout=timeout)
            verdict = _send_one(oid, facts.get(oid), conn, acc, today, shop, rules, counts, brand)
            if verdict == rules_mail.PAUSE:
                break
    finally:
        mailer.close(conn)
    return _nonzero(counts)


def _nonzero(counts: Counter) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def _send_one(oid: int, facts: tuple | None, conn: smtplib.SMTP, acc, today: date, shop: ShopSettings,
              rules: CadenceRules, counts: Counter, brand: tuple) -> str:
    now = utc_now()
    if facts is None:
        return "gone"
    (_id, customer_id, step, occurrence, channel, due_on, send_on, not_after, status, reason, detail, ref_id,
     name, email, phone) = facts
    item = cadence.DueItem(oid, customer_id, name, phone, email, step, occurrence, channel, _date(due_on),
                           _date(send_on), _date(not_after), status, reason, detail, ref_id)
    try:
        rendered = _render(item, step not in c.TRANSACTIONAL, shop, rules, brand)
        msg = mailer.build_message(acc, rendered.to_addr, rendered.to_name, rendered.subject, rendered.text,
                                   rendered.html, marketing=rendered.marketing,
                                   unsubscribe_text=unsubscribe_line(shop.language), logo_image=brand[2])
    except ReguaError as exc:  # a template or header problem: this message cannot go as it is
        _finish(oid, status=c.FAILED, reason="template", error=exc.message()[:300])
        counts["failed"] += 1
        return rules_mail.FAIL
    state = _claim(oid, today, now)
    if state != "claimed":
        counts[state] += 1
        return state
    conn.payload_sent = False
    try:
        conn.send_message(msg, from_addr=acc.from_addr, to_addrs=[rendered.to_addr])
    except smtplib.SMTPRecipientsRefused as exc:
        code, reply = next(iter(exc.recipients.values()))
        return _count(_failed(Outbox.get_by_id(oid), code, _text(reply), rendered.to_addr, now), counts, acc, code,
                      _text(reply))
    except smtplib.SMTPResponseException as exc:
        verdict = _count(_failed(Outbox.get_by_id(oid), exc.smtp_code, _text(exc.smtp_error), rendered.to_addr, now),
                         counts, acc, exc.smtp_code, _text(exc.smtp_error))
        if exc.smtp_code == 421:  # "closing the channel": the server hangs up after it
            mailer.close(conn)
        return verdict
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        if conn.payload_sent:  # the whole message went out and no reply came: maybe delivered
            _finish(oid, status=c.UNCERTAIN, reason="no_reply", error=type(exc).__name__)
            counts["uncertain"] += 1
        else:
            _failed(Outbox.get_by_id(oid), None, type(exc).__name__, rendered.to_addr, now)
            counts["retry"] += 1
        mailer.close(conn)
        return "reconnect"
    _sent(oid, customer_id, step, msg["Message-ID"], today)
    counts["sent"] += 1
    return "sent"


def _date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _count(verdict: str, counts: Counter, acc, code: int | None, reply: str) -> str:
    counts[{"retry": "retry", "bounce": "bounced", "pause": "paused", "fail": "failed"}[verdict]] += 1
    if verdict == rules_mail.PAUSE:
        _pause(MailError("smtp_auth_refused" if code in (530, 534, 535) else "smtp_paused"), code, reply, utc_now())
    return verdict


def _text(reply) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


# --- the Messages screen -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MessageRow:
    id: int
    customer_id: int
    customer: str
    email: str
    step: str
    channel: str
    status: str
    send_on: date
    done_at: datetime | None
    attempts: int
    reason: str
    error: str


SHOWN = (c.PLANNED, c.HELD, c.SENT, c.DONE, c.FAILED, c.UNCERTAIN, c.EXPIRED, c.SUPPRESSED, c.SKIPPED)


def messages(status: str | None = None, *, limit: int = 500) -> list[MessageRow]:
    """The newest messages of the outbox (all channels), optionally of one status."""
    query = Outbox.select().order_by(Outbox.updated_at.desc(), Outbox.id.desc()).limit(limit)
    if status:
        query = query.where(Outbox.status == status)
    rows = list(query)
    people = queries.contacts(sorted({r.customer_id for r in rows}))
    return [MessageRow(r.id, r.customer_id, people.get(r.customer_id, ("", "", ""))[0],
                       people.get(r.customer_id, ("", "", ""))[1], r.step, r.channel, r.status, r.send_on,
                       r.done_at, r.attempts, r.reason, r.error) for r in rows]


def retry(ids: list[int], *, actor: Actor, today: date) -> int:
    """The owner decides: a failed or uncertain e-mail goes again (an uncertain one may arrive twice)."""
    require(actor, "smtp.change")
    with database.atomic("IMMEDIATE"):
        return (Outbox.update(status=c.PLANNED, retry_at=None, reason="retried", updated_at=utc_now(),
                              send_on=today, actor=actor.name)
                .where(Outbox.id.in_(ids) & Outbox.status.in_((c.FAILED, c.UNCERTAIN))
                       & (Outbox.channel == c.EMAIL) & (Outbox.not_after >= today)).execute())


def cancel(ids: list[int], *, actor: Actor) -> int:
    require(actor, "cadence.act")
    with database.atomic("IMMEDIATE"):
        return (Outbox.update(status=c.SKIPPED, reason="by_staff", updated_at=utc_now(), actor=actor.name,
                              staff=actor.staff_id)
                .where(Outbox.id.in_(ids) & Outbox.status.in_(c.WAITING)).execute())
