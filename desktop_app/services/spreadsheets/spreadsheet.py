"""Reading the owner's spreadsheets safely: .xlsx .xls .ods (python-calamine) and .csv (any common
encoding and delimiter), with size limits checked before and while reading.

The format is decided by the file's first bytes, not its name, so a renamed file is read for what it
is (or refused in plain words). Zip-based files are checked for their uncompressed size before the
reader sees them, and XML parts are never expanded by an XML parser of ours (defusedxml is used for
the one part we read ourselves: the workbook's 1904 flag).
"""

from __future__ import annotations

import codecs
import csv
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET
import python_calamine as calamine

from desktop_app.domain.errors import ReguaError
from desktop_app.domain.importing import find_header_row, is_blank

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 600 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # a zip bomb expands far beyond what a spreadsheet does
MAX_ROWS = 300_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 32_767  # Excel's own limit per cell
# The sheet reader (calamine) holds a sheet's cells in memory while it is imported, about 100 bytes a
# cell: this many keeps reading and checking any accepted file under 400 MB. 150,000 customers with 10
# columns, 300,000 with 5.
MAX_CELLS = 1_500_000
MAX_ROW_CHARS = 1_000_000  # a csv line longer than this is not a customer (a one-line 99 MB file)
HEAD_ROWS = 200  # the first rows, kept for finding the header and for the wizard's previews

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what the csv export protects with an apostrophe
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TOO_LONG = "\ue000\ue001regua-row-too-long\ue001\ue000"


class RowProblem(list):
    """A row the reader could only partly read: what it could of its cells, and what is wrong with it
    (an errors code; an 'error' row is skipped, a 'warning' row is imported and reported)."""

    __slots__ = ("severity", "code", "params")

    def __init__(self, cells, severity: str, code: str, **params: object) -> None:
        super().__init__(cells)
        self.severity, self.code, self.params = severity, code, params


@dataclass(slots=True)
class Table:
    """One sheet: its first rows in memory (header found among them) and a way to read every row again,
    from the first, without holding them all (`iter_rows`)."""

    file_name: str
    sheet: str
    sheets: list[str]  # the visible sheets of the file, for the user to choose from
    head: list[list[object]]
    header_index: int
    date1904: bool = False
    source: Callable[[], Iterator[list[object]]] | None = None  # None: `head` holds every row
    row_count: int = 0  # rows up to the last filled one

    @property
    def header(self) -> list[object]:
        return self.head[self.header_index] if self.head else []

    def iter_rows(self) -> Iterator[list[object]]:
        """Every row from the sheet's first, read again from the file (a row may be a RowProblem)."""
        return iter(self.head) if self.source is None else self.source()


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


