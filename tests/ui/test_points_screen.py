"""The points screen's 爱心超市 tab: the balance shown first, a redemption through the button, and a short balance
refused with the figure; the screen reloads from the Changed the write returned."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.points_fixtures import Village, village  # noqa: F401  (fixture)
from ui.core.bus import DataBus
from ui.points.screen import PointsScreen


def test_a_redemption_at_the_counter_updates_balance_and_stock(qtbot: Any, village: Village) -> None:
    points = village.clerk.points
    goods_id = points.goods.add_goods("肥皂", 10, 1).id
    screen = PointsScreen(village.clerk, DataBus())
    qtbot.addWidget(screen)
    tab = screen.redeem_tab
    balance = points.tally.balance("0007").redeemable
    qtbot.keyClicks(tab.household_edit, "0007")
    assert f"可用积分 {balance} 分" in tab.balance_label.text()
    tab.goods_combo.setCurrentIndex(tab.goods_combo.values().index(goods_id))
    qtbot.mouseClick(tab.redeem_button, Qt.MouseButton.LeftButton)
    assert tab.status.text().startswith("兑换凭证 DH")
    assert f"可用积分 {balance - 10} 分" in tab.balance_label.text()  # reloaded from the returned Changed
    assert "库存 0" in tab.goods_combo.currentText()
    qtbot.mouseClick(tab.redeem_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "“肥皂”库存只有 0 件，不够兑换 1 件。"
