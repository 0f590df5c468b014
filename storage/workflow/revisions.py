"""SqliteRevisionStore: one revision per rulebook through the nine steps; each advance is one audited transaction."""
from __future__ import annotations

import json
from datetime import date

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.rules.document import RuleVersion, VersionStatus
from models.township.reviews import FilingDecision, TownshipReview
from models.workflow.figures import failed_articles, filing_due
from models.workflow.guards import WorkflowFacts, blockers
from models.workflow.ports import RuleTexts, WorkflowFactsReader
from models.workflow.record_rules import (refuse, revision_done, send_back_problem, start_problem,
                                          township_return_reason, township_return_to_act_on)
from models.workflow.records import FilingStatus
from models.workflow.retry import retry_scope
from models.workflow.status import OverdueStep, RevisionRecord, WorkflowStatus, build_status
from models.workflow.steps import StepStatus, WorkflowStep, advance, current_step, fresh_steps, reopen, reopen_by_order
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.township import rows as receipts
from storage.workflow import rows as load
from storage.workflow.aggregate import WorkflowAggregate, changed


class SqliteRevisionStore(WorkflowAggregate):
    """Implements models.workflow.ports.RevisionStore over workflow_revisions and workflow_step_states; the
    guards' facts come from the `facts` reader, the texts it puts in force from `rules`."""

    def __init__(self, db: Database, actor: Actor, facts: WorkflowFactsReader, rules: RuleTexts) -> None:
        super().__init__(db, actor)
        self._facts, self._rules = facts, rules

    def start_revision(self, rulebook_id: str, today: date) -> Changed:
        """Begin a revision at step 1 (两委商议); refused while another revision is still open."""
        self._require(Permission.EDIT_RECORDS)
        self._rules.get_rulebook(rulebook_id)
        existing = self.revision_id(rulebook_id)
        refuse(start_problem(load.step_states(self._db, existing) if existing else None))
        with self._db.atomic():
            row = self._insert("workflow_revisions", {"rulebook_id": rulebook_id, "started_on": today.isoformat()},
                               summary="开始修订村规民约（九步工作法）")
            for status in fresh_steps(today):
                self._insert("workflow_step_states", {
                    "revision_id": row["id"], "step": status.step.value, "state": status.state.value,
                    "started_on": load.iso(status.started_on)})
        return changed(str(row["id"]))

    def steps(self, rulebook_id: str) -> tuple[StepStatus, ...]:
        return load.step_states(self._db, self._require_revision(rulebook_id))

    def history(self, rulebook_id: str) -> tuple[RevisionRecord, ...]:
        """Every revision of the rulebook, oldest first: its steps, the version voted and its filing (备案)."""
        self._rules.get_rulebook(rulebook_id)
        found = load.select(self._db, "workflow_revisions", "rulebook_id = ?", [rulebook_id])
        records = []
        for row in found:
            vote, filing = load.vote(self._db, row["id"]), load.filing(self._db, row["id"])
            records.append(RevisionRecord(row["id"], load.day(row["started_on"]), load.step_states(self._db, row["id"]),
                                          vote.version_number if vote else None, filing[1] if filing else None))
        return tuple(records)

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

    def facts(self, rulebook_id: str, today: date) -> WorkflowFacts:
        return self._facts.facts(rulebook_id, today)

    def households_total(self, today: date) -> int:
        return self._facts.households_total(today)

    def township_records(self, rulebook_id: str) -> tuple[TownshipReview | None, FilingDecision | None]:
        return self._facts.township_records(rulebook_id)

    # -- moving ------------------------------------------------------------------------------------
    def advance(self, rulebook_id: str, today: date) -> Changed:
        """Finish the active step if its guard holds; the last step puts the voted text in force."""
        self._require(Permission.EDIT_RECORDS)
        revision_id = self._require_revision(rulebook_id)
        before = load.step_states(self._db, revision_id)
        step = current_step(before)
        facts = self.facts(rulebook_id, today)
        after = advance(before, blockers(step, facts) if step else [], self._actor, today)
        notice = changed(revision_id)
        with self._db.atomic():
            self._write_states(revision_id, before, after, f"完成“{step.label}”" if step else "")
            if step is WorkflowStep.ASSEMBLY_VOTE:
                self._open_filing(revision_id, facts)
                if facts.retry is not None:
                    self._update("workflow_revisions", revision_id, {"retry_articles": "[]",
                                                                     "retry_from_version_id": ""})
            if step is WorkflowStep.POST_AND_ENFORCE and self._put_in_force(rulebook_id, facts):
                notice = notice | Changed.one(Entity.RULEBOOK, rulebook_id)
        return notice

    def reopen(self, rulebook_id: str, step: WorkflowStep, reason: str, today: date) -> Changed:
        """Reopen a finished step (approvers only); later steps become 需重做 and keep their records."""
        revision_id = self._require_revision(rulebook_id)
        before = load.step_states(self._db, revision_id)
        after = reopen(before, step, reason, self._actor, today)
        with self._db.atomic():
            self._write_states(revision_id, before, after, f"退回“{step.label}”：{reason.strip()}")
        return changed(revision_id)

    def send_failed_articles_back(self, rulebook_id: str, today: date) -> Changed:
        """Step 8 with failed articles: reopen step 6 for those articles only (approvers; not undoable).
        Step 6's guard then allows changes to these articles alone."""
        revision_id = self._require_revision(rulebook_id)
        facts = self.facts(rulebook_id, today)
        refuse(send_back_problem(load.step_states(self._db, revision_id), bool(facts.vote)))
        assert facts.vote is not None  # send_back_problem refuses without a vote
        scope = retry_scope(facts.vote, failed_articles(facts))
        with self._db.atomic():
            self._update("workflow_revisions", revision_id, {
                "retry_from_version_id": scope.from_version_id,
                "retry_articles": json.dumps({"from_number": scope.from_number,
                                              "articles": list(zip(scope.article_keys, scope.labels))},
                                             ensure_ascii=False)})
            return self.reopen(rulebook_id, WorkflowStep.REVISION,
                               "表决未通过，退回修改：" + "、".join(scope.labels), today)

    def overdue_steps(self, today: date) -> list[OverdueStep]:
        """Steps of open revisions past their target date, oldest target first (for the home screen)."""
        found = []
        for rulebook_id in self.current_steps():
            status = self.status(rulebook_id, today)
            if status.current_step is None:
                continue
            title = self._rules.get_rulebook(rulebook_id).title
            found += [OverdueStep(rulebook_id, title, v.step, v.target, (today - v.target).days)
                      for v in status.overdue(today) if v.target is not None]
        return sorted(found, key=lambda o: (o.target, o.step.number))

    def apply_township_returns(self, today: date) -> Changed | None:
        """Act on every township 退回修改 received for a filing and not yet acted on: the filing becomes 被责令改正
        with the township's reasons and step 6 reopens, as when the village records it itself (R24).

        No local approver is needed: it is the township's order. Called by the import of a sync bundle, in its
        transaction. Returns the change of the filings and revisions touched; None when there was none to act on."""
        touched: set[str] = set()
        for row in load.select(self._db, "workflow_filings", "1 = 1", []):
            revision = load.revision_row(self._db, row["revision_id"])
            vote = load.vote(self._db, row["revision_id"])
            decision = receipts.latest_decision(self._db, row["id"], vote.version_id if vote else "",
                                                self._version_by_id)
            if decision is None or not township_return_to_act_on(decision, row["township_decision_id"]):
                continue
            reason = township_return_reason(decision)
            reopened = self._require_revision(revision["rulebook_id"])
            with self._db.atomic():
                self._update("workflow_filings", row["id"], {"status": FilingStatus.ORDERED_TO_CORRECT.value,
                                                             "note": reason, "township_decision_id": decision.id})
                self._reopen_by_order(reopened, reason, today)
            touched |= {row["id"], reopened}
        return Changed(Entity.WORKFLOW, frozenset(touched)) if touched else None

    def _version_by_id(self, version_id: str) -> RuleVersion | None:
        return load.version_by_id(self._db, self._rules, version_id)

    def _reopen_by_order(self, revision_id: str, reason: str, today: date) -> None:
        before = load.step_states(self._db, revision_id)
        if revision_done(before):
            after = reopen_by_order(before, WorkflowStep.REVISION, reason, today)
            self._write_states(revision_id, before, after, f"退回“{WorkflowStep.REVISION.label}”：{reason}")

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

    def _put_in_force(self, rulebook_id: str, facts: WorkflowFacts) -> bool:
        if facts.vote is None or facts.filing is None or facts.filing.effective_date is None:
            return False
        number = facts.vote.version_number
        if self._rules.load_version(rulebook_id, number).status is not VersionStatus.DRAFT:
            return False
        self._rules.put_in_force(rulebook_id, number, facts.filing.effective_date.isoformat())
        return True
