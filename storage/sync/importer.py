"""Import, all or nothing, in DESIGN §3's order: verify everything, write blobs, then one transaction."""
from __future__ import annotations

import json
from storage.core.driver import sqlite as sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.hlc import MAX_SKEW_MS
from models.sync.bundles import BundleRefused, ImportFlag, ImportResult, check_since
from models.sync.ports import TownshipReturns
from storage.core import db as db_module
from storage.core.audit import append_audit
from storage.core.backups import backup_dir_for, pre_import_backup_if_due
from storage.core.blobs import write_blob
from storage.core.db import Database
from storage.sync import manifest as mf
from storage.sync.audit_trail import apply_audit
from storage.sync.apply import Tally, apply_changes, observe, record_blobs
from storage.sync.keys import my_identity
from storage.sync.held import hold_bundle
from storage.sync.parts import whole_name
from storage.sync.revocation import receive_notice
from storage.sync.scratch import LEGACY_STALE_SECONDS, scratch, sweep
from storage.sync.verify import SignerUnconfirmed, decrypt_to, open_verified
from storage.sync.witness import witness
from storage.core.tracking import now_iso


STALE_SECONDS = LEGACY_STALE_SECONDS


class _AlreadyImported(Exception):
    """Raised inside the transaction when another import recorded the bundle first."""


def inbox_dir(db: Database) -> Path:
    assert db.path is not None
    return db.path.with_name(db.path.name + ".inbox")


ReturnsFor = Callable[[Database, Actor], TownshipReturns]  # given by the composition root (storage/core/backend.py)


def import_bundle(db: Database, bundle: Path, actor: Actor, returns_for: ReturnsFor) -> ImportResult:
    """Verify and apply one bundle; raise BundleRefused (nothing written) if anything is wrong.

    `returns_for` gives, for this connection, what acts on a township's 退回修改 in the import's transaction."""
    if not bundle.is_file():
        raise BundleRefused(f"找不到同步包“{bundle}”。请检查U盘和文件名。")
    me, schema = my_identity(db), mf.schema_version()
    assert db.path is not None
    sweep(db.path)
    with scratch(inbox_dir(db), "import") as work:
        local, archive = decrypt_to(db, bundle, Path(work), me)
        try:
            zf, manifest = open_verified(db, archive, me, schema)
        except SignerUnconfirmed as unconfirmed:  # a village's first bundle: held until its key is confirmed
            return hold_bundle(db, local, whole_name(bundle), unconfirmed, actor)
        local.unlink()
        with zf:
            if _already(db, manifest["bundle_id"]):
                return _replayed(manifest)
            check_since(int(manifest["since"]), _high_water(db, manifest))
            for name in manifest["members"]:
                if name.startswith("blobs/"):
                    with zf.open(name) as source:  # idempotent by hash, so before the transaction
                        write_blob(db, name[6:], source)
            assert db.path is not None  # as in inbox_dir: bundles are imported into a file database only
            pre_import_backup_if_due(db, backup_dir_for(db.path))
            try:
                return _transaction(db, zf, manifest, me.node, schema, whole_name(bundle), actor, returns_for)
            except _AlreadyImported:
                return _replayed(manifest)
            except (sqlite3.IntegrityError, sqlite3.InterfaceError, OverflowError) as error:
                raise BundleRefused(_violation(error)) from error
            except sqlite3.OperationalError as error:
                if "full" in str(error):
                    raise DomainError("磁盘已满，导入已全部撤销，数据库没有任何改动。请清理磁盘空间后重新导入。") from error
                raise


def _violation(error: Exception) -> str:
    """A row the database refuses (NOT NULL, foreign key, CHECK): the whole import was rolled back."""
    return (f"同步包里有记录不符合本机数据库的约束（{error}），导入已全部撤销，数据库没有任何改动。"
            "请让对方检查数据后重新导出。")


def _transaction(db: Database, zf: zipfile.ZipFile, manifest: dict[str, Any], me: str, schema: int,
                 file_name: str, actor: Actor, returns_for: ReturnsFor) -> ImportResult:
    with db.atomic():
        if _already(db, manifest["bundle_id"]):  # a concurrent import won the write lock first
            raise _AlreadyImported()
        high_water = _high_water(db, manifest)
        check_since(int(manifest["since"]), high_water)
        db.execute("INSERT INTO sync_applying(bundle_id) VALUES(?)", [manifest["bundle_id"]])
        tally = apply_changes(db, zf, manifest, high_water, schema)
        apply_audit(db, zf, manifest)
        witness(db, manifest)
        observe(db, tally)
        attachments = record_blobs(db, manifest)
        flags = _flags(db, manifest, tally)
        if receive_notice(db, manifest, my_identity(db).fingerprint, me):
            flags += (ImportFlag.KEY_REVOKED,)
        _bookkeeping(db, manifest, me, high_water, tally, flags, file_name)
        append_audit(db, actor, "sync_import", "sync_bundles_received", manifest["bundle_id"],
                     f"导入 {manifest['from']} 的同步包 {file_name}：写入 {tally.applied}，跳过 {tally.skipped}，"
                     f"隔离 {tally.quarantined}")
        db.execute("DELETE FROM sync_applying")
        if tally.per_table.get("township_filing_decisions"):  # after sync_applying: these are our own writes
            act_on_township_decisions(db, actor, returns_for)
    _drop_acknowledged(db)
    if attachments:  # a file that arrives after its row changes what the row's panel can open
        tally.touched.add_kind(Entity.ATTACHMENT)
    return ImportResult(manifest["bundle_id"], manifest["from"], tally.applied, tally.skipped,
                        tally.quarantined + tally.stale, tally.quarantined, attachments, flags, tally.per_table,
                        changed=tally.touched.changed(Changed.one(Entity.SYNC_STATE, manifest["bundle_id"])))


