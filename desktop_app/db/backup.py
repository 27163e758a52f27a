"""Copies of the live database, made only through the SQLite backup API and verified afterwards.

A copy is one self-contained file: the live database is in WAL mode and the backup API copies its header,
so the copy is switched back to a rollback journal (journal_mode=DELETE) before it is closed. It then
opens read-only on its own, on a pen drive or in a synced folder, and nothing (-wal, -shm, a partial
file) is left beside it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from ..domain.errors import ReguaError
from .database import integrity_check

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def side_files(path: Path) -> list[Path]:
    """The files SQLite may keep beside `path` (its WAL, shared memory and rollback journal)."""
    return [path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES]


def discard(path: Path) -> None:
    """Remove a work file and whatever SQLite left beside it."""
    for f in (path, *side_files(path)):
        f.unlink(missing_ok=True)


def copy_file(source: sqlite3.Connection, tmp: Path) -> None:
    """Copy `source` into the new file `tmp` through the backup API, as a rollback-journal database."""
    target = sqlite3.connect(tmp)
    try:
        source.backup(target)
        # The pages came with the source's header, which says WAL: go back to a rollback journal now, so
        # the file is complete by itself and a reader never needs (or creates) a -wal and -shm next to it.
        mode = target.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode != "delete":
            raise sqlite3.OperationalError(f"journal mode stayed {mode}")
    finally:
        target.close()


def backup_database(db: SqliteDatabase, dest: Path) -> Path:
    """Write a consistent copy of `db` to `dest` (a new file) and check it. Returns `dest`."""
    dest = Path(dest)
    tmp = dest.with_name(dest.name + ".partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        discard(tmp)
        copy_file(db.connection(), tmp)
        result = integrity_check(tmp)
        if result != "ok":
            raise ReguaError("backup_failed", path=dest, reason=result)
        for f in side_files(tmp):
            f.unlink(missing_ok=True)
        tmp.replace(dest)
    except (OSError, sqlite3.Error) as exc:
        discard(tmp)
        raise ReguaError("backup_failed", path=dest, reason=exc) from exc
    except ReguaError:
        discard(tmp)
        raise
    return dest
