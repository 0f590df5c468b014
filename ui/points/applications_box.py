"""积分换项目 on the township desk: the villages' applications to exchange group or village points for a project, and
the reviewer's 同意 / 退回 with an opinion (it goes back in the township's bundle)."""
from __future__ import annotations

from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.points.applications import ApplicationState, PointsApplication
from models.points.ports import ApplicationStore
from ui.core.bus import DataBus
from ui.widgets.rows_model import RowsTableModel

COLUMNS = (("申请单位", lambda a: a.applicant), ("期间", lambda a: a.period.text), ("积分", lambda a: str(a.points)),
           ("项目", lambda a: a.project), ("用途", lambda a: a.purpose), ("状态", lambda a: a.state.label),
           ("审核意见", lambda a: a.review))


class ApplicationsBox(QGroupBox):
    def __init__(self, store: ApplicationStore, bus: DataBus, may_review: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("各村积分换项目申请"), parent)
        self._store, self._bus = store, bus
        self.model = RowsTableModel(COLUMNS, lambda: self._store.applications(township=True))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.opinion_edit = QLineEdit()
        self.opinion_edit.setPlaceholderText(self.tr("审核意见"))
        self.approve_button, self.return_button = QPushButton(self.tr("同意")), QPushButton(self.tr("退回"))
        self.status = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.opinion_edit, 1)
        row.addWidget(self.approve_button)
        row.addWidget(self.return_button)
        for widget in (self.opinion_edit, self.approve_button, self.return_button):
            widget.setVisible(may_review)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.approve_button.clicked.connect(lambda: self._review(True))
        self.return_button.clicked.connect(lambda: self._review(False))
        bus.changed.connect(self._on_bus_changed)
        self._show_selected()

    def selected(self) -> PointsApplication | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        chosen = self.selected()
        waiting = chosen is not None and chosen.state is ApplicationState.SUBMITTED
        self.approve_button.setEnabled(waiting)
        self.return_button.setEnabled(waiting)

    def _review(self, approve: bool) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            changed = self._store.review(chosen.id, approve, self.opinion_edit.text())
        except DomainError as error:
            self.status.setText(error.message)
            return
        self.opinion_edit.clear()
        self.status.setText(self.tr("已审核，意见随乡镇的同步包送回村里。"))
        self._bus.changed.emit(changed)

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.POINTS_APPLICATION):
            self.model.reload()
            self._show_selected()
