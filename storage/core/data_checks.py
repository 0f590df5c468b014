"""`check` compares the data with its record (issue 16, item 6): a row changed, added or deleted outside the stores.

Synced tables: every version this node wrote is copied into change_log by the triggers, so the current row must
equal the logged version of its stamp (column by column, for the columns the log already had), and a logged row
must still exist (stores never delete a synced row; they mark it deleted). A row edited with the triggers
silenced, a change_log row edited with its guard dropped, or a row deleted, all show. Rows a sync import applied
(another node's, with no local log entry) are compared in the same way with the version the import recorded in
`sync_row_versions`. Local audited tables (users) are covered by the row digests of storage/core/row_digests.py.
"""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import synced_tables

_SHOWN = 5


def verify_synced_rows(db: Database) -> list[str]:
    problems = []
    applied = db.table_exists("sync_row_versions")
    for table in synced_tables(db):
        columns = [row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")]
        changed = _changed(db, table, columns) + (_changed_applied(db, table, columns) if applied else [])
        if changed:
            problems.append(f"表 {table} 有 {len(changed)} 行与变更日志记录的版本不符（在程序之外被改动）："
                            f"{_ids(changed)}。")
        versions = " UNION SELECT row_id FROM sync_row_versions WHERE table_name = ?" if applied else ""
        deleted = [r[0] for r in db.conn.execute(
            f"SELECT row_id FROM (SELECT DISTINCT row_id FROM change_log WHERE table_name = ?{versions}) v "
            f"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = v.row_id)",
            (table, table) if applied else (table,))]
        if deleted:
            problems.append(f"表 {table} 有 {len(deleted)} 行在变更日志中有记录、现在却不见了（在程序之外被删除）："
                            f"{_ids(deleted)}。")
    return problems


def _changed(db: Database, table: str, columns: list[str]) -> list[str]:
    """Rows whose logged version (same id and stamp) differs in any column the log holds."""
    differs = " OR ".join(f"(json_type(c.row_json, '$.{c_}') IS NOT NULL AND "
                          f"json_extract(c.row_json, '$.{c_}') IS NOT t.{c_})" for c_ in columns)
    return [r[0] for r in db.conn.execute(
        f"SELECT t.id FROM {table} t JOIN change_log c ON c.table_name = ? AND c.row_id = t.id AND c.hlc = t.hlc "
        f"WHERE c.seq = (SELECT max(seq) FROM change_log WHERE table_name = ? AND row_id = t.id AND hlc = t.hlc) "
        f"AND ({differs})", (table, table))]


def _changed_applied(db: Database, table: str, columns: list[str]) -> list[str]:
    """Rows a sync import applied (same id and stamp as recorded then) that differ in a column it wrote."""
    differs = " OR ".join(f"(json_type(v.row_json, '$.{c_}') IS NOT NULL AND "
                          f"json_extract(v.row_json, '$.{c_}') IS NOT t.{c_})" for c_ in columns)
    return [r[0] for r in db.conn.execute(
        f"SELECT t.id FROM {table} t JOIN sync_row_versions v ON v.table_name = ? AND v.row_id = t.id "
        f"AND v.hlc = t.hlc WHERE {differs}", (table,))]


def _ids(ids: list[str]) -> str:
    return "、".join(ids[:_SHOWN]) + (" 等" if len(ids) > _SHOWN else "")
