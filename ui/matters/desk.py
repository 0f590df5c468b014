"""TownshipMattersScreen (乡镇端): the matters villages assigned up to the township, by village, and the reply that
travels back in the township's bundle onto the village's timeline."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.matters.ports import MatterStore
from models.matters.records import Matter
from ui.core.bus import DataBus
from ui.matters.table_model import EVENT_COLUMNS, MATTER_COLUMNS
from ui.widgets.paged_rows import PagedRowsModel
from ui.widgets.rows_model import RowsTableModel


def _view(model: RowsTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.horizontalHeader().setResizeContentsPrecision(50)  # 50 rows measured: a township lists thousands
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class TownshipMattersScreen(QWidget):
    """交办乡镇的群众说事 — oldest village first, newest matter first within it; 答复 needs a township reviewer."""

    def __init__(self, store: MatterStore, bus: DataBus, may_reply: bool) -> None:
        super().__init__()
        self._store, self._bus = store, bus
        self._names: dict[str, str] = store.village_names()
        columns = (("村", lambda m: self._names.get(m.village, m.village)), *MATTER_COLUMNS)
        # a page at a time, in the store's order (by village, newest first): 30 villages × 10 years of matters
        self.matters_model = PagedRowsModel(columns, lambda offset, limit: store.township_desk(offset, limit))
        self.matters_view = _view(self.matters_model)
        self.events_model = RowsTableModel(EVENT_COLUMNS)
        self.events_view = _view(self.events_model)
        self.reply_edit = QLineEdit()
        self.reply_edit.setPlaceholderText(self.tr("答复内容：怎么办、谁来办、什么时候办好"))
        self.reply_button = QPushButton(self.tr("答复"))
        self.reply_button.setVisible(may_reply)
        self.reply_edit.setVisible(may_reply)
        self.empty_label = QLabel(self.tr("还没有村交办到乡镇的事项。村里交办后，导入它们的同步包即可看到。"))
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.events_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.reply_edit, 1)
        row.addWidget(self.reply_button)
        column.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(self.matters_view)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("各村交办到乡镇的群众说事：")))
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self.matters_view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.reply_button.clicked.connect(self._on_reply_button_clicked)
        self._bus.changed.connect(self._on_bus_changed)
        self._show_listed()  # the model read its first page as it was made

    def reload(self) -> None:
        self._names = self._store.village_names()
        self.matters_model.reload()
        self._show_listed()

    def _show_listed(self) -> None:
        self.empty_label.setVisible(self.matters_model.rowCount() == 0)
        self._show_selected()

    def selected(self) -> Matter | None:
        rows = self.matters_view.selectionModel().selectedRows()
        return self.matters_model.row_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        matter = self.selected()
        self.events_model.set_rows(self._store.timeline(matter.id) if matter else [])
        self.reply_button.setEnabled(matter is not None)

    def _on_reply_button_clicked(self) -> None:
        matter = self.selected()
        if matter is None:
            return
        try:
            changed = self._store.township_reply(matter.id, self.reply_edit.text(), date.today())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能答复"), error.message)
            return
        self.reply_edit.clear()
        self._bus.changed.emit(changed)

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.MATTER, Entity.PROFILE):
            keep = self.selected().id if self.selected() else ""
            self.reload()
            row = self.matters_model.row_where(lambda matter: matter.id == keep) if keep else -1
            if row >= 0:  # read on to it when the clerk had scrolled past the first page
                self.matters_view.selectRow(row)
