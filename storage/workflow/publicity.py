"""Step 7: the second publicity (二次公示) and the township's written legality review as the village enters it."""
from __future__ import annotations

import json
from datetime import date

from models.core.accounts import Actor
from models.core.changes import Changed
from models.workflow.ports import RuleTexts, WorkflowFactsReader
from models.workflow.record_rules import publicity_problem, refuse, review_date_problem, review_problem
from storage.core.db import Database
from storage.workflow import rows as load
from storage.workflow.aggregate import WorkflowAggregate, changed


class SqlitePublicityStore(WorkflowAggregate):
    """Implements models.workflow.ports.PublicityStore over workflow_publicity and workflow_reviews; each names
    the rule version it is of, read through `rules`; the dates are checked against the revision's `facts` (R19, R47)."""

    def __init__(self, db: Database, actor: Actor, rules: RuleTexts, facts: WorkflowFactsReader) -> None:
        super().__init__(db, actor)
        self._rules, self._facts = rules, facts

    def record_publicity(self, rulebook_id: str, start: date, end: date, place: str) -> Changed:
        self._edit()
        refuse(publicity_problem(start, end, self._facts.facts(rulebook_id, date.today())))
        version = self._rules.load_version(rulebook_id)
        with self._db.atomic():
            row = self._insert("workflow_publicity", {"revision_id": self._require_revision(rulebook_id),
                                                      "start_date": start.isoformat(), "end_date": end.isoformat(),
                                                      "place": place, "version_id": version.id})
        return changed(str(row["id"]))

    def withdraw_publicity(self, rulebook_id: str) -> Changed:
        revision_id = self._require_revision(rulebook_id)
        found = load.select(self._db, "workflow_publicity", "revision_id = ?", [revision_id])
        return self._withdraw("workflow_publicity", found[-1]["id"]) if found else changed(revision_id)

    def record_review(self, rulebook_id: str, on: date, reviewer: str, conclusion: str,
                      article_notes: tuple[tuple[str, str], ...] = (), number: int | None = None) -> Changed:
        """The township's written legality review opinion of version `number` (default: the latest)."""
        self._edit()
        refuse(review_problem(reviewer, conclusion))
        version = self._rules.load_version(rulebook_id, number)
        refuse(review_date_problem(on, version.id, self._facts.facts(rulebook_id, date.today())))
        with self._db.atomic():
            row = self._insert("workflow_reviews", {
                "revision_id": self._require_revision(rulebook_id), "version_id": version.id,
                "version_number": version.number, "on_date": on.isoformat(), "reviewer": reviewer.strip(),
                "conclusion": conclusion.strip(), "article_notes": json.dumps(list(article_notes), ensure_ascii=False)},
                summary=f"录入乡镇合法性审查意见（第{version.number}版）")
        return changed(str(row["id"]))

    def withdraw_review(self, review_id: str) -> Changed:
        return self._withdraw("workflow_reviews", review_id)
