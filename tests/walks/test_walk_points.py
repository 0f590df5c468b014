"""积分制 through the real main window: slips and a batch from the registry as the clerk, confirmation as a second
user (the recorder's own confirmation refused), then the board printed and read back."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from models.lists.entries import Period
from storage.demo.b10_installation import DEMO_PASSWORD
from tests.printing.pdfcheck import text_of
from tests.walks.conftest import Walk
from tests.walks.driver import choose, click, expect_dialog, fill, save_as

EVENT = date(2027, 3, 12)  # the clean-up day: a month the demo's year of entries does not reach


def _enter(qtbot: Any, widget: Any, text: str) -> None:
    fill(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_batch_from_the_registry_confirmed_by_a_second_user_and_the_board_printed(
        log_in: Callable[..., Walk], tmp_path: Path) -> None:
    clerk = log_in("wenshu", DEMO_PASSWORD)
    qtbot = clerk.qtbot
    entry = clerk.open_area("积分制").entry_tab
    fill(qtbot, entry.date_edit, EVENT)
    _enter(qtbot, entry.household_edit, "wpg")  # 王平光 (户号 0008) by pinyin initials
    assert entry.household_label.text().startswith("0008 王平光")
    assert clerk.window.focusWidget() is entry.item_edit  # Enter moved on to the item
    _enter(qtbot, entry.item_edit, "E01")
    assert "已记录" in entry.status.text() and clerk.window.focusWidget() is entry.household_edit and entry.household_edit.text() == ""
    choose(qtbot, entry.batch_group, "第1组")
    fill(qtbot, entry.batch_item, "B01")
    fill(qtbot, entry.batch_date, EVENT)
    click(qtbot, entry.list_button)
    group = [h for h in clerk.stores.points.tally.households() if h.group_name == "第1组"]
    assert entry.batch_list.count() == len(group) > 3
    qtbot.mouseClick(entry.batch_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=entry.batch_list.visualItemRect(entry.batch_list.item(0)).topLeft() + _box())
    assert len(entry.checked_numbers()) == len(group) - 1  # one household was not at the clean-up
    click(qtbot, entry.batch_button)
    assert f"已为 {len(group) - 1} 户记录 B01" in entry.status.text()
    own = clerk.window.area_stack.currentWidget().confirm_tab
    clerk.window.area_stack.currentWidget().tabs.setCurrentWidget(own)
    click(qtbot, own.select_all_button)
    click(qtbot, own.confirm_button)
    assert own.status.text().startswith("已确认 0 条") and "另一位工作人员" in own.status.text()

    checker = log_in("shuji", DEMO_PASSWORD)
    screen = checker.open_area("积分制")
    screen.tabs.setCurrentWidget(screen.confirm_tab)
    pending = screen.confirm_tab.pending.rowCount()
    assert pending >= len(group)
    click(qtbot, screen.confirm_tab.select_all_button)
    click(qtbot, screen.confirm_tab.confirm_button)
    assert screen.confirm_tab.status.text().startswith(f"已确认 {pending} 条")
    march = checker.stores.points.tally.balance("0008")
    assert march.pending == 0

    tally = screen.tally_tab
    screen.tabs.setCurrentWidget(tally)
    _enter(qtbot, tally.period_edit, "2027-03")
    choose(qtbot, tally.by_combo, "村民小组")
    first = tally.model.row_at(0)
    assert first is not None and first.key == "第1组" and first.plus == 5 * (len(group) - 1) + (
        3 if any(h.household_no == "0008" for h in group) else 0)
    target = tmp_path / "积分榜.pdf"
    with expect_dialog(qtbot, save_as(qtbot, target), timeout=30000):
        click(qtbot, tally.print_button)
    qtbot.waitUntil(lambda: target.exists() and "已保存" in tally.status.text(), timeout=10000)
    text = text_of(target.read_bytes())
    assert "2027年3月积分榜" in text and "扣分0条" in text
    assert checker.stores.points.tally.board(Period.parse("2027-03")).entries == len(group)


def _box() -> Any:
    from PySide6.QtCore import QPoint
    return QPoint(10, 8)  # the check box at the start of a list entry


def test_a_redemption_at_the_counter_reversed_with_its_reason(log_in: Callable[..., Walk]) -> None:
    """爱心超市: redeem, choose the redemption in the household's list, 冲正所选兑换 asks what goes back and why; the
    points and the goods come back and the row says 已冲正 (R39)."""
    clerk = log_in("wenshu", DEMO_PASSWORD)
    qtbot = clerk.qtbot
    points = clerk.stores.points
    goods_id = points.goods.add_goods("肥皂", 1, 1).id  # in stock before the screen opens
    screen = clerk.open_area("积分制")
    tab = screen.redeem_tab
    screen.tabs.setCurrentWidget(tab)
    number = next(h.household_no for h in points.tally.households()
                  if points.tally.balance(h.household_no).redeemable > 0)
    before = points.tally.balance(number)
    fill(qtbot, tab.household_edit, number)
    tab.goods_combo.setCurrentIndex(tab.goods_combo.values().index(goods_id))
    click(qtbot, tab.redeem_button)
    assert tab.status.text().startswith("兑换凭证 DH") and points.goods.goods(goods_id).stock == 0
    tab.redemptions_view.selectRow(0)
    chosen = tab.selected_redemption()
    assert chosen is not None and chosen.goods_name == "肥皂"

    def give_reason(dialog: Any) -> None:
        assert "冲正后不能撤销" in dialog.findChild(QLabel).text() and not dialog.ok_button.isEnabled()
        fill(qtbot, dialog.reason_edit, "拿错了商品")
        click(qtbot, dialog.ok_button)

    with expect_dialog(qtbot, give_reason):
        click(qtbot, tab.reverse_button)
    assert tab.status.text().startswith("已冲正兑换凭证 DH")
    assert points.goods.goods(goods_id).stock == 1 and points.tally.balance(number) == before
    assert tab.redemptions.row_at(0).reversed and not tab.reverse_button.isEnabled()
