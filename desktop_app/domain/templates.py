"""Message templates: text with placeholders from a fixed list and a fallback for empty values.

    Olá {{ first_name | "cliente" }}, a {{ shop_name }} sente a sua falta!

There is no expression language: a placeholder is a name from PLACEHOLDERS and an optional quoted
fallback, nothing else. Rendering is one pass of substitution over the text, so a template cannot reach
Python objects, cannot loop, and a value is never read again as template text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from desktop_app.domain.errors import ValidationError

PLACEHOLDERS = (
    "first_name", "name", "shop_name", "points_balance", "reward", "coupon_code", "birthday",
    "item", "date", "unsubscribe",
)
MAX_TEMPLATE = 20_000

_TAG = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.S)
_INNER = re.compile(r'^([a-z_]+)\s*(?:\|\s*"([^"{}]*)")?$')


def _parse(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, fallback) per placeholder; raises on anything not in the fixed list."""
    if len(text) > MAX_TEMPLATE:
        raise ValidationError("template", "too_long", max=MAX_TEMPLATE)
    found = []
    for m in _TAG.finditer(text):
        inner = _INNER.match(m.group(1))
        if inner is None or inner.group(1) not in PLACEHOLDERS:
            raise ValidationError("template", "placeholder_unknown", name=m.group(1)[:40])
        found.append((m.start(), m.end(), inner.group(1), inner.group(2) or ""))
    rest = _TAG.sub("", text)
    if "{{" in rest or "}}" in rest:
        raise ValidationError("template", "placeholder_broken")
    return found


def check(text: str) -> None:
    """Raise a ValidationError naming the first unknown or broken placeholder."""
    _parse(text)


def render(text: str, values: Mapping[str, object], escape: Callable[[str], str] | None = None) -> str:
    """Fill the placeholders; an empty or missing value takes the fallback. `escape` is applied to
    every value (html.escape for the HTML part), never to the template's own text."""
    out, pos = [], 0
    for start, end, name, fallback in _parse(text):
        out.append(text[pos:start])
        value = values.get(name)
        value = fallback if value is None or str(value).strip() == "" else str(value)
        out.append(escape(value) if escape else value)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else ""
