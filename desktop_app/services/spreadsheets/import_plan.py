"""Importing the owner's customer list, step one: the plan, a dry run with every problem by row and column,
which the wizard previews and `import_write.commit_import` writes (one transaction, all or nothing).

Rows are numbered as the spreadsheet numbers them. Reading the rows is `import_read`, checking them and
finding who is who `import_check`. The file is read row by row (`Table.iter_rows`); only the customers it
describes are kept in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop_app.domain.importing import cell_text, issue_message
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.spreadsheets.import_check import check_rows, match_existing
from desktop_app.services.spreadsheets.import_read import RowReader, column_fields, date_orders
from desktop_app.services.spreadsheets.import_types import (
    ImportOptions,
    ImportPlan,
    Progress,
    sorted_in_slices,
)
from desktop_app.services.spreadsheets.spreadsheet import Table


def plan_import(table: Table, shop: ShopSettings, today: date, options: ImportOptions | None = None,
                progress: Progress | None = None) -> ImportPlan:
    """Read, validate and de-duplicate every row; nothing is written."""
    options = options or ImportOptions()
    mapping = column_fields(table.header, options)
    skip = table.header_index + 1
    total = max(0, table.row_count - skip)
    orders = date_orders(table, mapping, skip, shop, options.date_orders)
    reader = RowReader(table, mapping, orders, shop, today)
    records, merged, skipped, counted = check_rows(table, reader, skip, total, progress)
    plan = ImportPlan(table.file_name, table.sheet, mapping, orders, reader.header, counted, records, merged,
                      skipped, reader.issues, options=options)
    match_existing(plan, reader)
    plan.issues[:] = sorted_in_slices(plan.issues, key=lambda i: (i.row, i.column))  # not one long sort
    if progress is not None:
        progress(total, total)
    return plan


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
