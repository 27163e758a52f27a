"""The reports' queries. Each is one pass over an index (the history in customer order, or a date
range), aggregated by the database; the services turn the rows into figures.

Plain SQL, kept to what PostgreSQL also reads (CASE, aggregate FILTER clauses, ISO dates as text
parameters); the engine adds its planner hints (`hint`: SQLite's name the index that makes the pass a
scan without a sort) and writes the conflict clauses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from desktop_app.db.database import chunks, database, engine, hint, marks
from desktop_app.db.models import Setting
from desktop_app.domain.privacy import ERASED_SORT_KEY
from desktop_app.domain.segments import History, Thresholds, recent_start, year_start

_PURCHASES = """
SELECT customer_id, min(occurred_on), max(occurred_on), count(*), sum(amount_cents),
       count(*) FILTER (WHERE occurred_on >= :year),
       count(*) FILTER (WHERE occurred_on <= :prev),
       sum(amount_cents) FILTER (WHERE occurred_on <= :prev),
       max(occurred_on) FILTER (WHERE occurred_on <= :prev),
       count(*) FILTER (WHERE occurred_on >= :prev_year AND occurred_on <= :prev)
FROM interaction {interaction_customer_kind}
WHERE kind = 'purchase' AND occurred_on <= :day
GROUP BY customer_id"""

_ACTIVITY = """
SELECT customer_id, max(occurred_on),
       max(occurred_on) FILTER (WHERE occurred_on < :recent),
       min(occurred_on) FILTER (WHERE occurred_on >= :recent),
       max(occurred_on) FILTER (WHERE occurred_on <= :prev),
       max(occurred_on) FILTER (WHERE occurred_on < :prev_recent),
       min(occurred_on) FILTER (WHERE occurred_on >= :prev_recent AND occurred_on <= :prev)
FROM interaction {interaction_customer_kind}
WHERE kind IN ('purchase', 'visit') AND occurred_on <= :day
GROUP BY customer_id"""

_RETURNS = """
SELECT customer_id, sum(amount_cents), sum(amount_cents) FILTER (WHERE occurred_on <= :prev)
FROM interaction {interaction_money}
WHERE kind = 'return' AND occurred_on <= :day AND amount_cents IS NOT NULL
GROUP BY customer_id"""


def _named(sql: str, values: dict[str, str]) -> tuple[str, list[str]]:
    """`:name` parameters to the driver's positional ones, in order of appearance; `{index}` to the
    engine's hint for that index."""
    params: list[str] = []

    def swap(match: re.Match) -> str:
        params.append(values[match.group(1)])
        return database.param

    sql = re.sub(r"\{(\w+)\}", lambda m: hint(m.group(1)), sql)
    return re.sub(r":(\w+)", swap, sql), params


class _Days(dict):
    """ISO text to date, parsed once per distinct day (a history has a few hundred, not a million)."""

    def __missing__(self, text: str) -> date:
        value = self[text] = date.fromisoformat(text[:10])
        return value

    def of(self, text: str | None) -> date | None:
        return None if text is None else self[text]


# A customer with visits but no purchase: first, last, count, money, in the year; then as of `previous`.
_NEVER_BOUGHT = (None, None, 0, 0, 0, 0, 0, None, 0)


