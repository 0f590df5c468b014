"""Consistent online backups (SQLite backup API), daily rotation, and checked restore."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from models.accounts import Actor, Permission
from models.backup_policy import backups_to_keep
from models.errors import DomainError
from storage.audit import append_audit
from storage.db import Database, DatabaseRefused, check_file
from storage.files import fsync_directory
from storage.migrations import migrations
from storage.node import renew_epoch

STAMP = "%Y%m%d-%H%M%S"


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def write_backup(db: Database, folder: Path, kind: str = "manual") -> Path:
    """Copy the live database, consistently, to `folder/xiangyue-<kind>-<time>.sqlite3`."""
    return _backup_connection(db.conn, folder, kind)


def write_backup_of_file(db_path: Path, folder: Path, kind: str = "manual") -> Path:
    """The same from a connection of its own, so a worker thread can run it."""
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return _backup_connection(source, folder, kind)
    finally:
        source.close()


def _backup_connection(source: sqlite3.Connection, folder: Path, kind: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"xiangyue-{kind}-{datetime.now().strftime(STAMP)}.sqlite3"
    temp = target.with_suffix(".partial")
    copy = sqlite3.connect(str(temp))
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        copy.close()
    temp.replace(target)
    fsync_directory(folder)
    return target


def list_backups(folder: Path, kind: str = "auto") -> list[tuple[datetime, Path]]:
    found = []
    for path in folder.glob(f"xiangyue-{kind}-*.sqlite3"):
        try:
            found.append((datetime.strptime(path.stem.removeprefix(f"xiangyue-{kind}-"), STAMP), path))
        except ValueError:
            continue
    return sorted(found)


def daily_backup_if_due(db: Database | Path, folder: Path, today: datetime | None = None) -> Path | None:
    """Take the day's automatic backup if there is none yet, then prune to 7 daily / 4 weekly / 12 monthly.

    Given a path rather than an open database, it reads through a connection of its own (worker threads).
    """
    now = today or datetime.now()
    existing = list_backups(folder)
    if any(stamp.date() == now.date() for stamp, _ in existing):
        return None
    written = write_backup_of_file(db, folder, "auto") if isinstance(db, Path) else write_backup(db, folder, "auto")
    prune(folder)
    return written


def prune(folder: Path) -> list[Path]:
    existing = list_backups(folder)
    keep = backups_to_keep([stamp for stamp, _ in existing])
    removed = [path for stamp, path in existing if stamp not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def last_backup_time(folder: Path) -> datetime | None:
    stamps = [stamp for kind in ("auto", "manual") for stamp, _ in list_backups(folder, kind)]
    return max(stamps) if stamps else None


def inspect_backup(path: Path) -> str:
    """Check a backup before restoring it; return its node id or raise DatabaseRefused."""
    if not path.is_file():
        raise DatabaseRefused(f"找不到备份文件“{path}”。")
    check_file(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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
        raise DatabaseRefused(f"备份文件“{path}”无法读取：{error}。请换一个备份。") from error
    if node is None:
        raise DatabaseRefused(f"备份文件“{path}”没有完成初始设置，不能用来恢复。")
    return node[0]


def restore_into(db: Database, source: Path, actor: Actor, force: bool = False) -> Path | None:
    """Replace the live database's content with `source`; returns the safety copy of the old content."""
    actor.require(Permission.BACKUP_RESTORE)
    source_node = inspect_backup(source)
    current_node = db.node_id if db.node_id != "local" else None
    if current_node and source_node != current_node and not force:
        raise DatabaseRefused(f"这个备份属于另一个安装（{source_node}），不是本机（{current_node}）的。"
                              "如确需用它替换本机数据，请加 --force。")
    safety = None
    if current_node and db.path is not None:
        safety = write_backup(db, backup_dir_for(db.path), "pre-restore")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.backup(db.conn)
    finally:
        src.close()
    db.node_id = source_node
    with db.atomic():
        renew_epoch(db)
        append_audit(db, actor, "restore", "node", source_node, f"从备份恢复：{source.name}")
    migrations.apply(db)
    return safety


def require_writable(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise DomainError(f"“{folder}”不是文件夹。请指定一个文件夹。")
