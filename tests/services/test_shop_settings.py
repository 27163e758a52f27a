"""Changing the shop's settings after the first run (issue 17, item 10): only the owner, everything
checked before anything is written, each change in the audit log, and the Feb 29 rule then followed by
the birthday planning."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from desktop_app.db.models import AuditLog
from desktop_app.domain.actors import COUNTER, MANAGER, Actor
from desktop_app.domain.birthdays import FEB29_ON_MAR1
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.permissions import PermissionDenied
from desktop_app.services.shop import shop
from tests.conftest import OWNER_ACTOR


def test_the_owner_changes_name_country_time_zone_language_and_feb29_rule(shop_settings):
    wanted = replace(shop_settings, name="  Ateliê   Novo ", country="PT", timezone="Europe/Lisbon",
                     language="pt_PT", currency="EUR", feb29_rule=FEB29_ON_MAR1)
    saved = shop.change_shop_settings(wanted, actor=OWNER_ACTOR)
    assert saved.name == "Ateliê Novo"  # cleaned like every name
    assert shop.shop_settings() == saved
    entry = AuditLog.select().where(AuditLog.action == "settings.change", AuditLog.subject == "shop").get()
    assert entry.actor == "Ana Paula"
    assert json.loads(entry.details) == {"name": "Ateliê Novo", "country": "PT", "timezone": "Europe/Lisbon",
                                         "language": "pt_PT", "currency": "EUR", "feb29_rule": "mar1"}


@pytest.mark.parametrize("field, value, code", [
    ("name", "   ", "required"),
    ("name", "x" * 121, "too_long"),
    ("country", "ZZ", "country_invalid"),
    ("timezone", "America/Atlantis", "timezone_invalid"),
    ("language", "fr", "language_invalid"),
    ("feb29_rule", "feb30", "feb29_rule_invalid"),
])
def test_a_bad_value_is_refused_with_its_field_and_nothing_changes(shop_settings, field, value, code):
    with pytest.raises(ValidationError) as raised:
        # a good change beside the bad one is not saved either
        changes = {"language": "pt_PT", field: value} if field != "language" else {field: value, "name": "Outra"}
        shop.change_shop_settings(replace(shop_settings, **changes), actor=OWNER_ACTOR)
    assert (raised.value.field, raised.value.code) == (field, code)
    assert shop.shop_settings() == shop_settings
    assert not AuditLog.select().where(AuditLog.subject == "shop").exists()


@pytest.mark.parametrize("role", [MANAGER, COUNTER])
def test_only_the_owner_may_change_them(shop_settings, role):
    with pytest.raises(PermissionDenied):
        shop.change_shop_settings(replace(shop_settings, name="Outra"), actor=Actor(None, "Bruno", role))
    assert shop.shop_settings() == shop_settings


def test_the_audit_names_only_what_changed(shop_settings):
    shop.change_shop_settings(replace(shop_settings, name="Ateliê Novo"), actor=OWNER_ACTOR)
    entry = AuditLog.get(AuditLog.subject == "shop")
    assert json.loads(entry.details) == {"name": "Ateliê Novo"}
