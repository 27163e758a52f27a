"""The queries the régua's planner runs: each one answers from an index for one day or a few, so a day's
plan for a million customers costs a handful of index range scans, never a pass over the customers.

Plain SQL here (inside db/, the only place it may live) where peewee would only add overhead on hot paths.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from peewee import fn

from desktop_app.db.database import chunks, database, hint, marks
from desktop_app.db.models import Outbox

ACTIVITY = ("visit", "purchase")  # what counts as the customer coming back (reactivation)
def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def birthdays(month_days: Sequence[int]) -> list[tuple[int, int, int, int | None, date | None]]:
    """(customer id, day, month, year, birthday_set_on) of every customer born on one of `month_days`."""
    if not month_days:
        return []
    rows = database.execute_sql(
        f"SELECT id, birth_day, birth_month, birth_year, birthday_set_on FROM customer "
        f"WHERE birthday_md IN ({marks(len(month_days))})", list(month_days)).fetchall()
    return [(cid, d, m, y, _day(s) if s else None) for cid, d, m, y, s in rows]


def created_between(start_utc: datetime, end_utc: datetime) -> list[tuple[int, datetime, str]]:
    """(id, created_at, source) of the customers created in [start, end) (UTC)."""
    p = database.param
    rows = database.execute_sql(
        f"SELECT id, created_at, source FROM customer WHERE created_at >= {p} AND created_at < {p}",
        (start_utc.isoformat(" "), end_utc.isoformat(" "))).fetchall()
    return [(cid, datetime.fromisoformat(str(at)), source) for cid, at, source in rows]


def purchases_between(first: date, last: date) -> list[tuple[int, int, date]]:
    """(interaction id, customer id, day) of the purchases made at the counter in [first, last] (an
    imported "last purchase" is history, not a sale to follow up)."""
    p = database.param
    rows = database.execute_sql(
        f"SELECT id, customer_id, occurred_on FROM interaction {hint('interaction_money')} "
        f"WHERE kind = 'purchase' AND occurred_on >= {p} AND occurred_on <= {p} AND source != 'import'",
        (first.isoformat(), last.isoformat())).fetchall()
    return [(iid, cid, _day(on)) for iid, cid, on in rows]


def unfinished_between(first: date, last: date, kinds: Sequence[str]) -> list[tuple[int, int, date, str]]:
    """(interaction id, customer id, follow-up day, kind) of the open quotes, reservations... to follow up."""
    p = database.param
    rows = database.execute_sql(
        f"SELECT id, customer_id, follow_up_on, kind FROM interaction "
        f"WHERE status = 'open' AND follow_up_on >= {p} AND follow_up_on <= {p} AND kind IN ({marks(len(kinds))})",
        [first.isoformat(), last.isoformat(), *kinds]).fetchall()
    return [(iid, cid, _day(on), kind) for iid, cid, on, kind in rows]


def with_open_complaint(ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for chunk in chunks(ids):
        found.update(cid for (cid,) in database.execute_sql(
            f"SELECT DISTINCT customer_id FROM interaction {hint('interaction_customer_kind')} "
            f"WHERE customer_id IN ({marks(len(chunk))}) AND kind = 'complaint' AND status = 'open'",
            chunk).fetchall())
    return found


def last_active_between(first: date, last: date) -> list[tuple[int, date]]:
    """(customer id, last visit or purchase) for the customers whose last visit or purchase fell in
    [first, last]: the ones who came then (the covering index), minus the ones who came again after it
    (one seek each in the customer-kind-day index, done inside SQLite)."""
    p = database.param
    rows = database.execute_sql(
        "SELECT came.customer_id, came.seen FROM ("
        f"SELECT i.customer_id, MAX(i.occurred_on) AS seen FROM interaction AS i {hint('interaction_money')} "
        f"WHERE i.kind IN ('visit', 'purchase') AND i.occurred_on >= {p} AND i.occurred_on <= {p} "
        "GROUP BY i.customer_id) AS came "
        f"WHERE NOT EXISTS (SELECT 1 FROM interaction AS j {hint('interaction_customer_kind')} "
        "  WHERE j.customer_id = came.customer_id AND j.kind IN ('visit', 'purchase') AND j.occurred_on > came.seen)",
        (first.isoformat(), last.isoformat())).fetchall()
    return sorted((cid, _day(on)) for cid, on in rows)


def last_activity(ids: Sequence[int]) -> dict[int, date]:
    """The last visit or purchase per customer: two index seeks each."""
    result: dict[int, date] = {}
    for chunk in chunks(ids):
        rows = database.execute_sql(
            f"SELECT customer_id, MAX(occurred_on) FROM interaction {hint('interaction_customer_kind')} "
            f"WHERE customer_id IN ({marks(len(chunk))}) AND kind IN ('visit', 'purchase') GROUP BY customer_id",
            chunk).fetchall()
        result.update((cid, _day(on)) for cid, on in rows if on is not None)
    return result


def contacts(ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
    """(name, e-mail or '', phone or '') per customer."""
    result = {}
    for chunk in chunks(ids):
        for cid, name, email, phone in database.execute_sql(
                f"SELECT id, name, email, phone FROM customer WHERE id IN ({marks(len(chunk))})", chunk).fetchall():
            result[cid] = (name, email or "", phone or "")
    return result


def known_occasions(ids: Sequence[int], steps: Sequence[str]) -> set[tuple[int, str, str]]:
    """(customer, step, occurrence) already in the outbox, in any state, for these customers."""
    found: set[tuple[int, str, str]] = set()
    for chunk in chunks(ids):
        found.update(database.execute_sql(
            f"SELECT customer_id, step, occurrence FROM outbox WHERE customer_id IN ({marks(len(chunk))}) "
            f"AND step IN ({marks(len(steps))})", [*chunk, *steps]).fetchall())
    return found


def insert_occasions(rows: list[dict]) -> int:
    """Insert what is not in the outbox yet; an occasion already there (from another run or another
    process) is left exactly as it is. Returns how many rows are new."""
    added = 0
    for start in range(0, len(rows), 200):
        added += Outbox.insert_many(rows[start:start + 200]).on_conflict_ignore().as_rowcount().execute()
    return added


def expire_stale(today: date, now: datetime) -> int:
    """Waiting rows whose latest useful day has passed become `expired`: recorded, never sent late."""
    return (Outbox.update(status="expired", reason="too_late", updated_at=now)
            .where(Outbox.status.in_(("planned", "held")) & (Outbox.not_after < today)).execute())


def waiting_on(day: date) -> list[tuple[int, int, str, int, date]]:
    """(id, customer id, step, marketing, not_after) of every step's row on the list of `day` (Today,
    `regua due`): waiting, due by then and still useful."""
    p = database.param
    rows = database.execute_sql(
        f"SELECT id, customer_id, step, marketing, not_after FROM outbox {hint('outbox_waiting')} "
        f"WHERE status IN ('planned', 'held') AND send_on <= {p} AND not_after >= {p} AND step != 'campaign'",
        (day.isoformat(), day.isoformat())).fetchall()
    return [(i, cid, step, marketing, _day(n)) for i, cid, step, marketing, n in rows]


def withdraw_step(step: str, reason: str, now: datetime) -> int:
    """A step turned off: what it planned and has not done yet is skipped, with the reason."""
    return (Outbox.update(status="skipped", reason=reason, updated_at=now)
            .where(Outbox.status.in_(("planned", "held")) & (Outbox.step == step)).execute())


def restore_step(step: str, reason: str, today: date, now: datetime, *, hold_email: bool
                 ) -> list[tuple[int, int, str]]:
    """A step turned on again: what `withdraw_step` took away and is still useful on `today` waits again
    (e-mails for approval when `hold_email`). Returns (id, customer id, channel) of those rows."""
    taken = (Outbox.status == "skipped") & (Outbox.reason == reason) & (Outbox.step == step) & (Outbox.not_after >= today)
    rows = [(r.id, r.customer_id, r.channel) for r in Outbox.select(Outbox.id, Outbox.customer, Outbox.channel).where(taken)]
    if hold_email:
        Outbox.update(status="held", reason="", updated_at=now).where(taken & (Outbox.channel == "email")).execute()
    Outbox.update(status="planned", reason="", updated_at=now).where(taken).execute()
    return rows


def withdraw_waiting(customer_id: int, step: str, ref_ids: Sequence[int], reason: str, now: datetime) -> int:
    """One customer's waiting messages of a step about these interactions are skipped, with the reason
    (a quote bought or lost, a purchase refunded in full)."""
    if not ref_ids:
        return 0
    return (Outbox.update(status="skipped", reason=reason, updated_at=now)
            .where((Outbox.customer == customer_id) & (Outbox.step == step) & Outbox.ref_id.in_(list(ref_ids))
                   & Outbox.status.in_(("planned", "held"))).execute())


def waiting_of_steps(steps: Sequence[str]) -> list[tuple[int, int, str, str, int | None]]:
    """(id, customer id, step, occurrence, ref id) of these steps' rows still waiting (planned or held)."""
    return [tuple(row) for row in database.execute_sql(
        f"SELECT id, customer_id, step, occurrence, ref_id FROM outbox {hint('outbox_waiting')} "
        f"WHERE status IN ('planned', 'held') AND step IN ({marks(len(steps))})", list(steps)).fetchall()]


