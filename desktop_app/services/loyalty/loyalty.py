"""Loyalty programs, their rewards, and the append-only points ledger.

The arithmetic lives in domain/loyalty.py; this module loads a customer's account (the lots with
points left and any debt) from the ledger, asks the domain for the next posting, and writes it with
the allocations that say which lot paid for what. Every write happens inside the caller's transaction
(a purchase and the points it earns are one commit), and lots whose expiry date has come are expired
before anything is taken from an account, so expired points are never spent.

Who is a member: everyone who earns. Signup bonuses go to customers created at the counter (never to
an import); birthday bonuses to customers who already have a row in the program's ledger, so an
imported list of 100,000 people does not suddenly owe a birthday gift to each of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from desktop_app.db import loyalty as queries
from desktop_app.db.database import database, upsert
from desktop_app.db.models import (
    Customer,
    Interaction,
    LoyaltyAllocation,
    LoyaltyEntry,
    LoyaltyProgram,
    Reward,
    Setting,
)
from desktop_app.domain import loyalty as rules_mod
from desktop_app.domain.actors import OWNER, Actor
from desktop_app.domain.cadence import birthday_month_days
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
    Rules,
    Tier,
)
from desktop_app.domain.money import parse_money
from desktop_app.domain.permissions import require
from desktop_app.domain.text import clean_text
from desktop_app.services.shop import audit

SYSTEM = "Régua"  # the author of automatic rows (expiry, birthday bonus)
LAST_RUN_KEY = "loyalty_last_run"
CATCH_UP_DAYS = 7  # birthdays missed while the PC was off are still honoured this many days late


# --- programs and rewards ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RewardInfo:
    id: int | None
    name: str
    cost: int
    value_cents: int
    active: bool = True


@dataclass(frozen=True, slots=True)
class ProgramInfo:
    id: int | None
    name: str
    active: bool
    rules: Rules
    rewards: tuple[RewardInfo, ...] = ()

    @property
    def kind(self) -> str:
        return self.rules.kind

    def active_rewards(self) -> list[RewardInfo]:
        return [r for r in self.rewards if r.active]


def programs(*, active_only: bool = False) -> list[ProgramInfo]:
    query = LoyaltyProgram.select().order_by(LoyaltyProgram.id)
    if active_only:
        query = query.where(LoyaltyProgram.active == True)  # noqa: E712 - peewee expression
    rewards: dict[int, list[RewardInfo]] = defaultdict(list)
    for r in Reward.select().order_by(Reward.cost, Reward.id):
        rewards[r.program_id].append(RewardInfo(r.id, r.name, r.cost, r.value_cents, r.active))
    return [ProgramInfo(p.id, p.name, p.active, Rules.from_json(p.rules), tuple(rewards[p.id])) for p in query]


def program(program_id: int) -> ProgramInfo:
    for p in programs():
        if p.id == program_id:
            return p
    raise NotFound("program_not_found")


def reward_input(name: str, cost: str | int, value: str | int, active: bool = True,
                 reward_id: int | None = None) -> RewardInfo:
    """A reward as typed in the setup screen, checked: a name, a whole cost of at least 1, a value."""
    clean = clean_text(name)
    if not clean:
        raise ValidationError("rewards", "reward_name_required")
    try:
        cost_value = int(str(cost).strip())
    except ValueError:
        raise ValidationError("rewards", "reward_cost_invalid", name=clean) from None
    if not (1 <= cost_value <= rules_mod.MAX_POINTS):
        raise ValidationError("rewards", "reward_cost_invalid", name=clean)
    cents = parse_money(value) if not isinstance(value, int) else value
    if cents < 0:
        raise ValidationError("rewards", "amount_negative")
    return RewardInfo(reward_id, clean, cost_value, cents, active)


def save_program(info: ProgramInfo, *, actor: Actor) -> int:
    """Create or change a program and its catalogue. Rewards left out are switched off, never deleted
    (the ledger points at them). Rule changes apply to what is earned from now on."""
    require(actor, "settings.change")
    name = clean_text(info.name)
    if not name:
        raise ValidationError("name", "required")
    if len(name) > 80:
        raise ValidationError("name", "too_long", max=80)
    rules = info.rules.validated()
    checked = [reward_input(r.name, r.cost, r.value_cents, r.active, r.id) for r in info.rewards]
    if info.active and rules.kind == STAMPS and not any(r.active for r in checked):
        raise ValidationError("rewards", "stamps_need_reward")
    with database.atomic():
        now = utc_now()
        if info.id is None:
            row = LoyaltyProgram.create(name=name, kind=rules.kind, active=info.active, rules=rules.to_json(),
                                        created_at=now, updated_at=now)
        else:
            row = LoyaltyProgram.get_or_none(LoyaltyProgram.id == info.id)
            if row is None:
                raise NotFound("program_not_found")
            if row.kind != rules.kind and LoyaltyEntry.select().where(LoyaltyEntry.program == row.id).exists():
                raise ValidationError("kind", "loyalty_kind_locked")
            row.name, row.kind, row.active, row.rules, row.updated_at = name, rules.kind, info.active, \
                rules.to_json(), now
            row.save()
        kept = set()
        for r in checked:
            if r.id is None:
                kept.add(Reward.create(program=row.id, name=r.name, cost=r.cost, value_cents=r.value_cents,
                                       active=r.active).id)
            else:
                Reward.update(name=r.name, cost=r.cost, value_cents=r.value_cents, active=r.active).where(
                    (Reward.id == r.id) & (Reward.program == row.id)).execute()
                kept.add(r.id)
        Reward.update(active=False).where((Reward.program == row.id) & Reward.id.not_in(kept or {0})).execute()
        audit.record(actor, "loyalty.program", name, program=row.id, active=info.active, rules=rules.to_json())
    return row.id


# --- reading an account -------------------------------------------------------------------------------


def load_account(customer_id: int, program_id: int) -> Account:
    """The lots with points left and the debts not yet paid, from the ledger and its allocations."""
    lots, debts = queries.account_state(customer_id, program_id)
    return Account({entry_id: Lot(entry_id, left, expires_on, on) for entry_id, left, expires_on, on in lots},
                   [Debt(entry_id, unpaid) for entry_id, unpaid in debts])


# --- writing ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
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


def _write(account: Account, posting: Posting, row: _Row) -> int | None:
    """Insert the posting and its allocations; None (nothing written) if its once-key was taken."""
    entry_id = queries.insert_entry(dict(
        program_id=row.program_id, customer_id=row.customer_id, kind=posting.kind, points=posting.points,
        occurred_on=posting.on, at=utc_now(), reason=row.reason, interaction_id=row.interaction_id,
        reward_id=row.reward_id, reverses_id=row.reverses_id, expires_on=posting.expires_on, staff_id=row.staff_id,
        actor=row.actor, approved_by=row.approved_by, once_key=row.once_key, milestone=row.milestone))
    if entry_id is None:
        return None
    queries.insert_allocations([(entry_id, lot_id, n) for lot_id, n in posting.takes]
                               + [(debt_id, entry_id, n) for debt_id, n in posting.pays])
    account.apply(posting, entry_id)
    return entry_id


def _ready(customer_id: int, program_id: int, today: date) -> Account:
    """The account, with every lot due to expire by `today` expired and any leftover debt settled."""
    return _expire(load_account(customer_id, program_id), customer_id, program_id, today)


def _expire(account: Account, customer_id: int, program_id: int, today: date) -> Account:
    for posting in account.due_expiries(today):
        _write(account, posting, _Row(program_id, customer_id, "expired", SYSTEM))
    queries.insert_allocations(account.settle())
    return account


def _spendable(expires_on: date | None, today: date) -> bool:
    return expires_on is None or expires_on > today


def _actor_row(actor: Actor, program_id: int, customer_id: int, reason: str, **extra) -> _Row:
    return _Row(program_id, customer_id, reason, actor.name, staff_id=actor.staff_id, **extra)


# --- tiers --------------------------------------------------------------------------------------------------


def _tier_events(customer_id: int, p: ProgramInfo, until: date, exclude_interaction: int | None = None,
                 ) -> list[tuple[date, int]]:
    """What counts toward tiers, oldest first: cents spent (refunds negative) or purchase points."""
    r = p.rules
    since = until - timedelta(days=r.tier_window_days + r.tier_retention_days)
    if r.tier_basis == "spend":
        rows = queries.spend_events(since, until, customer_id, exclude_interaction)
    else:
        rows = queries.points_events(p.id, since, until, customer_id)
    return sorted((on, value) for _c, on, value in rows)


def _tier(p: ProgramInfo, events: list[tuple[date, int]], on: date) -> Tier | None:
    r = p.rules
    index = rules_mod.tier_index(r.tiers, events, on, r.tier_window_days, r.tier_retention_days)
    return r.tiers[index] if index >= 0 else None


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
        elif p.kind == STAMPS and rules_mod.earns_stamp(interaction.kind, interaction.amount_cents, p.rules):
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
    events = _tier_events(interaction.customer_id, p, on, exclude_interaction=interaction.id) \
        if p.rules.tiers else []
    tier = _tier(p, events, on) if p.rules.tiers else None
    points = rules_mod.points_for_purchase(interaction.amount_cents or 0, p.rules,
                                           tier.multiplier_pct if tier else 100)
    if points <= 0:
        return None
    account = _ready(interaction.customer_id, p.id, today)
    before = account.available(today)
    tier_after = tier
    if p.rules.tiers:
        value = interaction.amount_cents if p.rules.tier_basis == "spend" else points
        tier_after = _tier(p, sorted(events + [(on, value)]), on)
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
    account = _ready(interaction.customer_id, p.id, today)
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
        account = _ready(lot.customer_id, lot.program_id, today)
        posting = account.debit(REVERSE, points, today, first_lot=lot.id, allow_debt=True)
        _write(account, posting, _actor_row(actor, lot.program_id, lot.customer_id, "refund",
                                            interaction_id=refund.id, reverses_id=lot.id))
        result.append(Earned(by_id[lot.program_id].name, kind, -points))
    return result


def on_signup(customer_id: int, *, actor: Actor, today: date) -> None:
    """The welcome bonus of every active program that has one, once per customer and program."""
    for p in programs(active_only=True):
        if p.rules.welcome_bonus > 0:
            _bonus(p, customer_id, p.rules.welcome_bonus, "welcome", "welcome", today, today,
                   _actor_row(actor, p.id, customer_id, "welcome", once_key="welcome"))


def _bonus(p: ProgramInfo, customer_id: int, points: int, reason: str, key: str, on: date, today: date,
           row: _Row) -> bool:
    if queries.once_key_used(p.id, customer_id, key):
        return False
    account = _ready(customer_id, p.id, today)
    before = account.available(today)
    expires = rules_mod.expiry_for(on, p.rules)
    posting = account.credit(EARN, points, on, expires)
    row.milestone = _milestone(p, before, before + points if _spendable(expires, today) else before, None, None)
    return _write(account, posting, row) is not None  # None: another process gave it a moment ago


# --- at the counter: redeem and adjust ----------------------------------------------------------------------


def redeem(customer_id: int, reward_id: int, *, actor: Actor, today: date) -> int:
    """Spend a reward's cost from the customer's points, closest to expiring first. Returns the row id."""
    require(actor, "loyalty.redeem")
    with database.atomic():
        reward = Reward.get_or_none(Reward.id == reward_id)
        if reward is None or not reward.active:
            raise NotFound("reward_not_found")
        if not Customer.select().where(Customer.id == customer_id).exists():
            raise NotFound("customer_not_found", ref=customer_id)
        account = _ready(customer_id, reward.program_id, today)
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
    if abs(points) > p.rules.adjust_limit and actor.role != OWNER:
        if approver is None or approver.role != OWNER:
            raise ValidationError("points", "adjust_needs_owner", limit=p.rules.adjust_limit)
        approved_by = approver.name
    with database.atomic():
        if not Customer.select().where(Customer.id == customer_id).exists():
            raise NotFound("customer_not_found", ref=customer_id)
        account = _ready(customer_id, program_id, today)
        if points > 0:
            posting = account.credit(ADJUST, points, today, rules_mod.expiry_for(today, p.rules))
        else:
            posting = account.debit(ADJUST, -points, today)
        entry_id = _write(account, posting, _actor_row(actor, program_id, customer_id, text,
                                                       approved_by=approved_by))
        audit.record(actor, "loyalty.adjust", f"#{customer_id}", program=p.name, points=points, reason=text,
                     approved_by=approved_by)
    return entry_id


# --- the daily run ------------------------------------------------------------------------------------------


def run_daily(today: date, *, feb29_rule: str = "feb28") -> dict[str, int]:
    """Expire what is due and give the birthday bonuses of the days since the last run (at most a week
    back). Safe to run any number of times, from any number of processes."""
    expired = 0
    with database.atomic():
        for p in programs():
            due = {cid for cid, _exp, _left in queries.lots_left(p.id, expires_to=today)}
            for customer_id in sorted(due):
                expired += len(load_account(customer_id, p.id).due_expiries(today))
                _ready(customer_id, p.id, today)
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
                if _bonus(p, customer_id, bonus, "birthday", key, day, today,
                          _Row(p.id, customer_id, "birthday", SYSTEM, once_key=key)):
                    given += 1
    return given


# --- what the customer's page shows ---------------------------------------------------------------------


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
            events = _tier_events(customer_id, p, today)
            tier = _tier(p, events, today)
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


def ledger(customer_id: int, program_id: int) -> list[LedgerLine]:
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
    program: str
    rules: Rules
    multiplier_pct: int
    tier: str

    def points_for(self, amount_cents: int) -> int:
        if self.rules.kind == STAMPS:
            return int(rules_mod.earns_stamp("purchase", amount_cents, self.rules))
        return rules_mod.points_for_purchase(amount_cents, self.rules, self.multiplier_pct)


def earn_preview(customer_id: int, today: date) -> list[EarnPreview]:
    """What a purchase by this customer would earn today, per active program (quick log preview)."""
    result = []
    for p in programs(active_only=True):
        tier = _tier(p, _tier_events(customer_id, p, today), today) if p.rules.tiers else None
        result.append(EarnPreview(p.name, p.rules, tier.multiplier_pct if tier else 100, tier.name if tier else ""))
    return result


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
        _ready(keep_id, program_id, today)


def has_entries(customer_ids: Iterable[int]) -> bool:
    ids = list(customer_ids)
    return bool(ids) and LoyaltyEntry.select().where(LoyaltyEntry.customer.in_(ids)).exists()


# --- reports and events -------------------------------------------------------------------------------------


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


def default_program(currency_symbol: str = "R$") -> ProgramInfo:
    """What the setup screen offers first: 1 point per currency unit, a year to spend them, three tiers."""
    rules = Rules(kind=POINTS, points=1, per_cents=100, rounding="down", expiry_months=12, welcome_bonus=20,
                  birthday_bonus=50, tier_basis="spend", tier_window_days=365, tier_retention_days=90,
                  tiers=(Tier("Bronze", 0, 100), Tier("Prata", 100_000, 125), Tier("Ouro", 300_000, 150)))
    return ProgramInfo(None, "Clube", True, rules, (RewardInfo(None, f"Vale {currency_symbol} 10", 200, 1000),
                                                     RewardInfo(None, f"Vale {currency_symbol} 30", 500, 3000)))

