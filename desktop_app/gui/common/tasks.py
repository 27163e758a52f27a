"""Operations: the worker lanes, what a write changed, and the only module that makes threads.

Every call from gui/ that touches the database, a file or the network is an operation (Anki's
`QueryOp`/`CollectionOp` idea): `tasks.run(fn, on_done, on_error)` runs `fn` on a worker lane and calls
`on_done(result)` or `on_error(exc)` on the GUI thread, through a queued signal; no widget is ever touched
from a worker. A write goes through `tasks.write(fn, changes, ...)`: once it has succeeded, the runner
emits `changed(Changes, initiator)` (what kinds of data it changed, and which view asked), and the main
window passes that one signal on to the other open views, which refresh what shows that data and
nothing else.

Four lanes, each a single thread:

- `DB`, the database lane: every write of the shop's data and the reads that go with them, serialised,
  never concurrent.
- `LIST`, the customer list's lane: reads only (the list's ids, its pages of rows, a search), so that the
  first rows and every search answer while the database lane runs a long job (the day's planning at
  start-up, an import's check or commit). SQLite's WAL lets a reader run beside the one writer; the list
  sees the last committed state, and the change signal after each write makes it read again.
- `NET`, the network lane: SMTP (send now, the account test, the timer's send) and the OS scheduler's
  commands (a subprocess that may take 30 s), so a search never waits behind a mail server. Its jobs
  use the database too (the outbox): peewee gives each thread its own connection with the same
  pragmas, and every write transaction takes the lock up front (BEGIN IMMEDIATE), so the lanes share
  the file safely.
- `WORK`, the work process's lane: the day's planning and an import wait there for their child process
  (below), so that DB stays free for the counter's quick log meanwhile.

The heavy jobs (the day's planning, an import, sending) run in a work process instead, a child that
shares no interpreter lock with the window (work_process.py): a lane's job calls `child(lane).call(...)`
and waits on the pipe.

In tests, `TaskRunner(synchronous=True)` runs each job on the next turn of the event loop on the GUI
thread, so widget tests need no real threads (Picard's FakeThreadPool idea) yet still see results arrive
asynchronously, as users do. `gui_thread_may_query()` tells the tests' database guard when the GUI thread
is allowed to run SQL: inside such a synchronous job, or in the app's start before its event loop runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from desktop_app.gui.common.work_process import WorkProcess
from desktop_app.services import work_jobs

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]

DB = "db"
NET = "net"
LIST = "list"  # reads only: a job on it never writes
WORK = "work"  # jobs that wait on the work process (planning, an import), so DB stays free meanwhile
LANES = (DB, NET, LIST, WORK)
LISTEN_WAIT_S = 0.5  # how long one wait of a `listen` loop lasts: how soon it stops when told


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write changed, by kind of data, so that each open view refreshes only what shows it."""

    customers: bool = False  # a customer's details, the list, a merge or an erasure
    interactions: bool = False  # purchases, quotes, visits, notes, follow-ups
    loyalty: bool = False  # points, coupons, programs
    outbox: bool = False  # messages planned, sent, cancelled, paused
    cadence: bool = False  # the régua's settings and what it plans
    settings: bool = False  # the shop's settings, the mail account
    everything: bool = False  # a restored copy: every view shows its data afresh

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def touches(self, *kinds: str) -> bool:
        """True when any of `kinds` changed (a restored copy changed them all)."""
        return self.everything or any(getattr(self, kind) for kind in kinds)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()
EVERYTHING = Changes(everything=True)

_gui_thread_jobs = 0  # synchronous jobs (and the app's start) running on the GUI thread right now


def gui_thread_may_query() -> bool:
    """True while the GUI thread runs a synchronous-mode job or the app's start before its event loop."""
    return _gui_thread_jobs > 0


@contextmanager
def before_event_loop() -> Iterator[None]:
    """The app's start: opening (and upgrading) the database, making the demo shop and reading who may
    log in happen on the main thread before the window exists and before the event loop runs, so they
    freeze nothing; the tests' database guard lets them through."""
    global _gui_thread_jobs
    _gui_thread_jobs += 1
    try:
        yield
    finally:
        _gui_thread_jobs -= 1


