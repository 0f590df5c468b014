"""The one attachment rule (files) and the owners' phases, as plain tables: no Qt, no SQLite."""
from __future__ import annotations

import pytest

from models.core.attachment_files import POLICIES, check_file
from models.core.attachments import (AttachmentKind, AttachPhase, OwnerKind, OwnerStatus, entry_status, meeting_status,
                                step_status)
from models.core.errors import DomainError

JPEG, PDF = b"\xff\xd8\xff\xe0 photo", b"%PDF-1.4 scan"


@pytest.mark.parametrize(("owner", "name", "size", "head", "refusal"), [
    (OwnerKind.MEETING, "签到表.jpg", 10, b"\xff\xd8 not quite a jpeg", ""),  # meetings take any file
    (OwnerKind.WORKFLOW_STEP, "回执.docx", 10, b"PK\x03\x04", ""),
    (OwnerKind.LIST_ENTRY, "河边.jpg", 10, JPEG, ""),
    (OwnerKind.LIST_ENTRY, "告知书.pdf", 10, PDF, ""),
    (OwnerKind.LIST_ENTRY, "回执.docx", 10, b"PK\x03\x04", "不是照片或扫描件"),
    (OwnerKind.LIST_ENTRY, "改名.pdf", 10, b"MZ\x90\x00", "内容与扩展名“.pdf”不符"),
    (OwnerKind.MEETING, "空.pdf", 0, b"", "空文件"),
    (OwnerKind.LIST_ENTRY, "大.jpg", POLICIES[OwnerKind.LIST_ENTRY].max_bytes + 1, JPEG, "超过 50 MB"),
    (OwnerKind.WORKFLOW_STEP, "大.pdf", POLICIES[OwnerKind.WORKFLOW_STEP].max_bytes + 1, PDF, "超过 200 MB"),
    (OwnerKind.WORKFLOW_STEP, "大.pdf", POLICIES[OwnerKind.LIST_ENTRY].max_bytes + 1, PDF, ""),
])
def test_check_file(owner: OwnerKind, name: str, size: int, head: bytes, refusal: str) -> None:
    if not refusal:
        check_file(owner, name, size, head)
        return
    with pytest.raises(DomainError, match=refusal):
        check_file(owner, name, size, head)


@pytest.mark.parametrize(("status", "phase"), [
    (meeting_status("2026-03", final=False), AttachPhase.OPEN),
    (meeting_status("2026-03", final=True), AttachPhase.KEPT),
    (step_status(8, "全体表决", started=False, done=False), AttachPhase.CLOSED),
    (step_status(5, "征求民意", started=True, done=False), AttachPhase.OPEN),
    (step_status(1, "两委商议", started=True, done=True), AttachPhase.KEPT),
    (entry_status("黄榜 2025-03 第12户", "提名", nominated=True, final=False), AttachPhase.OPEN),
    (entry_status("黄榜 2025-03 第12户", "执委会评议", nominated=False, final=False), AttachPhase.KEPT),
    (entry_status("黄榜 2025-03 第12户", "撤榜", nominated=False, final=True), AttachPhase.CLOSED),
])
def test_owner_phase(status: OwnerStatus, phase: AttachPhase) -> None:
    assert status.phase is phase


def test_the_audit_summary_names_the_owner_and_for_evidence_no_kind() -> None:
    assert meeting_status("2026-03", False).summary("附件", "签到表.jpg", AttachmentKind.SIGN_IN_SHEET) == \
        "会议记录 2026-03 添加附件“签到表.jpg”（签到表）"
    assert entry_status("黄榜 2025-03 第12户", "提名", True, False).summary("证据", "河边.jpg", AttachmentKind.PHOTO) == \
        "黄榜 2025-03 第12户添加证据“河边.jpg”"
