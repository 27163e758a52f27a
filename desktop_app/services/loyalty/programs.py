"""The shop's loyalty programs and their catalogues of rewards: reading them, checking what the setup
screen typed, saving, and the program the setup screen offers first.

A program's rules are domain/loyalty.py's Rules, stored as JSON; changing them affects only what is
earned afterwards. Rewards are never deleted (the ledger points at them), only switched off.
Every other module of the package reads programs through `programs()`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desktop_app.db.database import database
from desktop_app.db.models import LoyaltyEntry, LoyaltyProgram, Reward
from desktop_app.domain import loyalty as rules_mod
from desktop_app.domain.actors import Actor
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.loyalty import POINTS, STAMPS, Rules, Tier
from desktop_app.domain.money import parse_money
from desktop_app.domain.permissions import require
from desktop_app.domain.text import clean_text
from desktop_app.services.shop import audit


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


def default_program(currency_symbol: str = "R$") -> ProgramInfo:
    """What the setup screen offers first: 1 point per currency unit, a year to spend them, three tiers."""
    rules = Rules(kind=POINTS, points=1, per_cents=100, rounding="down", expiry_months=12, welcome_bonus=20,
                  birthday_bonus=50, tier_basis="spend", tier_window_days=365, tier_retention_days=90,
                  tiers=(Tier("Bronze", 0, 100), Tier("Prata", 100_000, 125), Tier("Ouro", 300_000, 150)))
    return ProgramInfo(None, "Clube", True, rules, (RewardInfo(None, f"Vale {currency_symbol} 10", 200, 1000),
                                                     RewardInfo(None, f"Vale {currency_symbol} 30", 500, 3000)))
