"""The customer base: create, edit, find, tag, merge, consent, and one timeline per customer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop_app.db import customers as queries
from desktop_app.db import search as search_index
from desktop_app.db.database import database, write
from desktop_app.db.models import Consent, Customer, CustomerTag, Interaction, Staff, Suppression
from desktop_app.domain.actors import Actor
from desktop_app.domain.birthdays import Birthday, parse_birthday
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import ChangedElsewhere, NotFound, ReguaError, ValidationError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.domain.permissions import require
from desktop_app.domain.search import Typed, guess_typed
from desktop_app.domain.segments import group_of
from desktop_app.domain.text import clean_text, sort_key
from desktop_app.services.customers.normalize import format_phone, normalize_email, normalize_phone
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import ShopSettings

CHANNELS = ("email", "whatsapp")
LEGAL_BASES = ("consent", "contract", "legitimate_interest")
MAX_NAME = 200
MAX_NOTES = 5000
MAX_FIELD = 120
MAX_SEARCH_LIMIT = 10000

KIND_LABELS = {
    "visit": QT_TRANSLATE_NOOP("kinds", "Visit"),
    "purchase": QT_TRANSLATE_NOOP("kinds", "Purchase"),
    "call": QT_TRANSLATE_NOOP("kinds", "Call"),
    "message": QT_TRANSLATE_NOOP("kinds", "Message"),
    "complaint": QT_TRANSLATE_NOOP("kinds", "Complaint"),
    "return": QT_TRANSLATE_NOOP("kinds", "Return / refund"),
    "note": QT_TRANSLATE_NOOP("kinds", "Note"),
    "quote": QT_TRANSLATE_NOOP("kinds", "Quote"),
    "reservation": QT_TRANSLATE_NOOP("kinds", "Reservation"),
    "special_order": QT_TRANSLATE_NOOP("kinds", "Special order"),
    "tried_on": QT_TRANSLATE_NOOP("kinds", "Tried on, did not buy"),
    "created": QT_TRANSLATE_NOOP("kinds", "Customer created"),
    "consent_email_on": QT_TRANSLATE_NOOP("kinds", "Agreed to e-mails"),
    "consent_email_off": QT_TRANSLATE_NOOP("kinds", "Stopped e-mails"),
    "consent_whatsapp_on": QT_TRANSLATE_NOOP("kinds", "Agreed to WhatsApp"),
    "consent_whatsapp_off": QT_TRANSLATE_NOOP("kinds", "Stopped WhatsApp"),
    "merged": QT_TRANSLATE_NOOP("kinds", "Merged with another record"),
}


@dataclass(slots=True)
class CustomerInput:
    """What a person typed in the customer form, as text."""

    name: str = ""
    email: str = ""
    phone: str = ""
    birthday: str = ""  # '15/03', '15/03/1990', or empty
    city: str = ""
    tax_id: str = ""
    card_code: str = ""
    notes: str = ""
    tags: Sequence[str] = ()
    consent_email: bool | None = None  # None: leave as it is
    consent_whatsapp: bool | None = None


@dataclass(slots=True)
class CleanCustomer:
    name: str
    email: str | None
    phone: str | None
    birthday: Birthday | None
    city: str
    tax_id: str | None
    card_code: str | None
    notes: str
    tags: list[str]


@dataclass(frozen=True, slots=True)
class Duplicate:
    field: str  # email | phone | tax_id
    customer_id: int
    name: str


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One line of the customer list."""

    id: int
    name: str
    phone: str  # formatted for reading
    phone_e164: str | None
    email: str
    city: str
    birthday: Birthday | None
    last_seen: date | None


@dataclass(slots=True)
class CustomerDetail:
    id: int
    name: str
    email: str | None
    phone: str | None
    phone_display: str
    birthday: Birthday | None
    city: str
    tax_id: str | None
    card_code: str | None
    notes: str
    tags: list[str]
    source: str
    created_at: datetime
    consent: dict[str, bool] = field(default_factory=dict)
    updated_at: datetime | None = None  # as read: the form hands it back to update_customer
    changed_at_till: str = ""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime  # UTC
    kind: str
    amount_cents: int | None
    note: str
    staff: str
    id: int | None = None  # the interaction, when the entry is one
    status: str | None = None  # open | resolved | bought | lost
    follow_up_on: date | None = None
    resolution: str = ""
    till: str = ""  # where it was logged ("Caixa 1"), when the till was recorded


