"""Who may do what. Checked inside the service functions, so no caller (GUI or not) can skip it.

owner: everything. manager: everything except shop settings, mail (SMTP), exports, staff accounts
and deleting customers. counter: look customers up, create and edit them, log interactions, redeem.
"""

from __future__ import annotations

from desktop_app.domain.actors import COUNTER, MANAGER, OWNER, Actor
from desktop_app.domain.errors import ReguaError

EVERYONE = frozenset({OWNER, MANAGER, COUNTER})
MANAGERS = frozenset({OWNER, MANAGER})
OWNER_ONLY = frozenset({OWNER})

ALLOWED: dict[str, frozenset[str]] = {
    "customer.create": EVERYONE,
    "customer.edit": EVERYONE,
    "customer.merge": MANAGERS,
    "customer.delete": OWNER_ONLY,
    "customer.import": MANAGERS,
    "interaction.log": EVERYONE,
    "interaction.close": EVERYONE,  # resolve a complaint, mark a quote bought or lost
    "loyalty.redeem": EVERYONE,
    "loyalty.adjust": MANAGERS,
    "loyalty.report": MANAGERS,
    "cadence.act": EVERYONE,  # send a WhatsApp, mark a call done, skip a message on the Today screen
    "cadence.approve": MANAGERS,
    "campaign.send": MANAGERS,  # a one-off message to a group of customers
    "reports.view": MANAGERS,
    "reports.staff": OWNER_ONLY,  # interactions logged per staff member
    "audit.view": OWNER_ONLY,
    "staff.manage": OWNER_ONLY,
    "settings.change": OWNER_ONLY,
    "smtp.change": OWNER_ONLY,
    "export": OWNER_ONLY,
}


class PermissionDenied(ReguaError):
    code = "not_allowed"


def allowed(actor: Actor, action: str) -> bool:
    return actor.role in ALLOWED[action]


def require(actor: Actor, action: str) -> None:
    """Raise PermissionDenied unless `actor`'s role may do `action` (unknown actions are a bug)."""
    if not allowed(actor, action):
        raise PermissionDenied("not_allowed_owner" if ALLOWED[action] == OWNER_ONLY else "not_allowed")
