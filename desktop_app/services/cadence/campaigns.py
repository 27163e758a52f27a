"""One-off messages: a sale, news or an event, to the customers of the current list, a tag or a segment.
They go through the same outbox as the régua (so at most once each, consent checked again when sent), to
customers with e-mail marketing consent only; the count and a preview come before anything is queued."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.db import cadence as queries
from desktop_app.db import customers as customer_queries
from desktop_app.db.database import write
from desktop_app.db.models import Campaign, Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain import templates
from desktop_app.domain.actors import Actor
from desktop_app.domain.cadence import Contact
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.mail import check_header
from desktop_app.domain.permissions import require
from desktop_app.services.cadence import compose, outbox
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import ShopSettings

USEFUL_DAYS = 3  # a sale announced today is old news after this
MAX_TEXT = 5000


@dataclass(frozen=True, slots=True)
class Audience:
    reachable: list[int]  # with an e-mail, marketing consent, not opted out, not bounced
    total: int


def audience(ids: Sequence[int]) -> Audience:
    ids = list(dict.fromkeys(ids))
    people = queries.contacts(ids)
    consent = customer_queries.consent_for(ids)
    bounced = queries.suppressed_emails([email for _name, email, _phone in people.values()])
    reachable = []
    for cid in ids:
        name, email, phone = people.get(cid, ("", "", ""))
        contact = Contact(bool(email), bool(phone), consent.get(cid, {}), email in bounced)
        if c.channel_for(c.Step(c.CAMPAIGN, True, c.EMAIL), contact) == c.EMAIL:
            reachable.append(cid)
    return Audience(reachable, len(ids))


def _check(subject: str, text: str) -> tuple[str, str]:
    subject, text = " ".join((subject or "").split()), (text or "").strip()
    if not subject:
        raise ValidationError("subject", "required")
    if not text:
        raise ValidationError("text", "required")
    if len(text) > MAX_TEXT:
        raise ValidationError("text", "too_long", max=MAX_TEXT)
    check_header(subject)
    templates.check(subject)
    templates.check(text)
    return subject, text


def create(subject: str, text: str, ids: Sequence[int], *, actor: Actor, today: date, shop: ShopSettings,
           approve_first: bool = False) -> int:
    """Queue the message for every reachable customer among `ids`; returns how many. Nothing is
    written on bad input."""
    require(actor, "campaign.send")
    subject, text = _check(subject, text)
    reach = audience(ids)
    if not reach.reachable:
        raise ValidationError("audience", "campaign_nobody")
    now = utc_now()
    with write():
        campaign = Campaign.create(subject=subject, text=text, created_at=now, actor=actor.name,
                                   recipients=len(reach.reachable))
        rows = [{"customer": cid, "step": c.CAMPAIGN, "occurrence": f"campaign:{campaign.id}", "channel": c.EMAIL,
                 "marketing": True, "status": c.HELD if approve_first else c.PLANNED, "due_on": today,
                 "send_on": today, "not_after": today + timedelta(days=USEFUL_DAYS), "reason": "",
                 "ref_id": campaign.id, "detail": "", "planned_at": now, "updated_at": now, "actor": actor.name,
                 "staff": actor.staff_id} for cid in reach.reachable]
        for start in range(0, len(rows), 500):
            Outbox.insert_many(rows[start:start + 500]).on_conflict_ignore().execute()
        audit.record(actor, "campaign.send", f"campaign #{campaign.id}", recipients=len(rows), title=subject)
    return len(rows)


def preview(subject: str, text: str, customer_id: int, *, shop: ShopSettings, today: date,
            date_format=lambda d: d.strftime("%d/%m/%Y")) -> tuple[str, str]:
    """The subject and text as this customer would read them."""
    subject, text = _check(subject, text)
    name, email, phone = queries.contacts([customer_id]).get(customer_id, ("", "", ""))
    item = outbox.DueItem(None, customer_id, name, phone, email, c.CAMPAIGN, "preview", c.EMAIL, today, today,
                           today, c.PLANNED, "", "", None)
    values = compose.message_values(item, shop=shop, date_format=date_format)
    return " ".join(templates.render(subject, values).split()), templates.render(text, values)
