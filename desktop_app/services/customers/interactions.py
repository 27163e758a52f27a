"""The counter log: what happened with a customer, who logged it, and what is still open.

Complaints stay open until resolved; quotes, reservations, special orders and "tried on, did not
buy" are unfinished purchases that stay open until a purchase closes them (the staff member confirms
which) or someone marks them bought or lost. A return is linked to the purchase it reverses and can
never refund more than is left of it.

What the régua has waiting about an entry follows it at once, in the same transaction: closing a quote
or reservation (bought or lost) withdraws its follow-up, and a refund that gives back all of a day's
purchases withdraws that day's post-sale message (skipped, with the reason; the planner never plans
them again either). A partial refund leaves the post-sale message as it is: the customer kept
something, and asking how it went is still right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop_app.db import cadence as cadence_queries
from desktop_app.db import customers as queries
from desktop_app.db.database import database, write
from desktop_app.db.models import Customer, Interaction
from desktop_app.domain.actors import Actor
from desktop_app.domain.cadence import POST_SALE as POST_SALE_STEP
from desktop_app.domain.cadence import UNFINISHED as UNFINISHED_STEP
from desktop_app.domain.dates import local_noon_utc, utc_now
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.kinds import KINDS, NEEDS_AMOUNT, TAKES_AMOUNT, UNFINISHED
from desktop_app.domain.money import format_cents, parse_money
from desktop_app.domain.permissions import require
from desktop_app.domain.text import clean_text
from desktop_app.services.loyalty import ledger
from desktop_app.services.shop.shop import ShopSettings

DEFAULT_FOLLOW_UP_DAYS = 7
ITEM_CLOSED, REFUNDED = "item_closed", "refunded"  # why their waiting messages were withdrawn
MAX_NOTE = 2000
OPEN, RESOLVED, BOUGHT, LOST = "open", "resolved", "bought", "lost"


@dataclass(slots=True)
class LogEntry:
    """What staff typed in the quick log."""

    kind: str
    amount: str | int | None = None  # as typed ('49,90'); a whole number is reais (parse_money(7) == 700)
    note: str = ""
    on: date | None = None  # defaults to today
    follow_up_on: date | None = None  # unfinished purchases; defaults to a week later
    purchase_id: int | None = None  # a return: the purchase it reverses (default: the latest that fits)
    closes: Sequence[int] = field(default_factory=tuple)  # a purchase: the open unfinished ones it closes


@dataclass(frozen=True, slots=True)
class OpenItem:
    id: int
    kind: str
    on: date
    amount_cents: int | None
    note: str
    follow_up_on: date | None


@dataclass(frozen=True, slots=True)
class Refundable:
    id: int
    on: date
    amount_cents: int
    left_cents: int
    note: str


def _when(on: date, today: date, tz: str) -> datetime:
    """Now for today's entries; local noon for a day in the past (its order within the day is unknown)."""
    return utc_now() if on == today else local_noon_utc(on, tz)


def _amount(entry: LogEntry) -> int | None:
    raw = entry.amount
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if entry.kind in NEEDS_AMOUNT:
            raise ValidationError("amount", "amount_required")
        return None
    if entry.kind not in TAKES_AMOUNT:
        return None
    cents = parse_money(raw)
    if cents < 0:
        raise ValidationError("amount", "amount_negative")
    if cents == 0 and entry.kind in NEEDS_AMOUNT:
        raise ValidationError("amount", "amount_required")
    return cents


def _customer(customer_id: int) -> Customer:
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFound("customer_not_found", ref=customer_id)
    return customer


def refundable_purchases(customer_id: int) -> list[Refundable]:
    """The customer's purchases with money left to refund, newest first."""
    refunded = queries.refunded_by_purchase(customer_id)
    result = []
    for p in (Interaction.select().where((Interaction.customer == customer_id) & (Interaction.kind == "purchase"))
              .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())):
        left = (p.amount_cents or 0) - (refunded.get(p.id) or 0)
        if left > 0:
            result.append(Refundable(p.id, p.occurred_on, p.amount_cents, left, p.note))
    return result


def _purchase_for_refund(customer_id: int, entry: LogEntry, cents: int, currency: str) -> int:
    candidates = refundable_purchases(customer_id)
    if entry.purchase_id is not None:
        chosen = [r for r in candidates if r.id == entry.purchase_id]
        if not chosen:
            raise ValidationError("purchase", "refund_too_large", left=format_cents(0, currency))
        if cents > chosen[0].left_cents:
            raise ValidationError("amount", "refund_too_large", left=format_cents(chosen[0].left_cents, currency))
        return chosen[0].id
    if not candidates:
        raise ValidationError("purchase", "refund_no_purchase")
    for r in candidates:
        if cents <= r.left_cents:
            return r.id
    largest = max(r.left_cents for r in candidates)
    raise ValidationError("amount", "refund_too_large", left=format_cents(largest, currency))


