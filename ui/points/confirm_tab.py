"""待确认: entries waiting for a second person (R36). The logged-in user confirms others' entries; their own are
shown but refused, so the two-person rule holds on screen as in the store. The chosen entry's evidence (the slip's
photo or scan, through the one attachment store) is shown beside it for the confirmer to check, and added here."""
from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ports import Stores
from models.points.ledger import LedgerEntry
from ui.core.bus import DataBus
from ui.points.reverse_dialog import RejectEntryDialog
from ui.points.table_model import EntriesModel
from ui.widgets.attachments import ADDED_ON, FILE_NAME, NOTE, AttachmentsPanel


class ConfirmTab(QWidget):
    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores, self._bus = stores, bus
        self.pending = EntriesModel(fetch=lambda: self._stores.points.ledger.entries(pending_only=True))
        self.table = QTableView()
        self.table.setModel(self.pending)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.select_all_button = QPushButton(self.tr("全选"))
        self.confirm_button = QPushButton(self.tr("确认所选"))
        self.reject_button = QPushButton(self.tr("退回所选…"))
        self.reject_button.setToolTip(self.tr("录错或没有依据的记录：写明理由退回，不计入积分，记录保留"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        hint = QLabel(self.tr("未确认的记录不计入积分。自己录入的记录须由另一位工作人员登录后确认；"
                              "录错或没有依据的，写明理由退回。"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.select_all_button)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.undo_stack = QUndoStack(self)  # the evidence's adds and removals
        self.evidence_panel = AttachmentsPanel(stores.attachments, bus, self.undo_stack, OwnerKind.POINTS_ENTRY,
                                               self.tr("所选记录的依据（签到表、照片）："), (FILE_NAME, ADDED_ON, NOTE),
                                               height=80)
        layout.addWidget(self.evidence_panel)
        self.select_all_button.clicked.connect(self.table.selectAll)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_evidence())
        self.pending.modelReset.connect(self._show_evidence)

    def reload(self) -> None:
        self.pending.reload()

    def _show_evidence(self) -> None:
        """The evidence of the one entry chosen (several chosen, or none: nothing to show)."""
        rows = self.table.selectionModel().selectedRows()
        entry = self.pending.row_at(rows[0].row()) if len(rows) == 1 else None
        self.evidence_panel.load(AttachmentOwner(OwnerKind.POINTS_ENTRY, entry.id) if entry else None,
                                 Changed.one(Entity.POINTS_ENTRY, entry.id) if entry else None)

    def _selected(self) -> list[LedgerEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.pending.row_at(row) for row in rows]

    def _on_reject_clicked(self) -> None:
        """退回 with one reason for the chosen entries; each the store refuses (own entries) is counted apart."""
        entries = self._selected()
        if not entries:
            self.status.setText(self.tr("请先在表中选择要退回的记录。"))
            return
        reason = RejectEntryDialog.ask(self, entries)
        if reason is None:
            return
        done: list[str] = []
        refused: list[str] = []
        for entry in entries:
            try:
                done.append(self._stores.points.ledger.reject(entry.id, reason).id)
            except DomainError as error:
                refused.append(error.message)
        text = self.tr("已退回 {0} 条。").format(len(done))
        if refused:
            text += self.tr("未退回 {0} 条：").format(len(refused)) + refused[0]
        self.status.setText(text)
        if done:
            self._bus.changed.emit(Changed(Entity.POINTS_ENTRY, frozenset(done)))

    def _on_confirm_clicked(self) -> None:
        entries = self._selected()
        done: list[str] = []
        refused: list[str] = []
        for entry in entries:
            try:
                done.append(self._stores.points.ledger.confirm(entry.id).id)
            except DomainError as error:
                refused.append(error.message)
        text = self.tr("已确认 {0} 条。").format(len(done))
        if refused:
            text += self.tr("未确认 {0} 条：").format(len(refused)) + refused[0]
        self.status.setText(text)
        if done:
            self._bus.changed.emit(Changed(Entity.POINTS_ENTRY, frozenset(done)))
