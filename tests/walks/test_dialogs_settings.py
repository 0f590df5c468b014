"""设置 → 用户 → 设置密码…, through its button: the clerk's account picked in the table, a mistyped confirmation
caught inside the dialog, the new password set; then the old password no longer logs in and the new one does,
through the real login dialog."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from storage.demo.b10_installation import DEMO_PASSWORD
from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import answer, cli_json, click_button, expect_dialog, field, fill
from tests.walks.steps import cell, click_row

USER, NEW_PASSWORD = "wenshu", "xiaomei2026"


def test_set_a_password_and_log_in_with_it(qtbot, log_in) -> None:
    walk: Walk = log_in()
    screen = walk.open_area("设置")
    bar = screen.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(next(i for i in range(bar.count())
                                                       if bar.tabText(i) == "用户")).center())
    model = screen.users_model
    row = next(r for r in range(model.rowCount()) if cell(model, r, "用户名") == USER)
    click_row(qtbot, screen.users_view, row)
    warned: list[str] = []

    def handle(dialog: QWidget) -> None:
        assert USER in dialog.windowTitle()
        fill(qtbot, field(dialog, "新密码"), NEW_PASSWORD)
        fill(qtbot, field(dialog, "再输入一次"), NEW_PASSWORD + "x")
        with expect_dialog(qtbot, answer(qtbot, "确定", warned)):
            click_button(qtbot, dialog, "确定")
        assert dialog.isVisible()
        fill(qtbot, field(dialog, "再输入一次"), NEW_PASSWORD)
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, handle):
        click_button(qtbot, screen, "设置密码")
    assert "不一致" in warned[0]
    walk.window.close()
    qtbot.waitUntil(lambda: not walk.window.isVisible())

    refused: list[str] = []

    def old_then_new(dialog: QWidget) -> None:
        fill(qtbot, field(dialog, "用户名"), USER)
        fill(qtbot, field(dialog, "密码"), DEMO_PASSWORD)
        click_button(qtbot, dialog, "登录")
        assert dialog.isVisible(), "the old password still logs in"
        refused.append(dialog.error_label.text())
        fill(qtbot, field(dialog, "密码"), NEW_PASSWORD)
        click_button(qtbot, dialog, "登录")

    again = log_in(handler=old_then_new)
    assert "密码" in refused[0]
    assert again.window.user_label.text().startswith("吴晓梅")
    assert any(u["username"] == USER and u["active"] for u in cli_json(again.db_path, "user", "list")["users"])
