"""The régua's rules as the shop saved them: read by the régua itself (services/cadence/cadence.py) and by the
reports (whose 'at risk' is the régua's reactivation). A module of its own, below both, so that neither
has to import the other for them."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.cadence import CadenceRules
from desktop_app.services.shop.shop import ShopSettings, get_setting

RULES_KEY = "cadence"


def get_rules(shop: ShopSettings) -> CadenceRules:
    """The shop's cadence; the Feb 29 rule is the shop's own (one rule for loyalty and messages)."""
    data = get_setting(RULES_KEY)
    rules = CadenceRules.from_json(data if isinstance(data, str) else None)
    return with_shop(rules, shop)


def with_shop(rules: CadenceRules, shop: ShopSettings) -> CadenceRules:
    return replace(rules, feb29_rule=shop.feb29_rule)
