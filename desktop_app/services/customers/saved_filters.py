"""Saved filters: a name for a search and its filters (tag, birthday month, segment or stage), kept in the
shop's settings so every PC and every backup has them. Anyone may use them; managers save and delete."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.permissions import require
from desktop_app.domain.segments import group_of
from desktop_app.domain.text import clean_text
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import get_setting, set_setting

KEY = "saved_filters"
MAX_FILTERS = 50


@dataclass(frozen=True, slots=True)
class SavedFilter:
    name: str
    text: str = ""
    tag: str = ""
    month: int = 0
    group: str = ""  # "segment:<key>" or "stage:<key>"


def saved() -> list[SavedFilter]:
    rows = get_setting(KEY, [])
    fields = set(SavedFilter.__dataclass_fields__)
    found = []
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and isinstance(row.get("name"), str):
            found.append(SavedFilter(**{k: v for k, v in row.items() if k in fields}))
    return sorted(found, key=lambda f: f.name.casefold())


def save(f: SavedFilter, *, actor: Actor) -> SavedFilter:
    """Add or replace (by name) a saved filter."""
    require(actor, "campaign.send")  # the same people who message groups shape them
    name = clean_text(f.name).strip()
    if not name:
        raise ValidationError("name", "filter_name_required")
    if len(name) > 60:
        raise ValidationError("name", "too_long", max=60)
    if not 0 <= int(f.month) <= 12:
        raise ValidationError("month", "number_out_of_range", low=0, high=12)
    if f.group and group_of(f.group) is None:
        raise ValidationError("group", "group_invalid")
    clean = SavedFilter(name, f.text.strip()[:200], f.tag, int(f.month), f.group)
    others = [x for x in saved() if x.name.casefold() != name.casefold()]
    if len(others) >= MAX_FILTERS:
        raise ValidationError("name", "too_many_filters", max=MAX_FILTERS)
    set_setting(KEY, [asdict(x) for x in [*others, clean]])
    audit.record(actor, "filter.save", name)
    return clean


def delete(name: str, *, actor: Actor) -> None:
    require(actor, "campaign.send")
    set_setting(KEY, [asdict(x) for x in saved() if x.name != name])
    audit.record(actor, "filter.delete", name)