def _bounded(value: str, name: str, limit: int) -> str:
    text = clean_text(value)
    if len(text) > limit:
        raise ValidationError(name, "too_long", max=limit)
    return text


def clean_tags(tags: Sequence[str]) -> list[str]:
    result: list[str] = []
    for tag in tags:
        text = clean_text(tag).lower()[:40]
        if text and text not in result:
            result.append(text)
    return result


def validate(data: CustomerInput, shop: ShopSettings, today: date) -> tuple[CleanCustomer | None, list[ValidationError]]:
    """Check every field; return the clean values, or every problem found (one per field)."""
    errors: list[ValidationError] = []

    def attempt(fn, *args):
        try:
            return fn(*args)
        except ValidationError as exc:
            errors.append(exc)
            return None

    name = attempt(_bounded, data.name, "name", MAX_NAME)
    if name == "":
        errors.append(ValidationError("name", "required"))
    email = attempt(normalize_email, data.email)
    if data.consent_email and not (data.email or "").strip():
        errors.append(ValidationError("consent_email", "consent_needs_email"))
    phone = attempt(normalize_phone, data.phone, shop.country)
    if data.consent_whatsapp and not (data.phone or "").strip():  # under the Phone field: the one to fill in
        errors.append(ValidationError("phone", "consent_needs_phone"))
    birthday = attempt(lambda t: parse_birthday(t, day_first=shop.country != "US", today=today), data.birthday)
    city = attempt(_bounded, data.city, "city", MAX_FIELD)
    tax_id = attempt(_bounded, data.tax_id, "tax_id", 40)
    card_code = attempt(_bounded, data.card_code, "card_code", 64)
    notes_text = (data.notes or "").replace("\r\n", "\n")
    if len(notes_text) > MAX_NOTES:
        errors.append(ValidationError("notes", "too_long", max=MAX_NOTES))
    if errors:
        return None, errors
    return CleanCustomer(
        name=name, email=email, phone=phone, birthday=birthday, city=city or "",
        tax_id=tax_id or None, card_code=card_code or None, notes=notes_text.strip(), tags=clean_tags(data.tags),
    ), []


def _raise_first(errors: list[ValidationError]) -> None:
    if errors:
        raise errors[0]


def duplicates_of(data: CustomerInput, shop: ShopSettings, today: date,
                  exclude_id: int | None = None) -> list[Duplicate]:
    """Who else has the e-mail, phone or tax id `data` would be saved with (none while it does not validate):
    what the customer form and the quick log warn about before creating a second record of one person."""
    clean, _errors = validate(data, shop, today)
    return [] if clean is None else find_duplicates(clean.email, clean.phone, clean.tax_id, exclude_id=exclude_id)


def find_duplicates(email: str | None, phone: str | None, tax_id: str | None = None,
                    exclude_id: int | None = None) -> list[Duplicate]:
    """Other customers who already have this e-mail, phone or tax id (a warning, not an error)."""
    found: list[Duplicate] = []
    for field_name, column, value in (("email", Customer.email, email), ("phone", Customer.phone, phone),
                                      ("tax_id", Customer.tax_id, tax_id)):
        if not value:
            continue
        query = Customer.select(Customer.id, Customer.name).where(column == value)
        if exclude_id is not None:
            query = query.where(Customer.id != exclude_id)
        found.extend(Duplicate(field_name, cid, name) for cid, name in query.limit(5).tuples())
    return found


def _check_card_code(card_code: str | None, exclude_id: int | None) -> None:
    if not card_code:
        return
    query = Customer.select(Customer.id, Customer.name).where(Customer.card_code == card_code)
    if exclude_id is not None:
        query = query.where(Customer.id != exclude_id)
    other = query.first()
    if other is not None:
        raise ValidationError("card_code", "card_code_taken", name=other.name)


