"""Walk: 群众说事 in the real main window on the demo village — a villager's matter from 登记 to 销号 through the
screen's own widgets, the 销号 refused before 回访, the home screen counting the demo's overdue matters, and
`matter show --json` saying what the screen says."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers import type_text
from tests.ui.modal import answer_next_box
from tests.walks.conftest import Walk
from tests.walks.driver import answer, choose, click_button, cli_json, expect_dialog, field, fill
from ui.matters.screen import MattersScreen

LEFT = Qt.MouseButton.LeftButton


def _step(walk: Walk, screen: MattersScreen, key: str, text: str = "") -> None:
    edit = screen.assignee_combo.lineEdit() if key in ("assign", "township") else screen.step_edit
    edit.clear()
    if text:
        type_text(edit, text)
    walk.qtbot.mouseClick(screen.buttons[key], LEFT)


def test_a_matter_from_intake_to_closing(walk: Walk) -> None:
    home = walk.open_area("首页")
    walk.qtbot.waitUntil(lambda: "超期未办结的群众说事：" in home.matters_label.text(), timeout=5000)
    assert "超期未办结的群众说事：无" not in home.matters_label.text()  # the demo has overdue ones
    screen = walk.open_area("群众说事")
    assert isinstance(screen, MattersScreen) and screen.matters_model.rowCount() > 40
    screen.tabs.setCurrentIndex(1)
    type_text(screen.intake.text_edit, "村小学门口积水，孩子上学要绕路")
    type_text(screen.intake.place_edit, "村小学")
    choose(walk.qtbot, screen.intake.class_combo, "基础设施")
    choose(walk.qtbot, screen.intake.channel_combo, "网格走访")
    walk.qtbot.mouseClick(screen.intake.add_button, LEFT)
    matter = screen.selected()
    assert matter is not None and matter.text == "村小学门口积水，孩子上学要绕路"
    _step(walk, screen, "assign", "村主任杨光明")
    _step(walk, screen, "done", "已挖排水沟")
    seen = answer_next_box("OK")
    _step(walk, screen, "close")
    assert seen.opened and "回访" in seen.text
    _step(walk, screen, "attempt", "家长外出务工，电话两次未接")
    _step(walk, screen, "close")
    shown = cli_json(walk.db_path, "matter", "show", matter.number)
    assert shown["status"] == "closed" and shown["public"] is True
    assert [e["event"] for e in shown["timeline"]] == ["intake", "assign", "done", "attempt", "close"]
    assert screen.events_model.rowCount() == 5 and "已销号" in screen.title_label.text()


def test_the_month_lists_previewed_from_the_screen(walk: Walk) -> None:
    from datetime import date

    screen = walk.open_area("群众说事")
    assert isinstance(screen, MattersScreen)
    screen.tabs.setCurrentWidget(screen.print_tab)
    tab = screen.print_tab
    tab.month_edit.setText(f"{date.today().year}-11")
    walk.qtbot.mouseClick(tab.render_button, LEFT)
    walk.qtbot.waitUntil(lambda: tab.preview.document.pageCount() == 3, timeout=20000)
    assert "群众说事清单" in tab.preview.status_label.text()


def test_the_project_pool_and_the_officers_log_tabs_on_the_demo(walk: Walk) -> None:
    """The demo's three projects (from finalised meetings' passed items) in 项目库; 龙德军 keeps the log by account."""
    screen = walk.open_area("群众说事")
    assert isinstance(screen, MattersScreen)
    screen.tabs.setCurrentWidget(screen.projects_tab)
    tab = screen.projects_tab
    stages = sorted(tab.projects_model.index(row, 1).data() for row in range(tab.projects_model.rowCount()))
    assert stages == ["实施", "申报", "申报"]
    screen.tabs.setCurrentWidget(screen.officer_tab)
    log = screen.officer_tab
    choose(walk.qtbot, log.officer_combo, "龙德军（xinxiyuan）")
    assert log.entries_model.rowCount() == 22  # two a month, January to November


def test_a_resolution_into_the_project_pool_through_its_dialog(walk: Walk) -> None:
    """建入项目库 on the demo: a passed item of one of its finalised meetings, through the real dialog; the project
    lists at 申报 as `project list --json` says; 撤销 (Ctrl+Z's stack) withdraws it."""
    screen = walk.open_area("群众说事")
    assert isinstance(screen, MattersScreen)
    screen.tabs.setCurrentWidget(screen.projects_tab)
    tab = screen.projects_tab
    before = tab.projects_model.rowCount()
    seen: list[str] = []

    def fill_in(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.source_combo.count() >= 3  # the demo's resolutions, those already projects marked
        fill(walk.qtbot, field(dialog, "项目名称"), "")
        with expect_dialog(walk.qtbot, answer(walk.qtbot, "确定", seen)):
            click_button(walk.qtbot, dialog, "建立项目")
        fill(walk.qtbot, field(dialog, "项目名称"), "村委会门前路灯安装")
        fill(walk.qtbot, field(dialog, "估算金额"), 42000)
        choose(walk.qtbot, field(dialog, "拟争取资金"), "乡镇")
        click_button(walk.qtbot, dialog, "建立项目")

    with expect_dialog(walk.qtbot, fill_in):
        click_button(walk.qtbot, tab, "建入项目库")
    assert "请写明项目名称" in seen[0] and tab.projects_model.rowCount() == before + 1
    [made] = [r for r in cli_json(walk.db_path, "project", "list")["rows"] if r["name"] == "村委会门前路灯安装"]
    assert (made["status"], made["estimate"]) == ("申报", 42000) and made["meeting"]
    screen.undo_stack.undo()
    assert tab.projects_model.rowCount() == before
    assert not [r for r in cli_json(walk.db_path, "project", "list")["rows"] if r["name"] == "村委会门前路灯安装"]
