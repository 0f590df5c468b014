"""What an attachment's owner is and allows: read from the meeting, the revision's step or the list entry."""
from __future__ import annotations

import json

from models.core.attachments import (AttachmentOwner, OwnerKind, OwnerStatus, disclosure_status, entry_status,
                                    matter_status, meeting_status, points_entry_status, step_status)
from models.core.changes import Changed
from models.core.errors import NotFound
from models.lists.entries import EntryState, ListKind
from models.workflow.steps import StepState, WorkflowStep
from storage.workflow import rows as load
from storage.core.db import Database


def owner_status(db: Database, owner: AttachmentOwner) -> OwnerStatus:
    """The owner's phase and texts (models.core.attachments decides them); NotFound when the owner is gone."""
    if owner.kind is OwnerKind.MEETING:
        return _meeting(db, owner.id)
    if owner.kind is OwnerKind.WORKFLOW_STEP:
        return _step(db, owner.id, WorkflowStep.of(owner.step))
    if owner.kind is OwnerKind.MATTER:
        return _matter(db, owner.id)
    if owner.kind is OwnerKind.DISCLOSURE:
        return _disclosure(db, owner.id)
    if owner.kind is OwnerKind.POINTS_ENTRY:
        return _points_entry(db, owner.id)
    return _entry(db, owner.id)


def owner_changed(db: Database, owner_kind: OwnerKind, owner_id: str) -> Changed:
    """The owner's change an attachment write is part of: the meeting, the list entry, or the workflow of the
    revision's rulebook (the workflow screen names a workflow by its rulebook)."""
    if owner_kind is OwnerKind.WORKFLOW_STEP:
        found = db.conn.execute("SELECT rulebook_id FROM workflow_revisions WHERE id = ?", (owner_id,)).fetchone()
        return Changed(owner_kind.entity, frozenset({found[0]}) if found else frozenset())
    return Changed.one(owner_kind.entity, owner_id)


def carried_ids(db: Database, owner: AttachmentOwner) -> tuple[str, ...]:
    """Attachments an owner shows besides its own: a renewing list entry carries the evidence of the one it renews."""
    if owner.kind is not OwnerKind.LIST_ENTRY:
        return ()
    found = db.conn.execute("SELECT evidence_ids FROM list_entries WHERE id = ?", (owner.id,)).fetchone()
    return tuple(json.loads(found[0])) if found else ()


def link_text(db: Database, owner: AttachmentOwner, opinion_id: str) -> str:
    """“，对应意见 3” for the audit entry of a step's scan that is one returned form; NotFound if withdrawn."""
    if not opinion_id:
        return ""
    found = [o for o in load.opinions(db, owner.id) if o.id == opinion_id] \
        if owner.kind is OwnerKind.WORKFLOW_STEP else []
    if not found:
        raise NotFound("找不到这条意见，可能已被撤回。请刷新后重试。")
    return f"，对应{found[0].title}"


def _meeting(db: Database, meeting_id: str) -> OwnerStatus:
    found = db.conn.execute("SELECT number, status FROM meetings WHERE id = ? AND deleted = 0",
                            (meeting_id,)).fetchone()
    if found is None:
        raise NotFound("找不到这份会议记录，可能已被删除。请刷新后重试。")
    return meeting_status(found[0], found[1] == "final")


def _step(db: Database, revision_id: str, step: WorkflowStep) -> OwnerStatus:
    states = {s.step: s.state for s in load.step_states(db, revision_id)} if revision_id else {}
    if not states:
        raise NotFound("这份村规民约还没有开始修订。请先在“九步工作法”中开始修订（第一步：两委商议）。")
    state = states[step]
    return step_status(step.number, step.label, state is not StepState.PENDING, state is StepState.DONE)


def _entry(db: Database, entry_id: str) -> OwnerStatus:
    found = db.conn.execute("SELECT list_kind, period, household_no, state FROM list_entries "
                            "WHERE id = ? AND deleted = 0", (entry_id,)).fetchone()
    if found is None:
        raise NotFound(f"没有编号为 {entry_id} 的榜单条目。请用 lists show 查看条目编号。")
    state = EntryState(found[3])
    return entry_status(f"{ListKind(found[0]).label} {found[1]} 第{found[2]}户", state.label,
                        state is EntryState.NOMINATED, state.is_final)


def _matter(db: Database, matter_id: str) -> OwnerStatus:
    found = db.conn.execute("SELECT number, status FROM matters WHERE id = ? AND deleted = 0", (matter_id,)).fetchone()
    if found is None:
        raise NotFound("找不到这件说事，可能已被删除。请刷新后重试。")
    return matter_status(found[0], found[1] == "closed")


def _disclosure(db: Database, publication_id: str) -> OwnerStatus:
    found = db.conn.execute("SELECT category, period FROM disclosure_publications WHERE id = ? AND deleted = 0",
                            (publication_id,)).fetchone()
    if found is None:
        raise NotFound("找不到这条公开记录，可能已被撤回。请刷新后重试。")
    return disclosure_status(f"三务公开“{found[0]}”{found[1]} ")


def _points_entry(db: Database, entry_id: str) -> OwnerStatus:
    found = db.conn.execute("SELECT household_no, on_date, item_name, confirmed_by FROM points_entries "
                            "WHERE id = ? AND deleted = 0", (entry_id,)).fetchone()
    if found is None:
        raise NotFound(f"没有编号为 {entry_id} 的积分记录。请用 points list 查看记录编号。")
    return points_entry_status(f"积分记录 {found[1]} 第{found[0]}户“{found[2]}” ", bool(found[3]))
