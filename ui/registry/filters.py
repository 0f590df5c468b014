"""The registry screen's search and filters: the search box, 关怀等级, 身份 (with the tags in use) and 外出 filters,
and which households they let through. `RegistryScreen` (ui/registry/screen.py) builds on it."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTreeWidget, QWidget

from models.core.ports import Stores
from models.registry.households import CareLevel, RoleCode, role_label
from models.registry.listing import HouseholdListing
from ui.registry.panels import SCOPE_ROLE
from ui.widgets.choice_combo import ChoiceCombo


class RegistryFilters(QWidget):
    """Filter state and widgets; the screen lists what `listing()` lets through and calls `_refresh_households`
    when the filters change."""

    stores: Stores
    total_households: int
    group_tree: QTreeWidget

    if TYPE_CHECKING:
        def _refresh_households(self) -> None:
            """The screen's: show the households these filters let through."""

    def _build_filters(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The search box on a row of its own, so its hint fits at 1024 px; the filters and files below."""
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("姓名、户号、电话、身份证号或拼音（如 wjh、wangjh）")
        self.search_edit.setClearButtonEnabled(True)
        hint_width = self.search_edit.fontMetrics().horizontalAdvance(self.search_edit.placeholderText())
        self.search_edit.setMinimumWidth(hint_width + 48)  # frame, text margins and the clear button
        self.care_combo: ChoiceCombo[CareLevel | None] = ChoiceCombo()
        self.care_combo.add_choice("全部关怀等级", None)
        for level in CareLevel:
            self.care_combo.add_choice(level.label, level)
        self.role_combo: ChoiceCombo[str] = ChoiceCombo()
        self.role_combo.add_choice("全部身份", "")
        for role in RoleCode:
            self.role_combo.add_choice(role.label, role.value)
        self.away_check = QCheckBox("只看有外出人员的户")
        self.import_button = QPushButton("导入花名册…")
        self.export_button = QPushButton("导出花名册…")
        self.export_button.setEnabled(self.stores.villagers.can_view_id_numbers)
        if not self.stores.villagers.can_view_id_numbers:
            self.export_button.setToolTip("导出含完整身份证号，您的角色不能导出。")
        search_row, filter_row = QHBoxLayout(), QHBoxLayout()
        search_row.addWidget(QLabel("查找："))
        search_row.addWidget(self.search_edit, 1)
        for widget in (QLabel("关怀等级："), self.care_combo, QLabel("身份："), self.role_combo, self.away_check):
            filter_row.addWidget(widget)
        filter_row.addStretch(1)
        filter_row.addWidget(self.import_button)
        filter_row.addWidget(self.export_button)
        return search_row, filter_row

    def _fill_tags(self) -> None:
        """Built-in roles stay; the user-defined tags in use are listed after them."""
        self.role_combo.blockSignals(True)
        current = self.role_combo.current_value()
        while self.role_combo.count() > len(RoleCode) + 1:
            self.role_combo.removeItem(self.role_combo.count() - 1)
        for tag in self.stores.registry.list_tags():
            self.role_combo.add_choice(f"标签：{role_label(tag)}", tag)
        self.role_combo.setCurrentIndex(max(self.role_combo.index_of(current), 0))
        self.role_combo.blockSignals(False)

    def apply_search(self, text: str) -> None:
        """Search as you type: households with a matching person, number or phone; the rest are hidden."""
        self._refresh_households()

    def _on_role_combo_changed(self) -> None:
        self._refresh_households()

    def listing(self) -> HouseholdListing:
        """What the households list shows: the search typed, the group or grid chosen, and the filters."""
        item = self.group_tree.currentItem()
        kind, uid = item.data(0, SCOPE_ROLE) if item is not None else ("all", "")
        return HouseholdListing(self.search_edit.text(), uid if kind == "group" else None,
                                uid if kind == "grid" else None, self.care_combo.current_value(),
                                self.away_check.isChecked(), self.role_combo.current_value() or "", date.today())

    def _empty_text(self, listing: HouseholdListing) -> str:
        """What the empty households list says: why nothing is listed, and what to try."""
        if not self.total_households:
            return "花名册还没有户。请点“导入花名册…”，或点下方的“新建户”。"
        text = listing.text.strip()
        if text and (listing == HouseholdListing(listing.text, on_date=listing.on_date) or not
                     self.stores.registry.households_page(HouseholdListing(text), 0, 1)):
            return (f"没有找到“{text}”。\n可以输入姓名中的几个字、户号、电话，"
                    "或拼音（全拼、首字母都行，如 wjh、wangjh）。")
        return "没有符合条件的户。请改选左边的组或网格、关怀等级或身份。"
