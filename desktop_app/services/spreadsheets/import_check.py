"""Checking the rows of an import: a row the reader refused, blank lines and totals lines under the list,
the file's own duplicates, and who each customer is in the shop.

Duplicates are found within the file and against the database by e-mail, then phone, then tax id, then
card code (a row with none of them, by its exact name); by default the customer already in Régua keeps her
values and only gets what she lacks. Families share a phone or an e-mail: a match whose name clearly
differs is never merged on its own. It is a *possible duplicate*, imported as a new customer unless the
owner says it is the same person (`ImportOptions.same_person`).
"""

from __future__ import annotations

from desktop_app.db import customers as queries
from desktop_app.db.models import Customer
from desktop_app.domain.birthdays import Birthday
from desktop_app.domain.importing import (
    FILE_KEYS,
    NEEDS_ADDRESS,
    SHOP_KEYS,
    cell_text,
    consent_to_record,
    consent_without_address,
    fields_to_update,
    is_blank,
    is_totals_row,
    match_by_keys,
    purchase_already_known,
)
from desktop_app.domain.privacy import erased_key
from desktop_app.domain.text import sort_key
from desktop_app.services.customers import privacy
from desktop_app.services.customers.customers import clean_tags
from desktop_app.services.spreadsheets.import_read import RowReader
from desktop_app.services.spreadsheets.import_types import (
    ImportPlan,
    PossibleDuplicate,
    Progress,
    Record,
    sorted_in_slices,
)
from desktop_app.services.spreadsheets.spreadsheet import RowProblem, Table

FILLABLE = ("email", "phone", "birthday", "city", "tax_id", "card_code", "notes")


# --- the rows of the file -------------------------------------------------------------------------

def check_rows(table: Table, reader: RowReader, skip: int, total: int,
               progress: Progress | None = None) -> tuple[list[Record], int, int, int]:
    """Every row after the first `skip` (the header and what is above it), as the file's customers: a later
    row of the same person fills what her first row left empty. Returns (records, merged, skipped, rows
    counted); the problems go to the reader's issues."""
    first_row_no = skip + 1
    records: list[Record] = []
    index = _FileIndex()  # dropped on return, before the match with the database builds its own (memory)
    merged = skipped = counted = 0
    for offset, row in enumerate(table.iter_rows()):
        if offset < skip:
            continue
        offset -= skip
        if progress is not None and offset % 2000 == 0:
            progress(offset, total)
        row_no = first_row_no + offset
        if isinstance(row, RowProblem):
            reader.issue(row_no, "name" if "name" in reader.columns else "first_name",
                         " ".join(cell_text(v) for v in row if v is not None), row.severity, row.code, **row.params)
            if row.severity == "error":
                counted += 1
                skipped += 1
                continue
        if is_blank(row):
            continue
        if is_totals_row(row):
            first = next(v for v in row if v is not None and str(v).strip())
            reader.issue(row_no, "name" if "name" in reader.columns else "first_name", first, "warning",
                         "totals_row")
            counted += 1  # a row of the file the import leaves out: among the skipped, as its warning says
            skipped += 1
            continue
        counted += 1
        rec = reader.record(row, row_no)
        if rec is None:
            skipped += 1
            continue
        same, other = match_by_keys(rec, FILE_KEYS, index.candidates)
        if same is not None:
            reader.issue(row_no, "name", rec.name, "warning", "duplicate_in_file", row=same.rows[0])
            _fill(same, rec)
            merged += 1
            index.add(same, also=False)
            continue
        if other is not None:
            reader.issue(row_no, "name", rec.name, "warning", "same_key_other_name", key=other[0],
                         row=other[1].rows[0])
        index.add(rec)
        records.append(rec)
    return records, merged, skipped, counted


def _fill(into: Record, other: Record) -> None:
    """Merge a later row of the same customer: what the first row left empty is filled."""
    into.rows.extend(other.rows)
    for name in FILLABLE + ("last_purchase", "total_spent"):
        if not getattr(into, name) and getattr(other, name):
            setattr(into, name, getattr(other, name))
    into.tags = clean_tags([*into.tags, *other.tags])
    if other.consent:
        into.consent = {**other.consent, **into.consent}


class _FileIndex:
    """The file's customers by e-mail, phone and tax id, to find a later row of the same person. A value
    maps to its first record; people of another name with the same value (a family) are kept aside."""

    __slots__ = ("first", "others")

    def __init__(self) -> None:
        self.first: dict[str, dict[str, Record]] = {kind: {} for kind in FILE_KEYS}
        self.others: dict[tuple[str, str], list[Record]] = {}

    def candidates(self, kind: str, value: str) -> tuple[Record, ...]:
        first = self.first[kind].get(value)
        if first is None:
            return ()
        more = self.others.get((kind, value))
        return (first, *more) if more else (first,)

    def add(self, rec: Record, *, also: bool = True) -> None:
        """Index `rec` under its values; `also`: beside another person holding the same value."""
        for kind in FILE_KEYS:
            value = getattr(rec, kind)
            if not value:
                continue
            first = self.first[kind].setdefault(value, rec)
            if first is not rec and also:
                self.others.setdefault((kind, value), []).append(rec)


