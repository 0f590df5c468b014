"""The peer's signed audit head, carried in every bundle: an external witness of how far its chain had reached.

A village that cuts the tail of its own audit log (and drops its `audit_head`) can fool its own `check`, but not
the township: the township kept the signed head of every earlier bundle, and a later bundle of the same epoch
whose head does not match the entries (or the head) it already holds for that seq is refused: a chain cut
and written on again cannot reproduce the hashes the township keeps.
"""
from __future__ import annotations

import base64
import json
from typing import Any

from models.sync.bundles import BundleRefused
from storage.core.audit_anchor import HEAD_KEY, Head, head_valid, parse_head
from storage.core.db import Database
from storage.sync.keys import peer_identity

_WITNESS = "audit_witness:"
_REWRITTEN = ("对方审计日志第 {0} 条与本机收到过的不一致：对方电脑上的操作记录被删除或改写过。请联系对方核实。"
              "未作任何更改。")


def outgoing_head(db: Database) -> dict[str, Any] | None:
    """Our signed head for the manifest (None before the first signed entry, or for a head of the old form)."""
    try:
        head = parse_head(db.meta(HEAD_KEY))
    except ValueError:
        return None
    if head is None or head.count is None:
        return None
    return {"seq": head.seq, "hash": head.entry_hash, "count": head.count, "rows": head.rows or "",
            "signature": base64.b64encode(head.signature).decode("ascii")}


def witness(db: Database, manifest: dict[str, Any]) -> None:
    """Check the sender's head against what we hold and keep it; run inside the import transaction."""
    carried = manifest.get("audit_head")
    if carried is None:
        return  # an older sender
    sender, epoch = manifest["from"], manifest["origin_epoch"]
    head = Head(carried["seq"], carried["hash"], carried["count"], base64.b64decode(carried["signature"]),
                carried["rows"])
    peer = peer_identity(db, sender)
    if peer is None or not head_valid(peer.signing_public_key, sender, head):
        raise BundleRefused("同步包里对方审计日志的签名不对。请让对方重新导出。未作任何更改。")
    kept = witnessed(db, sender)
    if kept and kept["epoch"] == epoch and kept["seq"] == head.seq and kept["hash"] != head.entry_hash:
        raise BundleRefused(_REWRITTEN.format(head.seq))
    row = db.conn.execute("SELECT hash FROM sync_peer_audit WHERE origin = ? AND epoch = ? AND seq = ?",
                          (sender, epoch, head.seq)).fetchone()
    if row is not None and row[0] != head.entry_hash:
        raise BundleRefused(_REWRITTEN.format(head.seq))
    if not kept or kept["epoch"] != epoch or kept["seq"] < head.seq:  # bundles may arrive out of order
        db.set_meta(_WITNESS + sender, json.dumps({"epoch": epoch, **carried}, sort_keys=True))


def witnessed(db: Database, sender: str) -> dict[str, Any] | None:
    """The last signed head we received from `sender` (with its epoch), or None."""
    text = db.meta(_WITNESS + sender)
    return None if text is None else dict(json.loads(text))
