"""The dialogs of 会议记录 that walk 4 does not open, each through its button on the real screen: 本省规定, 记录本格式,
登记提议, 补正, 登记进展 and 四议两公开's 登记下一环节; the CLI reads back what they wrote."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import (answer, choose, cli_json, click_button, dialog_text, expect_dialog, field, fill,
                                replace_text, tick)

BASIS = "《贵州省实施〈中华人民共和国村民委员会组织法〉办法》第二十条"


def test_the_other_minutes_dialogs_through_their_buttons(qtbot, walk: Walk) -> None:
    screen = walk.open_area("会议记录")
    _province(qtbot, walk, screen)
    _template(qtbot, walk, screen)
    _proposal(qtbot, screen)
    _amend_and_progress(qtbot, walk, screen)
    _four_two_stage(qtbot, walk, screen)


def _province(qtbot: Any, walk: Walk, screen: Any) -> None:
    def handle(dialog: QWidget) -> None:
        tick(qtbot, dialog.allow_check)
        click_button(qtbot, dialog, "保存")
        assert dialog.isVisible() and "依据" in dialog.error_label.text()  # no basis: refused inside the dialog
        fill(qtbot, field(dialog, "法规依据"), BASIS)
        click_button(qtbot, dialog, "保存")

    with expect_dialog(qtbot, handle):
        click_button(qtbot, screen, "本省规定")
    assert cli_json(walk.db_path, "meeting", "province") == {"rules_by_representatives": True, "basis": BASIS}


def _template(qtbot: Any, walk: Walk, screen: Any) -> None:
    moved: list[str] = []

    def handle(dialog: QWidget) -> None:
        view, model = dialog.view, dialog.model
        qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(model.index(0, 0)).center())
        moved.append(model.index(0, 0).data().removesuffix("（必备）"))
        click_button(qtbot, dialog, "下移")
        replace_text(dialog.signatures_edit, "主持人 记录人 监委会主任")
        click_button(qtbot, dialog, "保存")

    with expect_dialog(qtbot, handle):
        click_button(qtbot, screen, "记录本格式")
    template = cli_json(walk.db_path, "meeting", "template")
    assert template["fields"][1]["heading"] == moved[0]  # the first column moved down one place
    assert template["signatures"] == ["主持人", "记录人", "监委会主任"]


def _proposal(qtbot: Any, screen: Any) -> None:
    _open_tab(qtbot, screen.tabs, "提议召集")
    panel = screen.convene_panel
    before = panel.model.rowCount()
    seen: list[str] = []

    def handle(dialog: QWidget) -> None:
        fill(qtbot, field(dialog, "所议事项"), "讨论村道硬化资金筹措")
        fill(qtbot, field(dialog, "领衔提议人"), "龙勇强")
        fill(qtbot, field(dialog, "联名人数"), 60)
        click_button(qtbot, dialog, "登记")

    with expect_dialog(qtbot, handle, answer(qtbot, "是", seen)):  # then: 登记后……不能撤销。确定登记吗？
        click_button(qtbot, panel, "登记提议")
    assert "不能撤销" in seen[0]
    assert panel.model.rowCount() == before + 1
    _open_tab(qtbot, screen.tabs, "会议记录")


def _amend_and_progress(qtbot: Any, walk: Walk, screen: Any) -> None:
    editor = _pick_final_meeting_with_follow_ups(qtbot, screen)
    meeting_id = editor.meeting.id

    def amend(dialog: QWidget) -> None:
        choose(qtbot, field(dialog, "补正项目"), "地点")
        replace_text(field(dialog, "更正为"), "村文化活动室")
        fill(qtbot, field(dialog, "补正理由"), "记录时笔误")
        click_button(qtbot, dialog, "添加补正")

    with expect_dialog(qtbot, amend):
        click_button(qtbot, editor, "补正")
    assert "“村文化活动室”" in editor.amendments_label.text() and "记录时笔误" in editor.amendments_label.text()
    assert walk.stores.meetings.get(meeting_id).amendments[-1].after == "村文化活动室"
    panel = editor.follow_ups_panel
    title = panel.follow_ups_list.currentItem().text()
    follow_ups = walk.stores.follow_ups
    counts = {f.id: len(f.timeline) for f in follow_ups.list_follow_ups(meeting_id)}

    def progress(dialog: QWidget) -> None:
        assert dialog.windowTitle().startswith("登记落实进展")
        choose(qtbot, field(dialog, "状态"), "推进中")
        fill(qtbot, field(dialog, "进展情况"), "已完成招标，下周开工。")
        click_button(qtbot, dialog, "登记")

    with expect_dialog(qtbot, progress):
        click_button(qtbot, panel, "登记进展")
    assert panel.follow_ups_list.currentItem().text() != title  # the line now tells the new state
    grown = [f for f in follow_ups.list_follow_ups(meeting_id) if len(f.timeline) == counts[f.id] + 1]
    assert len(grown) == 1 and grown[0].status.label == "推进中"
    assert grown[0].timeline[-1].note == "已完成招标，下周开工。"


def _pick_final_meeting_with_follow_ups(qtbot: Any, screen: Any) -> Any:
    view, model, editor = screen.meetings_view, screen.model, screen.editor
    for row in range(model.rowCount()):
        view.scrollTo(model.index(row, 0))
        qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(model.index(row, 0)).center())
        if editor.meeting.is_final and editor.follow_ups_panel.follow_ups_list.count():
            return editor
    raise AssertionError("the demo has no finalised meeting with follow-ups")


def _four_two_stage(qtbot: Any, walk: Walk, screen: Any) -> None:
    _open_tab(qtbot, screen.tabs, "四议两公开")
    panel = screen.four_two_panel
    before = panel.detail_label.text()
    stages = {m.id: len(m.stages) for m in walk.stores.four_two.matters()}
    seen: list[str] = []

    def handle(dialog: QWidget) -> None:
        seen.append(dialog_text(dialog))
        if dialog.meeting_combo.isVisible():
            choose(qtbot, dialog.meeting_combo, dialog.meeting_combo.itemText(0))
        else:
            fill(qtbot, field(dialog, "公开情况"), "村务公开栏，第12号公告")
            fill(qtbot, field(dialog, "监委会监督意见"), "程序合规")
        click_button(qtbot, dialog, "登记")

    with expect_dialog(qtbot, handle):
        click_button(qtbot, panel, "登记下一环节")
    assert seen[0].startswith("登记环节") and panel.detail_label.text() != before
    grown = [m for m in walk.stores.four_two.matters() if len(m.stages) == stages.get(m.id, 0) + 1]
    assert len(grown) == 1  # one matter gained exactly the stage the dialog recorded


def _open_tab(qtbot: Any, tabs: Any, title: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