def histories(day: date, previous: date, t: Thresholds) -> tuple[list[History], list[History]]:
    """Every customer's history as of `day` and as of `previous`, from one pass over purchases, one
    over visits and purchases, and the returns."""
    values = {"day": day.isoformat(), "prev": previous.isoformat(), "year": year_start(day, t).isoformat(),
              "prev_year": year_start(previous, t).isoformat(), "recent": recent_start(day, t).isoformat(),
              "prev_recent": recent_start(previous, t).isoformat()}
    d = _Days().of
    bought = {row[0]: row[1:] for row in database.execute_sql(*_named(_PURCHASES, values))}
    refunds = {cid: (now or 0, before or 0) for cid, now, before in database.execute_sql(*_named(_RETURNS, values))}
    now, then = [], []
    for cid, last, before, first_in, last_prev, before_prev, first_in_prev in \
            database.execute_sql(*_named(_ACTIVITY, values)):
        (first_bought, last_bought, count, money, count_year,
         count_prev, money_prev, last_bought_prev, count_year_prev) = bought.get(cid, _NEVER_BOUGHT)
        back, back_prev = refunds.get(cid, (0, 0))
        first = d(first_bought)
        now.append(History(cid, count, (money or 0) - back, first, d(last_bought), d(last), count_year,
                           d(before), d(first_in)))
        if last_prev is not None:
            then.append(History(cid, count_prev, (money_prev or 0) - back_prev, first if count_prev else None,
                                d(last_bought_prev), d(last_prev), count_year_prev, d(before_prev), d(first_in_prev)))
    return now, then


def returning_buyers(first: date, last: date) -> tuple[int, int]:
    """(customers who bought in [first, last], those of them who had bought before `first`)."""
    p = database.param
    return tuple(database.execute_sql(
        f"SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM interaction e {hint('interaction_customer_kind')} "
        f"WHERE e.customer_id = b.customer_id AND e.kind = 'purchase' AND e.occurred_on < {p})) "
        f"FROM (SELECT DISTINCT customer_id FROM interaction {hint('interaction_money')} "
        f"WHERE kind = 'purchase' AND occurred_on >= {p} AND occurred_on <= {p}) b",
        [first.isoformat(), first.isoformat(), last.isoformat()]).fetchone())


def visit_gaps(first: date, last: date) -> list[float]:
    """Per customer with two or more visits or purchases in [first, last]: the average days between them."""
    p = database.param
    days = _Days()
    return [(days[b] - days[a]).days / (n - 1) for a, b, n in database.execute_sql(
        f"SELECT min(occurred_on), max(occurred_on), count(*) FROM interaction {hint('interaction_money')} "
        f"WHERE kind IN ('purchase', 'visit') AND occurred_on >= {p} AND occurred_on <= {p} GROUP BY customer_id "
        f"HAVING count(*) >= 2", [first.isoformat(), last.isoformat()])]


def customer_ids() -> list[int]:
    """Every customer who is not an erased placeholder."""
    return [cid for (cid,) in database.execute_sql(
        f"SELECT id FROM customer WHERE name_key < {database.param}", [ERASED_SORT_KEY])]


def stored_segments() -> dict[int, tuple]:
    return {row[0]: row[1:] for row in database.execute_sql(
        "SELECT customer_id, segment, stage, recency, frequency, money, previous_segment, previous_stage "
        "FROM customer_segment")}


SEGMENTS_ON = "segments_on"


def segments_computed_on() -> date | None:
    row = Setting.get_or_none(Setting.key == SEGMENTS_ON)
    return None if row is None else date.fromisoformat(json.loads(row.value))


SEGMENT_COLUMNS = ("customer_id", "segment", "stage", "recency", "frequency", "money", "previous_segment",
                   "previous_stage")


def write_segments(rows: Sequence[tuple], day: date, gone: Iterable[int]) -> None:
    """Store the rows that changed (customer id, segment, stage, r, f, m, previous segment, previous
    stage), drop the rows of customers no longer there, and note `day`, in one transaction."""
    p = database.param
    with database.atomic():
        cursor = database.cursor()
        cursor.executemany(f"DELETE FROM customer_segment WHERE customer_id = {p}", [(cid,) for cid in gone])
        cursor.executemany(engine().upsert_sql("customer_segment", SEGMENT_COLUMNS, ["customer_id"]), rows)
        engine().upsert(Setting.insert(key=SEGMENTS_ON, value=json.dumps(day.isoformat())),
                        [Setting.key], [Setting.value]).execute()


