"""Export: everything the peer has not acknowledged, as a signed, encrypted bundle written crash-safely."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from collections.abc import Mapping
from typing import Any, BinaryIO

from models.core.changes import Changed, Entity
from models.core.accounts import Actor
from models.core.errors import DomainError
from models.core.ids import new_id
from models.sync.bundles import ExportResult, bundle_file_name
from models.sync.withheld import TOWNSHIP_WITHHELD, withheld_row
from models.township.reviews import TOWNSHIP_TABLES
from storage.core.audit import append_audit
from storage.core.blobs import blob_path, known_blobs
from storage.core import db as db_module
from storage.core.db import Database
from storage.core.files import atomic_stream
from storage.sync import manifest as mf
from storage.sync.audit_trail import AUDIT, received_audit_seq, write_audit
from storage.sync.container import encrypt_stream
from storage.sync.keys import Identity, my_identity, my_keys, peer_identity, public_keys
from storage.sync.parts import PART_LIMIT, write_parts
from storage.sync.revocation import is_revoked_peer, outgoing_notice, refuse_export_if_revoked_by
from storage.sync.scratch import scratch
from storage.sync.witness import outgoing_head
from storage.core.tracking import now_iso

_BLOB_REF = re.compile(r'"([0-9a-f]{64})"')
_COPY = 1024 * 1024


@dataclass
class _Member:
    """A ZIP member's declared size and hash, and what changes.jsonl held per table."""

    sizes: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_table: dict[str, int] = field(default_factory=dict)
    digests: dict[str, Any] = field(default_factory=dict)
    blobs: set[str] = field(default_factory=set)
    changes: int = 0
    seq_last: int = 0
    audit_since: int = 0
    audit_count: int = 0
    audit_last: int = 0


def outbox_dir(db: Database) -> Path:
    """Sent bundles are kept here, beside the database, until the peer acknowledges them."""
    assert db.path is not None
    return db.path.with_name(db.path.name + ".outbox")


def choose_peer(db: Database, node: str | None) -> Identity:
    if node is not None:
        peer = peer_identity(db, node)
        if peer is None:
            raise DomainError(f"没有登记同步对方“{node}”。请先用 sync trust 导入对方的公钥文件。")
        return peer
    nodes = [row[0] for row in db.conn.execute("SELECT node FROM sync_peers ORDER BY node")]
    if not nodes:
        raise DomainError("还没有配对的乡镇（或村）。请先用 sync trust 导入对方的公钥文件。")
    if len(nodes) > 1:
        raise DomainError(f"有 {len(nodes)} 个同步对方，请用 --peer 指定发给谁：{', '.join(nodes)}")
    peer = peer_identity(db, nodes[0])
    assert peer is not None
    return peer


def export_bundle(db: Database, out_dir: Path, actor: Actor, peer_node: str | None = None,
                  schema_version: int | None = None, part_limit: int = PART_LIMIT) -> ExportResult:
    """Write one bundle for the peer into `out_dir`; read it back and verify before returning.

    `schema_version` defaults to this program's; tests pass an older one to stand for an older village.
    A bundle larger than `part_limit` (2 GiB) is written as numbered parts of at most that size.
    """
    if not out_dir.is_dir():
        raise DomainError(f"找不到文件夹“{out_dir}”。请插好U盘，或指定一个存在的文件夹。")
    peer, me, keys = choose_peer(db, peer_node), my_identity(db), my_keys(db)
    refuse_export_if_revoked_by(db, peer.node, peer.name, me.fingerprint)
    epoch = db.conn.execute("SELECT epoch FROM node").fetchone()[0]
    since, audit_since = _acked_since(db, peer.node, epoch)
    bundle_id = new_id()
    outbox = outbox_dir(db)
    outbox.mkdir(exist_ok=True)
    with scratch(outbox, "export") as work:
        archive = Path(work) / "inner.zip"
        members = _write_archive(db, archive, since, audit_since, lambda m: _manifest(
            db, m, bundle_id, me, peer, epoch, since, schema_version), keys.signing,
            peer.node if me.kind == "township" else None, notice_only=is_revoked_peer(db, peer.node),
            withheld=TOWNSHIP_WITHHELD if peer.kind == "township" and me.kind != "township" else {})
        seq_last = max(members.seq_last, since)
        name = bundle_file_name(me.node, peer.node, datetime.now().strftime("%Y%m%d"), since + 1, seq_last, bundle_id)
        local = outbox / name
        sha, size = _encrypt_to(archive, local, peer)
    parts = _to_stick(local, out_dir, name, sha, size, part_limit)
    _record_sent(db, actor, bundle_id, peer.node, epoch, since, members, seq_last, sha, size, name, local)
    return ExportResult(parts[0] if parts else str(out_dir / name), peer.node, members.changes, len(members.blobs),
                        size, since + 1, seq_last, dict(members.per_table), parts,
                        Changed.one(Entity.SYNC_STATE, bundle_id))


