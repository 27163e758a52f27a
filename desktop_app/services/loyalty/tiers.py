"""Which tier a customer holds in a program on a day: what counts toward tiers (cents spent, refunds
negative, or purchase points), read from the shop's records, and the domain's answer over the rolling
window and its retention period. Earning (the tier's multiplier) and the customer's card both ask here.
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.db import loyalty as queries
from desktop_app.domain import loyalty as rules_mod
from desktop_app.domain.loyalty import Tier
from desktop_app.services.loyalty.programs import ProgramInfo


def tier_events(customer_id: int, p: ProgramInfo, until: date, exclude_interaction: int | None = None,
                ) -> list[tuple[date, int]]:
    """What counts toward tiers, oldest first: cents spent (refunds negative) or purchase points."""
    r = p.rules
    since = until - timedelta(days=r.tier_window_days + r.tier_retention_days)
    if r.tier_basis == "spend":
        rows = queries.spend_events(since, until, customer_id, exclude_interaction)
    else:
        rows = queries.points_events(p.id, since, until, customer_id)
    return sorted((on, value) for _c, on, value in rows)


def tier_on(p: ProgramInfo, events: list[tuple[date, int]], on: date) -> Tier | None:
    """The tier held on `on` given `events` (from tier_events), or None below the first."""
    r = p.rules
    index = rules_mod.tier_index(r.tiers, events, on, r.tier_window_days, r.tier_retention_days)
    return r.tiers[index] if index >= 0 else None