def log_interaction(customer_id: int, entry: LogEntry, *, actor: Actor, shop: ShopSettings, today: date,
                    source: str = "counter") -> int:
    """Log one thing that happened with a customer; returns its id. Nothing is written on bad input."""
    require(actor, "interaction.log")
    if entry.kind not in KINDS:
        raise ValidationError("kind", "kind_invalid")
    note = clean_text(entry.note) if "\n" not in (entry.note or "") else (entry.note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError("note", "too_long", max=MAX_NOTE)
    on = entry.on or today
    if on > today:
        raise ValidationError("date", "date_future")
    cents = _amount(entry)
    follow_up = None
    status = None
    if entry.kind in UNFINISHED:
        status = OPEN
        follow_up = entry.follow_up_on or on + timedelta(days=DEFAULT_FOLLOW_UP_DAYS)
        if follow_up < on:
            raise ValidationError("follow_up", "follow_up_past")
    elif entry.kind == "complaint":
        status = OPEN
    with write():  # the lock up front: the entry and the points it earns, one till at a time per account
        _customer(customer_id)
        related = None
        if entry.kind == "return":
            related = _purchase_for_refund(customer_id, entry, cents, shop.currency)
        now = utc_now()
        row = Interaction.create(
            customer=customer_id, kind=entry.kind, amount_cents=cents, note=note,
            occurred_at=_when(on, today, shop.timezone), occurred_on=on, staff=actor.staff_id, source=source,
            created_at=now, status=status, follow_up_on=follow_up, related=related, till=actor.till)
        if entry.kind == "purchase" and entry.closes:
            _close(list(entry.closes), customer_id, BOUGHT, "", actor, now, related_id=row.id)
        if entry.kind == "return":
            _withdraw_post_sale(customer_id, related, now)
        ledger.on_interaction(row, actor=actor, today=today)
    return row.id


def _close(ids: list[int], customer_id: int | None, outcome: str, resolution: str, actor: Actor, now: datetime,
           related_id: int | None = None) -> None:
    for item_id in ids:
        item = Interaction.get_or_none(Interaction.id == item_id)
        if item is None or (customer_id is not None and item.customer_id != customer_id):
            raise NotFound("interaction_not_found")
        if item.status != OPEN:
            raise ValidationError("status", "not_open")
        if outcome in (BOUGHT, LOST) and item.kind not in UNFINISHED:
            raise ValidationError("status", "not_open")
        if outcome == RESOLVED and item.kind != "complaint":
            raise ValidationError("status", "not_open")
        item.status, item.resolution, item.closed_at, item.closed_by = outcome, resolution, now, actor.staff_id
        if related_id is not None:
            item.related = related_id
        item.save()
        if item.kind in UNFINISHED:  # its follow-up, if planned already, no longer goes
            cadence_queries.withdraw_waiting(item.customer_id, UNFINISHED_STEP, [item.id], ITEM_CLOSED, now)


def _withdraw_post_sale(customer_id: int, purchase_id: int, now: datetime) -> None:
    """After a refund: when every purchase of that day is refunded in full, the day's post-sale message
    (keyed by one of them) does not go."""
    same_day = cadence_queries.purchases_on(customer_id, Interaction.get_by_id(purchase_id).occurred_on)
    if same_day and cadence_queries.fully_refunded(same_day) == set(same_day):
        cadence_queries.withdraw_waiting(customer_id, POST_SALE_STEP, same_day, REFUNDED, now)


def resolve_complaint(interaction_id: int, resolution: str, *, actor: Actor) -> None:
    require(actor, "interaction.close")
    text = (resolution or "").strip()
    if not text:
        raise ValidationError("resolution", "resolution_required")
    if len(text) > MAX_NOTE:
        raise ValidationError("resolution", "too_long", max=MAX_NOTE)
    with database.atomic():
        _close([interaction_id], None, RESOLVED, text, actor, utc_now())


def close_unfinished(interaction_id: int, outcome: str, *, actor: Actor, note: str = "") -> None:
    """Mark a quote, reservation, special order or try-on as bought or lost by hand."""
    require(actor, "interaction.close")
    if outcome not in (BOUGHT, LOST):
        raise ValueError(outcome)
    with database.atomic():
        _close([interaction_id], None, outcome, clean_text(note), actor, utc_now())


def open_items(customer_id: int) -> list[OpenItem]:
    """Open complaints and unfinished purchases, oldest first: what the counter should see at once."""
    return [OpenItem(i.id, i.kind, i.occurred_on, i.amount_cents, i.note, i.follow_up_on)
            for i in Interaction.select().where((Interaction.customer == customer_id) & (Interaction.status == OPEN))
            .order_by(Interaction.occurred_at, Interaction.id)]


def amount_of(interaction_id: int) -> int | None:
    row = Interaction.get_or_none(Interaction.id == interaction_id)
    return None if row is None else row.amount_cents
