"""The régua's rules as the shop saved them: read by the régua itself (the planner, the messages) and by
the reports (whose 'at risk' is the régua's reactivation), and saved from the cadence settings. A module of
its own, below both the régua and the reports, so that neither has to import the other for them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from desktop_app.db import cadence as queries
from desktop_app.db.database import write
from desktop_app.db.models import Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain import templates
from desktop_app.domain.actors import Actor
from desktop_app.domain.cadence import CadenceRules
from desktop_app.domain.dates import local_today, utc_now
from desktop_app.domain.permissions import require
from desktop_app.services.cadence.outbox import contacts_of
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import ShopSettings, get_setting, set_setting

RULES_KEY = "cadence"
STEP_OFF = "step_off"  # the reason of what a step had planned when the owner turned it off


def get_rules(shop: ShopSettings) -> CadenceRules:
    """The shop's cadence; the Feb 29 rule is the shop's own (one rule for loyalty and messages)."""
    data = get_setting(RULES_KEY)
    rules = CadenceRules.from_json(data if isinstance(data, str) else None)
    return with_shop(rules, shop)


def with_shop(rules: CadenceRules, shop: ShopSettings) -> CadenceRules:
    return replace(rules, feb29_rule=shop.feb29_rule)


def save_rules(rules: CadenceRules, *, actor: Actor, shop: ShopSettings, today: date | None = None) -> CadenceRules:
    """Save the cadence. A step turned off takes what it planned and has not done yet off Today and
    `regua due` (skipped, reason "step_off"; what was sent or done stays as it was); turned on again,
    those of them still useful on `today` (default: the shop's today) come back."""
    require(actor, "settings.change")
    rules = with_shop(rules, shop).validated()
    for step in rules.steps:
        templates.check(step.text)
        templates.check(step.subject)
    today = today or local_today(shop.timezone)
    with write():
        _follow_switches(get_rules(shop), rules, today, utc_now())
        set_setting(RULES_KEY, rules.to_json())
        audit.record(actor, "settings.change", "cadence")
    return rules


def _follow_switches(before: CadenceRules, after: CadenceRules, today: date, now: datetime) -> None:
    """What the steps planned follows them being turned off (skipped, `STEP_OFF`) or on again (back,
    still useful on `today`, unless the customer said stop meanwhile: then as `cancel_waiting` does)."""
    for step in after.steps:
        was = before.step(step.key).enabled
        if was and not step.enabled:
            queries.withdraw_step(step.key, STEP_OFF, now)
        elif step.enabled and not was:
            back = queries.restore_step(step.key, STEP_OFF, today, now,
                                        hold_email=after.approve_first and step.key not in c.TRANSACTIONAL)
            contacts = contacts_of(sorted({cid for _oid, cid, _ch in back}))
            gone = [oid for oid, cid, channel in back
                    if cid not in contacts or c.channel_for(replace(step, channel=channel), contacts[cid]) != channel]
            if gone:
                Outbox.update(status=c.SUPPRESSED, reason="no_consent", updated_at=now).where(
                    Outbox.id.in_(gone)).execute()
