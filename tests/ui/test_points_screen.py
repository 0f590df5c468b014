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


def test_the_last_month_is_published_objected_to_and_answered_on_the_tally_tab(qtbot: Any, village: Village) -> None:
    from datetime import date, timedelta

    from tests.helpers import type_text

    screen = PointsScreen(village.clerk, DataBus())
    qtbot.addWidget(screen)
    tab, box = screen.tally_tab, screen.tally_tab.publication_box
    last_month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    tab.period_edit.setText(last_month)
    qtbot.mouseClick(tab.tally_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(box.publish_button, Qt.MouseButton.LeftButton)
    closes = (date.today() + timedelta(days=4)).isoformat()
    assert f"公示中（至 {closes}）" in box.state_label.text() and box.object_button.isEnabled()
    qtbot.keyClicks(box.household_edit, "0005")
    type_text(box.by_edit, "王五")
    type_text(box.text_edit, "卫生日记漏了")
    qtbot.mouseClick(box.object_button, Qt.MouseButton.LeftButton)
    assert "1 条异议待答复" in box.state_label.text() and box.answer_button.isEnabled()
    type_text(box.answer_edit, "已核对签到表，确有漏记，另行补记。")
    box.upheld_check.setChecked(True)
    qtbot.mouseClick(box.answer_button, Qt.MouseButton.LeftButton)
    objection = village.clerk.points.publications.objections(
        village.clerk.points.publications.latest(village.clerk.points.publications.publications()[0].period).id)[0]
    assert objection.upheld and objection.household_no == "0005" and not box.answer_button.isEnabled()
