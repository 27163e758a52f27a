"""The append-only points ledger: earning (purchases, visits, the welcome bonus), taking back what a
refunded purchase earned, redeeming a reward, manual adjustments, and moving a merged customer's rows.

The arithmetic lives in domain/loyalty.py; this module loads a customer's account (the lots with
points left and any debt) from the ledger, asks the domain for the next posting, and writes it with
the allocations that say which lot paid for what. Every write happens inside the caller's transaction
(a purchase and the points it earns are one commit), and lots whose expiry date has come are expired
before anything is taken from an account, so expired points are never spent.

Who is a member: everyone who earns. Signup bonuses go to customers created at the counter (never to
an import); birthday bonuses (services/loyalty/daily.py) to customers who already have a row in the
program's ledger, so an imported list of 100,000 people does not suddenly owe a birthday gift to each
of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop_app.db import loyalty as queries
from desktop_app.db.database import write
from desktop_app.db.models import Customer, Interaction, LoyaltyEntry, Reward
from desktop_app.domain import loyalty as rules_mod
from desktop_app.domain.actors import OWNER, Actor
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.loyalty import (
    ADJUST,
    EARN,
    POINTS,
    REDEEM,
    REVERSE,
    STAMPS,
    Account,
    Debt,
    Lot,
    Posting,
    Tier,
)
from desktop_app.domain.permissions import require
from desktop_app.domain.text import clean_text
from desktop_app.services.loyalty.programs import ProgramInfo, program, programs
from desktop_app.services.loyalty.tiers import tier_events, tier_on
from desktop_app.services.shop import audit

SYSTEM = "Régua"  # the author of automatic rows (expiry, birthday bonus)


# --- reading an account -------------------------------------------------------------------------------


def load_account(customer_id: int, program_id: int) -> Account:
    """The lots with points left and the debts not yet paid, from the ledger and its allocations."""
    lots, debts = queries.account_state(customer_id, program_id)
    return Account({entry_id: Lot(entry_id, left, expires_on, on) for entry_id, left, expires_on, on in lots},
                   [Debt(entry_id, unpaid) for entry_id, unpaid in debts])


# --- writing ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """Who and what a ledger row is about, besides its posting."""

    program_id: int
    customer_id: int
    reason: str
    actor: str
    staff_id: int | None = None
    interaction_id: int | None = None
    reward_id: int | None = None
    reverses_id: int | None = None
    once_key: str | None = None
    milestone: str | None = None
    approved_by: str = ""
    till: str = ""  # where it was written ('' for Régua's own rows: expiry, birthday bonus)


def _write(account: Account, posting: Posting, row: Row) -> int | None:
    """Insert the posting and its allocations; None (nothing written) if its once-key was taken."""
    entry_id = queries.insert_entry(dict(
        program_id=row.program_id, customer_id=row.customer_id, kind=posting.kind, points=posting.points,
        occurred_on=posting.on, at=utc_now(), reason=row.reason, interaction_id=row.interaction_id,
        reward_id=row.reward_id, reverses_id=row.reverses_id, expires_on=posting.expires_on, staff_id=row.staff_id,
        actor=row.actor, approved_by=row.approved_by, once_key=row.once_key, milestone=row.milestone, till=row.till))
    if entry_id is None:
        return None
    queries.insert_allocations([(entry_id, lot_id, n) for lot_id, n in posting.takes]
                               + [(debt_id, entry_id, n) for debt_id, n in posting.pays])
    account.apply(posting, entry_id)
    return entry_id


def ready_account(customer_id: int, program_id: int, today: date) -> Account:
    """The account, with every lot due to expire by `today` expired and any leftover debt settled."""
    return _expire(load_account(customer_id, program_id), customer_id, program_id, today)


def _expire(account: Account, customer_id: int, program_id: int, today: date) -> Account:
    for posting in account.due_expiries(today):
        _write(account, posting, Row(program_id, customer_id, "expired", SYSTEM))
    queries.insert_allocations(account.settle())
    return account


def _spendable(expires_on: date | None, today: date) -> bool:
    return expires_on is None or expires_on > today


def _actor_row(actor: Actor, program_id: int, customer_id: int, reason: str, **extra) -> Row:
    return Row(program_id, customer_id, reason, actor.name, staff_id=actor.staff_id, till=actor.till, **extra)


# --- earning from the counter -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Earned:
    program: str
    kind: str  # points | stamps
    points: int  # negative for a reverse
    tier: str = ""


def on_interaction(interaction: Interaction, *, actor: Actor, today: date,
                   known: list[ProgramInfo] | None = None) -> list[Earned]:
    """Points and stamps for a purchase or visit just logged, or the reverse for a return. Runs in the
    caller's transaction. Imported history earns nothing (its points, if any, came from another system)."""
    if interaction.source == "import":
        return []
    if interaction.kind not in ("purchase", "visit", "return"):
        return []
    every = programs() if known is None else known  # `known`: a caller replaying many rows loads them once
    if interaction.kind == "return":
        return _reverse_for_refund(interaction, every, actor=actor, today=today)
    result = []
    for p in (p for p in every if p.active):
        if p.kind == POINTS and interaction.kind == "purchase":
            earned = _earn_points(p, interaction, actor=actor, today=today)
        elif p.kind == STAMPS and rules_mod.earned_by_entry(interaction.kind, interaction.amount_cents,
                                                            p.rules):
            earned = _earn_stamp(p, interaction, actor=actor, today=today)
        else:
            earned = None
        if earned is not None:
            result.append(earned)
    return result


