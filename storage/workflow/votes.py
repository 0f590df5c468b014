"""Steps 8 and 9: the assembly's vote, the filing's progress, and the signature sheet."""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.workflow.date_order import filing_order_problems
from models.workflow.linked_meetings import meeting_facts
from models.workflow.ports import MeetingRecords, MeetingTypes, RevisionStore, RuleTexts
from models.workflow.record_rules import (correction_reason, filing_progress, refuse, revision_done,
                                          vote_date_problem, vote_problem)
from models.workflow.records import ArticleVote, Filing, FilingStatus
from models.workflow.steps import WorkflowStep
from storage.core.db import Database
from storage.workflow import rows as load
from storage.workflow.aggregate import WorkflowAggregate, changed


class SqliteVoteStore(WorkflowAggregate):
    """Implements models.workflow.ports.VoteStore over workflow_votes and workflow_filings; the voted version
    comes from `rules`, the meeting's date from `meetings` (checked against the publicity and review, R19), and
    an order to correct reopens step 6 through `revisions` (R24)."""

    def __init__(self, db: Database, actor: Actor, rules: RuleTexts, revisions: RevisionStore,
                 meetings: MeetingRecords, types: MeetingTypes) -> None:
        super().__init__(db, actor)
        self._rules, self._revisions, self._meetings, self._types = rules, revisions, meetings, types

    def record_vote(self, rulebook_id: str, meeting_id: str, tallies: tuple[ArticleVote, ...],
                    by_article: bool = False) -> Changed:
        self._require(Permission.APPROVE)
        refuse(vote_problem(tallies))
        version = self._rules.load_version(rulebook_id)
        facts = self._revisions.facts(rulebook_id, date.today())
        refuse(vote_date_problem(meeting_facts(self._meetings, self._types, meeting_id), version.id, facts))
        data = [{"key": t.article_key, "label": t.label, "for": t.tally.for_, "against": t.tally.against,
                 "abstain": t.tally.abstain} for t in tallies]
        with self._db.atomic():
            row = self._insert("workflow_votes", {
                "revision_id": self._require_revision(rulebook_id), "meeting_id": meeting_id,
                "version_id": version.id, "version_number": version.number, "by_article": int(by_article),
                "tallies": json.dumps(data, ensure_ascii=False)}, summary=f"录入表决结果（第{version.number}版）")
        return changed(str(row["id"]))

    def adoption(self, version_id: str) -> tuple[str, date] | None:
        """R25: the meeting (its type) and date of the vote that adopted version `version_id`, if one did."""
        found = load.select(self._db, "workflow_votes", "version_id = ?", [version_id], "created_at DESC, id DESC")
        meeting = meeting_facts(self._meetings, self._types, found[0]["meeting_id"]) if found else None
        return (meeting.type_label, meeting.on) if meeting else None

    def update_filing(self, rulebook_id: str, status: FilingStatus, on: date, receipt_number: str = "",
                      receipt_date: date | None = None, effective_date: date | None = None,
                      note: str = "") -> Changed:
        """Record the filing's progress; 被责令改正 reopens step 6 (R24)."""
        self._require(Permission.APPROVE)
        revision_id = self._require_revision(rulebook_id)
        found = load.filing(self._db, revision_id)
        if found is None:
            raise DomainError("表决通过并完成“全体表决”后才有备案任务。")
        filing_id, filing = found
        after = filing_progress(filing, status, on, receipt_number, receipt_date, effective_date, note)
        meeting = self._revisions.facts(rulebook_id, on).vote_meeting
        refuse("\n".join(filing_order_problems(meeting.on, after)) if meeting else None)  # R24
        notice = changed(filing_id)
        with self._db.atomic():
            self._write_filing(filing_id, after)
            if status is FilingStatus.ORDERED_TO_CORRECT and revision_done(self._revisions.steps(rulebook_id)):
                notice = notice | self._revisions.reopen(rulebook_id, WorkflowStep.REVISION,
                                                         correction_reason(note), on)
        return notice

    def restore_filing(self, rulebook_id: str, filing: Filing) -> Changed:
        """Put the filing record back exactly as it was (the undo of a progress entry)."""
        found = load.filing(self._db, self._require_revision(rulebook_id))
        if found is None:
            raise DomainError("还没有备案任务。")
        self._edit()
        with self._db.atomic():
            self._write_filing(found[0], filing)
        return changed(found[0])

    def _write_filing(self, filing_id: str, filing: Filing) -> None:
        self._update("workflow_filings", filing_id, {
            "status": filing.status.value, "submitted_on": load.iso(filing.submitted_on),
            "receipt_number": filing.receipt_number, "receipt_date": load.iso(filing.receipt_date),
            "effective_date": load.iso(filing.effective_date), "note": filing.note})


class SqliteSignatureStore(WorkflowAggregate):
    """Implements models.workflow.ports.SignatureStore over workflow_signatures (户主签字、摁手印)."""

    def mark_signed(self, rulebook_id: str, household_id: str, on: date, sheet_ref: str = "") -> Changed:
        """Tick a household on the signature sheet (once: ticking a signed household again changes nothing)."""
        self._edit()
        revision_id = self._require_revision(rulebook_id)
        if household_id in self.signed_households(rulebook_id):
            return changed(revision_id)
        with self._db.atomic():
            row = self._insert("workflow_signatures", {"revision_id": revision_id, "household_id": household_id,
                                                       "signed_on": on.isoformat(), "sheet_ref": sheet_ref})
        return changed(str(row["id"]))

    def unmark_signed(self, rulebook_id: str, household_id: str) -> Changed:
        """Withdraw a household's signature ticked by mistake (tombstones; the record stays for the audit)."""
        self._edit()
        found = self._signatures(rulebook_id, household_id)
        with self._db.atomic():
            for row in found:
                self._tombstone("workflow_signatures", row["id"])
        return Changed(Entity.WORKFLOW, frozenset(str(r["id"]) for r in found)) if found \
            else changed(self._require_revision(rulebook_id))

    def signature(self, rulebook_id: str, household_id: str) -> tuple[date, str] | None:
        """The household's signature: its date and sheet reference (what the undo of an unticking puts back)."""
        found = self._signatures(rulebook_id, household_id)
        return (date.fromisoformat(found[-1]["signed_on"]), found[-1]["sheet_ref"]) if found else None

    def signed_households(self, rulebook_id: str) -> set[str]:
        return load.signed_households(self._db, self._require_revision(rulebook_id))

    def _signatures(self, rulebook_id: str, household_id: str) -> list[dict[str, Any]]:
        return load.select(self._db, "workflow_signatures", "revision_id = ? AND household_id = ?",
                           [self._require_revision(rulebook_id), household_id])
