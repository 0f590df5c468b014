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
    assert "积分长期有效" in tab.balance_label.text()  # the expiry rule with the balance (R39)
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


def test_the_confirmer_sees_the_chosen_entrys_evidence(qtbot: Any, village: Village, tmp_path: Any) -> None:
    """R36 evidence through the one attachment store: open while the entry waits, kept once it is confirmed."""
    from datetime import date

    from models.core.attachments import AttachmentOwner, OwnerKind
    from models.points.ledger import EntryDraft

    entry_id = village.clerk.points.ledger.add(EntryDraft("0006", "B01", date(2027, 6, 5))).id
    slip = tmp_path / "签到表.jpg"
    slip.write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 64)
    village.clerk.attachments.attach(AttachmentOwner(OwnerKind.POINTS_ENTRY, entry_id), slip)
    screen = PointsScreen(village.checker, DataBus())
    qtbot.addWidget(screen)
    tab, panel = screen.confirm_tab, screen.confirm_tab.evidence_panel
    assert panel.model.rowCount() == 0 and not panel.add_button.isEnabled()
    row = [e.id for e in tab.pending.rows()].index(entry_id)
    tab.table.selectRow(row)
    assert panel.model.rowCount() == 1 and panel.add_button.isEnabled() and panel.remove_button.isEnabled()
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    status = village.checker.attachments.status(AttachmentOwner(OwnerKind.POINTS_ENTRY, entry_id))
    assert status.phase.value == "kept"  # confirmed: the evidence stays with the points it rests on


def test_the_scheme_line_shows_the_period_and_the_deduction_share(qtbot: Any, village: Village) -> None:
    screen = PointsScreen(village.clerk, DataBus())
    qtbot.addWidget(screen)
    assert "每期上限按月计，扣分记录超过 30% 时积分榜提示" in screen.scheme_label.text()


def test_an_item_is_found_by_code_name_or_pinyin_initials_and_picked_from_the_list(qtbot: Any,
                                                                                  village: Village) -> None:
    """录入: 巡逻 (a word of the name) and cjq (参加全村卫生日义务劳动's initials) find their items; b lists the B
    items, Down picks the second, and Enter records the item picked, not the text typed."""
    from datetime import date

    from PySide6.QtCore import QDate

    from tests.helpers import type_text
    from tests.points_fixtures import FUTURE

    screen = PointsScreen(village.clerk, DataBus())
    qtbot.addWidget(screen)
    screen.show()
    entry = screen.entry_tab
    day = date.fromisoformat(f"{FUTURE}-01")
    entry.date_edit.setDate(QDate(day.year, day.month, day.day))

    def record(typed: str, picks: int = 0) -> str:
        qtbot.keyClicks(entry.household_edit, "0007")
        qtbot.keyClick(entry.household_edit, Qt.Key.Key_Return)
        if typed.isascii():
            qtbot.keyClicks(entry.item_edit, typed)
        else:
            type_text(entry.item_edit, typed)
        for _ in range(picks):
            qtbot.keyClick(entry.item_completer.popup(), Qt.Key.Key_Down)
        qtbot.keyClick(entry.item_edit, Qt.Key.Key_Return)
        return village.clerk.points.ledger.entries("0007", limit=1)[0].item_code

    type_text(entry.item_edit, "巡逻")
    assert entry.item_label.text().startswith("A01 遵规守约")
    entry.item_edit.clear()
    assert record("巡逻") == "A01"
    assert record("cjq") == "B01" and "已记录" in entry.status.text()
    qtbot.keyClicks(entry.item_edit, "b")
    assert entry.item_completer.popup().isVisible()
    assert entry.item_matches.stringList()[:3] == [s for s in entry.item_matches.stringList() if s[0] == "B"][:3]
    entry.item_edit.clear()
    assert record("b", picks=2) == "B02"
    qtbot.keyClicks(entry.household_edit, "0007")
    qtbot.keyClick(entry.household_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(entry.item_edit, "zzz")
    qtbot.keyClick(entry.item_edit, Qt.Key.Key_Return)
    assert "积分细则中没有“zzz”这一项" in entry.status.text()


def test_the_reject_dialog_asks_for_a_reason_before_it_rejects(qtbot: Any, village: Village) -> None:
    """退回: the OK button stays off until a reason is typed; the reason is what the dialog hands back."""
    from datetime import date

    from PySide6.QtWidgets import QLabel

    from models.points.ledger import EntryDraft
    from tests.helpers import type_text
    from ui.points.reverse_dialog import RejectEntryDialog

    entry = village.clerk.points.ledger.entry(
        village.clerk.points.ledger.add(EntryDraft("0007", "B01", date(2027, 6, 5))).id)
    dialog = RejectEntryDialog([entry])
    qtbot.addWidget(dialog)
    assert any("户号 0007" in label.text() and "不计入积分" in label.text() for label in dialog.findChildren(QLabel))
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.reason_edit, "签到表上没有这一户")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.reason == "签到表上没有这一户"


