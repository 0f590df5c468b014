"""公开姓名依据 — the recorded naming bases (R31) with 撤回同意… (PIPL Art. 15), asked once and not undoable."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from models.core.errors import DomainError
from models.lists.naming import BasisView
from models.core.changes import Changed
from models.lists.ports import NamingBasisStore
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.screen_fit import resize_within_screen

WITHDRAW_HINT = ("自撤回日期起，榜单、公示和荣誉证书不再显示姓名（改为“小组第几号户”）；此前已打印、张贴的不受影响，"
                 "请及时揭下。撤回同意是本人的决定，登记后不能撤销；本人以后再同意的，另行记录一条新的同意。")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class BasisTableModel(RowsTableModel):
    """公开姓名依据 — one row per basis; withdrawn ones greyed, with the date and reason."""

    COLUMNS = (("户号", lambda v: v.household_no), ("对象", lambda v: v.subject), ("依据", lambda v: v.basis.kind_label),
               ("适用榜单", lambda v: "、".join(k.label for k in v.basis.lists)),
               ("记录日期", lambda v: v.basis.recorded_on.isoformat()), ("状态", lambda v: v.status),
               ("说明", lambda v: v.basis.note))

    def __init__(self, fetch: Callable[[], Sequence[BasisView]]) -> None:
        super().__init__(self.COLUMNS, fetch)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and self.row_at(index.row()).basis.revoked_on:
            return QColor("#777777")
        return super().data(index, role)


class WithdrawConsentDialog(QDialog):
    """撤回同意 — the day the withdrawal was received (not before the consent, not after today) and why."""

    def __init__(self, view: BasisView, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("撤回同意")
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.date_edit, self.reason_edit = QDateEdit(_qdate(today)), QLineEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        self.date_edit.setDateRange(_qdate(view.basis.recorded_on), _qdate(today))
        self.reason_edit.setPlaceholderText("如“本人 2025年4月2日书面撤回，原件存村委会”")
        form.addRow("对象：", QLabel(f"第{view.household_no}户 {view.subject}（{view.basis.note}）"))
        form.addRow("撤回日期：", self.date_edit)
        form.addRow("撤回原因：", self.reason_edit)
        hint = QLabel(WITHDRAW_HINT)
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("登记撤回")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> tuple[date, str]:
        day = self.date_edit.date()
        return date(day.year(), day.month(), day.day()), self.reason_edit.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, view: BasisView, today: date) -> tuple[date, str] | None:
        dialog = cls(view, today, parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ConsentsDialog(QDialog):
    """The bases of one household (or all), and 撤回同意… on a consent still in effect."""

    def __init__(self, store: NamingBasisStore, household_no: str, today: Callable[[], date],
                 act: Callable[[Callable[[], Changed]], bool], may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("公开姓名依据")
        resize_within_screen(self, 900, 420)
        self._store, self._today, self._act, self._may_edit = store, today, act, may_edit
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.household_edit = QLineEdit(household_no)
        self.household_edit.setPlaceholderText("空着为全部")
        self.household_edit.editingFinished.connect(self.reload)
        top.addWidget(QLabel("户号："))
        top.addWidget(self.household_edit)
        top.addStretch(1)
        layout.addLayout(top)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.model = BasisTableModel(self._views)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)
        row = QHBoxLayout()
        self.withdraw_button, close = QPushButton("撤回同意…"), QPushButton("关闭")
        # Enter in 户号 only narrows the list: as a dialog's first button, 撤回同意… would otherwise be pressed by it
        # and open the withdrawal of whichever basis happened to be selected.
        for button in (self.withdraw_button, close):
            button.setAutoDefault(False)
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        close.clicked.connect(self.accept)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    def _views(self) -> list[BasisView]:
        try:
            views = self._store.naming_basis_views(self.household_edit.text().strip())
        except DomainError as error:
            self.message_label.setText(error.message)
            return []
        self.message_label.setText("" if views else "没有记录公开姓名的依据。没有依据的户，榜上只显示小组和户号。")
        return views

    def reload(self) -> None:
        self.model.reload()
        if self.model.rowCount():
            self.view.selectRow(0)
        self._update_buttons()

    @property
    def selected(self) -> BasisView | None:
        row = self.view.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def _update_buttons(self) -> None:
        view = self.selected
        self.withdraw_button.setEnabled(self._may_edit and view is not None and view.basis.kind == "consent"
                                        and view.basis.revoked_on is None)
        if view is not None and view.basis.kind != "consent":
            self.withdraw_button.setToolTip("法定依据不是本人的同意，不能由本人撤回；本人有意见的请登记异议。")
        else:
            self.withdraw_button.setToolTip("")

    def _on_withdraw_button_clicked(self) -> None:
        view = self.selected
        given = WithdrawConsentDialog.ask(self, view, self._today()) if view is not None else None
        if view is not None and given is not None:
            self._act(lambda: self._store.withdraw_naming_basis(view.basis.id, given[1], on=given[0]))
            self.reload()
