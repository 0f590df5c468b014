"""Meeting attachments: content-addressed files, synced rows, audit, finalised records keep theirs."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.core.accounts import Actor
from models.core.attachments import AttachmentKind, AttachmentOwner, OwnerKind, guess_kind
from models.core.errors import DomainError, NotFound
from models.minutes.meetings import Meeting
from storage.core.blobs import blob_path
from storage.core.db import Database
from storage.core.attachments import SqliteAttachmentStore
from storage.core.backend import build_stores
from tests.models.meeting_fixtures import complete_meeting


def _owner(meeting_id: str) -> AttachmentOwner:
    return AttachmentOwner(OwnerKind.MEETING, meeting_id)


def _file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_attach_stores_the_file_once_and_logs_it(village_db: Database, admin: Actor, tmp_path: Path) -> None:
    store, files = build_stores(village_db, admin).meetings, SqliteAttachmentStore(village_db, admin)
    meeting = store.create(Meeting("representatives_meeting", date(2026, 3, 12), expected=6, present=5))
    sheet = _file(tmp_path, "签到表.jpg", b"\xff\xd8 sign-in sheet")
    first = files.attachment(files.attach(_owner(meeting.id), sheet, guess_kind(sheet.name), "第一页").id)
    copy = files.attachment(files.attach(_owner(meeting.id), _file(tmp_path, "copy.jpg", sheet.read_bytes()),
                                         AttachmentKind.PHOTO).id)
    assert first.sha256 == copy.sha256 and first.kind is AttachmentKind.SIGN_IN_SHEET
    assert files.file(first.id) == blob_path(village_db, first.sha256)
    assert files.file(first.id).read_bytes() == sheet.read_bytes()
    assert village_db.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 1
    assert [(a.file_name, a.note, a.added_by) for a in files.attachments(_owner(meeting.id))] == [
        ("签到表.jpg", "第一页", admin.name), ("copy.jpg", "", admin.name)]
    logged = village_db.conn.execute("SELECT COUNT(*) FROM change_log WHERE table_name = 'attachments'")
    assert logged.fetchone()[0] == 2
    audit = village_db.conn.execute("SELECT summary FROM audit_log WHERE table_name = 'attachments'")
    assert "添加附件“签到表.jpg”（签到表）" in audit.fetchone()[0]
    files.remove(copy.id)
    assert [a.id for a in files.attachments(_owner(meeting.id))] == [first.id]


def test_attachments_added_in_one_millisecond_keep_the_order_they_were_added(
        village_db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`created_at` has millisecond precision: a tie is broken by the order they were added, not by name."""
    store, files = build_stores(village_db, admin).meetings, SqliteAttachmentStore(village_db, admin)
    meeting = store.create(Meeting("representatives_meeting", date(2026, 3, 12), expected=6, present=5))
    monkeypatch.setattr("storage.core.tracking.now_iso", lambda: "2026-03-12T08:00:00.000+00:00")
    names = ["签到表.jpg", "copy.jpg", "b.jpg"]
    for name in names:
        files.attach(_owner(meeting.id), _file(tmp_path, name, b"\xff\xd8 " + name.encode()), AttachmentKind.PHOTO)
    assert [a.file_name for a in files.attachments(_owner(meeting.id))] == names


def test_finalised_records_accept_attachments_but_keep_them(village_db: Database, admin: Actor,
                                                           tmp_path: Path) -> None:
    store, files = build_stores(village_db, admin).meetings, SqliteAttachmentStore(village_db, admin)
    meeting = store.create(complete_meeting(number=""))
    final = store.finalise(meeting.id, True, True)
    scan = files.attachment(files.attach(_owner(final.id), _file(tmp_path, "记录本.pdf", b"%PDF-1.4 scan"),
                                         AttachmentKind.SCAN).id)
    with pytest.raises(DomainError, match="已定稿"):
        files.remove(scan.id)
    assert len(files.attachments(_owner(final.id))) == 1


def test_refusals(village_db: Database, admin: Actor, tmp_path: Path) -> None:
    store, files = build_stores(village_db, admin).meetings, SqliteAttachmentStore(village_db, admin)
    meeting = store.create(Meeting("representatives_meeting", date(2026, 3, 12), expected=6, present=5))
    with pytest.raises(DomainError, match="空文件"):
        files.attach(_owner(meeting.id), _file(tmp_path, "empty.png", b""), AttachmentKind.PHOTO)
    with pytest.raises(DomainError, match="找不到文件"):
        files.attach(_owner(meeting.id), tmp_path / "missing.png", AttachmentKind.PHOTO)
    with pytest.raises(NotFound):
        files.attach(_owner("no-such-meeting"), _file(tmp_path, "a.png", b"x"), AttachmentKind.PHOTO)
    row = files.attachment(files.attach(_owner(meeting.id), _file(tmp_path, "b.png", b"y"), AttachmentKind.PHOTO).id)
    blob_path(village_db, row.sha256).unlink()  # as if synced before its file arrived
    with pytest.raises(NotFound, match="尚未同步"):
        files.file(row.id)
    assert village_db.conn.execute("SELECT COUNT(*) FROM attachments").fetchone()[0] == 1


def test_guess_kind() -> None:
    assert guess_kind("2026-代-01签到表.pdf") is AttachmentKind.SIGN_IN_SHEET
    assert guess_kind("IMG_0001.JPG") is AttachmentKind.PHOTO
    assert guess_kind("scan.tif") is AttachmentKind.SCAN
    assert guess_kind("notes.docx") is AttachmentKind.OTHER
