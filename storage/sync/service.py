"""SqliteSyncService: the sync screen's store (pairing, export, import) bound to the logged-in user."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound, PermissionDenied
from models.sync.bundles import ExportResult, HeldBundle, ImportResult, NodeCard, Peer, PeerAuditEntry, QuarantinedRow
from models.sync.touched import Touched
from models.sync.revocations import Revocation
from storage.core.db import Database
from storage.core.installation import open_database
from storage.sync import keys
from storage.sync import audit_trail, held
from storage.sync import quarantine, revocation
from storage.sync.export import export_bundle
from storage.sync.importer import ReturnsFor, import_bundle


class SqliteSyncService:
    """Implements models.sync.ports.SyncService over one database file."""

    def __init__(self, db: Database, actor: Actor, returns_for: ReturnsFor) -> None:
        self._db = db
        self._actor = actor
        self._returns_for = returns_for  # what acts on a township's 退回修改 (from the composition root)

    def identity(self) -> NodeCard:
        me = keys.my_identity(self._db)
        return NodeCard(me.node, me.kind, me.name, me.fingerprint)

    def public_key_text(self) -> str:
        return json.dumps(keys.public_key_payload(self._db), ensure_ascii=False, separators=(",", ":"))

    def peers(self) -> list[Peer]:
        return keys.list_peers(self._db)

    def peer(self, node: str) -> Peer:
        found = [peer for peer in keys.list_peers(self._db) if peer.node == node]
        if not found:
            raise NotFound(f"没有已配对的同步对方“{node}”。")
        return found[0]

    def trust_key_file(self, path: Path) -> Changed:
        self._require_admin()
        return Changed.one(Entity.SYNC_STATE, keys.trust_peer(self._db, keys.read_public_key(path)).node)

    def trust_key_text(self, text: str, source: str) -> Changed:
        """A peer's public key as read from its QR code (same checks and permission as the key file)."""
        self._require_admin()
        return Changed.one(Entity.SYNC_STATE, keys.trust_peer(self._db, keys.parse_public_key(text, source)).node)

    def write_public_key(self, path: Path) -> NodeCard:
        keys.write_public_key(self._db, path)
        return self.identity()

    def export_to(self, folder: Path, peer: str | None = None) -> ExportResult:
        self._require_sync()
        return export_bundle(self._db, folder, self._actor, peer)

    def import_file(self, path: Path) -> ImportResult:
        self._require_sync()
        return import_bundle(self._db, path, self._actor, self._returns_for)

    def export_job(self, folder: Path, peer: str | None = None) -> Callable[[], ExportResult]:
        """Checks the permission now; the returned job opens its own connection (for a worker thread)."""
        self._require_sync()
        path, actor, key = self._file(), self._actor, self._db.key
        return lambda: export_at(path, folder, actor, peer, key)

    def import_job(self, bundle: Path) -> Callable[[], ImportResult]:
        """Checks the permission now; the returned job opens its own connection (for a worker thread)."""
        self._require_sync()
        path, actor, returns_for, key = self._file(), self._actor, self._returns_for, self._db.key
        return lambda: import_at(path, bundle, actor, returns_for, key)

    def pending(self) -> list[HeldBundle]:
        return held.pending(self._db)

    def accept_job(self, fingerprint: str) -> Callable[[], tuple[Peer, list[ImportResult]]]:
        """Trusting a village's key is for its reviewer or the administrator; the job imports the held bundles."""
        self._require_key_decision("确认村的密钥")
        path, actor, returns_for, key = self._file(), self._actor, self._returns_for, self._db.key
        return lambda: accept_at(path, fingerprint, actor, returns_for, key)

    def discard(self, fingerprint: str) -> Changed:
        """Drop the held bundles of a key that is not accepted; same people as `accept_job`, audit-logged."""
        self._require_key_decision("丢弃暂存的同步包")
        dropped = held.discard(self._db, fingerprint, self._actor)
        return Changed(Entity.SYNC_STATE, frozenset(h.bundle for h in dropped))

    def revoke(self, fingerprint: str, reason: str) -> Revocation:
        """Revoke a trusted peer's key (issue 16 item 10); the same people who decide on keys, audit-logged."""
        self._require_key_decision("吊销密钥")
        return revocation.revoke(self._db, fingerprint, reason, self._actor)

    def quarantined(self, limit: int = 1000) -> list[QuarantinedRow]:
        return quarantine.quarantined_rows(self._db, limit)

    def peer_audit(self, origin: str | None = None, limit: int = 1000, offset: int = 0) -> list[PeerAuditEntry]:
        return audit_trail.peer_audit(self._db, origin, limit, offset)

    def release(self, entry_id: int) -> Changed:
        """Apply a quarantined row whose reason no longer holds (same checks as the import); audit-logged."""
        self._require_key_decision("放行隔离记录")
        entry = quarantine.release(self._db, entry_id, self._actor, self._returns_for)
        touched = Touched()
        touched.add(entry.table, quarantine.row_of(self._db, entry_id))
        return touched.changed(Changed.one(Entity.SYNC_STATE, str(entry_id)))

    def discard_quarantined(self, entry_id: int) -> Changed:
        """Set a quarantined row aside for good (kept as evidence, no longer listed); audit-logged."""
        self._require_key_decision("丢弃隔离记录")
        quarantine.discard(self._db, entry_id, self._actor)
        return Changed.one(Entity.SYNC_STATE, str(entry_id))

    def _require_key_decision(self, what: str) -> None:
        if not (self._actor.can(Permission.MANAGE_USERS) or self._actor.can(Permission.REVIEW_FILINGS)):
            raise PermissionDenied(f"“{self._actor.name}”的角色为{self._actor.role.label}，不能{what}。"
                                   "请用乡镇审核员或管理员账户登录。")

    def _file(self) -> Path:
        if self._db.path is None:
            raise DomainError("内存数据库不能导出或导入同步包。")
        return Path(self._db.path)

    def _require_sync(self) -> None:
        if not (self._actor.can(Permission.EDIT_RECORDS) or self._actor.can(Permission.REVIEW_FILINGS)):
            raise PermissionDenied(f"“{self._actor.name}”的角色为{self._actor.role.label}，不能导出或导入同步包。"
                                   "请用文书、管理员或乡镇审核员账户登录。")

    def _require_admin(self) -> None:
        self._actor.require(Permission.MANAGE_USERS)


def export_at(db_path: Path, folder: Path, actor: Actor, peer: str | None = None,
              key: bytes | None = None) -> ExportResult:
    """Export over a connection of its own (opened with the session's database key): a SQLite connection must not
    cross threads."""
    db = open_database(db_path, migrate=False, key=key)
    try:
        return export_bundle(db, folder, actor, peer)
    finally:
        db.conn.close()


def import_at(db_path: Path, bundle: Path, actor: Actor, returns_for: ReturnsFor,
              key: bytes | None = None) -> ImportResult:
    """Import over a connection of its own (the session's key): a SQLite connection must not cross threads."""
    db = open_database(db_path, migrate=False, key=key)
    try:
        return import_bundle(db, bundle, actor, returns_for)
    finally:
        db.conn.close()


def accept_at(db_path: Path, fingerprint: str, actor: Actor, returns_for: ReturnsFor,
              key: bytes | None = None) -> tuple[Peer, list[ImportResult]]:
    """`sync accept` over a connection of its own (for a worker thread), with the session's key."""
    db = open_database(db_path, migrate=False, key=key)
    try:
        return held.accept(db, fingerprint, actor, returns_for)
    finally:
        db.conn.close()
