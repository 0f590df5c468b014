"""SqliteWorkflowFacts: everything the guards read of a revision, with the linked meetings, texts and the
township's records; the other areas are reached through the protocol-typed collaborators it is given."""
from __future__ import annotations

from datetime import date

from models.core.accounts import Actor
from models.core.numerals import article_label
from models.rules.diff import ChangeKind, diff_versions
from models.rules.document import RuleVersion
from models.rules.legality import check_version
from models.rules.legality_table import Severity
from models.township.reviews import FilingDecision, TownshipReview, filing_with_receipt, later_review
from models.workflow.guards import WorkflowFacts
from models.workflow.linked_meetings import meeting_facts
from models.workflow.ports import HouseholdCount, MeetingRecords, MeetingTypes, ProvinceMeetingRules, RuleTexts
from models.workflow.records import AssemblyVote, Filing, LegalityReview
from storage.core.db import Database
from storage.township import rows as receipts
from storage.workflow import rows as load
from storage.workflow.aggregate import WorkflowAggregate


class SqliteWorkflowFacts(WorkflowAggregate):
    """Implements models.workflow.ports.WorkflowFactsReader (reads only)."""

    def __init__(self, db: Database, actor: Actor, rules: RuleTexts, meetings: MeetingRecords, types: MeetingTypes,
                 province: ProvinceMeetingRules, households: HouseholdCount) -> None:
        super().__init__(db, actor)
        self._rules, self._meetings, self._households = rules, meetings, households
        self._types, self._province = types, province

    def facts(self, rulebook_id: str, today: date) -> WorkflowFacts:
        revision_id = self._require_revision(rulebook_id)
        row = load.revision_row(self._db, revision_id)
        draft = self._version_by_id(row["draft_version_id"])
        latest = self._rules.load_version(rulebook_id)
        revised = latest if draft is not None and latest.number > draft.number else None
        vote = load.vote(self._db, revision_id)
        filing = load.filing(self._db, revision_id)
        retry = load.retry_of(row)
        retry_changed = _changed_keys(self._version_by_id(retry.from_version_id), latest) if retry else ()
        return WorkflowFacts(
            today, load.settings_of(row), load.timetable(self._db, revision_id),
            meeting_facts(self._meetings, self._types, row["start_meeting_id"]), load.invitations(self._db, revision_id),
            load.members(self._db, revision_id), load.checks(self._db, revision_id),
            draft.number if draft else None, _blocking(draft) if draft else (),
            load.opinions(self._db, revision_id), revised.number if revised else None,
            _changes(draft, revised) if draft and revised else 0, latest.id, latest.number,
            load.publicity(self._db, revision_id), self._review(revision_id, latest.id), vote,
            meeting_facts(self._meetings, self._types, vote.meeting_id) if vote else None, self._filing(filing, vote), retry,
            retry_changed, self._province.province_rules())

    def households_total(self, today: date) -> int:
        return self._households.households_count(today)

    # -- the township's records, synced back (additive: storage/township/rows.py) -----------------
    def _review(self, revision_id: str, latest_version_id: str) -> LegalityReview | None:
        township = receipts.latest_review(self._db, revision_id, latest_version_id, self._version_by_id)
        return later_review(load.review(self._db, revision_id), township)

    def _filing(self, found: tuple[str, Filing] | None, vote: AssemblyVote | None) -> Filing | None:
        if found is None:
            return None
        voted = vote.version_id if vote else ""
        return filing_with_receipt(found[1], receipts.latest_decision(self._db, found[0], voted,
                                                                      self._version_by_id))

    def township_records(self, rulebook_id: str) -> tuple[TownshipReview | None, FilingDecision | None]:
        """The township's latest review and filing decision as received, each flagged when of an older text."""
        revision_id = self._require_revision(rulebook_id)
        latest = self._rules.load_version(rulebook_id)
        vote, found = load.vote(self._db, revision_id), load.filing(self._db, revision_id)
        review = receipts.latest_review(self._db, revision_id, latest.id, self._version_by_id)
        decision = receipts.latest_decision(self._db, found[0], vote.version_id if vote else "",
                                            self._version_by_id) if found else None
        return review, decision

    def _version_by_id(self, version_id: str) -> RuleVersion | None:
        return load.version_by_id(self._db, self._rules, version_id)


def _blocking(version: RuleVersion) -> tuple[str, ...]:
    return tuple((article_label(f.article_number) if f.article_number else "全文") + f"：{f.text}"
                 for f in check_version(version) if f.severity is Severity.BLOCKING)


def _changed_keys(old: RuleVersion | None, new: RuleVersion) -> tuple[tuple[str, str], ...]:
    """(key, 第N条) of every article added, removed, moved or changed from `old` to `new`."""
    if old is None or old.id == new.id:
        return ()
    changes = diff_versions(old, new).of_kind(ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MOVED,
                                              ChangeKind.CHANGED)
    return tuple((article.key, article_label(article.number))
                 for c in changes if (article := c.new or c.old) is not None)


def _changes(old: RuleVersion, new: RuleVersion) -> int:
    return len(diff_versions(old, new).of_kind(ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MOVED,
                                               ChangeKind.CHANGED))
