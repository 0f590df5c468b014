"""Store interfaces (Protocols) of 群众说事: matters with their timeline, the officer's log, the project pool;
and what the area reads of the registry and the minutes, as narrow ports."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.core.accounts import User
    from models.core.changes import Changed
    from models.matters.records import (Assignee, EventKind, Matter, MatterEvent, MatterStatus, OfficerLogEntry, Project,
                                        ProjectSource, ProjectStage, Raiser, Rating)
    from models.minutes.four_two import FourTwoMatter
    from models.minutes.types import MeetingTypeSpec
    from models.minutes.meetings import Meeting, MeetingSummary


class MatterStore(Protocol):
    """说事 and their timeline. Every write needs EDIT_RECORDS, adds a timeline event and returns
    Changed.one(MATTER, id); `add_matter` is the one way a matter is made (a visit of another area calls it)."""

    def matters(self, status: MatterStatus | None = None, overdue_on: date | None = None, text: str = "",
                township: bool = False, limit: int | None = None) -> list[Matter]: ...
    def matter(self, key: str) -> Matter:
        """By id or number (2026-说-001); NotFound otherwise."""
        ...
    def timeline(self, matter_id: str) -> list[MatterEvent]: ...
    def assigned_in(self, month: str) -> list[Matter]:
        """The matters 交办 (by hand or by a resolution) in `month` (YYYY-MM), whenever raised; by number."""
        ...
    def overdue(self, today: date) -> list[Matter]: ...
    def township_desk(self, offset: int = 0, limit: int = -1) -> list[Matter]:
        """Matters other villages assigned to the township, by village name, newest first within; a page of
        `limit` (-1: all) from the `offset`-th."""
        ...
    def village_names(self) -> dict[str, str]:
        """Village names by node (the township desk's matters come from many villages)."""
        ...
    def similar_open(self, matter: Matter) -> list[Matter]:
        """Open matters that read like this one (text and place): the duplicate hint at intake."""
        ...

    def add_matter(self, matter: Matter, public: bool | None = None, basis: str = "") -> Changed: ...
    def assign(self, matter_id: str, to: str, on: date, due: date | None = None,
               township: bool = False) -> Changed: ...
    def note(self, matter_id: str, text: str, on: date) -> Changed: ...
    def done(self, matter_id: str, result: str, on: date) -> Changed: ...
    def feedback(self, matter_id: str, rating: Rating | None, on: date, by: str = "", note: str = "",
                 how: str = "") -> Changed:
        """A rating (`how`: 电话 or 当面), or (rating None) a recorded attempt to reach the raiser."""
        ...
    def close(self, matter_id: str, on: date, reason: str = "") -> Changed: ...
    def reopen(self, matter_id: str, reason: str, on: date) -> Changed: ...
    def to_meeting(self, matter_id: str, meeting_id: str, on: date) -> Changed:
        """Add the matter as an agenda item of a draft meeting: MATTER | MEETING."""
        ...
    def apply_resolution(self, matter_id: str, on: date) -> Changed:
        """The finalised meeting's resolution on the matter: 交办 to its owner by its due date."""
        ...
    def township_reply(self, matter_id: str, text: str, on: date) -> Changed:
        """The township desk's answer to a matter a village assigned to it."""
        ...
    def undo_step(self, before: Matter, kind: EventKind) -> Changed:
        """撤销 the matter's newest step (of `kind`), back to `before`; refused when a later line followed it.
        提交议事's 撤销 takes its agenda item out of the meeting too (MATTER | MEETING), refused once the meeting is
        finalised or the item has a discussion, vote or resolution."""
        ...


class OfficerLogStore(Protocol):
    """议事信息员工作日志: each officer is an account of this installation (its display name is kept on the entry)."""

    def entries(self, officer: str | None = None, month: str | None = None) -> list[OfficerLogEntry]:
        """`officer`: an account's user name or display name (a stopped account's log still prints)."""
        ...
    def officer_name(self, key: str) -> str:
        """The display name of the account whose user name is `key` (as the entries keep it), else `key`."""
        ...
    def officers(self) -> list[User]:
        """The active accounts that may keep the log (the screen's choice)."""
        ...
    def add_entry(self, entry: OfficerLogEntry) -> Changed:
        """`entry.officer`: an active account's user name or display name; refused otherwise."""
        ...
    def withdraw_entry(self, entry_id: str) -> Changed:
        """撤销 an entry just written (the screen's undo)."""
        ...


class OfficerAccounts(Protocol):
    """What the officer's log reads of the accounts (the account store is one)."""

    def list_users(self) -> list[User]: ...


class ProjectStore(Protocol):
    """项目库: projects from resolutions, linked to their meeting and their 四议两公开 chain (a new one, or the one
    named by `four_two_id`); 立项 waits for the chain's resolution, 实施 for its public notice."""

    def projects(self) -> list[Project]: ...
    def project(self, project_id: str) -> Project: ...
    def add_project(self, project: Project) -> Changed:
        """From a passed agenda item (1-based) of a finalised meeting, a resolution: PROJECT | FOUR_TWO_MATTER."""
        ...
    def sources(self) -> list[ProjectSource]:
        """The resolutions a project may come from: the passed items of finalised meetings, newest meeting first."""
        ...
    def withdraw_project(self, project_id: str, chain_made: bool = False) -> Changed:
        """撤销 建入项目库 (the screen's undo): the project withdrawn while at 申报, with the 四议两公开 chain made for it
        (`chain_made`) while nothing is recorded on that chain."""
        ...
    def advance(self, project_id: str) -> Changed: ...
    def restore_stage(self, project_id: str, stage: ProjectStage) -> Changed:
        """撤销 an advance: the project back at `stage`."""
        ...


class RaiserDirectory(Protocol):
    """What 群众说事 reads of the registry: villagers by id or name, households by number (intake), and whom a
    matter can be assigned to (交办)."""

    def assignees(self, on: date) -> list[Assignee]:
        """Cadres (两委, 监委会) and group leaders holding a post on `on`, grid leaders, the committees, the
        execution committee's teams: in that order."""
        ...

    def villagers_named(self, key: str) -> list[Raiser]:
        """The villagers whose id is `key`, else those with this name (several: the caller refuses)."""
        ...
    def household(self, number: str) -> Raiser | None: ...


class ProjectChains(Protocol):
    """What the project pool needs of the minutes' 四议两公开 record (the four-two store is one)."""

    def get(self, matter_id: str) -> FourTwoMatter: ...
    def create_matter(self, title: str, motion_source: str, merged_first_stages: bool = False) -> Changed: ...
    def withdraw_matter(self, matter_id: str) -> Changed:
        """撤销 a chain just made (refused once a stage is recorded on it)."""
        ...


class MeetingTypes(Protocol):
    """What the project pool needs to tell a passed resolution: the meeting type's rules (the type store is one)."""

    def type_spec(self, code: str) -> MeetingTypeSpec: ...


class MeetingAgenda(Protocol):
    """What 提交议事 needs of the minutes: a meeting, and saving its draft (the minutes store is one)."""

    def get(self, meeting_id: str) -> Meeting: ...
    def save_draft(self, meeting: Meeting) -> Changed: ...


class MeetingLister(Protocol):
    """What 提交议事 on the screen lists of the minutes: the meetings, newest first (the minutes store is one)."""

    def list_meetings(self, year: int | None = None, type_code: str | None = None, text: str = "",
                      offset: int = 0, limit: int | None = None) -> list[MeetingSummary]: ...
