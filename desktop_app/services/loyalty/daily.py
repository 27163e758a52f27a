"""The daily run: expire the lots whose date has come and give the birthday bonuses of the days since
the last run. Safe to run any number of times, from any number of processes (every row it writes has
a once-key or is an expiry the ledger would write anyway)."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.db import loyalty as queries
from desktop_app.db.database import database, upsert
from desktop_app.db.models import Customer, LoyaltyEntry, Setting
from desktop_app.domain.cadence import birthday_month_days
from desktop_app.services.loyalty.ledger import SYSTEM, Row, give_bonus, load_account, ready_account
from desktop_app.services.loyalty.programs import programs

LAST_RUN_KEY = "loyalty_last_run"
CATCH_UP_DAYS = 7  # birthdays missed while the PC was off are still honoured this many days late


def run_daily(today: date, *, feb29_rule: str = "feb28") -> dict[str, int]:
    """Expire what is due and give the birthday bonuses of the days since the last run (at most a week
    back). Safe to run any number of times, from any number of processes."""
    expired = 0
    with database.atomic():
        for p in programs():
            due = {cid for cid, _exp, _left in queries.lots_left(p.id, expires_to=today)}
            for customer_id in sorted(due):
                expired += len(load_account(customer_id, p.id).due_expiries(today))
                ready_account(customer_id, p.id, today)
    given = 0
    last = Setting.get_or_none(Setting.key == LAST_RUN_KEY)
    start = today
    if last is not None:
        start = max(date.fromisoformat(last.value.strip('"')) + timedelta(days=1), today - timedelta(days=CATCH_UP_DAYS))
    day = start
    while day <= today:
        given += _birthday_bonuses(day, today, feb29_rule)
        day += timedelta(days=1)
    with database.atomic():
        upsert(Setting.insert(key=LAST_RUN_KEY, value=f'"{today.isoformat()}"'), [Setting.key], [Setting.value]).execute()
    return {"expired": expired, "birthday_bonuses": given}


def _birthday_bonuses(day: date, today: date, feb29_rule: str) -> int:
    given = 0
    for p in programs(active_only=True):
        bonus = p.rules.birthday_bonus
        if bonus <= 0:
            continue
        quiet = day - timedelta(days=p.rules.birthday_quiet_days)
        members = LoyaltyEntry.select(LoyaltyEntry.customer).where(LoyaltyEntry.program == p.id).distinct()
        query = (Customer.select(Customer.id)
                 .where(Customer.birthday_md.in_(birthday_month_days(day, feb29_rule)) & Customer.id.in_(members)
                        & (Customer.birthday_set_on.is_null() | (Customer.birthday_set_on <= quiet))).tuples())
        for (customer_id,) in query:
            with database.atomic():
                key = f"birthday:{day.year}"
                if give_bonus(p, customer_id, bonus, "birthday", key, day, today,
                              Row(p.id, customer_id, "birthday", SYSTEM, once_key=key)):
                    given += 1
    return given
