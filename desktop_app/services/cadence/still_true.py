"""Occasions about points (a reward reached, points expiring) are true only while the points are: a refund
can take a reward back, points can be spent or taken back before they expire. The planner withdraws what
stopped being true, Today and `regua due` leave it out, and staff and the sender check it again at the
moment of acting."""

from __future__ import annotations

from datetime import date

from desktop_app.db.models import Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.loyalty import Account
from desktop_app.services.loyalty import ledger, programs

BELOW_REWARD = "below_reward"  # a "reward reached" whose customer's points no longer reach any reward (a refund)
POINTS_GONE = "points_gone"  # a "points expiring" whose points were spent or taken back meanwhile
LOYALTY_STEPS = (c.REWARD_REACHED, c.POINTS_EXPIRING)  # occasions about points, true only while the points are


def untrue(found: list[tuple[object, int, str, str, int | None]], today: date) -> dict[object, str]:
    """Of the occasions given as (key, customer id, step, occurrence, program id), the keys of those about
    points that are no longer true on `today`, with why: a reward reached that the customer's points no
    longer reach (a refund took them back: BELOW_REWARD), points expiring that were spent or taken back
    meanwhile (POINTS_GONE). Other steps are always true here. One ledger read per customer and program."""
    asked = [f for f in found if f[2] in LOYALTY_STEPS and f[4] is not None]
    if not asked:
        return {}
    cheapest = {p.id: min((r.cost for r in p.active_rewards()), default=None) for p in programs.programs()}
    accounts: dict[tuple[int, int], Account] = {}
    result: dict[object, str] = {}
    for key, cid, step, occurrence, program_id in asked:
        account = accounts.get((cid, program_id))
        if account is None:
            account = accounts[(cid, program_id)] = ledger.load_account(cid, program_id)
        if step == c.REWARD_REACHED:
            cost = cheapest.get(program_id)
            if cost is None or account.available(today) < cost:
                result[key] = BELOW_REWARD
        else:
            expires = _expiry_of(occurrence)  # points_expiring:<program>:<expiry date>:<days before>
            if expires is not None and account.expiring(expires, expires) <= 0:
                result[key] = POINTS_GONE
    return result


def _expiry_of(occurrence: str) -> date | None:
    try:
        return date.fromisoformat(occurrence.split(":")[2])
    except (IndexError, ValueError):
        return None


def no_longer_true(outbox_id: int, today: date) -> str:
    """Why an outbox row about points is no longer true on `today` (BELOW_REWARD, POINTS_GONE), or ""."""
    row = Outbox.get_or_none(Outbox.id == outbox_id)
    if row is None:
        return ""
    return untrue([(row.id, row.customer_id, row.step, row.occurrence, row.ref_id)], today).get(row.id, "")