def _to_stick(local: Path, out_dir: Path, name: str, sha: str, size: int, part_limit: int) -> tuple[str, ...]:
    """Copy the bundle (or its parts) to the stick; on any failure nothing is recorded and the local copy goes."""
    try:
        free = shutil.disk_usage(out_dir).free
        if free < size + size // max(1, part_limit) * 1024 + 64 * 1024:
            raise DomainError(f"U盘剩余空间不足：同步包 {_mib(size)}，“{out_dir}”只剩 {_mib(free)}。"
                              "请清理U盘或换一个更大的U盘后重新导出。本机数据没有改动。")
        if size > part_limit:
            return tuple(str(p) for p in write_parts(local, out_dir, name, sha, part_limit))
        _copy_verified(local, out_dir / name, sha)
        return ()
    except OSError as error:
        raise DomainError(f"写入“{out_dir}”失败：{error.strerror or error}。U盘可能已满、写保护或已被拔出。"
                          "请检查U盘后重新导出。本机数据没有改动。") from error
    finally:
        if not (out_dir / name).exists() and not list(out_dir.glob(name.removesuffix(".xybundle") + ".part*")):
            local.unlink(missing_ok=True)  # nothing reached the stick: this export is not recorded either


def _mib(size: int) -> str:
    return f"{size / 1024 ** 2:,.1f} MB"


def _acked_since(db: Database, peer: str, epoch: str) -> tuple[int, int]:
    """What the peer acknowledged of our change log and audit log, for our current epoch only."""
    row = db.conn.execute("SELECT acked_epoch, acked_seq, acked_audit_seq FROM sync_peers WHERE node = ?",
                          (peer,)).fetchone()
    return (int(row[1]), int(row[2])) if row and row[0] == epoch else (0, 0)


def _write_archive(db: Database, archive: Path, since: int, audit_since: int, build_manifest: Any,
                   signing: Any, recipient: str | None, notice_only: bool = False,
                   withheld: Mapping[str, tuple[str, ...]] | None = None) -> _Member:
    """The inner ZIP; to a peer whose key we revoked, only the signed notice (no rows, no audit entries)."""
    members = _Member(audit_since=audit_since, audit_last=audit_since)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        if notice_only:
            zf.writestr(mf.CHANGES, b"")
            members.sizes[mf.CHANGES], members.seq_last = {"sha256": hashlib.sha256(b"").hexdigest(), "size": 0}, since
        else:
            _write_changes(db, zf, since, members, recipient, withheld or {})
            for sha in sorted(members.blobs):
                _write_blob(db, zf, sha, members)
            members.sizes[AUDIT], members.audit_count, members.audit_last = write_audit(db, zf, audit_since)
        body, signature = mf.sign(build_manifest(members), signing)
        zf.writestr(mf.MANIFEST, body)
        zf.writestr(zipfile.ZipInfo(mf.SIGNATURE), signature)
    return members


def _write_changes(db: Database, zf: zipfile.ZipFile, since: int, members: _Member, recipient: str | None,
                   withheld: Mapping[str, tuple[str, ...]]) -> None:
    """changes.jsonl: the latest logged version of every row changed after `since`, in seq order; the `withheld`
    columns blanked (a village's care reasons never go to its township: models/sync/withheld.py, R51).

    A township's reviews and filing decisions go only to the village they answer, never to its neighbours
    (`recipient` set on a township). Anything else, forged rows included, is sent for the receiver to judge.
    """
    blobs = known_blobs(db)
    table_hashes: dict[str, hashlib._Hash] = {}
    digest, size = hashlib.sha256(), 0
    members.seq_last = db.conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
    rows = db.conn.execute(
        "WITH latest AS (SELECT max(seq) AS seq FROM change_log WHERE seq > ? GROUP BY table_name, row_id) "
        "SELECT c.seq, c.table_name, c.row_id, c.hlc, c.row_json FROM change_log c JOIN latest USING(seq) "
        "ORDER BY c.seq", (since,))
    with zf.open(mf.CHANGES, "w", force_zip64=True) as out:
        for seq, table, row_id, hlc, row_json in rows:
            if recipient and table in TOWNSHIP_TABLES and json.loads(row_json).get("village") != recipient:
                continue
            row_json = withheld_row(table, row_json, withheld)
            line = (f'{{"seq":{seq},"table":{json.dumps(table)},"id":{json.dumps(row_id)},'
                    f'"hlc":{json.dumps(hlc)},"row":{row_json}}}\n').encode()
            out.write(line)
            digest.update(line)
            size += len(line)
            members.changes += 1
            members.per_table[table] = members.per_table.get(table, 0) + 1
            table_hashes.setdefault(table, hashlib.sha256()).update(f"{row_id}\t{hlc}\n".encode())
            if blobs and '"' in row_json:
                members.blobs.update(ref for ref in _BLOB_REF.findall(row_json) if ref in blobs)
    members.sizes[mf.CHANGES] = {"sha256": digest.hexdigest(), "size": size}
    members.digests = {table: h.hexdigest() for table, h in table_hashes.items()}


