"""PointsScreen (积分制): 录入 (slips and batches), 待确认 (the second person), 台账与冲正 (a household's entries, a
confirmed one reversed with its reason), 汇总与积分榜, 爱心超市 (redemption at the counter) and 商品与库存 (goods,
stock in and out, 盘点)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from models.core.changes import Changed, Entity
from models.core.ports import Stores
from ui.core.bus import DataBus
from ui.points.confirm_tab import ConfirmTab
from ui.points.entry_tab import EntryTab
from ui.points.goods_tab import GoodsTab
from ui.points.ledger_tab import LedgerTab
from ui.points.redeem_tab import RedeemTab
from ui.points.tally_tab import TallyTab

CONCERNS = (Entity.POINTS_ENTRY, Entity.POINTS_SCHEME, Entity.POINTS_REDEMPTION, Entity.POINTS_GOODS, Entity.HOUSEHOLD,
            Entity.VILLAGER, Entity.VILLAGE_GROUP, Entity.POINTS_PUBLICATION)


class PointsScreen(QWidget):
    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores = stores
        self.scheme_label = QLabel()
        self.scheme_label.setWordWrap(True)
        self.tabs = QTabWidget()
        self.entry_tab, self.confirm_tab = EntryTab(stores, bus), ConfirmTab(stores, bus)
        self.tally_tab = TallyTab(stores, bus)
        self.tabs.addTab(self.entry_tab, self.tr("录入"))
        self.tabs.addTab(self.confirm_tab, self.tr("待确认"))
        self.ledger_tab = LedgerTab(stores, bus)
        self.tabs.addTab(self.ledger_tab, self.tr("台账与冲正"))
        self.tabs.addTab(self.tally_tab, self.tr("汇总与积分榜"))
        self.redeem_tab = RedeemTab(stores, bus)
        self.undo_stack = self.confirm_tab.undo_stack  # the evidence's adds and removals (the main window's 撤销)
        self.tabs.addTab(self.redeem_tab, self.tr("爱心超市"))
        self.goods_tab = GoodsTab(stores, bus)
        self.tabs.addTab(self.goods_tab, self.tr("商品与库存"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.scheme_label)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(self._on_changed)
        self._show_scheme()
        self.tally_tab.reload()

    def _show_scheme(self) -> None:
        scheme = self._stores.points.scheme.current()
        self.scheme_label.setText(
            self.tr("现行积分细则第{0}版，{1} 经会议通过，共 {2} 项；每期上限按{3}计，扣分记录超过 {4}% 时积分榜提示。").format(
                scheme.version, scheme.adopted_on.isoformat(), len(scheme.items), scheme.period.label,
                scheme.deduction_share) if scheme else
            self.tr("还没有经村民会议或村民代表会议通过的积分细则，不能记分。请用命令 points scheme import 导入。"))

    def _on_changed(self, changed: Changed) -> None:
        if changed.concerns(*CONCERNS):
            self._show_scheme()
            self.entry_tab.reload()
            self.confirm_tab.reload()
            self.ledger_tab.reload()
            self.tally_tab.reload()
            self.redeem_tab.reload()
            self.goods_tab.reload()
