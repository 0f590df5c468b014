"""Steps 1 and 4 (the linked 两委联席会议, the timetable, the first draft) and the revision's settings."""
from __future__ import annotations

from datetime import date

from models.core.accounts import Actor, Permission
from models.core.changes import Changed
from models.workflow.guards import WorkflowSettings
from models.workflow.ports import RuleTexts
from models.workflow.record_rules import refuse
from models.workflow.steps import StepState, WorkflowStep
from storage.core.db import Database
from storage.workflow import rows as load
from storage.workflow.aggregate import WorkflowAggregate, changed


class SqlitePlanStore(WorkflowAggregate):
    """Implements models.workflow.ports.PlanStore over workflow_revisions and workflow_timetable."""

    def __init__(self, db: Database, actor: Actor, rules: RuleTexts) -> None:
        super().__init__(db, actor)
        self._rules = rules

    def _set_revision(self, rulebook_id: str, values: dict[str, str]) -> Changed:
        self._edit()
        revision_id = self._require_revision(rulebook_id)
        with self._db.atomic():
            self._update("workflow_revisions", revision_id, values)
        return changed(revision_id)

    def link_start_meeting(self, rulebook_id: str, meeting_id: str) -> Changed:
        return self._set_revision(rulebook_id, {"start_meeting_id": meeting_id})

    def unlink_start_meeting(self, rulebook_id: str) -> Changed:
        return self._set_revision(rulebook_id, {"start_meeting_id": ""})

    def set_timetable(self, rulebook_id: str, targets: dict[WorkflowStep, date]) -> Changed:
        self._edit()
        revision_id = self._require_revision(rulebook_id)
        existing = {r["step"]: r["id"] for r in load.select(self._db, "workflow_timetable", "revision_id = ?",
                                                            [revision_id])}
        with self._db.atomic():
            for step, target in targets.items():
                if step.value in existing:
                    self._update("workflow_timetable", existing[step.value], {"target_date": target.isoformat()})
                else:
                    self._insert("workflow_timetable", {"revision_id": revision_id, "step": step.value,
                                                        "target_date": target.isoformat()})
        return changed(revision_id)

    def restore_timetable(self, rulebook_id: str, targets: dict[WorkflowStep, date]) -> Changed:
        """Put the timetable back exactly: the given targets, and no target for any other step."""
        self._edit()
        revision_id = self._require_revision(rulebook_id)
        with self._db.atomic():
            for row in load.select(self._db, "workflow_timetable", "revision_id = ?", [revision_id]):
                if WorkflowStep(row["step"]) not in targets:
                    self._tombstone("workflow_timetable", row["id"])
            return self.set_timetable(rulebook_id, targets)

    def set_draft(self, rulebook_id: str, number: int) -> Changed:
        """Name the version that is the first draft (step 4)."""
        self._edit()
        version = self._rules.load_version(rulebook_id, number)
        return self._set_revision(rulebook_id, {"draft_version_id": version.id})

    def clear_draft(self, rulebook_id: str) -> Changed:
        return self._set_revision(rulebook_id, {"draft_version_id": ""})


class SqliteWorkflowSettingsStore(WorkflowAggregate):
    """Implements models.workflow.ports.WorkflowSettingsStore (修订设置, on workflow_revisions)."""

    def settings(self, rulebook_id: str) -> WorkflowSettings:
        return load.settings_of(load.revision_row(self._db, self._require_revision(rulebook_id)))

    def set_settings(self, rulebook_id: str, filing_days: int, publicity_min_days: int,
                     representatives_may_vote: bool) -> Changed:
        """修订设置 (approvers): refused with the reason when `WorkflowSettings.problem` finds one."""
        self._require(Permission.APPROVE)
        revision_id = self._require_revision(rulebook_id)
        before = load.settings_of(load.revision_row(self._db, revision_id))
        after = WorkflowSettings(filing_days, publicity_min_days, representatives_may_vote)
        vote_done = any(s.step is WorkflowStep.ASSEMBLY_VOTE and s.state is StepState.DONE
                        for s in load.step_states(self._db, revision_id))
        refuse(after.problem(before, vote_done))
        if after != before:
            with self._db.atomic():
                self._update("workflow_revisions", revision_id, {
                    "filing_days": filing_days, "publicity_min_days": publicity_min_days,
                    "representatives_may_vote": int(representatives_may_vote)})
        return changed(revision_id)
