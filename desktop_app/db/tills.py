"""What several tills sharing one database need from it (issue 20): one runner at a time for the shop-wide
jobs, and hearing the writes the other tills commit. On a SQLite file (one PC) the job is always this
process's and there is nothing to hear; the engine does the rest (postgres_engine.py: an advisory lock,
and announcements from triggers)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from desktop_app.db.database import database, engine
from desktop_app.db.engine import HEARD_EVERYTHING

__all__ = ["HEARD_EVERYTHING", "PLANNER", "SENDER", "listener", "one_at_a_time"]

PLANNER = "planner"  # the day's planning
SENDER = "sender"  # the outbox's sender


@contextmanager
def one_at_a_time(job: str) -> Iterator[bool]:
    """True inside for the one process of the whole shop that runs `job` now, False (at once) for any
    other, which skips it. Outside any transaction: the lock belongs to this thread's connection."""
    with engine().only_one(database, job) as mine:
        yield mine


def listener():
    """What hears the other tills' committed writes (`wait(timeout)` → the tables they changed, `close()`),
    or None when no other till can write (a file)."""
    if database.obj is None:
        return None
    return engine().listener(database)
