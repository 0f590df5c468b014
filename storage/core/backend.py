"""SqliteBackend: the object main.py hands to the GUI; it opens the file and builds the stores."""
from __future__ import annotations

from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from models.core.accounts import Actor
from models.core.village import VillageProfile
from storage.core.accounts import SqliteAccountStore
from storage.core.audit import SqliteAuditReader
from storage.core.backup_service import SqliteBackupService
from storage.core.db import Database
from storage.core.encryption import PendingUnlock, begin_unlock, locked_profile, login_to
from storage.core.installation import initialise, is_initialised, open_database
from storage.core.profile import SqliteProfileStore, read_profile

if TYPE_CHECKING:
    from models.workflow.ports import (ChangeReasons, HouseholdCount, MeetingRecords, MeetingTypes,
                                       ProvinceMeetingRules, RuleTexts)
    from storage.care.contacts import SqliteContactLines
    from storage.care.levels import SqliteCareLevels
    from storage.care.settings import SqliteCareSettings
    from storage.care.visits import SqliteVisits
    from collections.abc import Callable
    from models.core.ports import AttachmentStore
    from models.rules.ports import RulebookStore
    from storage.points.sources import NamingBases
    from storage.core.attachments import SqliteAttachmentStore
    from storage.disclosures.finance import SqliteFinanceSheets
    from storage.disclosures.store import SqliteDisclosureCalendar, SqlitePublications
    from storage.disclosures.township import SqliteDisclosureDesk
    from storage.stars.store import SqliteStarAwards, SqliteStarLists
    from storage.minutes.convene import SqliteConveneStore
    from storage.core.print_log import SqlitePrintLog
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
    from storage.points.stores import SqlitePointsStores
    from storage.registry.facts import SqliteRegistryFacts
    from storage.registry.grid_assignments import SqliteGridAssignments
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
    from storage.matters.directory import SqliteRaiserDirectory
    from storage.matters.pool import SqliteOfficerLogStore, SqliteProjectStore
    from storage.matters.store import SqliteMatterStore
    from storage.workflow.stores import SqliteWorkflowStores


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
    def print_log(self) -> SqlitePrintLog:
        from storage.core.print_log import SqlitePrintLog
        return SqlitePrintLog(self._db, self.actor)

    @cached_property
    def township(self) -> SqliteTownshipStore:
        from storage.township.store import SqliteTownshipStore
        return SqliteTownshipStore(self._db, self.actor, self.rules, self.change_reasons)

    @cached_property
    def grid_assignments(self) -> SqliteGridAssignments:
        from storage.registry.grid_assignments import SqliteGridAssignments
        return SqliteGridAssignments(self._db, self.actor)

    @cached_property
    def care_contacts(self) -> SqliteContactLines:
        from storage.care.contacts import SqliteContactLines
        return SqliteContactLines(self._db, self.actor)

    @cached_property
    def care_levels(self) -> SqliteCareLevels:
        from storage.care.levels import SqliteCareLevels
        return SqliteCareLevels(self._db, self.actor, self.care_contacts, self.households)

    @cached_property
    def care_visits(self) -> SqliteVisits:  # a problem found on a visit becomes a matter (R52)
        from storage.care.matter_intake import MattersIntake
        from storage.care.visits import SqliteVisits
        return SqliteVisits(self._db, self.actor, self.care_levels, self.care_contacts, self.households,
                            MattersIntake(self.matters, self.raisers))

    @cached_property
    def care_settings(self) -> SqliteCareSettings:
        from storage.care.settings import SqliteCareSettings
        return SqliteCareSettings(self._db, self.actor)

    @cached_property
    def points(self) -> SqlitePointsStores:
        return points_stores(self._db, self.actor, self.meetings, self.meeting_types, self.rules, self.naming_bases,
                             lambda: self.profile.get().village, self.attachments)

    @cached_property
    def matters(self) -> SqliteMatterStore:  # 群众说事: the minutes' meeting store writes 提交议事's agenda item
        from storage.matters.store import SqliteMatterStore
        return SqliteMatterStore(self._db, self.actor, self.meetings)

    @cached_property
    def officer_log(self) -> SqliteOfficerLogStore:
        from storage.matters.pool import SqliteOfficerLogStore
        return SqliteOfficerLogStore(self._db, self.actor, self.accounts)

    @cached_property
    def projects(self) -> SqliteProjectStore:
        from storage.matters.pool import SqliteProjectStore
        return SqliteProjectStore(self._db, self.actor, self.meetings, self.four_two, self.meeting_types)

    @cached_property
    def raisers(self) -> SqliteRaiserDirectory:
        from storage.matters.directory import SqliteRaiserDirectory
        return SqliteRaiserDirectory(self._db)

    @cached_property
    def disclosures(self) -> SqliteDisclosureCalendar:
        from storage.disclosures.sources import CalendarSources
        from storage.disclosures.store import SqliteDisclosureCalendar
        return SqliteDisclosureCalendar(self._db, self.actor, CalendarSources(self.four_two, self.workflow.revisions))

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
    def star_awards(self) -> SqliteStarAwards:  # decided on a candidacy its group passed, at a meeting (R53)
        from storage.stars.candidacies import SqliteStarCandidacies
        from storage.stars.store import SqliteStarAwards
        return SqliteStarAwards(self._db, self.actor, self._households, self.star_lists.meetings, self.star_lists,
                                SqliteStarCandidacies(self._db, self.actor, self._households, self.star_lists))


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
        SqlitePublicityStore(db, actor, rules, revisions), SqliteVoteStore(db, actor, rules, revisions, meetings, types),
        SqliteSignatureStore(db, actor))


