"""Writing the records of each step (invitations, committee, opinions, review, vote, filing…), all audited."""
from __future__ import annotations

import json
from datetime import date

from models.core.accounts import Permission
from models.core.errors import DomainError, NotFound
from models.core.numerals import article_label
from models.workflow.steps import StepState, WorkflowStep
from models.workflow.guards import WorkflowSettings
from models.workflow.records import (ArticleVote, BackgroundCheck, Channel, CommitteeMember, Disposition,
                                     Invitation, InvitationReply, Opinion, OpinionKind, Shift, Team, TeamKind)
from storage.workflow import rows as load
from storage.rules.reasons import SqliteChangeReasonStore
from storage.rules.store import SqliteRulebookStore
from storage.core.store_base import SqliteStore


class WorkflowRecordWrites(SqliteStore):
    """The per-step record writes of SqliteWorkflowStore; every method needs an open revision."""

    def revision_id(self, rulebook_id: str) -> str | None:
        """The rulebook's latest revision, or None when no revision was ever started."""
        row = self._db.conn.execute("SELECT id FROM workflow_revisions WHERE rulebook_id = ? AND deleted = 0 "
                                    "ORDER BY created_at DESC, id DESC LIMIT 1", (rulebook_id,)).fetchone()
        return row[0] if row else None

    def _require_revision(self, rulebook_id: str) -> str:
        revision_id = self.revision_id(rulebook_id)
        if revision_id is None:
            raise NotFound("这份村规民约还没有开始修订。请先在“九步工作法”中开始修订（第一步：两委商议）。")
        return revision_id

    def _rules(self) -> SqliteRulebookStore:
        return SqliteRulebookStore(self._db, self._actor)

    def _edit(self) -> None:
        self._require(Permission.EDIT_RECORDS)

    # -- step 1 ----------------------------------------------------------------------------------
    def link_start_meeting(self, rulebook_id: str, meeting_id: str) -> None:
        self._edit()
        revision_id = self._require_revision(rulebook_id)
        with self._db.atomic():
            self._update("workflow_revisions", revision_id, {"start_meeting_id": meeting_id})

    def set_timetable(self, rulebook_id: str, targets: dict[WorkflowStep, date]) -> None:
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

    def settings(self, rulebook_id: str) -> WorkflowSettings:
        return load.settings_of(load.revision_row(self._db, self._require_revision(rulebook_id)))

    def set_settings(self, rulebook_id: str, filing_days: int, publicity_min_days: int,
                     representatives_may_vote: bool) -> None:
        """修订设置 (approvers): refused with the reason when `WorkflowSettings.problem` finds one."""
        self._require(Permission.APPROVE)
        revision_id = self._require_revision(rulebook_id)
        before = load.settings_of(load.revision_row(self._db, revision_id))
        after = WorkflowSettings(filing_days, publicity_min_days, representatives_may_vote)
        vote_done = any(s.step is WorkflowStep.ASSEMBLY_VOTE and s.state is StepState.DONE
                        for s in load.step_states(self._db, revision_id))
        problem = after.problem(before, vote_done)
        if problem:
            raise DomainError(problem)
        if after == before:
            return
        with self._db.atomic():
            self._update("workflow_revisions", revision_id, {
                "filing_days": filing_days, "publicity_min_days": publicity_min_days,
                "representatives_may_vote": int(representatives_may_vote)})

    # -- step 2 ----------------------------------------------------------------------------------
    def add_invitation(self, rulebook_id: str, invitation: Invitation) -> str:
        self._edit()
        if not invitation.name.strip():
            raise DomainError("请填写受邀人姓名或单位名称。")
        with self._db.atomic():
            row = self._insert("workflow_invitations", {
                "revision_id": self._require_revision(rulebook_id), "name": invitation.name.strip(),
                "villager_id": invitation.villager_id, "capacity": invitation.capacity,
                "womens_representative": int(invitation.womens_representative),
                "village_unit": int(invitation.village_unit), "sent_on": load.iso(invitation.sent_on),
                "expires_on": load.iso(invitation.expires_on), "reply": invitation.reply.value,
                "replied_on": load.iso(invitation.replied_on)})
        return str(row["id"])

    def reply_invitation(self, invitation_id: str, reply: InvitationReply, on: date) -> None:
        self._edit()
        with self._db.atomic():
            self._update("workflow_invitations", invitation_id, {"reply": reply.value, "replied_on": on.isoformat()})

    # -- step 3 ----------------------------------------------------------------------------------
    def add_member(self, rulebook_id: str, member: CommitteeMember) -> str:
        self._edit()
        with self._db.atomic():
            row = self._insert("workflow_committee_members", {
                "revision_id": self._require_revision(rulebook_id), "name": member.name, "villager_id":
                member.villager_id, "chair": int(member.chair), "capacity": member.capacity,
                "position": member.position})
        return str(row["id"])

    def remove_member(self, member_id: str) -> None:
        self._edit()
        with self._db.atomic():
            self._tombstone("workflow_committee_members", member_id)

    def record_check(self, check: BackgroundCheck) -> str:
        self._edit()
        with self._db.atomic():
            row = self._insert("workflow_checks", {"member_id": check.member_id, "agency": check.agency.value,
                                             "result": check.result.value, "on_date": check.on.isoformat(),
                                             "note": check.note})
        return str(row["id"])

    def add_team(self, rulebook_id: str, kind: TeamKind, name: str, leader: str, members: tuple[str, ...]) -> str:
        self._edit()
        with self._db.atomic():
            row = self._insert("workflow_teams", {
                "revision_id": self._require_revision(rulebook_id), "kind": kind.value,
                "name": name.strip() or kind.label, "leader": leader,
                "members": json.dumps(list(members), ensure_ascii=False)})
        return str(row["id"])

    def teams(self, rulebook_id: str) -> tuple[Team, ...]:
        return load.teams(self._db, self._require_revision(rulebook_id))

    def save_roster(self, team_id: str, shifts: list[Shift]) -> None:
        """Replace the team's duty roster (generated, then possibly edited by the clerk)."""
        self._edit()
        with self._db.atomic():
            for old in load.shifts(self._db, team_id):
                self._tombstone("workflow_shifts", old.id)
            for shift in shifts:
                self._insert("workflow_shifts", {"team_id": team_id, "week_start": shift.week_start.isoformat(),
                                                 "members": json.dumps(list(shift.members), ensure_ascii=False),
                                                 "holiday": shift.holiday})

    def roster(self, team_id: str) -> tuple[Shift, ...]:
        return load.shifts(self._db, team_id)

    # -- step 4 and 6 ----------------------------------------------------------------------------
    def set_draft(self, rulebook_id: str, number: int) -> None:
        """Name the version that is the first draft (step 4)."""
        self._edit()
        version = self._rules().load_version(rulebook_id, number)
        with self._db.atomic():
            self._update("workflow_revisions", self._require_revision(rulebook_id), {"draft_version_id": version.id})

    def link_change(self, rulebook_id: str, version_id: str, article_key: str, opinion_ids: list[str]) -> None:
        """Link an article change to the opinions it answers; the 修改对照表 reason is written from them."""
        self._edit()
        opinions = {o.id: o for o in load.opinions(self._db, self._require_revision(rulebook_id))}
        chosen = [opinions[i] for i in opinion_ids if i in opinions]
        if not chosen:
            raise DomainError("请至少选择一条这一修改所答复的意见。")
        with self._db.atomic():
            for opinion in chosen:
                self._insert("workflow_revision_links", {"version_id": version_id, "article_key": article_key,
                                                         "opinion_id": opinion.id})
            reason = "采纳" + "、".join(o.title for o in chosen)
            SqliteChangeReasonStore(self._db, self._actor).set_change_reason(version_id, article_key, reason)

    # -- step 5 and 7 ----------------------------------------------------------------------------
    def add_opinion(self, rulebook_id: str, kind: OpinionKind, name: str, channel: Channel, on: date, text: str,
                    article_key: str = "", household_id: str = "", villager_id: str = "", form_serial: str = "",
                    written_by: str = "") -> str:
        self._edit()
        if not text.strip() or not name.strip():
            raise DomainError("请填写提意见的人和意见内容。")
        revision_id = self._require_revision(rulebook_id)
        label = ""
        if article_key:
            numbers = self._rules().load_version(rulebook_id).numbers()
            label = article_label(numbers[article_key]) if article_key in numbers else ""
        with self._db.atomic():
            number = self._next_opinion_number(revision_id, kind)
            row = self._insert("workflow_opinions", {
                "revision_id": revision_id, "number": number, "kind": kind.value, "name": name.strip(),
                "villager_id": villager_id, "household_id": household_id, "channel": channel.value,
                "on_date": on.isoformat(), "article_key": article_key, "article_label": label, "text": text.strip(),
                "form_serial": form_serial.strip(), "written_by": written_by.strip()})
        return str(row["id"])

    def _next_opinion_number(self, revision_id: str, kind: OpinionKind) -> int:
        """One above the highest number in the register, read inside the writing transaction.

        A withdrawn opinion (a tombstone: an entry typed by mistake, or an undone one) keeps its number in its row
        for the history but is no longer in the register, so it does not count: the next entry, or the redo of the
        undone one, takes that number back when nothing was registered after it. Live entries never change number
        (it may already be on a reply or a printed statement); the unique index covers live rows only."""
        return int(self._db.conn.execute(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM workflow_opinions WHERE revision_id = ? AND kind = ? "
            "AND deleted = 0", (revision_id, kind.value)).fetchone()[0])

    def reply_opinion(self, opinion_id: str, disposition: Disposition, reason: str, by: str, on: date) -> None:
        self._edit()
        if disposition is not Disposition.ADOPTED and not reason.strip():
            raise DomainError(f"“{disposition.label}”须写明理由，以便向群众答复。")
        with self._db.atomic():
            self._insert("workflow_replies", {"opinion_id": opinion_id, "disposition": disposition.value,
                                              "reason": reason.strip(), "replied_by": by, "on_date": on.isoformat()})

    def withdraw_reply(self, opinion_id: str) -> None:
        """Tombstone the latest reply to an opinion (the undo of a reply typed by mistake)."""
        self._edit()
        row = self._db.conn.execute("SELECT id FROM workflow_replies WHERE opinion_id = ? AND deleted = 0 "
                                    "ORDER BY created_at DESC, id DESC LIMIT 1", (opinion_id,)).fetchone()
        if row is not None:
            with self._db.atomic():
                self._tombstone("workflow_replies", row[0])

    def opinions(self, rulebook_id: str) -> tuple[Opinion, ...]:
        return load.opinions(self._db, self._require_revision(rulebook_id))

    def record_publicity(self, rulebook_id: str, start: date, end: date, place: str) -> None:
        self._edit()
        if end < start:
            raise DomainError("公示结束日期不能早于开始日期。")
        version = self._rules().load_version(rulebook_id)
        with self._db.atomic():
            self._insert("workflow_publicity", {"revision_id": self._require_revision(rulebook_id),
                                                "start_date": start.isoformat(), "end_date": end.isoformat(),
                                                "place": place, "version_id": version.id})

    def record_review(self, rulebook_id: str, on: date, reviewer: str, conclusion: str,
                      article_notes: tuple[tuple[str, str], ...] = (), number: int | None = None) -> None:
        """The township's written legality review opinion of version `number` (default: the latest)."""
        self._edit()
        if not reviewer.strip() or not conclusion.strip():
            raise DomainError("请填写审查机关和审查结论（照书面意见录入）。")
        version = self._rules().load_version(rulebook_id, number)
        with self._db.atomic():
            self._insert("workflow_reviews", {
                "revision_id": self._require_revision(rulebook_id), "version_id": version.id,
                "version_number": version.number, "on_date": on.isoformat(), "reviewer": reviewer.strip(),
                "conclusion": conclusion.strip(), "article_notes": json.dumps(list(article_notes), ensure_ascii=False)},
                summary=f"录入乡镇合法性审查意见（第{version.number}版）")

    # -- step 8 and 9 ----------------------------------------------------------------------------
    def record_vote(self, rulebook_id: str, meeting_id: str, tallies: tuple[ArticleVote, ...],
                    by_article: bool = False) -> None:
        self._require(Permission.APPROVE)
        if not tallies:
            raise DomainError("请录入表决票数（全文或逐条）。")
        version = self._rules().load_version(rulebook_id)
        data = [{"key": t.article_key, "label": t.label, "for": t.tally.for_, "against": t.tally.against,
                 "abstain": t.tally.abstain} for t in tallies]
        with self._db.atomic():
            self._insert("workflow_votes", {
                "revision_id": self._require_revision(rulebook_id), "meeting_id": meeting_id,
                "version_id": version.id, "version_number": version.number, "by_article": int(by_article),
                "tallies": json.dumps(data, ensure_ascii=False)}, summary=f"录入表决结果（第{version.number}版）")

    def mark_signed(self, rulebook_id: str, household_id: str, on: date, sheet_ref: str = "") -> None:
        """Tick a household on the signature sheet (once: ticking a signed household again changes nothing)."""
        self._edit()
        if household_id in self.signed_households(rulebook_id):
            return
        with self._db.atomic():
            self._insert("workflow_signatures", {"revision_id": self._require_revision(rulebook_id),
                                                 "household_id": household_id, "signed_on": on.isoformat(),
                                                 "sheet_ref": sheet_ref})

    def signed_households(self, rulebook_id: str) -> set[str]:
        return load.signed_households(self._db, self._require_revision(rulebook_id))
