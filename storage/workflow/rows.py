"""Reading the workflow tables into the records of models/workflow/records.py and the guards' facts."""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from models.minutes.quorum import Tally
from models.workflow.steps import StepState, StepStatus, WorkflowStep
from models.workflow.guards import WorkflowSettings
from models.workflow.retry import RetryScope
from models.workflow.records import (ArticleVote, AssemblyVote, BackgroundCheck, Channel, CheckAgency, CheckResult,
                                     CommitteeMember, Disposition, Filing, FilingStatus, Invitation, InvitationReply,
                                     LegalityReview, Opinion, OpinionKind, Publicity, Reply, Shift, Team, TeamKind)
from models.rules.document import RuleVersion
from models.workflow.ports import RuleTexts
from storage.core.db import Database
from storage.minutes.rows import rows


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def select(db: Database, table: str, where: str, args: list[Any], order: str = "created_at, id") -> list[dict[str, Any]]:
    return rows(db, f"SELECT * FROM {table} WHERE deleted = 0 AND {where} ORDER BY {order}", args)


def revision_id(db: Database, rulebook_id: str) -> str | None:
    """The rulebook's latest revision (None: none was ever started)."""
    row = db.conn.execute("SELECT id FROM workflow_revisions WHERE rulebook_id = ? AND deleted = 0 "
                          "ORDER BY created_at DESC, id DESC LIMIT 1", (rulebook_id,)).fetchone()
    return str(row[0]) if row else None


def revision_row(db: Database, revision_id: str) -> dict[str, Any]:
    return select(db, "workflow_revisions", "id = ?", [revision_id])[0]


def settings_of(row: dict[str, Any]) -> WorkflowSettings:
    return WorkflowSettings(row["filing_days"], row["publicity_min_days"], bool(row["representatives_may_vote"]))


def retry_of(row: dict[str, Any]) -> RetryScope | None:
    """The failed articles sent back to step 6 (None: no partial retry open)."""
    if not row["retry_from_version_id"]:
        return None
    scope = json.loads(row["retry_articles"])  # {"from_number": n, "articles": [[key, 第N条], …]}
    return RetryScope(tuple(k for k, _ in scope["articles"]), tuple(label for _, label in scope["articles"]),
                      row["retry_from_version_id"], int(scope["from_number"]))


def step_states(db: Database, revision_id: str) -> tuple[StepStatus, ...]:
    found = {r["step"]: r for r in select(db, "workflow_step_states", "revision_id = ?", [revision_id])}
    return tuple(StepStatus(s, StepState(found[s.value]["state"]), day(found[s.value]["started_on"]),
                            day(found[s.value]["done_on"]), found[s.value]["reopen_reason"])
                 for s in WorkflowStep)


def timetable(db: Database, revision_id: str) -> dict[WorkflowStep, date]:
    return {WorkflowStep(r["step"]): date.fromisoformat(r["target_date"])
            for r in select(db, "workflow_timetable", "revision_id = ?", [revision_id])}


def invitations(db: Database, revision_id: str) -> tuple[Invitation, ...]:
    return tuple(Invitation(r["id"], r["name"], r["villager_id"], r["capacity"], bool(r["womens_representative"]),
                            bool(r["village_unit"]), day(r["sent_on"]), day(r["expires_on"]),
                            InvitationReply(r["reply"]), day(r["replied_on"]))
                 for r in select(db, "workflow_invitations", "revision_id = ?", [revision_id]))


def members(db: Database, revision_id: str) -> tuple[CommitteeMember, ...]:
    return tuple(CommitteeMember(r["id"], r["name"], r["villager_id"], bool(r["chair"]), r["capacity"], r["position"])
                 for r in select(db, "workflow_committee_members", "revision_id = ?", [revision_id],
                                 "chair DESC, position, created_at"))


def checks(db: Database, revision_id: str) -> tuple[BackgroundCheck, ...]:
    found = rows(db, "SELECT c.* FROM workflow_checks c JOIN workflow_committee_members m ON m.id = c.member_id "
                     "WHERE c.deleted = 0 AND m.deleted = 0 AND m.revision_id = ? ORDER BY c.created_at",
                 [revision_id])
    latest = {(r["member_id"], r["agency"]): r for r in found}  # a later check replaces an earlier one
    return tuple(BackgroundCheck(r["member_id"], CheckAgency(r["agency"]), CheckResult(r["result"]),
                                 date.fromisoformat(r["on_date"]), r["note"], r["id"]) for r in latest.values())


