"""A village's first bundle, signed by a key not yet confirmed: held unapplied, listed, imported once confirmed."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from models.core.accounts import Actor
from models.core.errors import DomainError
from models.core.ids import new_id
from models.sync.bundles import BundleRefused, HeldBundle, ImportFlag, ImportResult, Peer, normalise_fingerprint
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.core.files import atomic_stream
from storage.sync.keys import Identity, _b64, _unb64, trust_peer
from storage.sync.verify import SignerUnconfirmed

if TYPE_CHECKING:
    from storage.sync.importer import ReturnsFor
from storage.core.tracking import now_iso

_COLUMNS = "bundle_id, sender, name, fingerprint, since, seq_last, changes, file_name, received_at"


def held_dir(db: Database) -> Path:
    assert db.path is not None
    return db.path.with_name(db.path.name + ".inbox") / "held"


def hold_bundle(db: Database, source: Path, file_name: str, unconfirmed: SignerUnconfirmed,
                actor: Actor) -> ImportResult:
    """Keep the (still encrypted, parts joined) bundle beside the database and record whose key it carries."""
    manifest, identity = unconfirmed.manifest, unconfirmed.identity
    target = held_dir(db) / f"{new_id()}.xybundle"  # our own id: no name we write comes from a bundle
    _copy(source, target, file_name)
    with db.atomic():
        db.execute("INSERT OR IGNORE INTO sync_held_bundles(bundle_id, sender, kind, name, signing_public_key, "
                   "encryption_public_key, fingerprint, since, seq_last, changes, file, file_name, received_at) "
                   "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   [manifest["bundle_id"], identity.node, identity.kind, identity.name,
                    _b64(identity.signing_public_key), _b64(identity.encryption_public_key), identity.fingerprint,
                    manifest["since"], manifest["seq_last"], manifest["counts"]["changes"], str(target),
                    file_name, now_iso()])
        append_audit(db, actor, "sync_hold", "sync_held_bundles", manifest["bundle_id"],
                     f"暂存 {identity.name}（{identity.node}）的同步包 {file_name}：密钥指纹 {identity.fingerprint} "
                     "尚未确认")
    return ImportResult(manifest["bundle_id"], identity.node, 0, 0, 0, 0, 0, (ImportFlag.HELD,),
                        fingerprint=identity.fingerprint)


def _copy(source: Path, target: Path, file_name: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with source.open("rb") as bundle, atomic_stream(target, 0o600) as out:
            shutil.copyfileobj(bundle, out, 1 << 20)
    except OSError as error:
        raise BundleRefused(f"无法暂存同步包“{file_name}”：{error.strerror}。请检查磁盘空间后重试。未作任何更改。") \
            from error


def pending(db: Database) -> list[HeldBundle]:
    rows = db.conn.execute(f"SELECT {_COLUMNS} FROM sync_held_bundles ORDER BY received_at, since").fetchall()
    return [HeldBundle(*row) for row in rows]


def accept(db: Database, typed: str, actor: Actor, returns_for: ReturnsFor) -> tuple[Peer, list[ImportResult]]:
    """Trust the key whose fingerprint the reviewer confirmed, then verify and import its held bundles in order."""
    from storage.sync.importer import import_bundle

    fingerprint = normalise_fingerprint(typed)
    rows = db.conn.execute("SELECT bundle_id, sender, kind, name, signing_public_key, encryption_public_key, file, "
                           "file_name FROM sync_held_bundles WHERE fingerprint = ? ORDER BY since, seq_last",
                           (fingerprint,)).fetchall()
    if not rows:
        raise BundleRefused(_no_match(db, fingerprint))
    peer = trust_peer(db, Identity(rows[0][1], rows[0][2], rows[0][3], _unb64(rows[0][4]), _unb64(rows[0][5])))
    results = []
    for bundle_id, *_, file, file_name in rows:
        try:
            results.append(import_bundle(db, Path(file), actor, returns_for))
        except DomainError as error:
            raise DomainError(f"已确认并信任“{peer.name}”的密钥，但暂存的同步包 {file_name} 未能导入：{error.message}") \
                from error
        _forget(db, bundle_id, Path(file))
    return peer, results


def discard(db: Database, typed: str, actor: Actor) -> list[HeldBundle]:
    """Drop every held bundle of the key with this fingerprint (an impostor's, or a stick that went astray).

    Nothing is trusted and nothing applied; the held copies are deleted after the commit. A real village loses
    nothing: it never got a receipt, so its next bundle carries everything again.
    """
    fingerprint = normalise_fingerprint(typed)
    dropped = [h for h in pending(db) if h.fingerprint == fingerprint]
    if not dropped:
        raise BundleRefused(_no_match(db, fingerprint, "未丢弃任何同步包"))
    files = [row[0] for row in db.conn.execute("SELECT file FROM sync_held_bundles WHERE fingerprint = ?",
                                               (fingerprint,))]
    with db.atomic():
        for held_bundle in dropped:
            db.execute("DELETE FROM sync_held_bundles WHERE bundle_id = ?", [held_bundle.bundle])
            append_audit(db, actor, "sync_discard", "sync_held_bundles", held_bundle.bundle,
                         f"丢弃暂存的同步包 {held_bundle.file_name}：来自 {held_bundle.name}（{held_bundle.sender}），"
                         f"密钥指纹 {fingerprint} 未被接受")
    for file in files:
        Path(file).unlink(missing_ok=True)
    return dropped


def _no_match(db: Database, fingerprint: str, outcome: str = "未信任任何密钥") -> str:
    waiting = "；".join(f"{h.name}（{h.sender}）" for h in pending(db)) or "没有"
    return (f"指纹“{fingerprint}”与暂存的同步包都不符，{outcome}，未作任何更改。等待确认的：{waiting}。"
            "请对着村里电脑“同步”页上的指纹逐组重新核对；如确实不一致，可能有人冒充，不要接受。")


def _forget(db: Database, bundle_id: str, file: Path) -> None:
    with db.atomic():
        db.execute("DELETE FROM sync_held_bundles WHERE bundle_id = ?", [bundle_id])
    file.unlink(missing_ok=True)
