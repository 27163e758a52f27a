"""Hostile and broken spreadsheets end in one clear message, never a crash: hypothesis truncates and
corrupts real xlsx and ods files and throws random bytes and text at the csv reader; a password-protected
xlsx (encrypted the way Excel does it) is recognised as such. Nothing is written to the shop either way."""

from __future__ import annotations

import io

import msoffcrypto
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msoffcrypto.format.ooxml import OOXMLFile

from desktop_app.db.models import Customer
from desktop_app.domain.errors import ReguaError
from desktop_app.services.spreadsheets import import_plan
from desktop_app.services.spreadsheets.spreadsheet import Table, read_table


def _xlsx_bytes() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Clientes"
    ws.append(["Nome", "E-mail", "Celular", "Aniversário"])
    for i in range(30):
        ws.append([f"Cliente {i}", f"c{i}@example.com", f"(11) 98765-{i:04d}", f"{i % 28 + 1:02d}/03"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


XLSX = _xlsx_bytes()
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        return read_table(path)
    except ReguaError as exc:
        assert exc.code in {"file_damaged", "file_empty", "file_unreadable", "file_password", "file_too_big",
                            "file_too_many_rows", "file_too_many_cells", "sheet_not_found"}, exc.code
        return exc


@SETTINGS
@given(cut=st.integers(0, len(XLSX) - 1), flips=st.lists(st.tuples(st.integers(0, len(XLSX) - 1),
                                                                   st.integers(0, 255)), max_size=8))
def test_truncated_or_corrupted_xlsx_is_a_clear_message_or_a_table(tmp_path, cut, flips):
    """Promise: Hostile spreadsheets are harmless."""
    data = bytearray(XLSX[:cut] if cut > 100 else XLSX)
    for pos, byte in flips:
        if pos < len(data):
            data[pos] = byte
    result = _read(tmp_path, "clientes.xlsx", bytes(data))
    assert isinstance(result, Table | ReguaError)


@SETTINGS
@given(data=st.binary(min_size=1, max_size=4000))
def test_random_bytes_with_any_name_are_a_clear_message_or_a_table(tmp_path, data):
    """Promise: Hostile spreadsheets are harmless."""
    for name in ("clientes.csv", "clientes.xlsx", "clientes.xls", "clientes.ods"):
        assert isinstance(_read(tmp_path, name, data), Table | ReguaError)


@SETTINGS
@given(text=st.text(max_size=2000), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]))
def test_any_text_in_any_encoding_reads_as_a_table_or_a_message(tmp_path, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    if data:
        assert isinstance(_read(tmp_path, "clientes.csv", data), Table | ReguaError)


def test_a_password_protected_xlsx_says_so_and_imports_nothing(shop_settings, tmp_path, today):
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(XLSX)).encrypt("segredo", encrypted)
    path = tmp_path / "clientes com senha.xlsx"
    path.write_bytes(encrypted.getvalue())
    with pytest.raises(ReguaError) as err:
        read_table(path)
    assert err.value.code == "file_password" and "password" in err.value.message()
    assert Customer.select().count() == 0
    # the same file, decrypted by the owner, imports
    office = msoffcrypto.OfficeFile(io.BytesIO(encrypted.getvalue()))
    office.load_key(password="segredo")
    plain = tmp_path / "clientes.xlsx"
    with open(plain, "wb") as fh:
        office.decrypt(fh)
    plan = import_plan.plan_import(read_table(plain), shop_settings, today)
    assert len(plan.records) == 30
