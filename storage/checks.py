"""The `check` command's tests: SQLite integrity, foreign keys, audit chain, change-log coverage."""
from __future__ import annotations

from storage.audit import verify_audit_chain
from storage.db import Database
from storage.tracking import synced_tables


def run_checks(db: Database) -> list[str]:
    """Every problem found, in Chinese; an empty list means the database is sound."""
    problems = _integrity(db)
    if problems:
        return problems  # the other checks read pages that may be broken
    problems += _foreign_keys(db)
    problems += verify_audit_chain(db)
    problems += _change_log_coverage(db)
    return problems


def _integrity(db: Database) -> list[str]:
    rows = [r[0] for r in db.conn.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else [f"SQLite 完整性检查发现问题：{r}" for r in rows[:20]]


def _foreign_keys(db: Database) -> list[str]:
    return [f"表 {table} 第 {rowid} 行引用了 {parent} 中不存在的记录。"
            for table, rowid, parent, _ in db.conn.execute("PRAGMA foreign_key_check")]


def _change_log_coverage(db: Database) -> list[str]:
    """Each row this node wrote must have its current version in the change log.

    Rows applied by a sync import are exempt: the log triggers are silent while one runs.
    """
    problems = []
    for table in synced_tables(db):
        missing = db.conn.execute(
            f"SELECT count(*) FROM {table} t WHERE t.owner = ? AND NOT EXISTS (SELECT 1 FROM change_log c "
            "WHERE c.table_name = ? AND c.row_id = t.id AND c.hlc = t.hlc)", (db.node_id, table)).fetchone()[0]
        if missing:
            problems.append(f"表 {table} 有 {missing} 行的最新版本不在变更日志中（同步时会漏发）。")
    return problems