def withdraw_rows(ids: Sequence[int], reason: str, now: datetime) -> int:
    """These rows, those of them still waiting, are skipped with the reason (what they say stopped being
    true: a reward the points no longer reach, points already spent)."""
    done = 0
    for chunk in chunks(ids):
        done += (Outbox.update(status="skipped", reason=reason, updated_at=now)
                 .where(Outbox.id.in_(chunk) & Outbox.status.in_(("planned", "held"))).execute())
    return done


def fully_refunded(purchase_ids: Sequence[int]) -> set[int]:
    """Those of the purchases whose refunds add up to all they cost."""
    found: set[int] = set()
    for chunk in chunks(purchase_ids):
        found.update(pid for (pid,) in database.execute_sql(
            f"SELECT p.id FROM interaction AS p WHERE p.id IN ({marks(len(chunk))}) AND p.amount_cents <= "
            f"(SELECT SUM(r.amount_cents) FROM interaction AS r {hint('interaction_related')} "
            f"WHERE r.related_id = p.id AND r.kind = 'return')", chunk).fetchall())
    return found


def purchases_on(customer_id: int, day: date) -> list[int]:
    """Ids of the customer's purchases on a day (the day's post-sale follow-up is about all of them)."""
    p = database.param
    return [iid for (iid,) in database.execute_sql(
        f"SELECT id FROM interaction {hint('interaction_customer_kind')} "
        f"WHERE customer_id = {p} AND kind = 'purchase' AND occurred_on = {p}", (customer_id, day.isoformat())).fetchall()]


