"""The imports made so far, newest first, as the Import history window lists them (undo is
`import_write.undo_import`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.db.models import ImportBatch


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    file_name: str
    at: datetime
    actor: str
    created: int
    updated: int
    undone_at: datetime | None


def batches(limit: int = 50) -> list[BatchInfo]:
    return [BatchInfo(b.id, b.file_name, b.at, b.actor, b.created, b.updated, b.undone_at)
            for b in ImportBatch.select().order_by(ImportBatch.id.desc()).limit(limit)]
