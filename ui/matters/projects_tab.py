"""The 项目库 tab of 群众说事: the projects resolutions became, with their stage (申报 → 立项 → 实施 → 验收), and 进入下一阶段
with the gates the store enforces (立项 waits for the 四议两公开 chain's resolution, 实施 for its public notice), and
建入项目库 from a finalised meeting's passed item (AddProjectDialog; `project add` on the command line)."""
from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from models.core.changes import Changed, Entity
from models.matters.ports import ProjectChains, ProjectStore
from models.matters.records import Project, ProjectStage
from ui.core.bus import DataBus
from ui.matters.project_dialog import AddProjectDialog
from ui.widgets.rows_model import Column, RowsTableModel
from ui.widgets.store_command import StoreCommand, push_command

PROJECT_COLUMNS: tuple[Column, ...] = (
    ("项目", lambda p: p.name), ("阶段", lambda p: p.stage.label), ("估算（元）", lambda p: f"{p.estimate:,}"),
    ("拟争取资金", lambda p: p.funding), ("来自会议", lambda p: f"{p.meeting_number} 第{p.item_number}项"),
)


class ProjectsTab(QWidget):
    """项目库 — each 进入下一阶段 is one 撤销 on the screen's undo stack (the stage put back)."""

    def __init__(self, store: ProjectStore, bus: DataBus, undo_stack: QUndoStack,
                 chains: ProjectChains | None = None) -> None:
        """`chains`: the 四议两公开 record, for each project's next step on its chain (a column of its own)."""
        super().__init__()
        self._store, self._bus, self._undo_stack, self._chains = store, bus, undo_stack, chains
        columns = PROJECT_COLUMNS if chains is None else (*PROJECT_COLUMNS, ("四议两公开", self._chain_text))
        self.projects_model = RowsTableModel(columns, store.projects)
        self.projects_view = QTableView()
        self.projects_view.setModel(self.projects_model)
        self.projects_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.projects_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.projects_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.projects_view.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("建入项目库…"))
        self.advance_button = QPushButton(self.tr("进入下一阶段"))
        hint = QLabel(self.tr("项目来自会议通过的决议：会议定稿后，点“建入项目库”，选它表决通过的一项议题。"
                              "立项须四议两公开的决议，实施须决议已公开。"))
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.advance_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.projects_view, 1)
        layout.addLayout(row)
        self.projects_view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.advance_button.clicked.connect(self._on_advance_button_clicked)
        self._bus.changed.connect(self._on_bus_changed)
        self.reload()

    def _chain_text(self, project: Project) -> str:
        if self._chains is None or not project.four_two_id:
            return self.tr("未关联")
        upcoming = self._chains.get(project.four_two_id).next_stage
        return self.tr("下一步：{0}").format(upcoming.label) if upcoming else self.tr("六个环节已完成")

    def selected(self) -> Project | None:
        rows = self.projects_view.selectionModel().selectedRows()
        return self.projects_model.row_at(rows[0].row()) if rows else None

    def reload(self) -> None:
        keep = self.selected().id if self.selected() else ""
        self.projects_model.reload()
        for row, project in enumerate(self.projects_model.rows()):
            if project.id == keep:
                self.projects_view.selectRow(row)
        self._show_selected()

    def _show_selected(self) -> None:
        project = self.selected()
        self.advance_button.setEnabled(project is not None and project.stage is not ProjectStage.ACCEPTED)

    def _on_add_button_clicked(self) -> None:
        """建入项目库: one 撤销 (the project withdrawn, with the 四议两公开 chain made for it)."""
        sources = self._store.sources()
        if not sources:
            QMessageBox.information(self, self.tr("建入项目库"), self.tr(
                "还没有可以建项目的决议。项目来自定稿会议中表决通过的议题：请先在“会议记录”中记好会议并定稿。"))
            return
        project = AddProjectDialog.ask(self, sources)
        if project is None:
            return
        store = self._store
        command: StoreCommand[Changed] = StoreCommand(
            self.tr("建入项目库：{0}").format(project.name), self._bus, None, lambda: store.add_project(project),
            lambda changed: store.withdraw_project(changed.id, chain_made=True))
        refused = push_command(self._undo_stack, command)
        if refused is not None:
            QMessageBox.warning(self, self.tr("不能建立项目"), refused.message)
            return
        for row, listed in enumerate(self.projects_model.rows()):
            if command.result is not None and listed.id == command.result.id:
                self.projects_view.selectRow(row)

    def _on_advance_button_clicked(self) -> None:
        project = self.selected()
        if project is None:
            return
        store, stage = self._store, project.stage
        command: StoreCommand[Changed] = StoreCommand(
            self.tr("{0}：进入下一阶段").format(project.name), self._bus, None, lambda: store.advance(project.id),
            lambda _changed: store.restore_stage(project.id, stage))
        refused = push_command(self._undo_stack, command)
        if refused is not None:
            QMessageBox.warning(self, self.tr("不能进入下一阶段"), refused.message)

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.PROJECT, Entity.MEETING, Entity.FOUR_TWO_MATTER):
            self.reload()
