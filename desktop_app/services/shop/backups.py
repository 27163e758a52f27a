"""Backups the owner never has to think about, and a restore she can trust.

Every copy is made through SQLite's backup API, checked with `integrity_check` before it counts, and is
one self-contained file (rollback journal, nothing beside it) that opens read-only on its own.
Automatic copies rotate: one a day for a week, one a week for a month, in the data folder's `backups/`
and, when the owner picked one, also in a second folder (a synced Google Drive or OneDrive folder is
fine for copies, never for the live database). A restore checks the copy's whole schema first, is refused
while another Régua has the shop open, prepares the data in a new file, keeps a copy of what it replaces,
and then expires the messages whose last useful day has passed, before anything is sent.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop_app.config import Paths, live_location_problem
from desktop_app.db import restore as restore_db
from desktop_app.db.backup import backup_database, discard
from desktop_app.db.database import close_database, database
from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.permissions import require
from desktop_app.services.shop import audit, shop_lock
from desktop_app.services.shop.shop import get_setting, set_setting

EXTRA_DIR_KEY = "backup_extra_dir"
DAILY_KEEP = 7
WEEKLY_KEEP = 5  # a month and a bit
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>daily|weekly|manual|before-restore)-(?P<stamp>[0-9TW-]+)\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    kind: str  # daily | weekly | manual | before-restore | other
    made: datetime  # naive UTC (the file's modification time), shown in the shop's time zone
    size: int


def _name(paths: Paths, kind: str, stamp: str) -> str:
    return f"{paths.label}-{kind}-{stamp}.db"


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
    """`regua backup [DEST]` and the Back up now button: DEST may be a folder (one ending in a slash is
    made if missing) or a file name. A copy named by the time never overwrites one made the same second."""
    require(actor, "export")
    if dest is None:
        target = _free_name(paths.backup_dir, paths, "manual", now)
    else:
        target = Path(dest)
        if str(dest).endswith(("/", os.sep)) or target.is_dir():
            target = _free_name(target, paths, "manual", now)
    if not paths.is_server and target.resolve() == paths.db_path.resolve():
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
            found.append(BackupInfo(f, m.group("kind") if m else "other", datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None),
                                    stat.st_size))
    return sorted(found, key=lambda b: b.made, reverse=True)


def check_copy(src: str | Path) -> int:
    """A copy fit to restore: readable, intact, a Régua shop of this version or older whose whole schema is
    the one of its version. Returns its schema version. Raises with a plain message otherwise; touches
    nothing."""
    return restore_db.check_copy(Path(src))


def restore(paths: Paths, src: str | Path, *, actor: Actor, now: datetime) -> Path:
    """Replace the shop's data with a checked copy. Refused while another Régua has the shop open. The
    copy is prepared in a new file beside the live database and checked there as a Régua shop of this
    version; what is replaced is kept as a copy (restorable the same way); then the prepared file is
    written over the live database through the backup API, so every connection sees it at once.
    Returns the path of the copy of what was there before."""
    require(actor, "settings.change")
    _not_on_server(paths)
    src = Path(src)
    if src.resolve() == paths.db_path.resolve():
        raise ReguaError("backup_onto_live")
    check_copy(src)
    return _restore_checked(paths, src, actor=actor, now=now)


def _not_on_server(paths: Paths) -> None:
    """A restore replaces a shop's file; a server's shop is restored by whoever runs the server (every till
    works on it)."""
    if paths.is_server:
        raise ReguaError("not_on_server", path=paths.shown)


def _restore_checked(paths: Paths, src: Path, *, actor: Actor, now: datetime) -> Path:
    with shop_lock.exclusive(paths.db_path):
        staged = restore_db.stage(src, paths.db_path, restore_db.page_size(database))
        try:
            before = backup_database(database, _free_name(paths.backup_dir, paths, "before-restore", now))
            restore_db.swap_in(staged, database)
        finally:
            discard(staged)
        _after_restore(now)
    audit.record(actor, "restore", str(src), kept=str(before))
    return before


@dataclass(frozen=True, slots=True)
class Restored:
    state: str  # what stood in place of the shop: restore_db.OK, MISSING or UNUSABLE
    kept: Path | None  # the copy of it (None when there was nothing)


def restore_command(paths: Paths, src: str | Path, *, actor: Actor, now: datetime) -> Restored:
    """`regua restore SRC`: into the shop as `restore` does, and also where there is no shop yet (a new
    computer) or where the file is not a usable Régua shop (left so by hand, or damaged past opening): that
    file is moved aside into the backups folder, never deleted, and the checked copy is put in its place.
    A database of a newer Régua, or one in a synced or network folder, is refused."""
    from desktop_app.services.shop.shop import open_shop

    require(actor, "settings.change")
    _not_on_server(paths)
    src = Path(src)
    if src.resolve() == paths.db_path.resolve():
        raise ReguaError("backup_onto_live")
    check_copy(src)  # a bad copy is refused before the live database is looked at
    problem = live_location_problem(paths.db_path)
    if problem is not None:
        raise ReguaError("db_on_cloud_folder" if problem == "cloud" else "db_on_network", path=paths.db_path)
    state = restore_db.live_state(paths.db_path)
    if state == restore_db.OK:
        open_shop(paths, create=False)
        return Restored(state, _restore_checked(paths, src, actor=actor, now=now))
    with shop_lock.exclusive(paths.db_path):
        close_database()
        staged = restore_db.stage(src, paths.db_path)
        try:
            kept = _free_name(paths.backup_dir, paths, "unusable", now) if state == restore_db.UNUSABLE else None
            restore_db.put_in_place(staged, paths.db_path, kept)
        finally:
            discard(staged)
        open_shop(paths, create=False)
        _after_restore(now)
    audit.record(actor, "restore", str(src), kept=str(kept or ""))
    return Restored(state, kept)


def _free_name(folder: Path, paths: Paths, kind: str, now: datetime) -> Path:
    """A copy's file name in `folder` that is not taken yet: two restores within one second never overwrite
    the copy the second one is restoring."""
    stamp = now.strftime("%Y-%m-%dT%H-%M-%S")
    target = folder / _name(paths, kind, stamp)
    n = 2
    while target.exists():
        target = folder / _name(paths, kind, f"{stamp}-{n}")
        n += 1
    return target


def _after_restore(now: datetime) -> None:
    """Late is worse than never: what waited in the copy and is no longer useful is expired now, and
    what was being sent when the copy was made is uncertain."""
    from desktop_app.db import cadence as queries
    from desktop_app.db.models import Outbox
    from desktop_app.domain import cadence as c
    from desktop_app.services.shop.shop import shop_settings

    settings = shop_settings()
    if settings is None:
        return
    from desktop_app.domain.dates import local_date

    today = local_date(now, settings.timezone)
    with database.atomic():
        queries.expire_stale(today, now)
        Outbox.update(status=c.UNCERTAIN, reason="interrupted", updated_at=now).where(
            Outbox.status == c.SENDING).execute()
