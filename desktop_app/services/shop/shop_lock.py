"""Who has the shop open: an OS advisory lock on a small file next to the database, `<db>.in-use`.

The window holds it for as long as it runs (beside its QLockFile, which only another window reads); a
restore takes it for the time it replaces the data and is refused while anyone else holds it. The
operating system drops the lock with the process that held it, however that process ended (closed, crashed,
killed with -9, the PC switched off), so a stale lock never stops a restore and a reused pid never fakes
one. POSIX: flock on the whole file; Windows: msvcrt.locking on one byte far past the file's text, so the
holder's pid written at its start stays readable. The file itself is never deleted (deleting a locked
file would let two processes lock two different files of the same name).

Plain standard library: the command line and the window both use it, and the command line never loads Qt.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.domain.errors import ReguaError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _LOCK_AT = 1 << 20

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCK_AT, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_AT, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # BlockingIOError: someone holds it
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


_held: dict[str, tuple[int, int]] = {}  # this process's locks: key -> (fd, how many holders)


def lock_path(db_path: Path) -> Path:
    return Path(str(db_path) + ".in-use")


def _key(db_path: Path) -> str:
    return os.path.normcase(str(Path(db_path).resolve()))


def _open(db_path: Path) -> int:
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def _write_pid(fd: int) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, f"{os.getpid():<12}\n".encode())


def holder_pid(db_path: Path) -> str:
    """The pid the current holder wrote, as text ('?' if it cannot be read)."""
    try:
        text = lock_path(db_path).read_text(encoding="ascii", errors="replace").split()
    except OSError:
        return "?"
    return text[0] if text and text[0].isdigit() else "?"


def _take(db_path: Path, wait: float) -> int | None:
    fd = _open(db_path)
    deadline = time.monotonic() + wait
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            os.close(fd)
            return None
        time.sleep(0.1)
    _write_pid(fd)
    return fd


def hold(db_path: Path, *, wait: float = 60.0) -> bool:
    """Mark the shop as open by this process until `release`. Waits up to `wait` seconds for a restore
    running in another process to finish; False if it is still running then."""
    key = _key(db_path)
    if key in _held:
        fd, count = _held[key]
        _held[key] = (fd, count + 1)
        return True
    fd = _take(db_path, wait)
    if fd is None:
        return False
    _held[key] = (fd, 1)
    return True


def release(db_path: Path) -> None:
    key = _key(db_path)
    if key not in _held:
        return
    fd, count = _held.pop(key)
    if count > 1:
        _held[key] = (fd, count - 1)
        return
    try:
        _unlock(fd)
    finally:
        os.close(fd)


def held_here(db_path: Path) -> bool:
    return _key(db_path) in _held


@contextmanager
def exclusive(db_path: Path) -> Iterator[None]:
    """The shop to this process alone for the `with` block: refused (ReguaError `restore_shop_open`, nothing
    changed) while another process holds it. The window's own restore runs inside its own hold."""
    if held_here(db_path):
        yield
        return
    try:
        fd = _take(db_path, 0)
    except OSError as exc:
        raise ReguaError("restore_failed", reason=exc) from exc
    if fd is None:
        raise ReguaError("restore_shop_open", pid=holder_pid(db_path))
    key = _key(db_path)
    _held[key] = (fd, 1)
    try:
        yield
    finally:
        release(db_path)
