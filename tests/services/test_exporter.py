"""Exports that cannot attack the owner, and that only the owner makes."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from desktop_app.db.models import AuditLog
from desktop_app.domain.actors import MANAGER, Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.permissions import PermissionDenied
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.spreadsheets import exporter
from desktop_app.services.spreadsheets.spreadsheet import read_table

NASTY = ["=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.fixture
def nasty_customers(shop_settings, actor, today):
    for i, text in enumerate(NASTY):
        customers.create_customer(CustomerInput(name=f"Cliente {i}", city=text, notes=f"{text} nota\x0bvt"),
                                  shop=shop_settings, actor=actor, today=today)


def test_xlsx_export_has_no_formula_and_reads_back(tmp_path, nasty_customers, shop_settings, actor):
    """Promise: Exports cannot attack the owner."""
    path = tmp_path / "clientes.xlsx"
    assert exporter.export_customers(path, actor=actor, shop=shop_settings) == len(NASTY)
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]][:3] == ["Nome", "Telefone", "E-mail"]
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value
    cities = {ws.cell(row=r, column=4).value for r in range(2, ws.max_row + 1)}
    assert {"=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)"} <= cities  # as text, not formulas
    back = read_table(path)
    assert back.header[0] == "Nome" and len(list(back.iter_rows())) == len(NASTY) + 1
    assert AuditLog.get(AuditLog.action == "export").subject == "clientes.xlsx"


def test_csv_export_prefixes_formula_text(tmp_path, nasty_customers, shop_settings, actor):
    """Promise: Exports cannot attack the owner."""
    path = tmp_path / "clientes.csv"
    exporter.export_customers(path, actor=actor, shop=shop_settings)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    cities = [r[3] for r in rows[1:]]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cities)
    assert "'=HYPERLINK(\"http://evil\")" in cities and "'-2" in cities


def test_only_the_owner_exports_and_bad_names_are_refused(tmp_path, shop_settings, actor):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDenied):
        exporter.export_customers(out / "x.xlsx", actor=Actor(None, "Carla", MANAGER), shop=shop_settings)
    with pytest.raises(ReguaError) as err:
        exporter.export_customers(out / "x.pdf", actor=actor, shop=shop_settings)
    assert err.value.code == "export_format"
    assert not list(out.iterdir())
