"""Reading the owner's spreadsheet: which field each column feeds, the day/month order of its text dates,
and each row as one customer (`Record`). A row without a name is skipped with an error; a bad e-mail,
phone, date or amount leaves that one field empty with a warning (never stored as something else).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.domain.importing import (
    DATE_FIELDS,
    Issue,
    cell_text,
    date_order,
    guess_mapping,
    has_text_dates,
    parse_birthday_cell,
    parse_consent,
    parse_date,
)
from desktop_app.domain.money import parse_money
from desktop_app.domain.text import clean_text
from desktop_app.services.customers.customers import MAX_FIELD, MAX_NAME, MAX_NOTES, clean_tags
from desktop_app.services.customers.normalize import normalize_email, normalize_phone
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.spreadsheets.import_types import ImportOptions, Record
from desktop_app.services.spreadsheets.spreadsheet import Table


def column_fields(header: Sequence[object], options: ImportOptions) -> list[str]:
    """The field each column feeds: the owner's mapping, else guessed from the header; a file without a
    column for the name is refused."""
    mapping = list(options.mapping) if options.mapping is not None else guess_mapping(header)
    mapping += ["ignore"] * (len(header) - len(mapping))
    if not ({"name", "first_name", "last_name"} & set(mapping)):
        raise ReguaError("no_name_column")
    return mapping


def date_orders(table: Table, mapping: list[str], skip: int, shop: ShopSettings,
                chosen: dict[int, str] | None = None) -> dict[int, str]:
    """The day/month order of each date column the owner did not set, decided from its values (the rows
    after the first `skip`); a column of real dates needs none and gets the shop's country's default."""
    orders = dict(chosen or {})
    for index, name in enumerate(mapping):
        if name in DATE_FIELDS and index not in orders:
            # A second pass over the file only for dates written as text (real dates need no order).
            values = ((r[index] for n, r in enumerate(table.iter_rows()) if n >= skip and index < len(r))
                      if has_text_dates(table.head[skip:], index) else ())
            orders[index] = date_order(values, default_day_first=shop.country != "US")
    return orders


class RowReader:
    """Turns the file's rows into customers as the file describes them, with every problem by row and column
    (`issues`). Values many rows repeat (a city, a tag list, a set of consent answers) are kept once."""

    def __init__(self, table: Table, mapping: list[str], orders: dict[int, str], shop: ShopSettings, today: date):
        self.table, self.mapping, self.orders, self.shop, self.today = table, mapping, orders, shop, today
        self.columns = {f: i for i, f in enumerate(mapping) if f != "ignore"}
        self.header = [cell_text(h) or f"#{i + 1}" for i, h in enumerate(table.header)]
        self.issues: list[Issue] = []
        self._values: dict[str, str] = {}
        self._answers: dict[tuple, dict[str, bool]] = {}
        self._tag_lists: dict[tuple, list[str]] = {}

    def _cell(self, row: Sequence[object], name: str):
        index = self.columns.get(name)
        if index is None or index >= len(row):
            return None
        return row[index]

    def issue(self, row_no: int, name: str, value: object, severity: str, code: str, /, **params) -> None:
        """A problem in row `row_no`, told under the header of the column that feeds field `name`."""
        column = self.header[self.columns[name]] if name in self.columns else name
        text = cell_text(value)
        self.issues.append(Issue(row_no, column, text[:200], severity, code,
                                 tuple((k, str(v)) for k, v in params.items())))

    def _soft(self, row_no: int, name: str, value: object, fn):
        """Run a cleaner; on a ValidationError keep the field empty and record a warning."""
        try:
            return fn()
        except ValidationError as exc:
            self.issue(row_no, name, value, "warning", exc.code, **exc.params)
            return None

    def _text(self, row_no: int, name: str, row, limit: int) -> str:
        if name not in self.columns:
            return ""
        value = self._cell(row, name)
        text = clean_text(cell_text(value))
        if len(text) > limit:
            self.issue(row_no, name, value, "warning", "too_long", max=limit)
            return ""
        return text

    def record(self, row: Sequence[object], row_no: int) -> Record | None:
        cell = self._cell
        name = clean_text(cell_text(cell(row, "name")))
        if not name:
            name = clean_text(f"{cell_text(cell(row, 'first_name'))} {cell_text(cell(row, 'last_name'))}")
        if not name:
            self.issue(row_no, "name" if "name" in self.columns else "first_name", "", "error", "required")
            return None
        if len(name) > MAX_NAME:
            self.issue(row_no, "name", name, "error", "too_long", max=MAX_NAME)
            return None
        rec = Record([row_no], name)
        country = self.shop.country
        raw = cell(row, "email")
        rec.email = self._soft(row_no, "email", raw, lambda: normalize_email(cell_text(raw)))
        raw_phone = cell(row, "phone")
        rec.phone = self._soft(row_no, "phone", raw_phone, lambda: normalize_phone(cell_text(raw_phone), country))
        if "birthday" in self.columns:
            raw_b = cell(row, "birthday")
            order = self.orders.get(self.columns["birthday"], "dmy")
            rec.birthday = self._soft(row_no, "birthday", raw_b, lambda: parse_birthday_cell(
                raw_b, order=order, date1904=self.table.date1904, today=self.today))
        if "last_purchase" in self.columns:
            raw_d = cell(row, "last_purchase")
            order = self.orders.get(self.columns["last_purchase"], "dmy")
            when = self._soft(row_no, "last_purchase", raw_d,
                              lambda: parse_date(raw_d, order=order, date1904=self.table.date1904))
            if when is not None and when > self.today:
                self.issue(row_no, "last_purchase", raw_d, "warning", "date_future")
                when = None
            rec.last_purchase = when
        if "total_spent" in self.columns:
            raw_t = cell(row, "total_spent")
            if raw_t is not None and cell_text(raw_t).strip():
                cents = self._soft(row_no, "total_spent", raw_t, lambda: parse_money(raw_t, "total_spent"))
                if cents is not None and cents < 0:
                    self.issue(row_no, "total_spent", raw_t, "warning", "amount_negative")
                    cents = None
                rec.total_spent = cents
        rec.city = self._text(row_no, "city", row, MAX_FIELD)
        rec.tax_id = self._text(row_no, "tax_id", row, 40) or None
        rec.card_code = self._text(row_no, "card_code", row, 64) or None
        rec.notes = self._text(row_no, "notes", row, MAX_NOTES)
        tags = cell_text(cell(row, "tags"))
        if tags:
            found = tuple(self._shared(t) for t in clean_tags(tags.replace(";", ",").split(",")))
            rec.tags = self._tag_lists.setdefault(found, list(found))  # shared: replaced, never changed
        rec.city = self._shared(rec.city)
        answers = {}
        for channel in ("email", "whatsapp"):
            name_ = f"consent_{channel}"
            if name_ in self.columns:
                raw_c = cell(row, name_)
                answer = parse_consent(raw_c)
                if answer is None and raw_c is not None and cell_text(raw_c).strip():
                    self.issue(row_no, name_, raw_c, "warning", "consent_unclear")
                elif answer is not None:
                    answers[channel] = answer
        if answers:  # one dict per combination of answers, not one per customer (memory on big files)
            rec.consent = self._answers.setdefault(tuple(answers.items()), answers)
        return rec

    def _shared(self, text: str) -> str:
        """One string object for a value many rows repeat (a city, a tag)."""
        if len(text) > 40:
            return text
        return self._values.setdefault(text, text)
