"""The append-only audit log, chained by SHA-256, and its verification."""
from __future__ import annotations

from models.core.accounts import Actor
from models.core.audit import GENESIS_HASH, AuditEntry, canonical_entry, chain_hash
from models.core.ids import new_id
from storage.core import row_digests
from storage.core.audit_anchor import sign_head
from storage.core.db import Database
from storage.core.tracking import now_iso

_FIELDS = "seq, id, at, actor_id, actor_name, action, table_name, row_id, summary"


def append_audit(db: Database, actor: Actor, action: str, table: str, row_id: str, summary: str) -> None:
    """Add one entry chained to the previous one. Call inside the write's own transaction."""
    last = db.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, previous = (1, GENESIS_HASH) if last is None else (last[0] + 1, last[1])
    entry = canonical_entry(AuditEntry(seq, new_id(), now_iso(), actor.user_id, actor.name, action, table, row_id,
                                       summary))  # stored exactly as hashed
    entry_hash = chain_hash(previous, entry)
    db.execute(f"INSERT INTO audit_log({_FIELDS}, previous_hash, hash) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
               [entry.seq, entry.id, entry.at, entry.actor_id, entry.actor_name, entry.action,
                entry.table_name, entry.row_id, entry.summary, previous, entry_hash])
    row_digests.record(db, entry.seq, entry.table_name, entry.row_id)  # before the head, which covers it
    sign_head(db, entry.seq, entry_hash)


def verify_audit_chain(db: Database) -> list[str]:
    """Problems found in the chain: an edited, removed or inserted entry breaks it."""
    problems: list[str] = []
    previous = GENESIS_HASH
    expected_seq = 1
    for row in db.conn.execute(f"SELECT {_FIELDS}, previous_hash, hash FROM audit_log ORDER BY seq"):
        entry = AuditEntry(*row[:9])
        if entry.seq != expected_seq:
            problems.append(f"审计日志缺少第 {expected_seq} 至 {entry.seq - 1} 条记录（可能被删除）。")
        if row[9] != previous or row[10] != chain_hash(previous, entry):
            problems.append(f"审计日志第 {entry.seq} 条与哈希链不符（记录被改动过）。")
        previous, expected_seq = row[10], entry.seq + 1
    return problems


class SqliteAuditReader:
    """Read-only access to the audit trail for screens and the `check` command."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def recent(self, limit: int = 200) -> list[AuditEntry]:
        rows = self._db.conn.execute(
            f"SELECT {_FIELDS} FROM audit_log ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
        return [AuditEntry(*row) for row in rows]

    def verify(self) -> list[str]:
        return verify_audit_chain(self._db)
