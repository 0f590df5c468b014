"""SqliteBackupService: backups of the open database into the `backups` folder beside it (the `BackupService` port)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from storage.core import backups as backups
from storage.core.db import Database


class SqliteBackupService:
    """Backups of the open database into the `backups` folder beside it."""

    def __init__(self, db: Database, actor: Actor | None = None) -> None:
        self._db, self._actor = db, actor
        self._folder = backups.backup_dir_for(db.path) if db.path else None

    def last_backup_time(self) -> str | None:
        stamp = backups.last_backup_time(self._folder) if self._folder else None
        return stamp.strftime("%Y-%m-%d %H:%M") if stamp else None

    def backup_folder(self) -> str:
        return str(self._folder or "")

    def folder_usage(self) -> tuple[int, int]:
        return backups.folder_usage(self._folder) if self._folder else (0, 0)

    def backup_now(self) -> Changed:
        """Safe on a worker thread: reads through its own connection. A backup is named by its file; it holds
        every ID number, so only a user with the backup permission may write one (the daily automatic backup is
        the system's own)."""
        if self._actor is None:
            raise DomainError("请先登录。备份需要“备份与恢复”权限。")
        self._actor.require(Permission.BACKUP_RESTORE)
        if self._folder is None or self._db.path is None:
            raise RuntimeError("in-memory database has no backup folder")
        return Changed.one(Entity.BACKUP, str(backups.write_backup_of_file(self._db.path, self._folder, "manual",
                                                                           self._db.key)))

    def daily_backup_if_due(self) -> Changed | None:
        """Safe on a worker thread: reads through its own connection."""
        if self._folder is None or self._db.path is None:
            return None
        written = backups.daily_backup_if_due(self._db.path, self._folder, datetime.now(), self._db.key)
        return Changed.one(Entity.BACKUP, str(written)) if written is not None else None

    def needs_account(self, backup: Path) -> bool:
        from storage.core.keyring import keyring_file_for

        return keyring_file_for(backup).exists() and not backups.opens_with(backup, self._db.key)

    def restore(self, backup: Path, account: tuple[str, str] | None = None) -> list[str]:
        """As `main.py restore FILE` does, for the logged-in user (who needs the restore permission); `account`
        unwraps the key of another installation's backup from the keyring copy beside it."""
        from storage.core.keyring import keyring_file_for, unlock
        from storage.core.node import key_file_for, keys_match

        if self._actor is None or self._db.path is None:
            raise RuntimeError("restore needs a logged-in user and a database file")
        self._actor.require(Permission.BACKUP_RESTORE)
        source_key = unlock(keyring_file_for(backup), *account) if account is not None else None
        safety = backups.restore_into(self._db, backup, self._actor, source_key=source_key)
        notes = [f"原数据已另存为 {safety}"] if safety else []
        if not keys_match(self._db, key_file_for(self._db.path)):
            notes.append("注意：本机的密钥文件与恢复的数据不匹配，同步前请用密钥备份恢复该安装的密钥。")
        return notes
