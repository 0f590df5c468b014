"""商品与库存: the love supermarket's goods with price, stock and source; 登记商品, 入库/出库 with why (who is the
account logged in) and 盘点 (counted stock, each difference with its reason, R39); the chosen goods' movements below.
Stock movements are ledger rows, never undone (a wrong one is answered by another movement), so these writes are
not on the undo stack: the dialog itself is the question before anything is written."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.core.changes import Changed
from models.core.ports import Stores
from models.points.goods import Goods
from ui.core.bus import DataBus
from ui.points.goods_dialogs import GoodsDialog, StockCountDialog, StockMoveDialog
from ui.widgets.empty_hint import add_empty_hint
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.tables import table_view

GOODS_COLUMNS = (("商品", lambda g: g.name), ("所需积分", lambda g: f"{g.price} 分"),
                 ("库存", lambda g: f"{g.stock} 件"), ("来源", lambda g: g.source.label))
MOVE_COLUMNS = (("日期", lambda m: m.on.isoformat()), ("类别", lambda m: m.kind.label),
                ("数量", lambda m: f"{m.change:+d}"), ("原因", lambda m: m.reason), ("经手人", lambda m: m.by_name))


class GoodsTab(QWidget):
    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores, self._bus = stores, bus
        self.add_button = QPushButton(self.tr("登记商品…"))
        self.move_button = QPushButton(self.tr("入库 / 出库…"))
        self.count_button = QPushButton(self.tr("盘点…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.goods = RowsTableModel(GOODS_COLUMNS, fetch=self._stores.points.goods.goods_list)
        self.goods_view = table_view(self.goods, stretch=0)
        add_empty_hint(self.goods_view, self.tr("还没有登记商品。点“登记商品…”登记捐赠、采购或乡镇调拨来的商品。"))
        self.moves = RowsTableModel(MOVE_COLUMNS)
        self.moves_view = table_view(self.moves, stretch=3)
        self.moves_label = QLabel()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.move_button, self.count_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.goods_view, 3)
        layout.addWidget(self.moves_label)
        layout.addWidget(self.moves_view, 2)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.move_button.clicked.connect(self._on_move_clicked)
        self.count_button.clicked.connect(self._on_count_clicked)
        self.goods_view.selectionModel().selectionChanged.connect(lambda *_: self._show_moves())
        self.goods_view.activated.connect(lambda *_: self._on_move_clicked())  # Enter on a goods: 入库/出库
        self.reload()

    def reload(self) -> None:
        chosen = self.selected_goods()
        self.goods.reload()
        if chosen is not None:
            self.select_goods(chosen.id)
        self._show_moves()

    def selected_goods(self) -> Goods | None:
        rows = self.goods_view.selectionModel().selectedRows()
        return self.goods.row_at(rows[0].row()) if rows else None

    def select_goods(self, goods_id: str) -> None:
        ids = [g.id for g in self.goods.rows()]
        if goods_id in ids:
            self.goods_view.selectRow(ids.index(goods_id))

    def _show_moves(self) -> None:
        goods = self.selected_goods()
        self.move_button.setEnabled(goods is not None)
        self.count_button.setEnabled(bool(self.goods.rows()))
        self.moves.set_rows(self._stores.points.goods.stock_moves(goods.id) if goods else [])
        self.moves_label.setText(self.tr("“{0}”的出入库记录（库存 {1} 件）：").format(goods.name, goods.stock)
                                 if goods else self.tr("选中一种商品，查看它的出入库记录。"))

    def _done(self, changed: Changed | None, text: str) -> None:
        self.status.setText(text)
        if changed is not None:
            self._bus.changed.emit(changed)

    def _on_add_clicked(self) -> None:
        dialog = GoodsDialog(self._stores.points.goods.add_goods, self)
        try:
            if dialog.exec() and dialog.changed is not None:
                goods = self._stores.points.goods.goods(dialog.changed.id)
                self._done(dialog.changed, self.tr("已登记“{0}”：每件 {1} 分，库存 {2} 件（{3}）。").format(
                    goods.name, goods.price, goods.stock, goods.source.label))
                self.select_goods(goods.id)
        finally:
            dialog.deleteLater()

    def _on_move_clicked(self) -> None:
        goods = self.selected_goods()
        if goods is None:
            return
        dialog = StockMoveDialog(goods, self._stores.actor.name, self._stores.points.goods.move_stock, self)
        try:
            if dialog.exec() and dialog.changed is not None:
                after = self._stores.points.goods.goods(goods.id)
                self._done(dialog.changed, self.tr("“{0}”{1} {2} 件，现有库存 {3} 件。").format(
                    goods.name, self.tr("入库") if dialog.change > 0 else self.tr("出库"), abs(dialog.change),
                    after.stock))
        finally:
            dialog.deleteLater()

    def _on_count_clicked(self) -> None:
        dialog = StockCountDialog(self.goods.rows(), self._stores.points.goods.count_stock, self)
        try:
            if dialog.exec():
                found = len(dialog.differences())
                self._done(dialog.changed, self.tr("盘点已记录：{0} 种商品与账面不符，差异和原因已记入出入库记录。")
                           .format(found) if found else self.tr("盘点完成：全部与账面相符，没有记录差异。"))
        finally:
            dialog.deleteLater()
