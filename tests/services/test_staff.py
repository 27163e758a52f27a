"""Staff accounts: argon2id PINs, the lockout, the owner's powers, and the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.db.models import AuditLog, Staff
from desktop_app.domain.actors import COUNTER, MANAGER, OWNER, Actor
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.permissions import PermissionDenied
from desktop_app.services.shop import staff


@pytest.fixture
def owner(shop_settings):
    return staff.create_first_owner("Ana Paula", "2468")


def test_the_first_owner_is_created_once_with_a_hashed_pin(owner):
    row = Staff.get_by_id(owner.staff_id)
    assert row.pin_hash.startswith("$argon2id$") and "2468" not in row.pin_hash
    assert not staff.needs_owner()
    with pytest.raises(ValidationError):
        staff.create_first_owner("Outra", "1357")


def test_log_in_with_the_right_pin(owner):
    assert staff.log_in(owner.staff_id, "2468") == owner


def test_five_wrong_pins_lock_the_account_for_a_growing_delay(owner):
    """Promise: Staff see only what their role allows."""
    now = utc_now()
    for left in (4, 3, 2, 1):
        with pytest.raises(ValidationError) as err:
            staff.log_in(owner.staff_id, "0000", now=now)
        assert err.value.code == "pin_wrong" and err.value.params["left"] == left
    with pytest.raises(ValidationError) as err:
        staff.log_in(owner.staff_id, "0000", now=now)
    assert (err.value.code, err.value.params["minutes"]) == ("pin_locked", 1)
    with pytest.raises(ValidationError) as err:  # even the right PIN waits
        staff.log_in(owner.staff_id, "2468", now=now + timedelta(seconds=30))
    assert err.value.code == "pin_locked"
    later = now + timedelta(minutes=2)
    for _ in range(5):
        with pytest.raises(ValidationError):
            staff.log_in(owner.staff_id, "0000", now=later)
    assert Staff.get_by_id(owner.staff_id).locked_until == later + timedelta(minutes=2)  # doubled
    assert staff.log_in(owner.staff_id, "2468", now=later + timedelta(minutes=3)) == owner
    row = Staff.get_by_id(owner.staff_id)
    assert (row.failed_logins, row.lockouts, row.locked_until) == (0, 0, None)
    assert AuditLog.select().where(AuditLog.action == "staff.locked").count() == 2


def test_only_the_owner_manages_staff(owner):
    """Promise: Staff see only what their role allows."""
    bruno = staff.add_staff("Bruno", COUNTER, "1111", actor=owner)
    manager = Actor(None, "Carla", MANAGER)
    before = Staff.select().count()
    with pytest.raises(PermissionDenied):
        staff.add_staff("Dani", COUNTER, "2222", actor=manager)
    with pytest.raises(PermissionDenied):
        staff.change_staff(bruno, role=OWNER, actor=Actor(bruno, "Bruno", COUNTER))
    assert Staff.select().count() == before and Staff.get_by_id(bruno).role == COUNTER


def test_bad_staff_input_is_refused(owner):
    with pytest.raises(ValidationError) as err:
        staff.add_staff("Bruno", COUNTER, "12", actor=owner)
    assert err.value.code == "pin_too_short"
    with pytest.raises(ValidationError) as err:
        staff.add_staff("Ana Paula", COUNTER, "1234", actor=owner)
    assert err.value.code == "staff_name_taken"
    for same in ("ana paula", "ANA PAULA", "Âna Páula"):  # one name in the login's list, however typed
        with pytest.raises(ValidationError) as err:
            staff.add_staff(same, COUNTER, "1234", actor=owner)
        assert (err.value.code, err.value.params["name"]) == ("staff_name_taken", "Ana Paula")
    with pytest.raises(ValidationError) as err:
        staff.add_staff("Eva", "boss", "1234", actor=owner)
    assert err.value.code == "role_invalid"


def test_the_last_owner_cannot_be_switched_off(owner):
    with pytest.raises(ValidationError) as err:
        staff.change_staff(owner.staff_id, active=False, actor=owner)
    assert err.value.code == "last_owner"
    second = staff.add_staff("Rita", OWNER, "9999", actor=owner)
    staff.change_staff(owner.staff_id, active=False, actor=Actor(second, "Rita", OWNER))
    assert [m.name for m in staff.accounts()] == ["Rita"]
    assert AuditLog.select().where(AuditLog.action == "staff.change").count() == 1


def test_only_the_owner_reads_the_audit_log(owner):
    from desktop_app.services.shop import audit

    staff.add_staff("Bruno", COUNTER, "1111", actor=owner)
    assert [r.action for r in audit.recent(10, actor=owner)] == ["staff.create", "staff.create"]
    for role in (MANAGER, COUNTER):
        with pytest.raises(PermissionDenied):
            audit.recent(10, actor=Actor(None, "x", role))
