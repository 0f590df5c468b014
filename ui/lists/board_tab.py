"""The 榜单 tab of the lists screen: the period chosen, the three board columns with their empty-board hint, printing."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from models.core.errors import DomainError
from models.lists.boards import Board
from models.lists.entries import ListEntry, ListKind, Period
from models.core.ports import Stores
from models.lists.services import make_board, period_facts
from printing.lists.list_jobs import board_job, removal_job
from ui.lists.board_hint import empty_board_hint
from ui.lists.dialogs import PrintOptions
from ui.lists.printing import ListPrinter
from ui.lists.table_model import KIND_COLOURS, BoardLineTableModel
from ui.widgets.tables import table_view


class BoardTab:
    """Mixed into ListsScreen: builds the 榜单 page and handles the period and the board's prints."""

    # Provided by ListsScreen (declared for readers and type checkers; no class attributes are set here).
    _stores: Stores
    today: Callable[[], date]
    period: str
    selected_id: str
    period_combo: QComboBox
    printer: ListPrinter
    reload: Callable[[], None]
    _village: Callable[[], str]
    _print_options: Callable[[str, str, str], PrintOptions | None]

    def _build_board(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.board_hint_label = QLabel()
        self.board_hint_label.setWordWrap(True)
        self.board_hint_label.setStyleSheet("color: #555555; font-size: 15px; padding: 6px;")
        column.addWidget(self.board_hint_label)
        row = QHBoxLayout()
        column.addLayout(row, 1)
        self.board_models: dict[ListKind, BoardLineTableModel] = {}
        self.board_views: dict[ListKind, QTableView] = {}
        for kind in ListKind:
            box = QGroupBox(kind.label)
            box.setStyleSheet(f"QGroupBox {{ background: {KIND_COLOURS[kind]}; font-size: 16px; font-weight: bold; }}")
            inner = QVBoxLayout(box)
            model = BoardLineTableModel()  # fed by _show_board: the three columns are one board, built once
            self.board_models[kind], self.board_views[kind] = model, table_view(model, 1)
            self.board_views[kind].horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            # Board lines wrap: the facts are read in full, as on the poster.
            self.board_views[kind].verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            inner.addWidget(self.board_views[kind])
            row.addWidget(box, 1)
        return page

    def _show_board(self) -> None:
        """The period's board in its three columns (an unreadable period: empty columns, the hint says why)."""
        try:
            board: Board | None = self._board(self.today())
        except DomainError:
            board = None
        for kind, model in self.board_models.items():
            model.set_rows(board.lines(kind) if board is not None else ())

    def _board(self, on: date) -> Board:
        stores = self._stores
        return make_board(stores.list_entries, stores.naming_bases, stores.list_settings, self.period, on)

    def _show_board_hint(self, current: str, entries: list[ListEntry]) -> None:
        """Above empty columns, say why the board is empty (`current` is today's period, `entries` the shown one's)."""
        empty = all(model.rowCount() == 0 for model in self.board_models.values())
        self.board_hint_label.setText(empty_board_hint(self.period, current, entries) if empty else "")
        self.board_hint_label.setVisible(empty)

    # --- slots --------------------------------------------------------------------------------------------------
    def _on_period_combo_activated(self) -> None:
        text = self.period_combo.currentText().strip()
        if text and text != self.period:
            self.period = text
            self.selected_id = ""
            self.reload()

    def _period_text(self) -> str:
        try:
            return Period.parse(self.period).text
        except DomainError:
            return self.period

    def _on_print_board_button_clicked(self) -> None:
        given = self._print_options("榜单", "榜单日期：", f"打印{self._period_text()}的榜单。到这一天已到期的条目不上榜。")
        if given is not None:
            self.printer.start(lambda: board_job(self._board(given.on), self._village(), given.on, given.signer))

    def _on_print_removal_button_clicked(self) -> None:
        given = self._print_options("撤榜公告", "公告日期：", f"打印{self._period_text()}的撤榜公告，列出到这一天已撤下的条目。")
        if given is not None:
            stores = self._stores
            self.printer.start(lambda: removal_job(
                period_facts(stores.list_entries, stores.naming_bases, stores.list_settings, self.period),
                self._village(), given.on, signer=given.signer))