def waiting_marketing(day: date) -> list[tuple[int, int, str, date, date]]:
    """(id, customer id, step, send_on, not_after) of the marketing rows waiting to go on or before `day`."""
    p = database.param
    rows = database.execute_sql(
        f"SELECT id, customer_id, step, send_on, not_after FROM outbox {hint('outbox_waiting')} "
        f"WHERE status IN ('planned', 'held') AND send_on <= {p} AND marketing = 1 AND step != 'campaign'",
        (day.isoformat(),)).fetchall()
    return [(i, cid, step, _day(s), _day(n)) for i, cid, step, s, n in rows]


def last_reached(ids: Sequence[int], before: date, statuses: Sequence[str]) -> dict[int, date]:
    """The day of each customer's latest marketing message that went (or may have gone) before `before`."""
    p = database.param
    result: dict[int, date] = {}
    for chunk in chunks(ids):
        rows = database.execute_sql(
            f"SELECT customer_id, MAX(send_on) FROM outbox WHERE customer_id IN ({marks(len(chunk))}) "
            f"AND marketing = 1 AND send_on < {p} AND status IN ({marks(len(statuses))}) GROUP BY customer_id",
            [*chunk, before.isoformat(), *statuses]).fetchall()
        result.update((cid, _day(on)) for cid, on in rows if on is not None)
    return result


