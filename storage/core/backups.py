"""Consistent online backups (SQLite backup API), daily rotation, and checked restore."""
from __future__ import annotations

import errno
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from models.core.accounts import Actor, Permission
from models.core.backup_policy import backups_to_keep, pre_imports_to_keep
from models.core.errors import DomainError
from storage.core.audit import append_audit
from storage.core.audit_anchor import signing_key_for
from storage.core.backup_image import ImageUnavailable, remove_image, write_image
from storage.core.db import Database, DatabaseRefused, StorageFailure, check_file, is_plain, readonly_uri, wrong_key_message
from storage.core.driver import connect as driver_connect
from storage.core.driver import sqlite as sqlite3
from storage.core.files import create_private, durable_replace
from storage.core.keyring import keyring_file_for, save_keyring
from storage.migrations import migrations
from storage.core.node import renew_epoch

STAMP = "%Y%m%d-%H%M%S"
SAFETY_COPY_DAYS = 7


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def write_backup(db: Database, folder: Path, kind: str = "manual") -> Path:
    """Copy the live database, consistently, to `folder/xiangyue-<kind>-<time>.sqlite3`.

    The copy is encrypted with the database's key, and the database's keyring is copied beside it
    (`<backup>.keyring`), so any account of the day of the backup opens it, on this PC or a new one."""
    return _backup_connection(db.conn, folder, kind, db.key, db.path)


def write_backup_of_file(db_path: Path, folder: Path, kind: str = "manual", key: bytes | None = None) -> Path:
    """The same from a connection of its own, so a worker thread can run it."""
    source = driver_connect(readonly_uri(db_path), key, uri=True)
    try:
        return _backup_connection(source, folder, kind, key, db_path)
    finally:
        source.close()


def _backup_connection(source: sqlite3.Connection, folder: Path, kind: str, key: bytes | None,
                       db_path: Path | None) -> Path:
    return _written(folder, kind, db_path, key, lambda temp: _checked_copy(source, temp, key))


