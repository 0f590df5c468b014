"""Step 3: the execution committee (members and their background checks) and the teams with their rosters."""
from __future__ import annotations

import json

from models.core.changes import Changed
from models.workflow.record_rules import refuse, team_name, team_problem
from models.workflow.records import BackgroundCheck, CommitteeMember, Shift, Team, TeamKind
from storage.workflow import rows as load
from storage.workflow.aggregate import WorkflowAggregate, changed


class SqliteCommitteeStore(WorkflowAggregate):
    """Implements models.workflow.ports.CommitteeStore over workflow_committee_members and workflow_checks."""

    def members(self, rulebook_id: str) -> tuple[CommitteeMember, ...]:
        return load.members(self._db, self._require_revision(rulebook_id))

    def add_member(self, rulebook_id: str, member: CommitteeMember) -> Changed:
        self._edit()
        with self._db.atomic():
            row = self._insert("workflow_committee_members", {
                "revision_id": self._require_revision(rulebook_id), "name": member.name, "villager_id":
                member.villager_id, "chair": int(member.chair), "capacity": member.capacity,
                "position": member.position})
        return changed(str(row["id"]))

    def remove_member(self, member_id: str) -> Changed:
        return self._withdraw("workflow_committee_members", member_id)

    def restore_member(self, member_id: str) -> Changed:
        """Bring back a member removed by mistake (the undo of a removal)."""
        self._edit()
        with self._db.atomic():
            self._update("workflow_committee_members", member_id, {"deleted": 0})
        return changed(member_id)

    def record_check(self, check: BackgroundCheck) -> Changed:
        self._edit()
        with self._db.atomic():
            row = self._insert("workflow_checks", {"member_id": check.member_id, "agency": check.agency.value,
                                                   "result": check.result.value, "on_date": check.on.isoformat(),
                                                   "note": check.note})
        return changed(str(row["id"]))

    def withdraw_check(self, check_id: str) -> Changed:
        return self._withdraw("workflow_checks", check_id)


class SqliteTeamStore(WorkflowAggregate):
    """Implements models.workflow.ports.TeamStore over workflow_teams and workflow_shifts."""

    def teams(self, rulebook_id: str) -> tuple[Team, ...]:
        return load.teams(self._db, self._require_revision(rulebook_id))

    def add_team(self, rulebook_id: str, kind: TeamKind, name: str, leader: str,
                 members: tuple[str, ...]) -> Changed:
        self._edit()
        with self._db.atomic():
            row = self._insert("workflow_teams", {
                "revision_id": self._require_revision(rulebook_id), "kind": kind.value,
                "name": team_name(name, kind), "leader": leader,
                "members": json.dumps(list(members), ensure_ascii=False)})
        return changed(str(row["id"]))

    def save_team(self, team: Team) -> Changed:
        """Change a team's name, leader and members."""
        self._edit()
        refuse(team_problem(team.name))
        with self._db.atomic():
            self._update("workflow_teams", team.id, {"name": team.name.strip(), "leader": team.leader,
                                                     "members": json.dumps(list(team.members), ensure_ascii=False)})
        return changed(team.id)

    def withdraw_team(self, team_id: str) -> Changed:
        return self._withdraw("workflow_teams", team_id)

    def roster(self, team_id: str) -> tuple[Shift, ...]:
        return load.shifts(self._db, team_id)

    def save_roster(self, team_id: str, shifts: list[Shift]) -> Changed:
        """Replace the team's duty roster (generated, then possibly edited by the clerk)."""
        self._edit()
        with self._db.atomic():
            for old in load.shifts(self._db, team_id):
                self._tombstone("workflow_shifts", old.id)
            for shift in shifts:
                self._insert("workflow_shifts", {"team_id": team_id, "week_start": shift.week_start.isoformat(),
                                                 "members": json.dumps(list(shift.members), ensure_ascii=False),
                                                 "holiday": shift.holiday})
        return changed(team_id)
