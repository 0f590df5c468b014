"""SqliteSyncService: the sync screen's store (pairing, export, import) bound to the logged-in user."""
from __future__ import annotations

import json
from pathlib import Path

from models.accounts import Actor, Permission
from models.errors import PermissionDenied
from models.sync import ExportResult, ImportResult, NodeCard, Peer
from storage.db import Database
from storage.sync import keys
from storage.sync.export import export_bundle
from storage.sync.importer import import_bundle


class SqliteSyncService:
    """Implements models.ports.SyncService over one database file."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def identity(self) -> NodeCard:
        me = keys.my_identity(self._db)
        return NodeCard(me.node, me.kind, me.name, me.fingerprint)

    def public_key_text(self) -> str:
        return json.dumps(keys.public_key_payload(self._db), ensure_ascii=False, separators=(",", ":"))

    def peers(self) -> list[Peer]:
        return keys.list_peers(self._db)

    def trust_key_file(self, path: Path) -> Peer:
        self._require_admin()
        return keys.trust_peer(self._db, keys.read_public_key(path))

    def write_public_key(self, path: Path) -> NodeCard:
        keys.write_public_key(self._db, path)
        return self.identity()

    def export_to(self, folder: Path, peer: str | None = None) -> ExportResult:
        self._require_sync()
        return export_bundle(self._db, folder, self._actor, peer)

    def import_file(self, path: Path) -> ImportResult:
        self._require_sync()
        return import_bundle(self._db, path, self._actor)

    def _require_sync(self) -> None:
        if not (self._actor.can(Permission.EDIT_RECORDS) or self._actor.can(Permission.REVIEW_FILINGS)):
            raise PermissionDenied(f"“{self._actor.name}”的角色为{self._actor.role.label}，不能导出或导入同步包。"
                                   "请用文书、管理员或乡镇审核员账户登录。")

    def _require_admin(self) -> None:
        self._actor.require(Permission.MANAGE_USERS)