def _written(folder: Path, kind: str, db_path: Path | None, key: bytes | None,
             write: Callable[[Path], None]) -> Path:
    """`write` fills a temporary name; the copy takes its real name, keyring beside it, only once it is checked."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"xiangyue-{kind}-{datetime.now().strftime(STAMP)}.sqlite3"
    temp = target.with_name(f"{target.stem}.{secrets.token_hex(4)}.partial")  # two imports may copy in one second
    try:
        create_private(temp)  # a backup holds every ID number: owner-only, as the database
        write(temp)
        _copy_keyring(db_path, target, key)
        durable_replace(temp, target)
    except BaseException:
        remove_image(temp)  # never leave a half-written copy (or its -wal) that looks like a backup
        raise
    return target


def _checked_copy(source: sqlite3.Connection, temp: Path, key: bytes | None) -> None:
    """Every page through SQLite's backup API, then `quick_check`: a daily or manual backup is also the check that
    the pages still read (a failing disk under the live file is found here, not on the day of a restore)."""
    copy = driver_connect(str(temp), key)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        if [r[0] for r in copy.execute("PRAGMA quick_check")] != ["ok"]:
            raise DatabaseRefused("备份副本校验未通过，备份没有完成。请检查磁盘后重试。")
    finally:
        copy.close()


def _image_or_checked_copy(db: Database, temp: Path) -> None:
    try:
        write_image(db, temp)
    except ImageUnavailable:
        create_private(temp)  # the image's files are gone: the backup API copies into a new empty file
        _checked_copy(db.conn, temp, db.key)


def _copy_keyring(db_path: Path | None, target: Path, key: bytes | None) -> None:
    keyring = keyring_file_for(db_path) if db_path is not None and key is not None else None
    if keyring is not None and keyring.exists():
        copy = keyring_file_for(target)
        shutil.copyfile(keyring, copy)
        copy.chmod(0o600)


def list_backups(folder: Path, kind: str = "auto") -> list[tuple[datetime, Path]]:
    found = []
    for path in folder.glob(f"xiangyue-{kind}-*.sqlite3"):
        # Before issue 17 a pre-import copy was named xiangyue-pre-import-<6 hex>-<stamp>: read those too, so they
        # are pruned like the rest.
        stamp = path.stem.removeprefix(f"xiangyue-{kind}-")
        for candidate in (stamp, stamp.partition("-")[2]):
            try:
                found.append((datetime.strptime(candidate, STAMP), path))
                break
            except ValueError:
                continue
    return sorted(found)


def daily_backup_if_due(db: Database | Path, folder: Path, today: datetime | None = None,
                        key: bytes | None = None) -> Path | None:
    """Take the day's automatic backup if there is none yet, then prune to 7 daily / 4 weekly / 12 monthly.

    Given a path rather than an open database, it reads through a connection of its own (worker threads), opened
    with `key`.
    """
    now = today or datetime.now()
    existing = list_backups(folder)
    if any(stamp.date() == now.date() for stamp, _ in existing):
        return None
    written = write_backup_of_file(db, folder, "auto", key) if isinstance(db, Path) else \
        write_backup(db, folder, "auto")
    prune(folder)
    return written


def pre_import_backup_if_due(db: Database, folder: Path, now: datetime | None = None) -> Path | None:
    """The day's safety copy before a bundle import, if none was made today, then prune the pre-import copies.

    One copy a day, not one per bundle, and an image of the file's encrypted bytes (storage/core/backup_image.py),
    not a copy of every page through SQLite: that took 10–12 s for a township holding 1 M changes. Where no image
    can be taken, the backup API copies. A copy the disk cannot hold refuses the import, nothing written."""
    today = (now or datetime.now()).date()
    if any(stamp.date() == today for stamp, _ in list_backups(folder, "pre-import")):
        return None
    try:
        written = _written(folder, "pre-import", db.path, db.key, lambda temp: _image_or_checked_copy(db, temp))
    except OSError as error:
        raise StorageFailure(_not_written(error.errno == errno.ENOSPC, error.strerror or str(error))) from error
    except sqlite3.OperationalError as error:
        raise StorageFailure(_not_written("full" in str(error), str(error))) from error
    prune(folder)
    return written


def _not_written(full: bool, error: str) -> str:
    if full:
        return "磁盘已满，写不下导入前的安全副本：导入没有进行，数据库没有任何改动。请清理磁盘空间后重新导入。"
    return f"导入前的安全副本没能写入（{error}）：导入没有进行，数据库没有任何改动。请检查磁盘后重新导入。"


def prune(folder: Path) -> list[Path]:
    """Drop what the retention policy does not keep: automatic backups (7 daily / 4 weekly / 12 monthly),
    pre-import copies (one a day, three days) and the plain safety copy made when a database of an earlier version
    was encrypted (kept seven days: long enough to notice a failed conversion, not a lasting plaintext copy).
    Manual backups and pre-restore copies are the clerk's to delete."""
    removed = []
    for kind, policy in (("auto", backups_to_keep), ("pre-import", pre_imports_to_keep),
                         ("pre-encryption", _safety_copies_to_keep)):
        existing = list_backups(folder, kind)
        keep = policy([stamp for stamp, _ in existing])
        removed += [path for stamp, path in existing if stamp not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
        keyring_file_for(path).unlink(missing_ok=True)
    return removed


def _safety_copies_to_keep(stamps: list[datetime]) -> set[datetime]:
    oldest = datetime.now() - timedelta(days=SAFETY_COPY_DAYS)
    return {stamp for stamp in stamps if stamp >= oldest}


def folder_usage(folder: Path) -> tuple[int, int]:
    """How many backup files the folder holds and their bytes (设置 shows it)."""
    files = [path for path in folder.glob("xiangyue-*.sqlite3") if path.is_file()] if folder.is_dir() else []
    return len(files), sum(path.stat().st_size for path in files)


def last_backup_time(folder: Path) -> datetime | None:
    stamps = [stamp for kind in ("auto", "manual") for stamp, _ in list_backups(folder, kind)]
    return max(stamps) if stamps else None


def inspect_backup(path: Path, key: bytes | None = None) -> str:
    """Check a backup (opened with `key`, its database's key) before restoring it; return its node id or raise
    DatabaseRefused."""
    if not path.is_file():
        raise DatabaseRefused(f"找不到备份文件“{path}”。")
    check_file(path)
    if key is None and not is_plain(path):
        raise DatabaseRefused(wrong_key_message(path))
    key = None if is_plain(path) else key  # a backup of an earlier version is plain
    try:
        conn = driver_connect(readonly_uri(path), key, uri=True)
        try:
            if [r[0] for r in conn.execute("PRAGMA integrity_check")] != ["ok"]:
                raise DatabaseRefused(f"备份文件“{path}”已损坏（完整性检查未通过），不能用它恢复。请换一个备份。")
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"schema_migrations", "node"} <= names:
                raise DatabaseRefused(f"“{path}”不是乡约的备份文件。")
            known = {step.name for step in migrations.steps}
            if any(r[0] not in known for r in conn.execute("SELECT name FROM schema_migrations")):
                raise DatabaseRefused("这个备份由更新版本的乡约创建。请先升级乡约再恢复。")
            node = conn.execute("SELECT id FROM node").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if key is not None and "not a database" in str(error):
            raise DatabaseRefused(wrong_key_message(path)) from error
        raise DatabaseRefused(f"备份文件“{path}”无法读取：{error}。请换一个备份。") from error
    if node is None:
        raise DatabaseRefused(f"备份文件“{path}”没有完成初始设置，不能用来恢复。")
    node_id: str = node[0]
    return node_id


