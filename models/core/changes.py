"""Change notices passed from operations to screens (`DataBus.changed`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Entity(StrEnum):
    """What kind of record changed; screens reload when it concerns them."""

    PROFILE = "profile"
    USER = "user"
    BACKUP = "backup"
    SETTINGS = "settings"
    VILLAGE_GROUP = "village_group"
    GRID = "grid"
    HOUSEHOLD = "household"
    VILLAGER = "villager"
    RULEBOOK = "rulebook"
    MEETING = "meeting"
    FOLLOW_UP = "follow_up"
    FOUR_TWO_MATTER = "four_two_matter"
    SYNC = "sync"  # a bundle was imported: any synced record may have changed
    WORKFLOW = "workflow"
    LIST_ENTRY = "list_entry"
    TOWNSHIP_REVIEW = "township_review"
    # rules
    RULE_VERSION = "rule_version"
    CATALOGUE_ARTICLE = "catalogue_article"
    # core and sync
    ATTACHMENT = "attachment"  # joined with its owner's change (a meeting, a revision's workflow, a list entry)
    SYNC_STATE = "sync_state"  # peers, held and quarantined rows, bundles sent and received (not a wildcard)
    # minutes (issue 15: each aggregate its own kind)
    MEETING_TYPE = "meeting_type"
    MINUTES_SETTINGS = "minutes_settings"
    CONVENE_PROPOSAL = "convene_proposal"
    # lists
    LIST_OBJECTION = "list_objection"
    NAMING_BASIS = "naming_basis"
    VOLUNTEER_RECORD = "volunteer_record"
    BOARD_VERSION = "board_version"
    LIST_SETTINGS = "list_settings"
    # printing
    PRINTED_COPY = "printed_copy"  # the register of printed copies (print verify)
    # care
    CARE_CONTACT = "care_contact"
    CARE_LEVEL = "care_level"
    CARE_VISIT = "care_visit"
    CARE_SETTINGS = "care_settings"
    # points
    POINTS_SCHEME = "points_scheme"
    POINTS_ENTRY = "points_entry"
    POINTS_GOODS = "points_goods"
    POINTS_REDEMPTION = "points_redemption"
    # matters
    MATTER = "matter"
    OFFICER_LOG = "officer_log"
    PROJECT = "project"
    # disclosures
    DISCLOSURE = "disclosure"
    DISCLOSURE_SETTINGS = "disclosure_settings"
    FINANCE_SHEET = "finance_sheet"
    # stars
    STAR_LIST = "star_list"
    STAR_AWARD = "star_award"
    STAR_CANDIDACY = "star_candidacy"
    # points (wave 4)
    POINTS_PUBLICATION = "points_publication"
    POINTS_OBJECTION = "points_objection"
    POINTS_APPLICATION = "points_application"
    POINTS_SETTINGS = "points_settings"

    @property
    def label(self) -> str:
        return {"profile": "村庄信息", "user": "用户", "backup": "备份", "settings": "设置", "village_group": "村民小组",
                "grid": "网格", "household": "户", "villager": "村民", "rulebook": "村规民约",
                "meeting": "会议记录", "follow_up": "决议落实", "four_two_matter": "四议两公开事项", "sync": "同步",
                "workflow": "九步工作法", "township_review": "乡镇审查",
                "list_entry": "红黑榜条目",
                "rule_version": "规约版本", "catalogue_article": "条款库条款",
                "attachment": "附件", "sync_state": "同步状态",
                "meeting_type": "会议类型", "minutes_settings": "会议记录设置", "convene_proposal": "提议召集",
                "list_objection": "榜单异议", "naming_basis": "公开姓名依据", "volunteer_record": "志愿服务记录",
                "board_version": "榜单版本记录", "list_settings": "榜单设置",
                "printed_copy": "打印登记",
                "care_contact": "联户人", "care_level": "关怀等级", "care_visit": "走访记录",
                "care_settings": "关怀设置",
                "points_scheme": "积分细则", "points_entry": "积分记录", "points_goods": "爱心超市商品",
                "points_redemption": "积分兑换",
                "matter": "群众说事", "officer_log": "信息员工作日志", "project": "项目库",
                "disclosure": "三务公开记录", "disclosure_settings": "三务公开设置", "finance_sheet": "财务公开表",
                "star_list": "星目", "star_award": "十星级文明户评定",
                "star_candidacy": "十星级文明户申报",
                "points_publication": "积分公示", "points_objection": "积分异议",
                "points_application": "积分换项目申请", "points_settings": "积分设置"}[self.value]


@dataclass(frozen=True)
class Changed:
    """变更通知 — which entity kind changed, and which ids (empty: possibly all).

    Every store write returns one (STYLE.md, "operations say what changed"); an operation that touches several kinds
    (a bundle import) returns one whose `also` holds the further kinds. `id` is the one id of a write that made or
    changed a single record (an add returns the new record's id there).
    """

    entity: str
    ids: frozenset[str] = field(default_factory=frozenset)
    also: tuple[Changed, ...] = ()

    @classmethod
    def one(cls, entity: str, record_id: str) -> Changed:
        """The change of one record (an add, a save, a withdraw)."""
        return cls(entity, frozenset({record_id}))

    @property
    def id(self) -> str:
        """The single id of a one-record change (ValueError when the change names none or several)."""
        if len(self.ids) != 1:
            raise ValueError(f"{self.entity}: expected one changed id, got {len(self.ids)}")
        return next(iter(self.ids))

    def parts(self) -> tuple[Changed, ...]:
        """Each entity kind this change names, once, with its ids (no `also` of their own); a kind one of the
        joined changes names without ids stays "possibly all" (ids named elsewhere do not narrow it)."""
        merged: dict[str, set[str] | None] = {}
        for part in (self, *self.also):
            for one in (part, *part.also):
                known = merged.setdefault(one.entity, set())
                if known is not None:
                    merged[one.entity] = known | one.ids if one.ids else None
        return tuple(Changed(entity, frozenset(ids or ())) for entity, ids in merged.items())

    def ids_of(self, entity: str) -> frozenset[str]:
        """The ids changed of `entity` (empty when none are named or the kind is not in this change)."""
        return frozenset().union(*(part.ids for part in self.parts() if part.entity == entity))

    def __or__(self, other: Changed) -> Changed:
        """Both changes as one notice (the first one's entity leads)."""
        return Changed(self.entity, self.ids, (*self.also, other, *other.also))

    def concerns(self, *entities: str) -> bool:
        """Whether a screen showing `entities` must reload: a bundle import (SYNC) may have changed any of them."""
        return any(part.entity == Entity.SYNC or part.entity in entities for part in self.parts())
