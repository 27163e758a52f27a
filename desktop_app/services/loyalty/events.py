"""Loyalty events the régua may tell a customer about: a reward or a tier reached (from the ledger rows
that reached them) and points about to expire."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.db import loyalty as queries
from desktop_app.db.models import LoyaltyEntry
from desktop_app.services.loyalty.programs import programs


@dataclass(frozen=True, slots=True)
class Event:
    """Something the cadence may tell the customer about; `key` is unique per occasion."""

    on: date
    step: str  # reward_reached | tier_reached | points_expiring
    customer_id: int
    program_id: int
    key: str
    points: int = 0
    detail: str = ""  # tier name, or days before the expiry


def events(start: date, end: date) -> list[Event]:
    """Loyalty events dated in [start, end]: rewards and tiers reached (from the ledger rows that
    reached them) and points expiring in 30 and in 7 days."""
    result = []
    for e in LoyaltyEntry.select().where(LoyaltyEntry.milestone.is_null(False) & (LoyaltyEntry.occurred_on >= start)
                                         & (LoyaltyEntry.occurred_on <= end)).order_by(LoyaltyEntry.id):
        for mark in e.milestone.split("\n"):
            if mark == "reward":
                result.append(Event(e.occurred_on, "reward_reached", e.customer_id, e.program_id,
                                    f"reward_reached:{e.id}", e.points))
            elif mark.startswith("tier:"):
                result.append(Event(e.occurred_on, "tier_reached", e.customer_id, e.program_id,
                                    f"tier_reached:{e.id}", detail=mark[5:]))
    for days in (30, 7):
        lo, hi = start + timedelta(days=days), end + timedelta(days=days)
        for p in programs(active_only=True):
            grouped: dict[tuple[int, date], int] = defaultdict(int)
            for customer_id, exp, left in queries.lots_left(p.id, expires_from=lo, expires_to=hi):
                grouped[(customer_id, exp)] += left
            for (customer_id, exp), left in sorted(grouped.items()):
                result.append(Event(exp - timedelta(days=days), "points_expiring", customer_id, p.id,
                                    f"points_expiring:{p.id}:{exp.isoformat()}:{days}", left, str(days)))
    result.sort(key=lambda ev: (ev.on, ev.customer_id, ev.key))
    return result
