"""The shop's duties to the people in its list (LGPD, GDPR): give a customer everything Régua holds about
her, erase her when she asks (the loyalty ledger keeps anonymous rows; everything else that names her
goes, with `secure_delete` on so the bytes are overwritten), remember her only as a one-way hash so a
re-import does not bring her back, and anonymise customers inactive for longer than the shop keeps data.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from desktop_app.db import cadence as cadence_queries
from desktop_app.db import customers as customer_queries
from desktop_app.db.database import checkpoint, database
from desktop_app.db.models import (
    AuditLog,
    Consent,
    Coupon,
    Customer,
    CustomerTag,
    ImportChange,
    Interaction,
    LoyaltyEntry,
    Outbox,
    SearchTerm,
    Suppression,
)
from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import NotFound, ReguaError
from desktop_app.domain.permissions import require
from desktop_app.domain.privacy import ERASED_PREFIX, ERASED_SORT_KEY, erased_key, retention_cutoff
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import ShopSettings, get_setting, set_setting
from desktop_app.services.spreadsheets.exporter import safe_cell

RETENTION_KEY = "retention_years"
ERASED_SOURCE = "erased"
ERASED_NAME = {"pt": "Cliente apagado", "en": "Erased customer"}
SECTIONS = (
    ("customer", Customer, "id"), ("tags", CustomerTag, "customer"), ("consent", Consent, "customer"),
    ("interactions", Interaction, "customer"), ("loyalty", LoyaltyEntry, "customer"),
    ("messages", Outbox, "customer"), ("gifts", Coupon, "customer"),
)


def _customer(customer_id: int) -> Customer:
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None or c.source == ERASED_SOURCE:
        raise NotFound("customer_not_found", ref=f"#{customer_id}")
    return c


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def everything_about(customer_id: int) -> dict[str, list[dict]]:
    """Every row Régua keeps about one customer, section by section."""
    _customer(customer_id)
    data = {}
    for name, model, column in SECTIONS:
        field = getattr(model, column)
        rows = model.select().where(field == customer_id).dicts()
        data[name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return data


def export_customer(customer_id: int, folder: str | Path, *, actor: Actor) -> tuple[Path, Path]:
    """An access request: `<folder>/regua-customer-<id>.json` and `.xlsx` (a sheet per section, no
    formulas). Owner only; written next to the target and renamed into place; audited."""
    require(actor, "export")
    data = everything_about(customer_id)
    folder = Path(folder)
    base = folder / f"regua-customer-{customer_id}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        json_path = _atomic(base.with_suffix(".json"),
                            lambda tmp: tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8"))
        xlsx_path = _atomic(base.with_suffix(".xlsx"), lambda tmp: _write_xlsx(tmp, data))
    except OSError as exc:
        raise ReguaError("export_failed", path=folder, reason=exc.strerror or exc) from exc
    audit.record(actor, "customer.export_data", f"#{customer_id}")
    return json_path, xlsx_path


def _atomic(path: Path, write) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=".regua-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _write_xlsx(tmp: Path, data: dict[str, list[dict]]) -> None:
    wb = Workbook(write_only=True)
    for name, rows in data.items():
        ws = wb.create_sheet(name)
        columns = list(rows[0]) if rows else ["-"]
        ws.append(columns)
        for row in rows:
            ws.append([safe_cell(ws, row.get(key)) for key in columns])
    wb.save(tmp)


def erase_customer(customer_id: int, *, actor: Actor, shop: ShopSettings, now: datetime, audit_it: bool = True) -> None:
    """Erase a customer: her row keeps only an id and the word "erased" (the ledger and the sales figures
    stay, anonymous); notes, consent, tags, messages, gifts, search terms and the import's copies of her
    old values go; her e-mail, phone and tax id are kept only as one-way hashes so a re-import skips
    her. One transaction; then the WAL is folded in so the old pages do not linger."""
    require(actor, "customer.delete")
    with database.atomic():
        c = _customer(customer_id)
        for kind, value in (("email", c.email), ("phone", c.phone), ("tax_id", c.tax_id)):
            key = erased_key(kind, value)
            if key:
                Suppression.insert(email=key, reason="erased", at=now, detail="").on_conflict_ignore().execute()
        if c.email:
            Suppression.delete().where(Suppression.email == c.email).execute()
        name = ERASED_NAME["pt" if shop.language.startswith("pt") else "en"]
        Customer.update(name=name, name_key=ERASED_SORT_KEY, email=None, phone=None, birth_day=None, birth_month=None,
                        birth_year=None, birthday_md=None, birthday_set_on=None, city="", tax_id=None, card_code=None,
                        notes="", source=ERASED_SOURCE, updated_at=now, changed_at_till=actor.till).where(
                            Customer.id == customer_id).execute()
        for model in (SearchTerm, CustomerTag, Consent, Outbox, Coupon):
            model.delete().where(model.customer == customer_id).execute()
        ImportChange.delete().where(ImportChange.customer_id == customer_id).execute()
        Interaction.update(note="", resolution="").where(Interaction.customer == customer_id).execute()
        LoyaltyEntry.update(reason="erased").where(
            (LoyaltyEntry.customer == customer_id) & (LoyaltyEntry.kind == "adjust")).execute()
        AuditLog.update(details="").where(AuditLog.subject == f"#{customer_id}").execute()
        if audit_it:
            audit.record(actor, "customer.erase", f"#{customer_id}")
    checkpoint()


def erased_keys(keys: list[str]) -> set[str]:
    return cadence_queries.suppressed_emails(keys)


def anyone_erased() -> bool:
    """Whether any customer was ever erased; when none was, an import need not hash its rows to check."""
    return customer_queries.any_suppressed_with_prefix(ERASED_PREFIX)


# --- retention ----------------------------------------------------------------------------------------------


def retention_years() -> int:
    value = get_setting(RETENTION_KEY)
    return value if isinstance(value, int) and value >= 0 else 0


def set_retention_years(years: int, *, actor: Actor) -> None:
    require(actor, "settings.change")
    if not 0 <= years <= 30:
        raise ReguaError("number_out_of_range", low=0, high=30)
    set_setting(RETENTION_KEY, years)
    audit.record(actor, "settings.change", "retention", years=years)


def inactive(today: date, years: int) -> list[int]:
    """Customers created before the cutoff with nothing logged since it (already erased ones aside)."""
    cutoff = retention_cutoff(today, years)
    if cutoff is None:
        return []
    recent = Interaction.select(Interaction.customer).where(Interaction.occurred_on >= cutoff)
    return [c.id for c in Customer.select(Customer.id).where(
        (Customer.created_at < datetime.combine(cutoff, datetime.min.time())) & (Customer.source != ERASED_SOURCE)
        & Customer.id.not_in(recent))]


def apply_retention(today: date, *, actor: Actor, shop: ShopSettings, now: datetime) -> int:
    """Anonymise every customer inactive for longer than the shop keeps data; returns how many."""
    ids = inactive(today, retention_years())
    for cid in ids:
        erase_customer(cid, actor=actor, shop=shop, now=now, audit_it=False)
    if ids:
        audit.record(actor, "customer.retention", "", erased=len(ids), years=retention_years())
    return len(ids)
