"""The sender's hot path in plain SQL: one claim and one outcome per message, each its own short
transaction, so sending is bound by the mail server and not by building queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from desktop_app.db.database import chunks, database, engine, hint, marks

CHUNK = 2000
_COLUMNS = ("o.id, o.customer_id, o.step, o.occurrence, o.channel, o.due_on, o.send_on, o.not_after, o.status, "
            "o.reason, o.detail, o.ref_id, c.name, COALESCE(c.email, ''), COALESCE(c.phone, '')")


def rows_with_contacts(ids: Sequence[int]) -> dict[int, tuple]:
    """The outbox rows with their customer's name, e-mail and phone, keyed by id (one query per chunk)."""
    result: dict[int, tuple] = {}
    for chunk in chunks(ids, CHUNK):
        for row in database.execute_sql(
                f"SELECT {_COLUMNS} FROM outbox AS o JOIN customer AS c ON c.id = o.customer_id "
                f"WHERE o.id IN ({marks(len(chunk))})", chunk).fetchall():
            result[row[0]] = row
    return result


def claim_facts(outbox_id: int) -> tuple | None:
    """(status, channel, not_after, customer_id, step, email, phone) of a row, read inside the claim; None
    when it is gone or (on a server) another sender's transaction holds it: the row is skipped, never
    waited for, and never claimed twice (the engine's `claim_lock`: a row lock that skips a held row)."""
    p = database.param
    return database.execute_sql(
        "SELECT o.status, o.channel, o.not_after, o.customer_id, o.step, COALESCE(c.email, ''), "
        f"COALESCE(c.phone, '') FROM outbox AS o JOIN customer AS c ON c.id = o.customer_id WHERE o.id = {p}"
        f"{engine().claim_lock}", (outbox_id,)).fetchone()


def is_suppressed(email: str) -> bool:
    p = database.param
    return bool(email) and database.execute_sql(
        f"SELECT 1 FROM suppression WHERE email = {p}", (email,)).fetchone() is not None


def set_status(outbox_id: int, status: str, reason: str, now: datetime) -> None:
    p = database.param
    database.execute_sql(f"UPDATE outbox SET status = {p}, reason = {p}, updated_at = {p} WHERE id = {p}",
                         (status, reason, now.isoformat(" "), outbox_id))


def take(outbox_id: int, now: datetime) -> bool:
    """planned → sending; False when another sender was first."""
    p = database.param
    cursor = database.execute_sql(
        f"UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = {p} "
        f"WHERE id = {p} AND status = 'planned'", (now.isoformat(" "), outbox_id))
    return cursor.rowcount == 1


def mark_sent(outbox_id: int, customer_id: int, note: str, today: date, now: datetime, message_id: str) -> None:
    """The message went: it is on the customer's timeline, and the row says so (one transaction)."""
    p = database.param
    at = now.isoformat(" ")
    cursor = database.execute_sql(
        "INSERT INTO interaction (customer_id, kind, amount_cents, note, occurred_at, occurred_on, staff_id, source, "
        f"created_at, resolution) VALUES ({p}, 'message', NULL, {p}, {p}, {p}, NULL, 'cadence', {p}, '') RETURNING id",
        (customer_id, note, at, today.isoformat(), at))
    interaction_id = cursor.fetchone()[0]
    database.execute_sql(
        f"UPDATE outbox SET status = 'sent', done_at = {p}, updated_at = {p}, message_id = {p}, interaction_id = {p}, "
        f"error = '', retry_at = NULL WHERE id = {p}", (at, at, message_id, interaction_id, outbox_id))


def sent_since(since: datetime) -> int:
    p = database.param
    return database.execute_sql(f"SELECT count(*) FROM outbox {hint('outbox_sent')} "
                                f"WHERE status = 'sent' AND done_at >= {p}", (since.isoformat(" "),)).fetchone()[0]
