"""SqliteWorkflowStore: one revision per rulebook through the nine steps; each advance is one audited transaction."""
from __future__ import annotations

import json
from datetime import date

from models.core.accounts import Permission
from models.core.errors import DomainError
from models.rules.legality import check_version
from models.rules.legality_table import Severity
from models.minutes.record import effective
from models.minutes.meetings import evaluate
from models.core.numerals import article_label
from models.rules.document import RuleVersion, VersionStatus
from models.rules.diff import ChangeKind, diff_versions
from models.workflow.steps import (StepState, StepStatus, WorkflowStep, advance, current_step, fresh_steps, reopen,
                             reopen_by_order)
from models.workflow.figures import failed_articles, filing_due
from models.workflow.retry import retry_scope
from models.township.reviews import DecisionKind, FilingDecision, TownshipReview, filing_with_receipt, later_review
from models.workflow.records import AssemblyVote, Filing, FilingStatus, LegalityReview
from models.workflow.guards import MeetingFacts, WorkflowFacts, blockers
from models.workflow.status import OverdueStep, WorkflowStatus, build_status
from storage.township import rows as receipts
from storage.workflow import rows as load
from storage.core.audit import append_audit
from storage.minutes.settings import SqliteMinutesSettings
from storage.minutes.store import SqliteMeetingStore
from storage.minutes.types import SqliteMeetingTypes
from storage.registry.store import SqliteRegistryStore
from storage.workflow.edits import WorkflowRecordEdits


