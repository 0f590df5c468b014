"""Evidence attachments of list entries: blob store shared with the minutes, type and size checks, renewal, board."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.errors import DomainError, NotFound
from models.core.attachment_files import POLICIES
from models.core.attachments import AttachmentOwner, OwnerKind
from models.lists.workflow import Nomination
from models.lists.entries import ListKind
from printing.lists.list_jobs import board_job
from storage.core.attachments import SqliteAttachmentStore
from storage.core.blobs import blob_path
from storage.core.db import Database
from tests.list_fixtures import APPROVER, CLERK, seed_registry, store
from tests.printing.pdfcheck import text_of
from tests.printing.test_board_pdf import DAY, PUBLISHED, publish

JPEG = b"\xff\xd8\xff\xe0" + b"photo of the pile" * 10
PDF = b"%PDF-1.4 scan of the note"


def _file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _files(db: Database) -> SqliteAttachmentStore:
    return SqliteAttachmentStore(db, CLERK)


def _entry(entry_id: str) -> AttachmentOwner:
    return AttachmentOwner(OwnerKind.LIST_ENTRY, entry_id)


def _nominate(db: Database) -> str:
    entry, _ = store(db, CLERK).nominate(Nomination(ListKind.YELLOW, "2025-03", "3月2日在村道旁堆放建筑垃圾未清理",
                                                    "网格员龙德军"), "12", "第12条", on=DAY)
    return entry.id


def test_attach_keeps_the_file_once_in_the_shared_blob_store(village_db: Database, tmp_path: Path) -> None:
    seed_registry(village_db)
    entry_id = _nominate(village_db)
    clerk = _files(village_db)
    photo = clerk.attach(_entry(entry_id), _file(tmp_path, "村道堆放.jpg", JPEG), note="3月2日拍摄")
    same = clerk.attach(_entry(entry_id), _file(tmp_path, "copy.jpg", JPEG))
    assert photo.sha256 == same.sha256 and village_db.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 1
    assert clerk.file(photo.id) == blob_path(village_db, photo.sha256)
    assert clerk.file(photo.id).read_bytes() == JPEG
    assert sorted((e.file_name, e.note, e.added_by) for e in clerk.attachments(_entry(entry_id))) == [
        ("copy.jpg", "", CLERK.name), ("村道堆放.jpg", "3月2日拍摄", CLERK.name)]
    audit = village_db.conn.execute("SELECT summary FROM audit_log WHERE table_name = 'attachments'").fetchone()
    assert "添加证据“村道堆放.jpg”" in audit[0]
    logged = village_db.conn.execute("SELECT COUNT(*) FROM change_log WHERE table_name = 'attachments'")
    assert logged.fetchone()[0] == 2
    clerk.remove(same.id)
    assert [e.id for e in clerk.attachments(_entry(entry_id))] == [photo.id]
    clerk.restore(same.id)
    assert len(clerk.attachments(_entry(entry_id))) == 2


@pytest.mark.parametrize(("name", "content", "message"), [
    ("空.jpg", b"", "空文件"),
    ("病毒.exe", b"MZ\x90\x00", "不是照片或扫描件"),
    ("改名.pdf", b"MZ\x90\x00 not a pdf", "内容与扩展名“.pdf”不符"),
    ("说明.txt", "证据".encode(), "不是照片或扫描件"),
])
def test_type_and_size_refusals(village_db: Database, tmp_path: Path, name: str, content: bytes,
                                message: str) -> None:
    seed_registry(village_db)
    entry_id = _nominate(village_db)
    with pytest.raises(DomainError, match=message):
        _files(village_db).attach(_entry(entry_id), _file(tmp_path, name, content))
    assert _files(village_db).attachments(_entry(entry_id)) == []


def test_too_large_and_missing_files_are_refused(village_db: Database, tmp_path: Path) -> None:
    seed_registry(village_db)
    entry_id = _nominate(village_db)
    big = tmp_path / "大.pdf"
    with big.open("wb") as handle:
        handle.write(PDF)
        handle.truncate(POLICIES[OwnerKind.LIST_ENTRY].max_bytes + 1)  # sparse: no 50 MB written
    with pytest.raises(DomainError, match="超过 50 MB"):
        _files(village_db).attach(_entry(entry_id), big)
    with pytest.raises(DomainError, match="找不到文件"):
        _files(village_db).attach(_entry(entry_id), tmp_path / "没有.jpg")
    with pytest.raises(NotFound):
        _files(village_db).file("no-such-id")


def test_after_assessment_evidence_stays_and_final_entries_take_none(village_db: Database, tmp_path: Path) -> None:
    seed_registry(village_db)
    entry_id = _nominate(village_db)
    scan = _files(village_db).attach(_entry(entry_id), _file(tmp_path, "告知书.pdf", PDF))
    store(village_db, APPROVER).advance(entry_id, "评议同意", on=DAY)
    with pytest.raises(DomainError, match="证据不能移除"):
        _files(village_db).remove(scan.id)
    store(village_db, APPROVER).refuse(entry_id, "事实不清", on=DAY)
    with pytest.raises(DomainError, match="不能再添加证据"):
        _files(village_db).attach(_entry(entry_id), _file(tmp_path, "补充.jpg", JPEG))


def test_renewal_carries_the_evidence_and_the_board_never_shows_it(village_db: Database, tmp_path: Path) -> None:
    seed_registry(village_db)
    publish(village_db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    (old,) = store(village_db, CLERK).entries("2025-03")
    name = "杨老三13908551234身份证.jpg"
    photo = _files(village_db).attach(_entry(old.id), _file(tmp_path, name, JPEG), note="现场照片说明文字")
    new, _ = store(village_db, CLERK).renew(old.id, "2025-04", on=PUBLISHED)
    assert new.evidence_ids == (photo.id,)
    assert [e.id for e in _files(village_db).attachments(_entry(new.id))] == [photo.id]
    job = board_job(store(village_db, CLERK).board("2025-03", PUBLISHED), "青石村", PUBLISHED, "")
    text = text_of(job.render(lambda _page: None))
    assert "三组第12号户" in text
    for leak in ("身份证", "13908551234", "现场照片说明文字", ".jpg", photo.sha256[:12]):
        assert leak not in text
