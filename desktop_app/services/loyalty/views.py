"""What the screens show of a customer's points: the card on the customer's page (balance, expiry,
tier, next reward), the statement line by line, and the quick log's preview and confirmation."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.db import loyalty as queries
from desktop_app.db.models import LoyaltyAllocation, LoyaltyEntry
from desktop_app.domain import loyalty as rules_mod
from desktop_app.domain.loyalty import Rules
from desktop_app.services.loyalty.ledger import Earned, load_account
from desktop_app.services.loyalty.programs import RewardInfo, programs
from desktop_app.services.loyalty.tiers import tier_events, tier_on


@dataclass(frozen=True, slots=True)
class Summary:
    program_id: int
    program: str
    kind: str
    balance: int  # available today; negative when a refund took back points already spent
    expiring_soon: int  # within 30 days
    next_expiry: date | None
    tier: str
    multiplier_pct: int
    next_tier: str
    to_next_tier: int  # cents or points still missing
    tier_basis: str
    next_reward: str
    to_next_reward: int
    affordable: tuple[RewardInfo, ...] = ()


def summaries(customer_id: int, today: date) -> list[Summary]:
    """One line per program the customer takes part in (or could: every active program)."""
    result = []
    for p in programs():
        account = load_account(customer_id, p.id)
        if not p.active and not account.lots and not account.debts:
            continue
        balance = account.available(today)
        soon = sum(lot.remaining for lot in account.lots.values()
                   if lot.expires_on and today < lot.expires_on <= today + timedelta(days=30))
        expiries = [lot.expires_on for lot in account.lots.values() if lot.expires_on and lot.expires_on > today]
        tier, next_tier, missing = None, None, 0
        if p.rules.tiers:
            events = tier_events(customer_id, p, today)
            tier = tier_on(p, events, today)
            higher = [t for t in p.rules.tiers if tier is None or t.threshold > tier.threshold]
            if higher:
                next_tier = higher[0]
                missing = next_tier.threshold - rules_mod.window_total(events, today, p.rules.tier_window_days)
        rewards = p.active_rewards()  # a program switched off stops earning; its points can still be spent
        above = sorted((r for r in rewards if r.cost > balance), key=lambda r: r.cost)
        result.append(Summary(
            p.id, p.name, p.kind, balance, soon, min(expiries) if expiries else None,
            tier.name if tier else "", tier.multiplier_pct if tier else 100,
            next_tier.name if next_tier else "", max(missing, 0), p.rules.tier_basis,
            above[0].name if above else "", above[0].cost - balance if above else 0,
            tuple(r for r in rewards if r.cost <= balance)))
    return result


@dataclass(frozen=True, slots=True)
class LedgerLine:
    id: int
    on: date
    kind: str
    points: int
    balance: int  # running sum of the ledger after this row
    reason: str
    actor: str
    approved_by: str
    expires_on: date | None
    taken_from: tuple[tuple[date, int], ...]  # (earned on, points) of the lots a removal used


def ledger_lines(customer_id: int, program_id: int) -> list[LedgerLine]:
    """Every row of the customer's ledger in the program, oldest first, with the running balance."""
    rows = list(LoyaltyEntry.select().where((LoyaltyEntry.customer == customer_id)
                                            & (LoyaltyEntry.program == program_id)).order_by(LoyaltyEntry.id))
    dates = {r.id: r.occurred_on for r in rows}
    takes: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for a in LoyaltyAllocation.select().where(LoyaltyAllocation.debit.in_([r.id for r in rows if r.points < 0])):
        takes[a.debit_id].append((dates.get(a.lot_id, date.min), a.points))
    result, total = [], 0
    for r in rows:
        total += r.points
        result.append(LedgerLine(r.id, r.occurred_on, r.kind, r.points, total, r.reason, r.actor, r.approved_by,
                                 r.expires_on, tuple(sorted(takes.get(r.id, ())))))
    return result


def earned_by(interaction_id: int) -> list[Earned]:
    """What one interaction earned or took back, per program (for the quick log's confirmation)."""
    names = {p.id: (p.name, p.kind) for p in programs()}
    return [Earned(names[pid][0], names[pid][1], points) for pid, points in queries.per_interaction(interaction_id)
            if points]


@dataclass(frozen=True, slots=True)
class EarnPreview:
    """One active program as the quick log previews it: what an entry earns is
    domain.loyalty.earned_by_entry(kind, amount, rules, multiplier_pct)."""

    program: str
    rules: Rules
    multiplier_pct: int
    tier: str


def earn_preview(customer_id: int, today: date) -> list[EarnPreview]:
    """What a purchase by this customer would earn today, per active program (quick log preview)."""
    result = []
    for p in programs(active_only=True):
        tier = tier_on(p, tier_events(customer_id, p, today), today) if p.rules.tiers else None
        result.append(EarnPreview(p.name, p.rules, tier.multiplier_pct if tier else 100, tier.name if tier else ""))
    return result
