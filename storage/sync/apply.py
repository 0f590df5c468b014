"""The import transaction: skip what is held, quarantine what the signer does not own, upsert the rest."""
from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from typing import Any, Callable

from models.core.hlc import Hlc, is_ahead
from models.sync.bundles import RowDecision, decide_row
from models.sync.touched import Touched
from models.township.reviews import TOWNSHIP_TABLES
from storage.core.attachment_legacy import LEGACY_TABLES, attachment_row
from storage.core.blobs import record_blob
from storage.core import db as db_module
from storage.core.db import Database
from storage.migrations import migrations
from storage.sync import manifest as mf
from storage.sync.verify import iter_changes
from storage.core.tracking import now_iso, synced_tables

Adapter = Callable[[str, dict[str, Any]], tuple[str, dict[str, Any]]]


def _one_attachments_table(table: str, row: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """m074: a peer still on an older version sends meeting_attachments / workflow_attachments / list_evidence."""
    return ("attachments", attachment_row(table, row)) if table in LEGACY_TABLES else (table, row)


def _schema_before(migration: str) -> int:
    """The schema version (number of migrations) of a program that did not have `migration` yet."""
    return next(n for n, step in enumerate(migrations.steps) if step.name == migration)


# Per-version adapters (DESIGN §3): ADAPTERS[n] turns a (table, row) of schema n into schema n + 1. Columns added
# since then simply take their defaults; a table that was merged into another needs one.
ADAPTERS: dict[int, Adapter] = {_schema_before("m074_one_attachments_table"): _one_attachments_table}


@dataclass
class Tally:
    applied: int = 0
    skipped: int = 0
    stale: int = 0
    quarantined: int = 0
    max_hlc: str = ""
    per_table: dict[str, int] = field(default_factory=dict)
    touched: Touched = field(default_factory=Touched)  # the records of the applied rows, for the screens


def apply_changes(db: Database, zf: zipfile.ZipFile, manifest: dict[str, Any], high_water: int,
                  my_schema: int) -> Tally:
    """Apply every change after `high_water`. Runs inside the caller's transaction."""
    tally, signer, bundle_id = Tally(), manifest["from"], manifest["bundle_id"]
    tables = set(synced_tables(db))
    columns: dict[str, set[str]] = {}
    signer_is_township = peer_kind(db, signer) == "township"
    now_ms = db_module._now_ms()
    for _, change in iter_changes(zf, manifest["members"][mf.CHANGES]["size"]):
        if change["seq"] <= high_water:
            tally.skipped += 1
            continue
        table, row = _adapt(change["table"], change["row"], manifest["schema_version"], my_schema)
        if table not in tables:
            _quarantine(db, bundle_id, signer, table, row, "本机没有这张表")
            tally.quarantined += 1
            continue
        if table in TOWNSHIP_TABLES and not signer_is_township:
            _quarantine(db, bundle_id, signer, table, row, "只有乡镇可以写入审查和备案记录")
            tally.quarantined += 1
            continue
        if is_ahead(Hlc.decode(row["hlc"]), now_ms):
            _quarantine(db, bundle_id, signer, table, row, "时间戳比本机时钟超前 24 小时以上（对方电脑时钟可能不对）")
            tally.quarantined += 1
            continue
        if table not in columns:
            columns[table] = {r[1] for r in db.conn.execute(f"PRAGMA table_info({table})")}
        _apply_one(db, table, row, columns[table], signer, bundle_id, tally)
    return tally


def ownership_reason(signer: str, owner: str) -> str:
    return "发送方不是这条记录的所有者" if owner != signer else "这条记录属于另一方"


def peer_kind(db: Database, node: str) -> str:
    row = db.conn.execute("SELECT kind FROM sync_peers WHERE node = ?", (node,)).fetchone()
    return "" if row is None else str(row[0])


def _adapt(table: str, row: dict[str, Any], from_schema: int, to_schema: int) -> tuple[str, dict[str, Any]]:
    for version in range(from_schema, to_schema):
        if version in ADAPTERS:
            table, row = ADAPTERS[version](table, row)
    return table, row


def _apply_one(db: Database, table: str, row: dict[str, Any], known: set[str], signer: str, bundle_id: str,
               tally: Tally) -> None:
    existing = db.conn.execute(f"SELECT owner, hlc FROM {table} WHERE id = ?", (row["id"],)).fetchone()
    decision = decide_row(signer, row["owner"], row["hlc"], *(existing or (None, None)))
    if decision is RowDecision.QUARANTINE:
        _quarantine(db, bundle_id, signer, table, row, ownership_reason(signer, row["owner"]))
        tally.quarantined += 1
        return
    if decision is RowDecision.SKIP:
        tally.skipped += 1
        tally.stale += row["hlc"] < existing[1]
        return
    write_row(db, table, row, known, existing is not None)
    tally.applied += 1
    tally.per_table[table] = tally.per_table.get(table, 0) + 1
    tally.touched.add(table, row)
    tally.max_hlc = max(tally.max_hlc, row["hlc"])


def write_row(db: Database, table: str, row: dict[str, Any], known: set[str], exists: bool) -> None:
    """INSERT a new row or UPDATE an older one (never INSERT OR REPLACE); unknown columns kept beside it."""
    values = {k: v for k, v in row.items() if k in known}
    names = list(values)
    if not exists:
        db.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                   list(values.values()))
    else:
        sets = ", ".join(f"{name} = ?" for name in names if name != "id")
        db.execute(f"UPDATE {table} SET {sets} WHERE id = ? AND hlc < ?",
                   [values[n] for n in names if n != "id"] + [row["id"], row["hlc"]])
    _keep_unknown_columns(db, table, row, known)
    # The version applied, for `check` (storage/core/data_checks.py): no local change-log entry covers it.
    db.execute("INSERT INTO sync_row_versions(table_name, row_id, hlc, row_json) VALUES(?,?,?,?) "
               "ON CONFLICT(table_name, row_id) DO UPDATE SET hlc = excluded.hlc, row_json = excluded.row_json",
               [table, row["id"], row["hlc"], json.dumps(values, ensure_ascii=False)])


