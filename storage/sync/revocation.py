"""Revoking a peer's key (`sync revoke FINGERPRINT --reason T`, issue 16 item 10).

From the revocation on, bundles signed by that key are refused and the key is never trusted again: re-pairing
needs a new key. Our next bundle to that peer carries only the notice (no rows, no audit entries), so the other
side learns why its bundles stop being accepted; once it has imported the notice it refuses to export to us
with the old key. Either side may revoke the other.
"""
from __future__ import annotations

from typing import Any

from models.core.accounts import Actor
from models.core.errors import DomainError
from models.sync.bundles import BundleRefused, normalise_fingerprint
from models.sync.revocations import Revocation
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.core.tracking import now_iso

OURS = "us"
MAX_REASON = 500


def revoke(db: Database, typed: str, reason: str, actor: Actor) -> Revocation:
    """Revoke the trusted peer whose key has this fingerprint; refused for a fingerprint no peer has."""
    fingerprint = normalise_fingerprint(typed)
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise DomainError(f"请用 --reason 写明吊销的理由（不超过 {MAX_REASON} 字），它会记入操作记录并告知对方。")
    row = db.conn.execute("SELECT node, name FROM sync_peers WHERE fingerprint = ?", (fingerprint,)).fetchone()
    if row is None or revoked(db, fingerprint) is not None:
        known = "；".join(f"{name}（{node}）：{fp}" for node, name, fp in db.conn.execute(
            "SELECT node, name, fingerprint FROM sync_peers WHERE revoked_at IS NULL ORDER BY name")) or "没有"
        raise DomainError(f"没有使用指纹“{fingerprint}”的已配对对方，未吊销任何密钥。已配对的：{known}。")
    node, name = row
    stamp = now_iso()
    with db.atomic():
        db.execute("INSERT INTO sync_revoked_keys(fingerprint, node, name, reason, revoked_at, revoked_by) "
                   "VALUES(?,?,?,?,?,?)", [fingerprint, node, name, reason, stamp, OURS])
        db.execute("UPDATE sync_peers SET revoked_at = ? WHERE node = ?", [stamp, node])
        append_audit(db, actor, "sync_revoke", "sync_peers", node,
                     f"吊销 {name}（{node}）的密钥，指纹 {fingerprint}：{reason}")
    return Revocation(fingerprint, node, name, reason, stamp, OURS)


def revoked(db: Database, fingerprint: str) -> Revocation | None:
    row = db.conn.execute("SELECT fingerprint, node, name, reason, revoked_at, revoked_by FROM sync_revoked_keys "
                          "WHERE fingerprint = ?", (fingerprint,)).fetchone()
    return None if row is None else Revocation(*row)


def refuse_revoked(db: Database, fingerprint: str, name: str) -> None:
    """Refuse a bundle signed by, or a pairing with, a revoked key."""
    found = revoked(db, fingerprint)
    if found is not None and found.revoked_by == OURS:
        raise BundleRefused(f"“{name or found.name}”的这把密钥（指纹 {fingerprint}）已于 {found.revoked_at[:10]} 吊销"
                            f"（理由：{found.reason}）。由它签名的同步包一律拒收，也不能再次信任它；重新配对需要对方生成新的密钥。"
                            "未作任何更改。")


def is_revoked_peer(db: Database, node: str) -> bool:
    row = db.conn.execute("SELECT revoked_at FROM sync_peers WHERE node = ?", (node,)).fetchone()
    return row is not None and row[0] is not None


def forget_revoked_peer(db: Database, node: str) -> None:
    """Re-pairing with a new key: the revoked peer's row goes (its old key stays in sync_revoked_keys)."""
    with db.atomic():
        db.execute("DELETE FROM sync_peers WHERE node = ? AND revoked_at IS NOT NULL", [node])


def outgoing_notice(db: Database, peer_node: str) -> dict[str, Any] | None:
    """The notice a bundle to a revoked peer carries."""
    row = db.conn.execute("SELECT fingerprint, reason, revoked_at FROM sync_revoked_keys WHERE node = ? AND "
                          "revoked_by = ? ORDER BY revoked_at DESC LIMIT 1", (peer_node, OURS)).fetchone()
    return None if row is None else {"fingerprint": row[0], "reason": row[1], "at": row[2]}


def receive_notice(db: Database, manifest: dict[str, Any], my_fingerprint: str, my_node: str) -> bool:
    """Record that the sender revoked our key (inside the import transaction); True when it did."""
    notice = manifest.get("revocation")
    if notice is None or notice["fingerprint"] != my_fingerprint:
        return False
    db.execute("INSERT INTO sync_revoked_keys(fingerprint, node, name, reason, revoked_at, revoked_by) "
               "VALUES(?,?,?,?,?,?) ON CONFLICT(fingerprint) DO NOTHING",
               [my_fingerprint, my_node, "", notice["reason"], notice["at"], manifest["from"]])
    return True


def refuse_export_if_revoked_by(db: Database, peer_node: str, peer_name: str, my_fingerprint: str) -> None:
    row = db.conn.execute("SELECT reason, revoked_at FROM sync_revoked_keys WHERE fingerprint = ? AND revoked_by = ?",
                          (my_fingerprint, peer_node)).fetchone()
    if row is not None:
        raise DomainError(f"“{peer_name}”已于 {row[1][:10]} 吊销本机的密钥（理由：{row[0]}），不再接收本机的同步包。"
                          "需要为本机生成新的密钥，再与对方核对指纹重新配对。本机数据没有改动。")
