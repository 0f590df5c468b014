"""Attachment schema steps (附件): the one `attachments` table that meetings, workflow steps and list entries share.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table


def m074_one_attachments_table(db: Database) -> None:
    """One `attachments` table, owned by a meeting, a step of a revision or a list entry, replaces
    meeting_attachments, workflow_attachments and list_evidence. Rows move with their ids, hlc, owner, dates,
    tombstones and blob references; the change log and the sync side tables are rewritten to the new table in
    place (same seq), so a peer that already acknowledged them is not sent them, nor their files, again."""
    import json

    from storage.core.attachment_legacy import COLUMNS, LEGACY_TABLES, attachment_row

    create_synced_table(db, "attachments", """
        owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, step INTEGER NOT NULL DEFAULT 0,
        opinion_id TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL, file_name TEXT NOT NULL, kind TEXT NOT NULL,
        size INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_attachments_owner ON attachments(owner_kind, owner_id)")
    insert = f"INSERT INTO attachments({', '.join(COLUMNS)}) VALUES({', '.join('?' * len(COLUMNS))})"
    db.execute("INSERT INTO sync_applying(bundle_id) VALUES('m074')")  # the log is rewritten below, not appended
    # The one edit change_log's append-only guard (m011) lets through: same seq, same row and version, only the
    # table it is filed under and the row's shape change. The guard goes back exactly as it was.
    guard = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'trg_change_log_no_update'").fetchone()
    db.execute("DROP TRIGGER IF EXISTS trg_change_log_no_update")
    for table in LEGACY_TABLES:
        cursor = db.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = attachment_row(table, dict(zip(names, values)))
            db.execute(insert, [row[name] for name in COLUMNS])
        for side, column in (("change_log", "seq"), ("sync_quarantine", "id")):
            for key, row_json in db.conn.execute(f"SELECT {column}, row_json FROM {side} WHERE table_name = ?",
                                                 (table,)).fetchall():
                moved = attachment_row(table, json.loads(row_json))
                db.execute(f"UPDATE {side} SET table_name = 'attachments', row_json = ? WHERE {column} = ?",
                           [json.dumps(moved, ensure_ascii=False, separators=(",", ":")), key])
        db.execute("UPDATE sync_extra_columns SET table_name = 'attachments' WHERE table_name = ?", [table])
        db.execute(f"DROP TABLE {table}")
        db.execute("DELETE FROM synced_tables WHERE name = ?", [table])
    if guard is not None:
        db.execute(guard[0])
    db.execute("DELETE FROM sync_applying WHERE bundle_id = 'm074'")