# --- the customers already in the shop ------------------------------------------------------------

def _drop_erased(plan: ImportPlan, reader: RowReader) -> None:
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
    erased = privacy.erased_keys(sorted_in_slices(list(keys)))
    gone = {id(rec): rec for key in erased for rec in keys[key]}
    for rec in gone.values():
        reader.issue(rec.rows[0], "name", rec.name, "warning", "erased_customer")
    plan.records = [rec for rec in plan.records if id(rec) not in gone]
    plan.skipped += len(gone)


def match_existing(plan: ImportPlan, reader: RowReader) -> None:
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
        # In slices: one sort of a file's 50,000 e-mails, or of the customers they find, holds Python's lock
        # for 100 ms and more, and the window (same process) cannot draw meanwhile (import_types).
        for c in sorted_in_slices(queries.customers_where_in(getattr(Customer, name), sorted_in_slices(list(values)),
                                                             columns)):
            found[name].setdefault(getattr(c, name), []).append(c)  # lowest id first
    same_person = set(plan.options.same_person)
    matched: list[tuple[Record, object]] = []
    for rec in plan.records:
        existing, differing = match_by_keys(rec, SHOP_KEYS, lambda key, value: found[key].get(value, ()))
        if existing is None and differing is None and not (rec.email or rec.phone or rec.tax_id or rec.card_code):
            same_name = found["name_key"].get(sort_key(rec.name), [])
            if len(same_name) == 1:  # nothing else to tell her by: the one customer of that exact name
                existing = same_name[0]
        if existing is None and differing is not None:
            key, c = differing
            confirmed = rec.rows[0] in same_person
            plan.possible_duplicates.append(PossibleDuplicate(rec.rows[0], rec.name, c.id, c.name, key, confirmed))
            reader.issue(rec.rows[0], "name", rec.name, "warning",
                         "possible_duplicate_same" if confirmed else "possible_duplicate", key=key, name=c.name)
            if confirmed:
                existing = c
        if rec.card_code and rec.card_code in found["card_code"]:
            owner = found["card_code"][rec.card_code][0]
            if existing is None or owner.id != existing.id:
                reader.issue(rec.rows[0], "card_code", rec.card_code, "warning", "card_code_taken", name=owner.name)
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
        kept, refused = consent_to_record(rec.consent, consent_now.get(existing.id, {}))
        for channel in refused:  # an opt-out is never undone by a re-import
            reader.issue(rec.rows[0], f"consent_{channel}", "", "warning", "opt_out_kept")
        if len(kept) != len(rec.consent):
            rec.consent = kept
        if purchase_already_known(rec.last_purchase, seen.get(existing.id)):
            rec.last_purchase, rec.total_spent = None, None  # history Régua already has (a re-import)
        new_tags = [t for t in rec.tags if t not in tags_now.get(existing.id, set())]
        if changes or new_tags or rec.consent or rec.last_purchase or rec.total_spent:
            changes["_tags"] = new_tags
            plan.updates[existing.id] = changes


def _consent_needs_address(rec: Record, email: str | None, phone: str | None, reader: RowReader) -> None:
    """A yes to e-mails needs an e-mail address and a yes to WhatsApp a phone, in the file (any of the
    customer's rows) or already on record, as the customer form asks: without one the yes is not
    recorded, with a warning on her first row. A no is always kept (it is always safe)."""
    dropped = consent_without_address(rec.consent, rec.email or email, rec.phone or phone)
    for channel in dropped:
        reader.issue(rec.rows[0], f"consent_{channel}", "", "warning", NEEDS_ADDRESS[channel])
    if dropped:  # shared between records: replaced, never changed
        rec.consent = {channel: answer for channel, answer in rec.consent.items() if channel not in dropped}


def _birthday_of(c) -> Birthday | None:
    return Birthday(c.birth_day, c.birth_month, c.birth_year) if c.birth_day and c.birth_month else None


def _changes(existing, rec: Record, file_wins: bool) -> dict:
    """What the update of `existing` (her row in Régua) by `rec` writes, field by field."""
    new = {name: getattr(rec, name) for name in FILLABLE}
    old = {name: _birthday_of(existing) if name == "birthday" else getattr(existing, name) for name in FILLABLE}
    return fields_to_update(new, old, file_wins=file_wins)
