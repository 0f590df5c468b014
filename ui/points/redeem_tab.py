"""爱心超市: a redemption at the counter (balance and stock checked in one transaction by the store, R39), the
household's balance shown first, the goods with their prices and stock, and the household's redemptions: the one
just made chosen, so its receipt (兑换凭证) is printed with 打印兑换凭证…, and one can be reversed (冲正: the points
back to the household, the goods back to stock) after a question with its reason."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from models.core.errors import DomainError
from models.core.ports import Stores
from models.points.goods import Redemption
from models.points.print_sources import receipt_source
from models.points.rollup import PointsHousehold
from ui.core.bus import DataBus
from ui.points.reverse_dialog import ReverseRedemptionDialog
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.job_printer import JobPrinter
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.tables import table_view

GOODS_COLUMNS = (("商品", lambda g: g.name), ("所需积分", lambda g: f"{g.price} 分"), ("库存", lambda g: f"{g.stock} 件"),
                 ("来源", lambda g: g.source.label))
REDEMPTION_COLUMNS = (("凭证编号", lambda r: r.number), ("日期", lambda r: r.on.isoformat()),
                      ("商品", lambda r: f"{r.goods_name}×{r.quantity}"), ("积分", lambda r: str(r.points)),
                      ("状态", lambda r: "已冲正" if r.reversed else ""))


class RedeemTab(QWidget):
    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores, self._bus = stores, bus
        self._chosen: PointsHousehold | None = None
        self.household_edit = QLineEdit()
        self.household_edit.setPlaceholderText(self.tr("户号、户主姓名或拼音首字母"))
        self.balance_label = QLabel()
        self.goods_combo: ChoiceCombo[str] = ChoiceCombo()
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.redeem_button = QPushButton(self.tr("兑换"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.goods = RowsTableModel(GOODS_COLUMNS, fetch=self._stores.points.goods.goods_list)
        table = table_view(self.goods, stretch=0)
        self.redemptions = RowsTableModel(REDEMPTION_COLUMNS)
        self.redemptions_view = table_view(self.redemptions, stretch=2)
        self.reverse_button = QPushButton(self.tr("冲正所选兑换…"))
        self.reverse_button.setEnabled(False)
        self.print_button = QPushButton(self.tr("打印兑换凭证…"))
        self.print_button.setEnabled(False)
        self.printer = JobPrinter(self)
        form = QFormLayout()
        form.addRow(self.tr("户"), self.household_edit)
        form.addRow("", self.balance_label)
        form.addRow(self.tr("商品"), self.goods_combo)
        form.addRow(self.tr("数量"), self.quantity)
        form.addRow("", self.redeem_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(table, 1)
        history = QHBoxLayout()
        history.addWidget(QLabel(self.tr("该户的兑换记录：")))
        history.addStretch(1)
        history.addWidget(self.print_button)
        history.addWidget(self.reverse_button)
        layout.addLayout(history)
        layout.addWidget(self.redemptions_view, 1)
        self.household_edit.textChanged.connect(self._on_household_typed)
        self.household_edit.returnPressed.connect(self._on_household_entered)
        self.redeem_button.clicked.connect(self._on_redeem_clicked)
        self.reverse_button.clicked.connect(self._on_reverse_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.printer.finished.connect(self._on_printed)
        self.redemptions_view.selectionModel().selectionChanged.connect(lambda *_: self._enable_reverse())
        self.redemptions.modelReset.connect(self._enable_reverse)
        self.reload()

    def reload(self) -> None:
        self.goods.reload()
        current = self.goods_combo.current_value()
        self.goods_combo.clear_choices()
        self.goods_combo.add_choices((f"{g.name}（{g.price} 分，库存 {g.stock}）", g.id) for g in self.goods.rows())
        if current in self.goods_combo.values():
            self.goods_combo.setCurrentIndex(self.goods_combo.values().index(current))
        self._on_household_typed(self.household_edit.text())

    def _on_household_typed(self, text: str) -> None:
        found = self._stores.points.tally.find_households(text, limit=1) if text.strip() else []
        self._chosen = found[0] if found else None
        self.redemptions.set_rows(self._stores.points.redemptions.redemptions(self._chosen.household_no)
                                  if self._chosen else [])
        if self._chosen is None:
            self.balance_label.setText(self.tr("没有找到") if text.strip() else "")
            return
        balance = self._stores.points.tally.balance(self._chosen.household_no)
        self.balance_label.setText(self.tr("{0}：可用积分 {1} 分（已确认 {2} 分，其中公示期未满或有异议的不可用；"
                                           "另有待确认 {3} 分）").format(
            self._chosen.label, balance.redeemable, balance.confirmed, balance.pending)
            + (self.tr("；扣分超出 {0} 分，从以后公示的积分中抵扣").format(balance.deficit) if balance.deficit else "")
            + "\n" + balance.expiry.rule(date.today()))  # R39: the expiry rule shown with the balance

    def _on_household_entered(self) -> None:
        """Enter on a household found: on to the goods (then Tab to the quantity and 兑换)."""
        if self._chosen is not None:
            self.goods_combo.setFocus()

    def _on_redeem_clicked(self) -> None:
        goods_id = self.goods_combo.current_value()
        if self._chosen is None or goods_id is None:
            self._say(self.tr("请先选定户和商品。"), refused=True)
            return
        try:
            changed = self._stores.points.redemptions.redeem(self._chosen.household_no, goods_id,
                                                             self.quantity.value())
        except DomainError as error:
            self._say(error.message, refused=True)
            return
        redemption = self._stores.points.redemptions.redemption(changed.id)
        self._say(self.tr("兑换凭证 {0}：{1}×{2}，扣减 {3} 分。点“打印兑换凭证…”打印凭证交给村民。")
                  .format(redemption.number, redemption.goods_name, redemption.quantity, redemption.points))
        self._bus.changed.emit(changed)
        self.select_redemption(redemption.id)
        self.print_button.setFocus()

    def _say(self, text: str, refused: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if refused else "")
        self.status.setText(text)

    def select_redemption(self, redemption_id: str) -> None:
        ids = [r.id for r in self.redemptions.rows()]
        if redemption_id in ids:
            self.redemptions_view.selectRow(ids.index(redemption_id))

    def _on_print_clicked(self) -> None:
        redemption = self.selected_redemption()
        if redemption is None:
            return
        from printing.points.receipt_pdf import receipt_job  # reportlab: at the first print, not at opening

        if self.printer.start(lambda: receipt_job(receipt_source(self._stores, redemption.id, date.today()))):
            self.print_button.setEnabled(False)
            self._say(self.tr("正在生成兑换凭证 {0}…").format(redemption.number))

    def _on_printed(self, path: str) -> None:
        self._enable_reverse()
        self._say(self.tr("兑换凭证已保存到 {0}。").format(path) if path else self.tr("兑换凭证没有保存。"))

    def selected_redemption(self) -> Redemption | None:
        rows = self.redemptions_view.selectionModel().selectedRows()
        return self.redemptions.row_at(rows[0].row()) if rows else None

    def _enable_reverse(self) -> None:
        chosen = self.selected_redemption()
        self.reverse_button.setEnabled(chosen is not None and not chosen.reversed)
        self.print_button.setEnabled(chosen is not None and not self.printer.busy)

    def _on_reverse_clicked(self) -> None:
        """A reversal is itself a ledger record (never undone by deleting it): the question, with its reason, is
        the guard, as the receipt slip already handed out says what was taken."""
        redemption = self.selected_redemption()
        reason = ReverseRedemptionDialog.ask(self, redemption) if redemption else None
        if redemption is None or reason is None:
            return
        try:
            changed = self._stores.points.redemptions.reverse_redemption(redemption.id, reason)
        except DomainError as error:
            self._say(error.message, refused=True)
            return
        self._say(self.tr("已冲正兑换凭证 {0}：退回 {1} 分，{2}×{3} 已退回库存。").format(
            redemption.number, redemption.points, redemption.goods_name, redemption.quantity))
        self._bus.changed.emit(changed)
