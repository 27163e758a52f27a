"""Seeing the other tills' work (issue 20): what a till hears another till's committed writes changed, as
the kinds of data the window's views refresh by (gui/common/tasks.py `Changes`: customers, interactions,
loyalty, outbox, cadence, settings, everything). Only a shop on a server has other tills; on a file
`listener()` is None and nothing is heard."""

from __future__ import annotations

from desktop_app.db import tills

# table → the kinds of data a write to it changes (what the list, a customer's page, Today... show)
TABLE_KINDS: dict[str, tuple[str, ...]] = {
    "customer": ("customers",),
    "customer_tag": ("customers",),
    "consent": ("customers",),
    "customer_segment": ("customers",),
    "import_batch": ("customers",),
    "import_change": ("customers",),
    "interaction": ("interactions", "customers"),  # a purchase or a visit: her last visit, in the list too
    "loyalty_program": ("loyalty",),
    "reward": ("loyalty",),
    "loyalty_entry": ("loyalty",),
    "loyalty_allocation": ("loyalty",),
    "coupon": ("loyalty",),
    "outbox": ("outbox",),
    "suppression": ("outbox",),
    "campaign": ("cadence",),
    "setting": ("settings", "cadence"),  # the régua's rules are settings too
    "staff": ("settings",),
    "search_term": (),  # follows a customer's write, which is heard on its own
    "audit_log": (),  # nothing on screen shows it live
}


def kinds_of(tables: set[str]) -> frozenset[str]:
    """The kinds of data the writes to `tables` changed; a table this list does not know, or the
    listener's "may have missed something", means everything."""
    if any(table not in TABLE_KINDS for table in tables):  # HEARD_EVERYTHING included
        return frozenset({"everything"})
    return frozenset(kind for table in tables for kind in TABLE_KINDS[table])


class OtherTills:
    """`wait(timeout)` → the kinds of data other tills changed (empty when none came); `close()`."""

    def __init__(self, heard) -> None:
        self._heard = heard

    def wait(self, timeout: float) -> frozenset[str]:
        return kinds_of(self._heard.wait(timeout))

    def close(self) -> None:
        self._heard.close()


def other_tills() -> OtherTills | None:
    """What hears the other tills of this shop, or None when there are none (a shop in a file). Makes no
    connection yet: its first `wait` does, on the thread that waits."""
    heard = tills.listener()
    return None if heard is None else OtherTills(heard)