class SqliteWorkflowStore(WorkflowRecordEdits):
    """Implements models.workflow.ports.WorkflowStore over the workflow_* tables."""

    # -- revisions -------------------------------------------------------------------------------
    def start_revision(self, rulebook_id: str, today: date) -> str:
        """Begin a revision at step 1 (两委商议); refused while another revision is still open."""
        self._require(Permission.EDIT_RECORDS)
        self._rules().get_rulebook(rulebook_id)
        existing = self.revision_id(rulebook_id)
        if existing and current_step(load.step_states(self._db, existing)) is not None:
            raise DomainError("这份村规民约已有一次修订正在进行，请先完成它。")
        with self._db.atomic():
            row = self._insert("workflow_revisions", {"rulebook_id": rulebook_id, "started_on": today.isoformat()},
                               summary="开始修订村规民约（九步工作法）")
            for status in fresh_steps(today):
                self._insert("workflow_step_states", {
                    "revision_id": row["id"], "step": status.step.value, "state": status.state.value,
                    "started_on": load.iso(status.started_on)})
        return str(row["id"])

    def steps(self, rulebook_id: str) -> tuple[StepStatus, ...]:
        return load.step_states(self._db, self._require_revision(rulebook_id))

    def current_steps(self) -> dict[str, int | None]:
        """Rulebook id → the number of its revision's active step (None: no revision open)."""
        result: dict[str, int | None] = {}
        for (rulebook_id,) in self._db.conn.execute(
                "SELECT DISTINCT rulebook_id FROM workflow_revisions WHERE deleted = 0"):
            step = current_step(self.steps(rulebook_id))
            result[rulebook_id] = step.number if step else None
        return result

    def status(self, rulebook_id: str, today: date) -> WorkflowStatus:
        revision_id = self._require_revision(rulebook_id)
        return build_status(rulebook_id, revision_id, load.step_states(self._db, revision_id),
                            self.facts(rulebook_id, today))

    # -- moving ------------------------------------------------------------------------------------
    def advance(self, rulebook_id: str, today: date) -> WorkflowStep | None:
        """Finish the active step if its guard holds; returns the step now active (None: all done)."""
        self._require(Permission.EDIT_RECORDS)
        revision_id = self._require_revision(rulebook_id)
        before = load.step_states(self._db, revision_id)
        step = current_step(before)
        facts = self.facts(rulebook_id, today)
        after = advance(before, blockers(step, facts) if step else [], self._actor, today)
        with self._db.atomic():
            self._write_states(revision_id, before, after, f"完成“{step.label}”" if step else "")
            if step is WorkflowStep.ASSEMBLY_VOTE:
                self._open_filing(revision_id, facts)
                if facts.retry is not None:
                    self._update("workflow_revisions", revision_id, {"retry_articles": "[]",
                                                                     "retry_from_version_id": ""})
            if step is WorkflowStep.POST_AND_ENFORCE:
                self._put_in_force(rulebook_id, facts)
        return current_step(after)

    def reopen(self, rulebook_id: str, step: WorkflowStep, reason: str, today: date) -> None:
        """Reopen a finished step (approvers only); later steps become 需重做 and keep their records."""
        revision_id = self._require_revision(rulebook_id)
        before = load.step_states(self._db, revision_id)
        after = reopen(before, step, reason, self._actor, today)
        with self._db.atomic():
            self._write_states(revision_id, before, after, f"退回“{step.label}”：{reason.strip()}")

    def send_failed_articles_back(self, rulebook_id: str, today: date) -> list[str]:
        """Step 8 with failed articles: reopen step 6 for those articles only (approvers; not undoable).

        Returns the labels sent back. Step 6's guard then allows changes to these articles alone."""
        revision_id = self._require_revision(rulebook_id)
        facts = self.facts(rulebook_id, today)
        if current_step(load.step_states(self._db, revision_id)) is not WorkflowStep.ASSEMBLY_VOTE or not facts.vote:
            raise DomainError("只有在“全体表决”进行中、已录入表决结果时，才能把未通过的条款退回修改。")
        scope = retry_scope(facts.vote, failed_articles(facts))
        with self._db.atomic():
            self._update("workflow_revisions", revision_id, {
                "retry_from_version_id": scope.from_version_id,
                "retry_articles": json.dumps({"from_number": scope.from_number,
                                              "articles": list(zip(scope.article_keys, scope.labels))},
                                             ensure_ascii=False)})
            self.reopen(rulebook_id, WorkflowStep.REVISION, "表决未通过，退回修改：" + "、".join(scope.labels), today)
        return list(scope.labels)

    def overdue_steps(self, today: date) -> list[OverdueStep]:
        """Steps of open revisions past their target date, oldest target first (for the home screen)."""
        found = []
        for rulebook_id in self.current_steps():
            status = self.status(rulebook_id, today)
            if status.current_step is None:
                continue
            title = self._rules().get_rulebook(rulebook_id).title
            found += [OverdueStep(rulebook_id, title, v.step, v.target, (today - v.target).days)
                      for v in status.overdue(today) if v.target is not None]
        return sorted(found, key=lambda o: (o.target, o.step.number))

    def _write_states(self, revision_id: str, before: tuple[StepStatus, ...], after: tuple[StepStatus, ...],
                      summary: str) -> None:
        ids = {r["step"]: r["id"] for r in load.select(self._db, "workflow_step_states", "revision_id = ?",
                                                       [revision_id])}
        for old, new in zip(before, after):
            if old != new:
                self._update("workflow_step_states", ids[new.step.value], {
                    "state": new.state.value, "started_on": load.iso(new.started_on),
                    "done_on": load.iso(new.done_on), "reopen_reason": new.reopen_reason}, action="workflow")
        append_audit(self._db, self._actor, "workflow", "workflow_revisions", revision_id, summary)

    def _open_filing(self, revision_id: str, facts: WorkflowFacts) -> None:
        if load.filing(self._db, revision_id) is None and facts.vote_meeting is not None:
            due = filing_due(facts.vote_meeting.on, facts.settings.filing_days)
            self._insert("workflow_filings", {"revision_id": revision_id, "due_on": due.isoformat(),
                                              "status": "not_submitted"}, summary=f"备案任务，应于 {due} 前报送")

    def _put_in_force(self, rulebook_id: str, facts: WorkflowFacts) -> None:
        if facts.vote is None or facts.filing is None or facts.filing.effective_date is None:
            return
        rules = self._rules()
        number = facts.vote.version_number
        if rules.load_version(rulebook_id, number).status is VersionStatus.DRAFT:
            rules.put_in_force(rulebook_id, number, facts.filing.effective_date.isoformat())

    # -- facts -------------------------------------------------------------------------------------
    def facts(self, rulebook_id: str, today: date) -> WorkflowFacts:
        revision_id = self._require_revision(rulebook_id)
        row = load.revision_row(self._db, revision_id)
        draft = self._version_by_id(row["draft_version_id"])
        latest = self._rules().load_version(rulebook_id)
        revised = latest if draft is not None and latest.number > draft.number else None
        vote = load.vote(self._db, revision_id)
        filing = load.filing(self._db, revision_id)
        retry = load.retry_of(row)
        retry_changed = _changed_keys(self._version_by_id(retry.from_version_id), latest) if retry else ()
        return WorkflowFacts(
            today, load.settings_of(row), load.timetable(self._db, revision_id),
            self.meeting_facts(row["start_meeting_id"]), load.invitations(self._db, revision_id),
            load.members(self._db, revision_id), load.checks(self._db, revision_id),
            draft.number if draft else None, _blocking(draft) if draft else (),
            load.opinions(self._db, revision_id), revised.number if revised else None,
            _changes(draft, revised) if draft and revised else 0, latest.id, latest.number,
            load.publicity(self._db, revision_id), self._review(revision_id, latest.id), vote,
            self.meeting_facts(vote.meeting_id) if vote else None, self._filing(filing, vote), retry,
            retry_changed, SqliteMinutesSettings(self._db, self._actor).province_rules())

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
        latest = self._rules().load_version(rulebook_id)
        vote, found = load.vote(self._db, revision_id), load.filing(self._db, revision_id)
        review = receipts.latest_review(self._db, revision_id, latest.id, self._version_by_id)
        decision = receipts.latest_decision(self._db, found[0], vote.version_id if vote else "",
                                            self._version_by_id) if found else None
        return review, decision

    def apply_township_returns(self, today: date) -> list[str]:
        """Act on every township 退回修改 received for a filing and not yet acted on: the filing becomes 被责令改正
        with the township's reasons and step 6 reopens, as when the village records it itself (R24).

        No local approver is needed: it is the township's order. Called by the import of a sync bundle, in its
        transaction. Returns the rulebook ids reopened."""
        reopened = []
        for row in load.select(self._db, "workflow_filings", "1 = 1", []):
            revision = load.revision_row(self._db, row["revision_id"])
            vote = load.vote(self._db, row["revision_id"])
            decision = receipts.latest_decision(self._db, row["id"], vote.version_id if vote else "",
                                                self._version_by_id)
            if decision is None or decision.stale or decision.kind is not DecisionKind.RETURN \
                    or decision.id == row["township_decision_id"]:
                continue
            reason = f"乡镇退回修改：{decision.reasons}"
            with self._db.atomic():
                self._update("workflow_filings", row["id"], {"status": FilingStatus.ORDERED_TO_CORRECT.value,
                                                             "note": reason, "township_decision_id": decision.id})
                self._reopen_by_order(revision["rulebook_id"], reason, today)
            reopened.append(revision["rulebook_id"])
        return reopened

    def _reopen_by_order(self, rulebook_id: str, reason: str, today: date) -> None:
        revision_id = self._require_revision(rulebook_id)
        before = load.step_states(self._db, revision_id)
        if before[WorkflowStep.REVISION.number - 1].state in (StepState.DONE, StepState.STALE):
            after = reopen_by_order(before, WorkflowStep.REVISION, reason, today)
            self._write_states(revision_id, before, after, f"退回“{WorkflowStep.REVISION.label}”：{reason}")

    def meeting_facts(self, meeting_id: str) -> MeetingFacts | None:
        if not meeting_id:
            return None
        types = SqliteMeetingTypes(self._db, self._actor)
        meeting = effective(SqliteMeetingStore(self._db, self._actor, types).get(meeting_id))  # with its 补正
        spec = types.type_spec(meeting.type_code)
        outcome = evaluate(meeting, spec)
        return MeetingFacts(meeting.id, meeting.number, meeting.type_code, spec.label, meeting.on, meeting.is_final,
                            meeting.attendance, outcome.quorum, spec.majority,
                            sum(1 for r in outcome.items if r.status == "passed"), meeting.women_present,
                            meeting.authorisation_ref)

    def households_total(self, today: date) -> int:
        return SqliteRegistryStore(self._db, self._actor).households_count(today)

    def _version_by_id(self, version_id: str) -> RuleVersion | None:
        if not version_id:
            return None
        row = self._db.conn.execute("SELECT rulebook_id, number FROM rule_versions WHERE id = ?",
                                    (version_id,)).fetchone()
        return self._rules().load_version(row[0], row[1]) if row else None

    def update_filing(self, rulebook_id: str, status: FilingStatus, on: date, receipt_number: str = "",
                      receipt_date: date | None = None, effective_date: date | None = None, note: str = "") -> None:
        """Record the filing's progress; 被责令改正 reopens step 6 (R24)."""
        self._require(Permission.APPROVE)
        revision_id = self._require_revision(rulebook_id)
        found = load.filing(self._db, revision_id)
        if found is None:
            raise DomainError("表决通过并完成“全体表决”后才有备案任务。")
        filing_id, filing = found
        changes = {"status": status.value, "note": note or filing.note,
                   "receipt_number": receipt_number or filing.receipt_number,
                   "receipt_date": load.iso(receipt_date or filing.receipt_date),
                   "effective_date": load.iso(effective_date or filing.effective_date)}
        if status is FilingStatus.SUBMITTED:
            changes["submitted_on"] = on.isoformat()
        with self._db.atomic():
            self._update("workflow_filings", filing_id, changes)
            if status is FilingStatus.ORDERED_TO_CORRECT:
                self._reopen_for_correction(rulebook_id, note, on)

    def _reopen_for_correction(self, rulebook_id: str, note: str, on: date) -> None:
        steps = self.steps(rulebook_id)
        if steps[WorkflowStep.REVISION.number - 1].state in (StepState.DONE, StepState.STALE):
            self.reopen(rulebook_id, WorkflowStep.REVISION,
                        "乡镇责令改正：" + (note.strip() or "见备案回执"), on)


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

