"""Privacy rules, pure: the key under which an erased customer's e-mail, phone or tax id is remembered (a
one-way hash, so the list of erased people holds no personal data) and what counts as inactive."""

from __future__ import annotations

import hashlib
from datetime import date

ERASED_PREFIX = "erased:"
# An erased customer's sort key: after every real name, so the list (a range of the name index) leaves
# them out without reading a single row.
ERASED_SORT_KEY = "\uffff"


def erased_key(kind: str, value: str | None) -> str | None:
    """'erased:<sha256>' of a normalised e-mail, E.164 phone or tax id; None for an empty value."""
    if not value:
        return None
    digest = hashlib.sha256(f"{kind}:{value.strip().lower()}".encode()).hexdigest()
    return f"{ERASED_PREFIX}{digest}"


def retention_cutoff(today: date, years: int) -> date | None:
    """Customers with nothing since this day are anonymised; None when the rule is off (0 years)."""
    if years <= 0:
        return None
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)
