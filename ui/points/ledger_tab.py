"""台账与冲正: a household's entries (found by number, name or pinyin initials), newest first, the reversals among
them; a confirmed entry chosen is reversed (冲正) after a question with its reason (R36: a correction is an opposite
entry, never an edit, and it too waits for a second person). What cannot be reversed says why and what to do."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from models.core.errors import DomainError
from models.core.ports import Stores
from models.points.ledger import EntryKind, LedgerEntry
from models.points.rollup import PointsHousehold
from ui.core.bus import DataBus
from ui.points.reverse_dialog import ReverseEntryDialog
from ui.points.table_model import ENTRY_COLUMNS
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.tables import table_view


class LedgerTab(QWidget):
    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores, self._bus = stores, bus
        self._chosen: PointsHousehold | None = None
        self._reversed: set[str] = set()  # ids of the shown entries a reversal answers
        self.household_edit = QLineEdit()
        self.household_edit.setPlaceholderText(self.tr("户号、户主姓名或拼音首字母，回车到记录列表"))
        self.household_label = QLabel()
        self.entries = RowsTableModel((*ENTRY_COLUMNS, (self.tr("备注"), self._note)))
        self.entries_view = table_view(self.entries, stretch=len(ENTRY_COLUMNS))
        self.reverse_button = QPushButton(self.tr("冲正所选记录…"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("户")))
        top.addWidget(self.household_edit, 1)
        top.addWidget(self.household_label, 2)
        actions = QHBoxLayout()
        actions.addWidget(self.reverse_button)
        actions.addWidget(self.hint, 1)
        rule = QLabel(self.tr("已确认的记录录错了，不能修改或删除，只能冲正：另记一条相反的记录并写明理由，"
                              "经另一位工作人员确认后计入。兑换扣减的积分请在“爱心超市”冲正那次兑换。"))
        rule.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(rule)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.entries_view, 1)
        self.household_edit.textChanged.connect(lambda _: self.reload())
        self.household_edit.returnPressed.connect(self._on_household_entered)
        self.entries_view.selectionModel().selectionChanged.connect(lambda *_: self._enable_reverse())
        self.entries.modelReset.connect(self._enable_reverse)
        self.reverse_button.clicked.connect(self._on_reverse_clicked)
        self.entries_view.activated.connect(lambda *_: self._on_reverse_clicked())
        self.reload()

    def _note(self, entry: LedgerEntry) -> str:
        return self.tr("已冲正") if entry.id in self._reversed else entry.note

    def reload(self) -> None:
        text = self.household_edit.text()
        found = self._stores.points.tally.find_households(text, limit=1) if text.strip() else []
        self._chosen = found[0] if found else None
        self.household_label.setText(self._chosen.label if self._chosen else
                                     (self.tr("没有找到") if text.strip() else self.tr("输入户号查看该户的积分记录")))
        rows = self._stores.points.ledger.entries(self._chosen.household_no) if self._chosen else []
        self._reversed = {e.reverses for e in rows if e.reverses}
        self.entries.set_rows(rows)

    def _on_household_entered(self) -> None:
        if self.entries.rowCount():
            self.entries_view.setFocus()
            self.entries_view.selectRow(0)

    def select_entry(self, entry_id: str) -> None:
        ids = [e.id for e in self.entries.rows()]
        if entry_id in ids:
            self.entries_view.selectRow(ids.index(entry_id))

    def selected_entry(self) -> LedgerEntry | None:
        rows = self.entries_view.selectionModel().selectedRows()
        return self.entries.row_at(rows[0].row()) if rows else None

    def refusal(self, entry: LedgerEntry) -> str:
        """Why the entry cannot be reversed here ("" when it can): the store's rule (models.points.ledger:
        check_reversible), told without the record's id, as the row is the one chosen."""
        if entry.kind is EntryKind.REDEMPTION:
            return self.tr("这是兑换扣减的积分：请在“爱心超市”选中那次兑换，点“冲正所选兑换…”，积分和商品一并退回。")
        if entry.kind is EntryKind.REVERSAL:
            return self.tr("这一条本身是冲正记录，不能再冲正；冲正有误的，请重新录入正确的积分。")
        if entry.id in self._reversed:
            return self.tr("这一条已经冲正过了（“冲正”一栏写着理由的那一行就是它的冲正记录）。")
        if not entry.confirmed:
            return self.tr("这一条还未确认，不计入积分，无需冲正；录错的记录请确认人不予确认。")
        return ""

    def _enable_reverse(self) -> None:
        entry = self.selected_entry()
        refusal = self.refusal(entry) if entry else ""
        self.reverse_button.setEnabled(entry is not None and not refusal)
        self.hint.setText(refusal or ("" if entry else self.tr("选中一条已确认的记录。")))

    def _on_reverse_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.refusal(entry):
            return
        reason = ReverseEntryDialog.ask(self, entry)
        if reason is None:
            return
        try:
            changed = self._stores.points.ledger.reverse(entry.id, reason)
        except DomainError as error:
            self.status.setText(error.message)
            return
        self.status.setText(self.tr("已记冲正记录 {0:+d} 分（理由：{1}），待另一位工作人员在“待确认”中确认后计入。").format(
            -entry.points, reason))
        self._bus.changed.emit(changed)
        self.select_entry(changed.id)
