"""CSV files as shops really have them: one row with the wrong delimiter, a quoted cell starting with a
tab or a carriage return, a stray control byte near the top. The row is reported, the rest is kept
(issue 18 item 11)."""

from __future__ import annotations

import csv

import pytest

from desktop_app.domain.importing import issue_message
from desktop_app.services.spreadsheets import import_plan
from desktop_app.services.spreadsheets.spreadsheet import read_table


def write_csv(path, rows, delimiter=";"):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def plan(path, shop, today):
    return import_plan.plan_import(read_table(path), shop, today)


def test_a_row_with_the_wrong_delimiter_is_reported_not_stored_as_one_long_name(tmp_path, shop_settings, today):
    path = write_csv(tmp_path / "clientes.csv", [["Nome", "Celular", "Cidade"],
                                                 ["Maria Lima", "(11) 98765-4321", "Recife"],
                                                 ["Ana Dias", "(11) 98765-1111", "Natal"]])
    with open(path, "a", encoding="utf-8", newline="") as fh:
        fh.write("Rui Costa,(11) 98765-2222,Olinda\r\nIsa Melo;;\r\n")
    p = plan(path, shop_settings, today)
    assert [r.name for r in p.records] == ["Maria Lima", "Ana Dias", "Isa Melo"]
    [issue] = [i for i in p.issues if i.row == 4]
    assert (issue.severity, issue.code) == ("error", "row_wrong_delimiter")
    assert "“,” instead of “;”" in issue_message(issue)
    assert p.skipped == 1


@pytest.mark.parametrize(("rows", "mapping", "expected"), [
    ([["Nome", "Observações"], ["Maria Lima", "\rchega cedo"], ["Ana Dias", "\r, vip"]],
     ["name", "notes"], [("Maria Lima", None, "chega cedo"), ("Ana Dias", None, ", vip")]),
    ([["Nome", "Celular", "Observações"], ["\tMaria Lima", "(11) 98765-4321", "\rchega cedo"],
      ["Ana Dias", "(11) 98765-1111", "\t\tvip"], ["Rui Costa", "", "\r\nsó sábado"]],
     ["name", "phone", "notes"], [("Maria Lima", "+5511987654321", "chega cedo"),
                                  ("Ana Dias", "+5511987651111", "vip"), ("Rui Costa", None, "só sábado")]),
])
def test_a_quoted_cell_starting_with_a_tab_or_a_carriage_return_keeps_the_delimiter(
        tmp_path, shop_settings, today, rows, mapping, expected):
    path = write_csv(tmp_path / "clientes.csv", rows)
    p = plan(path, shop_settings, today)
    assert p.mapping == mapping
    assert [(r.name, r.phone, r.notes) for r in p.records] == expected


def test_a_stray_control_byte_is_the_rows_problem_not_a_damaged_file(tmp_path, shop_settings, today):
    path = tmp_path / "clientes.csv"
    path.write_bytes(b"Nome;E-mail;Cidade\r\nMaria\x00 Lima;maria@example.com;Recife\r\n"
                     b"Ana Dias;ana@example.com;Na\x07tal\x1b\r\nRui Costa;rui@example.com;Olinda\r\n")
    p = plan(path, shop_settings, today)
    assert [r.name for r in p.records] == ["Maria Lima", "Ana Dias", "Rui Costa"]
    assert [(i.row, i.code, i.severity) for i in p.issues] == [(2, "row_control_chars", "warning"),
                                                             (3, "row_control_chars", "warning")]


def test_an_overlong_line_and_an_unclosed_quote_are_rows_the_rest_is_kept(tmp_path, shop_settings, today):
    from desktop_app.services.spreadsheets.spreadsheet import MAX_ROW_CHARS

    path = tmp_path / "clientes.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("Nome;Cidade\r\nMaria Lima;Recife\r\n")
        fh.write(";".join(["ab"] * (MAX_ROW_CHARS // 3 + 10)) + "\r\n")
        fh.write("Ana Dias;Natal\r\n")
    p = plan(path, shop_settings, today)
    assert [r.name for r in p.records] == ["Maria Lima", "Ana Dias"]
    assert [(i.row, i.code) for i in p.issues] == [(3, "row_too_long")]
