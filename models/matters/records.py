"""群众说事 records: a villager's matter (说事) with its timeline, the officer's log, the project pool (项目库)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class MatterClass(StrEnum):
    """事项类别; each class has a default time to deal with it (交办 due date)."""

    DISPUTE = "dispute"
    INFRASTRUCTURE = "infrastructure"
    ENVIRONMENT = "environment"
    POLICY = "policy"
    HELP = "help"
    SAFETY = "safety"
    SUPERVISION = "supervision"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CLASS_LABELS[self]

    @property
    def default_days(self) -> int:
        """Days from 交办 to the due date when none is given."""
        return _CLASS_DAYS[self]


_CLASS_LABELS = {MatterClass.DISPUTE: "矛盾纠纷", MatterClass.INFRASTRUCTURE: "基础设施",
                 MatterClass.ENVIRONMENT: "人居环境", MatterClass.POLICY: "政策咨询", MatterClass.HELP: "民生求助",
                 MatterClass.SAFETY: "安全隐患", MatterClass.SUPERVISION: "村务监督", MatterClass.OTHER: "其他"}
_CLASS_DAYS = {MatterClass.DISPUTE: 15, MatterClass.INFRASTRUCTURE: 30, MatterClass.ENVIRONMENT: 15,
               MatterClass.POLICY: 7, MatterClass.HELP: 15, MatterClass.SAFETY: 7, MatterClass.SUPERVISION: 15,
               MatterClass.OTHER: 15}


class Channel(StrEnum):
    """说事渠道 — how the matter reached the committee."""

    ROOM = "room"
    YARD = "yard"
    GRID_VISIT = "grid_visit"
    PHONE = "phone"
    OFFICER = "officer"
    WRITTEN = "written"
    TOWNSHIP = "township"

    @property
    def label(self) -> str:
        return {"room": "说事室", "yard": "院坝会", "grid_visit": "网格走访", "phone": "电话", "officer": "信息员",
                "written": "书面", "township": "乡镇转来"}[self.value]


class RaiserKind(StrEnum):
    """Who raised it: a villager of the registry, a household, nobody named, or a migrant villager away."""

    VILLAGER = "villager"
    HOUSEHOLD = "household"
    ANONYMOUS = "anonymous"
    MIGRANT = "migrant"

    @property
    def label(self) -> str:
        return {"villager": "村民", "household": "农户", "anonymous": "匿名", "migrant": "外出村民"}[self.value]


class MatterStatus(StrEnum):
    """open (问题清单) → assigned (交办清单) → done (办结) → closed (销号清单)."""

    OPEN = "open"
    ASSIGNED = "assigned"
    DONE = "done"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {"open": "待交办", "assigned": "已交办", "done": "已办结", "closed": "已销号"}[self.value]


class Rating(StrEnum):
    """The raiser's feedback (回访评价)."""

    SATISFIED = "satisfied"
    MOSTLY = "mostly"
    UNSATISFIED = "unsatisfied"

    @property
    def label(self) -> str:
        return {"satisfied": "满意", "mostly": "基本满意", "unsatisfied": "不满意"}[self.value]


class EventKind(StrEnum):
    """One line of a matter's timeline."""

    INTAKE = "intake"
    ASSIGN = "assign"
    NOTE = "note"
    DONE = "done"
    FEEDBACK = "feedback"
    ATTEMPT = "attempt"
    REOPEN = "reopen"
    CLOSE = "close"
    TO_MEETING = "to_meeting"
    TOWNSHIP_REPLY = "township_reply"
    RESOLUTION = "resolution"

    @property
    def label(self) -> str:
        return {"intake": "登记", "assign": "交办", "note": "进展", "done": "办结", "feedback": "回访",
                "attempt": "回访未果", "reopen": "重新办理", "close": "销号", "to_meeting": "提交议事",
                "township_reply": "乡镇答复", "resolution": "议事决议"}[self.value]


URGENCIES = ("一般", "紧急")


def by_label(enum: type[StrEnum], text: str) -> StrEnum | None:
    """The member whose value or Chinese label is `text` (the command line takes either)."""
    for member in enum:
        if text in (member.value, getattr(member, "label", "")):
            return member
    return None


@dataclass(frozen=True)
class Raiser:
    """说事人 as recorded: kind, the registry id (villager or household) and the name or number shown."""

    kind: RaiserKind
    ref: str = ""
    name: str = ""
    group: str = ""  # 村民小组, for the wall chart
    via: str = ""  # a migrant villager's relative or phone
    household_no: str = ""  # shown to tell two villagers of one name apart (not stored)

    @property
    def named(self) -> bool:
        return self.kind in (RaiserKind.VILLAGER, RaiserKind.HOUSEHOLD, RaiserKind.MIGRANT)


@dataclass(frozen=True)
class Assignee:
    """Whom a matter can be assigned to: `label` as the matter keeps it (村委会主任杨光明), `name` the person's or
    body's own name (what the command line may give instead)."""

    label: str
    name: str
    kind: str  # 干部, 组长, 网格员, 委员会, 队伍


@dataclass(frozen=True)
class Matter:
    """说事 — one matter from intake to 销号. `public`: may appear by name on the board lists (R49)."""

    cls: MatterClass
    channel: Channel
    text: str
    raised_on: date
    raiser: Raiser = Raiser(RaiserKind.ANONYMOUS)
    place: str = ""
    urgency: str = "一般"
    public: bool = True
    public_basis: str = ""
    id: str = ""
    number: str = ""
    status: MatterStatus = MatterStatus.OPEN
    assignee: str = ""
    to_township: bool = False
    due: date | None = None
    result: str = ""
    rating: Rating | None = None
    attempted: bool = False
    reopened: bool = False
    closed_on: date | None = None
    close_reason: str = ""
    meeting_id: str = ""
    village: str = ""  # the owning node (the township desk reads many villages)


@dataclass(frozen=True)
class MatterEvent:
    """时间线 — what happened to a matter, when, by whom."""

    matter_id: str
    at: date
    kind: EventKind
    by: str
    text: str = ""
    id: str = ""


@dataclass(frozen=True)
class OfficerLogEntry:
    """议事信息员工作日志 — one officer's dated entry (visits, matters collected, follow-ups)."""

    officer: str
    on: date
    text: str
    id: str = ""


class ProjectStage(StrEnum):
    """项目库: 申报 → 立项 → 实施 → 验收."""

    DECLARED = "declared"
    APPROVED = "approved"
    BUILDING = "building"
    ACCEPTED = "accepted"

    @property
    def label(self) -> str:
        return {"declared": "申报", "approved": "立项", "building": "实施", "accepted": "验收"}[self.value]


@dataclass(frozen=True)
class Project:
    """A resolution that needs money or work, linked to its meeting and agenda item."""

    name: str
    estimate: int  # yuan
    meeting_id: str
    item_number: int
    funding: str = ""
    stage: ProjectStage = ProjectStage.DECLARED
    matter_id: str = ""
    id: str = ""
    meeting_number: str = ""
    four_two_id: str = ""  # its 四议两公开 chain (minutes area): 立项 and 实施 wait for its steps


@dataclass(frozen=True)
class ProjectSource:
    """A resolution a project can come from (项目来源): a passed item of a finalised meeting, as amended; `matter_id`
    the villager's matter 提交议事 made it from, `projects` the names of projects already made from it."""

    meeting_id: str
    meeting_number: str
    meeting_label: str
    meeting_on: date
    item_number: int  # 1-based
    title: str
    resolution: str
    matter_id: str = ""
    matter_number: str = ""
    projects: tuple[str, ...] = ()
