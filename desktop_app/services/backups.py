"""Backups the owner never has to think about, and a restore she can trust.

Every copy is made through SQLite's backup API and checked with `integrity_check` before it counts.
Automatic copies rotate: one a day for a week, one a week for a month, in the data folder's `backups/`
and, when the owner picked one, also in a second folder (a synced Google Drive or OneDrive folder is
fine for copies, never for the live database). A restore checks the copy first, keeps a copy of what it
replaces, and then expires the messages whose last useful day has passed, before anything is sent.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..config import Paths
from ..db.backup import backup_database
from ..db.database import database, integrity_check
from ..db.migrations import HEAD
from ..domain.actors import Actor
from ..domain.errors import ReguaError
from ..domain.permissions import require
from . import audit
from .shop import get_setting, set_setting

EXTRA_DIR_KEY = "backup_extra_dir"
DAILY_KEEP = 7
WEEKLY_KEEP = 5  # a month and a bit
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>daily|weekly|manual|before-restore)-(?P<stamp>[0-9T-]+)\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    kind: str  # daily | weekly | manual | before-restore | other
    made: datetime
    size: int


def _name(paths: Paths, kind: str, stamp: str) -> str:
    return f"{paths.db_path.stem}-{kind}-{stamp}.db"


def extra_dir() -> Path | None:
    value = get_setting(EXTRA_DIR_KEY)
    return Path(value) if isinstance(value, str) and value else None


def set_extra_dir(folder: str | None, *, actor: Actor) -> None:
    require(actor, "settings.change")
    if folder:
        target = Path(folder)
        if not target.is_dir():
            raise ReguaError("backup_folder_missing", path=folder)
    set_setting(EXTRA_DIR_KEY, str(folder or ""))


def automatic(paths: Paths, today: date) -> list[Path]:
    """Today's copy if there is none yet (and this week's), then the rotation. Returns what was made."""
    made = []
    folder = paths.backup_dir
    daily = folder / _name(paths, "daily", today.isoformat())
    if not daily.exists():
        made.append(backup_database(database, daily))
        year, week, _ = today.isocalendar()
        weekly = folder / _name(paths, "weekly", f"{year}-W{week:02d}")
        if not weekly.exists():
            shutil.copy2(daily, weekly)
            made.append(weekly)
        _copy_to_extra(made)
    _rotate(paths)
    return made


def _copy_to_extra(files: list[Path]) -> None:
    extra = extra_dir()
    if extra is None or not files:
        return
    try:
        extra.mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copy2(f, extra / f.name)
    except OSError:  # an unplugged drive or a sync folder gone: the copies in the data folder stand
        pass


def _rotate(paths: Paths) -> None:
    for kind, keep in (("daily", DAILY_KEEP), ("weekly", WEEKLY_KEEP)):
        mine = sorted(paths.backup_dir.glob(_name(paths, kind, "*")))
        for old in mine[:-keep]:
            old.unlink(missing_ok=True)


def backup_now(paths: Paths, dest: str | Path | None = None, *, actor: Actor, now: datetime) -> Path:
    """`regua backup [DEST]` and the Back up now button: DEST may be a folder or a file name."""
    require(actor, "export")
    stamp = now.strftime("%Y-%m-%dT%H-%M-%S")
    if dest is None:
        target = paths.backup_dir / _name(paths, "manual", stamp)
    else:
        target = Path(dest)
        if target.is_dir():
            target = target / _name(paths, "manual", stamp)
    if target.resolve() == paths.db_path.resolve():
        raise ReguaError("backup_onto_live")
    result = backup_database(database, target)
    audit.record(actor, "backup", str(result))
    return result


def list_backups(paths: Paths) -> list[BackupInfo]:
    found = []
    folders = [paths.backup_dir] + ([extra_dir()] if extra_dir() else [])
    seen = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for f in folder.glob("*.db"):
            if f.name in seen:
                continue
            seen.add(f.name)
            m = _NAME.match(f.name)
            stat = f.stat()
            found.append(BackupInfo(f, m.group("kind") if m else "other", datetime.fromtimestamp(stat.st_mtime),
                                    stat.st_size))
    return sorted(found, key=lambda b: b.made, reverse=True)


def check_copy(src: Path) -> int:
    """A copy fit to restore: readable, intact, a Régua database of this version or older. Returns its
    schema version. Raises with a plain message otherwise; touches nothing."""
    src = Path(src)
    if not src.is_file():
        raise ReguaError("db_not_found", path=src)
    result = integrity_check(src)
    if result != "ok":
        raise ReguaError("restore_damaged", path=src, reason=result)
    try:
        con = sqlite3.connect(f"file:{src.as_posix()}?mode=ro", uri=True)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            has_customers = con.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'customer'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise ReguaError("restore_damaged", path=src, reason=exc) from exc
    if version > HEAD:
        raise ReguaError("db_too_new", found=version, known=HEAD)
    if version < 1 or not has_customers:
        raise ReguaError("db_corrupt", path=src)
    return version


def restore(paths: Paths, src: str | Path, *, actor: Actor, now: datetime) -> Path:
    """Replace the shop's data with a checked copy. What is replaced is kept as a copy first. The copy
    is written through the backup API into the open database, so every connection sees it at once.
    Returns the path of the copy of what was there before."""
    require(actor, "settings.change")
    src = Path(src)
    check_copy(src)
    if src.resolve() == paths.db_path.resolve():
        raise ReguaError("backup_onto_live")
    before = backup_database(database, paths.backup_dir / _name(paths, "before-restore",
                                                               now.strftime("%Y-%m-%dT%H-%M-%S")))
    source = sqlite3.connect(f"file:{src.as_posix()}?mode=ro", uri=True)
    try:
        source.backup(database.connection())
    except sqlite3.Error as exc:
        raise ReguaError("restore_failed", reason=exc) from exc
    finally:
        source.close()
    from ..db.migrations import migrate

    migrate(database, backup_dir=paths.backup_dir, now=now)
    _after_restore(now)
    audit.record(actor, "restore", str(src), kept=str(before))
    return before


def _after_restore(now: datetime) -> None:
    """Late is worse than never: what waited in the copy and is no longer useful is expired now, and
    what was being sent when the copy was made is uncertain."""
    from ..db import cadence as queries
    from ..db.models import Outbox
    from ..domain import cadence as c
    from .shop import shop_settings

    settings = shop_settings()
    if settings is None:
        return
    from ..domain.dates import local_date

    today = local_date(now, settings.timezone)
    with database.atomic():
        queries.expire_stale(today, now)
        Outbox.update(status=c.UNCERTAIN, reason="interrupted", updated_at=now).where(
            Outbox.status == c.SENDING).execute()
