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

    @property
    def label(self) -> str:
        return {"profile": "村庄信息", "user": "用户", "backup": "备份", "settings": "设置", "village_group": "村民小组",
                "grid": "网格", "household": "户", "villager": "村民", "rulebook": "村规民约",
                "meeting": "会议记录", "follow_up": "决议落实", "four_two_matter": "四议两公开事项", "sync": "同步",
                "workflow": "九步工作法", "township_review": "乡镇审查",
                "list_entry": "红黑榜条目"}[self.value]


@dataclass(frozen=True)
class Changed:
    """变更通知 — which entity kind changed, and which ids (empty: possibly all)."""

    entity: str
    ids: frozenset[str] = field(default_factory=frozenset)

    def concerns(self, *entities: str) -> bool:
        """Whether a screen showing `entities` must reload: a bundle import (SYNC) may have changed any of them."""
        return self.entity == Entity.SYNC or self.entity in entities