def segment_moves() -> list[tuple[str | None, str | None, str, str, int]]:
    """(segment, previous segment, stage, previous stage, customers)."""
    return list(database.execute_sql(
        "SELECT segment, previous_segment, stage, previous_stage, count(*) FROM customer_segment "
        "GROUP BY segment, previous_segment, stage, previous_stage"))


def segment_of(customer_id: int) -> tuple | None:
    return database.execute_sql(
        f"SELECT segment, stage, recency, frequency, money FROM customer_segment "
        f"WHERE customer_id = {database.param}", [customer_id]).fetchone()


def created_by_hour(start_utc: datetime) -> list[tuple[datetime, int]]:
    """(UTC hour, customers created in it) since `start_utc`: few rows, each one placed in its local month."""
    p = database.param
    return [(datetime.fromisoformat(hour + ":00"), n) for hour, n in database.execute_sql(
        f"SELECT substr(created_at, 1, 13), count(*) FROM customer WHERE created_at >= {p} AND name_key < {p} "
        f"GROUP BY substr(created_at, 1, 13)", [start_utc.isoformat(" "), ERASED_SORT_KEY])]


def activity_by_day(first: date, last: date) -> list[tuple[str, date, int, int]]:
    """(kind, day, interactions, money) of visits and purchases in [first, last]."""
    p = database.param
    rows = database.execute_sql(
        f"SELECT kind, occurred_on, count(*), coalesce(sum(amount_cents), 0) FROM interaction {hint('interaction_money')} "
        f"WHERE kind IN ('visit', 'purchase') AND occurred_on >= {p} AND occurred_on <= {p} GROUP BY kind, occurred_on",
        [first.isoformat(), last.isoformat()])
    days = _Days()
    return [(kind, days[on], n, money) for kind, on, n, money in rows]


def customer_facts() -> tuple[int, int, int]:
    """(customers, with a birthday, with e-mail consent in force)."""
    p = database.param
    total, birthday = database.execute_sql(
        f"SELECT count(*), count(birthday_md) FROM customer WHERE name_key < {p}", [ERASED_SORT_KEY]).fetchone()
    consent = database.execute_sql(
        "SELECT count(*) FROM consent c WHERE c.channel = 'email' AND c.granted = 1 AND NOT EXISTS ("
        "SELECT 1 FROM consent n WHERE n.customer_id = c.customer_id AND n.channel = 'email' "
        "AND (n.at > c.at OR (n.at = c.at AND n.id > c.id)))").fetchone()[0]
    return total, birthday, consent


def messages_sent(first: date) -> list[tuple[str, int, date]]:
    """(step, customer id, day it went) of every message sent (or, for WhatsApp and calls, done) on a
    day since `first`."""
    p = database.param
    days = _Days()
    return [(step, cid, days[on]) for step, cid, on in database.execute_sql(
        f"SELECT step, customer_id, send_on FROM outbox WHERE status IN ('sent', 'done') AND send_on >= {p}",
        [first.isoformat()])]


def purchases_between(first: date, last: date) -> list[tuple[int, date, int]]:
    """(customer id, day, amount) of every purchase in [first, last], all sources."""
    p = database.param
    days = _Days()
    return [(cid, days[on], amount or 0) for cid, on, amount in database.execute_sql(
        f"SELECT customer_id, occurred_on, amount_cents FROM interaction {hint('interaction_money')} "
        f"WHERE kind = 'purchase' AND occurred_on >= {p} AND occurred_on <= {p}", [first.isoformat(), last.isoformat()])]


def customers_created_before(moment_utc: datetime) -> int:
    """Customers created before `moment_utc`, not counting erased placeholders (from two indexes)."""
    p = database.param
    at = moment_utc.isoformat(" ")
    everyone = database.execute_sql(f"SELECT count(*) FROM customer WHERE created_at < {p}", [at]).fetchone()[0]
    erased = database.execute_sql(f"SELECT count(*) FROM customer WHERE name_key >= {p} AND created_at < {p}",
                                  [ERASED_SORT_KEY, at]).fetchone()[0]
    return everyone - erased


