"""Attachments (附件): scans and photos kept by their content, for meeting records and for the steps of a revision."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AttachmentKind(StrEnum):
    """附件类别."""

    SIGN_IN_SHEET = "sign_in_sheet"
    SCAN = "scan"
    PHOTO = "photo"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"sign_in_sheet": "签到表", "scan": "扫描件", "photo": "照片", "other": "其他"}[self.value]


# What the file dialog offers; any file may be attached ("所有文件").
FILE_FILTER = "扫描件和照片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic);;所有文件 (*)"
MAX_BYTES = 200 * 1024 * 1024  # a 200 MB limit keeps sync bundles to a USB stick's size


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


@dataclass(frozen=True)
class MeetingAttachment:
    """附件 — one file attached to a meeting record: its content hash, original name, kind and note."""

    id: str
    meeting_id: str
    sha256: str
    file_name: str
    kind: AttachmentKind
    size: int
    note: str = ""
    added_at: str = ""
    added_by: str = ""

    @property
    def size_text(self) -> str:
        return size_text(self.size)


@dataclass(frozen=True)
class StepAttachment:
    """九步工作法的附件 — a scan or photo kept with one step of a revision (signed sheets, the notice on the board,
    returned opinion forms, the township's review, the filing receipt); `opinion_id` when it is one returned form."""

    id: str
    revision_id: str
    step: int
    sha256: str
    file_name: str
    kind: AttachmentKind
    size: int
    note: str = ""
    added_at: str = ""
    added_by: str = ""
    opinion_id: str = ""

    @property
    def size_text(self) -> str:
        return size_text(self.size)


def size_text(size: int) -> str:
    """“34 KB” / “2.5 MB” for a file list."""
    if size < 1024 * 1024:
        return f"{max(1, size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"
