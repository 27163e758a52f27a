"""Exporting the customer list to xlsx or csv so that nothing in it can run when opened.

Text that Excel or LibreOffice would read as a formula (starting with = + - @, a tab or a carriage
return) is written as text: typed as a string in xlsx, and with a leading apostrophe in csv.
Characters an xlsx file cannot hold are removed. The headers are ones Régua's own import recognises, and
a consent column says yes, no, or nothing when the customer was never asked, so an export imported into
a new shop gives the same customers, and imported back into the same shop changes nothing. The file is written next to its target and renamed
into place, so a failed export never leaves half a file. Owner only, and recorded in the audit log.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from desktop_app.db import customers as queries
from desktop_app.db.models import Customer
from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.permissions import require
from desktop_app.services.customers.customers import list_ids
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import ShopSettings

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
HEADERS = {
    "pt": ("Nome", "Telefone", "E-mail", "Cidade", "Aniversário", "CPF/NIF", "Cartão", "Etiquetas",
           "Aceita e-mails", "Aceita WhatsApp", "Observações", "Cadastro"),
    "en": ("Name", "Phone", "E-mail", "City", "Birthday", "Tax id", "Card code", "Tags",
           "Accepts e-mails", "Accepts WhatsApp", "Notes", "Created"),
}
WIDTHS = (32, 18, 30, 18, 12, 16, 12, 20, 10, 10, 40, 12)
BATCH = 2000


def safe_text(value: object, *, for_csv: bool) -> object:
    if not isinstance(value, str):
        return value
    text = _XLSX_ILLEGAL.sub("", value)
    if for_csv and text.startswith(FORMULA_START):
        return "'" + text
    return text


def _rows(ids: Sequence[int], language: str, month_first: bool = False):
    yes, no = ("sim", "não") if language == "pt" else ("yes", "no")
    answer = {True: yes, False: no, None: ""}
    for start in range(0, len(ids), BATCH):
        chunk = list(ids[start:start + BATCH])
        found = {c.id: c for c in Customer.select().where(Customer.id.in_(chunk))}
        tags = queries.tags_for(chunk)
        consent = queries.consent_for(chunk)
        for cid in chunk:
            c = found.get(cid)
            if c is None:
                continue
            b = ""
            if c.birth_day and c.birth_month:
                first, second = (c.birth_month, c.birth_day) if month_first else (c.birth_day, c.birth_month)
                b = f"{first:02d}/{second:02d}" + (f"/{c.birth_year}" if c.birth_year else "")
            agreed = consent.get(cid, {})
            yield (c.name, c.phone or "", c.email or "", c.city, b, c.tax_id or "", c.card_code or "",
                   ", ".join(sorted(tags.get(cid, ()))), answer[agreed.get("email")],
                   answer[agreed.get("whatsapp")], c.notes, c.created_at.date().isoformat())


def export_customers(path: str | Path, *, actor: Actor, shop: ShopSettings, ids: Sequence[int] | None = None) -> int:
    """Write the customers (all, or `ids` in that order) to .xlsx or .csv; returns how many."""
    require(actor, "export")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ReguaError("export_format")
    ids = list(list_ids() if ids is None else ids)
    language = "pt" if shop.language.startswith("pt") else "en"
    month_first = shop.country == "US"  # as the import of a US shop reads dates by default
    count = _write_in_place(path, lambda tmp: (_write_xlsx if suffix == ".xlsx" else _write_csv)(
        tmp, ids, language, month_first))
    audit.record(actor, "export", path.name, customers=count)
    return count


def _write_in_place(path: Path, write: Callable[[Path], int]) -> int:
    """Write next to `path` and rename into place: a failed export never leaves half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regua-export-", suffix=path.suffix.lower(), dir=path.parent)
        os.close(fd)
        try:
            count = write(Path(tmp))
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        raise ReguaError("export_failed", path=path, reason=exc.strerror or exc) from exc
    return count


Sheet = tuple[str, Sequence[str], Sequence[Sequence[object]]]  # (title, headers, rows)
_SHEET_TITLE_BAD = re.compile(r"[\\/*?:\[\]]")


def export_tables(path: str | Path, sheets: Sequence[Sheet], *, actor: Actor, what: str) -> int:
    """Write report tables to one xlsx, a sheet each, as safely as the customer list; returns the rows."""
    require(actor, "export")
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ReguaError("export_format")

    def write(tmp: Path) -> int:
        wb = Workbook(write_only=True)
        count, used = 0, set()
        for title, headers, rows in sheets:
            name = _SHEET_TITLE_BAD.sub(" ", str(title))[:31].strip() or "Sheet"
            while name.lower() in used:
                name = name[:28] + f" {len(used)}"
            used.add(name.lower())
            ws = wb.create_sheet(name)
            for index, header in enumerate(headers):
                ws.column_dimensions[get_column_letter(index + 1)].width = max(12, min(40, len(str(header)) + 4))
            ws.freeze_panes = "A2"
            ws.append([_header_cell(ws, str(header)) for header in headers])
            for row in rows:
                ws.append([safe_cell(ws, value) for value in row])
                count += 1
        if not used:
            wb.create_sheet("Sheet")
        wb.save(tmp)
        return count

    count = _write_in_place(path, write)
    audit.record(actor, "export", path.name, report=what, rows=count)
    return count


_BOLD = Font(bold=True)


def _header_cell(ws, title: str) -> WriteOnlyCell:
    cell = safe_cell(ws, title)
    cell.font = _BOLD
    return cell


def safe_cell(ws, value: object) -> WriteOnlyCell:
    """A cell of a write-only xlsx sheet that Excel and LibreOffice show as written, never run."""
    cell = WriteOnlyCell(ws, value=safe_text(value, for_csv=False))
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _write_xlsx(tmp: Path, ids: Sequence[int], language: str, month_first: bool = False) -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Clientes" if language == "pt" else "Customers")
    for index, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    ws.freeze_panes = "A2"
    ws.append([_header_cell(ws, title) for title in HEADERS[language]])
    count = 0
    for row in _rows(ids, language, month_first):
        ws.append([safe_cell(ws, value) for value in row])
        count += 1
    wb.save(tmp)
    return count


def _write_csv(tmp: Path, ids: Sequence[int], language: str, month_first: bool = False) -> int:
    count = 0
    delimiter = ";" if language == "pt" else ","  # what Excel expects in Brazil and Portugal
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(HEADERS[language])
        for row in _rows(ids, language, month_first):
            writer.writerow([safe_text(v, for_csv=True) for v in row])
            count += 1
    return count
