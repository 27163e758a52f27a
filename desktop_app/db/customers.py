"""Customer queries that need SQL functions or grouping; plain lookups stay with the models."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Sequence
from datetime import date

from peewee import Field, fn

from desktop_app.db.database import chunks, database, one_of
from desktop_app.db.models import Consent, Customer, CustomerTag, Interaction


def customers_where_in(column: Field, values: Sequence[object], fields: Sequence[Field]) -> list[tuple]:
    """The customers whose `column` is one of `values`, as named tuples of `fields`. Plain SQL in chunks:
    an import asks this for a hundred thousand values, and a peewee IN list builds an object per value."""
    Row = namedtuple("Row", [f.name for f in fields])  # noqa: N806 - a class
    names = ", ".join(f'"{f.column_name}"' for f in fields)
    found = []
    for chunk in chunks(values):
        condition, params = one_of(f'"{column.column_name}"', chunk)
        cursor = database.execute_sql(f"SELECT {names} FROM customer WHERE {condition}", params)
        found.extend(Row(*(f.python_value(v) for f, v in zip(fields, row, strict=True))) for row in cursor)
    return found


def last_seen_by_customer(ids: Sequence[int]) -> dict[int, date]:
    """The latest interaction date for each of `ids` (customers without one are left out)."""
    result = {}
    for chunk in chunks(ids):
        condition, params = one_of("customer_id", chunk)
        for cid, value in database.execute_sql(
                f"SELECT customer_id, max(occurred_on) FROM interaction WHERE {condition} GROUP BY customer_id", params):
            result[cid] = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return result


def tag_counts() -> list[tuple[str, int]]:
    query = (CustomerTag.select(CustomerTag.tag, fn.COUNT(CustomerTag.customer))
             .group_by(CustomerTag.tag).order_by(CustomerTag.tag))
    return list(query.tuples())


def current_consent(customer_id: int) -> dict[str, Consent]:
    """The consent row in force per channel: the newest one."""
    latest: dict[str, Consent] = {}
    for row in Consent.select().where(Consent.customer == customer_id).order_by(Consent.at, Consent.id):
        latest[row.channel] = row
    return latest


def customers_by_ids(ids: Sequence[int]) -> dict[int, Customer]:
    if not ids:
        return {}
    return {c.id: c for c in Customer.select().where(Customer.id.in_(list(ids)))}


def refunded_by_purchase(customer_id: int) -> dict[int, int]:
    """Cents already refunded against each of a customer's purchases."""
    query = (Interaction.select(Interaction.related, fn.SUM(Interaction.amount_cents))
             .where((Interaction.customer == customer_id) & (Interaction.kind == "return"))
             .group_by(Interaction.related))
    return {pid: total or 0 for pid, total in query.tuples() if pid is not None}


def tags_of(customer_id: int) -> list[str]:
    return [t for (t,) in CustomerTag.select(CustomerTag.tag).where(CustomerTag.customer == customer_id).tuples()]


def tags_for(ids: Sequence[int]) -> dict[int, set[str]]:
    result: dict[int, set[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        for cid, tag in CustomerTag.select(CustomerTag.customer, CustomerTag.tag).where(
                CustomerTag.customer.in_(chunk)).tuples():
            result.setdefault(cid, set()).add(tag)
    return result


def consent_for(ids: Sequence[int]) -> dict[int, dict[str, bool]]:
    """What is in force per customer and channel: the newest record of each."""
    result: dict[int, dict[str, bool]] = {}
    for chunk in chunks(ids):  # plain SQL: the régua asks this for thousands of customers a day
        condition, params = one_of("customer_id", chunk)
        rows = database.execute_sql(
            f"SELECT customer_id, channel, granted FROM consent WHERE {condition} ORDER BY at, id", params).fetchall()
        for cid, channel, granted in rows:
            result.setdefault(cid, {})[channel] = bool(granted)
    return result


def any_suppressed_with_prefix(prefix: str) -> bool:
    """Whether the suppression list holds any entry starting with `prefix` (one probe of its key)."""
    p = database.param
    return database.execute_sql(f"SELECT 1 FROM suppression WHERE email >= {p} AND email < {p} LIMIT 1",
                                (prefix, prefix + "\U0010ffff")).fetchone() is not None
