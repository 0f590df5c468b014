"""The `check` command's tests: SQLite integrity, foreign keys, audit chain, change-log coverage."""
from __future__ import annotations

from storage.core.audit import verify_audit_chain
from storage.core.audit_anchor import compare_with_backup, verify_head
from storage.core.backups import backup_dir_for
from storage.core.data_checks import verify_synced_rows
from storage.core.db import Database
from storage.core.row_digests import verify_row_digests
from storage.core.node import key_file_for, keys_match
from storage.core.tracking import synced_tables


def run_checks(db: Database) -> list[str]:
    """Every problem found, in Chinese; an empty list means the database is sound."""
    problems = _integrity(db)
    if problems:
        return problems  # the other checks read pages that may be broken
    problems += _foreign_keys(db)
    problems += verify_audit_chain(db)
    problems += verify_head(db)
    if db.path is not None:
        problems += compare_with_backup(db, backup_dir_for(db.path))
    problems += _change_log_triggers(db)
    problems += _change_log_coverage(db)
    problems += verify_synced_rows(db)
    problems += verify_row_digests(db)
    problems += _node_keys(db)
    return problems


def _integrity(db: Database) -> list[str]:
    rows = [r[0] for r in db.conn.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else [f"SQLite 完整性检查发现问题：{r}" for r in rows[:20]]


def _foreign_keys(db: Database) -> list[str]:
    return [f"表 {table} 第 {rowid} 行引用了 {parent} 中不存在的记录。"
            for table, rowid, parent, _ in db.conn.execute("PRAGMA foreign_key_check")]


def _change_log_triggers(db: Database) -> list[str]:
    """Both log triggers exist on every synced table and copy every column; change_log stays append-only
    (its seq is a plain rowid: max + 1 is never reused only while no row is deleted); no import is left half-open."""
    problems = []
    triggers = {name: sql for name, sql in db.conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'")}
    for table in synced_tables(db):
        columns = [row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")]
        for event in ("insert", "update"):
            sql = triggers.get(f"trg_{table}_log_{event}")
            if sql is None:
                problems.append(f"表 {table} 缺少变更日志触发器（{event}），它的修改不会被同步。")
            elif any(f"NEW.{column}" not in sql for column in columns):
                problems.append(f"表 {table} 的变更日志触发器没有包含全部列（加列后未重装触发器）。")
    plain_rowid = "AUTOINCREMENT" not in _schema_sql(db, "change_log").upper()  # before m011 it still was
    if plain_rowid and any(f"trg_change_log_no_{event}" not in triggers for event in ("update", "delete")):
        problems.append("变更日志缺少只增不改的保护触发器，同步序号可能被重复使用。请联系技术人员。")
    if db.conn.execute("SELECT count(*) FROM sync_applying").fetchone()[0]:
        problems.append("同步导入的标记没有清除，变更日志已停止记录。请联系技术人员。")
    return problems


def _schema_sql(db: Database, name: str) -> str:
    row = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return row[0] if row else ""


def _node_keys(db: Database) -> list[str]:
    if db.path is None or keys_match(db, key_file_for(db.path)):
        return []
    return [f"密钥文件 {key_file_for(db.path).name} 与数据库中的本机身份不符，无法签发同步包。请用密钥备份恢复。"]


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
