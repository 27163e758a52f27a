"""What the steps of an import hand each other: the options the owner chose, one customer as the file
describes her, a possible duplicate, and the plan (the preview) that the check builds and the write
commits. The bottom of the import modules: it imports none of them.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.birthdays import Birthday
from desktop_app.domain.importing import Issue, issue_message

Progress = Callable[[int, int], None]  # (done, total); raise to cancel


class Cancelled(Exception):
    """The user cancelled a long import; nothing was written."""


@dataclass(slots=True)
class ImportOptions:
    mapping: list[str] | None = None  # a field per column; None: guessed from the header
    date_orders: dict[int, str] | None = None  # column -> 'dmy' | 'mdy'; None: decided from the values
    file_wins: bool = False  # update existing customers with the file's values, not only their gaps
    same_person: frozenset[int] | set[int] = frozenset()  # rows of possible duplicates the owner confirmed


@dataclass(slots=True)
class Record:
    """One customer as the file describes her (after merging the file's own duplicates)."""

    rows: list[int]
    name: str
    email: str | None = None
    phone: str | None = None
    birthday: Birthday | None = None
    city: str = ""
    tax_id: str | None = None
    card_code: str | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    consent: Mapping[str, bool] = field(default_factory=dict)  # shared between records: replace, never change
    last_purchase: date | None = None
    total_spent: int | None = None
    existing_id: int | None = None  # the customer in Régua this row updates


@dataclass(slots=True)
class PossibleDuplicate:
    """A row that shares a phone, e-mail, tax id or card code with a customer of another name."""

    row: int
    name: str  # as the file has it
    existing_id: int
    existing_name: str
    key: str  # 'phone' | 'email' | 'tax_id' | 'card_code'
    same_person: bool  # False (the default): she is a new customer


@dataclass(slots=True)
class ImportPlan:
    file_name: str
    sheet: str
    mapping: list[str]
    date_orders: dict[int, str]
    header: list[str]
    rows: int
    records: list[Record]
    merged: int
    skipped: int
    issues: list[Issue]
    updates: dict[int, dict] = field(default_factory=dict)  # existing id -> field -> new value
    options: ImportOptions = field(default_factory=ImportOptions)
    by_existing: dict[int, Record] = field(default_factory=dict)
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(1 for r in self.records if r.existing_id is None)

    @property
    def updated(self) -> int:
        return len(self.updates)

    def report(self, batch: int | None, dry_run: bool, translate: Callable[[str, str], str] | None = None) -> dict:
        """The JSON report of DESIGN.md section 6."""
        return {
            "rows": self.rows, "created": self.created, "updated": self.updated, "merged": self.merged,
            "skipped": self.skipped + (sum(1 for r in self.records if r.existing_id is not None)
                                       - self.updated),
            "issues": [{"row": i.row, "column": i.column, "value": i.value, "severity": i.severity,
                        "message": issue_message(i, translate)} for i in self.issues],
            "batch": batch, "dry_run": dry_run,
        }


def sorted_in_slices(items: list, size: int = 8192, *, key: Callable | None = None) -> list:
    """`sorted(items, key=key)` (the same order, ties kept as they came), made as sorted slices merged one item
    at a time. One `list.sort()` of tens of thousands of items (a chunk's ~85,000 search terms, the file's
    e-mails, its problems) holds Python's lock for 100-300 ms, and the window lives in the same process: it
    could not draw for that long. Between two items of the merge the lock can pass to the GUI thread."""
    if len(items) <= size:
        return sorted(items, key=key)
    return list(heapq.merge(*(sorted(items[i:i + size], key=key) for i in range(0, len(items), size)), key=key))
