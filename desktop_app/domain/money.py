"""Money as integer cents, read the way people type it in Brazil, Portugal and elsewhere."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop_app.domain.errors import ValidationError

_ALLOWED = re.compile(r"^[+-]?[\d.,\s'\u00a0\u202f]+$")


def parse_money(text: str | int | float | Decimal, field: str = "amount") -> int:
    """'1.234,56', '1,234.56', '49,9', 'R$ 10', '€ 12,50' -> cents. Rejects anything ambiguous."""
    if isinstance(text, bool):
        raise ValidationError(field, "amount_invalid")
    if isinstance(text, int):
        return text * 100
    if isinstance(text, float | Decimal):
        try:
            return int((Decimal(str(text)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        except InvalidOperation as exc:
            raise ValidationError(field, "amount_invalid") from exc
    raw = re.sub(r"(R\$|€|\$|EUR|BRL|USD)", "", str(text), flags=re.IGNORECASE).strip()
    if not raw or not _ALLOWED.match(raw):
        raise ValidationError(field, "amount_invalid")
    raw = re.sub(r"[\s'\u00a0\u202f]", "", raw)
    decimal_sep = _decimal_separator(raw)
    thousands = {",", "."} - {decimal_sep}
    for sep in thousands:
        raw = raw.replace(sep, "")
    if decimal_sep:
        if raw.count(decimal_sep) != 1:
            raise ValidationError(field, "amount_invalid")
        raw = raw.replace(decimal_sep, ".")
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise ValidationError(field, "amount_invalid") from exc
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _decimal_separator(raw: str) -> str:
    """Which of ',' and '.' is the decimal separator, or '' when the number has none.

    With both present, the last one is decimal. With one kind only: used more than once, or once
    with exactly three digits after it ('1.234', '1,234'), it groups thousands; otherwise decimal.
    """
    last_comma, last_dot = raw.rfind(","), raw.rfind(".")
    if last_comma >= 0 and last_dot >= 0:
        return "," if last_comma > last_dot else "."
    for sep, last in ((",", last_comma), (".", last_dot)):
        if last >= 0:
            if raw.count(sep) > 1 or len(raw) - last - 1 == 3:
                return ""
            return sep
    return ""


def format_cents(cents: int, currency: str) -> str:
    """Plain text for messages and the command line ('R$ 1.234,56', '€ 12,50', '$1,234.56')."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    grouped = f"{units:,}"
    if currency in ("USD", "GBP"):
        symbol = {"USD": "$", "GBP": "£"}[currency]
        return f"{sign}{symbol}{grouped}.{rest:02d}"
    symbol = {"BRL": "R$", "EUR": "€", "AOA": "Kz", "MZN": "MT"}.get(currency, currency)
    return f"{sign}{symbol} {grouped.replace(',', '.')},{rest:02d}"
