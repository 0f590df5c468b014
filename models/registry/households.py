"""The household registry (户籍花名册): groups, grids, households, villagers and the roles they hold."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class CareLevel(StrEnum):
    """关怀等级 — Hanyin "321" rating of a household, shown green / yellow / red."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        return {"green": "放心户", "yellow": "关心户", "red": "连心户"}[self.value]


class Gender(StrEnum):
    """性别."""

    MALE = "male"
    FEMALE = "female"

    @property
    def label(self) -> str:
        return {"male": "男", "female": "女"}[self.value]


class VillagerStatus(StrEnum):
    """村民状态 — never hard-deleted: a person who died or moved out keeps the row with a date."""

    ACTIVE = "active"
    DECEASED = "deceased"
    MOVED_OUT = "moved_out"

    @property
    def label(self) -> str:
        return {"active": "在册", "deceased": "已故", "moved_out": "已迁出"}[self.value]


class RoleCode(StrEnum):
    """村民身份 — roles and tags a villager holds for a period (GLOSSARY)."""

    PARTY_MEMBER = "party_member"
    REPRESENTATIVE = "representative"
    TWO_COMMITTEES_MEMBER = "two_committees_member"
    SUPERVISORY_COMMITTEE_MEMBER = "supervisory_committee_member"
    CLUSTER_HEAD = "cluster_head"
    GRID_LEADER = "grid_leader"
    ELDER = "elder"
    CLAN_HEAD = "clan_head"
    DRUM_TOWER_HEAD = "drum_tower_head"
    VETERAN_CADRE = "veteran_cadre"
    VETERAN_PARTY_MEMBER = "veteran_party_member"
    NOTABLE = "notable"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    RoleCode.PARTY_MEMBER: "党员",
    RoleCode.REPRESENTATIVE: "村民代表",
    RoleCode.TWO_COMMITTEES_MEMBER: "两委成员",
    RoleCode.SUPERVISORY_COMMITTEE_MEMBER: "监委会成员",
    RoleCode.CLUSTER_HEAD: "中心户长",
    RoleCode.GRID_LEADER: "网格长",
    RoleCode.ELDER: "寨老",
    RoleCode.CLAN_HEAD: "房族族长",
    RoleCode.DRUM_TOWER_HEAD: "鼓楼楼长",
    RoleCode.VETERAN_CADRE: "老干部",
    RoleCode.VETERAN_PARTY_MEMBER: "老党员",
    RoleCode.NOTABLE: "乡贤",
}
# A user-defined tag is stored as "tag:<text>" so it can never collide with a built-in code.
TAG_PREFIX = "tag:"
PARTY_STATUSES = frozenset({"中共党员", "中共预备党员"})
HEAD_RELATION = "户主"
ADULT_AGE = 18


def role_label(role: str) -> str:
    """Chinese label of a built-in role code, or the text of a user-defined tag."""
    if role.startswith(TAG_PREFIX):
        return role[len(TAG_PREFIX):]
    try:
        return RoleCode(role).label
    except ValueError:
        return role


def tag_code(text: str) -> str:
    return TAG_PREFIX + text.strip()


@dataclass(frozen=True)
class VillageGroup:
    """村民小组 — a group (team) of the village, e.g. 第1组."""

    id: str
    name: str
    position: int = 0


@dataclass(frozen=True)
class Grid:
    """网格 — 20–30 households in one group, with a grid leader (网格长/中心户长), its level (1–3, see
    models/registry/grids.py), its parent grid and its 网格员 (the grid member named on the public board)."""

    id: str
    group_id: str
    name: str
    leader_id: str | None = None
    level: int = 3
    parent_id: str | None = None
    member_id: str | None = None


@dataclass(frozen=True)
class Household:
    """户 — one household with its 户号, group, grid, head and care level."""

    id: str
    household_no: str
    group_id: str
    grid_id: str | None = None
    address: str = ""
    head_id: str | None = None
    phone: str = ""
    care_level: CareLevel = CareLevel.GREEN
    notes: str = ""


@dataclass(frozen=True)
class Villager:
    """村民 — a person in the registry; marked deceased or moved out, never deleted."""

    id: str
    household_id: str
    name: str
    relation: str = ""
    gender: Gender | None = None
    id_number: str = ""
    birth_date: date | None = None
    ethnicity: str = ""
    phone: str = ""
    political_status: str = ""
    away: bool = False
    away_place: str = ""
    status: VillagerStatus = VillagerStatus.ACTIVE
    status_date: date | None = None
    position: int = 0

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def active_on(self, day: date) -> bool:
        """Living here on `day`: born by then, and not yet deceased or moved out."""
        if self.birth_date is not None and self.birth_date > day:
            return False
        if self.status is VillagerStatus.ACTIVE:
            return True
        return self.status_date is not None and self.status_date > day


@dataclass(frozen=True)
class RoleHolding:
    """身份任职 — a villager holding a role or tag from `start_date` until `end_date` (open if None)."""

    id: str
    villager_id: str
    role: str
    post: str = ""
    start_date: date | None = None
    end_date: date | None = None

    @property
    def label(self) -> str:
        base = role_label(self.role)
        return f"{base}（{self.post}）" if self.post else base

    def current_on(self, day: date) -> bool:
        started = self.start_date is None or self.start_date <= day
        return started and (self.end_date is None or self.end_date >= day)


@dataclass(frozen=True)
class HouseholdSummary:
    """户概览 — one line of the households table: the household with its head and counts."""

    household: Household
    group_name: str
    grid_name: str
    head_name: str
    members: int
    away: int


@dataclass(frozen=True)
class SearchHit:
    """查找结果 — a villager (or a household with no matching person) found by a search."""

    household_id: str
    household_no: str
    villager_id: str | None
    name: str


def adult_cutoff(day: date) -> date:
    """Born on or before this date means aged 18 or more on `day` (29 Feb → 28 Feb)."""
    try:
        return day.replace(year=day.year - ADULT_AGE)
    except ValueError:
        return day.replace(year=day.year - ADULT_AGE, day=28)
