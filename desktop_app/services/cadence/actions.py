"""What staff do with an item of Today: send the prefilled WhatsApp, make the call and say what came of
it, skip it (also one of the coming days, before it is planned), approve the e-mails held for approval.
Consent, and whether a message about points is still true, are checked again at the moment of acting."""

from __future__ import annotations

from datetime import date

from desktop_app.db import cadence as queries
from desktop_app.db.database import database, write
from desktop_app.db.models import Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.actors import Actor
from desktop_app.domain.cadence import Occasion
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.permissions import require
from desktop_app.services.cadence.outbox import DueItem, contacts_of, outbox_row, step_label_key
from desktop_app.services.cadence.still_true import LOYALTY_STEPS, no_longer_true
from desktop_app.services.customers.interactions import LogEntry, log_interaction
from desktop_app.services.shop.shop import ShopSettings

MAX_OUTCOME = 500


def _waiting_row(outbox_id: int) -> Outbox:
    row = Outbox.get_or_none(Outbox.id == outbox_id)
    if row is None or row.status not in c.WAITING:
        raise ValidationError("outbox", "occasion_not_waiting")
    return row


def _check_reachable(row: Outbox) -> None:
    """Consent is checked again at the moment of acting, not only when planned."""
    contact = contacts_of([row.customer_id]).get(row.customer_id)
    step = c.Step(row.step, True, row.channel)
    if contact is None or c.channel_for(step, contact) != row.channel:
        raise ValidationError("outbox", "occasion_not_reachable")


def _withdrawn_if_untrue(row: Outbox, today: date) -> bool:
    """A message about points no longer true at the moment of acting is skipped, with the reason."""
    reason = no_longer_true(row.id, today) if row.step in LOYALTY_STEPS else ""
    if reason:
        queries.withdraw_rows([row.id], reason, utc_now())
    return bool(reason)


def _finish(row: Outbox, actor: Actor, kind: str, note: str, outcome: str, today: date, shop: ShopSettings) -> int:
    iid = log_interaction(row.customer_id, LogEntry(kind=kind, note=note), actor=actor, shop=shop, today=today)
    now = utc_now()
    Outbox.update(status=c.DONE, done_at=now, updated_at=now, staff=actor.staff_id, actor=actor.name,
                  outcome=outcome, interaction=iid).where(Outbox.id == row.id).execute()
    return iid


def whatsapp_sent(outbox_id: int, *, actor: Actor, today: date, shop: ShopSettings) -> int:
    """Staff opened the prefilled WhatsApp link and sent it: the message goes into the timeline."""
    require(actor, "cadence.act")
    with write():
        row = _waiting_row(outbox_id)
        if row.channel != c.WHATSAPP:
            raise ValidationError("outbox", "occasion_not_reachable")
        _check_reachable(row)
        if not _withdrawn_if_untrue(row, today):
            return _finish(row, actor, "message", f"WhatsApp · {step_label_key(row.step)}", "", today, shop)
    raise ValidationError("outbox", "occasion_not_waiting")  # after the commit: the skip is kept


def task_done(outbox_id: int, outcome: str, *, actor: Actor, today: date, shop: ShopSettings) -> int:
    """A staff task (usually a call) done, with what came of it; logged as a call on the timeline."""
    require(actor, "cadence.act")
    outcome = " ".join((outcome or "").split())
    if not outcome:
        raise ValidationError("outcome", "outcome_required")
    if len(outcome) > MAX_OUTCOME:
        raise ValidationError("outcome", "too_long", max=MAX_OUTCOME)
    with write():
        row = _waiting_row(outbox_id)
        if row.channel != c.TASK:
            raise ValidationError("outbox", "occasion_not_reachable")
        _check_reachable(row)
        if not _withdrawn_if_untrue(row, today):
            return _finish(row, actor, "call", outcome, outcome, today, shop)
    raise ValidationError("outbox", "occasion_not_waiting")  # after the commit: the skip is kept


def skip(outbox_id: int, *, actor: Actor) -> None:
    require(actor, "cadence.act")
    with write():
        row = _waiting_row(outbox_id)
        now = utc_now()
        Outbox.update(status=c.SKIPPED, reason="by_staff", updated_at=now, staff=actor.staff_id,
                      actor=actor.name).where(Outbox.id == row.id).execute()


def skip_planned(item: DueItem, *, actor: Actor) -> None:
    """Skip an occasion of the coming days before it is planned: it takes its place in the outbox as
    skipped, so the planner never brings it back."""
    require(actor, "cadence.act")
    if item.outbox_id is not None:
        skip(item.outbox_id, actor=actor)
        return
    now = utc_now()
    o = Occasion(item.customer_id, item.step, item.occurrence, item.due_on, item.not_after, item.ref_id, item.detail)
    row = outbox_row(o, item.channel, c.SKIPPED, "by_staff", item.send_on, now)
    row.update(staff=actor.staff_id, actor=actor.name)
    with write():
        if queries.insert_occasions([row]) == 0:
            existing = Outbox.get((Outbox.customer == item.customer_id) & (Outbox.step == item.step)
                                  & (Outbox.occurrence == item.occurrence))
            skip(existing.id, actor=actor)


def approve(outbox_ids: list[int], *, actor: Actor) -> int:
    require(actor, "cadence.approve")
    now = utc_now()
    with database.atomic():
        return (Outbox.update(status=c.PLANNED, updated_at=now, actor=actor.name)
                .where(Outbox.id.in_(outbox_ids) & (Outbox.status == c.HELD)).execute())