def act_on_township_decisions(db: Database, actor: Actor, returns_for: ReturnsFor) -> Changed | None:
    """A filing the township returned (退回修改) reopens step 6 on the village, in this import's transaction;
    returns what the workflow changed."""
    from datetime import date

    return returns_for(db, actor).apply_township_returns(date.today())


def _already(db: Database, bundle_id: str) -> bool:
    return db.conn.execute("SELECT 1 FROM sync_bundles_received WHERE bundle_id = ?", (bundle_id,)).fetchone() \
        is not None


def _replayed(manifest: dict[str, Any]) -> ImportResult:
    """Already imported: nothing changes; our receipt for it rides in the next bundle we send back."""
    return ImportResult(manifest["bundle_id"], manifest["from"], 0, 0, 0, 0, 0, (ImportFlag.ALREADY_IMPORTED,),
                        changed=Changed.one(Entity.SYNC_STATE, manifest["bundle_id"]))


def _high_water(db: Database, manifest: dict[str, Any]) -> int:
    row = db.conn.execute("SELECT seq FROM sync_high_water WHERE origin = ? AND epoch = ?",
                          (manifest["from"], manifest["origin_epoch"])).fetchone()
    return 0 if row is None else int(row[0])


def _flags(db: Database, manifest: dict[str, Any], tally: Tally) -> tuple[ImportFlag, ...]:
    flags = []
    last_epoch = db.conn.execute("SELECT last_epoch FROM sync_peers WHERE node = ?", (manifest["from"],)).fetchone()
    if last_epoch and last_epoch[0] and last_epoch[0] != manifest["origin_epoch"]:
        flags.append(ImportFlag.NEW_EPOCH)
    if abs(int(manifest["clock_ms"]) - db_module._now_ms()) > MAX_SKEW_MS:
        flags.append(ImportFlag.CLOCK_SKEW)
    if tally.quarantined:
        flags.append(ImportFlag.QUARANTINED)
    return tuple(flags)


def _bookkeeping(db: Database, manifest: dict[str, Any], me: str, high_water: int, tally: Tally,
                 flags: tuple[ImportFlag, ...], file_name: str) -> None:
    sender, epoch = manifest["from"], manifest["origin_epoch"]
    db.execute("INSERT INTO sync_high_water(origin, epoch, seq) VALUES(?,?,?) ON CONFLICT(origin, epoch) "
               "DO UPDATE SET seq = max(seq, excluded.seq)", [sender, epoch, max(high_water, manifest["seq_last"])])
    my_epoch = db.conn.execute("SELECT epoch FROM node").fetchone()[0]
    for ack in manifest["ack"]:
        if ack["node"] == me and ack["epoch"] == my_epoch:
            _acknowledge(db, sender, my_epoch, int(ack["seq"]), int(ack.get("audit_seq", 0)))
            db.execute("UPDATE sync_bundles_sent SET acked_at = ? WHERE recipient = ? AND epoch = ? AND "
                       "seq_last <= ? AND acked_at IS NULL", [now_iso(), sender, my_epoch, ack["seq"]])
    db.execute("UPDATE sync_peers SET last_epoch = ?, last_bundle_at = ? WHERE node = ?", [epoch, now_iso(), sender])
    db.execute("INSERT INTO sync_bundles_received(bundle_id, sender, origin_epoch, seq_first, seq_last, since, "
               "imported_at, applied, skipped, quarantined, flags, file_name) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
               [manifest["bundle_id"], sender, epoch, manifest["seq_first"], manifest["seq_last"],
                manifest["since"], now_iso(), tally.applied, tally.skipped, tally.quarantined,
                json.dumps([f.value for f in flags]), file_name])


def _acknowledge(db: Database, sender: str, my_epoch: str, seq: int, audit_seq: int) -> None:
    """Receipts only move forward; an acknowledgement of an earlier epoch of ours counts for nothing."""
    db.execute("UPDATE sync_peers SET acked_seq = 0, acked_audit_seq = 0, acked_epoch = ? "
               "WHERE node = ? AND acked_epoch IS NOT ?", [my_epoch, sender, my_epoch])
    db.execute("UPDATE sync_peers SET acked_seq = max(acked_seq, ?), acked_audit_seq = max(acked_audit_seq, ?) "
               "WHERE node = ?", [seq, audit_seq, sender])


def _drop_acknowledged(db: Database) -> None:
    """Sent bundles are kept locally until acknowledged; afterwards their local copies go."""
    for (local,) in db.conn.execute("SELECT local_copy FROM sync_bundles_sent WHERE acked_at IS NOT NULL"):
        Path(local).unlink(missing_ok=True)

