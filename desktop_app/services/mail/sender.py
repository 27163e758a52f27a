"""The outbox's sender: e-mails go at most once. Each message is claimed (planned → sending) in its own
transaction before SMTP is spoken, and its outcome committed after; a row found still `sending` by a later
run belongs to a process that died mid-send and becomes `uncertain`, never sent again by itself.

What a server reply means is decided in domain/mail.py: 4xx and timeouts are retried with backoff, 5.1.x
marks the address bounced, authentication, quota and policy errors pause the whole queue until the owner
resumes it. Consent and the suppression list are checked at claim time, up to the last second. The
daily and per-minute limits are counted from the outbox itself, so they hold across restarts and across
the GUI's timer and the OS scheduler's `regua send-due`.

No single message stops the queue: whatever goes wrong while building or sending one (an address only a
SMTPUTF8 server can take, a bug) ends that message in a recorded state with its reason, and the sender
goes on. No server holds the sender: each SMTP step is bounded (mailer), and each run has an overall
deadline; what is left when it passes waits, still planned, for the next run. A busy database (a long
import) is waited for at each message's claim; when it stays busy the run stops between messages, with
nothing left `sending`, and says so in one line (DatabaseBusy).
"""

from __future__ import annotations

import logging
import smtplib
import time as time_mod
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desktop_app.db import cadence as queries
from desktop_app.db import customers as customer_queries
from desktop_app.db import outbox as outbox_sql
from desktop_app.db import tills
from desktop_app.db.database import DatabaseBusy, database, write
from desktop_app.db.models import Outbox, Suppression
from desktop_app.domain import cadence as c
from desktop_app.domain import mail as rules_mail
from desktop_app.domain.actors import Actor
from desktop_app.domain.cadence import CadenceRules, Contact
from desktop_app.domain.dates import to_utc, utc_now, zone
from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.domain.permissions import require
from desktop_app.services.cadence import compose, outbox, planner, still_true
from desktop_app.services.cadence.default_texts import unsubscribe_line
from desktop_app.services.cadence.rules import get_rules
from desktop_app.services.mail import mailer
from desktop_app.services.mail.mailer import MailError
from desktop_app.services.shop.shop import ShopSettings, get_setting, set_setting

log = logging.getLogger(__name__)

PAUSE_KEY = "mail_paused"
STALE_SENDING = timedelta(minutes=5)  # longer than any send can take: each SMTP step is bounded by the timeout
RUN_DEADLINE_S = 15 * 60.0  # a whole run, however slowly the server talks; what is left goes in the next run
CONNECT_BACKOFF_S = (2.0, 10.0)  # waits before connecting again after a 4xx at the greeting, EHLO or AUTH
OUTCOME_WAIT_S = 300.0  # how long the outcome of a message already handed over may wait for the write lock


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
    with write():
        return (Outbox.update(status=c.UNCERTAIN, reason="interrupted", updated_at=now)
                .where((Outbox.status == c.SENDING) & (Outbox.updated_at < now - STALE_SENDING)).execute())


def in_window(rules: CadenceRules, local_now: datetime) -> bool:
    return c.is_open_day(local_now.date(), rules) and rules.window_start <= local_now.hour < rules.window_end


def scheduled_send(today: date, *, shop: ShopSettings, local_now: datetime | None, plan: bool = True,
                   wait_for_rate: bool = True) -> dict[str, int]:
    """What the app's timer and `regua send-due` both do: nothing outside the send window (`local_now`
    None: a day given by hand, taken at the window's opening), else plan the day and send what is due."""
    if local_now is not None and not in_window(get_rules(shop), local_now):
        return {"outside_window": 1}
    if plan:
        planner.plan(today, shop=shop)
    return send_due(today, shop=shop, wait_for_rate=wait_for_rate)


def _local_midnight_utc(day: date, tz: str) -> datetime:
    return to_utc(datetime.combine(day, time(0), zone(tz)))


def _sent_since(since: datetime) -> int:
    return outbox_sql.sent_since(since)


def _render(item: outbox.DueItem, marketing: bool, shop: ShopSettings, rules: CadenceRules,
            brand: tuple) -> Rendered:
    subject, text, escaped = compose.compose(item, shop=shop, rules=rules)
    colour, signature, logo = brand
    if signature:
        text = f"{text}\n\n{shop.name}\n{signature}"
    return Rendered(item.email, item.customer, subject, text,
                    mailer.html_from_text(escaped, shop.name, colour, signature, with_logo=logo is not None), marketing)


def _claim(oid: int, today: date, now: datetime) -> str:
    """planned → sending, in its own transaction, after checking consent and the suppression list at
    this very moment, and that a message about points is still true (a refund can take a reward away:
    the row is then skipped with the reason, as the planner does). Returns "claimed", or why not:
    taken, expired, suppressed, withdrawn."""
    with write():
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
        untrue = still_true.no_longer_true(oid, today) if step in still_true.LOYALTY_STEPS else ""
        if untrue:
            outbox_sql.set_status(oid, c.SKIPPED, untrue, now)
            return "withdrawn"
        return "claimed" if outbox_sql.take(oid, now) else "taken"