def opens_with(path: Path, key: bytes | None) -> bool:
    """Whether `key` (None: a plain file) opens the database file at `path`."""
    try:
        conn = driver_connect(readonly_uri(path), None if is_plain(path) else key, uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return True


def restore_into(db: Database, source: Path, actor: Actor, force: bool = False,
                 source_key: bytes | None = None) -> Path | None:
    """Replace the live database's content with `source`; returns the safety copy of the old content.

    An encrypted backup opens with `source_key` (unwrapped from the keyring beside it, or a key file) or else the
    live database's key; a plain one (an earlier version's) is read as it is. The restored content takes the live
    database's key, and the keyring is rewritten for the restored accounts.
    The backup is prepared in a temporary file (migrated, new epoch, audit entry, clock carried
    forward) and then copied into the live database in one step, so a crash leaves either the old
    content or the whole restored one, never a restore without its new epoch.
    """
    actor.require(Permission.BACKUP_RESTORE)
    backup_key = None if is_plain(source) else (source_key or db.key)
    source_node = inspect_backup(source, backup_key)
    current_node = db.node_id if db.node_id != "local" else None
    if current_node and source_node != current_node and not force:
        raise DatabaseRefused(f"这个备份属于另一个安装（{source_node}），不是本机（{current_node}）的。"
                              "如确需用它替换本机数据，请加 --force。")
    if db.key is None and backup_key is not None:
        raise DatabaseRefused("本机数据库尚未加密：请先登录一次（登录时会把它加密），再从加密的备份恢复。")
    prepared = _prepare_restore(db, source, backup_key, source_node, actor)
    try:
        safety = write_backup(db, backup_dir_for(db.path), "pre-restore") if current_node and db.path else None
        staged = driver_connect(str(prepared), db.key)
        try:
            staged.backup(db.conn)
        finally:
            staged.close()
    finally:
        prepared.unlink(missing_ok=True)
    db.node_id = source_node
    save_keyring(db)  # the restored accounts' copies of the live key
    return safety


def _copy_into(source: Path, backup_key: bytes | None, staged: Database) -> None:
    """The backup's pages into the staged file, which is keyed like the live database (SQLCipher's backup API
    copies between keys, not from a plain file to a keyed one: that is sqlcipher_export)."""
    if (backup_key is None) != (staged.key is None):
        staged.conn.execute("ATTACH DATABASE ? AS backup_source KEY ''", (str(source),))
        staged.conn.execute("SELECT sqlcipher_export('main', 'backup_source')")
        staged.conn.execute("DETACH DATABASE backup_source")
        return
    src = driver_connect(readonly_uri(source), backup_key, uri=True)
    try:
        src.backup(staged.conn)
    finally:
        src.close()


def _prepare_restore(db: Database, source: Path, backup_key: bytes | None, source_node: str, actor: Actor) -> Path:
    folder = db.path.parent if db.path is not None else Path(tempfile.gettempdir())
    staged_path = folder / f".restore-{os.getpid()}.sqlite3"
    staged_path.unlink(missing_ok=True)
    create_private(staged_path)
    staged = Database(driver_connect(str(staged_path), db.key, isolation_level=None), key=db.key)
    try:
        _copy_into(source, backup_key, staged)
        staged.conn.execute("PRAGMA journal_mode = DELETE")
        staged.node_id = source_node
        staged.__dict__["_audit_signing_key"] = signing_key_for(db)  # the restore entry's head is signed too
        migrations.apply(staged)
        live_hlc = db.meta("last_hlc") if db.table_exists("meta") else None
        with staged.atomic():
            if live_hlc and live_hlc > (staged.meta("last_hlc") or ""):
                staged.set_meta("last_hlc", live_hlc)  # stamps issued after the backup stay in the past
            renew_epoch(staged)
            append_audit(staged, actor, "restore", "node", source_node, f"从备份恢复：{source.name}")
    except BaseException:
        staged.conn.close()
        staged_path.unlink(missing_ok=True)
        raise
    staged.conn.close()
    return staged_path


def move_aside_damaged(path: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; it is kept, never overwritten."""
    stamp = datetime.now().strftime(STAMP)
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            part.replace(path.with_name(kept.name + suffix))
    if keyring_file_for(path).exists():  # copied, not moved: the kept file stays openable by its accounts
        shutil.copyfile(keyring_file_for(path), keyring_file_for(kept))
    return kept


def require_writable(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise DomainError(f"“{folder}”不是文件夹。请指定一个文件夹。")
