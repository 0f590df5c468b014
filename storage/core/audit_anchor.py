"""Anchoring the audit chain: a signed head, and the copy of the chain kept in the newest backup.

A hash chain alone does not show that its newest entries were deleted, or that someone rewrote an
entry and recomputed every hash after it. The head (last seq and hash) is signed with the node's
private key, kept outside the database; and the chain in the newest backup of the same epoch must be
a prefix of the live one, which catches a rewrite of anything older than that backup even by
someone who holds the key.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.core.db import Database, is_plain, readonly_uri
from storage.core.driver import connect as driver_connect
from storage.core.driver import sqlite as sqlite3
from storage.core.row_digests import latest_chain
from storage.core.node import key_file_for, load_keys

HEAD_KEY = "audit_head"
_NO_KEY = object()


def sign_head(db: Database, seq: int, entry_hash: str) -> None:
    """Record the signed head (last seq, its hash, and how many entries the log holds); call in the transaction
    that appended entry `seq`. The count makes a cut tail visible even where seq and hash were forged together."""
    key = _signing_key(db)
    if key is None:
        return
    count, rows = _count_after(db, seq), latest_chain(db) or ""
    signature = key.sign(_message(db.node_id, seq, entry_hash, count, rows)).signature
    db.set_meta(HEAD_KEY, f"{seq}|{entry_hash}|{count}|{rows}|{base64.b64encode(signature).decode('ascii')}")


def _count_after(db: Database, seq: int) -> int:
    """The running count: the previous head's plus one when it signed entry seq - 1, else counted."""
    head = parse_head(db.meta(HEAD_KEY))
    if head is not None and head.count is not None and head.seq == seq - 1:
        return head.count + 1
    return int(db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])


@dataclass(frozen=True)
class Head:
    """The signed head as stored in meta: `seq|hash|count|rows|signature` (before issue 16: `seq|hash|signature`);
    `rows` is the newest link of the row-digest chain (storage/core/row_digests.py), empty when there is none."""

    seq: int
    entry_hash: str
    count: int | None
    signature: bytes
    rows: str | None = None


def parse_head(text: str | None) -> Head | None:
    if text is None:
        return None
    parts = text.split("|")
    try:
        if len(parts) == 3:
            return Head(int(parts[0]), parts[1], None, base64.b64decode(parts[2], validate=True))
        if len(parts) == 5:
            return Head(int(parts[0]), parts[1], int(parts[2]), base64.b64decode(parts[4], validate=True), parts[3])
    except ValueError:
        pass
    raise ValueError("malformed audit head")


def verify_head(db: Database) -> list[str]:
    last = db.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    try:
        head = parse_head(db.meta(HEAD_KEY))
    except ValueError:
        return ["审计日志的签名记录（audit_head）格式不对：它被改动过。"]
    if head is None:
        if last is not None and _keyed_node(db):
            return ["审计日志的签名记录（audit_head）不见了：有人删除了它，最新的记录可能也被删除过。"]
        return []
    problems = []
    if last is None or (head.seq, head.entry_hash) != (last[0], last[1]):
        unsigned = _restore_tail(db, head) if _signing_key(db) is None else 0
        if unsigned:
            problems.append(f"审计日志最新的 {unsigned} 条记录（从备份恢复）尚未签名：本机密钥文件还没有恢复。"
                            "请用 sync restore-keys 从密钥备份恢复。")
        else:
            newest = 0 if last is None else last[0]
            problems.append(f"审计日志的最后一条（第 {newest} 条）与签名记录的第 {head.seq} 条不符："
                            "最新的记录被删除或改写过。")
    if head.count is not None:
        count = db.conn.execute("SELECT count(*) FROM audit_log WHERE seq <= ?", (head.seq,)).fetchone()[0]
        if count != head.count:
            problems.append(f"审计日志到第 {head.seq} 条应有 {head.count} 条记录，现在只有 {count} 条："
                            "有记录被删除或插入过。")
    if head.rows is not None and last is not None and head.seq == last[0] and head.rows != (latest_chain(db) or ""):
        problems.append("审计日志的行摘要与签名记录不符：行摘要被删除或改写过。")
    if not _signature_valid(db, head):
        problems.append("审计日志的签名无效：日志被改写后重新计算过哈希。")
    return problems


