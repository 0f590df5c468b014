"""Anchoring the audit chain: a signed head, and the copy of the chain kept in the newest backup.

A hash chain alone does not show that its newest entries were deleted, or that someone rewrote an
entry and recomputed every hash after it. The head (last seq and hash) is signed with the node's
private key, kept outside the database; and the chain in the newest backup of the same epoch must be
a prefix of the live one, which catches a rewrite of anything older than that backup even by
someone who holds the key.
"""
from __future__ import annotations

import base64
import sqlite3
from pathlib import Path
from typing import Any

from storage.core.db import Database, readonly_uri
from storage.core.node import key_file_for, load_keys

HEAD_KEY = "audit_head"
_NO_KEY = object()


def sign_head(db: Database, seq: int, entry_hash: str) -> None:
    """Record the signed head; call in the transaction that appended entry `seq`."""
    key = _signing_key(db)
    if key is None:
        return
    signature = key.sign(_message(db.node_id, seq, entry_hash)).signature
    db.set_meta(HEAD_KEY, f"{seq}|{entry_hash}|{base64.b64encode(signature).decode('ascii')}")


def verify_head(db: Database) -> list[str]:
    head = db.meta(HEAD_KEY)
    last = db.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    if head is None:
        return []
    seq, entry_hash, signature = head.split("|")
    problems = []
    if last is None or (int(seq), entry_hash) != (last[0], last[1]):
        newest = 0 if last is None else last[0]
        problems.append(f"审计日志的最后一条（第 {newest} 条）与签名记录的第 {seq} 条不符：最新的记录被删除或改写过。")
    if not _signature_valid(db, int(seq), entry_hash, base64.b64decode(signature)):
        problems.append("审计日志的签名无效：日志被改写后重新计算过哈希。")
    return problems


def compare_with_backup(db: Database, folder: Path) -> list[str]:
    """The newest backup of this epoch must hold a prefix of the live chain."""
    epoch = db.conn.execute("SELECT epoch FROM node").fetchone()
    if epoch is None or not folder.is_dir():
        return []
    for path in sorted(folder.glob("xiangyue-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True):
        chain = _chain_of(path, epoch[0])
        if chain is None:
            continue
        live = dict(db.conn.execute("SELECT seq, hash FROM audit_log WHERE seq <= ?", (max(chain, default=0),)))
        changed = [seq for seq, entry_hash in chain.items() if live.get(seq) != entry_hash]
        if changed:
            return [f"审计日志与备份 {path.name} 不一致：第 {changed[0]} 条等 {len(changed)} 条记录在备份之后被改动或删除。"]
        return []
    return []


def _chain_of(path: Path, epoch: str) -> dict[int, str] | None:
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            row = conn.execute("SELECT epoch FROM node").fetchone()
            if row is None or row[0] != epoch:
                return None
            return dict(conn.execute("SELECT seq, hash FROM audit_log"))
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None  # a damaged backup is not evidence either way


def _message(node_id: str, seq: int, entry_hash: str) -> bytes:
    return f"xiangyue-audit-head|{node_id}|{seq}|{entry_hash}".encode()


def _signature_valid(db: Database, seq: int, entry_hash: str, signature: bytes) -> bool:
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    row = db.conn.execute("SELECT signing_public_key FROM node").fetchone()
    if row is None:
        return False
    try:
        VerifyKey(base64.b64decode(row[0])).verify(_message(db.node_id, seq, entry_hash), signature)
    except BadSignatureError:
        return False
    return True


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
