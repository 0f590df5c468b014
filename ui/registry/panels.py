"""Parts of the registry screen: the group/grid tree and the read-only detail form of one villager."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from models.registry.households import Grid, RoleHolding, VillageGroup, Villager

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 2  # ("all", "") / ("group", id) / ("grid", id)


def fill_group_tree(tree: QTreeWidget, groups: list[VillageGroup], grids: list[Grid],
                    counts: dict[str, int]) -> None:
    """全村 → 村民小组 → 网格, each with its number of households."""
    tree.clear()
    root = QTreeWidgetItem([f"全村（{sum(counts.values())} 户）"])
    root.setData(0, SCOPE_ROLE, ("all", ""))
    tree.addTopLevelItem(root)
    for group in groups:
        group_count = sum(counts.get(g.id, 0) for g in grids if g.group_id == group.id) + counts.get(group.id, 0)
        item = QTreeWidgetItem([f"{group.name}（{group_count} 户）"])
        item.setData(0, SCOPE_ROLE, ("group", group.id))
        root.addChild(item)
        for grid in grids:
            if grid.group_id == group.id:
                child = QTreeWidgetItem([f"{grid.name}（{counts.get(grid.id, 0)} 户）"])
                child.setData(0, SCOPE_ROLE, ("grid", grid.id))
                item.addChild(child)
    tree.expandToDepth(0)
    tree.setCurrentItem(root)


class VillagerDetail(QGroupBox):
    """村民详情 — every field of the selected person and the roles they hold."""

    FIELDS = ("姓名", "与户主关系", "性别", "身份证号", "出生日期", "民族", "联系电话", "政治面貌", "外出", "状态", "身份")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("村民详情", parent)
        form = QFormLayout(self)
        self.value_labels: dict[str, QLabel] = {}
        for name in self.FIELDS:
            label = QLabel("")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.value_labels[name] = label
            form.addRow(f"{name}：", label)

    def show_villager(self, villager: Villager | None, roles: list[RoleHolding]) -> None:
        values = dict.fromkeys(self.FIELDS, "")
        if villager is not None:
            values.update({
                "姓名": villager.name, "与户主关系": villager.relation,
                "性别": villager.gender.label if villager.gender else "", "身份证号": villager.id_number,
                "出生日期": villager.birth_date.isoformat() if villager.birth_date else "",
                "民族": villager.ethnicity, "联系电话": villager.phone, "政治面貌": villager.political_status,
                "外出": f"是（{villager.away_place}）" if villager.away else "否",
                "状态": villager.status.label + (f"（{villager.status_date}）" if villager.status_date else ""),
                "身份": "、".join(_role_text(r) for r in roles) or "无"})
        for name, text in values.items():
            self.value_labels[name].setText(text)


def _role_text(holding: RoleHolding) -> str:
    period = ""
    if holding.start_date or holding.end_date:
        period = f"（{holding.start_date or ''}起{'至' + str(holding.end_date) if holding.end_date else ''}）"
    return holding.label + period