def _finish(oid: int, **fields) -> None:
    """Record a message's outcome. It waits longer than other writes for the lock: the server already
    answered, and a row left `sending` would later count as "maybe delivered"."""
    with write(wait=OUTCOME_WAIT_S):
        Outbox.update(updated_at=utc_now(), **fields).where(Outbox.id == oid).execute()


def _sent(oid: int, customer_id: int, step: str, message_id: str, today: date) -> None:
    with write(wait=OUTCOME_WAIT_S):
        outbox_sql.mark_sent(oid, customer_id, f"E-mail · {outbox.step_label_key(step)}", today, utc_now(),
                             message_id)


def _failed(oid: int, code: int | None, reply: str, to_addr: str, now: datetime) -> str:
    """Record what a refusal means, in one transaction; returns the verdict (retry, bounce, pause, fail)."""
    verdict = rules_mail.classify(code, reply)
    error = (f"{code} {reply}".strip() if code else reply)[:300]
    with write(wait=OUTCOME_WAIT_S):
        attempts = Outbox.get_by_id(oid).attempts
        if verdict == rules_mail.RETRY and attempts < rules_mail.MAX_ATTEMPTS:
            _finish(oid, status=c.PLANNED, retry_at=now + rules_mail.backoff(attempts), error=error)
        elif verdict == rules_mail.PAUSE:
            _finish(oid, status=c.PLANNED, attempts=max(attempts - 1, 0), error=error)
        else:
            _finish(oid, status=c.FAILED, reason="bounced" if verdict == rules_mail.BOUNCE else
                    "gave_up" if verdict == rules_mail.RETRY else "refused", error=error)
            if verdict == rules_mail.BOUNCE:
                Suppression.insert(email=to_addr, reason="bounced", at=now, detail=error[:200]).on_conflict_ignore().execute()
    return verdict


def _unexpected(oid: int, exc: BaseException, payload_sent: bool) -> str:
    """Anything else that went wrong with one message (a bug, the unforeseen) ends it recorded, with its
    reason: `uncertain` when the whole message had gone out, else `failed` (the owner may retry it)."""
    log.error("message #%s could not be sent", oid, exc_info=exc)
    detail = f"{type(exc).__name__}: {exc}"[:300]
    if payload_sent:
        status, reason = c.UNCERTAIN, "no_reply"
    else:
        status, reason = c.FAILED, "error"
    with write(wait=OUTCOME_WAIT_S):
        Outbox.update(status=status, reason=reason, error=detail, updated_at=utc_now()).where(
            (Outbox.id == oid) & Outbox.status.in_((c.PLANNED, c.SENDING))).execute()
    return "uncertain" if payload_sent else "failed"


def _connect(acc, password: str, *, timeout: float, deadline: float, backoff, sleep, now: datetime) -> smtplib.SMTP:
    """A connection, trying again after a short wait when the server says "not now" (4xx at the greeting,
    EHLO or AUTH): a temporary refusal never pauses the queue. A refused password (5xx AUTH) does."""
    waits = list(backoff)
    while True:
        try:
            return mailer.connect(acc, password, timeout=timeout, deadline=deadline)
        except MailError as exc:
            if exc.code == "smtp_auth_refused":  # every later try would be refused too: stop until fixed
                _pause(exc, exc.smtp_code, exc.params.get("reply", ""), now)
                raise
            if not exc.temporary or not waits or time_mod.monotonic() + waits[0] >= deadline:
                raise
            sleep(waits.pop(0))


def send_due(today: date, *, shop: ShopSettings, now: datetime | None = None, dry_run: bool = False,
             only: list[int] | None = None, timeout: float = mailer.TIMEOUT_S, wait_for_rate: bool = True,
             sleep=time_mod.sleep, deadline_s: float = RUN_DEADLINE_S) -> dict[str, int]:
    """Send the e-mails due by `today`. Returns counts per outcome. Raises MailError when the account is
    missing or the connection cannot be made (nothing is claimed then), DatabaseBusy when the database
    stayed busy at a claim (the run stops between messages). Each SMTP step ends within `timeout`
    seconds and the run within `deadline_s`: what is left then is counted as `left_for_next_run`.

    One sender at a time for the whole shop (tills sharing a server: an advisory lock; a file: always this
    one): while another till's run holds it, this one sends nothing and says `sending_elsewhere`."""
    with tills.one_at_a_time(tills.SENDER) as mine:
        if not mine:
            return {"sending_elsewhere": 1}
        return _send_due(today, shop=shop, now=now, dry_run=dry_run, only=only, timeout=timeout,
                         wait_for_rate=wait_for_rate, sleep=sleep, deadline_s=deadline_s)