def interaction_note(interaction_id: int) -> str:
    p = database.param
    row = database.execute_sql(f"SELECT note FROM interaction WHERE id = {p}", (interaction_id,)).fetchone()
    return row[0] if row else ""


def move_occasions(keep_id: int, other_id: int) -> None:
    """A merge: other's outbox rows become keep's, except an occasion keep already has (it stays keep's,
    and other's copy of it goes)."""
    kept = Outbox.alias("kept")
    clash = kept.select(kept.id).where((kept.customer == keep_id) & (kept.step == Outbox.step)
                                       & (kept.occurrence == Outbox.occurrence))
    Outbox.update(customer=keep_id).where((Outbox.customer == other_id) & ~fn.EXISTS(clash)).execute()
    Outbox.delete().where(Outbox.customer == other_id).execute()


def birthdays_without_coupon() -> list[tuple[int, int, str]]:
    """(outbox id, customer id, celebration day) of the waiting birthday messages that have no coupon."""
    return database.execute_sql(
        f"SELECT o.id, o.customer_id, o.detail FROM outbox AS o {hint('outbox_waiting')} "
        "LEFT JOIN coupon AS k ON k.outbox_id = o.id "
        "WHERE o.status IN ('planned', 'held') AND o.step = 'birthday' AND k.id IS NULL").fetchall()


def email_due(today: date, now: datetime, only: Sequence[int] | None = None) -> list[int]:
    """Ids of the e-mails waiting to go by `today` whose retry time has come, birthdays first."""
    p = database.param
    sql = (f"SELECT id FROM outbox {hint('outbox_waiting')} WHERE status = 'planned' AND channel = 'email' "
           f"AND send_on <= {p} AND not_after >= {p} AND (retry_at IS NULL OR retry_at <= {p})")
    params: list = [today.isoformat(), today.isoformat(), now.isoformat(" ")]
    if only is not None:
        if not only:
            return []
        sql += f" AND id IN ({marks(len(only))})"
        params += list(only)
    order = "CASE step WHEN 'signup' THEN 0 WHEN 'birthday' THEN 1 WHEN 'reward_reached' THEN 2 " \
            "WHEN 'points_expiring' THEN 2 WHEN 'unfinished_purchase' THEN 3 WHEN 'post_sale' THEN 4 " \
            "WHEN 'reactivation' THEN 5 ELSE 6 END, send_on, id"
    return [oid for (oid,) in database.execute_sql(f"{sql} ORDER BY {order}", params).fetchall()]


def campaign_texts(campaign_id: int | None) -> tuple[str, str]:
    p = database.param
    row = database.execute_sql(f"SELECT subject, text FROM campaign WHERE id = {p}", (campaign_id,)).fetchone()
    return (row[0], row[1]) if row else ("", "")


def suppressed_emails(emails: Sequence[str]) -> set[str]:
    """Those of `emails` (or erased customers' keys) on the suppression list."""
    found: set[str] = set()
    for chunk in chunks(e for e in emails if e):
        found.update(e for (e,) in database.execute_sql(
            f"SELECT email FROM suppression WHERE email IN ({marks(len(chunk))})", chunk).fetchall())
    return found
