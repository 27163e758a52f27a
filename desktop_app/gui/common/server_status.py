"""The main window's one line for a shop's server that does not answer (issue 20, item 6, faults).

Every job that fails is shown to the line first (`TaskRunner.server_line`, before the view's own `on_error`).
When the error is the server's ("db_server_down", or a save it went away during), the line appears above
the status bar: "The shop's server does not answer; Régua keeps trying. What you type stays on screen." It
goes by itself once the server answers again: while it shows, a small read runs on the LIST lane every
second (never on the GUI thread, one at a time), and at once whenever a change is heard (the listener's
reconnect announces everything; a write that went through announces what it changed).

A line of its own rather than the status bar's message: the status bar's messages come and go ("Logged.",
a search's count, 5-8 s each) and any of them would replace one put there, while this line has to stay
exactly as long as the server does not answer; the status bar's right-hand side (who is logged in, the
server's name) stays as it is.

A view whose read failed that way keeps what it shows and adds no message box of its own
(`TaskRunner.told`); a job without an `on_error` that failed that way never reaches `unhandled`. A save
the server went away during ("db_server_lost_commit") shows the line too, and is still said by the dialog
or message that asked for it: it may have been saved, and the user has to check.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.domain.errors import SERVER_DOWN, SERVER_FAULTS, ReguaError
from desktop_app.gui.common.tasks import LIST, TaskRunner
from desktop_app.gui.common.widgets import alive, while_alive
from desktop_app.services.shop import reachable

log = logging.getLogger(__name__)

PROBE_MS = 1000  # while the line shows, how often the server is asked whether it answers again
LINE_STYLE = "color: #8a5a00; background: #fff4d6; padding: 6px; border-radius: 4px;"


def server_fault(exc: BaseException) -> str | None:
    """The code of a server's fault (down, or gone while saving), None for any other error."""
    code = exc.code if isinstance(exc, ReguaError) else None
    return code if code in SERVER_FAULTS else None


class ServerLine(QLabel):
    """Hidden until a lane's job fails because the shop's server does not answer; hides itself once it does."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None, *,
                 probe: Callable[[], object] = reachable.answers, every_ms: int = PROBE_MS) -> None:
        super().__init__(parent)
        self.tasks, self._probe_job = tasks, probe
        self.setObjectName("server_line")
        self.setText(self.tr("The shop's server does not answer; Régua keeps trying. What you type stays on screen."))
        self.setWordWrap(True)
        self.setStyleSheet(LINE_STYLE)
        self.hide()
        self.down = False
        self._asking = False  # a probe is on its way
        self._timer = QTimer(self)
        self._timer.setInterval(every_ms)
        self._timer.timeout.connect(self._ask)
        tasks.server_line = self
        tasks.changed.connect(self._heard)

    def saw(self, exc: BaseException) -> bool:
        """A job failed with `exc` (the runner tells every failure, on the GUI thread); True when this line is
        what tells the user about it."""
        code = server_fault(exc)
        if code is None or not alive(self):  # a window deleted without closing: its line tells nothing
            return False
        if not self.down:
            self.down = True
            self.show()
            self._timer.start()
        return code == SERVER_DOWN

    def says(self, exc: BaseException) -> bool:
        """The line shows, and `exc` is what it says (the server does not answer; not a save it went away during)."""
        return self.down and server_fault(exc) == SERVER_DOWN and alive(self)

    def _heard(self, _changes, _initiator) -> None:
        if self.down:
            self._ask()

    def _ask(self) -> None:
        if self._asking or not self.down:
            return
        self._asking = True
        self.tasks.run(self._probe_job, while_alive(self, self._answered), while_alive(self, self._not_yet), lane=LIST)

    def _answered(self, _result) -> None:
        self._asking = False
        self.down = False
        self._timer.stop()
        self.hide()

    def _not_yet(self, exc: BaseException) -> None:
        self._asking = False
        if server_fault(exc) is None:
            log.warning("asking whether the shop's server answers failed: %s", exc)

    def detach(self) -> None:
        """The window closes: ask no more, and leave the runner to the next window's line."""
        self._timer.stop()
        if self.tasks.server_line is self:
            self.tasks.server_line = None
        with contextlib.suppress(RuntimeError, TypeError):
            self.tasks.changed.disconnect(self._heard)


def above_line(body: QWidget, line: ServerLine) -> QWidget:
    """`body` with the line under it (so just above the status bar): the window's central widget."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(body, 1)
    layout.addWidget(line)
    return holder
