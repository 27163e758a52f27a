"""The guard that fails a GUI test whose window runs SQL on the GUI thread.

`db/database.py` calls the guard before every statement. A statement on a worker lane's thread is what
the design asks for. On the main thread (the one that runs Qt's event loop) the guard asks who wanted
the statement: it walks the Python stack from the statement outwards to the first frame that is either
Régua's GUI code (`desktop_app/gui/`) or test code (`tests/`):

- test code first: the test is setting the shop up or checking what the window wrote (the person looking
  at the result), which is allowed;
- GUI code first: the window queried the database on the GUI thread, which freezes it on a slow disk or
  a network database. That fails the test, unless it happens inside a synchronous-mode TaskRunner job
  (the widget tests' stand-in for the worker lane) or in the app's start before the event loop runs
  (`gui.tasks.before_event_loop`: opening and upgrading the database, making the demo shop and reading
  the shop's settings for the first screen happen outside the loop, before any window exists, and
  freeze nothing).

The offending statement is recorded, not raised where it runs (an exception there would end in an error
dialog that waits for a click nobody gives): the test fails at its teardown with each statement and the
GUI line that asked for it.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import desktop_app
from desktop_app.db import database
from desktop_app.gui.common import tasks as gui_tasks

GUI_DIR = str(Path(desktop_app.__file__).parent / "gui")
TESTS_DIR = str(Path(__file__).resolve().parents[1])


def _asker(frame) -> tuple[str, str, int] | None:
    """(file, function, line) of the GUI code that asked for the statement, None when a test did."""
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(GUI_DIR):
            return Path(name).name, frame.f_code.co_name, frame.f_lineno
        if name.startswith(TESTS_DIR):
            return None
        frame = frame.f_back
    return None


class Guard:
    def __init__(self) -> None:
        self.caught: list[str] = []

    def __call__(self, sql: str) -> None:
        if threading.current_thread() is not threading.main_thread() or gui_tasks.gui_thread_may_query():
            return
        asker = _asker(sys._getframe(1))
        if asker is None:
            return
        file, function, line = asker
        what = f"{file}:{line} {function}: {' '.join(str(sql).split())[:160]}"
        self.caught.append(what)

    def __enter__(self) -> Guard:
        database.set_thread_guard(self)
        return self

    def __exit__(self, *exc) -> None:
        database.set_thread_guard(None)