def _write_blob(db: Database, zf: zipfile.ZipFile, sha: str, members: _Member) -> None:
    source = blob_path(db, sha)
    info = zipfile.ZipInfo(f"blobs/{sha}")
    info.compress_type = zipfile.ZIP_STORED  # scans and photos are already compressed
    info.file_size = source.stat().st_size
    digest = hashlib.sha256()
    with source.open("rb") as handle, zf.open(info, "w") as out:
        for block in iter(lambda: handle.read(_COPY), b""):
            digest.update(block)
            out.write(block)
    if digest.hexdigest() != sha:
        raise DomainError(f"附件 {sha[:12]}… 在本机已损坏（内容与编号不符），无法导出。请检查磁盘，或从备份恢复。")
    members.sizes[info.filename] = {"sha256": sha, "size": info.file_size}


def _manifest(db: Database, members: _Member, bundle_id: str, me: Identity, peer: Identity, epoch: str,
              since: int, schema_version: int | None) -> dict[str, Any]:
    version = mf.schema_version() if schema_version is None else schema_version
    acks = [{"node": origin, "epoch": ep, "seq": seq, "audit_seq": received_audit_seq(db, origin, ep)}
            for origin, ep, seq in db.conn.execute(
                "SELECT origin, epoch, seq FROM sync_high_water WHERE origin = ? ORDER BY epoch", (peer.node,))]
    return {"format": mf.FORMAT, "format_version": mf.FORMAT_VERSION, "schema_version": version,
            "min_reader_schema": version, "algorithms": mf.ALGORITHMS, "capabilities": mf.capabilities(),
            "bundle_id": bundle_id, "created_at": now_iso(), "from": me.node, "from_kind": me.kind,
            "from_name": me.name, "from_keys": public_keys(me), "to": peer.node, "origin_epoch": epoch, "since": since,
            "clock_ms": db_module._now_ms(),
            "seq_first": since + 1, "seq_last": max(members.seq_last, since), "ack": acks,
            "audit_since": members.audit_since, "audit_last": members.audit_last,
            "counts": {"changes": members.changes, "blobs": len(members.blobs), "audit": members.audit_count,
                       "per_table": members.per_table},
            "members": members.sizes, "table_digests": members.digests,
            **({"audit_head": head} if (head := outgoing_head(db)) else {}),
            **({"revocation": notice} if (notice := outgoing_notice(db, peer.node)) else {})}


def _encrypt_to(archive: Path, target: Path, peer: Identity) -> tuple[str, int]:
    with archive.open("rb") as source, atomic_stream(target, 0o600) as raw:
        hashing = _HashingWriter(raw)
        encrypt_stream(source, hashing, peer.digest, peer.encryption_public_key)
    return hashing.digest.hexdigest(), hashing.size


def _copy_verified(local: Path, target: Path, sha: str) -> None:
    """Temp name, fsync, rename, then read the stick's copy back: only a whole bundle ever looks whole."""
    with local.open("rb") as source, atomic_stream(target, 0o600) as out:
        shutil.copyfileobj(source, out, _COPY)
    if file_sha256(target) != sha:
        target.unlink(missing_ok=True)
        raise DomainError(f"写入“{target}”后读回校验不一致，U盘可能有问题。文件已删除，请换一个U盘重试。")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_COPY), b""):
            digest.update(block)
    return digest.hexdigest()


def _record_sent(db: Database, actor: Actor, bundle_id: str, peer: str, epoch: str, since: int,
                 members: _Member, seq_last: int, sha: str, size: int, name: str, local: Path) -> None:
    with db.atomic():
        db.execute("INSERT INTO sync_bundles_sent(bundle_id, recipient, epoch, since, seq_first, seq_last, changes, "
                   "attachments, bytes, sha256, file_name, local_copy, created_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   [bundle_id, peer, epoch, since, since + 1, seq_last, members.changes, len(members.blobs),
                    size, sha, name, str(local), now_iso()])
        append_audit(db, actor, "sync_export", "sync_bundles_sent", bundle_id,
                     f"导出同步包给 {peer}：{members.changes} 条变更，{len(members.blobs)} 个附件，{name}")


class _HashingWriter:
    """A write-only file wrapper that hashes and counts what passes through."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw, self.digest, self.size = raw, hashlib.sha256(), 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self._raw.write(data)
