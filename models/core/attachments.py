"""Attachments (附件): scans and photos kept by their content, owned by a meeting record, a step of a revision or a
list entry (and by any later area: a new `OwnerKind`); what may be attached, and when, is decided here."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.core.changes import Entity


class AttachmentKind(StrEnum):
    """附件类别."""

    SIGN_IN_SHEET = "sign_in_sheet"
    SCAN = "scan"
    PHOTO = "photo"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"sign_in_sheet": "签到表", "scan": "扫描件", "photo": "照片", "other": "其他"}[self.value]


class OwnerKind(StrEnum):
    """附件所属 — what an attachment belongs to; stored by code in `attachments.owner_kind`."""

    MEETING = "meeting"
    WORKFLOW_STEP = "workflow_step"
    LIST_ENTRY = "list_entry"
    MATTER = "matter"
    DISCLOSURE = "disclosure"
    POINTS_ENTRY = "points_entry"

    @property
    def label(self) -> str:
        return {"meeting": "会议记录", "workflow_step": "九步工作法步骤", "list_entry": "红黑榜条目",
                "matter": "群众说事", "disclosure": "三务公开记录", "points_entry": "积分记录"}[self.value]

    @property
    def noun(self) -> str:
        """What the clerk calls the file: a list entry's are 证据, the others' 附件."""
        return "证据" if self in (OwnerKind.LIST_ENTRY, OwnerKind.POINTS_ENTRY) else "附件"

    @property
    def entity(self) -> Entity:
        """The kind of change an attachment of this owner is part of (a step's: its rulebook's workflow)."""
        return {"meeting": Entity.MEETING, "workflow_step": Entity.WORKFLOW,
                "list_entry": Entity.LIST_ENTRY, "matter": Entity.MATTER, "disclosure": Entity.DISCLOSURE,
                "points_entry": Entity.POINTS_ENTRY}[self.value]


@dataclass(frozen=True)
class AttachmentOwner:
    """附件所属的记录: a meeting id, a list entry id, or a revision id with its step number (`step`)."""

    kind: OwnerKind
    id: str
    step: int = 0


@dataclass(frozen=True)
class Attachment:
    """附件 — one file kept with a record: its content hash, original name, kind and note. A step's scan may name
    the returned opinion form it is (`opinion_id`); a list entry's evidence is never printed."""

    id: str
    owner_kind: OwnerKind
    owner_id: str
    sha256: str
    file_name: str
    kind: AttachmentKind
    size: int
    note: str = ""
    added_at: str = ""
    added_by: str = ""
    step: int = 0
    opinion_id: str = ""

    @property
    def owner(self) -> AttachmentOwner:
        return AttachmentOwner(self.owner_kind, self.owner_id, self.step)

    @property
    def size_text(self) -> str:
        return size_text(self.size)


def guess_kind(file_name: str) -> AttachmentKind:
    """签到 in the name means a sign-in sheet; images are photos, PDFs scans."""
    lowered = file_name.lower()
    if "签到" in file_name or "sign-in" in lowered or "signin" in lowered:
        return AttachmentKind.SIGN_IN_SHEET
    if lowered.endswith((".jpg", ".jpeg", ".png", ".heic")):
        return AttachmentKind.PHOTO
    if lowered.endswith((".pdf", ".tif", ".tiff")):
        return AttachmentKind.SCAN
    return AttachmentKind.OTHER


def size_text(size: int) -> str:
    """“34 KB” / “2.5 MB” for a file list."""
    if size < 1024 * 1024:
        return f"{max(1, size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachPhase(StrEnum):
    """What the owner's state allows: nothing yet (or no more), undoable adding and removing, or adding for good."""

    CLOSED = "closed"
    OPEN = "open"
    KEPT = "kept"

    @property
    def label(self) -> str:
        return {"closed": "不能添加", "open": "可添加、可移除", "kept": "可添加、不可移除"}[self.value]


