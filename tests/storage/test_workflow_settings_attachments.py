"""Per-revision settings (修订设置) and scans kept with a step: rules, audit, change log, blob store."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.core.changes import Entity
from models.core.accounts import Actor, Role
from models.core.attachments import AttachmentKind, AttachmentOwner, OwnerKind
from models.core.errors import DomainError, NotFound, PermissionDenied
from models.workflow.steps import WorkflowStep
from models.workflow.guards import WorkflowSettings
from storage.core.attachments import SqliteAttachmentStore
from storage.core.blobs import blob_path
from storage.core.db import Database
from storage.core.backend import build_stores
from storage.workflow.stores import SqliteWorkflowStores
from tests.storage.workflow_setup import rulebook_in_force, walk_to_step_5

TODAY = date(2026, 2, 1)


@pytest.fixture
def store(village_db: Database, admin: Actor) -> SqliteWorkflowStores:
    return build_stores(village_db, admin).workflow


def _step(store: SqliteWorkflowStores, rulebook_id: str, step: WorkflowStep | None = None) -> AttachmentOwner:
    """The owner of a step's scans (step None: the whole revision)."""
    return AttachmentOwner(OwnerKind.WORKFLOW_STEP, store.revisions.revision_id(rulebook_id) or "",
                           step.number if step else 0)


def _count(db: Database, sql: str, *args: object) -> int:
    return db.conn.execute(sql, args).fetchone()[0]


def test_settings_change_is_audited_and_feeds_the_guards(village_db: Database, store: SqliteWorkflowStores,
                                                         admin: Actor) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    store.revisions.start_revision(rulebook_id, TODAY)
    assert store.settings.settings(rulebook_id) == WorkflowSettings()
    audits = _count(village_db, "SELECT COUNT(*) FROM audit_log WHERE table_name = 'workflow_revisions'")
    store.settings.set_settings(rulebook_id, 15, 7, True)
    assert store.settings.settings(rulebook_id) == WorkflowSettings(15, 7, True)
    assert store.revisions.facts(rulebook_id, TODAY).settings == WorkflowSettings(15, 7, True)
    assert _count(village_db, "SELECT COUNT(*) FROM audit_log WHERE table_name = 'workflow_revisions'") == audits + 1
    assert _count(village_db, "SELECT COUNT(*) FROM change_log WHERE table_name = 'workflow_revisions'") >= 2
    store.settings.set_settings(rulebook_id, 15, 7, True)  # unchanged: nothing written
    assert _count(village_db, "SELECT COUNT(*) FROM audit_log WHERE table_name = 'workflow_revisions'") == audits + 1


@pytest.mark.parametrize(("filing", "publicity", "message"), [
    (0, 7, "备案期限应为 1 到 60 天"), (61, 7, "备案期限应为 1 到 60 天"), (10, 4, "最短公示天数应为 5 到 60 天")])
def test_settings_out_of_range_are_refused(village_db: Database, store: SqliteWorkflowStores, admin: Actor,
                                           filing: int, publicity: int, message: str) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    store.revisions.start_revision(rulebook_id, TODAY)
    with pytest.raises(DomainError, match=message):
        store.settings.set_settings(rulebook_id, filing, publicity, False)
    assert store.settings.settings(rulebook_id) == WorkflowSettings()


def test_settings_need_an_approver(village_db: Database, store: SqliteWorkflowStores, admin: Actor) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    store.revisions.start_revision(rulebook_id, TODAY)
    clerk = build_stores(village_db, Actor("u9", "李文书", Role.CLERK)).workflow
    with pytest.raises(PermissionDenied):
        clerk.settings.set_settings(rulebook_id, 12, 7, False)


def test_who_may_vote_is_fixed_once_the_vote_is_done() -> None:
    before = WorkflowSettings()
    assert WorkflowSettings(10, 5, True).problem(before, vote_done=False) is None
    assert "先退回到第8步" in (WorkflowSettings(10, 5, True).problem(before, vote_done=True) or "")
    assert WorkflowSettings(20, 5, False).problem(before, vote_done=True) is None


