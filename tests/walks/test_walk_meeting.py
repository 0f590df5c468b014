"""Walk 4: a 两委联席会议 from 新建 to the printed 决议公开公告: the roster ticked (one member away, with a reason),
the quorum shown as it is ticked, one agenda item voted by show of hands, 定稿 confirmed by host and recorder, the
notice printed to a PDF printer. `meeting show/list --json` and `print minutes --notice resolution` agree."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QWidget

from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import (button, choose, cli_json, click_button, dialog_text, expect_dialog, field, fill,
                                fingerprint, print_to_pdf, render_preview, replace_text, tick)
from ui.minutes.item_panel import ItemPanel

HEADER = {"开始时间": "09:00", "结束时间": "10:30", "地点": "村委会议室", "主持人": "杨光明", "主持人职务": "党支部书记",
          "记录人": "吴晓梅", "动议来源": "村党支部提议", "列席人员": "无", "乡镇参会人员": "无"}
TITLE, RESOLUTION = "修缮村小学围墙", "同意修缮村小学围墙，费用从村集体经济收入中列支。"


def test_a_joint_committee_meeting_from_new_to_the_printed_resolution(qtbot, walk: Walk, tmp_path: Path) -> None:
    screen = walk.open_area("会议记录")
    with expect_dialog(qtbot, _new_meeting(qtbot)):
        click_button(qtbot, screen, "新建会议记录")
    editor = screen.editor
    assert editor.meeting is not None and "两委联席会议" in editor.title_label.text()
    for label, text in HEADER.items():
        fill(qtbot, field(editor, label), text)
    expected = editor.count_spins["expected"].value()
    assert expected == editor.roster_list.count() > 2
    assert f"到会 {expected} 人" in editor.quorum_label.text()  # everyone on the roster starts ticked
    away = _untick_last(qtbot, editor.roster_list)
    assert editor.absent_edit.toPlainText() == f"{away}："  # the unticked member waits for a reason
    replace_text(editor.absent_edit, f"{away}：外出务工")
    present = expected - 1
    assert editor.count_spins["present"].value() == present
    assert f"到会 {present} 人" in editor.quorum_label.text() and f"应到 {expected} 人" in editor.quorum_label.text()
    carried = editor.findChildren(ItemPanel)  # open follow-ups of the last joint meeting come back on its agenda
    assert carried and all("上次会议遗留" in p.title_edit.text() for p in carried)
    for old in carried:
        fill(qtbot, field(old, "讨论小结"), "已通报进展，继续落实。")
    panel = _agenda_item(qtbot, editor, present)
    assert "通过" in panel.result_label.text()
    with expect_dialog(qtbot, _confirm_finalise(qtbot)):
        click_button(qtbot, editor, "定稿")
    meeting_id = editor.meeting.id
    assert editor.meeting.is_final and button(editor, "补正").isVisible()

    shown = cli_json(walk.db_path, "meeting", "show", meeting_id)
    assert (shown["expected"], shown["present"], shown["quorum_met"]) == (expected, present, True)
    assert shown["items"][-1] == {"title": TITLE, "for": present, "against": 0, "abstain": 0, "passed": True}
    assert len(shown["items"]) == len(carried) + 1
    listed = next(m for m in cli_json(walk.db_path, "meeting", "list")["meetings"] if m["id"] == meeting_id)
    assert (listed["status"], listed["number"]) == ("final", editor.meeting.number)
    _print_resolution(qtbot, walk, editor.meeting.number, meeting_id, tmp_path)


def _new_meeting(qtbot: Any) -> Any:
    def handle(dialog: QWidget) -> None:
        choose(qtbot, field(dialog, "会议类型"), "两委联席会议")
        fill(qtbot, field(dialog, "会议日期"), date.today() - timedelta(days=1))
        click_button(qtbot, dialog, "新建")
    return handle


def _untick_last(qtbot: Any, roster: QListWidget) -> str:
    """Click the tick box of the last person on the roster; their name."""
    row = roster.item(roster.count() - 1)
    roster.scrollToItem(row)
    rect = roster.visualItemRect(row)
    qtbot.mouseClick(roster.viewport(), LEFT, pos=QPoint(rect.left() + 10, rect.center().y()))
    assert row.checkState() == Qt.CheckState.Unchecked
    return row.data(Qt.ItemDataRole.UserRole).name


def _agenda_item(qtbot: Any, editor: Any, present: int) -> ItemPanel:
    click_button(qtbot, editor, "添加议题")
    panel = editor.findChildren(ItemPanel)[-1]
    fill(qtbot, field(panel, "议题"), TITLE)
    fill(qtbot, field(panel, "提议人"), "杨光明")
    fill(qtbot, field(panel, "讨论小结"), "围墙多处开裂，大家同意尽快修缮。")
    choose(qtbot, field(panel, "表决方式"), "举手表决")
    fill(qtbot, panel.for_spin, present)
    fill(qtbot, field(panel, "决议内容"), RESOLUTION)
    fill(qtbot, field(panel, "责任人"), "杨光明")
    fill(qtbot, field(panel, "完成期限"), (date.today() + timedelta(days=60)).isoformat())
    return panel


def _confirm_finalise(qtbot: Any) -> Any:
    def handle(dialog: QWidget) -> None:
        assert "不能再修改" in dialog_text(dialog)
        for box in dialog.findChildren(QCheckBox):
            tick(qtbot, box)
        click_button(qtbot, dialog, "定稿")
    return handle


def _print_resolution(qtbot: Any, walk: Walk, number: str, meeting_id: str, tmp_path: Path) -> None:
    screen = walk.open_area("打印中心")
    products = screen.products_list
    item = products.findItems("决议公开公告", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(products.viewport(), LEFT, pos=products.visualItemRect(item).center())
    choose(qtbot, screen.item_combo, number)
    status = render_preview(qtbot, screen)
    printed = tmp_path / "决议公开公告.pdf"
    print_to_pdf(qtbot, screen.preview.print_button, printed)
    cli_pdf = tmp_path / "cli.pdf"
    made = cli_json(walk.db_path, "print", "minutes", meeting_id, "--notice", "resolution", "--out", str(cli_pdf))
    assert made["fingerprint"] == fingerprint(status)  # the GUI previewed exactly what the CLI prints
    assert len(pypdf.PdfReader(printed).pages) == made["pages"] == screen.preview.document.pageCount()
    text = "".join(page.extract_text() for page in pypdf.PdfReader(cli_pdf).pages).replace("\n", "")
    assert TITLE in text and "表决结果" in text
