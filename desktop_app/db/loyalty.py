"""Ledger queries that need SQL functions, joins or grouping. The ledger is append-only: this module
inserts rows and never updates or deletes one (a merge moves rows; see services.loyalty)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from peewee import IntegrityError, fn

from desktop_app.db.database import database
from desktop_app.db.models import Interaction, LoyaltyAllocation, LoyaltyEntry

ALLOCATION_FIELDS = [LoyaltyAllocation.debit, LoyaltyAllocation.lot, LoyaltyAllocation.points]


_LEDGER_STATE = """
SELECT e.id, e.points, e.expires_on, e.occurred_on,
       (SELECT COALESCE(SUM(a.points), 0) FROM loyalty_allocation a WHERE a.lot_id = e.id),
       (SELECT COALESCE(SUM(a.points), 0) FROM loyalty_allocation a WHERE a.debit_id = e.id)
FROM loyalty_entry e
WHERE e.customer_id = {p} AND e.program_id = {p}
ORDER BY e.id"""


@lru_cache(maxsize=8192)
def _parse_day(text: str) -> date:
    return date.fromisoformat(text[:10])


def _day(value) -> date | None:
    """A date column as the driver returns it (ISO text from SQLite); a shop has a few thousand distinct
    days, so each is parsed once."""
    return value if value is None or isinstance(value, date) else _parse_day(str(value))


def account_state(customer_id: int, program_id: int) -> tuple[list[tuple[int, int, date | None, date]],
                                                               list[tuple[int, int]]]:
    """The customer's lots with points left, (entry id, left, expires on, earned on), and the removals
    not fully covered, (entry id, points missing), oldest first. One plain query: this runs for every
    purchase, so it skips the query builder (standard SQL, nothing SQLite-only)."""
    sql = _LEDGER_STATE.format(p=database.param)
    lots, debts = [], []
    for entry_id, points, expires_on, on, taken, covered in database.execute_sql(sql, (customer_id, program_id)):
        if points > 0 and points > taken:
            lots.append((entry_id, points - taken, _day(expires_on), _day(on)))
        elif points < 0 and -points > covered:
            debts.append((entry_id, -points - covered))
    return lots, debts


_LOTS_LEFT = """
SELECT e.customer_id, e.expires_on,
       e.points - COALESCE((SELECT SUM(a.points) FROM loyalty_allocation a WHERE a.lot_id = e.id), 0)
FROM loyalty_entry e
WHERE e.program_id = {p} AND e.points > 0"""


def lots_left(program_id: int, *, expires_from: date | None = None,
              expires_to: date | None = None) -> list[tuple[int, date | None, int]]:
    """(customer id, expires on, points left) of every lot of the program with points left, optionally
    only those whose expiry date is within [expires_from, expires_to]. Plain SQL: it reads every lot."""
    sql, params = _LOTS_LEFT, [program_id]
    if expires_from is not None:
        sql += " AND e.expires_on >= {p}"
        params.append(expires_from.isoformat())
    if expires_to is not None:
        sql += " AND e.expires_on <= {p}"
        params.append(expires_to.isoformat())
    rows = database.execute_sql(sql.format(p=database.param), params)
    return [(c, _day(exp), left) for c, exp, left in rows if left > 0]


ENTRY_COLUMNS = ("program_id", "customer_id", "kind", "points", "occurred_on", "at", "reason", "interaction_id",
                 "reward_id", "reverses_id", "expires_on", "staff_id", "actor", "approved_by", "once_key", "milestone",
                 "till")
_INSERT_ENTRY = "INSERT INTO loyalty_entry ({}) VALUES ({{p}}) RETURNING id".format(", ".join(ENTRY_COLUMNS))


def insert_entry(values: dict) -> int | None:
    """Insert one ledger row (keys: ENTRY_COLUMNS); None when its once-key was already used (a bonus
    given a moment ago by another process), in which case nothing was written."""
    sql = _INSERT_ENTRY.format(p=", ".join([database.param] * len(ENTRY_COLUMNS)))
    params = [_db_value(values.get(c)) for c in ENTRY_COLUMNS]
    if values.get("once_key") is None:
        return database.execute_sql(sql, params).fetchone()[0]
    try:
        with database.atomic():
            return database.execute_sql(sql, params).fetchone()[0]
    except IntegrityError:
        return None


def _db_value(value):
    """Dates and UTC timestamps written as the model fields write them."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f") if value.microsecond else value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return value


def insert_allocations(rows: Sequence[tuple[int, int, int]]) -> None:
    if rows:
        LoyaltyAllocation.insert_many(list(rows), fields=ALLOCATION_FIELDS).execute()


def once_key_used(program_id: int, customer_id: int, key: str) -> bool:
    sql = "SELECT 1 FROM loyalty_entry WHERE program_id = {p} AND customer_id = {p} AND once_key = {p}"
    return database.execute_sql(sql.format(p=database.param), (program_id, customer_id, key)).fetchone() is not None


def balances(program_id: int) -> dict[int, int]:
    """The sum of the ledger per customer: the single aggregate the benchmark compares against."""
    sql = "SELECT customer_id, SUM(points) FROM loyalty_entry WHERE program_id = {p} GROUP BY customer_id"
    return dict(database.execute_sql(sql.format(p=database.param), (program_id,)))


# One customer's rows by the customer index; the kind is filtered here, not in SQL, or the planner
# would prefer interaction_money (kind first) and walk every purchase of the period.
_SPEND_OF_ONE = """
SELECT occurred_on, kind, amount_cents FROM interaction
WHERE customer_id = {p} AND occurred_on > {p} AND occurred_on <= {p} AND id <> {p}"""


_SPEND_OF_ALL = """
SELECT customer_id, occurred_on, CASE WHEN kind = 'purchase' THEN amount_cents ELSE 0 - amount_cents END
FROM interaction
WHERE occurred_on > {p} AND occurred_on <= {p} AND kind IN ('purchase', 'return') AND amount_cents IS NOT NULL"""


def spend_events(since: date, until: date, customer_id: int | None = None, exclude_interaction: int | None = None,
                 ) -> list[tuple[int, date, int]]:
    """(customer id, date, cents) of purchases (positive) and refunds (negative) in (since, until]. Plain
    SQL: it runs at every purchase, and over every customer for the report."""
    if customer_id is not None:  # at every purchase
        rows = database.execute_sql(_SPEND_OF_ONE.format(p=database.param),
                                    (customer_id, since.isoformat(), until.isoformat(), exclude_interaction or 0))
        return [(customer_id, _day(on), cents if kind == "purchase" else -cents) for on, kind, cents in rows
                if kind in ("purchase", "return") and cents is not None]
    rows = database.execute_sql(_SPEND_OF_ALL.format(p=database.param), (since.isoformat(), until.isoformat()))
    return [(customer_id, _day(on), cents) for customer_id, on, cents in rows]


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