def _scan(tmp_path: Path, name: str, content: bytes = b"%PDF-1.4 signed sheet") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_scans_added_in_one_millisecond_keep_the_order_they_were_added(
        village_db: Database, store: SqliteWorkflowStores, admin: Actor, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    monkeypatch.setattr("storage.core.tracking.now_iso", lambda: "2026-02-01T08:00:00.000+00:00")
    names = ["意见表0001.pdf", "公告栏.jpg", "a.jpg"]
    files, owner = SqliteAttachmentStore(village_db, admin), _step(store, rulebook_id, WorkflowStep.PUBLIC_CONSULTATION)
    for name in names:
        files.attach(owner, _scan(tmp_path, name, name.encode()), AttachmentKind.PHOTO)
    assert [a.file_name for a in files.attachments(owner)] == names


def test_scans_are_kept_with_their_step(village_db: Database, store: SqliteWorkflowStores, admin: Actor,
                                        tmp_path: Path) -> None:
    files = SqliteAttachmentStore(village_db, admin)
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    opinion, five = store.opinions.opinions(rulebook_id)[0], _step(store, rulebook_id, WorkflowStep.PUBLIC_CONSULTATION)
    form = files.attachment(files.attach(five, _scan(tmp_path, "意见表0001.pdf"), AttachmentKind.SCAN, "回收的意见征求表",
                                         opinion.id).id)
    photo = files.attachment(files.attach(five, _scan(tmp_path, "公告栏.jpg", b"jpeg"), AttachmentKind.PHOTO).id)
    assert [a.file_name for a in files.attachments(five)] == ["意见表0001.pdf", "公告栏.jpg"]
    assert form.opinion_id == opinion.id and form.step == 5
    assert files.file(form.id).read_bytes() == b"%PDF-1.4 signed sheet"
    assert blob_path(village_db, photo.sha256).exists()
    summary = village_db.conn.execute("SELECT summary FROM audit_log WHERE row_id = ?", (form.id,)).fetchone()[0]
    assert "第5步" in summary and opinion.title in summary
    removed = files.remove(photo.id)  # the change names the attachment and its rulebook's workflow
    assert (removed.entity, removed.id, removed.ids_of(Entity.WORKFLOW)) == (Entity.ATTACHMENT, photo.id, {rulebook_id})
    assert [a.id for a in files.attachments(_step(store, rulebook_id))] == [form.id]
    assert files.restore(photo.id) == removed
    assert len(files.attachments(five)) == 2
    assert files.attachments(_step(store, rulebook_id, WorkflowStep.ASSEMBLY_VOTE)) == []


def test_attachment_refusals(village_db: Database, store: SqliteWorkflowStores, admin: Actor, tmp_path: Path) -> None:
    files = SqliteAttachmentStore(village_db, admin)
    rulebook_id = rulebook_in_force(village_db, admin)
    with pytest.raises(NotFound, match="还没有开始修订"):
        files.attach(_step(store, rulebook_id, WorkflowStep.COMMITTEES_DISCUSS), _scan(tmp_path, "决议.pdf"))
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    five = _step(store, rulebook_id, WorkflowStep.PUBLIC_CONSULTATION)
    with pytest.raises(DomainError, match="第8步“全体表决”还没有开始"):
        files.attach(_step(store, rulebook_id, WorkflowStep.ASSEMBLY_VOTE), _scan(tmp_path, "签字表.pdf"),
                     AttachmentKind.SCAN)
    with pytest.raises(DomainError, match="是空文件"):
        files.attach(five, _scan(tmp_path, "空.pdf", b""), AttachmentKind.SCAN)
    with pytest.raises(NotFound, match="找不到这条意见"):
        files.attach(five, _scan(tmp_path, "a.pdf"), AttachmentKind.SCAN, opinion_id="no-such")
    one = _step(store, rulebook_id, WorkflowStep.COMMITTEES_DISCUSS)
    done = files.attachment(files.attach(one, _scan(tmp_path, "决议.pdf"), AttachmentKind.SCAN).id)
    with pytest.raises(DomainError, match="第1步“两委商议”已完成，它的附件不能移除"):
        files.remove(done.id)
    assert len(files.attachments(one)) == 1
    viewer = SqliteAttachmentStore(village_db, Actor("u8", "监委会", Role.SUPERVISOR))
    with pytest.raises(PermissionDenied):
        viewer.attach(five, _scan(tmp_path, "b.pdf"), AttachmentKind.SCAN)
