"""Gifts with a code: the birthday step can give each customer a coupon (a code unique in the shop,
shown in the message) that staff redeem once at the counter, until it expires."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.db import cadence as queries
from desktop_app.db.database import write
from desktop_app.db.models import Coupon, Customer
from desktop_app.domain import cadence as c
from desktop_app.domain.actors import Actor
from desktop_app.domain.cadence import CadenceRules
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.permissions import require
from desktop_app.services.customers.interactions import LogEntry, log_interaction
from desktop_app.services.shop.shop import ShopSettings

MAX_TRIES = 20


@dataclass(frozen=True, slots=True)
class CouponInfo:
    id: int
    code: str
    customer_id: int
    gift: str
    valid_until: date
    redeemed_on: date | None


def _info(row: Coupon) -> CouponInfo:
    return CouponInfo(row.id, row.code, row.customer_id, row.gift, row.valid_until,
                      row.redeemed_at.date() if row.redeemed_at else None)


def issue_for_birthdays(rules: CadenceRules) -> int:
    """Give a coupon to every waiting birthday message that has none yet (inside the planner's
    transaction; the unique outbox id makes a second coupon for the same message impossible)."""
    step = rules.step(c.BIRTHDAY)
    if not step.enabled or not step.gift:
        return 0
    now, made = utc_now(), 0
    for outbox_id, customer_id, celebrated in queries.birthdays_without_coupon():
        until = date.fromisoformat(celebrated) + timedelta(days=step.gift_days)
        for _ in range(MAX_TRIES):  # a clash of random codes is rare; try another
            code = c.coupon_code(secrets.choice)
            if Coupon.get_or_none(Coupon.code == code) is None:
                break
        Coupon.insert(code=code, customer=customer_id, outbox=outbox_id, step=c.BIRTHDAY, gift=step.gift,
                      valid_until=until, created_at=now).on_conflict_ignore().execute()
        made += 1
    return made


def for_occasion(outbox_id: int | None) -> CouponInfo | None:
    if outbox_id is None:
        return None
    row = Coupon.get_or_none(Coupon.outbox == outbox_id)
    return _info(row) if row else None


def open_for(customer_id: int, today: date) -> list[CouponInfo]:
    """The customer's gifts that can still be used today."""
    rows = (Coupon.select().where((Coupon.customer == customer_id) & Coupon.redeemed_at.is_null()
                                  & (Coupon.valid_until >= today)).order_by(Coupon.valid_until))
    return [_info(r) for r in rows]


def redeem(code: str, customer_id: int, *, actor: Actor, today: date, shop: ShopSettings) -> CouponInfo:
    """Use a gift at the counter: the right code, for this customer, not used, not expired. The use is
    logged on the customer's timeline. Nothing is written when any check fails."""
    require(actor, "loyalty.redeem")
    wanted = c.normalize_coupon(code)
    with write():
        row = Coupon.get_or_none(Coupon.code == wanted)
        if row is None:
            raise ValidationError("code", "coupon_not_found", code=code.strip()[:40])
        if row.redeemed_at is not None:
            raise ValidationError("code", "coupon_used", code=row.code, date=row.redeemed_at.date().isoformat())
        if row.valid_until < today:
            raise ValidationError("code", "coupon_expired", code=row.code, date=row.valid_until.isoformat())
        if row.customer_id != customer_id:
            owner = Customer.get_or_none(Customer.id == row.customer_id)
            raise ValidationError("code", "coupon_other_customer", code=row.code, name=owner.name if owner else "?")
        iid = log_interaction(customer_id, LogEntry(kind="note", note=f"{row.gift} ({row.code})"), actor=actor,
                              shop=shop, today=today)
        Coupon.update(redeemed_at=utc_now(), redeemed_by=actor.staff_id, interaction=iid).where(
            Coupon.id == row.id).execute()
    return _info(Coupon.get_by_id(row.id))
