"""Attachments of meeting records: rows in `meeting_attachments`, files in the content-addressed blob store."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from models.accounts import Permission
from models.attachments import AttachmentKind, MeetingAttachment
from models.errors import DomainError, NotFound
from storage.blobs import blob_path, checked_attachment_size, put_blob_file
from storage.meeting_rows import rows
from storage.store_base import SqliteStore


class AttachmentMethods(SqliteStore):
    """Mixed into SqliteMeetingStore. Attachments may be added to a finalised record too (a sign-in sheet is
    evidence, not record text); only a draft's attachments can be withdrawn."""

    def attachments(self, meeting_id: str) -> list[MeetingAttachment]:
        # created_at has millisecond precision: rowid (the order rows were written here) breaks a tie.
        found = rows(self._db, "SELECT * FROM meeting_attachments WHERE meeting_id = ? AND deleted = 0 "
                               "ORDER BY created_at, rowid", [meeting_id])
        return [_attachment(row) for row in found]

    def attach(self, meeting_id: str, source: Path, kind: AttachmentKind, note: str = "") -> MeetingAttachment:
        """Copy the file into the blob store (once per content) and list it under the meeting."""
        self._require(Permission.EDIT_RECORDS)
        number = self._meeting_number(meeting_id)
        size = checked_attachment_size(source)
        if self._db.path is None:
            raise DomainError("内存数据库不能保存附件。")
        with self._db.atomic():
            sha = put_blob_file(self._db, source)
            row = self._insert("meeting_attachments", {
                "meeting_id": meeting_id, "sha256": sha, "file_name": source.name, "kind": kind.value,
                "size": size, "note": note.strip(), "added_by": self._actor.name},
                summary=f"会议记录 {number} 添加附件“{source.name}”（{kind.label}）")
        return _attachment(row)

    def remove_attachment(self, attachment_id: str) -> None:
        """Withdraw an attachment added by mistake (the file stays in the blob store)."""
        self._require(Permission.EDIT_RECORDS)
        found = rows(self._db, "SELECT a.id, m.status FROM meeting_attachments a JOIN meetings m "
                               "ON m.id = a.meeting_id WHERE a.id = ? AND a.deleted = 0", [attachment_id])
        if not found:
            raise NotFound("找不到这个附件，可能已被移除。请刷新后重试。")
        if found[0]["status"] == "final":
            raise DomainError("记录已定稿，附件不能移除。如附件有误，请添加补正说明并附上正确的文件。")
        with self._db.atomic():
            self._tombstone("meeting_attachments", attachment_id)

    def restore_attachment(self, attachment_id: str) -> None:
        """Bring back a withdrawn attachment of a draft (the undo of a removal, the redo of an add)."""
        self._require(Permission.EDIT_RECORDS)
        found = rows(self._db, "SELECT a.deleted, m.status FROM meeting_attachments a JOIN meetings m "
                               "ON m.id = a.meeting_id WHERE a.id = ?", [attachment_id])
        if not found:
            raise NotFound("找不到这个附件。")
        if found[0]["deleted"]:
            with self._db.atomic():
                self._update("meeting_attachments", attachment_id, {"deleted": 0})

    def attachment_file(self, attachment_id: str) -> Path:
        """Where the attachment's content is on disk (to open it); NotFound if it has not arrived yet."""
        found = rows(self._db, "SELECT sha256 FROM meeting_attachments WHERE id = ?", [attachment_id])
        if not found:
            raise NotFound("找不到这个附件。")
        path = blob_path(self._db, found[0]["sha256"])
        if not path.exists():
            raise NotFound("附件文件不在本机（可能尚未同步过来）。请在下次同步后再打开。")
        return path

    def _meeting_number(self, meeting_id: str) -> str:
        found = rows(self._db, "SELECT number FROM meetings WHERE id = ? AND deleted = 0", [meeting_id])
        if not found:
            raise NotFound("找不到这份会议记录，可能已被删除。请刷新后重试。")
        return found[0]["number"]


def _attachment(row: dict[str, Any]) -> MeetingAttachment:
    return MeetingAttachment(row["id"], row["meeting_id"], row["sha256"], row["file_name"],
                             AttachmentKind(row["kind"]), row["size"], row["note"], row["created_at"],
                             row["added_by"])
