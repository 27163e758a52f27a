"""The one worker lane for database work, and the only module that makes threads.

Work runs on a single background thread (so reads never race each other and the GUI never waits on
SQLite); the result, or the exception, comes back on the GUI thread through a queued signal. No
widget is ever touched from the worker. In tests, `TaskRunner(synchronous=True)` runs each job on the
next turn of the event loop on the calling thread, so widget tests need no real threads (Picard's
FakeThreadPool idea) yet still see results arrive asynchronously, as users do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call back to the GUI thread."""

    finished = Signal(object, object, object)  # callback, result, error


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Done | None, on_error: Failed | None):
        super().__init__()
        self.fn, self.relay, self.on_done, self.on_error = fn, relay, on_done, on_error

    def run(self) -> None:  # worker thread
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, which decides
            self.relay.finished.emit(self.on_error, None, exc)
        else:
            self.relay.finished.emit(self.on_done, result, None)


class TaskRunner(QObject):
    """Run `fn()` off the GUI thread and call `on_done(result)` or `on_error(exc)` on the GUI thread.

    Errors without an `on_error` go to `unhandled` (the app shows expected errors as a message and
    reports anything else as a bug).
    """

    unhandled = Signal(object)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one lane: database work is serialised, never concurrent
        self._pending = 0

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self._pending += 1
        if self.synchronous:
            QTimer.singleShot(0, self, lambda: self._run_here(fn, on_done, on_error))
        else:
            self._pool.start(_Job(fn, self._relay, on_done, on_error))

    def _run_here(self, fn, on_done, on_error) -> None:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001
            self._deliver(on_error, None, exc)
        else:
            self._deliver(on_done, result, None)

    @Slot(object, object, object)
    def _deliver(self, callback, result, error) -> None:
        self._pending -= 1
        if error is not None:
            if callback is not None:
                callback(error)
            else:
                self.unhandled.emit(error)
        elif callback is not None:
            callback(result)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the lane is empty (shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def run_blocking(self, fn: Callable[[], Any]) -> Any:
        """Run `fn` on the worker thread and wait for it (closing the worker's connection at exit)."""
        if self.synchronous:
            return fn()
        box: dict[str, Any] = {}

        class _Once(QRunnable):
            def run(self_inner) -> None:  # noqa: N805
                try:
                    box["result"] = fn()
                except BaseException as exc:  # noqa: BLE001
                    box["error"] = exc

        self._pool.start(_Once())
        self._pool.waitForDone()
        if "error" in box:
            raise box["error"]
        return box.get("result")
