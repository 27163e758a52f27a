"""Importing the owner's customer list, step two: writing the plan in one transaction (all or nothing, a
crash or a cancel writes nothing), and undoing an import (the whole batch, unless newer work depends on
it). New customers are bulk-inserted a chunk at a time with their search terms, tags, consents and
history; every change to a customer already in Régua is kept (`ImportChange`) so that undo restores her.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice

from desktop_app.db.bulk import bulk_insert, large_cache, write_behind
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
from desktop_app.db.search import index_customer, phone_terms_written
from desktop_app.domain.actors import Actor
from desktop_app.domain.dates import local_noon_utc, utc_now
from desktop_app.domain.errors import NotFound, ReguaError
from desktop_app.domain.permissions import require
from desktop_app.domain.search import customer_terms
from desktop_app.domain.text import sort_key
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.spreadsheets.import_types import ImportPlan, Progress, Record


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
    phone_suffixes = phone_terms_written()
    # On a server the chunks are written behind the loop (db/bulk.py write_behind): the server checks and
    # indexes one chunk while this builds the next. Nothing in the loop reads the database.
    with write_behind(reserve={Customer: created}) as writer:
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
            ids = writer.insert_new(Customer, _CUSTOMER_FIELDS, rows)
            del rows
            terms, tags, consents, history = [], [], [], []
            for cid, rec, key in zip(ids, chunk, keys, strict=True):
                terms.extend((t, key, cid) for t in customer_terms(
                    name=rec.name, email=rec.email, phone=rec.phone, tax_id=rec.tax_id, card_code=rec.card_code,
                    phone_suffixes=phone_suffixes))
                tags.extend((cid, t) for t in rec.tags)
                consents.extend((cid, ch, ok, now, "import", "consent", actor.staff_id, batch.id)
                                for ch, ok in rec.consent.items())  # every yes and every no, from this import
                history.extend(_history_rows(cid, rec, actor, now, tz, batch.id))
            # Sorted by term, the chunk's terms visit the pages of the term index in order; the second index
            # (customer, term) only grows at its end, among this chunk's new ids. (299,000 new customers: 77 s
            # in sorted chunks with a 48 MB cache, 120 s customer by customer with 64 MB.) One sort in C: the
            # window's import runs in its work process, so no window thread waits for the interpreter lock, and
            # inside the write lock (which the counter waits for) it takes a quarter of a sort in slices.
            writer.insert(SearchTerm, _TERM_FIELDS, sorted(terms))
            writer.insert(CustomerTag, _TAG_FIELDS, tags)
            writer.insert(Consent, _CONSENT_FIELDS, consents)
            writer.insert(Interaction, _HISTORY_FIELDS, history)
            done += len(chunk)
    for chunk in _chunks(plan.updates.items(), UPDATE_CHUNK):
        if progress is not None:
            progress(done, total)
        consents, history = [], []
        for cid, changes in chunk:
            _apply_update(cid, changes, batch.id, now, today, till=actor.till)
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


def _apply_update(cid: int, changes: dict, batch_id: int, now: datetime, today: date, *, till: str) -> None:
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
    c.updated_at, c.changed_at_till = now, till
    c.save()
    for tag in changes.get("_tags", []):
        CustomerTag.insert(customer=cid, tag=tag).on_conflict_ignore().execute()
    index_customer(c)


# --- undo -----------------------------------------------------------------------------------------

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
    index_customer(c)
