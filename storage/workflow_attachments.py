"""Scans and photos kept with a step of a revision: rows in `workflow_attachments`, files in the blob store."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from models.accounts import Permission
from models.attachments import AttachmentKind, StepAttachment
from models.errors import DomainError, NotFound
from models.workflow import StepState, WorkflowStep
from storage import workflow_rows as load
from storage.blobs import blob_path, checked_attachment_size, put_blob_file
from storage.meeting_rows import rows
from storage.workflow_writes import WorkflowRecordWrites


class WorkflowAttachmentMethods(WorkflowRecordWrites):
    """Mixed into SqliteWorkflowStore (same pattern as the meeting attachments). A step's scans may be added once
    the step has started, also after it is finished (a receipt arrives late); they can be withdrawn only while the
    step is not finished, since a finished step's papers are its evidence."""

    def step_attachments(self, rulebook_id: str, step: WorkflowStep | None = None) -> list[StepAttachment]:
        """The revision's attachments (of one step when given), oldest first; [] before a revision starts."""
        found = self._db.conn.execute(
            "SELECT id FROM workflow_revisions WHERE rulebook_id = ? AND deleted = 0 "
            "ORDER BY created_at DESC, id DESC LIMIT 1", (rulebook_id,)).fetchone()
        if found is None:
            return []
        where, args = "revision_id = ?", [found[0]]
        if step is not None:
            where, args = where + " AND step = ?", args + [step.number]
        # created_at has millisecond precision: rowid (the order rows were written here) breaks a tie.
        return [_attachment(row) for row in load.select(self._db, "workflow_attachments", where, args,
                                                        "created_at, rowid")]

    def attach_to_step(self, rulebook_id: str, step: WorkflowStep, source: Path, kind: AttachmentKind,
                       note: str = "", opinion_id: str = "") -> StepAttachment:
        """Copy the file into the blob store (once per content) and list it under the step."""
        self._require(Permission.EDIT_RECORDS)
        revision_id = self._require_revision(rulebook_id)
        if self._state(revision_id, step) is StepState.PENDING:
            raise DomainError(f"第{step.number}步“{step.label}”还没有开始，不能添加附件。请先完成前面的步骤。")
        opinion_title = self._opinion_title(revision_id, opinion_id) if opinion_id else ""
        size = checked_attachment_size(source)
        if self._db.path is None:
            raise DomainError("内存数据库不能保存附件。")
        with self._db.atomic():
            sha = put_blob_file(self._db, source)
            row = self._insert("workflow_attachments", {
                "revision_id": revision_id, "step": step.number, "sha256": sha, "file_name": source.name,
                "kind": kind.value, "size": size, "note": note.strip(), "added_by": self._actor.name,
                "opinion_id": opinion_id},
                summary=f"九步工作法第{step.number}步“{step.label}”添加附件“{source.name}”（{kind.label}）"
                        + (f"，对应{opinion_title}" if opinion_title else ""))
        return _attachment(row)

    def remove_step_attachment(self, attachment_id: str) -> None:
        """Withdraw an attachment added by mistake (the file stays in the blob store)."""
        self._require(Permission.EDIT_RECORDS)
        row = self._attachment_row(attachment_id)
        step = WorkflowStep.of(row["step"])
        if self._state(row["revision_id"], step) is StepState.DONE:
            raise DomainError(f"第{step.number}步“{step.label}”已完成，它的附件不能移除。如附件有误，请添加正确的文件"
                              "并在说明中写明；确需移除时请先退回到这一步。")
        if not row["deleted"]:
            with self._db.atomic():
                self._tombstone("workflow_attachments", attachment_id)

    def restore_step_attachment(self, attachment_id: str) -> None:
        """Bring back a withdrawn attachment (the undo of a removal, the redo of an add)."""
        self._require(Permission.EDIT_RECORDS)
        if self._attachment_row(attachment_id)["deleted"]:
            with self._db.atomic():
                self._update("workflow_attachments", attachment_id, {"deleted": 0})

    def step_attachment_file(self, attachment_id: str) -> Path:
        """Where the attachment's content is on disk; NotFound while a synced file has not arrived yet."""
        path = blob_path(self._db, self._attachment_row(attachment_id)["sha256"])
        if not path.exists():
            raise NotFound("附件文件不在本机（可能尚未同步过来）。请在下次同步后再打开。")
        return path

    def _attachment_row(self, attachment_id: str) -> dict[str, Any]:
        found = rows(self._db, "SELECT * FROM workflow_attachments WHERE id = ?", [attachment_id])
        if not found:
            raise NotFound("找不到这个附件，可能已被移除。请刷新后重试。")
        return found[0]

    def _state(self, revision_id: str, step: WorkflowStep) -> StepState:
        return next(s.state for s in load.step_states(self._db, revision_id) if s.step is step)

    def _opinion_title(self, revision_id: str, opinion_id: str) -> str:
        found = [o for o in load.opinions(self._db, revision_id) if o.id == opinion_id]
        if not found:
            raise NotFound("找不到这条意见，可能已被撤回。请刷新后重试。")
        return found[0].title


def _attachment(row: dict[str, Any]) -> StepAttachment:
    return StepAttachment(row["id"], row["revision_id"], row["step"], row["sha256"], row["file_name"],
                          AttachmentKind(row["kind"]), row["size"], row["note"], row["created_at"],
                          row["added_by"], row["opinion_id"])