def teams(db: Database, revision_id: str) -> tuple[Team, ...]:
    return tuple(Team(r["id"], TeamKind(r["kind"]), r["name"], r["leader"], tuple(json.loads(r["members"])))
                 for r in select(db, "workflow_teams", "revision_id = ?", [revision_id]))


def shifts(db: Database, team_id: str) -> tuple[Shift, ...]:
    return tuple(Shift(r["team_id"], date.fromisoformat(r["week_start"]), tuple(json.loads(r["members"])),
                       r["holiday"], r["id"])
                 for r in select(db, "workflow_shifts", "team_id = ?", [team_id], "week_start"))


def opinions(db: Database, revision_id: str) -> tuple[Opinion, ...]:
    replies = {r["opinion_id"]: Reply(Disposition(r["disposition"]), r["reason"], r["replied_by"],
                                      date.fromisoformat(r["on_date"]))
               for r in rows(db, "SELECT r.* FROM workflow_replies r JOIN workflow_opinions o ON o.id = r.opinion_id "
                                 "WHERE r.deleted = 0 AND o.revision_id = ? ORDER BY r.created_at", [revision_id])}
    return tuple(Opinion(r["id"], r["number"], r["name"], Channel(r["channel"]), date.fromisoformat(r["on_date"]),
                         r["text"], OpinionKind(r["kind"]), r["villager_id"], r["household_id"], r["article_key"],
                         r["article_label"], r["form_serial"], r["written_by"], replies.get(r["id"]),
                         bool(r["name_public"]))
                 for r in select(db, "workflow_opinions", "revision_id = ?", [revision_id], "kind DESC, number"))


def publicity(db: Database, revision_id: str) -> Publicity | None:
    found = select(db, "workflow_publicity", "revision_id = ?", [revision_id])
    if not found:
        return None
    r = found[-1]
    return Publicity(date.fromisoformat(r["start_date"]), date.fromisoformat(r["end_date"]), r["place"],
                     r["version_id"])


def review(db: Database, revision_id: str) -> LegalityReview | None:
    found = select(db, "workflow_reviews", "revision_id = ?", [revision_id])
    if not found:
        return None
    r = found[-1]
    notes = tuple((a, b) for a, b in json.loads(r["article_notes"]))
    return LegalityReview(r["version_id"], r["version_number"], date.fromisoformat(r["on_date"]), r["reviewer"],
                          r["conclusion"], notes, r["id"])


def vote(db: Database, revision_id: str) -> AssemblyVote | None:
    found = select(db, "workflow_votes", "revision_id = ?", [revision_id])
    if not found:
        return None
    r = found[-1]
    tallies = tuple(ArticleVote(t["key"], t["label"], Tally(t["for"], t["against"], t["abstain"]))
                    for t in json.loads(r["tallies"]))
    return AssemblyVote(r["meeting_id"], r["version_id"], r["version_number"], bool(r["by_article"]), tallies,
                        r["id"])


def filing(db: Database, revision_id: str) -> tuple[str, Filing] | None:
    found = select(db, "workflow_filings", "revision_id = ?", [revision_id])
    if not found:
        return None
    r = found[-1]
    return r["id"], Filing(date.fromisoformat(r["due_on"]), FilingStatus(r["status"]), day(r["submitted_on"]),
                           r["receipt_number"], day(r["receipt_date"]), day(r["effective_date"]), r["note"])


def version_by_id(db: Database, rules: RuleTexts, version_id: str) -> RuleVersion | None:
    """A rule version by its id, loaded through the rulebook area (None: no id, or no such version)."""
    if not version_id:
        return None
    row = db.conn.execute("SELECT rulebook_id, number FROM rule_versions WHERE id = ?", (version_id,)).fetchone()
    return rules.load_version(row[0], row[1]) if row else None


def signed_households(db: Database, revision_id: str) -> set[str]:
    return {r["household_id"] for r in select(db, "workflow_signatures", "revision_id = ?", [revision_id])}
