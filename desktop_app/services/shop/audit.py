"""The audit log of sensitive actions: who, when, what."""

from __future__ import annotations

import json

from desktop_app.db.models import AuditLog
from desktop_app.domain.actors import Actor
from desktop_app.domain.dates import utc_now
from desktop_app.domain.permissions import require


def record(actor: Actor, action: str, subject: str = "", **details: object) -> None:
    AuditLog.create(at=utc_now(), actor=actor.name, action=action, subject=subject, till=actor.till,
                    details=json.dumps(details, ensure_ascii=False, default=str) if details else "")


def recent(limit: int = 200, *, actor: Actor) -> list[AuditLog]:
    """The newest entries; only the owner may read them."""
    require(actor, "audit.view")
    return list(AuditLog.select().order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit))
