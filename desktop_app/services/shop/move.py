"""Moving a shop to a server, and back (issue 20): `regua move-to TARGET`, the owner's "Move the shop to a
server…", and a restore of a backup copy onto a server (`regua --db URL restore COPY.db`).

A move copies the whole shop into an empty database (a server's, or a new file), checks every table by
row count and checksum, and never changes the shop it copies (db/move.py does the copying). The tills
then connect to the target; the shop moved from stays as it was, a copy of the day of the move.

A restore onto a server replaces the server shop's rows with the copy's in one transaction, after a copy
of what it replaces is kept in this PC's backups folder; a server with no shop yet gets the copy as a move.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.db import move as db_move
from desktop_app.db import restore as restore_db
from desktop_app.db.backup import backup_database
from desktop_app.db.database import database, database_label, open_database, preflight_version, write
from desktop_app.db.engine import is_url, parse_target
from desktop_app.db.migrations import migrate
from desktop_app.db.move import MoveResult, Progress, TableCheck
from desktop_app.domain.actors import Actor
from desktop_app.domain.permissions import require
from desktop_app.services.shop import audit

__all__ = ["MoveResult", "ServerRestore", "TableCheck", "is_server", "move_shop", "report_text",
           "restore_onto_server"]


def is_server(target: str | Path | None) -> bool:
    """Whether `target` (what --db was given) names a server's database rather than a file."""
    return target is not None and is_url(str(target)) and not parse_target(str(target)).is_file


def move_shop(source: str | Path, target: str | Path, *, actor: Actor, progress: Progress | None = None) -> MoveResult:
    """Copy the shop at `source` (a file or a server URL) into the empty database at `target`, every table
    checked. The owner's: the whole shop's data leaves for somewhere else."""
    require(actor, "settings.change")
    return db_move.move(source, target, progress)


@dataclass(frozen=True, slots=True)
class ServerRestore:
    kept: Path | None  # the copy of what the server held before (None when it held no shop)
    checks: tuple[TableCheck, ...]


def restore_onto_server(url: str, src: str | Path, *, actor: Actor, backup_dir: Path, now: datetime,
                        progress: Progress | None = None) -> ServerRestore:
    """Replace the server shop's data at `url` with the checked copy `src`: the copy is checked and upgraded
    in a work file first; what the server holds is kept as a copy in `backup_dir`; then, in one transaction
    holding the write lock, every table is emptied, loaded with the copy's rows (ids kept, the sequences
    after the highest) and checked. A server with no shop yet gets the copy as `move_shop` would."""
    from desktop_app.services.shop.backups import _after_restore

    require(actor, "settings.change")
    src = Path(src)
    restore_db.check_copy(src)
    with tempfile.TemporaryDirectory(prefix="regua-restore-") as work:
        staged = restore_db.stage(src, Path(work) / "copy.db")
        if preflight_version(url) is None:  # a server database with nothing in it yet
            done = db_move.move(staged, url, progress)
            open_database(url, create=False)
            _after_restore(now)
            audit.record(actor, "restore", str(src), kept="")
            return ServerRestore(None, done.checks)
        migrate(open_database(url, create=False), backup_dir=backup_dir)
        stamp = now.strftime("%Y-%m-%dT%H-%M-%S")
        kept = backup_dir / f"{database_label()}-before-restore-{stamp}.db"
        n = 2
        while kept.exists():
            kept = backup_dir / f"{database_label()}-before-restore-{stamp}-{n}.db"
            n += 1
        backup_database(database, kept)
        with write():
            checks = db_move.replace_rows(database, staged, progress)
    _after_restore(now)
    audit.record(actor, "restore", str(src), kept=str(kept))
    return ServerRestore(kept, tuple(checks))


def report_text(result: MoveResult, shown: str | None = None) -> str:
    """What `regua move-to` prints: each table's rows on both sides and whether they matched, then how the
    other tills connect (to `shown`: the target as typed, without a password)."""
    shown = shown or result.target
    width = max(len(c.table) for c in result.checks)
    lines = [f"{'table':{width}}  {'shop':>9}  {'copied':>9}  check"]
    lines += [f"{c.table:{width}}  {c.source_rows:>9}  {c.target_rows:>9}  {'OK' if c.ok else 'DIFFERENT'}"
              for c in result.checks]
    upgraded = f" (its copy upgraded from v{result.upgraded_from})" if result.upgraded_from else ""
    lines.append(f"moved {result.rows} rows in {len(result.checks)} tables from {result.source} to {shown}"
                 f", schema v{result.version} on both sides{upgraded}; every table checked by count and checksum; "
                 f"{result.source} was not changed")
    lines.append(f"open the shop there with: regua --db {shown}")
    return "\n".join(lines)
