"""The outbox as the régua's modules share it: one row of it (or of the days ahead) as Today and
`regua due` show it (`DueItem`), the row the planner and staff write, who can be reached by which
channel, the step's name in the timeline note, and what happens to the rows when a customer says stop or
is merged. At the bottom of the package: the planner, the messages, the staff actions and the saved rules
import it, and it imports none of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.db import cadence as queries
from desktop_app.db import customers as customer_queries
from desktop_app.db.models import Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.cadence import Contact, Occasion


@dataclass(frozen=True, slots=True)
class DueItem:
    outbox_id: int | None  # None: computed by the preview, not in the outbox yet
    customer_id: int
    customer: str
    phone: str
    email: str
    step: str
    occurrence: str
    channel: str
    due_on: date
    send_on: date
    not_after: date
    status: str
    reason: str
    detail: str
    ref_id: int | None


People = dict[int, tuple[str, str, str]]  # customer id -> (name, e-mail, phone)


def contacts_of(ids: list[int], people: People | None = None) -> dict[int, Contact]:
    """Each customer's means of contact and consent, as the choice of a channel needs them (`people`: their
    names, e-mails and phones when already read)."""
    people = queries.contacts(ids) if people is None else people
    consent = customer_queries.consent_for(ids)
    return {cid: Contact(bool(email), bool(phone), consent.get(cid, {}))
            for cid, (_name, email, phone) in people.items()}


def outbox_row(o: Occasion, channel: str, status: str, reason: str, send_on: date, now: datetime) -> dict:
    """The outbox row of an occasion, as `queries.insert_occasions` takes it."""
    return {"customer": o.customer_id, "step": o.step, "occurrence": o.occurrence, "channel": channel,
            "marketing": o.marketing, "status": status, "due_on": o.due_on, "send_on": send_on,
            "not_after": o.not_after, "reason": reason, "ref_id": o.ref_id, "detail": o.detail,
            "planned_at": now, "updated_at": now}


def step_label_key(step: str) -> str:
    """The English name of a step, as written into the timeline note (the GUI translates it on screen)."""
    return STEP_NAMES[step]


STEP_NAMES = {
    c.SIGNUP: "signup confirmation", c.WELCOME: "welcome", c.BIRTHDAY: "birthday",
    c.UNFINISHED: "unfinished purchase", c.POST_SALE: "post-sale", c.REACTIVATION: "reactivation",
    c.REWARD_REACHED: "reward reached", c.POINTS_EXPIRING: "points expiring", c.CAMPAIGN: "one-off message",
}


def cancel_waiting(customer_id: int, now: datetime) -> int:
    """The customer said stop: what still waits for them will not go."""
    return (Outbox.update(status=c.SUPPRESSED, reason="no_consent", updated_at=now)
            .where((Outbox.customer == customer_id) & Outbox.status.in_(c.WAITING)).execute())


def merge_customers(keep_id: int, other_id: int) -> None:
    """Inside a merge: the other customer's occasions move over unless keep already has the same one."""
    queries.move_occasions(keep_id, other_id)