def _keep_unknown_columns(db: Database, table: str, row: dict[str, Any], known: set[str]) -> None:
    """Columns this program does not have are kept beside the row, not dropped (DESIGN §3)."""
    extra = {k: v for k, v in row.items() if k not in known}
    if extra:
        db.execute("INSERT INTO sync_extra_columns(table_name, row_id, hlc, columns_json) VALUES(?,?,?,?) "
                   "ON CONFLICT(table_name, row_id) DO UPDATE SET hlc = excluded.hlc, "
                   "columns_json = excluded.columns_json",
                   [table, row["id"], row["hlc"], json.dumps(extra, ensure_ascii=False, sort_keys=True)])


def _quarantine(db: Database, bundle_id: str, signer: str, table: str, row: dict[str, Any], reason: str) -> None:
    db.execute("INSERT INTO sync_quarantine(bundle_id, table_name, row_id, owner, signer, hlc, row_json, reason, "
               "received_at) VALUES(?,?,?,?,?,?,?,?,?)",
               [bundle_id, table, str(row.get("id")), str(row.get("owner")), signer, str(row.get("hlc")),
                json.dumps(row, ensure_ascii=False), reason, now_iso()])


def record_blobs(db: Database, manifest: dict[str, Any]) -> int:
    blobs = [(name[6:], spec["size"]) for name, spec in manifest["members"].items() if name.startswith("blobs/")]
    for sha, size in blobs:
        record_blob(db, sha, size)
    return len(blobs)


def observe(db: Database, tally: Tally) -> None:
    if tally.max_hlc:
        Hlc.decode(tally.max_hlc)
        db.observe_hlc(tally.max_hlc)
