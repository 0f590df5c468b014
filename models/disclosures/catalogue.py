"""The catalogue of what must be disclosed (三务公开目录): a data file a county may replace, read into items here."""
from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from models.core.errors import DomainError


class DisclosureKind(StrEnum):
    """党务、村务、财务 — the three disclosures."""

    PARTY = "party"
    VILLAGE = "village"
    FINANCE = "finance"

    @property
    def label(self) -> str:
        return {"party": "党务公开", "village": "村务公开", "finance": "财务公开"}[self.value]


class Frequency(StrEnum):
    """How often an item is due: by period, or after each four-two resolution; `finance` is monthly in a village
    with many transactions and quarterly otherwise (村民委员会组织法第三十条)."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    FINANCE = "finance"
    FOUR_TWO = "four_two"
    WORKFLOW = "workflow"  # the rules' publicity the nine-step workflow records (step 7): due and done by itself
    APPROVAL = "approval"  # an item needing government approval: due days after the reply is received
    PROJECT = "project"  # a long project: its decision, progress and completion each due days after the event

    @property
    def label(self) -> str:
        return {"monthly": "每月", "quarterly": "每季度", "yearly": "每年", "finance": "每月（往来少的村每季度）",
                "four_two": "每项决议后", "workflow": "村规民约修订公示（九步工作法登记）",
                "approval": "收到政府批复后", "project": "项目决策、进展、完成时"}[self.value]

    @property
    def by_event(self) -> bool:
        """Due after an event the clerk records (`disclose event`), not by period or by another area's record."""
        return self in (Frequency.APPROVAL, Frequency.PROJECT)


class Place(StrEnum):
    """Where it was posted; a WeChat group is a note beside the board, never the disclosure itself."""

    BOARD = "board"
    SCREEN = "screen"
    WECHAT = "wechat"

    @property
    def label(self) -> str:
        return {"board": "村务公开栏", "screen": "触摸屏/电子屏", "wechat": "微信群（仅作补充）"}[self.value]


@dataclass(frozen=True)
class CatalogueItem:
    """目录中的一类 — kind, category, how often, how many days after the period (or resolution) it is due."""

    kind: DisclosureKind
    category: str
    frequency: Frequency
    days: int
    basis: str = ""
    items: tuple[str, ...] = ()  # what a posting of the category contains (a county's catalogue lists its items)


def _items(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise TypeError("items")
    return tuple(item.strip() for item in value)


def parse_catalogue(text: str, source: str = "三务公开目录") -> tuple[CatalogueItem, ...]:
    """The items of a catalogue file (JSON: {"items": [{kind, category, frequency, days, basis, items}]}, `items`
    an optional list of what the category's posting contains), refused in Chinese naming the entry when one is not
    understood."""
    try:
        items = json.loads(text)["items"]
    except (ValueError, KeyError, TypeError):
        raise DomainError(f"{source}不是有效的目录文件：应为 JSON，含 items 列表。") from None
    found: list[CatalogueItem] = []
    for number, item in enumerate(items, 1):
        try:
            found.append(CatalogueItem(DisclosureKind(item["kind"]), str(item["category"]).strip(),
                                       Frequency(item["frequency"]), int(item.get("days", 10)),
                                       str(item.get("basis", "")), _items(item.get("items", []))))
        except (ValueError, KeyError, TypeError):
            raise DomainError(f"{source}第 {number} 项看不懂：kind 须为 party/village/finance，frequency 须为 "
                              "monthly/quarterly/yearly/finance/four_two/workflow/approval/project，items 须为文字列表。") from None
        if not found[-1].category or not 0 <= found[-1].days <= 90:
            raise DomainError(f"{source}第 {number} 项：类别不能为空，天数须在 0–90 之间。")
    if len({(i.kind, i.category) for i in found}) != len(found):
        raise DomainError(f"{source}中有重复的类别。")
    return tuple(found)


def item_of(catalogue: tuple[CatalogueItem, ...], kind: DisclosureKind, category: str) -> CatalogueItem:
    found = next((i for i in catalogue if i.kind is kind and i.category == category.strip()), None)
    if found is None:
        names = "、".join(i.category for i in catalogue if i.kind is kind)
        raise DomainError(f"{kind.label}目录中没有“{category}”。可用的类别：{names}。")
    return found