def test_a_second_account_rejects_a_pending_entry_on_the_confirm_tab(qtbot: Any, village: Village) -> None:
    """The 退回 button next to 确认所选: the entry leaves the pending view, counts nothing and stays in the
    history marked 已退回 with the reason; the recorder's own entry is refused with the two-person rule."""
    import dataclasses
    from datetime import date

    from models.points.ledger import EntryDraft
    from tests.walks.driver import click_button, expect_dialog, field, fill

    def give_reason(dialog: Any) -> None:  # the real 退回记录 dialog: its reason line, then its 退回 button
        fill(qtbot, field(dialog, "退回理由："), "签到表上没有这一户")
        click_button(qtbot, dialog, "退回")

    ledger = village.clerk.points.ledger
    entry_id = ledger.add(EntryDraft("0008", "B01", date(2027, 6, 5))).id
    before = village.clerk.points.tally.balance("0008")
    screen = PointsScreen(village.checker, DataBus())
    qtbot.addWidget(screen)
    tab = screen.confirm_tab
    tab.table.selectRow([e.id for e in tab.pending.rows()].index(entry_id))
    with expect_dialog(qtbot, give_reason):
        qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "已退回 1 条。"
    assert entry_id not in [e.id for e in tab.pending.rows()]  # reloaded from the Changed the write returned
    entry = ledger.entry(entry_id)
    assert entry.rejected and entry.reject_reason == "签到表上没有这一户"
    assert village.clerk.points.tally.balance("0008") == dataclasses.replace(before, pending=before.pending - 5)
    recent = screen.entry_tab.entries
    recent.reload()
    row = [e.id for e in recent.rows()].index(entry_id)
    assert recent.index(row, 5).data().startswith("已退回（")
    own = village.checker.points.ledger.add(EntryDraft("0008", "B01", date(2027, 6, 6))).id
    tab.reload()
    tab.table.selectRow([e.id for e in tab.pending.rows()].index(own))
    with expect_dialog(qtbot, give_reason):
        qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    assert tab.status.text().startswith("已退回 0 条。未退回 1 条：") and "另一位工作人员退回" in tab.status.text()


def test_a_batch_over_one_households_cap_names_it_and_records_none(qtbot: Any, village: Village) -> None:
    """The registry batch refused whole: the message names the row and household the cap stopped (add_batch)."""
    from datetime import date

    from PySide6.QtCore import QDate

    from models.points.ledger import EntryDraft

    ledger = village.clerk.points.ledger
    for day in (date(2027, 6, 1), date(2027, 6, 2)):
        ledger.add(EntryDraft("0002", "B01", day))  # B01: the cap of 10 reached for 0002
    screen = PointsScreen(village.clerk, DataBus())
    qtbot.addWidget(screen)
    tab = screen.entry_tab
    tab.batch_item.setText("B01")
    tab.batch_date.setDate(QDate(2027, 6, 12))
    qtbot.mouseClick(tab.list_button, Qt.MouseButton.LeftButton)
    before = len(ledger.entries())
    qtbot.mouseClick(tab.batch_button, Qt.MouseButton.LeftButton)
    assert tab.status.text().startswith("批量录入未完成：第") and "（户号 0002）" in tab.status.text()
    assert "整批未记" in tab.status.text() and len(ledger.entries()) == before
