"""Ledger queries that need SQL functions, joins or grouping. The ledger is append-only: this module
inserts rows and never updates or deletes one (a merge moves rows; see services.loyalty)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from peewee import JOIN, Case, IntegrityError, Value, fn

from .database import database
from .models import Interaction, LoyaltyAllocation, LoyaltyEntry

ALLOCATION_FIELDS = [LoyaltyAllocation.debit, LoyaltyAllocation.lot, LoyaltyAllocation.points]


def _used(column):
    """Points allocated per entry, on the lot side or on the debit side."""
    return (LoyaltyAllocation.select(column.alias("entry_id"), fn.SUM(LoyaltyAllocation.points).alias("used"))
            .group_by(column))


def _lots_left(where):
    taken = _used(LoyaltyAllocation.lot)
    return (LoyaltyEntry.select(LoyaltyEntry.id, LoyaltyEntry.customer, LoyaltyEntry.expires_on,
                                LoyaltyEntry.occurred_on,
                                (LoyaltyEntry.points - fn.COALESCE(taken.c.used, 0)).alias("left"))
            .join(taken, JOIN.LEFT_OUTER, on=(taken.c.entry_id == LoyaltyEntry.id))
            .where(where & (LoyaltyEntry.points > 0)))


def open_lots(customer_id: int, program_id: int) -> list[tuple[int, int, date | None, date]]:
    """(entry id, points left, expires on, earned on) of the customer's lots with points left."""
    query = _lots_left((LoyaltyEntry.customer == customer_id) & (LoyaltyEntry.program == program_id))
    return [(i, left, exp, on) for i, _c, exp, on, left in query.tuples() if left > 0]


def open_debts(customer_id: int, program_id: int) -> list[tuple[int, int]]:
    """(entry id, points not yet covered) of removals that took more than there was, oldest first."""
    paid = _used(LoyaltyAllocation.debit)
    query = (LoyaltyEntry.select(LoyaltyEntry.id, Value(0) - LoyaltyEntry.points - fn.COALESCE(paid.c.used, 0))
             .join(paid, JOIN.LEFT_OUTER, on=(paid.c.entry_id == LoyaltyEntry.id))
             .where((LoyaltyEntry.customer == customer_id) & (LoyaltyEntry.program == program_id)
                    & (LoyaltyEntry.points < 0))
             .order_by(LoyaltyEntry.id).tuples())
    return [(i, unpaid) for i, unpaid in query if unpaid > 0]


def lots_left(program_id: int, *, expires_from: date | None = None,
              expires_to: date | None = None) -> list[tuple[int, date | None, int]]:
    """(customer id, expires on, points left) of every lot of the program with points left, optionally
    only those whose expiry date is within [expires_from, expires_to]."""
    where = LoyaltyEntry.program == program_id
    if expires_from is not None:
        where &= LoyaltyEntry.expires_on >= expires_from
    if expires_to is not None:
        where &= LoyaltyEntry.expires_on <= expires_to
    return [(c, exp, left) for _i, c, exp, _on, left in _lots_left(where).tuples() if left > 0]


def insert_entry(values: dict) -> int | None:
    """Insert one ledger row; None when its once-key was already used (a bonus given a moment ago by
    another process), in which case nothing was written."""
    if values.get("once_key") is None:
        return LoyaltyEntry.insert(values).execute()
    try:
        with database.atomic():
            return LoyaltyEntry.insert(values).execute()
    except IntegrityError:
        return None


def insert_allocations(rows: Sequence[tuple[int, int, int]]) -> None:
    if rows:
        LoyaltyAllocation.insert_many(list(rows), fields=ALLOCATION_FIELDS).execute()


def once_key_used(program_id: int, customer_id: int, key: str) -> bool:
    return LoyaltyEntry.select().where((LoyaltyEntry.program == program_id) & (LoyaltyEntry.customer == customer_id)
                                       & (LoyaltyEntry.once_key == key)).exists()


def balances(program_id: int) -> dict[int, int]:
    """The sum of the ledger per customer: the single aggregate the benchmark compares against."""
    query = (LoyaltyEntry.select(LoyaltyEntry.customer, fn.SUM(LoyaltyEntry.points))
             .where(LoyaltyEntry.program == program_id).group_by(LoyaltyEntry.customer).tuples())
    return dict(query)


def spend_events(since: date, until: date, customer_id: int | None = None, exclude_interaction: int | None = None,
                 ) -> list[tuple[int, date, int]]:
    """(customer id, date, cents) of purchases (positive) and refunds (negative) in (since, until]."""
    # (peewee reads unary minus on a column as DESC, so negation is spelled 0 - x)
    signed = Case(None, [(Interaction.kind == "purchase", Interaction.amount_cents)],
                  Value(0) - Interaction.amount_cents)
    where = (Interaction.kind.in_(("purchase", "return")) & (Interaction.occurred_on > since)
             & (Interaction.occurred_on <= until) & Interaction.amount_cents.is_null(False))
    if customer_id is not None:
        where &= Interaction.customer == customer_id
    if exclude_interaction is not None:
        where &= Interaction.id != exclude_interaction
    return list(Interaction.select(Interaction.customer, Interaction.occurred_on, signed).where(where).tuples())


def points_events(program_id: int, since: date, until: date, customer_id: int | None = None,
                  ) -> list[tuple[int, date, int]]:
    """(customer id, date, points) earned by purchases or reversed by refunds in (since, until]."""
    where = ((LoyaltyEntry.program == program_id) & LoyaltyEntry.kind.in_(("earn", "reverse"))
             & LoyaltyEntry.interaction.is_null(False) & (LoyaltyEntry.occurred_on > since)
             & (LoyaltyEntry.occurred_on <= until))
    if customer_id is not None:
        where &= LoyaltyEntry.customer == customer_id
    return list(LoyaltyEntry.select(LoyaltyEntry.customer, LoyaltyEntry.occurred_on, LoyaltyEntry.points)
                .where(where).tuples())


def total(program_id: int, kind: str, since: date) -> int:
    """The sum of one kind of row dated after `since`, as a positive number."""
    return abs(LoyaltyEntry.select(fn.COALESCE(fn.SUM(LoyaltyEntry.points), 0)).where(
        (LoyaltyEntry.program == program_id) & (LoyaltyEntry.kind == kind)
        & (LoyaltyEntry.occurred_on > since)).scalar())


def refunded_total(purchase_id: int) -> int:
    return (Interaction.select(fn.COALESCE(fn.SUM(Interaction.amount_cents), 0))
            .where((Interaction.related == purchase_id) & (Interaction.kind == "return")).scalar())


def reversed_total(lot_id: int) -> int:
    return -(LoyaltyEntry.select(fn.COALESCE(fn.SUM(LoyaltyEntry.points), 0))
             .where((LoyaltyEntry.reverses == lot_id) & (LoyaltyEntry.kind == "reverse")).scalar())


def per_interaction(interaction_id: int) -> list[tuple[int, int]]:
    """(program id, points) one interaction earned or took back."""
    return list(LoyaltyEntry.select(LoyaltyEntry.program, fn.SUM(LoyaltyEntry.points))
                .where(LoyaltyEntry.interaction == interaction_id).group_by(LoyaltyEntry.program).tuples())