def _keyed_node(db: Database) -> bool:
    """An installation with a node identity signs every entry, so its log without a head has lost it."""
    return db.path is not None and db.table_exists("node") and \
        db.conn.execute("SELECT count(*) FROM node").fetchone()[0] > 0


def _restore_tail(db: Database, head: Head) -> int:
    """How many entries after the signed head a restore wrote (unsigned while the keys were not back: a new PC)."""
    row = db.conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (head.seq,)).fetchone()
    if row is None or row[0] != head.entry_hash:
        return 0
    actions = [r[0] for r in db.conn.execute("SELECT action FROM audit_log WHERE seq > ?", (head.seq,))]
    return len(actions) if actions and set(actions) == {"restore"} else 0


def sign_restored_tail(db: Database) -> bool:
    """After `sync restore-keys`: sign the head over a restore's entries, only if nothing else is unsigned."""
    db.__dict__.pop("_audit_signing_key", None)  # the key file exists now
    head = parse_head(db.meta(HEAD_KEY))
    if head is None or _signing_key(db) is None or not _signature_valid(db, head):
        return False
    if not _restore_tail(db, head):
        return False
    seq, entry_hash = db.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    with db.atomic():
        sign_head(db, seq, entry_hash)
    return True


def compare_with_backup(db: Database, folder: Path) -> list[str]:
    """The newest backup of this epoch must hold a prefix of the live chain."""
    epoch = db.conn.execute("SELECT epoch FROM node").fetchone()
    if epoch is None or not folder.is_dir():
        return []
    for path in sorted(folder.glob("xiangyue-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True):
        chain = _chain_of(path, epoch[0], db.key)
        if chain is None:
            continue
        live = dict(db.conn.execute("SELECT seq, hash FROM audit_log WHERE seq <= ?", (max(chain, default=0),)))
        changed = [seq for seq, entry_hash in chain.items() if live.get(seq) != entry_hash]
        if changed:
            return [f"审计日志与备份 {path.name} 不一致：第 {changed[0]} 条等 {len(changed)} 条记录在备份之后被改动或删除。"]
        return []
    return []


def _chain_of(path: Path, epoch: str, key: bytes | None) -> dict[int, str] | None:
    try:
        conn = driver_connect(readonly_uri(path), None if is_plain(path) else key, uri=True)
        try:
            row = conn.execute("SELECT epoch FROM node").fetchone()
            if row is None or row[0] != epoch:
                return None
            return dict(conn.execute("SELECT seq, hash FROM audit_log"))
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None  # a damaged backup is not evidence either way


def _message(node_id: str, seq: int, entry_hash: str, count: int | None, rows: str | None) -> bytes:
    if count is None:  # a head signed before issue 16
        return f"xiangyue-audit-head|{node_id}|{seq}|{entry_hash}".encode()
    return f"xiangyue-audit-head-2|{node_id}|{seq}|{entry_hash}|{count}|{rows or ''}".encode()


def head_valid(public_key: bytes, node_id: str, head: Head) -> bool:
    """The head's signature under `public_key` (a peer's, when the head came in a bundle)."""
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    try:
        VerifyKey(public_key).verify(_message(node_id, head.seq, head.entry_hash, head.count, head.rows),
                                     head.signature)
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True


def _signature_valid(db: Database, head: Head) -> bool:
    row = db.conn.execute("SELECT signing_public_key FROM node").fetchone()
    return row is not None and head_valid(base64.b64decode(row[0]), db.node_id, head)


def signing_key_for(db: Database) -> Any:
    """The node's signing key (None for an in-memory database or a missing key file), loaded once."""
    return _signing_key(db)


def _signing_key(db: Database) -> Any:
    cached = db.__dict__.get("_audit_signing_key", _NO_KEY)
    if cached is _NO_KEY:
        key_file = key_file_for(db.path) if db.path is not None else None
        cached = load_keys(key_file).signing if key_file is not None and key_file.exists() else None
        db.__dict__["_audit_signing_key"] = cached
    return cached