@dataclass(frozen=True)
class OwnerStatus:
    """附件所属记录的状态 — the owner's phase, and the Chinese texts that explain it (refusals, the confirmation
    asked before a final add, the subject of the audit entry)."""

    phase: AttachPhase
    subject: str
    closed_reason: str = ""
    kept_reason: str = ""
    confirm_question: str = ""
    show_kind: bool = True

    def summary(self, noun: str, file_name: str, kind: AttachmentKind, extra: str = "") -> str:
        """The audit entry of an add: “会议记录 2026-03 添加附件“签到表.jpg”（签到表）”."""
        return f"{self.subject}添加{noun}“{file_name}”" + (f"（{kind.label}）" if self.show_kind else "") + extra


def meeting_status(number: str, final: bool) -> OwnerStatus:
    """A finalised record still takes attachments (a sign-in sheet is evidence, not record text), for good."""
    return OwnerStatus(
        AttachPhase.KEPT if final else AttachPhase.OPEN, f"会议记录 {number} ",
        kept_reason="记录已定稿，附件不能移除。如附件有误，请添加补正说明并附上正确的文件。",
        confirm_question="记录已定稿，添加的附件以后不能移除，也不能撤销。确定添加吗？")


def step_status(number: int, label: str, started: bool, done: bool) -> OwnerStatus:
    """A step's scans come once it has started, also after it is finished (a receipt arrives late); a finished
    step's papers are its evidence, so they stay."""
    phase = AttachPhase.CLOSED if not started else AttachPhase.KEPT if done else AttachPhase.OPEN
    return OwnerStatus(
        phase, f"九步工作法第{number}步“{label}”",
        closed_reason=f"第{number}步“{label}”还没有开始，不能添加附件。请先完成前面的步骤。",
        kept_reason=f"第{number}步“{label}”已完成，它的附件不能移除。如附件有误，请添加正确的文件并在说明中写明；"
                    "确需移除时请先退回到这一步。",
        confirm_question="这一步已完成，添加的附件以后不能移除，也不能撤销。确定添加吗？")


def entry_status(subject: str, state_label: str, nominated: bool, final: bool) -> OwnerStatus:
    """Evidence is added while an entry is open or up; it can be withdrawn only in 提名, before anyone assessed it."""
    phase = AttachPhase.CLOSED if final else AttachPhase.OPEN if nominated else AttachPhase.KEPT
    return OwnerStatus(
        phase, subject, show_kind=False,
        closed_reason=f"条目已{state_label}，不能再添加证据。如需补充，请在续期或新提名时添加。",
        kept_reason="条目已进入评议，证据不能移除（评议所依据的材料要留档）。如证据有误，请添加说明材料。",
        confirm_question=f"条目已在“{state_label}”，添加的证据以后不能移除，也不能撤销。确定添加吗？")


def matter_status(number: str, closed: bool) -> OwnerStatus:
    """A matter's photos and papers come while it is dealt with and after 销号 (a late receipt); once it is
    closed they are its record, so they stay."""
    return OwnerStatus(
        AttachPhase.KEPT if closed else AttachPhase.OPEN, f"群众说事 {number} ",
        kept_reason="这件事已销号，附件不能移除。如附件有误，请添加正确的文件并在说明中写明。",
        confirm_question="这件事已销号，添加的附件以后不能移除，也不能撤销。确定添加吗？")


def disclosure_status(subject: str) -> OwnerStatus:
    """A posting's photo of the board (R42: internal only, never printed) is added and removed freely."""
    return OwnerStatus(AttachPhase.OPEN, subject)


def points_entry_status(subject: str, confirmed: bool) -> OwnerStatus:
    """积分依据 (R36): the photo or scan of the slip is added with the entry and checked by the second person; once
    the entry is confirmed it is the record the points rest on, so it stays (a later one may still be added)."""
    return OwnerStatus(
        AttachPhase.KEPT if confirmed else AttachPhase.OPEN, subject, show_kind=False,
        kept_reason="这条积分已确认，依据材料不能移除。如材料有误，请冲正这条记录并重新录入。",
        confirm_question="这条积分已确认，添加的依据以后不能移除，也不能撤销。确定添加吗？")
