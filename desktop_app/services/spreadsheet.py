"""Reading the owner's spreadsheets safely: .xlsx .xls .ods (python-calamine) and .csv (any common
encoding and delimiter), with size limits checked before and while reading.

The format is decided by the file's first bytes, not its name, so a renamed file is read for what it
is (or refused in plain words). Zip-based files are checked for their uncompressed size before the
reader sees them, and XML parts are never expanded by an XML parser of ours (defusedxml is used for
the one part we read ourselves: the workbook's 1904 flag).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET
import python_calamine as calamine

from ..domain.errors import ReguaError
from ..domain.importing import find_header_row, is_blank

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 600 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # a zip bomb expands far beyond what a spreadsheet does
MAX_ROWS = 300_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 32_767  # Excel's own limit per cell

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(slots=True)
class Table:
    """One sheet as rows of plain values, its header row found."""

    file_name: str
    sheet: str
    sheets: list[str]  # the visible sheets of the file, for the user to choose from
    rows: list[list[object]]
    header_index: int
    date1904: bool = False

    @property
    def header(self) -> list[object]:
        return self.rows[self.header_index] if self.rows else []


def _fail(code: str, **params: object) -> ReguaError:
    return ReguaError(code, **params)


def _kind(path: Path) -> str:
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise _fail("file_unreadable", name=path.name, reason=exc.strerror or exc) from exc
    if size > MAX_FILE_BYTES:
        raise _fail("file_too_big", name=path.name, mb=MAX_FILE_BYTES // (1024 * 1024))
    if size == 0:
        raise _fail("file_empty", name=path.name)
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head == OLE_MAGIC:
        return "ole"  # .xls, or an encrypted (password-protected) .xlsx
    return "text"


def _check_zip(path: Path) -> bool:
    """Refuse zip bombs; return the workbook's 1904 date-system flag (xlsx)."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO:
                raise _fail("file_too_big", name=path.name, mb=MAX_UNCOMPRESSED_BYTES // (1024 * 1024))
            if "xl/workbook.xml" in zf.namelist():
                info = zf.getinfo("xl/workbook.xml")
                if info.file_size > 5 * 1024 * 1024:
                    raise _fail("file_damaged", name=path.name)
                root = SafeET.fromstring(zf.read(info))
                for element in root.iter():
                    if element.tag.endswith("workbookPr"):
                        return element.get("date1904") in ("1", "true")
    except zipfile.BadZipFile as exc:
        raise _fail("file_damaged", name=path.name) from exc
    except ReguaError:
        raise
    except Exception as exc:  # defusedxml refusals and malformed XML
        raise _fail("file_damaged", name=path.name) from exc
    return False


def _visible_sheets(workbook) -> list[str]:
    names = []
    for meta in workbook.sheets_metadata:
        if meta.visible == calamine.SheetVisibleEnum.Visible and meta.typ == calamine.SheetTypeEnum.WorkSheet:
            names.append(meta.name)
    return names or list(workbook.sheet_names)


def _bounded_rows(raw_rows, name: str) -> list[list[object]]:
    rows: list[list[object]] = []
    for raw in raw_rows:
        if len(rows) >= MAX_ROWS:
            raise _fail("file_too_many_rows", name=name, max=MAX_ROWS)
        row = list(raw[:MAX_COLUMNS])
        for i, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                row[i] = value[:MAX_CELL_CHARS]
        rows.append(row)
    while rows and is_blank(rows[-1]):
        rows.pop()
    return rows


def read_workbook(path: Path, sheet: str | None = None) -> Table:
    kind = _kind(path)
    date1904 = _check_zip(path) if kind == "zip" else False
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as exc:
        raise _fail("file_password", name=path.name) from exc
    except Exception as exc:  # calamine's own errors for damaged or foreign files
        if kind == "ole" and "password" in str(exc).lower():
            raise _fail("file_password", name=path.name) from exc
        raise _fail("file_damaged", name=path.name) from exc
    sheets = _visible_sheets(workbook)
    if not sheets:
        raise _fail("file_empty", name=path.name)
    chosen = sheet if sheet is not None else _first_with_data(workbook, sheets)
    if chosen not in workbook.sheet_names:
        raise _fail("sheet_not_found", sheet=chosen, name=path.name)
    try:
        data = workbook.get_sheet_by_name(chosen).iter_rows()
        rows = _bounded_rows(data, path.name)
    except ReguaError:
        raise
    except Exception as exc:
        raise _fail("file_damaged", name=path.name) from exc
    return Table(path.name, chosen, sheets, rows, find_header_row(rows), date1904)


def _first_with_data(workbook, sheets: list[str]) -> str:
    for name in sheets:
        try:
            rows = workbook.get_sheet_by_name(name).to_python(nrows=5)
        except Exception:  # noqa: BLE001 - an unreadable sheet is simply not the first with data
            continue
        if any(not is_blank(r) for r in rows):
            return name
    return sheets[0]


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel writes in Brazil and Portugal."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(sample: str) -> str:
    """';' ',' or tab: the one that splits the first lines into the same, largest number of fields."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    best, best_score = ",", -1
    for delimiter in (";", ",", "\t", "|"):
        counts = [len(next(csv.reader([line], delimiter=delimiter))) for line in lines]
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * 100 + common
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path) -> Table:
    _kind(path)
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail("file_damaged", name=path.name)
    text = _decode(data)
    delimiter = _delimiter(text[:20000])
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows = _bounded_rows(([cell if cell != "" else None for cell in row] for row in reader), path.name)
    except csv.Error as exc:
        raise _fail("file_damaged", name=path.name) from exc
    if not rows:
        raise _fail("file_empty", name=path.name)
    return Table(path.name, "", [], rows, find_header_row(rows))


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read a spreadsheet or CSV; a damaged, foreign, protected or oversized file raises one clear error."""
    path = Path(path)
    kind = _kind(path)
    if kind == "text":
        if path.suffix.lower() in (".xlsx", ".xls", ".ods", ".xlsm"):
            raise _fail("file_damaged", name=path.name)
        return read_csv(path)
    return read_workbook(path, sheet)
