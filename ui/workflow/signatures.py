"""Step 8's signature sheet (户主签字、摁手印): every household by group, ticked when its head has signed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from models.registry.households import HouseholdSummary
from ui.widgets.rows_model import Index, RowsTableModel
from ui.workflow.page_base import StepPage, note

SIGNED_COLUMN = 3


@dataclass(frozen=True)
class SheetRow:
    """One household on the sheet."""

    household_id: str
    group: str
    household_no: str
    head: str
    signed: bool


class SignatureTableModel(RowsTableModel):
    """组、户号、户主、已签 (checkable). Ticking calls `on_tick(row, signed)`, which writes through the undo stack.
    Adds to the read-only table only the 已签 check box (flags, setData)."""

    COLUMNS = (("村民小组", lambda r: r.group), ("户号", lambda r: r.household_no), ("户主", lambda r: r.head),
               ("已签字", lambda r: "已签" if r.signed else ""))

    def __init__(self, on_tick: Callable[[SheetRow, bool], None]) -> None:
        super().__init__(roles={Qt.ItemDataRole.CheckStateRole: _signed_state}, tips=False)
        self._on_tick = on_tick

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == SIGNED_COLUMN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != SIGNED_COLUMN or role != Qt.ItemDataRole.CheckStateRole:
            return False
        signed = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        row = self._rows[index.row()]
        if signed != row.signed:
            self._on_tick(row, signed)  # the write reloads the model through the data bus
        return True


def _signed_state(row: SheetRow, column: int) -> Qt.CheckState | None:
    if column != SIGNED_COLUMN:
        return None
    return Qt.CheckState.Checked if row.signed else Qt.CheckState.Unchecked


def sheet_rows(households: list[HouseholdSummary], signed: set[str]) -> list[SheetRow]:
    """Households with living members, by group and number."""
    rows = [SheetRow(h.household.id, h.group_name, h.household.household_no, h.head_name, h.household.id in signed)
            for h in households if h.members > 0]
    return sorted(rows, key=lambda r: (r.group, r.household_no))


class SignaturePanel(QWidget):
    """“已签 120 / 300 户”, a search box and the sheet; each tick is an undoable edit of the page."""

    def __init__(self, page: StepPage) -> None:
        super().__init__()
        self._page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.count_label = note()
        layout.addWidget(self.count_label)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("按户主姓名或户号查找")
        layout.addWidget(self.find_edit)
        self.model = SignatureTableModel(self._tick)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setMinimumHeight(180)
        layout.addWidget(self.view)
        self.find_edit.textChanged.connect(lambda _t: self.reload())

    def reload(self) -> None:
        page = self._page
        if not page.status:
            self.model.set_rows([])
            self.count_label.setText("")
            return
        everyone = sheet_rows(page._stores.households.list_households(),
                              page._store.signatures.signed_households(page.rulebook_id))
        self.count_label.setText(f"签字表（户主签字、摁手印）：已签 {sum(r.signed for r in everyone)} / "
                                 f"{len(everyone)} 户")
        find = self.find_edit.text().strip()
        self.model.set_rows([r for r in everyone if find in r.head or find in r.household_no] if find else everyone)

    def _tick(self, row: SheetRow, signed: bool) -> None:
        store, rulebook_id, on = self._page._store.signatures, self._page.rulebook_id, date.today()
        label = f"{row.household_no}户（{row.head}）{'已签字' if signed else '取消签字'}"
        if signed:
            self._page.push(label, lambda: store.mark_signed(rulebook_id, row.household_id, on),
                            lambda _r: store.unmark_signed(rulebook_id, row.household_id))
        else:
            withdrawn = store.signature(rulebook_id, row.household_id)  # its date and sheet go back on undo
            self._page.push(label, lambda: store.unmark_signed(rulebook_id, row.household_id),
                            lambda _r: store.mark_signed(rulebook_id, row.household_id, *(withdrawn or (on, ""))))
