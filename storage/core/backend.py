"""SqliteBackend: the object main.py hands to the GUI; it opens the file and builds the stores."""
from __future__ import annotations

from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.village import VillageProfile
from storage.core import backups as backups
from storage.core.accounts import SqliteAccountStore, authenticate
from storage.core.audit import SqliteAuditReader
from storage.core.db import Database
from storage.core.installation import initialise, is_initialised, open_database
from storage.core.profile import SqliteProfileStore, read_profile

if TYPE_CHECKING:
    from models.workflow.ports import (ChangeReasons, HouseholdCount, MeetingRecords, MeetingTypes,
                                       ProvinceMeetingRules, RuleTexts)
    from storage.core.attachments import SqliteAttachmentStore
    from storage.disclosures.finance import SqliteFinanceSheets
    from storage.disclosures.store import SqliteDisclosureCalendar, SqlitePublications
    from storage.disclosures.township import SqliteDisclosureDesk
    from storage.stars.store import SqliteStarAwards, SqliteStarLists
    from storage.minutes.convene import SqliteConveneStore
    from storage.minutes.followups import SqliteFollowUpStore
    from storage.minutes.four_two import SqliteFourTwoStore
    from storage.minutes.settings import SqliteMinutesSettings
    from storage.minutes.types import SqliteMeetingTypes
    from storage.lists.board_log import SqliteBoardLog
    from storage.lists.entries import SqliteListEntries
    from storage.lists.naming import SqliteNamingBases
    from storage.lists.settings import SqliteListSettings
    from storage.lists.sources import SqliteHouseholdDirectory
    from storage.lists.volunteers import SqliteVolunteers
    from storage.minutes.store import SqliteMeetingStore
    from storage.registry.facts import SqliteRegistryFacts
    from storage.registry.groups import SqliteGroupStore
    from storage.registry.households import SqliteHouseholdStore
    from storage.registry.queries import SqliteRegistryQueries
    from storage.registry.roster import SqliteRosterFiles
    from storage.registry.villagers import SqliteVillagerStore
    from storage.rules.catalogue import SqliteCatalogueStore
    from storage.rules.file_store import SqliteRulesFiles
    from storage.rules.reasons import SqliteChangeReasonStore
    from storage.rules.store import SqliteRulebookStore
    from storage.workflow.revisions import SqliteRevisionStore
    from storage.sync.service import SqliteSyncService
    from storage.township.store import SqliteTownshipStore
    from storage.workflow.stores import SqliteWorkflowStores


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
        return Changed.one(Entity.BACKUP, str(backups.write_backup_of_file(self._db.path, self._folder, "manual")))

    def daily_backup_if_due(self) -> Changed | None:
        """Safe on a worker thread: reads through its own connection."""
        if self._folder is None or self._db.path is None:
            return None
        written = backups.daily_backup_if_due(self._db.path, self._folder, datetime.now())
        return Changed.one(Entity.BACKUP, str(written)) if written is not None else None

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
    def registry(self) -> SqliteRegistryQueries:
        from storage.registry.queries import SqliteRegistryQueries
        return SqliteRegistryQueries(self._db, self.actor)

    @cached_property
    def groups(self) -> SqliteGroupStore:
        from storage.registry.groups import SqliteGroupStore
        return SqliteGroupStore(self._db, self.actor)

    @cached_property
    def households(self) -> SqliteHouseholdStore:
        from storage.registry.households import SqliteHouseholdStore
        return SqliteHouseholdStore(self._db, self.actor)

    @cached_property
    def villagers(self) -> SqliteVillagerStore:
        from storage.registry.villagers import SqliteVillagerStore
        return SqliteVillagerStore(self._db, self.actor)

    @cached_property
    def roster(self) -> SqliteRosterFiles:
        from storage.registry.roster import SqliteRosterFiles
        return SqliteRosterFiles(self._db, self.actor)

    @cached_property
    def registry_facts(self) -> SqliteRegistryFacts:
        from storage.registry.facts import SqliteRegistryFacts
        return SqliteRegistryFacts(self._db, self.registry)

    @cached_property
    def rules(self) -> SqliteRulebookStore:
        from storage.rules.store import SqliteRulebookStore
        return SqliteRulebookStore(self._db, self.actor)

    @cached_property
    def change_reasons(self) -> SqliteChangeReasonStore:
        from storage.rules.reasons import SqliteChangeReasonStore
        return SqliteChangeReasonStore(self._db, self.actor)

    @cached_property
    def catalogue(self) -> SqliteCatalogueStore:
        from storage.rules.catalogue import SqliteCatalogueStore
        return SqliteCatalogueStore(self._db, self.actor)

    @cached_property
    def rule_files(self) -> SqliteRulesFiles:
        from storage.rules.file_store import SqliteRulesFiles
        return SqliteRulesFiles(self._db, self.actor, self.rules, self.change_reasons)

    @cached_property
    def meetings(self) -> SqliteMeetingStore:
        from storage.minutes.store import SqliteMeetingStore
        return SqliteMeetingStore(self._db, self.actor, self.meeting_types)

    @cached_property
    def meeting_types(self) -> SqliteMeetingTypes:
        from storage.minutes.types import SqliteMeetingTypes
        return SqliteMeetingTypes(self._db, self.actor)

    @cached_property
    def minutes_settings(self) -> SqliteMinutesSettings:
        from storage.minutes.settings import SqliteMinutesSettings
        return SqliteMinutesSettings(self._db, self.actor)

    @cached_property
    def convene_proposals(self) -> SqliteConveneStore:
        from storage.minutes.convene import SqliteConveneStore
        return SqliteConveneStore(self._db, self.actor, self.meetings)

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
        return SqliteFourTwoStore(self._db, self.actor, self.meetings, self.meeting_types)

    @cached_property
    def sync(self) -> SqliteSyncService:
        from storage.sync.service import SqliteSyncService
        return SqliteSyncService(self._db, self.actor, township_returns)

    @cached_property
    def workflow(self) -> SqliteWorkflowStores:
        return workflow_stores(self._db, self.actor, self.rules, self.change_reasons, self.meetings, self.meeting_types,
                               self.minutes_settings, self.registry)

    @cached_property
    def list_entries(self) -> SqliteListEntries:
        from storage.lists.entries import SqliteListEntries
        from storage.lists.sources import SqliteArticleCatalogue
        return SqliteListEntries(self._db, self.actor, self._households, SqliteArticleCatalogue(self.rules),
                                 self.list_settings, self.board_log)

    @cached_property
    def list_objections(self) -> SqliteListEntries:
        return self.list_entries  # an objection belongs to its entry: one store keeps both

    @cached_property
    def naming_bases(self) -> SqliteNamingBases:
        from storage.lists.naming import SqliteNamingBases
        return SqliteNamingBases(self._db, self.actor, self._households)

    @cached_property
    def volunteer_records(self) -> SqliteVolunteers:
        from storage.lists.volunteers import SqliteVolunteers
        return SqliteVolunteers(self._db, self.actor, self._households)

    @cached_property
    def board_log(self) -> SqliteBoardLog:
        from storage.lists.board_log import SqliteBoardLog
        return SqliteBoardLog(self._db, self.actor)

    @cached_property
    def list_settings(self) -> SqliteListSettings:
        from storage.lists.settings import SqliteListSettings
        return SqliteListSettings(self._db, self.actor)

    @cached_property
    def _households(self) -> SqliteHouseholdDirectory:
        from storage.lists.sources import SqliteHouseholdDirectory
        return SqliteHouseholdDirectory(self._db)

    @cached_property
    def township(self) -> SqliteTownshipStore:
        from storage.township.store import SqliteTownshipStore
        return SqliteTownshipStore(self._db, self.actor, self.rules, self.change_reasons)

    @cached_property
    def disclosures(self) -> SqliteDisclosureCalendar:
        from storage.disclosures.sources import FourTwoResolutions
        from storage.disclosures.store import SqliteDisclosureCalendar
        return SqliteDisclosureCalendar(self._db, self.actor, FourTwoResolutions(self.four_two))

    @cached_property
    def publications(self) -> SqlitePublications:
        from storage.disclosures.store import SqlitePublications
        return SqlitePublications(self._db, self.actor, self.disclosures)

    @cached_property
    def finance_sheets(self) -> SqliteFinanceSheets:
        from storage.disclosures.finance import SqliteFinanceSheets
        return SqliteFinanceSheets(self._db, self.actor)

    @cached_property
    def disclosure_desk(self) -> SqliteDisclosureDesk:
        from storage.disclosures.township import SqliteDisclosureDesk
        return SqliteDisclosureDesk(self._db)

    @cached_property
    def star_lists(self) -> SqliteStarLists:
        from storage.stars.sources import MinutesMeetings
        from storage.stars.store import SqliteStarLists
        return SqliteStarLists(self._db, self.actor, MinutesMeetings(self.meetings, self.meeting_types))

    @cached_property
    def star_awards(self) -> SqliteStarAwards:
        from storage.stars.sources import MinutesMeetings
        from storage.stars.store import SqliteStarAwards
        return SqliteStarAwards(self._db, self.actor, self._households,
                                MinutesMeetings(self.meetings, self.meeting_types), self.star_lists)