def _milestone(p: ProgramInfo, before: int, after: int, tier_before: Tier | None, tier_after: Tier | None) -> str | None:
    marks = []
    costs = [r.cost for r in p.active_rewards()]
    if costs and before < min(costs) <= after:
        marks.append("reward")
    if tier_after is not None and (tier_before is None or tier_after.threshold > tier_before.threshold):
        marks.append(f"tier:{tier_after.name}")
    return "\n".join(marks) or None


def _earn_points(p: ProgramInfo, interaction: Interaction, *, actor: Actor, today: date) -> Earned | None:
    on = interaction.occurred_on
    events = tier_events(interaction.customer_id, p, on, exclude_interaction=interaction.id) \
        if p.rules.tiers else []
    tier = tier_on(p, events, on) if p.rules.tiers else None
    points = rules_mod.earned_by_entry("purchase", interaction.amount_cents, p.rules,
                                       tier.multiplier_pct if tier else 100)
    if points <= 0:
        return None
    account = ready_account(interaction.customer_id, p.id, today)
    before = account.available(today)
    tier_after = tier
    if p.rules.tiers:
        value = interaction.amount_cents if p.rules.tier_basis == "spend" else points
        tier_after = tier_on(p, sorted(events + [(on, value)]), on)
    expires = rules_mod.expiry_for(on, p.rules)
    posting = account.credit(EARN, points, on, expires)
    after = before + points if _spendable(expires, today) else before
    _write(account, posting, _actor_row(actor, p.id, interaction.customer_id, "purchase",
                                        interaction_id=interaction.id,
                                        milestone=_milestone(p, before, after, tier, tier_after)))
    _expire(account, interaction.customer_id, p.id, today)  # logged long after the fact: may be expired already
    return Earned(p.name, POINTS, points, tier.name if tier else "")


def _earn_stamp(p: ProgramInfo, interaction: Interaction, *, actor: Actor, today: date) -> Earned | None:
    on = interaction.occurred_on
    key = f"stamp:{on.isoformat()}"
    if queries.once_key_used(p.id, interaction.customer_id, key):
        return None  # one stamp a day, however many things happened that day
    account = ready_account(interaction.customer_id, p.id, today)
    before = account.available(today)
    expires = rules_mod.expiry_for(on, p.rules)
    posting = account.credit(EARN, 1, on, expires)
    after = before + 1 if _spendable(expires, today) else before
    _write(account, posting, _actor_row(actor, p.id, interaction.customer_id, interaction.kind,
                                        interaction_id=interaction.id, once_key=key,
                                        milestone=_milestone(p, before, after, None, None)))
    _expire(account, interaction.customer_id, p.id, today)
    return Earned(p.name, STAMPS, 1)


def _reverse_for_refund(refund: Interaction, every: list[ProgramInfo], *, actor: Actor, today: date,
                        ) -> list[Earned]:
    """Take back what the refunded purchase earned: in proportion (rounded up) for points, the stamp
    only when the whole purchase came back. First from the purchase's own lot, then from the others;
    if they were spent already, the balance goes negative."""
    purchase = Interaction.get_or_none(Interaction.id == refund.related_id)
    if purchase is None:
        return []
    refunded = queries.refunded_total(purchase.id)
    result = []
    by_id = {p.id: p for p in every}
    for lot in LoyaltyEntry.select().where((LoyaltyEntry.interaction == purchase.id) & (LoyaltyEntry.kind == EARN)):
        done = queries.reversed_total(lot.id)
        kind = by_id[lot.program_id].kind
        if kind == STAMPS:
            target = lot.points if refunded >= (purchase.amount_cents or 0) else 0
        else:
            target = rules_mod.reversal_target(lot.points, refunded, purchase.amount_cents or 0)
        points = target - done
        if points <= 0:
            continue
        account = ready_account(lot.customer_id, lot.program_id, today)
        posting = account.debit(REVERSE, points, today, first_lot=lot.id, allow_debt=True)
        _write(account, posting, _actor_row(actor, lot.program_id, lot.customer_id, "refund",
                                            interaction_id=refund.id, reverses_id=lot.id))
        result.append(Earned(by_id[lot.program_id].name, kind, -points))
    return result


