"""TownshipScreen: the villages of this township, their waiting requests, and the review page."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QStackedWidget,
                               QTableView, QVBoxLayout, QWidget)

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.disclosures.ports import DisclosureDesk
from models.township.ports import TownshipStore
from ui.core.bus import DataBus
from ui.township.review import ReviewPage
from ui.township.table_models import RequestTableModel, VillageTableModel


# What the overview shows: the villages' profiles, last bundles, revisions, rulebooks, final minutes and
# published lists, and the requests with the township's reviews and decisions on them.
SHOWN = (Entity.TOWNSHIP_REVIEW, Entity.PROFILE, Entity.SYNC_STATE, Entity.WORKFLOW, Entity.RULEBOOK, Entity.MEETING,
         Entity.LIST_ENTRY, Entity.DISCLOSURE)


class TownshipScreen(QWidget):
    """乡镇审查 — villages (from imported bundles) above, their requests below; 审查… opens the review page."""

    def __init__(self, desk: TownshipStore, bus: DataBus, may_review: bool,
                 disclosures: DisclosureDesk | None = None) -> None:
        super().__init__()
        self._desk, self._bus, self._disclosures = desk, bus, disclosures
        self.undo_stack = QUndoStack(self)
        self.stack = QStackedWidget()
        self.review_page = ReviewPage(desk, self.undo_stack, may_review)
        self.stack.addWidget(self._overview())
        self.stack.addWidget(self.review_page)
        QVBoxLayout(self).addWidget(self.stack)
        self._connect_signals()
        self.reload()

    def _overview(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.villages_model, self.requests_model = VillageTableModel(), RequestTableModel()
        self.villages_view, self.requests_view = QTableView(), QTableView()
        for view, model in ((self.villages_view, self.villages_model), (self.requests_view, self.requests_model)):
            view.setModel(model)
            view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        self.empty_label = QLabel("还没有收到任何村的同步包。请在“同步”中导入村里送来的同步包。")
        self.requests_label = QLabel("待审事项（全部村）：")
        self.review_button = QPushButton("审查…")
        self.all_button = QPushButton("显示全部村的事项")
        layout.addWidget(QLabel("辖区村："))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.villages_view, 1)
        self.disclosures_label = QLabel()  # the selected village's 三务公开 of two years (its bundles' postings)
        self.disclosures_label.setWordWrap(True)
        layout.addWidget(self.disclosures_label)
        layout.addWidget(self.requests_label)
        layout.addWidget(self.requests_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.all_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _connect_signals(self) -> None:
        self.villages_view.selectionModel().selectionChanged.connect(self._on_villages_selection_changed)
        self.requests_view.doubleClicked.connect(lambda _index: self._on_review_button_clicked())
        self.review_button.clicked.connect(self._on_review_button_clicked)
        self.all_button.clicked.connect(self._on_all_button_clicked)
        self.review_page.done.connect(self._on_review_done)
        self.review_page.back.connect(lambda: self.stack.setCurrentIndex(0))
        self._bus.changed.connect(self._on_bus_changed)

    def reload(self) -> None:
        villages = self._desk.villages()
        self.villages_model.set_rows(villages)
        self.empty_label.setVisible(not villages)
        self._load_requests(self._selected_village())

    def _selected_village(self) -> str | None:
        rows = self.villages_view.selectionModel().selectedRows()
        village = self.villages_model.row_at(rows[0].row()) if rows else None
        return village.node if village else None

    def _show_disclosures(self, village: str | None) -> None:
        if self._disclosures is None:
            return
        found = next((r for r in self._disclosures.village_records(date.today(), years=2) if r.node == village), None)
        self.disclosures_label.setVisible(found is not None)
        if found is not None:
            missing = f"：{'、'.join(found.missing_items[:3])}" if found.missing_items else ""
            self.disclosures_label.setText(f"{found.name}近两年的三务公开：按时 {found.on_time} 项，逾期后补公开 {found.late} 项，"
                                           f"逾期未公开 {found.missing} 项{missing}")

    def _load_requests(self, village: str | None) -> None:
        self._show_disclosures(village)
        self.requests_model.set_rows(self._desk.requests(village))
        name = next((v.name for v in self.villages_model.rows() if v.node == village), "全部村")
        self.requests_label.setText(f"待审事项（{name}）：")
        self.review_button.setEnabled(self.requests_model.rowCount() > 0)

    def _on_villages_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._load_requests(self._selected_village())

    def _on_all_button_clicked(self) -> None:
        self.villages_view.clearSelection()
        self._load_requests(None)

    def _on_review_button_clicked(self) -> None:
        rows = self.requests_view.selectionModel().selectedRows()
        request = self.requests_model.row_at(rows[0].row() if rows else 0)
        if request is None:
            return
        try:
            self.review_page.show_request(request.id)
        except DomainError as error:
            QMessageBox.warning(self, "不能打开", error.message)
            return
        self.stack.setCurrentIndex(1)

    def _on_review_done(self, changed: Changed) -> None:
        self._bus.changed.emit(changed)
        self.stack.setCurrentIndex(0)

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(*SHOWN):
            self.reload()
