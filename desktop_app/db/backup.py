"""Copies of the live database, made only through the SQLite backup API and verified afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from ..domain.errors import ReguaError
from .database import integrity_check


def backup_database(db: SqliteDatabase, dest: Path) -> Path:
    """Write a consistent copy of `db` to `dest` (a new file) and check it. Returns `dest`."""
    dest = Path(dest)
    tmp = dest.with_name(dest.name + ".partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        target = sqlite3.connect(tmp)
        try:
            db.connection().backup(target)
        finally:
            target.close()
        result = integrity_check(tmp)
        if result != "ok":
            raise ReguaError("backup_failed", path=dest, reason=result)
        tmp.replace(dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise ReguaError("backup_failed", path=dest, reason=exc) from exc
    return dest
