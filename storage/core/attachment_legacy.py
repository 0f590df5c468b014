"""The three attachment tables before m074 (meeting_attachments, workflow_attachments, list_evidence) and how one
of their rows becomes an `attachments` row: used by that migration and by sync for bundles of older peers."""
from __future__ import annotations

from typing import Any

from storage.core.tracking import BOOKKEEPING

# Old table → (owner_kind, the column that named the owner). Frozen: these shapes never change again.
LEGACY_TABLES: dict[str, tuple[str, str]] = {
    "meeting_attachments": ("meeting", "meeting_id"),
    "workflow_attachments": ("workflow_step", "revision_id"),
    "list_evidence": ("list_entry", "entry_id"),
}
COLUMNS = (*BOOKKEEPING, "owner_kind", "owner_id", "step", "opinion_id", "sha256", "file_name", "kind", "size",
           "note", "added_by")


def legacy_kind(file_name: str) -> str:
    """Evidence rows had no kind: what `models.core.attachments.guess_kind` said of the name when m074 shipped."""
    lowered = file_name.lower()
    if "签到" in file_name or "sign-in" in lowered or "signin" in lowered:
        return "sign_in_sheet"
    if lowered.endswith((".jpg", ".jpeg", ".png", ".heic")):
        return "photo"
    return "scan" if lowered.endswith((".pdf", ".tif", ".tiff")) else "other"


def attachment_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The `attachments` row for a row of old table `table` (id, hlc, owner, dates and tombstone kept); columns
    the old row had beyond its shape (from a still newer peer) ride along for `sync_extra_columns`."""
    owner_kind, owner_column = LEGACY_TABLES[table]
    mapped = {name: row[name] for name in BOOKKEEPING if name in row}
    mapped.update(owner_kind=owner_kind, owner_id=row.get(owner_column, ""), step=row.get("step", 0),
                  opinion_id=row.get("opinion_id", ""), sha256=row.get("sha256", ""),
                  file_name=row.get("file_name", ""),
                  kind=row.get("kind") or legacy_kind(str(row.get("file_name", ""))), size=row.get("size", 0),
                  note=row.get("note", ""), added_by=row.get("added_by", ""))
    known = {*COLUMNS, owner_column}
    mapped.update({name: value for name, value in row.items() if name not in known})
    return mapped
