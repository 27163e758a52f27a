"""The other tills' work, live (issue 20): what a till hears another till committed reaches the window as
the same `changed(Changes, initiator)` signal the lanes emit after this till's own writes, so every open
view refreshes the way it does today. The listening runs on a thread of its own (`TaskRunner.listen`);
a shop in a file hears nothing and starts nothing."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.gui.common.tasks import Changes, TaskRunner
from desktop_app.services.shop import live

OTHER_TILL = "another till"  # the initiator of what was heard: no view of this window made it


def changes_of(kinds: frozenset[str]) -> Changes:
    return Changes(**dict.fromkeys(kinds, True))


def follow_other_tills(tasks: TaskRunner) -> Callable[[], None] | None:
    """Start passing the other tills' changes to `tasks.changed`; returns what stops it (None: no other
    till can write to this shop)."""
    heard = live.other_tills()
    if heard is None:
        return None
    return tasks.listen(heard.wait, lambda kinds: tasks.changed.emit(changes_of(kinds), OTHER_TILL), heard.close)