def township_returns(db: Database, actor: Actor) -> SqliteRevisionStore:
    """What a bundle import on `db` acts on when it brings a township's 退回修改: the workflow's revisions, built
    here, the composition root, so no sync module builds a store (given to every import as `returns_for`)."""
    return build_stores(db, actor).workflow.revisions


def points_stores(db: Database, actor: Actor, meetings: MeetingRecords, types: MeetingTypes, rules: RulebookStore,
                  lists: NamingBases, village: Callable[[], str], attachments: AttachmentStore) -> SqlitePointsStores:
    """The points stores, each given adapters over the registry, minutes, rules and lists it reads."""
    from storage.lists.sources import SqliteArticleCatalogue
    from storage.points import applications, goods, ledger, publications, redemptions, settings, tally, villages
    from storage.points.scheme import SqliteSchemeStore
    from storage.points.sources import (ListsNamedHouseholds, MinutesAdoptionMeetings, RulesClauses,
                                        SqlitePointsHouseholds)
    from storage.points.stores import SqlitePointsStores

    households = SqlitePointsHouseholds(db)
    scheme = SqliteSchemeStore(db, actor, MinutesAdoptionMeetings(meetings, types),
                               RulesClauses(SqliteArticleCatalogue(rules)))
    sums = tally.SqlitePointsTally(db, households, ListsNamedHouseholds(lists), scheme, village)
    return SqlitePointsStores(
        scheme, ledger.SqliteLedgerStore(db, actor, households, scheme, attachments), sums,
        goods.SqliteGoodsStore(db, actor), redemptions.SqliteRedemptionStore(db, actor, households),
        villages.SqliteVillageTotals(db), publications.SqlitePublicationStore(db, actor, households),
        applications.SqliteApplicationStore(db, actor, sums), settings.SqlitePointsSettings(db, actor))


def build_stores(db: Database, actor: Actor) -> SqliteStores:
    return SqliteStores(db, actor)


class SqliteBackend:
    """Implements models.core.ports.Backend over one database file (or an in-memory one for tests)."""

    def __init__(self, path: Path | None = None, db: Database | None = None) -> None:
        self._path, self._db = path, db

    @property
    def db(self) -> Database:
        if self._db is None:
            assert self._path is not None
            self._db = open_database(self._path, must_exist=False)
        return self._db

    def is_initialised(self) -> bool:  # an encrypted file still closed has accounts: it was set up
        return (self._db is None and locked_profile(self._path) is not None) or is_initialised(self.db)

    def initialise(self, profile: VillageProfile, admin_username: str, password: str) -> None:
        initialise(self.db, profile, admin_username, password)

    def profile(self) -> VillageProfile:
        return (locked_profile(self._path) if self._db is None else None) or read_profile(self.db)

    def login(self, username: str, password: str, pending: PendingUnlock | None = None) -> SqliteStores:
        self._db, user = login_to(self._path, self._db, username, password, pending)  # encrypts an old file
        return build_stores(self.db, user.as_actor())

    def begin_login(self, username: str, password: str) -> Callable[[], SqliteStores]:
        return partial(self.login, username, password, begin_unlock(self._path, self._db, username, password))
