"""The officer's log (议事信息员工作日志) and the project pool (项目库)."""
from __future__ import annotations

from models.core.accounts import Actor, Permission, User
from models.core.audit import summarize_change
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.matters import rules
from models.matters.ports import MeetingAgenda, MeetingTypes, OfficerAccounts, ProjectChains
from models.matters.records import OfficerLogEntry, Project, ProjectSource, ProjectStage
from models.minutes.four_two import FourTwoMatter
from models.minutes.meetings import MeetingStatus
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.matters import rows as load
from storage.matters.rows import rows


class SqliteOfficerLogStore(SqliteStore):
    """Implements models.matters.ports.OfficerLogStore; the officers are the accounts `accounts` lists."""

    def __init__(self, db: Database, actor: Actor, accounts: OfficerAccounts) -> None:
        super().__init__(db, actor)
        self._accounts = accounts

    def officers(self) -> list[User]:
        return [u for u in self._accounts.list_users() if u.active]

    def officer_name(self, key: str) -> str:
        """The display name of the account whose user name is `key` (the name the log keeps), else `key`."""
        named = {u.username: u.display_name for u in self._accounts.list_users()}
        return named.get(key.strip(), key.strip())

    def entries(self, officer: str | None = None, month: str | None = None) -> list[OfficerLogEntry]:
        """Oldest first; `month` is YYYY-MM; `officer` a name as kept on the entries, or an account's user name."""
        where, args = ["deleted = 0"], []
        if officer:
            where.append("officer IN (?, ?)")
            args += [officer.strip(), self.officer_name(officer)]
        if month:
            where.append("substr(on_date, 1, 7) = ?")
            args.append(month)
        return [load.log_entry(r) for r in rows(self._db, f"SELECT * FROM matter_officer_logs WHERE "
                                                          f"{' AND '.join(where)} ORDER BY on_date, created_at", args)]

    def add_entry(self, entry: OfficerLogEntry) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        if not entry.officer.strip() or not entry.text.strip():
            raise DomainError("请写明信息员和日志内容。")
        officer = rules.pick_officer(entry.officer, self._accounts.list_users())
        with self._db.atomic():
            row = self._insert("matter_officer_logs", {"officer": officer.display_name,
                                                       "on_date": entry.on.isoformat(), "text": entry.text.strip()})
        return Changed.one(Entity.OFFICER_LOG, row["id"])

    def withdraw_entry(self, entry_id: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._tombstone("matter_officer_logs", entry_id)
        return Changed.one(Entity.OFFICER_LOG, entry_id)


class SqliteProjectStore(SqliteStore):
    """Implements models.matters.ports.ProjectStore; the meeting a project comes from is read through `agenda`, its
    四议两公开 chain through `chains` (the minutes' four-two store), whether its item passed by `types`' rules."""

    def __init__(self, db: Database, actor: Actor, agenda: MeetingAgenda, chains: ProjectChains,
                 types: MeetingTypes) -> None:
        super().__init__(db, actor)
        self._agenda, self._chains, self._types = agenda, chains, types

    def projects(self) -> list[Project]:
        found = rows(self._db, "SELECT p.*, COALESCE(m.number, '') AS meeting_number FROM matter_projects p "
                               "LEFT JOIN meetings m ON m.id = p.meeting_id WHERE p.deleted = 0 "
                               "ORDER BY p.created_at")
        return [load.project(r) for r in found]

    def project(self, project_id: str) -> Project:
        found = [p for p in self.projects() if p.id == project_id.strip()]
        if not found:
            raise NotFound(f"没有编号为“{project_id}”的项目。请用 project list 查看。")
        return found[0]

    def add_project(self, project: Project) -> Changed:
        """入库: from agenda item `item_number` (1-based) of a finalised meeting, passed (a resolution)."""
        self._require(Permission.EDIT_RECORDS)
        rules.check_project(project.name, project.estimate)
        meeting = self._agenda.get(project.meeting_id)
        rules.check_project_source(meeting, self._types.type_spec(meeting.type_code), project.item_number)
        with self._db.atomic():
            chain = self._chain(project)
            values = {"project_name": project.name.strip(), "estimate": project.estimate, "funding": project.funding,
                      "stage": project.stage.value, "meeting_id": meeting.id, "item_number": project.item_number,
                      "matter_id": project.matter_id, "four_two_id": chain.id}
            # The item's number would read as a 0/1 flag in the audit sentence; the meeting link names the item.
            summary = summarize_change(None, {k: v for k, v in values.items() if k != "item_number"})
            row = self._insert("matter_projects", values, summary=summary)
        return Changed.one(Entity.PROJECT, row["id"]) | Changed.one(Entity.FOUR_TWO_MATTER, chain.id)

    def _chain(self, project: Project) -> FourTwoMatter:
        """The chain named, or a new one titled as the project (a villager's matter: 党员群众建议)."""
        if project.four_two_id.strip():
            return self._chains.get(project.four_two_id.strip())
        source = "党员群众建议" if project.matter_id else "村干部提议"
        return self._chains.get(self._chains.create_matter(project.name.strip(), source).id)

    def sources(self) -> list[ProjectSource]:
        """The passed items of the finalised meetings (the newest 60), newest meeting first."""
        made: dict[tuple[str, int], list[str]] = {}
        for project in self.projects():
            made.setdefault((project.meeting_id, project.item_number), []).append(project.name)
        numbers = {r["number"]: r["id"] for r in rows(self._db, "SELECT id, number FROM matters WHERE deleted = 0 "
                                                               "AND owner = (SELECT id FROM node)")}
        found: list[ProjectSource] = []
        for row in rows(self._db, "SELECT id FROM meetings WHERE deleted = 0 AND status = ? "
                                  "ORDER BY date DESC, number DESC LIMIT 60", [MeetingStatus.FINAL.value]):
            meeting = self._agenda.get(row["id"])
            spec = self._types.type_spec(meeting.type_code)
            for n, item in rules.resolutions(meeting, spec):
                matter = rules.matter_number_of(item) if rules.matter_number_of(item) in numbers else ""
                found.append(ProjectSource(meeting.id, meeting.number, spec.label, meeting.on, n, item.title,
                                           item.resolution.strip(), numbers.get(matter, ""), matter,
                                           tuple(made.get((meeting.id, n), ()))))
        return found

    def withdraw_project(self, project_id: str, chain_made: bool = False) -> Changed:
        current = self.project(project_id)
        self._require(Permission.EDIT_RECORDS)
        rules.check_withdraw_project(current)
        changed = Changed.one(Entity.PROJECT, current.id)
        with self._db.atomic():
            self._tombstone("matter_projects", current.id)
            if chain_made and current.four_two_id:
                changed = changed | self._chains.withdraw_matter(current.four_two_id)
        return changed

    def advance(self, project_id: str) -> Changed:
        current = self.project(project_id)
        self._require(Permission.EDIT_RECORDS)
        stage = rules.next_stage(current.stage)
        chain = self._chains.get(current.four_two_id) if current.four_two_id else None
        refusal = rules.chain_refusal(current.name, stage, chain)
        if refusal:
            raise DomainError(refusal)
        with self._db.atomic():
            self._update("matter_projects", current.id, {"stage": stage.value})
        return Changed.one(Entity.PROJECT, current.id)

    def restore_stage(self, project_id: str, stage: ProjectStage) -> Changed:
        current = self.project(project_id)
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._update("matter_projects", current.id, {"stage": stage.value}, action="undo")
        return Changed.one(Entity.PROJECT, current.id)
