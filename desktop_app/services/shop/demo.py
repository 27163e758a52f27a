"""A realistic demo shop, so that every screen has something real to show.

Customers with Brazilian and Portuguese names, valid CPFs and NIFs, birthdays (some without a year,
one on 29 February), consent, tags, and two years of visits and purchases with a few complaints and
open quotes; a points club and a stamp card that ran over the last months, with redemptions.
Deterministic for a given seed. Bulk-inserted in one transaction.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from desktop_app.db.bulk import bulk_insert, bulk_insert_ids
from desktop_app.db.database import database
from desktop_app.db.models import Consent, Customer, CustomerTag, Interaction, Outbox, SearchTerm, Staff
from desktop_app.db.search import phone_terms_written
from desktop_app.domain.actors import OWNER, Actor
from desktop_app.domain.cadence import BIRTHDAY, CadenceRules
from desktop_app.domain.dates import to_utc, utc_now, zone
from desktop_app.domain.loyalty import STAMPS, InsufficientPoints, Rules
from desktop_app.domain.search import customer_terms
from desktop_app.domain.text import fold, sort_key
from desktop_app.services.cadence.planner import LAST_RUN_KEY, SINCE_KEY
from desktop_app.services.cadence.rules import RULES_KEY
from desktop_app.services.loyalty import daily, ledger, programs
from desktop_app.services.shop import demo_data as data
from desktop_app.services.shop.shop import ShopSettings, save_shop_settings, set_setting, shop_settings
from desktop_app.services.shop.staff import DEMO_PIN, hash_pin

DEMO_SHOP = ShopSettings.for_country("Ateliê Flor de Lis", "BR")
STAFF = (("Ana Paula", "owner"), ("Bruno", "counter"), ("Carla", "manager"))


def cpf(rng: random.Random) -> str:
    base = [rng.randrange(10) for _ in range(9)]
    for n in (10, 11):
        total = sum(d * w for d, w in zip(base, range(n, 1, -1), strict=False))
        base.append((total * 10 % 11) % 10)
    s = "".join(map(str, base))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def nif(rng: random.Random) -> str:
    base = [rng.choice((1, 2))] + [rng.randrange(10) for _ in range(7)]
    check = 11 - sum(d * w for d, w in zip(base, range(9, 1, -1), strict=True)) % 11
    return "".join(map(str, base)) + str(0 if check >= 10 else check)


def _email(rng: random.Random, first: str, last: str, n: int) -> str:
    style = rng.randrange(4)
    f, last_word = fold(first), fold(last.split()[-1])
    local = (f"{f}.{last_word}", f"{f}{last_word}{n % 1000}", f"{f[0]}{last_word}{n % 100}", f"{f}_{n}")[style]
    return f"{local}@{rng.choice(data.EMAIL_DOMAINS)}"


FLUSH_EVERY = 5000  # customers per batch: keeps memory flat for a million-customer demo


def generate(customers: int, *, today: date, seed: int = 7) -> int:
    """Add `customers` demo customers with their history. Returns how many were added."""
    rng = random.Random(seed)
    tz = zone(DEMO_SHOP.timezone)
    now = utc_now()
    with database.atomic():
        if shop_settings() is None:
            save_shop_settings(DEMO_SHOP)
        staff_ids = _ensure_staff(now)
        phone_suffixes = phone_terms_written()
        # Rows are made with provisional ids (1, 2, 3... per table) and written with the ids the engine
        # gives them; on the empty shop a demo is made in, the two are the same and nothing is remapped.
        first_id = 1
        cust_rows, tag_rows, consent_rows, term_rows, inter_rows, sent_rows = [], [], [], [], [], []
        next_interaction = 1
        card_base = 100000 + first_id
        real_first: list[int] = []
        start = today - timedelta(days=730)
        feb29_done = False

        def flush() -> None:
            if not cust_rows:
                return
            ids = bulk_insert_ids(Customer, [Customer.name, Customer.name_key, Customer.email, Customer.phone,
                                             Customer.birth_day, Customer.birth_month, Customer.birth_year,
                                             Customer.birthday_md, Customer.birthday_set_on, Customer.city,
                                             Customer.tax_id, Customer.card_code, Customer.notes, Customer.source,
                                             Customer.created_at, Customer.updated_at], [r[1:] for r in cust_rows])
            real_first[:] = real_first or ids[:1]
            if ids[0] != cust_rows[0][0]:  # the engine's ids are not the provisional ones: remap
                shift = ids[0] - cust_rows[0][0]
                for rows, at in ((term_rows, 2), (tag_rows, 0), (consent_rows, 0), (inter_rows, 1), (sent_rows, 0)):
                    rows[:] = [(*r[:at], r[at] + shift, *r[at + 1:]) for r in rows]
            bulk_insert(SearchTerm, [SearchTerm.term, SearchTerm.name_key, SearchTerm.customer], term_rows)
            bulk_insert(CustomerTag, [CustomerTag.customer, CustomerTag.tag], tag_rows)
            bulk_insert(Consent, [Consent.customer, Consent.channel, Consent.granted, Consent.at, Consent.source,
                                  Consent.legal_basis, Consent.staff], consent_rows)
            if inter_rows:
                iids = bulk_insert_ids(Interaction, [
                    Interaction.customer, Interaction.kind, Interaction.amount_cents, Interaction.note,
                    Interaction.occurred_at, Interaction.occurred_on, Interaction.staff, Interaction.source,
                    Interaction.created_at, Interaction.status, Interaction.follow_up_on, Interaction.resolution,
                    Interaction.closed_at], [r[1:] for r in inter_rows])
                if iids[0] != inter_rows[0][0]:  # the post-sale messages name the purchase they follow
                    shift = iids[0] - inter_rows[0][0]
                    sent_rows[:] = [(*r[:2], f"post_sale:{r[9] + shift}", *r[3:9], r[9] + shift, *r[10:])
                                    if r[1] == "post_sale" else r for r in sent_rows]
            bulk_insert(Outbox, [Outbox.customer, Outbox.step, Outbox.occurrence, Outbox.channel, Outbox.marketing,
                                 Outbox.status, Outbox.due_on, Outbox.send_on, Outbox.not_after, Outbox.ref_id,
                                 Outbox.planned_at, Outbox.updated_at, Outbox.done_at, Outbox.actor], sent_rows)
            for rows in (cust_rows, tag_rows, consent_rows, term_rows, inter_rows, sent_rows):
                rows.clear()

        for k in range(customers):
            cid = first_id + k
            portuguese = rng.random() < 0.15
            female = rng.random() < 0.68
            first = rng.choice(data.FEMALE if female else data.MALE)
            surname = rng.choice(data.SURNAMES)
            particle = data.PARTICLES.get(surname) if rng.random() < 0.5 else None
            last = f"{particle} {surname}" if particle else surname
            if rng.random() < 0.5:
                last = f"{rng.choice(data.SURNAMES)} {last}"
            name = f"{first} {last}"
            email = _email(rng, first, last, cid) if rng.random() < 0.72 else None
            phone = None
            if rng.random() < 0.9:
                phone = (f"+3519{rng.choice('1236')}{rng.randrange(10**7):07d}" if portuguese
                         else f"+55{rng.choice(data.DDD)}9{rng.randrange(10**8):08d}")
            bday = None
            if rng.random() < 0.62:
                m = rng.randint(1, 12)
                d = rng.randint(1, 28)
                y = rng.randint(1950, 2006) if rng.random() < 0.7 else None
                if not feb29_done:
                    m, d, y, feb29_done = 2, 29, 1988, True
                bday = (d, m, y)
            city = rng.choice(data.CITIES_PT if portuguese else data.CITIES_BR)
            tax_id = (nif(rng) if portuguese else cpf(rng)) if rng.random() < 0.35 else None
            card = f"FL{card_base + k}" if rng.random() < 0.3 else None
            created_day = start + timedelta(days=int(730 * rng.random() ** 0.8))
            created = datetime.combine(created_day, time(rng.randint(9, 19), rng.randint(0, 59)), tz)
            created_utc = to_utc(created)
            name_key = sort_key(name)
            cust_rows.append((cid, name, name_key, email, phone,
                              *(bday or (None, None, None)), (bday[1] * 100 + bday[0]) if bday else None,
                              created_day if bday else None, city, tax_id, card, "", "demo", created_utc, created_utc))
            for term in customer_terms(name=name, email=email, phone=phone, tax_id=tax_id, card_code=card,
                                       phone_suffixes=phone_suffixes):
                term_rows.append((term, name_key, cid))
            if rng.random() < 0.12:
                tag_rows.append((cid, rng.choice(data.TAGS)))
            mail = bool(email and rng.random() < 0.7)
            if mail:
                consent_rows.append((cid, "email", True, created_utc, "demo", "consent", None))
            if phone and rng.random() < 0.55:
                consent_rows.append((cid, "whatsapp", True, created_utc, "demo", "consent", None))
            history = list(_history(rng, cid, created_day, today, tz, staff_ids))
            if mail:
                history += _messages(rng, cid, bday, created_day, history, today, tz, staff_ids, sent_rows,
                                     next_interaction)
            for row in history:
                inter_rows.append((next_interaction, *row))
                next_interaction += 1
            if len(cust_rows) >= FLUSH_EVERY:
                flush()
        flush()
        if customers <= LOYALTY_REPLAY_MAX and real_first:
            _loyalty(rng, real_first[0], today, Actor(staff_ids[0], STAFF[0][0], OWNER))
        # The régua has been running for a week, so the Today screen opens with a realistic list.
        set_setting(SINCE_KEY, (today - timedelta(days=7)).isoformat())
        birthday = CadenceRules().step(BIRTHDAY)
        set_setting(RULES_KEY, CadenceRules().with_step(replace(birthday, gift="10% de desconto")).to_json())
        set_setting(LAST_RUN_KEY, (today - timedelta(days=1)).isoformat())
    return customers


LOYALTY_REPLAY_MAX = 20_000  # the counter's own code earns each point; beyond this it would take minutes
LOYALTY_DAYS = 150


def _loyalty(rng: random.Random, first_id: int, today: date, owner: Actor) -> None:
    """Start the shop's programs some months ago and replay the counter since then through the same
    code the counter uses, so every point in the demo is one the real rules would have given."""
    if not programs.programs():
        programs.save_program(programs.default_program(), actor=owner)
        programs.save_program(programs.ProgramInfo(
            None, "Cartão fidelidade", True, Rules(kind=STAMPS, stamp_on="visit", expiry_months=6),
            (programs.RewardInfo(None, "Ajuste de barra grátis", 10, 2500),)), actor=owner)
    club = programs.programs()
    rewards = [r for p in club for r in p.active_rewards()]
    start = today - timedelta(days=LOYALTY_DAYS)
    query = (Interaction.select().where((Interaction.customer >= first_id) & (Interaction.occurred_on > start)
                                        & Interaction.kind.in_(("purchase", "visit")))
             .order_by(Interaction.occurred_at, Interaction.id))
    for row in query:
        ledger.on_interaction(row, actor=owner, today=row.occurred_on, known=club)
        if row.kind == "purchase" and rng.random() < 0.35:
            reward = rng.choice(rewards)
            with contextlib.suppress(InsufficientPoints):
                ledger.redeem(row.customer_id, reward.id, actor=owner, today=row.occurred_on)
    daily.run_daily(today)


def _ensure_staff(now: datetime) -> list[int]:
    ids = []
    for name, role in STAFF:
        row = Staff.get_or_none(Staff.name == name)
        if row is None:  # every demo account logs in with the PIN shown on the login screen
            row = Staff.create(name=name, role=role, active=True, created_at=now, pin_hash=hash_pin(DEMO_PIN))
        ids.append(row.id)
    return ids


MESSAGE_DAYS = 180  # the régua's history in the demo: messages sent in the last six months


def _messages(rng: random.Random, cid: int, bday, since: date, history: list[tuple], today: date, tz,
              staff_ids: list[int], sent_rows: list[tuple], first_id: int) -> list[tuple]:
    """The messages the régua sent this customer in the last months (birthday e-mails, after-sale
    WhatsApps), as outbox rows, and the purchases some of them brought (the demo's only invented
    effect: a birthday gift used now and then)."""
    start = max(since, today - timedelta(days=MESSAGE_DAYS))
    extra = []

    def sent(step: str, occurrence: str, channel: str, on: date, ref: int | None) -> None:
        at = to_utc(datetime.combine(on, time(10, rng.randint(0, 59)), tz))
        sent_rows.append((cid, step, occurrence, channel, True, "sent" if channel == "email" else "done", on, on,
                          on + timedelta(days=3), ref, at, at, at, "régua"))

    if bday:
        for year in (today.year - 1, today.year):
            on = date(year, bday[1], min(bday[0], 28 if bday[1] == 2 else 31))  # Feb 29 on the 28th
            if start <= on < today:
                sent("birthday", f"birthday:{year}", "email", on, None)
                if rng.random() < 0.22:  # came in for the birthday gift
                    day = on + timedelta(days=rng.randint(1, 12))
                    if day < today:
                        at = to_utc(datetime.combine(day, time(rng.randint(9, 19), rng.randint(0, 59)), tz))
                        extra.append((cid, "purchase", rng.choice((8990, 12990, 19990)), "presente de aniversário",
                                      at, day, rng.choice(staff_ids), "demo", at, None, None, "", None))
    for offset, row in enumerate(history):
        if row[1] == "purchase" and start <= row[5] + timedelta(days=7) < today and rng.random() < 0.6:
            sent("post_sale", f"post_sale:{first_id + offset}", "whatsapp", row[5] + timedelta(days=7), first_id + offset)
    return extra


def _history(rng: random.Random, cid: int, since: date, today: date, tz, staff_ids: list[int]):
    """Visits and purchases from signup to today: regulars come often, most come a few times."""
    span = (today - since).days
    if span <= 0:
        return
    rate = rng.choice((0.0, 0.004, 0.01, 0.02, 0.02, 0.04, 0.08))  # visits per day
    visits = min(int(span * rate * rng.uniform(0.5, 1.5)), 60)
    if rng.random() < 0.25:  # some stopped coming: history ends well before today
        span = int(span * rng.uniform(0.2, 0.8))
    days = sorted(rng.randrange(span + 1) for _ in range(visits))
    for offset in days:
        day = since + timedelta(days=offset)
        at = to_utc(datetime.combine(day, time(rng.randint(9, 19), rng.randint(0, 59)), tz))
        staff = rng.choice(staff_ids)
        roll = rng.random()
        if roll < 0.55:
            amount = rng.choice((3990, 5990, 8990, 12990, 15900, 19990, 24990, 34990, 49990)) + rng.choice((0, 0, 1000))
            yield (cid, "purchase", amount, rng.choice(data.PURCHASE_NOTES), at, day, staff, "demo", at, None, None, "",
                   None)
        elif roll < 0.93:
            yield (cid, "visit", None, "", at, day, staff, "demo", at, None, None, "", None)
        elif roll < 0.97:
            yield (cid, "call", None, "", at, day, staff, "demo", at, None, None, "", None)
        elif roll < 0.985:
            # Recent complaints are still open; older ones were resolved.
            recent = (today - day).days < 45
            closed = None if recent else at + timedelta(days=rng.choice((0, 1, 1, 2, 3, 4, 6, 9, 14)),
                                                         hours=rng.randint(1, 6))
            yield (cid, "complaint", None, rng.choice(data.COMPLAINT_NOTES), at, day, staff, "demo", at,
                   "open" if recent else "resolved", None, "" if recent else rng.choice(data.RESOLUTIONS), closed)
        else:
            recent = (today - day).days < 20
            kind = rng.choice(("quote", "quote", "reservation", "special_order", "tried_on"))
            yield (cid, kind, rng.choice((29900, 45000, 89000)), rng.choice(data.QUOTE_NOTES), at, day, staff,
                   "demo", at, "open" if recent else rng.choice(("bought", "lost")), day + timedelta(days=7), "", None)
