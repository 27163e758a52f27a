"""Importing the owner's customer list: plan (a dry run with every problem by row and column), commit
(one transaction, all or nothing) and undo (the whole batch, unless newer work depends on it).

Rows are numbered as the spreadsheet numbers them. A row without a name is skipped with an error; a
bad e-mail, phone, date or amount leaves that one field empty with a warning (never stored as
something else). Duplicates are found within the file and against the database by e-mail, then phone,
then tax id, then card code (a row with none of them, by its exact name); by default the customer
already in Régua keeps her values and only gets what she lacks. Families share a phone or an e-mail:
a match whose name clearly differs is never merged on its own. It is a *possible duplicate*, imported
as a new customer unless the owner says it is the same person (`ImportOptions.same_person`).
The file is read row by row (`Table.iter_rows`); only the customers it describes are kept in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice

from desktop_app.db import customers as queries
from desktop_app.db.bulk import bulk_insert, bulk_insert_ids, large_cache
from desktop_app.db.database import database
from desktop_app.db.models import (
    Consent,
    Customer,
    CustomerTag,
    ImportBatch,
    ImportChange,
    Interaction,
    LoyaltyEntry,
    SearchTerm,
)
from desktop_app.domain.actors import Actor
from desktop_app.domain.birthdays import Birthday
from desktop_app.domain.dates import local_noon_utc, utc_now
from desktop_app.domain.errors import MESSAGES, NotFound, ReguaError, ValidationError
from desktop_app.domain.importing import (
    DATE_FIELDS,
    Issue,
    cell_text,
    date_order,
    guess_mapping,
    is_blank,
    is_text_date,
    is_totals_row,
    names_agree,
    parse_birthday_cell,
    parse_consent,
    parse_date,
)
from desktop_app.domain.money import parse_money
from desktop_app.domain.permissions import require
from desktop_app.domain.privacy import erased_key
from desktop_app.domain.search import customer_terms
from desktop_app.domain.text import clean_text, sort_key
from desktop_app.services.customers import privacy
from desktop_app.services.customers.customers import MAX_FIELD, MAX_NAME, MAX_NOTES, clean_tags
from desktop_app.services.customers.normalize import normalize_email, normalize_phone
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.spreadsheets.spreadsheet import RowProblem, Table

FILLABLE = ("email", "phone", "birthday", "city", "tax_id", "card_code", "notes")
Progress = Callable[[int, int], None]  # (done, total); raise to cancel


class Cancelled(Exception):
    """The user cancelled a long import; nothing was written."""


@dataclass(slots=True)
class ImportOptions:
    mapping: list[str] | None = None  # a field per column; None: guessed from the header
    date_orders: dict[int, str] | None = None  # column -> 'dmy' | 'mdy'; None: decided from the values
    file_wins: bool = False  # update existing customers with the file's values, not only their gaps
    same_person: frozenset[int] | set[int] = frozenset()  # rows of possible duplicates the owner confirmed


@dataclass(slots=True)
class Record:
    """One customer as the file describes her (after merging the file's own duplicates)."""

    rows: list[int]
    name: str
    email: str | None = None
    phone: str | None = None
    birthday: Birthday | None = None
    city: str = ""
    tax_id: str | None = None
    card_code: str | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    consent: Mapping[str, bool] = field(default_factory=dict)  # shared between records: replace, never change
    last_purchase: date | None = None
    total_spent: int | None = None
    existing_id: int | None = None  # the customer in Régua this row updates


@dataclass(slots=True)
class PossibleDuplicate:
    """A row that shares a phone, e-mail, tax id or card code with a customer of another name."""

    row: int
    name: str  # as the file has it
    existing_id: int
    existing_name: str
    key: str  # 'phone' | 'email' | 'tax_id' | 'card_code'
    same_person: bool  # False (the default): she is a new customer


@dataclass(slots=True)
class ImportPlan:
    file_name: str
    sheet: str
    mapping: list[str]
    date_orders: dict[int, str]
    header: list[str]
    rows: int
    records: list[Record]
    merged: int
    skipped: int
    issues: list[Issue]
    updates: dict[int, dict] = field(default_factory=dict)  # existing id -> field -> new value
    options: ImportOptions = field(default_factory=ImportOptions)
    by_existing: dict[int, Record] = field(default_factory=dict)
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(1 for r in self.records if r.existing_id is None)

    @property
    def updated(self) -> int:
        return len(self.updates)

    def report(self, batch: int | None, dry_run: bool, translate: Callable[[str, str], str] | None = None) -> dict:
        """The JSON report of DESIGN.md section 6."""
        return {
            "rows": self.rows, "created": self.created, "updated": self.updated, "merged": self.merged,
            "skipped": self.skipped + (sum(1 for r in self.records if r.existing_id is not None)
                                       - self.updated),
            "issues": [{"row": i.row, "column": i.column, "value": i.value, "severity": i.severity,
                        "message": issue_message(i, translate)} for i in self.issues],
            "batch": batch, "dry_run": dry_run,
        }


def issue_message(issue: Issue, translate: Callable[[str, str], str] | None = None) -> str:
    """The issue in words; `translate(context, text)` (Qt's) puts it in the user's language."""
    template = MESSAGES.get(issue.code, issue.code)
    params = dict(issue.params)
    if "key" in params:
        params["key"] = MESSAGES.get(f"key_{params['key']}", params["key"])
        if translate is not None:
            params["key"] = translate("errors", params["key"])
    if params.get("other") == "\t" or params.get("delimiter") == "\t":
        params = {k: ("Tab" if v == "\t" else v) for k, v in params.items()}
    if translate is not None:
        template = translate("errors", template)
        if "country" in params:
            params["country"] = translate("countries", params["country"])
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


# --- planning -------------------------------------------------------------------------------------

class _RowReader:
    def __init__(self, table: Table, mapping: list[str], orders: dict[int, str], shop: ShopSettings, today: date):
        self.table, self.mapping, self.orders, self.shop, self.today = table, mapping, orders, shop, today
        self.columns = {f: i for i, f in enumerate(mapping) if f != "ignore"}
        self.header = [cell_text(h) or f"#{i + 1}" for i, h in enumerate(table.header)]
        self.issues: list[Issue] = []
        self._values: dict[str, str] = {}
        self._answers: dict[tuple, dict[str, bool]] = {}
        self._tag_lists: dict[tuple, list[str]] = {}

    def _cell(self, row: Sequence[object], name: str):
        index = self.columns.get(name)
        if index is None or index >= len(row):
            return None
        return row[index]

    def _issue(self, row_no: int, name: str, value: object, severity: str, code: str, /, **params) -> None:
        column = self.header[self.columns[name]] if name in self.columns else name
        text = cell_text(value)
        self.issues.append(Issue(row_no, column, text[:200], severity, code,
                                 tuple((k, str(v)) for k, v in params.items())))

    def _soft(self, row_no: int, name: str, value: object, fn):
        """Run a cleaner; on a ValidationError keep the field empty and record a warning."""
        try:
            return fn()
        except ValidationError as exc:
            self._issue(row_no, name, value, "warning", exc.code, **exc.params)
            return None

    def _text(self, row_no: int, name: str, row, limit: int) -> str:
        if name not in self.columns:
            return ""
        value = self._cell(row, name)
        text = clean_text(cell_text(value))
        if len(text) > limit:
            self._issue(row_no, name, value, "warning", "too_long", max=limit)
            return ""
        return text

    def record(self, row: Sequence[object], row_no: int) -> Record | None:
        cell = self._cell
        name = clean_text(cell_text(cell(row, "name")))
        if not name:
            name = clean_text(f"{cell_text(cell(row, 'first_name'))} {cell_text(cell(row, 'last_name'))}")
        if not name:
            self._issue(row_no, "name" if "name" in self.columns else "first_name", "", "error", "required")
            return None
        if len(name) > MAX_NAME:
            self._issue(row_no, "name", name, "error", "too_long", max=MAX_NAME)
            return None
        rec = Record([row_no], name)
        country = self.shop.country
        raw = cell(row, "email")
        rec.email = self._soft(row_no, "email", raw, lambda: normalize_email(cell_text(raw)))
        raw_phone = cell(row, "phone")
        rec.phone = self._soft(row_no, "phone", raw_phone, lambda: normalize_phone(cell_text(raw_phone), country))
        if "birthday" in self.columns:
            raw_b = cell(row, "birthday")
            order = self.orders.get(self.columns["birthday"], "dmy")
            rec.birthday = self._soft(row_no, "birthday", raw_b, lambda: parse_birthday_cell(
                raw_b, order=order, date1904=self.table.date1904, today=self.today))
        if "last_purchase" in self.columns:
            raw_d = cell(row, "last_purchase")
            order = self.orders.get(self.columns["last_purchase"], "dmy")
            when = self._soft(row_no, "last_purchase", raw_d,
                              lambda: parse_date(raw_d, order=order, date1904=self.table.date1904))
            if when is not None and when > self.today:
                self._issue(row_no, "last_purchase", raw_d, "warning", "date_future")
                when = None
            rec.last_purchase = when
        if "total_spent" in self.columns:
            raw_t = cell(row, "total_spent")
            if raw_t is not None and cell_text(raw_t).strip():
                cents = self._soft(row_no, "total_spent", raw_t, lambda: parse_money(raw_t, "total_spent"))
                if cents is not None and cents < 0:
                    self._issue(row_no, "total_spent", raw_t, "warning", "amount_negative")
                    cents = None
                rec.total_spent = cents
        rec.city = self._text(row_no, "city", row, MAX_FIELD)
        rec.tax_id = self._text(row_no, "tax_id", row, 40) or None
        rec.card_code = self._text(row_no, "card_code", row, 64) or None
        rec.notes = self._text(row_no, "notes", row, MAX_NOTES)
        tags = cell_text(cell(row, "tags"))
        if tags:
            found = tuple(self._shared(t) for t in clean_tags(tags.replace(";", ",").split(",")))
            rec.tags = self._tag_lists.setdefault(found, list(found))  # shared: replaced, never changed
        rec.city = self._shared(rec.city)
        answers = {}
        for channel in ("email", "whatsapp"):
            name_ = f"consent_{channel}"
            if name_ in self.columns:
                raw_c = cell(row, name_)
                answer = parse_consent(raw_c)
                if answer is None and raw_c is not None and cell_text(raw_c).strip():
                    self._issue(row_no, name_, raw_c, "warning", "consent_unclear")
                elif answer is not None:
                    answers[channel] = answer
        if answers:  # one dict per combination of answers, not one per customer (memory on big files)
            rec.consent = self._answers.setdefault(tuple(answers.items()), answers)
        return rec

    def _shared(self, text: str) -> str:
        """One string object for a value many rows repeat (a city, a tag)."""
        if len(text) > 40:
            return text
        return self._values.setdefault(text, text)


def _fill(into: Record, other: Record) -> None:
    """Merge a later row of the same customer: what the first row left empty is filled."""
    into.rows.extend(other.rows)
    for name in FILLABLE + ("last_purchase", "total_spent"):
        if not getattr(into, name) and getattr(other, name):
            setattr(into, name, getattr(other, name))
    into.tags = clean_tags([*into.tags, *other.tags])
    if other.consent:
        into.consent = {**other.consent, **into.consent}


_KEYS = ("email", "phone", "tax_id")


def _match_by_keys(rec, keys, candidates_of):
    """Who a row is, by the keys that tell a person apart, in that order: the first candidate sharing a
    key whose name agrees with the row's, and the first one found sharing a key under another name
    (a family sharing a phone), as (same, (key, other)); either may be None."""
    other = None
    for key in keys:
        value = getattr(rec, key)
        for candidate in candidates_of(key, value) if value else ():
            if names_agree(candidate.name, rec.name):
                return candidate, other
            if other is None:
                other = (key, candidate)
    return None, other


class _FileIndex:
    """The file's customers by e-mail, phone and tax id, to find a later row of the same person. A value
    maps to its first record; people of another name with the same value (a family) are kept aside."""

    __slots__ = ("first", "others")

    def __init__(self) -> None:
        self.first: dict[str, dict[str, Record]] = {kind: {} for kind in _KEYS}
        self.others: dict[tuple[str, str], list[Record]] = {}

    def candidates(self, kind: str, value: str) -> tuple[Record, ...]:
        first = self.first[kind].get(value)
        if first is None:
            return ()
        more = self.others.get((kind, value))
        return (first, *more) if more else (first,)

    def add(self, rec: Record, *, also: bool = True) -> None:
        """Index `rec` under its values; `also`: beside another person holding the same value."""
        for kind in _KEYS:
            value = getattr(rec, kind)
            if not value:
                continue
            first = self.first[kind].setdefault(value, rec)
            if first is not rec and also:
                self.others.setdefault((kind, value), []).append(rec)


def _text_dates(head: Sequence[Sequence[object]], index: int) -> bool:
    """Whether a column's first rows hold dates written as text, whose day/month order must be decided."""
    return any(is_text_date(r[index]) for r in head if index < len(r))


def plan_import(table: Table, shop: ShopSettings, today: date, options: ImportOptions | None = None,
                progress: Progress | None = None) -> ImportPlan:
    """Read, validate and de-duplicate every row; nothing is written."""
    options = options or ImportOptions()
    header = table.header
    mapping = list(options.mapping) if options.mapping is not None else guess_mapping(header)
    mapping += ["ignore"] * (len(header) - len(mapping))
    if not ({"name", "first_name", "last_name"} & set(mapping)):
        raise ReguaError("no_name_column")
    skip = table.header_index + 1
    first_row_no = table.header_index + 2
    total = max(0, table.row_count - skip)
    orders = dict(options.date_orders or {})
    for index, name in enumerate(mapping):
        if name in DATE_FIELDS and index not in orders:
            # A second pass over the file only for dates written as text (real dates need no order).
            values = ((r[index] for n, r in enumerate(table.iter_rows()) if n >= skip and index < len(r))
                      if _text_dates(table.head[skip:], index) else ())
            orders[index] = date_order(values, default_day_first=shop.country != "US")
    reader = _RowReader(table, mapping, orders, shop, today)
    records: list[Record] = []
    index = _FileIndex()
    merged = skipped = counted = 0
    for offset, row in enumerate(table.iter_rows()):
        if offset < skip:
            continue
        offset -= skip
        if progress is not None and offset % 2000 == 0:
            progress(offset, total)
        row_no = first_row_no + offset
        if isinstance(row, RowProblem):
            reader._issue(row_no, "name" if "name" in reader.columns else "first_name",
                          " ".join(cell_text(v) for v in row if v is not None), row.severity, row.code, **row.params)
            if row.severity == "error":
                counted += 1
                skipped += 1
                continue
        if is_blank(row):
            continue
        if is_totals_row(row):
            first = next(v for v in row if v is not None and str(v).strip())
            reader._issue(row_no, "name" if "name" in reader.columns else "first_name", first, "warning",
                          "totals_row")
            counted += 1  # a row of the file the import leaves out: among the skipped, as its warning says
            skipped += 1
            continue
        counted += 1
        rec = reader.record(row, row_no)
        if rec is None:
            skipped += 1
            continue
        same, other = _match_by_keys(rec, _KEYS, index.candidates)
        if same is not None:
            reader._issue(row_no, "name", rec.name, "warning", "duplicate_in_file", row=same.rows[0])
            _fill(same, rec)
            merged += 1
            index.add(same, also=False)
            continue
        if other is not None:
            reader._issue(row_no, "name", rec.name, "warning", "same_key_other_name", key=other[0],
                          row=other[1].rows[0])
        index.add(rec)
        records.append(rec)
    del index  # its dicts go before the match with the database builds its own (memory on big files)
    plan = ImportPlan(table.file_name, table.sheet, mapping, orders, reader.header, counted, records, merged,
                      skipped, reader.issues, options=options)
    _match_existing(plan, reader)
    plan.issues.sort(key=lambda i: (i.row, i.column))
    if progress is not None:
        progress(total, total)
    return plan


def _drop_erased(plan: ImportPlan, reader: _RowReader) -> None:
    """A customer who was erased at her request is not brought back by an old spreadsheet."""
    if not privacy.anyone_erased():
        return
    keys = {}
    for rec in plan.records:
        for kind in ("email", "phone", "tax_id"):
            key = erased_key(kind, getattr(rec, kind))
            if key:
                keys.setdefault(key, []).append(rec)
    if not keys:
        return
    erased = privacy.erased_keys(sorted(keys))
    gone = {id(rec): rec for key in erased for rec in keys[key]}
    for rec in gone.values():
        reader._issue(rec.rows[0], "name", rec.name, "warning", "erased_customer")
    plan.records = [rec for rec in plan.records if id(rec) not in gone]
    plan.skipped += len(gone)


def _match_existing(plan: ImportPlan, reader: _RowReader) -> None:
    """Pair records with customers already in Régua; work out what each update changes."""
    _drop_erased(plan, reader)
    wanted = {"email": set(), "phone": set(), "tax_id": set(), "card_code": set(), "name_key": set()}
    for rec in plan.records:
        for name in ("email", "phone", "tax_id", "card_code"):
            value = getattr(rec, name)
            if value:
                wanted[name].add(value)
        if not (rec.email or rec.phone or rec.tax_id or rec.card_code):
            wanted["name_key"].add(sort_key(rec.name))
    found: dict[str, dict[str, list]] = {name: {} for name in wanted}
    columns = [Customer.id, Customer.name, Customer.name_key,
               *(getattr(Customer, n) for n in FILLABLE if n != "birthday"),
               Customer.birth_day, Customer.birth_month, Customer.birth_year]
    for name, values in wanted.items():
        for c in sorted(queries.customers_where_in(getattr(Customer, name), sorted(values), columns)):
            found[name].setdefault(getattr(c, name), []).append(c)  # lowest id first
    same_person = set(plan.options.same_person)
    matched: list[tuple[Record, object]] = []
    for rec in plan.records:
        existing, differing = _match_by_keys(rec, ("email", "phone", "tax_id", "card_code"),
                                             lambda key, value: found[key].get(value, ()))
        if existing is None and differing is None and not (rec.email or rec.phone or rec.tax_id or rec.card_code):
            same_name = found["name_key"].get(sort_key(rec.name), [])
            if len(same_name) == 1:  # nothing else to tell her by: the one customer of that exact name
                existing = same_name[0]
        if existing is None and differing is not None:
            key, c = differing
            confirmed = rec.rows[0] in same_person
            plan.possible_duplicates.append(PossibleDuplicate(rec.rows[0], rec.name, c.id, c.name, key, confirmed))
            reader._issue(rec.rows[0], "name", rec.name, "warning",
                          "possible_duplicate_same" if confirmed else "possible_duplicate", key=key, name=c.name)
            if confirmed:
                existing = c
        if rec.card_code and rec.card_code in found["card_code"]:
            owner = found["card_code"][rec.card_code][0]
            if existing is None or owner.id != existing.id:
                reader._issue(rec.rows[0], "card_code", rec.card_code, "warning", "card_code_taken", name=owner.name)
                rec.card_code = None
        if existing is not None and existing.id in plan.by_existing:
            existing = None  # two rows of the file are not both her: the second one is someone new
        if existing is not None:
            rec.existing_id = existing.id
            plan.by_existing[existing.id] = rec
            matched.append((rec, existing))
    on_file = {id(rec): (c.email, c.phone) for rec, c in matched}
    for rec in plan.records:
        if rec.consent:
            _consent_needs_address(rec, *on_file.get(id(rec), (None, None)), reader)
    ids = [c.id for _, c in matched]
    tags_now = queries.tags_for(ids)
    consent_now = queries.consent_for(ids)
    seen = queries.last_seen_by_customer(ids)
    for rec, existing in matched:
        changes = _changes(existing, rec, plan.options.file_wins)
        in_force = consent_now.get(existing.id, {})
        kept = {}
        for channel, answer in rec.consent.items():
            if answer and in_force.get(channel) is False:  # an opt-out is never undone by a re-import
                reader._issue(rec.rows[0], f"consent_{channel}", "", "warning", "opt_out_kept")
            elif in_force.get(channel) != answer:  # what is already on record is not written again
                kept[channel] = answer
        if len(kept) != len(rec.consent):
            rec.consent = kept
        last_seen = seen.get(existing.id)
        if last_seen is not None and (rec.last_purchase is None or rec.last_purchase <= last_seen):
            rec.last_purchase, rec.total_spent = None, None  # history Régua already has (a re-import)
        new_tags = [t for t in rec.tags if t not in tags_now.get(existing.id, set())]
        if changes or new_tags or rec.consent or rec.last_purchase or rec.total_spent:
            changes["_tags"] = new_tags
            plan.updates[existing.id] = changes


_NEEDS_ADDRESS = {"email": "consent_without_email", "whatsapp": "consent_without_phone"}


def _consent_needs_address(rec: Record, email: str | None, phone: str | None, reader: _RowReader) -> None:
    """A yes to e-mails needs an e-mail address and a yes to WhatsApp a phone, in the file (any of the
    customer's rows) or already on record, as the customer form asks: without one the yes is not
    recorded, with a warning on her first row. A no is always kept (it is always safe)."""
    address = {"email": rec.email or email, "whatsapp": rec.phone or phone}
    dropped = [channel for channel, answer in rec.consent.items() if answer and not address[channel]]
    for channel in dropped:
        reader._issue(rec.rows[0], f"consent_{channel}", "", "warning", _NEEDS_ADDRESS[channel])
    if dropped:  # shared between records: replaced, never changed
        rec.consent = {channel: answer for channel, answer in rec.consent.items() if channel not in dropped}


def _birthday_of(c) -> Birthday | None:
    return Birthday(c.birth_day, c.birth_month, c.birth_year) if c.birth_day and c.birth_month else None


def _changes(existing, rec: Record, file_wins: bool) -> dict:
    changes = {}
    for name in FILLABLE:
        new = getattr(rec, name)
        old = _birthday_of(existing) if name == "birthday" else getattr(existing, name)
        if not new or new == old:
            continue
        if old and not file_wins:
            continue
        changes[name] = new
    return changes


# --- committing -----------------------------------------------------------------------------------

def commit_import(plan: ImportPlan, *, actor: Actor, shop: ShopSettings, today: date,
                  progress: Progress | None = None) -> int:
    """Write the plan in one transaction and return the batch id. A crash or a cancel writes nothing.
    The rows are built and inserted a chunk of customers at a time, all inside that one transaction, so
    memory holds the plan and one chunk, never the whole batch's rows (RELIABILITY: memory stays bounded)."""
    require(actor, "customer.import")
    total = plan.created + len(plan.updates)
    with large_cache(_cache_megabytes(total)), database.atomic():
        batch_id = _write(plan, actor=actor, shop=shop, today=today, progress=progress)
    if progress is not None:
        progress(total, total)
    return batch_id


CHUNK = 5000  # new customers built and inserted at a time (their search terms, tags, consents, history)
UPDATE_CHUNK = 500  # existing customers updated between two writes of their consents and history
CACHE_MB = 48  # the largest page cache an import asks for: with the plan of a file at the limits, under 400 MB


def _cache_megabytes(rows: int) -> int:
    """About 2.5 KB of index pages a customer (her row, her search terms and their indexes), up to
    CACHE_MB: the cache is memory too, beside the plan. Past it SQLite writes pages of the open
    transaction out to the WAL and reads them back when needed (slower, still one transaction)."""
    return min(CACHE_MB, max(32, rows // 400))


_CUSTOMER_FIELDS = (Customer.name, Customer.name_key, Customer.email, Customer.phone, Customer.birth_day,
                    Customer.birth_month, Customer.birth_year, Customer.birthday_md, Customer.birthday_set_on,
                    Customer.city, Customer.tax_id, Customer.card_code, Customer.notes, Customer.source,
                    Customer.created_at, Customer.updated_at, Customer.import_batch)
_TERM_FIELDS = (SearchTerm.term, SearchTerm.name_key, SearchTerm.customer)
_TAG_FIELDS = (CustomerTag.customer, CustomerTag.tag)
_CONSENT_FIELDS = (Consent.customer, Consent.channel, Consent.granted, Consent.at, Consent.source,
                   Consent.legal_basis, Consent.staff, Consent.import_batch)
_HISTORY_FIELDS = (Interaction.customer, Interaction.kind, Interaction.amount_cents, Interaction.note,
                   Interaction.occurred_at, Interaction.occurred_on, Interaction.staff, Interaction.source,
                   Interaction.created_at, Interaction.import_batch)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _write(plan: ImportPlan, *, actor: Actor, shop: ShopSettings, today: date, progress: Progress | None) -> int:
    now = utc_now()
    tz = shop.timezone
    batch = ImportBatch.create(file_name=plan.file_name, sheet=plan.sheet, at=now, actor=actor.name,
                               staff=actor.staff_id, rows=plan.rows, created=plan.created,
                               updated=plan.updated, merged=plan.merged, skipped=plan.skipped)
    created = plan.created
    total = created + len(plan.updates)
    done = 0
    for chunk in _chunks((r for r in plan.records if r.existing_id is None), CHUNK):
        if progress is not None:
            progress(done, total)
        keys = [sort_key(rec.name) for rec in chunk]
        rows = []
        for rec, key in zip(chunk, keys, strict=True):
            b = rec.birthday
            rows.append((rec.name, key, rec.email, rec.phone, b.day if b else None, b.month if b else None,
                         b.year if b else None, b.month_day if b else None, today if b else None, rec.city,
                         rec.tax_id, rec.card_code, rec.notes, "import", now, now, batch.id))
        ids = bulk_insert_ids(Customer, _CUSTOMER_FIELDS, rows)
        del rows
        terms, tags, consents, history = [], [], [], []
        for cid, rec, key in zip(ids, chunk, keys, strict=True):
            terms.extend((t, key, cid) for t in customer_terms(
                name=rec.name, email=rec.email, phone=rec.phone, tax_id=rec.tax_id, card_code=rec.card_code))
            tags.extend((cid, t) for t in rec.tags)
            consents.extend((cid, ch, ok, now, "import", "consent", actor.staff_id, batch.id)
                            for ch, ok in rec.consent.items())  # every yes and every no, from this import
            history.extend(_history_rows(cid, rec, actor, now, tz, batch.id))
        # Sorted by term, the chunk's terms visit the pages of the term index in order; the second index
        # (customer, term) only grows at its end, among this chunk's new ids. (299,000 new customers: 77 s
        # in sorted chunks with a 48 MB cache, 120 s customer by customer with 64 MB.)
        terms.sort()
        bulk_insert(SearchTerm, _TERM_FIELDS, terms)
        bulk_insert(CustomerTag, _TAG_FIELDS, tags)
        bulk_insert(Consent, _CONSENT_FIELDS, consents)
        bulk_insert(Interaction, _HISTORY_FIELDS, history)
        done += len(chunk)
    for chunk in _chunks(plan.updates.items(), UPDATE_CHUNK):
        if progress is not None:
            progress(done, total)
        consents, history = [], []
        for cid, changes in chunk:
            _apply_update(cid, changes, batch.id, now, today)
            rec = plan.by_existing[cid]
            consents.extend((cid, ch, ok, now, "import", "consent", actor.staff_id, batch.id)
                            for ch, ok in rec.consent.items())
            history.extend(_history_rows(cid, rec, actor, now, tz, batch.id))
        bulk_insert(Consent, _CONSENT_FIELDS, consents)
        bulk_insert(Interaction, _HISTORY_FIELDS, history)
        done += len(chunk)
    audit.record(actor, "import", plan.file_name, batch=batch.id, created=plan.created, updated=plan.updated,
                 merged=plan.merged, skipped=plan.skipped)
    return batch.id


def _history_rows(cid: int, rec: Record, actor: Actor, now: datetime, tz: str, batch_id: int):
    """The last purchase and the total spent become one purchase in the history, dated the last purchase."""
    if rec.last_purchase is None and not rec.total_spent:
        return []
    day = rec.last_purchase or now.date()
    note = "Importado: total gasto" if rec.total_spent else "Importado: última compra"
    return [(cid, "purchase", rec.total_spent, note, local_noon_utc(day, tz), day, actor.staff_id, "import", now,
             batch_id)]


def _apply_update(cid: int, changes: dict, batch_id: int, now: datetime, today: date) -> None:
    c = Customer.get_by_id(cid)
    before = {name: (getattr(c, name) if name != "birthday" else
                     [c.birth_day, c.birth_month, c.birth_year, c.birthday_md,
                      c.birthday_set_on.isoformat() if c.birthday_set_on else None])
              for name in changes if not name.startswith("_")}
    before["_updated_at"] = c.updated_at.isoformat()
    before["_tags_added"] = changes.get("_tags", [])
    ImportChange.create(batch=batch_id, customer_id=cid, before=json.dumps(before, default=str))
    for name, value in changes.items():
        if name == "birthday":
            c.birth_day, c.birth_month, c.birth_year = value.day, value.month, value.year
            c.birthday_md, c.birthday_set_on = value.month_day, today
        elif not name.startswith("_"):
            setattr(c, name, value)
    c.updated_at = now
    c.save()
    for tag in changes.get("_tags", []):
        CustomerTag.insert(customer=cid, tag=tag).on_conflict_ignore().execute()
    _reindex(c)


def _reindex(c: Customer) -> None:
    from desktop_app.db.search import replace_terms

    replace_terms(c.id, c.name_key, customer_terms(name=c.name, email=c.email, phone=c.phone, tax_id=c.tax_id,
                                                   card_code=c.card_code))


# --- undo -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    file_name: str
    at: datetime
    actor: str
    created: int
    updated: int
    undone_at: datetime | None


def batches(limit: int = 50) -> list[BatchInfo]:
    return [BatchInfo(b.id, b.file_name, b.at, b.actor, b.created, b.updated, b.undone_at)
            for b in ImportBatch.select().order_by(ImportBatch.id.desc()).limit(limit)]


def undo_import(batch_id: int, *, actor: Actor) -> None:
    """Remove the customers a batch created and restore what it changed, or say what blocks it."""
    require(actor, "customer.import")
    with database.atomic():
        batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
        if batch is None:
            raise NotFound("import_not_found")
        if batch.undone_at is not None:
            raise ReguaError("import_already_undone")
        created = Customer.select(Customer.id).where(Customer.import_batch == batch_id)
        changes = list(ImportChange.select().where(ImportChange.batch == batch_id))
        blockers = _undo_blockers(batch, changes)
        if blockers:
            raise ReguaError("import_undo_blocked", count=len(blockers), names=", ".join(blockers[:3]))
        for change in changes:
            _restore(change, batch_id)
        Consent.delete().where(Consent.import_batch == batch_id).execute()
        Interaction.delete().where(Interaction.import_batch == batch_id).execute()
        Customer.delete().where(Customer.id.in_(created)).execute()
        batch.undone_at = utc_now()
        batch.save()
        audit.record(actor, "import.undo", batch.file_name, batch=batch_id)


def _undo_blockers(batch: ImportBatch, changes: list[ImportChange]) -> list[str]:
    names = []
    edited = (Customer.select(Customer.name).where((Customer.import_batch == batch.id)
                                                   & (Customer.updated_at > batch.at)).limit(10))
    names += [c.name for c in edited]
    newer = (Customer.select(Customer.name).join(Interaction, on=(Interaction.customer == Customer.id))
             .where((Customer.import_batch == batch.id)
                    & ((Interaction.import_batch.is_null()) | (Interaction.import_batch != batch.id)))
             .distinct().limit(10))
    names += [c.name for c in newer if c.name not in names]
    members = (Customer.select(Customer.name).join(LoyaltyEntry, on=(LoyaltyEntry.customer == Customer.id))
               .where(Customer.import_batch == batch.id).distinct().limit(10))
    names += [c.name for c in members if c.name not in names]
    for change in changes:
        c = Customer.get_or_none(Customer.id == change.customer_id)
        if c is None or c.updated_at > batch.at:
            names.append(c.name if c is not None else f"#{change.customer_id}")
    return names


def _restore(change: ImportChange, batch_id: int) -> None:
    before = json.loads(change.before)
    c = Customer.get_by_id(change.customer_id)
    for name, value in before.items():
        if name == "birthday":
            c.birth_day, c.birth_month, c.birth_year, c.birthday_md, set_on = value
            c.birthday_set_on = date.fromisoformat(set_on) if set_on else None
        elif not name.startswith("_"):
            setattr(c, name, value)
    c.updated_at = datetime.fromisoformat(before["_updated_at"])
    c.save()
    tags = before.get("_tags_added") or []
    if tags:
        CustomerTag.delete().where((CustomerTag.customer == c.id) & CustomerTag.tag.in_(tags)).execute()
    _reindex(c)


def save_problem_rows(table: Table, plan: ImportPlan, path, translate: Callable[[str, str], str] | None = None) -> int:
    """The rows with problems, as they were in the file, plus a 'problema' column: fix and re-import."""
    from openpyxl import Workbook

    from desktop_app.services.spreadsheets.exporter import safe_cell

    by_row: dict[int, list[str]] = {}
    for issue in plan.issues:
        by_row.setdefault(issue.row, []).append(f"{issue.column}: {issue_message(issue, translate)}")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Problemas")

    def cells(values):
        return [safe_cell(ws, value) for value in values]

    ws.append(cells([cell_text(h) for h in table.header] + ["problema"]))
    for index, row in enumerate(table.iter_rows()):  # row numbers count from 1, as the sheet's do
        if index + 1 in by_row:
            ws.append(cells([cell_text(v) for v in row] + ["; ".join(by_row[index + 1])]))
    wb.save(path)
    return len(by_row)
