"""The work process: a child process that runs the window's heavy jobs, so the window never stalls.

The day's planning, an import's read, check and commit, and sending the due e-mails are long Python
work. On a lane thread of the window's process they hold Python's interpreter lock in turns with the GUI
thread, which then waits for it after every Qt call that released it (the convoy effect: a 5 ms timer
came 100-500 ms late while an import ran). In a child process they share nothing with the window.

`WorkProcess.call(fn, *args)` runs `services/work_jobs.fn(*args)` in the child and returns its result;
it is called from a lane's job (`tasks.run(lambda: tasks.child(DB).call(...), on_done)`), so the lane
thread waits on the pipe (which releases the lock) and the answer reaches the view as every lane's answer
does, with `tasks.write`'s `Changes` after a write. One child per lane that uses one (DB: planning and
the import; NET: sending), started on first use and kept for the window's session; `TaskRunner.
close_connections` stops them at shutdown.

- **Start:** multiprocessing's "spawn" context (the same on Linux, macOS and Windows, and in the
  PyInstaller bundle with `multiprocessing.freeze_support()` first in `__main__.py`). The child imports
  no Qt and opens the database the window has open (a file or a server's URL).
- **Progress and Cancel:** `call(..., progress=fn)` hands the job a progress function; the child sends
  (done, total) at most 20 times a second and the lane calls `fn` with it (and every 50 ms with the last
  figures, so a Cancel is seen while the child works between messages); when `fn` raises `Cancelled`,
  the child is told and its job raises `Cancelled` at its next progress call.
- **Errors:** an exception in the job comes back as the same type with the same attributes (a
  ReguaError keeps its code), the child's traceback added as a note for the bug report. A child that
  dies (killed, out of memory) raises ReguaError("work_process_stopped") and the next call starts a
  fresh one; what the dead child was writing was one transaction, which the database rolls back.
- **Tests:** `WorkProcess(in_process=True)` runs the same functions on the calling thread, for the
  tests that are not about the child (a child costs 0.3-0.6 s to start).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
from collections.abc import Callable
from typing import Any

from desktop_app.domain.errors import ReguaError
from desktop_app.services import work_jobs
from desktop_app.services.spreadsheets.import_types import Cancelled

log = logging.getLogger(__name__)

POLL_S = 0.05  # how often the waiting lane looks at Cancel when no message comes
STOP_WAIT_S = 5.0  # at shutdown, how long a child may take to end its job before it is terminated


class WorkProcess:
    """One child process running `work_jobs` functions, one at a time, for one lane's thread."""

    def __init__(self, target: Callable[[], str], *, in_process: bool = False,
                 initializer: Callable[[], tuple[Callable[..., Any], tuple] | None] | None = None) -> None:
        """`target()` names the database the child opens (asked when a child starts); `initializer()`,
        asked then too, gives (function, args) that each child runs first (tests: their keyring)."""
        self.target = target
        self.in_process = in_process
        self.initializer = initializer
        self._process = None
        self._conn = None
        self.started = 0  # children started so far (tests: a fresh one after a crash)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def call(self, fn: Callable[..., Any], *args: Any, progress: Callable[[int, int], None] | None = None,
             **kwargs: Any) -> Any:
        """`fn(*args, **kwargs)` in the child (blocking: call it from a lane's job, never the GUI thread)."""
        if self.in_process:
            return fn(*args, **kwargs) if progress is None else fn(*args, progress=progress, **kwargs)
        conn = self._ensure_started()
        try:
            conn.send(("call", fn, args, kwargs, progress is not None))
            return self._wait(conn, progress)
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._lost(exc)
            raise ReguaError("work_process_stopped") from exc

    def _wait(self, conn, progress: Callable[[int, int], None] | None) -> Any:
        last, cancelled = (0, 0), False
        while True:
            if not conn.poll(POLL_S):
                if not self._process.is_alive():
                    raise EOFError("the work process ended")
                if progress is not None and not cancelled:
                    try:
                        progress(*last)  # only so that a Cancel pressed meanwhile is seen
                    except Cancelled:
                        cancelled = True
                        conn.send(("cancel",))
                continue
            message = conn.recv()
            kind = message[0]
            if kind == "progress":
                last = message[1], message[2]
                if progress is not None and not cancelled:
                    try:
                        progress(*last)
                    except Cancelled:
                        cancelled = True
                        conn.send(("cancel",))
            elif kind == "done":
                return message[1]
            elif kind == "failed":
                raise work_jobs.rebuilt(message)
            else:  # "bug": an exception that could not cross, as text
                raise RuntimeError("In Régua's work process:\n" + message[1])

    def _ensure_started(self):
        if self._process is not None and self._process.is_alive():
            return self._conn
        if self._process is not None:
            self._lost(None)
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        setup = self.initializer() if self.initializer is not None else None
        process = context.Process(target=work_jobs.serve, args=(theirs, self.target(), setup),
                                  name="regua-work", daemon=True)
        process.start()
        theirs.close()  # the child's end lives in the child now: its death closes the pipe
        self._process, self._conn = process, ours
        self.started += 1
        log.info("work process %s started", process.pid)
        return ours

    def _lost(self, exc: BaseException | None) -> None:
        process, self._process = self._process, None
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
        if process is not None:
            process.join(1)
            log.warning("the work process %s stopped (exit code %s)%s", process.pid, process.exitcode,
                        f": {exc}" if exc else "")

    def close(self) -> None:
        """Stop the child (after its job, if one runs); from the lane's thread or once the lane is idle."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None:
            return
        with contextlib.suppress(OSError, EOFError):
            conn.send(("stop",))
        process.join(STOP_WAIT_S)
        if process.is_alive():
            process.terminate()
            process.join(1)
        conn.close()