class _Relay(QObject):
    """Lives on the GUI thread; a worker emits, Qt queues the call back to the GUI thread."""

    finished = Signal(object, object, object)  # callback, result, error


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Done, on_error: Failed):
        super().__init__()
        self.fn, self.relay, self.on_done, self.on_error = fn, relay, on_done, on_error

    def run(self) -> None:  # worker thread
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, which decides
            self._tell(self.on_error, None, exc)
        else:
            self._tell(self.on_done, result, None)

    def _tell(self, callback: Callable[[Any], None], result: Any, error: BaseException | None) -> None:
        try:
            self.relay.finished.emit(callback, result, error)
        except RuntimeError:  # the app closed while the job ran (Qt deleted the relay): nobody is left to tell
            log.info("a job finished after the window closed; its answer is dropped", exc_info=error)


class TaskRunner(QObject):
    """Run `fn()` off the GUI thread and call `on_done(result)` or `on_error(exc)` on the GUI thread.

    Errors without an `on_error` go to `unhandled` (the app shows expected errors as a message and
    reports anything else as a bug). `changed(Changes)` follows every successful `write`.
    """

    unhandled = Signal(object)
    changed = Signal(object, object)  # Changes, the initiator (the view that wrote, which refreshes itself)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False,
                 work_in_process: bool | None = None) -> None:
        """`work_in_process`: run the work process's jobs on the lane's own thread instead of a child
        (tests not about the child; the default in synchronous mode)."""
        super().__init__(parent)
        self.synchronous = synchronous
        self.work_in_process = synchronous if work_in_process is None else work_in_process
        self._children: dict[str, WorkProcess] = {}
        self.child_setup: Callable[[], tuple | None] | None = None  # tests: what a new child runs first
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._pools: dict[str, QThreadPool] = {}
        for lane in LANES:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)  # one thread per lane: its jobs run in order, never concurrently
            self._pools[lane] = pool
        self._pending = dict.fromkeys(LANES, 0)
        self._listening: list[tuple[threading.Event, QThreadPool]] = []  # listen(): the other tills
        # The main window's line for a server that does not answer (server_status.py): told of every failed
        # job first; what it says itself never goes on to `unhandled`.
        self.server_line: Any = None
        self.closed = False  # the app is shutting down: what lanes still finish is logged, not answered

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None, *,
            lane: str = DB) -> None:
        """A read (or any job whose changes nobody needs to hear about) on `lane`."""
        self._pending[lane] += 1

        def done(result: Any) -> None:
            self._pending[lane] -= 1
            if self.closed:
                log.info("a job finished after the window closed; its answer is dropped")
            elif on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._pending[lane] -= 1
            if self.closed:  # nobody is left to tell (a dialog now would hold the app, or a test, open)
                log.info("a job failed after the window closed; its answer is dropped", exc_info=exc)
                return
            told = self.server_line is not None and self.server_line.saw(exc)
            if on_error is not None:
                on_error(exc)
            elif not told:
                self.unhandled.emit(exc)

        if self.synchronous:
            QTimer.singleShot(0, self, lambda: self._run_here(fn, done, failed))
        else:
            self._pools[lane].start(_Job(fn, self._relay, done, failed))

    def write(self, fn: Callable[[], Any], changes: Changes | Callable[[Any], Changes],
              on_done: Done | None = None, on_error: Failed | None = None, *, lane: str = DB,
              initiator: object | None = None) -> None:
        """A write on `lane`; when it succeeds, `on_done(result)` and then `changed(changes, initiator)` (or
        `changes(result)` when what changed depends on the result). The initiator, the view that asked,
        refreshes itself in `on_done`; the others refresh from the signal (Anki's `initiator`)."""

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                what = changes(result) if callable(changes) else changes
                if what:
                    self.changed.emit(what, initiator)

        self.run(fn, done, on_error, lane=lane)

    def _run_here(self, fn, done, failed) -> None:
        global _gui_thread_jobs
        _gui_thread_jobs += 1
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001
            error = exc
        else:
            error = None
        finally:
            _gui_thread_jobs -= 1
        if error is not None:
            self._answer(failed, error)
        else:
            self._answer(done, result)

    @Slot(object, object, object)
    def _deliver(self, callback, result, error) -> None:
        self._answer(callback, error if error is not None else result)

    def _answer(self, callback: Callable[[Any], None], value: Any) -> None:
        """Hand a job's result (or error) to the view that asked. A bug in that answer is never lost in Qt's
        event loop: it goes to `unhandled`, which the app shows as a bug and the tests fail on."""
        try:
            callback(value)
        except Exception as exc:  # noqa: BLE001 - reported, not swallowed
            log.exception("a view's answer to a finished job failed")
            self.unhandled.emit(exc)

    def told(self, exc: BaseException) -> bool:
        """Whether the window's server line already says `exc` (the shop's server does not answer): a view
        whose read failed so keeps what it shows and adds no message of its own."""
        return self.server_line is not None and self.server_line.says(exc)

    def report(self, exc: BaseException) -> None:
        """An error no view shows itself: to `unhandled`, unless the server line says it already."""
        if not self.told(exc):
            self.unhandled.emit(exc)

    @property
    def busy(self) -> bool:
        """Something is still on a lane (or its result is on its way to the GUI thread)."""
        return any(self._pending.values())

    def busy_on(self, lane: str) -> bool:
        return self._pending[lane] > 0

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every lane is empty (shutdown and tests)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    def run_blocking(self, fn: Callable[[], Any], *, lane: str = DB) -> Any:
        """Run `fn` on `lane`'s thread and wait for it (closing that thread's connection at exit)."""
        if self.synchronous:
            with before_event_loop():
                return fn()
        box: dict[str, Any] = {}

        class _Once(QRunnable):
            def run(self_inner) -> None:  # noqa: N805
                try:
                    box["result"] = fn()
                except BaseException as exc:  # noqa: BLE001
                    box["error"] = exc

        pool = self._pools[lane]
        pool.start(_Once())
        pool.waitForDone()
        if "error" in box:
            raise box["error"]
        return box.get("result")

    def child(self, lane: str) -> WorkProcess:
        """The work process of `lane` (work_process.py): call it from a job on that lane only."""
        child = self._children.get(lane)
        if child is None:  # asked from the GUI thread or the lane's: one setdefault, so one child per lane
            child = self._children.setdefault(lane, WorkProcess(
                work_jobs.database_target, in_process=self.work_in_process,
                initializer=lambda: self.child_setup and self.child_setup()))
        return child

    def listen(self, wait: Callable[[float], Any], deliver: Done, close: Callable[[], None]) -> Callable[[], None]:
        """Call `wait(LISTEN_WAIT_S)` over and over on a thread of its own (not a lane: it never ends by
        itself and counts in no `busy`), handing each non-empty answer to `deliver` on the GUI thread, then
        `close()` on that thread once stopped. Returns `stop`, after which it ends within one wait."""
        stopped = threading.Event()
        relay = self._relay

        class _Loop(QRunnable):
            def run(self_inner) -> None:  # noqa: N805
                try:
                    while not stopped.is_set():
                        try:
                            heard = wait(LISTEN_WAIT_S)
                        except Exception:  # noqa: BLE001 - a listener's bug must not end the following
                            log.exception("listening for the other tills failed")
                            stopped.wait(LISTEN_WAIT_S)
                            continue
                        if heard and not stopped.is_set():
                            relay.finished.emit(deliver, heard, None)
                except RuntimeError:  # the app closed (Qt deleted the relay)
                    pass
                finally:
                    close()

        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        pool.start(_Loop())
        self._listening.append((stopped, pool))
        return stopped.set

    def stop_listening(self, msecs: int = 5000) -> None:
        """End every `listen` loop and wait for each (shutdown)."""
        for stopped, _pool in self._listening:
            stopped.set()
        for _stopped, pool in self._listening:
            pool.waitForDone(msecs)
        self._listening.clear()

    def close_connections(self, close: Callable[[], None]) -> None:
        """Run `close` (db.database.close_database) on each lane's thread: each has its own connection; and
        stop the work processes and the listening."""
        self.stop_listening()
        for lane in LANES:
            self.run_blocking(close, lane=lane)
        self.stop_children()

    def stop_children(self) -> None:
        """Stop the work processes (each after its job); the lanes must be idle."""
        for child in self._children.values():
            child.close()