def workflow_stores(db: Database, actor: Actor, rules: RuleTexts, reasons: ChangeReasons, meetings: MeetingRecords,
                    types: MeetingTypes, province: ProvinceMeetingRules,
                    households: HouseholdCount) -> SqliteWorkflowStores:
    """The workflow's aggregate stores, each given the collaborators it reads or writes through."""
    from storage.workflow.committee import SqliteCommitteeStore, SqliteTeamStore
    from storage.workflow.facts import SqliteWorkflowFacts
    from storage.workflow.invitations import SqliteInvitationStore
    from storage.workflow.opinions import SqliteChangeLinkStore, SqliteOpinionStore
    from storage.workflow.plan import SqlitePlanStore, SqliteWorkflowSettingsStore
    from storage.workflow.publicity import SqlitePublicityStore
    from storage.workflow.revisions import SqliteRevisionStore
    from storage.workflow.stores import SqliteWorkflowStores
    from storage.workflow.votes import SqliteSignatureStore, SqliteVoteStore

    revisions = SqliteRevisionStore(db, actor, SqliteWorkflowFacts(db, actor, rules, meetings, types, province, households), rules)
    return SqliteWorkflowStores(
        revisions, SqliteWorkflowSettingsStore(db, actor), SqlitePlanStore(db, actor, rules),
        SqliteInvitationStore(db, actor), SqliteCommitteeStore(db, actor), SqliteTeamStore(db, actor),
        SqliteOpinionStore(db, actor, rules), SqliteChangeLinkStore(db, actor, rules, reasons),
        SqlitePublicityStore(db, actor, rules), SqliteVoteStore(db, actor, rules, revisions),
        SqliteSignatureStore(db, actor))


def township_returns(db: Database, actor: Actor) -> SqliteRevisionStore:
    """What a bundle import on `db` acts on when it brings a township's 退回修改: the workflow's revisions, built
    here, the composition root, so no sync module builds a store (given to every import as `returns_for`)."""
    return build_stores(db, actor).workflow.revisions


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
