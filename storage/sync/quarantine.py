"""Quarantined rows (隔离记录): listed, released (applied, after the import's own checks) or discarded."""
from __future__ import annotations

import json
from storage.core.driver import sqlite as sqlite3
from typing import TYPE_CHECKING, Any

from models.core.accounts import Actor
from models.core.errors import DomainError, NotFound
from models.sync.bundles import QuarantinedRow, RowDecision, decide_row, node_label
from models.township.reviews import TOWNSHIP_TABLES
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.sync import keys
from storage.sync.apply import ownership_reason, peer_kind, write_row
from storage.core.tracking import now_iso, synced_tables

if TYPE_CHECKING:
    from storage.sync.importer import ReturnsFor

_COLUMNS = "bundle_id, table_name, row_id, owner, signer, reason, received_at"


def quarantined_rows(db: Database, limit: int = 1000) -> list[QuarantinedRow]:
    """The open quarantined rows, newest first: what arrived, from whom, and why it was kept aside."""
    rows = db.conn.execute(f"SELECT {_COLUMNS}, id FROM sync_quarantine WHERE resolution = '' "
                           "ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
    names = _names(db)
    return [_quarantined(row, names) for row in rows]


def _quarantined(row: tuple[Any, ...], names: dict[str, str]) -> QuarantinedRow:
    """A row of `_COLUMNS, id`, with the names this installation knows for its owner and signer."""
    bundle, table, row_id, owner, signer, reason, received_at, entry_id = row[:8]
    return QuarantinedRow(bundle, table, row_id, owner, signer, reason, received_at, names.get(owner, ""),
                          names.get(signer, ""), entry_id)


def _names(db: Database) -> dict[str, str]:
    me = keys.my_identity(db)
    return {peer.node: peer.name for peer in keys.list_peers(db)} | {me.node: me.name}


def release(db: Database, entry_id: int, actor: Actor, returns_for: ReturnsFor) -> QuarantinedRow:
    """Apply the row if the reason it was kept aside no longer holds; else refuse, naming the reason that does."""
    with db.atomic():
        entry, row = _open_entry(db, entry_id)
        blocker = still_blocked(db, entry, row)
        if blocker:
            raise DomainError(f"隔离记录 {entry_id} 仍不能放行：{blocker}。未作任何更改。"
                              "如确认不需要这条记录，可以丢弃它。")
        _write(db, entry, row)
        _resolve(db, entry_id, "released", actor)
        append_audit(db, actor, "sync_release", entry.table, entry.row_id,
                     f"放行隔离记录 {entry_id}：{entry.table} {entry.row_id}，来自 "
                     f"{node_label(entry.signer, entry.signer_name)}（隔离原因：{entry.reason}）")
        if entry.table == "township_filing_decisions":
            from storage.sync.importer import act_on_township_decisions

            act_on_township_decisions(db, actor, returns_for)
    return entry


def discard(db: Database, entry_id: int, actor: Actor) -> QuarantinedRow:
    """Mark the row discarded (it stays, as evidence, but is no longer listed); nothing is applied."""
    with db.atomic():
        entry, _ = _open_entry(db, entry_id)
        _resolve(db, entry_id, "discarded", actor)
        append_audit(db, actor, "sync_quarantine_discard", entry.table, entry.row_id,
                     f"丢弃隔离记录 {entry_id}：{entry.table} {entry.row_id}，来自 "
                     f"{node_label(entry.signer, entry.signer_name)}（隔离原因：{entry.reason}），未写入")
    return entry


def row_of(db: Database, entry_id: int) -> dict[str, Any]:
    """The row as it arrived (to say what its release changed)."""
    found = db.conn.execute("SELECT row_json FROM sync_quarantine WHERE id = ?", (entry_id,)).fetchone()
    if found is None:
        raise NotFound(f"没有编号为 {entry_id} 的隔离记录。请用 sync quarantine list 查看现有的编号。")
    return dict(json.loads(found[0]))


def still_blocked(db: Database, entry: QuarantinedRow, row: dict[str, Any]) -> str:
    """The import's checks, in its order, against the database as it is now; "" when the row may be applied."""
    if entry.table not in synced_tables(db):
        return f"本机仍然没有“{entry.table}”这张表（请先把乡约升级到能识别它的版本）"
    kind = peer_kind(db, entry.signer)
    if not kind:
        return "发送方不是已信任的同步对方"
    if entry.table in TOWNSHIP_TABLES and kind != "township":
        return "只有乡镇可以写入审查和备案记录"
    existing = db.conn.execute(f"SELECT owner, hlc FROM {entry.table} WHERE id = ?", (entry.row_id,)).fetchone()
    decision = decide_row(entry.signer, str(row.get("owner")), str(row.get("hlc")), *(existing or (None, None)))
    if decision is RowDecision.QUARANTINE:
        return ownership_reason(entry.signer, str(row.get("owner")))
    if decision is RowDecision.SKIP:
        return "本机已有这条记录相同或更新的版本，放行不会改变任何数据"
    return ""


def _open_entry(db: Database, entry_id: int) -> tuple[QuarantinedRow, dict[str, Any]]:
    found = db.conn.execute(f"SELECT {_COLUMNS}, id, resolution, row_json FROM sync_quarantine WHERE id = ?",
                            (entry_id,)).fetchone()
    if found is None:
        raise NotFound(f"没有编号为 {entry_id} 的隔离记录。请用 sync quarantine list 查看现有的编号。")
    if found[8]:
        done = "放行" if found[8] == "released" else "丢弃"
        raise DomainError(f"隔离记录 {entry_id} 已经{done}过了，未作任何更改。")
    names = _names(db)
    entry = _quarantined(found, names)
    return entry, json.loads(found[9])


def _write(db: Database, entry: QuarantinedRow, row: dict[str, Any]) -> None:
    """Written as the import writes: change-log triggers silent (it is the peer's row), hlc observed."""
    known = {r[1] for r in db.conn.execute(f"PRAGMA table_info({entry.table})")}
    exists = db.conn.execute(f"SELECT 1 FROM {entry.table} WHERE id = ?", (entry.row_id,)).fetchone() is not None
    db.execute("INSERT INTO sync_applying(bundle_id) VALUES(?)", [entry.bundle])
    try:
        write_row(db, entry.table, row, known, exists)
    except sqlite3.IntegrityError as error:
        raise DomainError(f"隔离记录 {entry.row_id} 缺少本机这张表必需的内容（{error}），不能放行。"
                          "可以丢弃它，请对方用新版本重新导出。") from error
    finally:
        db.execute("DELETE FROM sync_applying")
    db.observe_hlc(str(row["hlc"]))


def _resolve(db: Database, entry_id: int, resolution: str, actor: Actor) -> None:
    db.execute("UPDATE sync_quarantine SET resolution = ?, resolved_at = ?, resolved_by = ? WHERE id = ?",
               [resolution, now_iso(), actor.name, entry_id])
