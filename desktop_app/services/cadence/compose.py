"""The régua's messages: the text a step sends (the shop's own or the default), the values of its
placeholders for one customer, the subject, plain text and HTML of an e-mail, a sample under rules not
saved yet, and the prefilled WhatsApp link."""

from __future__ import annotations

import html
from datetime import date, timedelta

from desktop_app.db import cadence as queries
from desktop_app.domain import cadence as c
from desktop_app.domain import templates
from desktop_app.domain.cadence import CadenceRules
from desktop_app.services.cadence.default_texts import default_text, gift_line, subject_for, unsubscribe_line
from desktop_app.services.cadence.outbox import DueItem
from desktop_app.services.cadence.rules import get_rules
from desktop_app.services.loyalty import coupons, views
from desktop_app.services.shop.shop import ShopSettings


def text_for(step: str, rules: CadenceRules, shop: ShopSettings) -> str:
    return rules.step(step).text or default_text(step, shop.language)


def message_text(item: DueItem, *, shop: ShopSettings, rules: CadenceRules | None = None,
                 date_format=lambda d: d.strftime("%d/%m/%Y")) -> str:
    rules = rules or get_rules(shop)
    return templates.render(text_for(item.step, rules, shop),
                            message_values(item, shop=shop, rules=rules, date_format=date_format))


def message_values(item: DueItem, *, shop: ShopSettings, rules: CadenceRules | None = None,
                   date_format=lambda d: d.strftime("%d/%m/%Y")) -> dict[str, object]:
    """The placeholders' values for one message (the fixed list of domain/templates.py)."""
    rules = rules or get_rules(shop)
    values: dict[str, object] = {"first_name": templates.first_name(item.customer), "name": item.customer,
                                 "shop_name": shop.name}
    if item.step == c.POINTS_EXPIRING and "|" in item.detail:
        points, on = item.detail.split("|", 1)
        values["points_balance"] = points
        values["date"] = date_format(date.fromisoformat(on))
    elif item.step == c.REWARD_REACHED:
        program = [s for s in views.summaries(item.customer_id, item.send_on) if s.program_id == item.ref_id]
        values["points_balance"] = program[0].balance if program else ""
        values["reward"] = program[0].affordable[-1].name if program and program[0].affordable else ""
    elif item.step == c.BIRTHDAY:
        coupon = coupons.for_occasion(item.outbox_id)
        if coupon is not None:
            values["reward"] = gift_line(shop.language).format(gift=coupon.gift, code=coupon.code,
                                                               date=date_format(coupon.valid_until))
            values["coupon_code"] = coupon.code
        else:
            values["reward"] = rules.step(c.BIRTHDAY).gift
        values["birthday"] = date_format(date.fromisoformat(item.detail)) if item.detail else ""
    elif item.step == c.UNFINISHED and item.ref_id:
        values["item"] = queries.interaction_note(item.ref_id)
    values["unsubscribe"] = unsubscribe_line(shop.language)
    return values


def sample_message(step: str, customer_id: int, rules: CadenceRules, *, shop: ShopSettings, today: date,
                   date_format=lambda d: d.strftime("%d/%m/%Y")) -> tuple[str, str, str]:
    """(subject, text, html) of a step's message for a real customer, as it would read today, under
    `rules` as edited (not yet saved). Raises ValidationError for an unknown placeholder."""
    name, email, phone = queries.contacts([customer_id]).get(customer_id, ("", "", ""))
    details = {c.POINTS_EXPIRING: f"120|{(today + timedelta(days=30)).isoformat()}"}
    item = DueItem(None, customer_id, name, phone, email, step, "preview", rules.step(step).channel, today, today,
                   today, c.PLANNED, "", details.get(step, today.isoformat()), None)
    return compose(item, shop=shop, rules=rules, date_format=date_format)


def compose(item: DueItem, *, shop: ShopSettings, rules: CadenceRules,
            date_format=lambda d: d.strftime("%d/%m/%Y")) -> tuple[str, str, str]:
    """(subject on one line, plain text, text with every value HTML-escaped) of one message."""
    values = message_values(item, shop=shop, rules=rules, date_format=date_format)
    if item.step == c.CAMPAIGN:
        subject_template, text_template = queries.campaign_texts(item.ref_id)
    else:
        subject_template = subject_for(item.step, shop.language, rules.step(item.step).subject)
        text_template = text_for(item.step, rules, shop)
    subject = templates.render(subject_template, values)
    text = templates.render(text_template, values)
    escaped = templates.render(text_template, values, escape=html.escape)
    return " ".join(subject.split()), text, escaped


def whatsapp_link(item: DueItem, *, shop: ShopSettings) -> str:
    return c.whatsapp_link(item.phone, message_text(item, shop=shop))
