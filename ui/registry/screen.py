"""RegistryScreen (户籍花名册): group/grid tree, households, members, detail, search and filters."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableView,
                               QTreeWidget, QVBoxLayout, QWidget)

from models.core.changes import Changed, Entity
from models.core.ports import Stores
from models.registry.households import Grid, HouseholdSummary, VillageGroup, Villager
from models.registry.listing import HouseholdListing
from ui.core.bus import DataBus
from ui.registry.actions import RegistryActions
from ui.registry.filters import RegistryFilters
from ui.registry.panels import VillagerDetail, fill_group_tree
from ui.registry.table_model import HouseholdTableModel, MemberTableModel
from ui.widgets.empty_hint import add_empty_hint

REGISTRY_ENTITIES = {Entity.VILLAGE_GROUP, Entity.GRID, Entity.HOUSEHOLD, Entity.VILLAGER}


class RegistryScreen(RegistryFilters):
    """户籍花名册 — find a household, see and edit its people; every edit is undoable (Ctrl+Z). The search and
    filters are ui/registry/filters.py, the buttons' acts ui/registry/actions.py."""

    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stores, self.bus = stores, bus
        self.undo_stack = QUndoStack(self)
        self.total_households = 0
        self.scope_counts: dict[str, int] = {}
        self.groups: list[VillageGroup] = []
        self.grids: list[Grid] = []
        self._build_ui()
        self.actions = RegistryActions(self)
        self._connect_signals()
        self.reload()

    # ---- building ---------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.setWindowTitle("户籍花名册")
        layout = QVBoxLayout(self)
        search_row, filter_row = self._build_filters()
        layout.addLayout(search_row)
        layout.addLayout(filter_row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_tree())
        splitter.addWidget(self._build_households())
        splitter.addWidget(self._build_members())
        splitter.setSizes([200, 560, 560])
        layout.addWidget(splitter, 1)
        self.status_label = QLabel("")
        layout.addWidget(self.status_label)

    def _build_tree(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.group_tree = QTreeWidget()
        self.group_tree.setHeaderLabels(["村民小组 / 网格"])
        self.add_group_button = QPushButton("新建组")
        self.add_grid_button = QPushButton("新建网格")
        layout.addWidget(self.group_tree)
        self.rename_scope_button = QPushButton("改名")
        self.retire_scope_button = QPushButton("撤销空组/网格")
        self.retire_scope_button.setToolTip("只能撤销已没有户（和网格）的组或网格；可撤销（Ctrl+Z）。")
        layout.addLayout(_row(self.add_group_button, self.add_grid_button))
        layout.addLayout(_row(self.rename_scope_button, self.retire_scope_button))
        return box

    def _build_households(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.households_model = HouseholdTableModel()
        self.households_view = _table(self.households_model)
        self.households_hint = add_empty_hint(self.households_view, "")
        self.add_household_button = QPushButton("新建户")
        self.edit_household_button = QPushButton("修改户信息")
        self.move_household_button = QPushButton("迁移到其他组/网格")
        layout.addWidget(QLabel("户："))
        layout.addWidget(self.households_view)
        # Two short rows, not one long one: the three panes fit beside the sidebar on a 1024-pixel screen.
        layout.addLayout(_row(self.add_household_button, self.edit_household_button))
        layout.addLayout(_row(self.move_household_button))
        return box

    def _build_members(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.members_model = MemberTableModel()
        self.members_view = _table(self.members_model)
        self.add_member_button = QPushButton("添加成员")
        self.edit_member_button = QPushButton("修改")
        self.deceased_button = QPushButton("标记已故")
        self.moved_out_button = QPushButton("标记迁出")
        self.add_role_button = QPushButton("添加身份")
        self.end_role_button = QPushButton("结束身份")
        self.edit_role_button = QPushButton("修改身份日期")
        self.grid_leader_button = QPushButton("设为网格长")
        self.detail = VillagerDetail()
        layout.addWidget(QLabel("户成员："))
        layout.addWidget(self.members_view, 2)
        layout.addLayout(_row(self.add_member_button, self.edit_member_button, self.deceased_button))
        layout.addLayout(_row(self.moved_out_button, self.add_role_button, self.end_role_button))
        layout.addLayout(_row(self.edit_role_button, self.grid_leader_button))
        layout.addWidget(self.detail, 1)
        return box

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self.apply_search)
        self.care_combo.currentIndexChanged.connect(self._refresh_households)
        self.role_combo.currentIndexChanged.connect(self._on_role_combo_changed)
        self.away_check.toggled.connect(self._refresh_households)
        self.group_tree.currentItemChanged.connect(self._refresh_households)
        self.households_view.selectionModel().currentRowChanged.connect(self._on_household_changed)
        self.members_view.selectionModel().currentRowChanged.connect(self._on_member_changed)
        self.bus.changed.connect(self._on_bus_changed)
        undo = self.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "重做")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo

    # ---- loading and filtering --------------------------------------------------------------
    def reload(self) -> None:
        """Read the registry again, keeping the selected household and person when they are still listed."""
        keep_household, keep_member = self.current_household_id(), self.current_villager_id()
        self.scope_counts = self.stores.households.scope_counts()
        self.total_households = sum(self.scope_counts.values())
        self.groups, self.grids = self.stores.groups.list_groups(), self.stores.groups.list_grids()
        self._fill_tree()
        self._fill_tags()
        self._list_households(keep_loaded=True)
        self.select_household(keep_household, keep_member)

    def _fill_tree(self) -> None:
        self.group_tree.blockSignals(True)
        fill_group_tree(self.group_tree, self.groups, self.grids, self.scope_counts)
        self.group_tree.blockSignals(False)

    def _refresh_households(self) -> None:
        self._list_households(keep_loaded=False)

    def _list_households(self, keep_loaded: bool) -> None:
        """List the households the search and filters let through, a page at a time (issue 17: a county holds
        37,500); the count is exact when it is known without reading them all."""
        keep = self.current_household_id()
        listing = self.listing()
        registry = self.stores.registry
        self.households_model.read(lambda offset, limit: registry.households_page(listing, offset, limit),
                                   keep_loaded)
        self.households_hint.setText(self._empty_text(listing) if self.households_model.rowCount() == 0 else "")
        self._show_count(listing)
        if keep:
            self.select_household(keep, None)
        else:
            self._select_first()

    def _show_count(self, listing: HouseholdListing) -> None:
        shown = self.households_model.rowCount()
        if not listing.filtered:
            shown = self._scope_count(listing)
        elif not self.households_model.complete:
            self.status_label.setText(f"显示前 {shown} 户，向下滚动显示更多（共 {self.total_households} 户）。"
                                      "撤销（Ctrl+Z）只在本界面打开期间有效。")
            return
        self.status_label.setText(f"显示 {shown} 户（共 {self.total_households} 户）。撤销（Ctrl+Z）只在本界面打开期间有效。")

    def _scope_count(self, listing: HouseholdListing) -> int:
        """Households in the chosen group or grid (all of them when neither is), from the counts read."""
        if listing.grid_id:
            return self.scope_counts.get(listing.grid_id, 0)
        if listing.group_id:
            grids = [grid.id for grid in self.grids if grid.group_id == listing.group_id]
            return sum(self.scope_counts.get(uid, 0) for uid in [listing.group_id, *grids])
        return self.total_households

    # ---- selection --------------------------------------------------------------------------
    def current_household(self) -> HouseholdSummary | None:
        index = self.households_view.currentIndex()
        return self.households_model.row_at(index.row()) if index.isValid() else None

    def current_household_id(self) -> str | None:
        summary = self.current_household() if hasattr(self, "households_model") else None
        return summary.household.id if summary else None

    def current_villager(self) -> Villager | None:
        index = self.members_view.currentIndex()
        return self.members_model.row_at(index.row()) if index.isValid() else None

    def current_villager_id(self) -> str | None:
        villager = self.current_villager() if hasattr(self, "members_model") else None
        return villager.id if villager else None

    def select_household(self, household_id: str | None, villager_id: str | None) -> None:
        row = self.households_model.row_of(household_id) if household_id else -1
        if row < 0:
            self._select_first()
            return
        self.households_view.setCurrentIndex(self.households_model.index(row, 0))
        self._show_members(villager_id)

    def _select_first(self) -> None:
        if self.households_model.rowCount() == 0:
            self.members_model.set_rows([])
            self.detail.show_villager(None, [])
            return
        self.households_view.setCurrentIndex(self.households_model.index(0, 0))

    def _on_household_changed(self) -> None:
        self._show_members(None)

    def _show_members(self, villager_id: str | None) -> None:
        summary = self.current_household()
        members = self.stores.villagers.members(summary.household.id) if summary else []
        self.members_model.set_rows(members)
        self.members_view.setColumnWidth(4, 170)  # room for an 18-character ID number
        wanted = villager_id or next((v.id for v in members if v.id in self._people_found(summary)), None)
        row = self.members_model.row_of(wanted) if wanted else (0 if members else -1)
        if row >= 0:
            self.members_view.setCurrentIndex(self.members_model.index(row, 0))
        self._on_member_changed()

    def _people_found(self, summary: HouseholdSummary | None) -> set[str]:
        """The people of this household the typed search found (the first of them is selected)."""
        text = self.search_edit.text()
        if summary is None or not text.strip():
            return set()
        return self.stores.registry.matching_people(summary.household.id, text)

    def _on_member_changed(self) -> None:
        villager = self.current_villager()
        self.detail.show_villager(villager, self.stores.villagers.roles_of(villager.id) if villager else [])

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(*REGISTRY_ENTITIES):
            self.reload()


def _table(model: HouseholdTableModel | MemberTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultSectionSize(96)
    return view


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
