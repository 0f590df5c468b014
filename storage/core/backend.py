"""SqliteBackend: the object main.py hands to the GUI; it opens the file and builds the stores."""
from __future__ import annotations

from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from models.core.accounts import Actor, Permission
from models.core.errors import DomainError
from models.core.village import VillageProfile
from storage.core import backups as backups
from storage.core.accounts import SqliteAccountStore, authenticate
from storage.core.audit import SqliteAuditReader
from storage.core.db import Database
from storage.core.installation import initialise, is_initialised, open_database
from storage.core.profile import SqliteProfileStore, read_profile

if TYPE_CHECKING:
    from storage.core.attachments import SqliteAttachmentStore
    from storage.minutes.followups import SqliteFollowUpStore
    from storage.minutes.four_two import SqliteFourTwoStore
    from storage.lists.store import SqliteListStore
    from storage.minutes.store import SqliteMeetingStore
    from storage.registry.store import SqliteRegistryStore
    from storage.registry.facts import SqliteRegistryFacts
    from storage.rules.store import SqliteRulebookStore
    from storage.sync.service import SqliteSyncService
    from storage.township.store import SqliteTownshipStore
    from storage.workflow.store import SqliteWorkflowStore


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

    def backup_now(self) -> Path:
        """Safe on a worker thread: reads through its own connection. A backup holds every ID number, so only
        a user with the backup permission may write one (the daily automatic backup is the system's own)."""
        if self._actor is None:
            raise DomainError("请先登录。备份需要“备份与恢复”权限。")
        self._actor.require(Permission.BACKUP_RESTORE)
        if self._folder is None or self._db.path is None:
            raise RuntimeError("in-memory database has no backup folder")
        return backups.write_backup_of_file(self._db.path, self._folder, "manual")

    def daily_backup_if_due(self) -> Path | None:
        """Safe on a worker thread: reads through its own connection."""
        if self._folder is None or self._db.path is None:
            return None
        return backups.daily_backup_if_due(self._db.path, self._folder, datetime.now())

    def restore(self, backup: Path) -> list[str]:
        """As `main.py restore FILE` does, for the logged-in user (who needs the restore permission)."""
        from storage.core.node import key_file_for, keys_match

        if self._actor is None or self._db.path is None:
            raise RuntimeError("restore needs a logged-in user and a database file")
        safety = backups.restore_into(self._db, backup, self._actor)
        notes = [f"原数据已另存为 {safety}"] if safety else []
        if not keys_match(self._db, key_file_for(self._db.path)):
            notes.append("注意：本机的密钥文件与恢复的数据不匹配，同步前请用密钥备份恢复该安装的密钥。")
        return notes


class SqliteStores:
    """Every store of a logged-in session, bound to its user; each is built (and its module imported)
    the first time a screen asks for it, so logging in does not import every area of the app."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db, self.actor = db, actor

    @cached_property
    def accounts(self) -> SqliteAccountStore:
        return SqliteAccountStore(self._db, self.actor)

    @cached_property
    def profile(self) -> SqliteProfileStore:
        return SqliteProfileStore(self._db, self.actor)

    @cached_property
    def audit(self) -> SqliteAuditReader:
        return SqliteAuditReader(self._db)

    @cached_property
    def backups(self) -> SqliteBackupService:
        return SqliteBackupService(self._db, self.actor)

    @cached_property
    def registry(self) -> SqliteRegistryStore:
        from storage.registry.store import SqliteRegistryStore
        return SqliteRegistryStore(self._db, self.actor)

    @cached_property
    def registry_facts(self) -> SqliteRegistryFacts:
        from storage.registry.facts import SqliteRegistryFacts
        return SqliteRegistryFacts(self._db, self.actor)

    @cached_property
    def rules(self) -> SqliteRulebookStore:
        from storage.rules.store import SqliteRulebookStore
        return SqliteRulebookStore(self._db, self.actor)

    @cached_property
    def meetings(self) -> SqliteMeetingStore:
        from storage.minutes.store import SqliteMeetingStore
        return SqliteMeetingStore(self._db, self.actor)

    @cached_property
    def attachments(self) -> SqliteAttachmentStore:
        from storage.core.attachments import SqliteAttachmentStore
        return SqliteAttachmentStore(self._db, self.actor)

    @cached_property
    def follow_ups(self) -> SqliteFollowUpStore:
        from storage.minutes.followups import SqliteFollowUpStore
        return SqliteFollowUpStore(self._db, self.actor)

    @cached_property
    def four_two(self) -> SqliteFourTwoStore:
        from storage.minutes.four_two import SqliteFourTwoStore
        return SqliteFourTwoStore(self._db, self.actor)

    @cached_property
    def sync(self) -> SqliteSyncService:
        from storage.sync.service import SqliteSyncService
        return SqliteSyncService(self._db, self.actor)

    @cached_property
    def workflow(self) -> SqliteWorkflowStore:
        from storage.workflow.store import SqliteWorkflowStore
        return SqliteWorkflowStore(self._db, self.actor)

    @cached_property
    def lists(self) -> SqliteListStore:
        from storage.lists.sources import SqliteArticleCatalogue, SqliteHouseholdDirectory
        from storage.lists.store import SqliteListStore
        return SqliteListStore(self._db, self.actor, SqliteHouseholdDirectory(self._db),
                               SqliteArticleCatalogue(self.rules))

    @cached_property
    def township(self) -> SqliteTownshipStore:
        from storage.township.store import SqliteTownshipStore
        return SqliteTownshipStore(self._db, self.actor)


def build_stores(db: Database, actor: Actor) -> SqliteStores:
    return SqliteStores(db, actor)


class SqliteBackend:
    """Implements models.core.ports.Backend over one database file (or an in-memory one for tests)."""

    def __init__(self, path: Path | None = None, db: Database | None = None) -> None:
        self._path = path
        self._db = db

    @property
    def db(self) -> Database:
        if self._db is None:
            assert self._path is not None
            self._db = open_database(self._path, must_exist=False)
        return self._db

    def is_initialised(self) -> bool:
        return is_initialised(self.db)

    def initialise(self, profile: VillageProfile, admin_username: str, password: str) -> None:
        initialise(self.db, profile, admin_username, password)

    def profile(self) -> VillageProfile:
        return read_profile(self.db)

    def login(self, username: str, password: str) -> SqliteStores:
        user = authenticate(self.db, username, password)
        return build_stores(self.db, user.as_actor())
