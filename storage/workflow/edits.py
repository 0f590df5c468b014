"""The small writes the workflow screen needs to undo its edits: withdraw, restore, change one field."""
from __future__ import annotations

import json
from datetime import date

from models.core.errors import DomainError
from models.workflow.steps import WorkflowStep
from models.workflow.records import CommitteeMember, Filing, Team
from storage.workflow import rows as load
from storage.rules.reasons import SqliteChangeReasonStore
from storage.workflow.step_records import WorkflowRecordWrites


class WorkflowRecordEdits(WorkflowRecordWrites):
    """Withdrawing a record leaves a tombstone (legal records are never hard-deleted)."""

    def _withdraw(self, table: str, row_id: str) -> None:
        self._edit()
        with self._db.atomic():
            self._tombstone(table, row_id)

    # -- step 1 and 4 ----------------------------------------------------------------------------
    def unlink_start_meeting(self, rulebook_id: str) -> None:
        self._edit()
        with self._db.atomic():
            self._update("workflow_revisions", self._require_revision(rulebook_id), {"start_meeting_id": ""})

    def restore_timetable(self, rulebook_id: str, targets: dict[WorkflowStep, date]) -> None:
        """Put the timetable back exactly: the given targets, and no target for any other step."""
        self._edit()
        revision_id = self._require_revision(rulebook_id)
        with self._db.atomic():
            for row in load.select(self._db, "workflow_timetable", "revision_id = ?", [revision_id]):
                if WorkflowStep(row["step"]) not in targets:
                    self._tombstone("workflow_timetable", row["id"])
            self.set_timetable(rulebook_id, targets)

    def clear_draft(self, rulebook_id: str) -> None:
        self._edit()
        with self._db.atomic():
            self._update("workflow_revisions", self._require_revision(rulebook_id), {"draft_version_id": ""})

    # -- step 2 ----------------------------------------------------------------------------------
    def withdraw_invitation(self, invitation_id: str) -> None:
        self._withdraw("workflow_invitations", invitation_id)

    def restore_invitation(self, invitation_id: str) -> None:
        self._edit()
        with self._db.atomic():
            self._update("workflow_invitations", invitation_id, {"deleted": 0})

    def set_invitation_reply(self, invitation_id: str, reply: str, replied_on: date | None,
                             expires_on: date | None) -> None:
        """Set the reply, reply date and expiry exactly as given (what an undo puts back)."""
        self._edit()
        with self._db.atomic():
            self._update("workflow_invitations", invitation_id, {"reply": reply, "replied_on": load.iso(replied_on),
                                                                 "expires_on": load.iso(expires_on)})

    # -- step 3 ----------------------------------------------------------------------------------
    def members(self, rulebook_id: str) -> tuple[CommitteeMember, ...]:
        return load.members(self._db, self._require_revision(rulebook_id))

    def restore_member(self, member_id: str) -> None:
        """Bring back a member removed by mistake (the undo of a removal)."""
        self._edit()
        with self._db.atomic():
            self._update("workflow_committee_members", member_id, {"deleted": 0})

    def withdraw_check(self, check_id: str) -> None:
        self._withdraw("workflow_checks", check_id)

    def latest_check_id(self, member_id: str, agency: str) -> str:
        row = self._db.conn.execute("SELECT id FROM workflow_checks WHERE member_id = ? AND agency = ? AND deleted = 0 "
                                    "ORDER BY created_at DESC, id DESC LIMIT 1", (member_id, agency)).fetchone()
        if row is None:
            raise DomainError("没有找到这项联审记录。")
        return str(row[0])

    def save_team(self, team: Team) -> None:
        """Change a team's name, leader and members."""
        self._edit()
        if not team.name.strip():
            raise DomainError("请填写队伍名称。")
        with self._db.atomic():
            self._update("workflow_teams", team.id, {"name": team.name.strip(), "leader": team.leader,
                                                     "members": json.dumps(list(team.members), ensure_ascii=False)})

    def withdraw_team(self, team_id: str) -> None:
        self._withdraw("workflow_teams", team_id)

    # -- step 6 ----------------------------------------------------------------------------------
    def change_links(self, version_id: str) -> dict[str, tuple[str, ...]]:
        """Article key → ids of the opinions its change answers, for one version."""
        links: dict[str, tuple[str, ...]] = {}
        for row in load.select(self._db, "workflow_revision_links", "version_id = ?", [version_id]):
            links[row["article_key"]] = links.get(row["article_key"], ()) + (row["opinion_id"],)
        return links

    def unlink_change(self, version_id: str, article_key: str, reason: str) -> None:
        """Withdraw the links of one article change and put back the 修改对照表 reason it had before."""
        self._edit()
        with self._db.atomic():
            for row in load.select(self._db, "workflow_revision_links", "version_id = ? AND article_key = ?",
                                   [version_id, article_key]):
                self._tombstone("workflow_revision_links", row["id"])
            SqliteChangeReasonStore(self._db, self._actor).set_change_reason(version_id, article_key, reason)

    # -- step 5 and 7 ----------------------------------------------------------------------------
    def withdraw_opinion(self, opinion_id: str) -> None:
        self._withdraw("workflow_opinions", opinion_id)

    def withdraw_publicity(self, rulebook_id: str) -> None:
        found = load.select(self._db, "workflow_publicity", "revision_id = ?", [self._require_revision(rulebook_id)])
        if found:
            self._withdraw("workflow_publicity", found[-1]["id"])

    def withdraw_review(self, review_id: str) -> None:
        self._withdraw("workflow_reviews", review_id)

    # -- step 8 ----------------------------------------------------------------------------------
    def unmark_signed(self, rulebook_id: str, household_id: str) -> tuple[date, str] | None:
        """Withdraw a household's signature ticked by mistake (tombstones; the record stays for the audit).
        Returns the withdrawn signature's date and sheet reference (the undo ticks it again with them)."""
        self._edit()
        withdrawn = None
        with self._db.atomic():
            for row in load.select(self._db, "workflow_signatures", "revision_id = ? AND household_id = ?",
                                   [self._require_revision(rulebook_id), household_id]):
                self._tombstone("workflow_signatures", row["id"])
                withdrawn = (date.fromisoformat(row["signed_on"]), row["sheet_ref"])
        return withdrawn

    # -- step 9 ----------------------------------------------------------------------------------
    def restore_filing(self, rulebook_id: str, filing: Filing) -> None:
        """Put the filing record back exactly as it was (the undo of a progress entry)."""
        found = load.filing(self._db, self._require_revision(rulebook_id))
        if found is None:
            raise DomainError("还没有备案任务。")
        self._edit()
        with self._db.atomic():
            self._update("workflow_filings", found[0], {
                "status": filing.status.value, "submitted_on": load.iso(filing.submitted_on),
                "receipt_number": filing.receipt_number, "receipt_date": load.iso(filing.receipt_date),
                "effective_date": load.iso(filing.effective_date), "note": filing.note})
