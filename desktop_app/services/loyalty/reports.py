"""The loyalty report: per program, what the shop owes in points and what that is worth, what expires
next month, how much of what was earned was redeemed, and how many customers sit in each tier."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from desktop_app.db import loyalty as queries
from desktop_app.domain import loyalty as rules_mod
from desktop_app.domain.actors import Actor
from desktop_app.domain.loyalty import EARN, REDEEM
from desktop_app.domain.permissions import require
from desktop_app.services.loyalty.programs import ProgramInfo, programs


@dataclass(frozen=True, slots=True)
class ProgramReport:
    program: str
    kind: str
    members: int
    outstanding: int  # points or stamps not yet spent nor expired
    value_cents: int  # what they are worth at the catalogue's most generous rate
    expiring_next_month: int
    earned_12m: int
    redeemed_12m: int
    per_tier: tuple[tuple[str, int], ...]
    negative_balances: int

    @property
    def redemption_rate(self) -> float | None:
        return None if self.earned_12m <= 0 else self.redeemed_12m / self.earned_12m


def balances_and_tiers(p: ProgramInfo, today: date) -> dict[int, tuple[int, int]]:
    """customer id -> (balance available today, tier index or -1), for every member of the program."""
    balances = queries.balances(p.id)
    for customer_id, _exp, left in queries.lots_left(p.id, expires_to=today):
        balances[customer_id] -= left  # due to expire, not yet written: not spendable
    r = p.rules
    if not r.tiers:
        return {cid: (balance, -1) for cid, balance in balances.items()}
    since = today - timedelta(days=r.tier_window_days + r.tier_retention_days)
    rows = queries.spend_events(since, today) if r.tier_basis == "spend" else queries.points_events(p.id, since, today)
    per_customer: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for customer_id, on, value in rows:
        per_customer[customer_id].append((on, value))
    result = {}
    for customer_id, balance in balances.items():
        history = per_customer.get(customer_id)
        tier = rules_mod.tier_index(r.tiers, sorted(history or ()), today, r.tier_window_days,
                                    r.tier_retention_days)
        result[customer_id] = (balance, tier)
    return result


def _best_rate(p: ProgramInfo) -> Fraction:
    rates = [Fraction(r.value_cents, r.cost) for r in p.active_rewards() if r.cost > 0]
    return max(rates) if rates else Fraction(0)


def report(today: date, *, actor: Actor) -> list[ProgramReport]:
    """Per program: what the shop owes in points and what that is worth, what expires next month, how
    much of what was earned in the last 12 months was redeemed, and how many customers sit in each tier."""
    require(actor, "loyalty.report")
    first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    after_next = (first_next + timedelta(days=32)).replace(day=1)
    year_ago = today - timedelta(days=365)
    result = []
    for p in programs():
        accounts = balances_and_tiers(p, today)
        valid = [(exp, left) for _cid, exp, left in queries.lots_left(p.id) if exp is None or exp > today]
        outstanding = sum(left for _exp, left in valid)
        expiring = sum(left for exp, left in valid if exp and first_next <= exp < after_next)

        counts: dict[int, int] = defaultdict(int)
        for _balance, tier in accounts.values():
            counts[tier] += 1
        per_tier = tuple((t.name, counts.get(i, 0)) for i, t in enumerate(p.rules.tiers))
        if p.rules.tiers:
            per_tier = (("", counts.get(-1, 0)),) + per_tier
        result.append(ProgramReport(
            p.name, p.kind, len(accounts), outstanding, round(outstanding * _best_rate(p)), expiring,
            queries.total(p.id, EARN, year_ago), queries.total(p.id, REDEEM, year_ago), per_tier, sum(1 for b, _t in accounts.values() if b < 0)))
    return result


@dataclass(frozen=True, slots=True)
class Owed:
    program: str
    kind: str
    outstanding: int  # points or stamps earned, not yet spent or expired
    value_cents: int  # at the most generous reward's rate


def liability(today: date) -> list[Owed]:
    """What the shop owes per program, without the per-customer balances the full report works out."""
    result = []
    for p in programs():
        outstanding = sum(left for _cid, exp, left in queries.lots_left(p.id) if exp is None or exp > today)
        result.append(Owed(p.name, p.kind, outstanding, round(outstanding * _best_rate(p))))
    return result