def on_signup(customer_id: int, *, actor: Actor, today: date) -> None:
    """The welcome bonus of every active program that has one, once per customer and program."""
    for p in programs(active_only=True):
        if p.rules.welcome_bonus > 0:
            give_bonus(p, customer_id, p.rules.welcome_bonus, "welcome", "welcome", today, today,
                       _actor_row(actor, p.id, customer_id, "welcome", once_key="welcome"))


def give_bonus(p: ProgramInfo, customer_id: int, points: int, reason: str, key: str, on: date, today: date,
               row: Row) -> bool:
    """Credit a bonus dated `on`, once per `key` (the welcome, a year's birthday); False if it was given."""
    if queries.once_key_used(p.id, customer_id, key):
        return False
    account = ready_account(customer_id, p.id, today)
    before = account.available(today)
    expires = rules_mod.expiry_for(on, p.rules)
    posting = account.credit(EARN, points, on, expires)
    row.milestone = _milestone(p, before, before + points if _spendable(expires, today) else before, None, None)
    return _write(account, posting, row) is not None  # None: another process gave it a moment ago


# --- at the counter: redeem and adjust ----------------------------------------------------------------------


def redeem(customer_id: int, reward_id: int, *, actor: Actor, today: date) -> int:
    """Spend a reward's cost from the customer's points, closest to expiring first. Returns the row id."""
    require(actor, "loyalty.redeem")
    with write():  # the lock up front: two tills' postings for one account take turns
        reward = Reward.get_or_none(Reward.id == reward_id)
        if reward is None or not reward.active:
            raise NotFound("reward_not_found")
        if not Customer.select().where(Customer.id == customer_id).exists():
            raise NotFound("customer_not_found", ref=customer_id)
        account = ready_account(customer_id, reward.program_id, today)
        posting = account.debit(REDEEM, reward.cost, today)
        return _write(account, posting, _actor_row(actor, reward.program_id, customer_id, reward.name,
                                                   reward_id=reward.id))


def adjust(customer_id: int, program_id: int, points: int, reason: str, *, actor: Actor, today: date,
           approver: Actor | None = None) -> int:
    """A manual correction with its reason. Above the program's limit a manager needs the owner's
    approval (`approver`, an owner who just typed her PIN). It never takes more than is there."""
    require(actor, "loyalty.adjust")
    text = clean_text(reason)
    if not text:
        raise ValidationError("reason", "reason_required")
    if len(text) > rules_mod.MAX_REASON:
        raise ValidationError("reason", "too_long", max=rules_mod.MAX_REASON)
    if isinstance(points, bool) or not isinstance(points, int) or points == 0 \
            or abs(points) > rules_mod.MAX_POINTS:
        raise ValidationError("points", "adjust_points_invalid")
    p = program(program_id)
    approved_by = ""
    if rules_mod.adjustment_needs_owner(points, p.rules.adjust_limit, actor.role):
        if approver is None or approver.role != OWNER:
            raise ValidationError("points", "adjust_needs_owner", limit=p.rules.adjust_limit)
        approved_by = approver.name
    with write():  # the lock up front: two tills' postings for one account take turns
        if not Customer.select().where(Customer.id == customer_id).exists():
            raise NotFound("customer_not_found", ref=customer_id)
        account = ready_account(customer_id, program_id, today)
        if points > 0:
            posting = account.credit(ADJUST, points, today, rules_mod.expiry_for(today, p.rules))
        else:
            posting = account.debit(ADJUST, -points, today)
        entry_id = _write(account, posting, _actor_row(actor, program_id, customer_id, text,
                                                       approved_by=approved_by))
        audit.record(actor, "loyalty.adjust", f"#{customer_id}", program=p.name, points=points, reason=text,
                     approved_by=approved_by)
    return entry_id


# --- merging two customers ----------------------------------------------------------------------------------


def merge_accounts(keep_id: int, other_id: int, *, today: date) -> None:
    """Move `other`'s ledger to `keep` (inside the merge's transaction). A bonus both got stays on the
    books twice (it was given twice) but its once-key is made unique; debts are then paid from lots."""
    keys = {k for (k,) in LoyaltyEntry.select(LoyaltyEntry.once_key)
            .where((LoyaltyEntry.customer == keep_id) & LoyaltyEntry.once_key.is_null(False)).tuples()}
    for e in LoyaltyEntry.select().where((LoyaltyEntry.customer == other_id) & LoyaltyEntry.once_key.in_(keys or {""})):
        LoyaltyEntry.update(once_key=f"{e.once_key}@{e.id}").where(LoyaltyEntry.id == e.id).execute()
    LoyaltyEntry.update(customer=keep_id).where(LoyaltyEntry.customer == other_id).execute()
    for (program_id,) in LoyaltyEntry.select(LoyaltyEntry.program).where(LoyaltyEntry.customer == keep_id) \
            .distinct().tuples():
        ready_account(keep_id, program_id, today)


def has_entries(customer_ids: Iterable[int]) -> bool:
    ids = list(customer_ids)
    return bool(ids) and LoyaltyEntry.select().where(LoyaltyEntry.customer.in_(ids)).exists()
