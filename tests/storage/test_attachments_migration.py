"""m074: the three attachment tables move into `attachments` without loss: ids, hlc, owner, dates, tombstones,
blob references, and the change log (same seq) and sync side tables that named them."""
from __future__ import annotations

import json
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.attachments import AttachmentKind, AttachmentOwner, OwnerKind
from storage.core.attachments import SqliteAttachmentStore
from storage.core.checks import run_checks
from storage.core.db import Database
from storage.migrations import migrations
from storage.core.tracking import insert_synced, synced_tables, update_synced

STEP = "m074_one_attachments_table"
SHA = "ab" * 32


def _old_rows(db: Database) -> dict[str, str]:
    """One row in each old shape, and a meeting scan withdrawn (a tombstone with a second logged version)."""
    common = {"sha256": SHA, "size": 2048, "note": "第一页", "added_by": "村文书"}
    with db.atomic():
        sheet = insert_synced(db, "meeting_attachments", {"meeting_id": "m-1", "file_name": "签到表.jpg",
                                                          "kind": "sign_in_sheet", **common})
        withdrawn = insert_synced(db, "meeting_attachments", {"meeting_id": "m-1", "file_name": "错传.pdf",
                                                              "kind": "scan", **common})
        update_synced(db, "meeting_attachments", withdrawn["id"], {"deleted": 1})
        form = insert_synced(db, "workflow_attachments", {"revision_id": "r-1", "step": 5, "file_name": "意见表.pdf",
                                                          "kind": "scan", "opinion_id": "o-3", **common})
        photo = insert_synced(db, "list_evidence", {"entry_id": "e-1", "file_name": "河边.jpg", **common})
        db.execute("INSERT INTO sync_quarantine(bundle_id, table_name, row_id, owner, signer, hlc, row_json, reason, "
                   "received_at) VALUES('b-1', 'list_evidence', 'q-1', 'other', 'peer', 'h', ?, '所有者不符', 'now')",
                   [json.dumps({"id": "q-1", "owner": "other", "hlc": "h", "entry_id": "e-2", "file_name": "x.png",
                                "sha256": SHA, "size": 1})])
        db.execute("INSERT INTO sync_extra_columns(table_name, row_id, hlc, columns_json) "
                   "VALUES('workflow_attachments', ?, 'h', '{\"page\": 2}')", [form["id"]])
    return {"sheet": sheet["id"], "withdrawn": withdrawn["id"], "form": form["id"], "photo": photo["id"]}


def _bookkeeping(db: Database, table: str) -> dict[str, tuple]:
    columns = "id, owner, hlc, deleted, created_at, updated_at, sha256, file_name, size, note, added_by"
    return {r[0]: tuple(r[1:]) for r in db.conn.execute(f"SELECT {columns} FROM {table}")}


def test_rows_move_into_one_table_without_loss(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.sqlite3")
    migrations.apply(db, stop_before=STEP)
    ids = _old_rows(db)
    before = {**_bookkeeping(db, "meeting_attachments"), **_bookkeeping(db, "workflow_attachments"),
              **_bookkeeping(db, "list_evidence")}
    seqs = db.conn.execute("SELECT seq, row_id, hlc FROM change_log WHERE table_name IN "
                           "('meeting_attachments', 'workflow_attachments', 'list_evidence') ORDER BY seq").fetchall()
    migrations.apply(db)
    assert _bookkeeping(db, "attachments") == before
    owners = {r[0]: tuple(r[1:]) for r in db.conn.execute(
        "SELECT id, owner_kind, owner_id, step, opinion_id, kind FROM attachments")}
    assert owners == {ids["sheet"]: ("meeting", "m-1", 0, "", "sign_in_sheet"),
                      ids["withdrawn"]: ("meeting", "m-1", 0, "", "scan"),
                      ids["form"]: ("workflow_step", "r-1", 5, "o-3", "scan"),
                      ids["photo"]: ("list_entry", "e-1", 0, "", "photo")}  # evidence had no kind: from its name
    tables = set(synced_tables(db))
    assert "attachments" in tables and not tables & {"meeting_attachments", "workflow_attachments", "list_evidence"}
    assert not db.table_exists("meeting_attachments") and not db.table_exists("list_evidence")
    logged = db.conn.execute("SELECT seq, row_id, hlc, row_json FROM change_log WHERE table_name = 'attachments' "
                             "ORDER BY seq").fetchall()
    assert [row[:3] for row in logged] == seqs  # same seq: a peer that acknowledged them is not sent them again
    assert json.loads(logged[-1][3])["owner_kind"] == "list_entry"
    assert json.loads(logged[1][3])["deleted"] == 0 and json.loads(logged[2][3])["deleted"] == 1
    quarantined = db.conn.execute("SELECT table_name, row_json FROM sync_quarantine").fetchone()
    assert quarantined[0] == "attachments" and json.loads(quarantined[1])["owner_id"] == "e-2"
    assert db.conn.execute("SELECT table_name FROM sync_extra_columns").fetchone() == ("attachments",)
    assert not [problem for problem in run_checks(db) if "变更日志" in problem or "同步" in problem]


def test_the_moved_rows_read_through_the_one_store(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.sqlite3")
    migrations.apply(db, stop_before=STEP)
    ids = _old_rows(db)
    migrations.apply(db)
    store = SqliteAttachmentStore(db, COMMAND_LINE_ACTOR)
    [sheet] = store.attachments(AttachmentOwner(OwnerKind.MEETING, "m-1"))  # the tombstone stays withdrawn
    assert (sheet.id, sheet.kind, sheet.file_name, sheet.size_text) == (ids["sheet"], AttachmentKind.SIGN_IN_SHEET,
                                                                         "签到表.jpg", "2 KB")
    [form] = store.attachments(AttachmentOwner(OwnerKind.WORKFLOW_STEP, "r-1", 5))
    assert (form.id, form.step, form.opinion_id) == (ids["form"], 5, "o-3")
    with db.atomic():  # the log triggers were installed on the new table, and the append-only guard is back
        insert_synced(db, "attachments", {"owner_kind": "meeting", "owner_id": "m-2", "sha256": SHA,
                                          "file_name": "b.png", "kind": "photo", "size": 1})
    assert db.conn.execute("SELECT table_name FROM change_log ORDER BY seq DESC LIMIT 1").fetchone() == ("attachments",)
    assert db.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'trg_change_log_no_update'").fetchone()
