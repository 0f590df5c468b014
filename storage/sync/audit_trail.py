"""Audit entries in bundles: ours go out after the peer's acknowledged audit seq; theirs are chain-checked and kept."""
from __future__ import annotations

import hashlib
import json
import zipfile
from typing import Any

from models.core.audit import AuditEntry, chain_hash
from models.core.errors import DomainError
from models.sync.bundles import BundleRefused, PeerAuditEntry
from storage.core.db import Database
from storage.sync.verify import MAX_LINE, bounded_lines

AUDIT = "audit.jsonl"
_FIELDS = ("seq", "id", "at", "actor_id", "actor_name", "action", "table_name", "row_id", "summary")


def write_audit(db: Database, zf: zipfile.ZipFile, since: int) -> tuple[dict[str, Any], int, int]:
    """Write entries with seq > `since`; returns (member spec, count, last seq)."""
    digest, size, count, last = hashlib.sha256(), 0, 0, since
    rows = db.conn.execute(f"SELECT {', '.join(_FIELDS)}, previous_hash, hash FROM audit_log WHERE seq > ? "
                           "ORDER BY seq", (since,))
    with zf.open(AUDIT, "w", force_zip64=True) as out:
        for row in rows:
            line = (json.dumps(dict(zip((*_FIELDS, "previous_hash", "hash"), row)), ensure_ascii=False,
                               sort_keys=True) + "\n").encode("utf-8")
            out.write(line)
            digest.update(line)
            size, count, last = size + len(line), count + 1, row[0]
    return {"sha256": digest.hexdigest(), "size": size}, count, last


def apply_audit(db: Database, zf: zipfile.ZipFile, manifest: dict[str, Any]) -> int:
    """Keep the sender's entries; each must hash correctly and chain to the one before it."""
    if AUDIT not in manifest["members"]:
        return 0
    previous: tuple[int, str] | None = None
    kept = 0
    with zf.open(AUDIT) as handle:
        for line in bounded_lines(handle, MAX_LINE, "审计记录"):
            entry = _entry(line)
            if previous is not None and entry["seq"] == previous[0] + 1 and entry["previous_hash"] != previous[1]:
                raise BundleRefused("同步包里的审计记录前后不衔接（可能被改动）。请让对方重新导出。未作任何更改。")
            previous = (entry["seq"], entry["hash"])
            kept += _store(db, manifest, entry)
    return kept


def _entry(line: bytes) -> dict[str, Any]:
    try:
        entry: dict[str, Any] = json.loads(line)
        if not _typed(entry):
            raise TypeError("audit entry fields of the wrong type")
        valid = chain_hash(entry["previous_hash"], AuditEntry(*(entry[f] for f in _FIELDS))) == entry["hash"]
    except (ValueError, KeyError, TypeError, RecursionError) as error:
        raise BundleRefused("同步包里的审计记录格式不对。请让对方重新导出。未作任何更改。") from error
    if not valid:
        raise BundleRefused("同步包里的审计记录与哈希不符（可能被改动）。请让对方重新导出。未作任何更改。")
    return entry


def _typed(entry: object) -> bool:
    """A peer's entry as our schema stores it (seq an integer, the rest text), so it hashes the same once kept."""
    return (isinstance(entry, dict) and isinstance(entry.get("seq"), int) and not isinstance(entry["seq"], bool)
            and 0 < entry["seq"] < 2 ** 53
            and all(isinstance(entry.get(f), str) for f in (*_FIELDS[1:], "previous_hash", "hash")))


def _store(db: Database, manifest: dict[str, Any], entry: dict[str, Any]) -> int:
    kept = db.conn.execute("SELECT hash FROM sync_peer_audit WHERE origin = ? AND epoch = ? AND seq = ?",
                           (manifest["from"], manifest["origin_epoch"], entry["seq"])).fetchone()
    if kept is not None and kept[0] != entry["hash"]:  # the township is the witness of the village's chain
        raise BundleRefused(f"对方审计日志第 {entry['seq']} 条与本机以前收到的不一致：对方电脑上的操作记录被删除或"
                            "改写过。请联系对方核实。未作任何更改。")
    cursor = db.execute(
        f"INSERT INTO sync_peer_audit(origin, epoch, {', '.join(_FIELDS)}, previous_hash, hash) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(origin, epoch, seq) DO NOTHING",
        [manifest["from"], manifest["origin_epoch"], *(entry[f] for f in _FIELDS), entry["previous_hash"],
         entry["hash"]])
    return cursor.rowcount


def received_audit_seq(db: Database, origin: str, epoch: str) -> int:
    row = db.conn.execute("SELECT coalesce(max(seq), 0) FROM sync_peer_audit WHERE origin = ? AND epoch = ?",
                          (origin, epoch)).fetchone()
    return int(row[0])


def peer_audit(db: Database, origin: str | None = None, limit: int = 1000, offset: int = 0) -> list[PeerAuditEntry]:
    """Audit entries received from peers, newest first (by the sender's clock); one peer's when `origin` is given;
    `limit` of them from the `offset`-th. The order is total (origin and epoch break a tie of time and seq between
    two villages), so pages read one after another neither repeat nor skip an entry; m097's index gives it without
    sorting the township's whole table (30 villages' years of entries)."""
    # `+` keeps SQLite off the primary key for one peer (it would sort all that peer's entries): the newest-first
    # index is walked instead, its origin column skipping the other villages' entries without reading their rows
    where, params = ("WHERE +a.origin = ?", [origin]) if origin else ("", [])
    rows = db.conn.execute(
        "SELECT a.origin, coalesce(p.name, ''), a.epoch, a.seq, a.at, a.actor_name, a.action, a.table_name, "
        f"a.row_id, a.summary FROM sync_peer_audit a LEFT JOIN sync_peers p ON p.node = a.origin {where} "
        "ORDER BY a.at DESC, a.seq DESC, a.origin DESC, a.epoch DESC LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    return [PeerAuditEntry(*row) for row in rows]


def resolve_peer(db: Database, peer: str) -> str:
    """A trusted peer's node id, given its node id or its name; refused (listing the peers) when unknown."""
    rows = db.conn.execute("SELECT node, name FROM sync_peers ORDER BY name").fetchall()
    matches: list[str] = [node for node, name in rows if peer in (node, name)]
    if len(matches) != 1:
        known = "、".join(f"{name}（{node}）" for node, name in rows) or "没有"
        raise DomainError(f"没有名称或节点编号为“{peer}”的同步对方。已配对的：{known}。")
    return matches[0]