def coupons_redeemed(first_utc: datetime) -> list[tuple[str, datetime]]:
    p = database.param
    return [(step, datetime.fromisoformat(str(at))) for step, at in database.execute_sql(
        f"SELECT step, redeemed_at FROM coupon WHERE redeemed_at >= {p}", [first_utc.isoformat(" ")])]


def rewards_redeemed(first: date) -> list[tuple[date, int]]:
    """(day, points) of every reward redeemed since `first` (reversed redemptions included as made)."""
    p = database.param
    days = _Days()
    return [(days[on], -points) for on, points in database.execute_sql(
        f"SELECT occurred_on, points FROM loyalty_entry WHERE kind = 'redeem' AND occurred_on >= {p}",
        [first.isoformat()])]


def complaints(first: date) -> list[tuple[date, datetime, datetime | None, str | None]]:
    """(day opened, when opened UTC, when closed UTC, status) of complaints opened since `first` or still
    open, and of those closed since `first`."""
    p = database.param
    days = _Days()
    return [(days[on], datetime.fromisoformat(str(at)), datetime.fromisoformat(str(closed)) if closed else None, status)
            for on, at, closed, status in database.execute_sql(
                f"SELECT occurred_on, occurred_at, closed_at, status FROM interaction {hint('interaction_money')} "
                f"WHERE kind = 'complaint' AND (occurred_on >= {p} OR status = 'open' OR closed_at >= {p})",
                [first.isoformat(), first.isoformat()])]


def logged_by_staff(first: date) -> list[tuple[str, date, int]]:
    """(staff name, day, interactions) logged at the counter since `first`."""
    p = database.param
    days = _Days()
    return [(name, days[on], n) for name, on, n in database.execute_sql(
        f"SELECT s.name, i.occurred_on, count(*) FROM interaction i JOIN staff s ON s.id = i.staff_id "
        f"WHERE i.occurred_on >= {p} GROUP BY s.name, i.occurred_on", [first.isoformat()])]


def logged_by_till(first: date, last: date) -> list[tuple[str, int, int, int]]:
    """(till, entries, purchases, purchases' money) of the counter log in [first, last], per till ('': before
    tills were recorded). Imported history is no till's work and is left out."""
    p = database.param
    return [(till, n, purchases, money) for till, n, purchases, money in database.execute_sql(
        f"SELECT till, count(*), sum(CASE WHEN kind = 'purchase' THEN 1 ELSE 0 END), "
        f"coalesce(sum(CASE WHEN kind = 'purchase' THEN amount_cents ELSE 0 END), 0) FROM interaction "
        f"WHERE occurred_on >= {p} AND occurred_on <= {p} AND source <> 'import' GROUP BY till",
        [first.isoformat(), last.isoformat()])]


def customer_events(customer_id: int) -> list[tuple[date, str, int | None]]:
    """(day, kind, amount) of one customer's visits, purchases and returns."""
    p = database.param
    days = _Days()
    return [(days[on], kind, amount) for on, kind, amount in database.execute_sql(
        f"SELECT occurred_on, kind, amount_cents FROM interaction WHERE customer_id = {p} "
        f"AND kind IN ('visit', 'purchase', 'return')", [customer_id])]


def in_group(kind: str, key: str, ids: Sequence[int]) -> set[int]:
    """Those of `ids` in the group: a stored segment or stage ("segment", "stage") or a tag ("tag")."""
    p = database.param
    table, column = {"segment": ("customer_segment", "segment"), "stage": ("customer_segment", "stage"),
                     "tag": ("customer_tag", "tag")}[kind]
    found: set[int] = set()
    for chunk in chunks(ids):
        found.update(cid for (cid,) in database.execute_sql(
            f"SELECT customer_id FROM {table} WHERE {column} = {p} AND customer_id IN ({marks(len(chunk))})",
            [key, *chunk]))
    return found
