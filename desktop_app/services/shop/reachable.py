"""Whether the shop's database answers (issue 20, item 6, faults): what the window's server line asks, on a
lane, every second while the server does not answer, so that the line goes by itself once it does."""

from __future__ import annotations

from desktop_app.db.models import Setting


def answers() -> None:
    """One small read through this thread's connection (a dead one is made anew first). Raises the typed
    DatabaseError ("db_server_down") while the server does not answer."""
    list(Setting.select(Setting.key).limit(1).tuples())