def _apply(customer: Customer, clean: CleanCustomer, today: date) -> None:
    old_birthday = (customer.birth_day, customer.birth_month, customer.birth_year)
    customer.name = clean.name
    customer.name_key = sort_key(clean.name)
    customer.email = clean.email
    customer.phone = clean.phone
    b = clean.birthday
    customer.birth_day, customer.birth_month, customer.birth_year = (b.day, b.month, b.year) if b else (None, None, None)
    customer.birthday_md = b.month_day if b else None
    if (customer.birth_day, customer.birth_month, customer.birth_year) != old_birthday:
        customer.birthday_set_on = today if b else None
    customer.city = clean.city
    customer.tax_id = clean.tax_id
    customer.card_code = clean.card_code
    customer.notes = clean.notes


def _set_tags(customer_id: int, tags: list[str]) -> None:
    CustomerTag.delete().where(CustomerTag.customer == customer_id).execute()
    if tags:
        CustomerTag.insert_many([(customer_id, t) for t in tags], fields=[CustomerTag.customer, CustomerTag.tag]).execute()


def record_consent(customer_id: int, channel: str, granted: bool, *, actor: Actor, source: str,
                   legal_basis: str = "consent", at: datetime | None = None) -> None:
    """Append a consent answer; nothing is written when it is the answer already in force. A first "no"
    (never asked before) is an answer too and is kept with its source, like every yes and every no."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    with database.atomic():  # read what is in force and write the change as one unit, under the write lock
        current = queries.current_consent(customer_id).get(channel)
        if current is not None and current.granted == granted:
            return
        Consent.create(customer=customer_id, channel=channel, granted=granted, at=at or utc_now(),
                       source=source, legal_basis=legal_basis, staff=actor.staff_id)


def unsubscribe(customer_id: int, *, actor: Actor, reason: str = "asked") -> int:
    """"Stop sending me messages" (a STOP/SAIR reply, or asked at the counter): a no on every channel,
    the e-mail address on the suppression list (a re-import never brings it back), and the messages
    still waiting for this customer cancelled. Returns how many waiting messages were cancelled."""
    from desktop_app.services.cadence import outbox  # here, not at the top: a search never needs the régua

    require(actor, "customer.edit")
    with database.atomic():
        customer = _get(customer_id)
        now = utc_now()
        current = queries.current_consent(customer_id)
        for channel in CHANNELS:
            if channel not in current or current[channel].granted:
                Consent.create(customer=customer_id, channel=channel, granted=False, at=now, source="counter",
                               legal_basis="consent", staff=actor.staff_id)
        if customer.email:
            Suppression.insert(email=customer.email, reason="unsubscribed", at=now,
                               detail=reason[:100]).on_conflict_ignore().execute()
        cancelled = outbox.cancel_waiting(customer_id, now)
        audit.record(actor, "customer.unsubscribe", f"#{customer_id}", reason=reason, cancelled=cancelled)
    return cancelled


def _apply_consents(customer_id: int, data: CustomerInput, actor: Actor, source: str) -> None:
    for channel, wanted in (("email", data.consent_email), ("whatsapp", data.consent_whatsapp)):
        if wanted is not None:
            record_consent(customer_id, channel, wanted, actor=actor, source=source)


def create_customer(data: CustomerInput, *, shop: ShopSettings, actor: Actor, today: date,
                    source: str = "counter") -> int:
    from desktop_app.services.loyalty import ledger  # here, not at the top: a search never needs loyalty

    require(actor, "customer.create")
    clean, errors = validate(data, shop, today)
    _raise_first(errors)
    with database.atomic():
        _check_card_code(clean.card_code, None)
        now = utc_now()
        customer = Customer(source=source, created_at=now, updated_at=now, changed_at_till=actor.till)
        _apply(customer, clean, today)
        customer.save()
        _set_tags(customer.id, clean.tags)
        _apply_consents(customer.id, data, actor, source=source)
        search_index.index_customer(customer)
        if source in ("counter", "cli"):
            ledger.on_signup(customer.id, actor=actor, today=today)
    return customer.id


def update_customer(customer_id: int, data: CustomerInput, *, shop: ShopSettings, actor: Actor, today: date,
                    loaded_at: datetime | None = None) -> None:
    """Save what was typed over her record. With `loaded_at` (her `updated_at` when the form was filled),
    a record changed since, at another till or by anyone, is not overwritten: ChangedElsewhere says where
    and how long ago, and nothing is written. The check and the write are one unit that takes the write
    lock up front, so two tills saving at once cannot both pass it."""
    require(actor, "customer.edit")
    clean, errors = validate(data, shop, today)
    _raise_first(errors)
    with write():
        customer = _get(customer_id)
        now = utc_now()
        if loaded_at is not None and customer.updated_at != loaded_at:
            raise ChangedElsewhere.since(customer.changed_at_till, customer.updated_at, now)
        _check_card_code(clean.card_code, customer_id)
        _apply(customer, clean, today)
        customer.updated_at, customer.changed_at_till = now, actor.till
        customer.save()
        _set_tags(customer_id, clean.tags)
        _apply_consents(customer_id, data, actor, source="counter")
        search_index.index_customer(customer)


def _get(customer_id: int) -> Customer:
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFound("customer_not_found", ref=customer_id)
    return customer


def _birthday_of(c: Customer) -> Birthday | None:
    if c.birth_day and c.birth_month:
        try:
            return Birthday(c.birth_day, c.birth_month, c.birth_year)
        except ReguaError:
            return None
    return None


def detail(customer_id: int, shop: ShopSettings) -> CustomerDetail:
    c = _get(customer_id)
    tags = [t for (t,) in CustomerTag.select(CustomerTag.tag).where(CustomerTag.customer == c.id)
            .order_by(CustomerTag.tag).tuples()]
    consent = {ch: row.granted for ch, row in queries.current_consent(c.id).items()}
    return CustomerDetail(
        id=c.id, name=c.name, email=c.email, phone=c.phone, phone_display=format_phone(c.phone, shop.country),
        birthday=_birthday_of(c), city=c.city, tax_id=c.tax_id, card_code=c.card_code, notes=c.notes,
        tags=tags, source=c.source, created_at=c.created_at,
        consent={ch: consent.get(ch, False) for ch in CHANNELS}, updated_at=c.updated_at,
        changed_at_till=c.changed_at_till,
    )


def rows(ids: Sequence[int], shop: ShopSettings) -> list[CustomerRow]:
    """The list rows for a page of ids, in the order given (ids no longer there are left out)."""
    found = queries.customers_by_ids(ids)
    seen = queries.last_seen_by_customer(list(found))
    return [
        CustomerRow(id=c.id, name=c.name, phone=format_phone(c.phone, shop.country), phone_e164=c.phone,
                    email=c.email or "",
                    city=c.city, birthday=_birthday_of(c), last_seen=seen.get(c.id))
        for c in (found[i] for i in ids if i in found)
    ]


def _group(group: tuple[str, str] | None) -> tuple[str, str] | None:
    """A segment or lifecycle-stage filter: ("segment", "champions"), ("stage", "at_risk")."""
    if not group:
        return None
    checked = group_of(":".join(group))
    if checked is None:
        raise ValidationError("group", "group_invalid")
    return checked


def search(text: str, *, limit: int = 50, tag: str | None = None, birth_month: int | None = None,
           group: tuple[str, str] | None = None) -> list[int]:
    """Customers matching `text` and the filters; `group` reads the day's stored segments (the caller
    brings them up to date with reports.refresh_segments)."""
    if not (1 <= limit <= MAX_SEARCH_LIMIT):
        raise ValidationError("limit", "limit_invalid")
    return search_index.search_customer_ids(text, limit=limit, tag=tag or None, birth_month=birth_month or None,
                                            group=_group(group))


def list_ids(*, tag: str | None = None, birth_month: int | None = None, group: tuple[str, str] | None = None):
    return search_index.all_customer_ids(tag=tag or None, birth_month=birth_month or None, group=_group(group))


def count() -> int:
    return search_index.count_customers()


def tags() -> list[tuple[str, int]]:
    return queries.tag_counts()


def find_by_reference(ref: str, shop: ShopSettings) -> Customer:
    """A customer by id ('#12' or '12'), e-mail, phone or card code; for the command line and scanners."""
    text = clean_text(ref)
    typed = guess_typed(text)
    candidates = []
    if typed is Typed.CODE or (typed is Typed.PHONE and text.isdigit()):  # a bare 12 may be either: both tried
        candidates.append(Customer.get_or_none(Customer.id == int(text.lstrip("#"))))
    if typed is Typed.EMAIL:
        candidates.append(Customer.get_or_none(Customer.email == text.lower()))
    candidates.append(Customer.get_or_none(Customer.card_code == text))
    try:
        phone = normalize_phone(text, shop.country)
    except ValidationError:
        phone = None
    if phone:
        candidates.append(Customer.select().where(Customer.phone == phone).order_by(Customer.id).first())
    for c in candidates:
        if c is not None:
            return c
    raise NotFound("customer_not_found", ref=text)


def timeline(customer_id: int, limit: int = 500) -> list[TimelineEntry]:
    """Everything that happened with a customer, newest first, with who logged it."""
    c = _get(customer_id)
    staff_names = dict(Staff.select(Staff.id, Staff.name).tuples())
    entries = [
        TimelineEntry(i.occurred_at, i.kind, i.amount_cents, i.note,
                      staff_names.get(i.staff_id, "") if i.staff_id else _source_author(i.source),
                      i.id, i.status, i.follow_up_on, i.resolution, i.till or "")
        for i in Interaction.select().where(Interaction.customer == customer_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).limit(limit)
    ]
    entries += [
        TimelineEntry(r.at, f"consent_{r.channel}_{'on' if r.granted else 'off'}", None, "",
                      staff_names.get(r.staff_id, "") if r.staff_id else _source_author(r.source))
        for r in Consent.select().where(Consent.customer == customer_id)
    ]
    entries.append(TimelineEntry(c.created_at, "created", None, "", _source_author(c.source)))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries


SOURCE_AUTHORS = {
    "cli": QT_TRANSLATE_NOOP("sources", "the command line"),
    "import": QT_TRANSLATE_NOOP("sources", "a spreadsheet import"),
    "demo": QT_TRANSLATE_NOOP("sources", "the demo data"),
    "cadence": QT_TRANSLATE_NOOP("sources", "the régua (sent by itself)"),
}


def _source_author(source: str) -> str:
    """Who logged an entry no staff member made: an English label, translated by the GUI."""
    return SOURCE_AUTHORS.get(source, "")


MERGE_FILL_FIELDS = ("email", "phone", "birth_day", "birth_month", "birth_year", "birthday_md",
                     "birthday_set_on", "city", "tax_id", "card_code")


def merge_customers(keep_id: int, other_id: int, *, actor: Actor, today: date) -> None:
    """Fold `other` into `keep`: keep's values stay, its empty fields are filled from other; history,
    consent records and tags move over; other is deleted. One transaction."""
    from desktop_app.services.cadence import outbox
    from desktop_app.services.loyalty import ledger

    require(actor, "customer.merge")
    if keep_id == other_id:
        raise ValidationError("merge", "merge_same")
    with database.atomic():
        keep, other = _get(keep_id), _get(other_id)
        birthday_from_other = not keep.birth_month and other.birth_month
        card_code = other.card_code
        for name in MERGE_FILL_FIELDS:
            if name.startswith("birth") and not birthday_from_other:
                continue
            if not getattr(keep, name) and getattr(other, name):
                setattr(keep, name, getattr(other, name))
        if other.notes and other.notes not in keep.notes:
            keep.notes = (keep.notes + "\n" + other.notes).strip()
        if keep.card_code == card_code:
            Customer.update(card_code=None).where(Customer.id == other_id).execute()
        keep.created_at = min(keep.created_at, other.created_at)
        keep.updated_at, keep.changed_at_till = utc_now(), actor.till
        Interaction.update(customer=keep_id).where(Interaction.customer == other_id).execute()
        Consent.update(customer=keep_id).where(Consent.customer == other_id).execute()
        ledger.merge_accounts(keep_id, other_id, today=today)
        outbox.merge_customers(keep_id, other_id)
        other_tags = [t for (t,) in CustomerTag.select(CustomerTag.tag).where(CustomerTag.customer == other_id).tuples()]
        for tag in other_tags:
            CustomerTag.insert(customer=keep_id, tag=tag).on_conflict_ignore().execute()
        Interaction.create(customer=keep_id, kind="merged", note=other.name, occurred_at=utc_now(),
                           occurred_on=today, staff=actor.staff_id, source="counter", created_at=utc_now(),
                           till=actor.till)
        Customer.delete().where(Customer.id == other_id).execute()
        keep.save()
        search_index.index_customer(keep)
        audit.record(actor, "customer.merge", f"#{keep_id}", merged_id=other_id, merged_name=other.name)
