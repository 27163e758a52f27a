"""Staff accounts: PINs hashed with argon2id, logging in with a lockout, and the owner's staff list.

Five wrong PINs in a row lock the account for a minute; each further lockout before a good PIN doubles
the wait (2, 4, 8... up to an hour). The shared shop PC therefore cannot be walked through by guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop_app.db.database import database
from desktop_app.db.models import Staff
from desktop_app.domain.actors import OWNER, ROLES, Actor
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.permissions import require
from desktop_app.domain.text import clean_text, fold
from desktop_app.services.shop import audit

# OWASP's argon2id setting: 19 MiB, 2 passes, 1 lane. Tens of milliseconds per PIN on a shop PC.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
TRIES_BEFORE_LOCK = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(hours=1)
MIN_PIN = 4
DEMO_PIN = "1234"


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    name: str
    role: str
    active: bool
    has_pin: bool


def _member(s: Staff) -> StaffMember:
    return StaffMember(s.id, s.name, s.role, bool(s.active), bool(s.pin_hash))


def _check_pin(pin: str) -> str:
    pin = pin or ""
    if len(pin.strip()) < MIN_PIN:
        raise ValidationError("pin", "pin_too_short")
    return pin


def hash_pin(pin: str) -> str:
    return HASHER.hash(_check_pin(pin))


def accounts(*, include_inactive: bool = False) -> list[StaffMember]:
    """Who can log in (active accounts with a PIN), owners first, then by name."""
    query = Staff.select().order_by(Staff.name)
    members = [_member(s) for s in query if include_inactive or (s.active and s.pin_hash)]
    return sorted(members, key=lambda m: (m.role != OWNER, m.name.casefold()))


def needs_owner() -> bool:
    """True until an active owner with a PIN exists (a new shop, or one made before logins existed)."""
    return not Staff.select().where((Staff.role == OWNER) & (Staff.active == True)  # noqa: E712
                                & Staff.pin_hash.is_null(False)).exists()


def _validated(name: str, role: str, exclude_id: int | None = None) -> str:
    name = clean_text(name)
    if not name:
        raise ValidationError("name", "required")
    if len(name) > 80:
        raise ValidationError("name", "too_long", max=80)
    if role not in ROLES:
        raise ValidationError("role", "role_invalid")
    # "daniela" beside "Daniela" (or "Joao" beside "João") could not be told apart in the login's list
    folded = fold(name)
    taken = next((s.name for s in Staff.select(Staff.id, Staff.name)
                  if s.id != exclude_id and fold(s.name) == folded), None)
    if taken is not None:
        raise ValidationError("name", "staff_name_taken", name=taken)
    return name


def create_first_owner(name: str, pin: str) -> Actor:
    """The first-run wizard's owner account; refused once an owner exists."""
    if not needs_owner():
        raise ValidationError("role", "not_allowed_owner")
    with database.atomic():
        existing = Staff.get_or_none(Staff.name == clean_text(name))
        if existing is not None and existing.role == OWNER:
            existing.pin_hash, existing.active = hash_pin(pin), True
            existing.save()
            row = existing
        else:
            row = Staff.create(name=_validated(name, OWNER), role=OWNER, pin_hash=hash_pin(pin), active=True,
                               created_at=utc_now())
        actor = Actor(row.id, row.name, OWNER)
        audit.record(actor, "staff.create", row.name, role=OWNER, first_owner=True)
    return actor


def add_staff(name: str, role: str, pin: str, *, actor: Actor) -> int:
    require(actor, "staff.manage")
    with database.atomic():
        row = Staff.create(name=_validated(name, role), role=role, pin_hash=hash_pin(pin), active=True,
                           created_at=utc_now())
        audit.record(actor, "staff.create", row.name, role=role)
    return row.id


def _active_owners_except(staff_id: int) -> int:
    return Staff.select().where((Staff.role == OWNER) & (Staff.active == True)  # noqa: E712
                                & (Staff.id != staff_id)).count()


def change_staff(staff_id: int, *, actor: Actor, role: str | None = None, active: bool | None = None,
                 pin: str | None = None) -> None:
    """Change a role, switch an account off or on, or set a new PIN (the owner only)."""
    require(actor, "staff.manage")
    with database.atomic():
        row = Staff.get_or_none(Staff.id == staff_id)
        if row is None:
            raise NotFound("staff_not_found")
        if role is not None and role not in ROLES:
            raise ValidationError("role", "role_invalid")
        losing_owner = row.role == OWNER and ((role is not None and role != OWNER) or active is False)
        if losing_owner and _active_owners_except(staff_id) == 0:
            raise ValidationError("role", "last_owner")
        changes = {}
        if role is not None and role != row.role:
            changes["role"] = role
            row.role = role
        if active is not None and active != bool(row.active):
            changes["active"] = active
            row.active = active
        if pin is not None:
            row.pin_hash = hash_pin(pin)
            row.failed_logins, row.lockouts, row.locked_until = 0, 0, None
            changes["pin"] = "changed"
        row.save()
        if changes:
            audit.record(actor, "staff.change", row.name, **changes)


def log_in(staff_id: int, pin: str, *, now: datetime | None = None) -> Actor:
    """The staff member as an Actor, or a typed error: wrong PIN (with tries left) or locked (minutes left).

    Each attempt is committed on its own, so a wrong PIN is counted even if the program is then closed.
    """
    now = now or utc_now()
    with database.atomic():
        row = Staff.get_or_none((Staff.id == staff_id) & (Staff.active == True))  # noqa: E712
        if row is None or not row.pin_hash:
            raise NotFound("staff_not_found")
        if row.locked_until is not None and row.locked_until > now:
            raise ValidationError("pin", "pin_locked", minutes=_minutes_left(row.locked_until, now))
        try:
            HASHER.verify(row.pin_hash, pin or "")
        except (VerificationError, InvalidHashError):
            row.failed_logins += 1
            if row.failed_logins >= TRIES_BEFORE_LOCK:
                wait = min(FIRST_LOCK * (2 ** row.lockouts), LONGEST_LOCK)
                row.locked_until = now + wait
                row.lockouts += 1
                row.failed_logins = 0
                row.save()
                audit.record(Actor(row.id, row.name, row.role), "staff.locked", row.name,
                             minutes=int(wait.total_seconds() // 60))
                error = ValidationError("pin", "pin_locked", minutes=_minutes_left(row.locked_until, now))
            else:
                row.save()
                error = ValidationError("pin", "pin_wrong", left=TRIES_BEFORE_LOCK - row.failed_logins)
        else:
            if HASHER.check_needs_rehash(row.pin_hash):
                row.pin_hash = HASHER.hash(pin)
            row.failed_logins, row.lockouts, row.locked_until = 0, 0, None
            row.save()
            return Actor(row.id, row.name, row.role)
    raise error


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, -(-int((until - now).total_seconds()) // 60))
