"""The one attachment store: `attachments` rows (owned by a meeting, a step or a list entry), files in the
content-addressed blob store (storage/core/blobs.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from models.core.accounts import Permission
from models.core.attachment_files import SIGNATURE_BYTES, check_file
from models.core.attachments import (AttachmentKind, AttachmentOwner, AttachPhase, Attachment, OwnerKind, OwnerStatus,
                                guess_kind)
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from storage.core.attachment_owners import carried_ids, link_text, owner_changed, owner_status
from storage.core.blobs import blob_path, put_blob_file
from storage.core.db import Database
from storage.core.store_base import SqliteStore

TABLE = "attachments"


class SqliteAttachmentStore(SqliteStore):
    """Adds, withdraws (a tombstone: the file stays), restores and finds attachments; when an owner takes them,
    and which files, is decided in models (`OwnerStatus`, `check_file`)."""

    def attachments(self, owner: AttachmentOwner) -> list[Attachment]:
        """The owner's attachments, oldest first, with those it carries (a renewal's); a step owner with
        `step == 0` stands for the whole revision."""
        args: list[str | int] = [owner.kind.value, owner.id]
        where = "owner_kind = ? AND owner_id = ?"
        if owner.kind is OwnerKind.WORKFLOW_STEP and owner.step:
            where, args = where + " AND step = ?", args + [owner.step]
        carried = carried_ids(self._db, owner)
        if carried:
            where, args = f"({where}) OR id IN ({','.join('?' * len(carried))})", args + list(carried)
        found = self._db.conn.execute(f"SELECT * FROM {TABLE} WHERE deleted = 0 AND ({where}) "
                                      "ORDER BY created_at, rowid", args)
        names = [d[0] for d in found.description]
        return [_attachment(dict(zip(names, values))) for values in found.fetchall()]

    def status(self, owner: AttachmentOwner) -> OwnerStatus:
        return owner_status(self._db, owner)

    def attach(self, owner: AttachmentOwner, source: Path, kind: AttachmentKind | None = None, note: str = "",
               opinion_id: str = "") -> Changed:
        """Copy the file into the blob store (once per content) and list it under the owner; the change names
        the new attachment (its `id`) and the owner's change."""
        self._require(Permission.EDIT_RECORDS)
        status = owner_status(self._db, owner)
        if status.phase is AttachPhase.CLOSED:
            raise DomainError(status.closed_reason)
        link = link_text(self._db, owner, opinion_id)
        size = checked_file(owner.kind, source)
        if self._db.path is None:
            raise DomainError("内存数据库不能保存附件。")
        kind = kind or guess_kind(source.name)
        with self._db.atomic():
            sha = put_blob_file(self._db, source)
            row = self._insert(TABLE, {
                "owner_kind": owner.kind.value, "owner_id": owner.id, "step": owner.step, "opinion_id": opinion_id,
                "sha256": sha, "file_name": source.name, "kind": kind.value, "size": size, "note": note.strip(),
                "added_by": self._actor.name}, summary=status.summary(owner.kind.noun, source.name, kind, link))
        return self._changed(row)

    def attachment(self, attachment_id: str) -> Attachment:
        return _attachment(self._row(attachment_id))

    def remove(self, attachment_id: str) -> Changed:
        """Withdraw an attachment added by mistake (the file stays), while its owner allows it."""
        self._require(Permission.EDIT_RECORDS)
        row = self._row(attachment_id)
        if row["deleted"]:
            return self._changed(row)
        status = owner_status(self._db, _attachment(row).owner)
        if status.phase is not AttachPhase.OPEN:
            raise DomainError(status.kept_reason)
        with self._db.atomic():
            self._tombstone(TABLE, attachment_id)
        return self._changed(row)

    def restore(self, attachment_id: str) -> Changed:
        """Bring back a withdrawn attachment (the undo of a removal, the redo of an add)."""
        self._require(Permission.EDIT_RECORDS)
        row = self._row(attachment_id)
        if row["deleted"]:
            with self._db.atomic():
                self._update(TABLE, attachment_id, {"deleted": 0}, action="restore")
        return self._changed(row)

    def file(self, attachment_id: str) -> Path:
        """Where the content is on disk (to open it); NotFound while a synced file has not arrived yet."""
        row = self._row(attachment_id)
        path = blob_path(self._db, row["sha256"])
        if not path.exists():
            raise NotFound(f"{OwnerKind(row['owner_kind']).noun}文件不在本机（可能尚未同步过来）。请在下次同步后再打开。")
        return path

    def _changed(self, row: dict[str, Any]) -> Changed:
        return Changed.one(Entity.ATTACHMENT, row["id"]) | owner_changed(self._db, OwnerKind(row["owner_kind"]),
                                                                          row["owner_id"])

    def _row(self, attachment_id: str) -> dict[str, Any]:
        found = self._db.conn.execute(f"SELECT * FROM {TABLE} WHERE id = ?", (attachment_id,))
        values = found.fetchone()
        if values is None:
            raise NotFound("找不到这个附件，可能已被移除。请刷新后重试。")
        return dict(zip([d[0] for d in found.description], values))


def owned_ids(db: Database, owner: AttachmentOwner) -> tuple[str, ...]:
    """The ids of the owner's own live attachments, oldest first (a renewal carries them along)."""
    found = db.conn.execute(f"SELECT id FROM {TABLE} WHERE deleted = 0 AND owner_kind = ? AND owner_id = ? "
                            "ORDER BY created_at, rowid", (owner.kind.value, owner.id))
    return tuple(row[0] for row in found)


def checked_file(owner: OwnerKind, source: Path) -> int:
    """The size of a file about to be attached, after `models.core.attachment_files.check_file` accepted it."""
    if not source.is_file():
        raise DomainError(f"找不到文件“{source}”。请检查路径后再添加。")
    size = source.stat().st_size
    with source.open("rb") as handle:
        check_file(owner, source.name, size, handle.read(SIGNATURE_BYTES))
    return size


def _attachment(row: dict[str, Any]) -> Attachment:
    return Attachment(row["id"], OwnerKind(row["owner_kind"]), row["owner_id"], row["sha256"], row["file_name"],
                      AttachmentKind(row["kind"]), row["size"], row["note"], row["created_at"], row["added_by"],
                      row["step"], row["opinion_id"])
