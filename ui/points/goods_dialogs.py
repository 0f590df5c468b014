"""爱心超市's goods dialogs: 登记商品 (name, unit point price, first stock, source), 入库/出库 (how many, why; who is
the account logged in) and 盘点 (the counted stock of every goods, each difference with its reason). Each dialog
writes through the store call it is given and stays open with the store's refusal, so nothing typed is lost."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from models.core.changes import Changed
from models.core.errors import DomainError
from models.points.goods import Goods, GoodsSource
from ui.widgets.choice_combo import ChoiceCombo

REFUSED = "color: #b00020;"


def _spin(low: int, high: int, suffix: str, value: int = 0) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class _WritingDialog(QDialog):
    """OK runs `_write`; a refusal is shown in red under the form and the dialog stays open."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.changed: Changed | None = None
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(REFUSED)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)

    def _write(self) -> Changed | None:
        raise NotImplementedError

    def _on_ok(self) -> None:
        try:
            self.changed = self._write()
        except DomainError as error:
            self.error_label.setText(error.message)
            return
        self.accept()


class GoodsDialog(_WritingDialog):
    """登记商品: what it is, how many points one costs, how many came in first, and where it came from."""

    def __init__(self, add: Callable[[str, int, int, GoodsSource], Changed], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记商品"), self.tr("登记"), parent)
        self._add = add
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("如：洗衣液（2 升装）"))
        self.price_spin = _spin(1, 100000, self.tr(" 分"), 10)
        self.stock_spin = _spin(0, 100000, self.tr(" 件"))
        self.source_combo: ChoiceCombo[GoodsSource] = ChoiceCombo()
        self.source_combo.add_choices((source.label, source) for source in GoodsSource)
        form = QFormLayout(self)
        form.addRow(self.tr("商品名称"), self.name_edit)
        form.addRow(self.tr("兑换一件所需积分"), self.price_spin)
        form.addRow(self.tr("首次入库数量"), self.stock_spin)
        form.addRow(self.tr("来源"), self.source_combo)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.ok_button.setEnabled(False)
        self.name_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))

    def _write(self) -> Changed:
        return self._add(self.name_edit.text(), self.price_spin.value(), self.stock_spin.value(),
                         self.source_combo.current_value() or GoodsSource.DONATION)


class StockMoveDialog(_WritingDialog):
    """入库 or 出库 of one goods: how many and why; who is the account logged in (recorded with the movement)."""

    def __init__(self, goods: Goods, by_name: str, move: Callable[[str, int, str], Changed],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("入库 / 出库"), self.tr("记录入库"), parent)
        self._goods, self._move = goods, move
        self.in_radio, self.out_radio = QRadioButton(self.tr("入库")), QRadioButton(self.tr("出库"))
        self.in_radio.setChecked(True)
        direction = QHBoxLayout()
        direction.addWidget(self.in_radio)
        direction.addWidget(self.out_radio)
        direction.addStretch(1)
        self.quantity_spin = _spin(1, 100000, self.tr(" 件"), 1)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("如：县妇联捐赠、过期报损、乡镇调拨"))
        form = QFormLayout(self)
        form.addRow(self.tr("商品"), QLabel(self.tr("{0}（现有库存 {1} 件）").format(goods.name, goods.stock)))
        form.addRow(self.tr("出入库"), direction)
        form.addRow(self.tr("数量"), self.quantity_spin)
        form.addRow(self.tr("原因"), self.reason_edit)
        form.addRow(self.tr("经手人"), QLabel(by_name))
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.ok_button.setEnabled(False)  # no movement without its reason (the store refuses one too)
        self.reason_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.out_radio.toggled.connect(
            lambda out: self.ok_button.setText(self.tr("记录出库") if out else self.tr("记录入库")))

    @property
    def change(self) -> int:
        return -self.quantity_spin.value() if self.out_radio.isChecked() else self.quantity_spin.value()

    def _write(self) -> Changed:
        return self._move(self._goods.id, self.change, self.reason_edit.text())


class StockCountDialog(_WritingDialog):
    """盘点: every goods with its book stock; the counted stock typed over it, and a reason wherever they differ.
    Only the differences are written (a goods counted as booked writes nothing), so recording again after a
    refusal does not count a difference twice."""

    def __init__(self, goods: Sequence[Goods], count: Callable[[str, int, str], Changed],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("盘点"), self.tr("记录盘点结果"), parent)
        self._goods, self._count = list(goods), count
        self.counted_spins: list[QSpinBox] = []
        self.difference_labels: list[QLabel] = []
        self.reason_edits: list[QLineEdit] = []
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        for column, header in enumerate((self.tr("商品"), self.tr("账面库存"), self.tr("实有数量"), self.tr("差异"),
                                         self.tr("差异原因"))):
            grid.addWidget(QLabel(f"<b>{header}</b>"), 0, column)
        for row, item in enumerate(self._goods, start=1):
            spin = _spin(0, 100000, self.tr(" 件"), item.stock)
            difference, reason = QLabel(), QLineEdit()
            reason.setPlaceholderText(self.tr("如：受潮损坏 2 件"))
            reason.setMinimumWidth(220)
            grid.addWidget(QLabel(self.tr("{0}（{1} 分）").format(item.name, item.price)), row, 0)
            grid.addWidget(QLabel(self.tr("{0} 件").format(item.stock)), row, 1)
            grid.addWidget(spin, row, 2)
            grid.addWidget(difference, row, 3)
            grid.addWidget(reason, row, 4)
            self.counted_spins.append(spin)
            self.difference_labels.append(difference)
            self.reason_edits.append(reason)
            spin.valueChanged.connect(self._refresh)
            reason.textChanged.connect(self._refresh)
        grid.setColumnStretch(4, 1)
        grid.setRowStretch(len(self._goods) + 1, 1)  # the rows at the top, the spare height below them
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)
        self.summary_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("逐一清点货架上的商品，填入实有数量；与账面不符的，写明原因后记录。")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        self._refresh()

    def differences(self) -> list[tuple[Goods, int, str]]:
        """(goods, counted, reason) of every goods whose counted stock is not the book stock."""
        return [(goods, spin.value(), reason.text()) for goods, spin, reason
                in zip(self._goods, self.counted_spins, self.reason_edits) if spin.value() != goods.stock]

    def _refresh(self) -> None:
        missing = 0
        for goods, spin, label, reason in zip(self._goods, self.counted_spins, self.difference_labels,
                                              self.reason_edits):
            gap = spin.value() - goods.stock
            label.setText(f"{gap:+d}" if gap else self.tr("相符"))
            label.setStyleSheet(REFUSED if gap else "")
            reason.setEnabled(gap != 0)
            missing += gap != 0 and not reason.text().strip()
        found = len(self.differences())
        self.summary_label.setText(
            self.tr("{0} 种商品与账面不符，还有 {1} 种没写原因。").format(found, missing) if missing else
            self.tr("{0} 种商品与账面不符，原因已写明。").format(found) if found else self.tr("全部与账面相符。"))
        self.ok_button.setEnabled(not missing)

    def _write(self) -> Changed | None:
        """The differences' joined Changed; None when everything was as booked (a count with nothing to write)."""
        changed: Changed | None = None
        for goods, counted, reason in self.differences():
            done = self._count(goods.id, counted, reason)
            changed = done if changed is None else changed | done
        return changed
