"""Copies of the live database, made by its engine (SQLite: the backup API) and verified afterwards.

A copy is one self-contained file that opens read-only on its own, on a pen drive or in a synced folder,
with nothing (-wal, -shm, a partial file) left beside it; see sqlite_engine.py for how.
"""

from __future__ import annotations

from pathlib import Path

from peewee import Database

from desktop_app.db.database import engine_for
from desktop_app.db.sqlite_engine import discard, side_files

__all__ = ["backup_database", "discard", "side_files"]


def backup_database(db: Database, dest: Path) -> Path:
    """Write a consistent copy of `db` to `dest` (a new file) and check it. Returns `dest`."""
    return engine_for(db).backup(db, Path(dest))  # db's own engine: a work file is SQLite's whatever is open
