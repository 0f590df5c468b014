"""积分制's 商品与库存, 台账与冲正 and the receipt of 爱心超市 through the real main window and the real dialogs: goods
registered, stock moved out with why (a move past the stock refused in the dialog), counted with a reason for the
difference (R39); a confirmed entry reversed with its reason and confirmed by a second user (R36); a redemption's
兑换凭证 printed and read back."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from storage.demo.b10_installation import DEMO_PASSWORD
from tests.printing.pdfcheck import text_of
from tests.walks.conftest import Walk
from tests.walks.driver import choose, click, click_button, dialog_text, expect_dialog, field, fill, save_as


def _shoot(widget: QWidget, name: str) -> None:
    """With XIANGYUE_SCREENSHOTS set, the widget as shown, saved there as `name`.png (for looking at, not asserted)."""
    folder = os.environ.get("XIANGYUE_SCREENSHOTS")
    if folder:
        QApplication.processEvents()
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _shoot_tabs(walk: Walk, screen: Any, tabs: dict[str, QWidget]) -> None:
    """The main window with each of `tabs` shown, at 1024×768 and 1366×768."""
    if not os.environ.get("XIANGYUE_SCREENSHOTS"):
        return
    for width in (1024, 1366):
        walk.window.resize(width, 768)
        for name, tab in tabs.items():
            screen.tabs.setCurrentWidget(tab)
            _shoot(walk.window, f"points_{name}_{width}x768")


def test_goods_registered_moved_out_and_counted_with_their_reasons(log_in: Callable[..., Walk]) -> None:
    clerk = log_in("wenshu", DEMO_PASSWORD)
    qtbot = clerk.qtbot
    screen = clerk.open_area("积分制")
    tab = screen.goods_tab
    screen.tabs.setCurrentWidget(tab)

    def register(dialog: Any) -> None:
        assert not dialog.ok_button.isEnabled()  # no goods without a name
        fill(qtbot, field(dialog, "商品名称"), "洗衣液")
        fill(qtbot, field(dialog, "兑换一件所需积分"), 20)
        fill(qtbot, field(dialog, "首次入库数量"), 5)
        choose(qtbot, field(dialog, "来源"), "采购")
        _shoot(dialog, "points_goods_dialog")
        click_button(qtbot, dialog, "登记")

    with expect_dialog(qtbot, register):
        click(qtbot, tab.add_button)
    assert tab.status.text() == "已登记“洗衣液”：每件 20 分，库存 5 件（采购）。"
    goods = tab.selected_goods()
    assert goods is not None and (goods.name, goods.price, goods.stock, goods.source.label) == ("洗衣液", 20, 5, "采购")
    assert [m.reason for m in tab.moves.rows()] == ["首次入库"]

    def move_out(dialog: Any) -> None:
        assert "现有库存 5 件" in dialog_text(dialog) and "吴晓梅" in dialog_text(dialog)  # who: the account logged in
        click(qtbot, dialog.out_radio)
        fill(qtbot, field(dialog, "数量"), 9)
        fill(qtbot, field(dialog, "原因"), "过期报损")
        click_button(qtbot, dialog, "记录出库")
        assert dialog.isVisible() and dialog.error_label.text() == "“洗衣液”库存只有 5 件，不能出库 9 件。"
        _shoot(dialog, "points_stock_move_dialog")
        fill(qtbot, field(dialog, "数量"), 2)
        click_button(qtbot, dialog, "记录出库")

    with expect_dialog(qtbot, move_out):
        click(qtbot, tab.move_button)
    assert tab.status.text() == "“洗衣液”出库 2 件，现有库存 3 件。"
    latest = tab.moves.row_at(0)
    assert (latest.kind.label, latest.change, latest.reason, latest.by_name) == ("出库", -2, "过期报损", "吴晓梅")

    def count(dialog: Any) -> None:
        row = [g.id for g in dialog._goods].index(goods.id)
        fill(qtbot, dialog.counted_spins[row], 2)
        assert dialog.difference_labels[row].text() == "-1" and not dialog.ok_button.isEnabled()
        assert "还有 1 种没写原因" in dialog.summary_label.text()
        fill(qtbot, dialog.reason_edits[row], "盘点少 1 瓶，包装破损")
        _shoot(dialog, "points_stock_count_dialog")
        click_button(qtbot, dialog, "记录盘点结果")

    with expect_dialog(qtbot, count):
        click(qtbot, tab.count_button)
    assert tab.status.text().startswith("盘点已记录：1 种商品与账面不符")
    assert clerk.stores.points.goods.goods(goods.id).stock == 2
    assert (tab.moves.row_at(0).kind.label, tab.moves.row_at(0).reason) == ("盘点差异", "盘点少 1 瓶，包装破损")
    redeem = screen.redeem_tab
    assert any("洗衣液（20 分，库存 2）" == redeem.goods_combo.itemText(i) for i in range(redeem.goods_combo.count()))
    _shoot_tabs(clerk, screen, {"goods": tab})


def test_a_confirmed_entry_reversed_with_its_reason_then_confirmed_by_a_second_user(
        log_in: Callable[..., Walk]) -> None:
    clerk = log_in("wenshu", DEMO_PASSWORD)
    qtbot = clerk.qtbot
    ledger = clerk.stores.points.ledger
    entry = next(e for e in ledger.entries(limit=400) if e.confirmed and e.kind.value == "item" and e.points > 0
                 and not any(r.reverses == e.id for r in ledger.entries(e.household_no)))
    before = clerk.stores.points.tally.balance(entry.household_no).confirmed
    screen = clerk.open_area("积分制")
    tab = screen.ledger_tab
    screen.tabs.setCurrentWidget(tab)
    fill(qtbot, tab.household_edit, entry.household_no)
    pending = next((e for e in tab.entries.rows() if not e.confirmed), None)
    if pending is not None:  # an unconfirmed entry is not reversed: it is left unconfirmed
        tab.select_entry(pending.id)
        assert not tab.reverse_button.isEnabled() and "还未确认" in tab.hint.text()
    tab.select_entry(entry.id)
    assert tab.reverse_button.isEnabled()

    def give_reason(dialog: Any) -> None:
        text = dialog.findChild(QLabel).text()
        assert f"{entry.points:+d} 分" in text and "原记录不改" in text and "冲正后不能撤销" in text
        assert not dialog.ok_button.isEnabled()
        fill(qtbot, dialog.reason_edit, "积分单户号填错")
        _shoot(dialog, "points_reverse_entry_dialog")
        click(qtbot, dialog.ok_button)

    with expect_dialog(qtbot, give_reason):
        click(qtbot, tab.reverse_button)
    assert tab.status.text().startswith(f"已记冲正记录 {-entry.points:+d} 分（理由：积分单户号填错）")
    reversal = tab.selected_entry()  # the new row, chosen; a reversal is not itself reversed
    assert reversal is not None and reversal.reverses == entry.id and not reversal.confirmed
    assert not tab.reverse_button.isEnabled() and "本身是冲正记录" in tab.hint.text()
    tab.select_entry(entry.id)
    assert "已经冲正过了" in tab.hint.text() and tab._note(entry) == "已冲正"
    _shoot_tabs(clerk, screen, {"ledger": tab})

    checker = log_in("shuji", DEMO_PASSWORD)
    confirm = checker.open_area("积分制")
    confirm.tabs.setCurrentWidget(confirm.confirm_tab)
    confirm.confirm_tab.table.selectRow([e.id for e in confirm.confirm_tab.pending.rows()].index(reversal.id))
    click(qtbot, confirm.confirm_tab.confirm_button)
    assert confirm.confirm_tab.status.text().startswith("已确认 1 条")
    assert checker.stores.points.tally.balance(entry.household_no).confirmed == before - entry.points


def test_a_redemption_at_the_counter_and_its_receipt_printed(log_in: Callable[..., Walk], tmp_path: Path,
                                                            monkeypatch: Any) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)  # the system PDF viewer, not a dialog
    clerk = log_in("wenshu", DEMO_PASSWORD)
    qtbot = clerk.qtbot
    points = clerk.stores.points
    goods_id = points.goods.add_goods("毛巾", 2, 1).id
    number = next(h.household_no for h in points.tally.households()
                  if points.tally.balance(h.household_no).redeemable >= 2)
    screen = clerk.open_area("积分制")
    tab = screen.redeem_tab
    screen.tabs.setCurrentWidget(tab)
    fill(qtbot, tab.household_edit, number)
    qtbot.keyClick(tab.household_edit, Qt.Key.Key_Return)
    assert "可用积分" in tab.balance_label.text() and clerk.window.focusWidget() is tab.goods_combo
    choose(qtbot, tab.goods_combo, "毛巾（2 分，库存 1）")
    fill(qtbot, tab.quantity, 2)
    click(qtbot, tab.redeem_button)
    assert tab.status.text() == "“毛巾”库存只有 1 件，不够兑换 2 件。"
    fill(qtbot, tab.quantity, 1)
    click(qtbot, tab.redeem_button)
    chosen = tab.selected_redemption()  # the redemption just made, chosen for its receipt
    assert chosen is not None and tab.status.text().startswith(f"兑换凭证 {chosen.number}")
    _shoot_tabs(clerk, screen, {"redeem": tab})
    target = tmp_path / "兑换凭证.pdf"
    with expect_dialog(qtbot, save_as(qtbot, target), timeout=30000):
        click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: target.exists() and "已保存" in tab.status.text(), timeout=10000)
    text = text_of(target.read_bytes())
    assert chosen.number in text and "毛巾" in text and points.goods.goods(goods_id).stock == 0
