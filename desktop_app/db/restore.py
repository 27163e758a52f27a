"""What a restore may put in place of the live database, and how it gets there.

A copy is used only when its whole schema (every table with its columns, every index) is the schema a
Régua database of its version has, as the migration ladder builds it, and it holds a shop. It is copied
into a new file beside the live one, upgraded there, checked again as a Régua shop of this version, and
only then written over the live database, through the backup API in one transaction: every connection
of every thread sees the restored data at once, and a crash on the way leaves the live database as it
was. (Renaming the new file over the live one would leave the window's other connections on the old
file, and is refused on Windows while the file is open.)
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

from peewee import Database

from desktop_app.db import sqlite_engine as sqlite
from desktop_app.db.migrations import HEAD, STEPS, migrate
from desktop_app.db.sqlite_engine import SQLITE, Schema, discard, side_files
from desktop_app.domain.errors import DatabaseError, ReguaError

# A restore puts a file in place of a file: it is SQLite's (a server's shop moves with `regua move-to`).
ERRORS = SQLITE.errors


def _read_only(path: Path, *, live: bool = False):
    return sqlite.read_only(path, live=live)


def _integrity(path: Path) -> str:
    return sqlite.integrity(path, live=False)


def schema_of(con) -> Schema:
    return sqlite.schema_of(con)


@cache
def expected_schema(version: int) -> Schema:
    """The schema a Régua database of `version` has: the migration ladder run on an empty database."""
    db = SQLITE.scratch()
    try:
        for step in range(1, version + 1):
            STEPS[step](db)
        return schema_of(db.connection())
    finally:
        db.close()


def schema_difference(con, version: int) -> str | None:
    """The first table, column or index where `con` differs from a Régua database of `version`, or None."""
    found, expected = schema_of(con), expected_schema(version)
    # in the order the ladder creates them (setting, staff, customer...), then what only the copy has
    names = [n for n, v in expected.items() if v[0] == "table"] + [n for n, v in expected.items() if v[0] == "index"]
    for name in names + sorted(found.keys() - expected.keys()):
        want, have = expected.get(name), found.get(name)
        if want == have:
            continue
        if want is None or have is None or want[0] != "table" or have[0] != "table":
            return name
        want_cols, have_cols = dict((c[0], c) for c in want[1]), dict((c[0], c) for c in have[1])
        for column in [*want_cols, *sorted(have_cols.keys() - want_cols.keys())]:
            if want_cols.get(column) != have_cols.get(column):
                return f"{name}.{column}"
        return name  # same columns in another order
    return None


def _has_shop(con) -> bool:
    row = con.execute("SELECT value FROM setting WHERE key = 'shop'").fetchone()
    try:
        return row is not None and isinstance(json.loads(row[0]), dict)
    except (TypeError, ValueError):
        return False


def check_copy(src: Path) -> int:
    """A copy fit to restore: readable, intact, a Régua shop of this version or older with the whole schema
    of its version. Returns its schema version. Raises with a plain message otherwise; writes nothing."""
    src = Path(src)
    if not src.is_file():
        raise ReguaError("db_not_found", path=src)
    result = _integrity(src)
    if result != "ok":
        raise ReguaError("restore_damaged", path=src, reason=result)
    try:
        con = _read_only(src)
        try:
            version = sqlite.user_version(con)
            if version > HEAD:
                raise ReguaError("db_too_new", found=version, known=HEAD)
            if version < 1:
                raise ReguaError("restore_not_a_shop", path=src, what="user_version")
            different = schema_difference(con, version)
            if different is not None:
                raise ReguaError("restore_not_a_shop", path=src, what=different)
            if not _has_shop(con):
                raise ReguaError("restore_not_a_shop", path=src, what="setting.shop")
        finally:
            con.close()
    except ERRORS as exc:
        raise ReguaError("restore_damaged", path=src, reason=exc) from exc
    return version


def staging_path(live: Path) -> Path:
    return live.with_name(live.name + ".restoring")


def stage(src: Path, live: Path, page_size: int | None = None) -> Path:
    """Copy `src` into a new file beside the live database `live`, upgrade it to this version and check that
    it opens as a Régua shop with this version's whole schema. Returns the work file; the caller swaps it in
    and discards it. `page_size`: the live database's, when the work file is to be written into it. On any
    failure the work file is removed and the live database untouched."""
    src, live = Path(src), Path(live)
    staged = staging_path(live)
    discard(staged)  # left by a restore that was cut off
    try:
        live.parent.mkdir(parents=True, exist_ok=True)
        source = _read_only(src)
        try:
            sqlite.copy_file(source, staged)
        finally:
            source.close()
        work = sqlite.staging_handle(staged)
        try:
            if page_size is not None and sqlite.page_size(work) != page_size:
                # the backup API cannot write into a WAL database of another page size
                sqlite.set_page_size(work, page_size)
            with tempfile.TemporaryDirectory(dir=live.parent, prefix=".restoring-") as scratch:
                migrate(work, backup_dir=Path(scratch))  # the copy itself stays as it was: no copy of the copy
        finally:
            work.close()
        for f in side_files(staged):
            f.unlink(missing_ok=True)
        result = _integrity(staged)
        if result != "ok":
            raise ReguaError("restore_damaged", path=src, reason=result)
        con = _read_only(staged)
        try:
            different = schema_difference(con, HEAD)
            if different is None and not _has_shop(con):
                different = "setting.shop"
        finally:
            con.close()
        if different is not None:
            raise ReguaError("restore_not_a_shop", path=src, what=different)
    except (OSError, *ERRORS) as exc:
        discard(staged)
        raise ReguaError("restore_failed", reason=exc) from exc
    except BaseException:
        discard(staged)
        raise
    return staged


def page_size(db: Database) -> int:
    return sqlite.page_size(db)


def swap_in(staged: Path, live_db: Database) -> None:
    """Write the checked work file over the live database in one step of the backup API (one transaction
    on the live database: all of it or nothing)."""
    try:
        sqlite.swap_in(staged, live_db)
    except ERRORS as exc:
        raise ReguaError("restore_failed", reason=exc) from exc


OK, MISSING, UNUSABLE = "ok", "missing", "unusable"


def live_state(path: Path) -> str:
    """What stands where a restore is to go: OK (a Régua shop of this version or older, restored into in
    place), MISSING (nothing: a new computer) or UNUSABLE (a file that is not a Régua shop, or one
    damaged past opening: kept aside and replaced). A shop of a newer Régua is refused, never replaced."""
    path = Path(path)
    if not path.exists():
        return MISSING
    if path.is_dir():
        raise DatabaseError("db_unreadable", path=path, reason="it is a folder")
    if not sqlite.has_header(path):
        return UNUSABLE
    try:
        con = _read_only(path, live=True)
        try:
            version = sqlite.user_version(con)
            if version > HEAD:
                raise DatabaseError("db_too_new", found=version, known=HEAD)
            if version < 1 or schema_difference(con, version) is not None or not _has_shop(con):
                return UNUSABLE
        finally:
            con.close()
    except ERRORS as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseError("db_busy") from exc
        if "not a database" in str(exc) or "malformed" in str(exc):
            return UNUSABLE
        raise DatabaseError("db_unreadable", path=path, reason=exc) from exc
    return OK


def put_in_place(staged: Path, live: Path, keep_as: Path | None) -> None:
    """With nobody connected to `live`: move what is there (and its -wal/-shm) to `keep_as`, then rename the
    checked work file into its place."""
    try:
        if keep_as is not None:
            keep_as.parent.mkdir(parents=True, exist_ok=True)
            for old, new in zip((live, *side_files(live)), (keep_as, *side_files(keep_as)), strict=True):
                if old.exists():
                    shutil.move(old, new)
        else:
            for f in side_files(live):  # a stray WAL must never be replayed into the restored file
                f.unlink(missing_ok=True)
        os.replace(staged, live)
    except OSError as exc:  # Windows: another program has the file open
        raise ReguaError("restore_failed", reason=exc) from exc
