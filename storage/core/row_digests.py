"""Row digests of local audited tables (issue 16, item 6): the audit trail covers the data it describes.

Every audited write to such a table (users: add, role, password, active, login) records the SHA-256 of the row as
written, chained digest to digest; the signed audit head covers the newest link. `check` recomputes the chain
and compares each row with its newest digest, so `UPDATE users SET role='admin'` outside the program, a row
inserted or deleted, or a digest edited, is reported by table and id. Synced tables are covered by the change
log instead (storage/core/data_checks.py): sync imports write their rows without per-row audit entries.
"""
from __future__ import annotations

import hashlib
import json

from models.core.audit import GENESIS_HASH
from storage.core.db import Database

DIGESTED_TABLES = ("users",)
ABSENT = "absent"


def row_digest(db: Database, table: str, row_id: str) -> str:
    cursor = db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    row = cursor.fetchone()
    if row is None:
        return ABSENT
    names = [d[0] for d in cursor.description]
    body = json.dumps(dict(zip(names, row)), ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record(db: Database, audit_seq: int, table: str, row_id: str) -> None:
    """After the audited write, in its transaction: the row's digest, chained to the previous one."""
    if table not in DIGESTED_TABLES or not db.table_exists("audit_row_digests"):
        return
    _append(db, audit_seq, table, row_id, row_digest(db, table, row_id))


def _append(db: Database, audit_seq: int, table: str, row_id: str, digest: str) -> None:
    previous = latest_chain(db) or GENESIS_HASH
    db.execute("INSERT INTO audit_row_digests(audit_seq, table_name, row_id, digest, chain) VALUES(?,?,?,?,?)",
               [audit_seq, table, row_id, digest, _link(previous, audit_seq, table, row_id, digest)])


def seed(db: Database) -> None:
    """The migration's first digests: every existing row, as it stands (audit seq 0)."""
    for table in DIGESTED_TABLES:
        for (row_id,) in db.conn.execute(f"SELECT id FROM {table} ORDER BY id").fetchall():
            _append(db, 0, table, row_id, row_digest(db, table, row_id))


def latest_chain(db: Database) -> str | None:
    if not db.table_exists("audit_row_digests"):
        return None
    row = db.conn.execute("SELECT chain FROM audit_row_digests ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else str(row[0])


def _link(previous: str, audit_seq: int, table: str, row_id: str, digest: str) -> str:
    return hashlib.sha256(f"{previous}\n{audit_seq}\t{table}\t{row_id}\t{digest}".encode()).hexdigest()


def verify_row_digests(db: Database) -> list[str]:
    if not db.table_exists("audit_row_digests"):
        return []
    problems, previous, newest = [], GENESIS_HASH, {}
    for audit_seq, table, row_id, digest, chain in db.conn.execute(
            "SELECT audit_seq, table_name, row_id, digest, chain FROM audit_row_digests ORDER BY id"):
        if chain != _link(previous, audit_seq, table, row_id, digest):
            return ["审计日志的行摘要记录被改动过（摘要链不符）。"]
        previous, newest[(table, row_id)] = chain, digest
    for table in DIGESTED_TABLES:
        ids = {r[0] for r in db.conn.execute(f"SELECT id FROM {table}")} | {i for t, i in newest if t == table}
        for row_id in sorted(ids):
            recorded = newest.get((table, row_id))
            if recorded is None:
                problems.append(f"表 {table} 的记录 {row_id} 没有审计记录（在程序之外被添加）。")
            elif recorded != row_digest(db, table, row_id):
                what = "被删除" if row_digest(db, table, row_id) == ABSENT else "被改动"
                problems.append(f"表 {table} 的记录 {row_id} 与审计记录不符（在程序之外{what}）。")
    return problems