def _send_due(today: date, *, shop: ShopSettings, now: datetime | None, dry_run: bool, only: list[int] | None,
              timeout: float, wait_for_rate: bool, sleep, deadline_s: float) -> dict[str, int]:
    deadline = time_mod.monotonic() + deadline_s
    now = now or utc_now()
    counts: Counter[str] = Counter()
    rules = get_rules(shop)
    with database.atomic():
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
    link = dict(timeout=timeout, deadline=deadline, backoff=CONNECT_BACKOFF_S, sleep=sleep, now=now)
    conn: smtplib.SMTP | None = _connect(acc, password, **link)
    facts = outbox_sql.rows_with_contacts(due)
    brand = (*mailer.branding(), mailer.logo())
    try:
        for index, oid in enumerate(due):
            if time_mod.monotonic() >= deadline:  # the run's time is up: the rest waits for the next run
                counts["left_for_next_run"] += len(due) - index
                break
            recent = _sent_since(utc_now() - timedelta(seconds=60))
            if recent >= acc.per_minute:
                if not wait_for_rate:
                    counts["rate_limited"] += 1
                    continue
                if time_mod.monotonic() + 60 >= deadline:
                    counts["left_for_next_run"] += len(due) - index
                    break
                sleep(60)
            if conn is None or conn.sock is None:  # the server closed it (a 421, a dropped line): a fresh one
                if conn is not None:
                    mailer.close(conn)
                conn = None
                try:
                    conn = _connect(acc, password, **link)
                except MailError as exc:
                    counts["paused" if exc.code == "smtp_auth_refused" else "not_connected"] += 1
                    counts["left_for_next_run"] += len(due) - index
                    break
            try:
                verdict = _send_one(oid, facts.get(oid), conn, acc, today, shop, rules, counts, brand)
            except DatabaseBusy:
                raise  # the run stops between messages; this one was not claimed, or its outcome is recorded
            except Exception as exc:  # noqa: BLE001 - one message never stops the queue
                counts[_unexpected(oid, exc, bool(getattr(conn, "payload_sent", False)))] += 1
                mailer.close(conn)  # the conversation may be anywhere: start the next message afresh
                conn = None
                continue
            if verdict == rules_mail.PAUSE:
                break
    finally:
        if conn is not None:
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
    item = outbox.DueItem(oid, customer_id, name, phone, email, step, occurrence, channel, _date(due_on),
                           _date(send_on), _date(not_after), status, reason, detail, ref_id)
    try:
        to_addr = rules_mail.smtp_address(item.email)  # the domain in IDNA form
    except ValidationError as exc:
        _finish(oid, status=c.FAILED, reason="address_unsupported", error=exc.message()[:300])
        counts["failed"] += 1
        return rules_mail.FAIL
    try:
        rendered = _render(item, step not in c.TRANSACTIONAL, shop, rules, brand)
        msg = mailer.build_message(acc, to_addr, rendered.to_name, rendered.subject, rendered.text,
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
    if rules_mail.needs_smtputf8(to_addr) and not conn.has_extn("smtputf8"):
        # joão@...: this server cannot take a non-ASCII address; the message fails, the queue goes on
        _finish(oid, status=c.FAILED, reason="address_unsupported", error="the server does not offer SMTPUTF8")
        counts["failed"] += 1
        return rules_mail.FAIL
    conn.payload_sent = False
    try:
        conn.send_message(msg, from_addr=acc.from_addr, to_addrs=[to_addr])
    except smtplib.SMTPRecipientsRefused as exc:
        code, reply = next(iter(exc.recipients.values()))
        return _count(_failed(oid, code, _text(reply), item.email, now), counts, acc, code, _text(reply))
    except smtplib.SMTPResponseException as exc:
        verdict = _count(_failed(oid, exc.smtp_code, _text(exc.smtp_error), item.email, now),
                         counts, acc, exc.smtp_code, _text(exc.smtp_error))
        if exc.smtp_code == 421:  # "closing the channel": the server hangs up after it
            mailer.close(conn)
        return verdict
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        if conn.payload_sent:  # the whole message went out and no reply came: maybe delivered
            _finish(oid, status=c.UNCERTAIN, reason="no_reply", error=type(exc).__name__)
            counts["uncertain"] += 1
        else:  # a dropped line or a step that ran out of time before the message went: later
            _failed(oid, None, type(exc).__name__, item.email, now)
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
    with write():
        return (Outbox.update(status=c.PLANNED, retry_at=None, reason="retried", updated_at=utc_now(),
                              send_on=today, actor=actor.name)
                .where(Outbox.id.in_(ids) & Outbox.status.in_((c.FAILED, c.UNCERTAIN))
                       & (Outbox.channel == c.EMAIL) & (Outbox.not_after >= today)).execute())


def cancel(ids: list[int], *, actor: Actor) -> int:
    require(actor, "cadence.act")
    with write():
        return (Outbox.update(status=c.SKIPPED, reason="by_staff", updated_at=utc_now(), actor=actor.name,
                              staff=actor.staff_id)
                .where(Outbox.id.in_(ids) & Outbox.status.in_(c.WAITING)).execute())