def _check_zip(path: Path) -> tuple[bool, dict[str, str]]:
    """Refuse zip bombs; return the workbook's 1904 date-system flag and its sheets' parts (xlsx)."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO:
                raise _fail("file_too_big", name=path.name, mb=MAX_UNCOMPRESSED_BYTES // (1024 * 1024))
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names:
                return False, {}
            root = _small_xml(zf, "xl/workbook.xml", path)
            date1904, sheets = False, {}
            for element in root.iter():
                if element.tag.endswith("workbookPr"):
                    date1904 = element.get("date1904") in ("1", "true")
                elif element.tag.endswith("}sheet") or element.tag == "sheet":
                    rid = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
                    sheets[element.get("name", "")] = rid
            targets = {}
            if "xl/_rels/workbook.xml.rels" in names:
                for rel in _small_xml(zf, "xl/_rels/workbook.xml.rels", path).iter():
                    if rel.get("Id") and rel.get("Target"):
                        target = rel.get("Target").lstrip("/")
                        targets[rel.get("Id")] = target if target.startswith("xl/") else f"xl/{target}"
            return date1904, {name: targets[rid] for name, rid in sheets.items() if targets.get(rid) in names}
    except zipfile.BadZipFile as exc:
        raise _fail("file_damaged", name=path.name) from exc
    except ReguaError:
        raise
    except Exception as exc:  # defusedxml refusals and malformed XML
        raise _fail("file_damaged", name=path.name) from exc


def _small_xml(zf: zipfile.ZipFile, part: str, path: Path):
    info = zf.getinfo(part)
    if info.file_size > 5 * 1024 * 1024:
        raise _fail("file_damaged", name=path.name)
    return SafeET.fromstring(zf.read(info))


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*\d*:?([A-Z]+)(\d+)\"")


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _check_sheet_size(path: Path, part: str) -> None:
    try:
        _count_sheet(path, part)
    except ReguaError:
        raise
    except Exception as exc:  # a damaged zip entry (bad header, bad CRC, truncated data)
        raise _fail("file_damaged", name=path.name) from exc


def _count_sheet(path: Path, part: str) -> None:
    """Refuse a sheet with too many rows or cells before the reader loads it: from the size it declares
    (its `dimension`), then from a count of its rows and cells in one streamed pass over its XML, so a
    sheet that declares nothing, or less than it holds, is refused too. Nothing of it is kept."""
    with zipfile.ZipFile(path) as zf, zf.open(part) as fh:
        first = fh.read(1 << 16)
        found = _DIMENSION.search(first)
        if found:
            rows, columns = int(found.group(2)), _column_number(found.group(1))
            if rows > MAX_ROWS:
                raise _fail("file_too_many_rows", name=path.name, max=MAX_ROWS)
            if rows * min(columns, MAX_COLUMNS) > MAX_CELLS:
                raise _fail("file_too_many_cells", name=path.name, max=MAX_CELLS)
        rows = cells = 0
        chunk, tail = first, b""
        while chunk:
            data = tail + chunk
            rows += data.count(b"<row")
            cells += data.count(b"<c ")
            tail = data[-4:]
            rows -= tail.count(b"<row")  # counted again with the next chunk
            cells -= tail.count(b"<c ")
            if rows > MAX_ROWS + 1:
                raise _fail("file_too_many_rows", name=path.name, max=MAX_ROWS)
            if cells > MAX_CELLS:
                raise _fail("file_too_many_cells", name=path.name, max=MAX_CELLS)
            chunk = fh.read(1 << 20)


def _visible_sheets(workbook) -> list[str]:
    names = []
    for meta in workbook.sheets_metadata:
        if meta.visible == calamine.SheetVisibleEnum.Visible and meta.typ == calamine.SheetTypeEnum.WorkSheet:
            names.append(meta.name)
    return names or list(workbook.sheet_names)


def _bounded(raw_rows, name: str) -> Iterator[list[object]]:
    """Rows cut to the column and cell limits; more than MAX_ROWS rows is refused."""
    for count, raw in enumerate(raw_rows):
        if count >= MAX_ROWS:
            raise _fail("file_too_many_rows", name=name, max=MAX_ROWS)
        row = raw[:MAX_COLUMNS] if isinstance(raw, RowProblem) else list(raw[:MAX_COLUMNS])
        for i, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                row[i] = value[:MAX_CELL_CHARS]
        if isinstance(raw, RowProblem) and not isinstance(row, RowProblem):
            row = RowProblem(row, raw.severity, raw.code, **raw.params)
        yield row


def _table(name: str, sheet: str, sheets: list[str], source: Callable[[], Iterator[list[object]]],
           date1904: bool = False, rows: int | None = None) -> Table:
    """Keep the first rows (the header is found among them). With `rows` unknown the whole source is read
    once, keeping nothing more, so that the limits are checked and the rows counted before any import."""
    head: list[list[object]] = []
    last_filled = 0
    for count, row in enumerate(source(), 1):
        if len(head) < HEAD_ROWS:
            head.append(row)
        elif rows is not None:
            break
        if isinstance(row, RowProblem) or not is_blank(row):
            last_filled = count
    if last_filled <= len(head) and (rows is None or rows <= len(head)):
        del head[last_filled:]
        return Table(name, sheet, sheets, head, find_header_row(head), date1904, None, last_filled)
    return Table(name, sheet, sheets, head, find_header_row(head), date1904, source,
                 rows if rows is not None else last_filled)


def read_workbook(path: Path, sheet: str | None = None) -> Table:
    kind = _kind(path)
    date1904, parts = _check_zip(path) if kind == "zip" else (False, {})
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
    if sheet is None:
        for name in sheets:
            if name in parts:
                _check_sheet_size(path, parts[name])
        chosen = _first_with_data(workbook, sheets)
    else:
        chosen = sheet
    if chosen not in workbook.sheet_names:
        raise _fail("sheet_not_found", sheet=chosen, name=path.name)
    if chosen in parts:
        _check_sheet_size(path, parts[chosen])
    try:
        loaded = workbook.get_sheet_by_name(chosen)
        if loaded.height > MAX_ROWS + 1:
            raise _fail("file_too_many_rows", name=path.name, max=MAX_ROWS)
        if loaded.height * min(loaded.width, MAX_COLUMNS) > MAX_CELLS:
            raise _fail("file_too_many_cells", name=path.name, max=MAX_CELLS)

        def source() -> Iterator[list[object]]:
            try:
                yield from _bounded(loaded.iter_rows(), path.name)
            except ReguaError:
                raise
            except Exception as exc:
                raise _fail("file_damaged", name=path.name) from exc

        return _table(path.name, chosen, sheets, source, date1904, rows=loaded.height)
    except ReguaError:
        raise
    except Exception as exc:
        raise _fail("file_damaged", name=path.name) from exc


def _first_with_data(workbook, sheets: list[str]) -> str:
    for name in sheets:
        try:
            rows = workbook.get_sheet_by_name(name).to_python(nrows=5)
        except Exception:  # noqa: BLE001 - an unreadable sheet is simply not the first with data
            continue
        if any(not is_blank(r) for r in rows):
            return name
    return sheets[0]


def _encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM, else Windows-1252 as Excel writes in Brazil and
    Portugal. The whole file is checked, a megabyte at a time."""
    with open(path, "rb") as fh:
        start = fh.read(4)
        if start.startswith(b"\xef\xbb\xbf"):
            return "utf-8-sig"
        if start.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := fh.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def _looks_binary(path: Path, encoding: str) -> bool:
    """A picture or a program renamed .csv: many control bytes at the start (a stray one is a row's problem)."""
    if encoding == "utf-16":
        return False
    with open(path, "rb") as fh:
        start = fh.read(4096)
    controls = sum(1 for b in start if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(start) // 20)


def _sample_records(sample: str, delimiter: str, limit: int = 40) -> list[list[str]]:
    """The first records of the sample split by `delimiter`, quotes respected (a quoted cell may hold a
    tab, a line break or another delimiter)."""
    records: list[list[str]] = []
    reader = csv.reader(sample.splitlines(keepends=True), delimiter=delimiter)
    while len(records) < limit:
        try:
            records.append(next(reader))
        except StopIteration:
            break
        except csv.Error:
            continue
    return [r for r in records if any(c.strip() for c in r)]


def _delimiter(sample: str) -> str:
    """';' ',' tab or '|': the one whose split names the most known columns in a header row, then the one
    that splits the first records into the same, largest number of fields."""
    from desktop_app.domain.importing import guess_mapping

    best, best_score = ",", (-1, -1, -1)
    for delimiter in (";", ",", "\t", "|"):
        records = _sample_records(sample, delimiter)
        counts = [len(r) for r in records]
        if not counts or max(counts) < 2:
            continue
        known = max((sum(1 for f in guess_mapping(r[:MAX_COLUMNS]) if f != "ignore") for r in records[:30]),
                    default=0)
        common = max(set(counts), key=counts.count)
        score = (min(known, 3), counts.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _lines(fh, limit: int) -> Iterator[str]:
    """The file's lines; one longer than `limit` is skipped to its end and stands as a marker line."""
    while True:
        line = fh.readline(limit)
        if not line:
            return
        if len(line) >= limit and not line.endswith(("\n", "\r")):
            while True:
                more = fh.readline(limit)
                if not more or more.endswith(("\n", "\r")):
                    break
            yield _TOO_LONG + "\n"
            continue
        yield line


def _unprotect(cell: str) -> str:
    """Undo the apostrophe Régua's own csv export puts before text Excel would run ('=…', '+55…')."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell


_OTHER_DELIMITERS = {";": ",\t|", ",": ";\t|", "\t": ";,|", "|": ";,\t"}


def _csv_rows(path: Path, encoding: str, delimiter: str) -> Iterator[list[object]]:
    if csv.field_size_limit() < MAX_ROW_CHARS:
        csv.field_size_limit(MAX_ROW_CHARS)
    with open(path, encoding=encoding, errors="replace", newline="") as fh:
        reader = csv.reader(_lines(fh, MAX_ROW_CHARS), delimiter=delimiter)
        width = 0
        while True:
            try:
                raw = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield RowProblem([], "error", "row_damaged")
                continue
            if len(raw) == 1 and raw[0] == _TOO_LONG:
                yield RowProblem([], "error", "row_too_long", max=MAX_ROW_CHARS)
                continue
            row = [(_unprotect(cell) if cell[:1] == "'" else cell) if cell != "" else None for cell in raw]
            if width < 2:
                width = max(width, len(raw))
            elif len(raw) == 1 and raw[0].strip():
                wrong = next((d for d in _OTHER_DELIMITERS[delimiter]
                              if len(next(csv.reader([raw[0]], delimiter=d))) >= min(3, width)), None)
                if wrong is not None:
                    yield RowProblem(row, "error", "row_wrong_delimiter", delimiter=delimiter, other=wrong)
                    continue
            if any(cell and _CONTROL.search(cell) for cell in raw):
                yield RowProblem(row, "warning", "row_control_chars")
                continue
            yield row


def read_csv(path: Path) -> Table:
    _kind(path)
    encoding = _encoding(path)
    if _looks_binary(path, encoding):
        raise _fail("file_damaged", name=path.name)
    with open(path, encoding=encoding, errors="replace", newline="") as fh:
        sample = fh.read(64 * 1024)
    delimiter = _delimiter(sample)
    table = _table(path.name, "", [], lambda: _bounded(_csv_rows(path, encoding, delimiter), path.name))
    if not table.row_count:
        raise _fail("file_empty", name=path.name)
    return table


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read a spreadsheet or CSV; a damaged, foreign, protected or oversized file raises one clear error."""
    path = Path(path)
    kind = _kind(path)
    if kind == "text":
        if path.suffix.lower() in (".xlsx", ".xls", ".ods", ".xlsm"):
            raise _fail("file_damaged", name=path.name)
        return read_csv(path)
    return read_workbook(path, sheet)
