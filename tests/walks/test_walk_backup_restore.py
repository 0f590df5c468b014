"""Walk 8: on 设置 → 备份与安全 the clerk backs up, an account is added after it (用户 → 添加用户…), then the backup is
restored from the same screen (choose the file, confirm, read what happened); the window closes, and after logging in
again the account is gone. `check`, `user list` and the audit log say the same."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import answer, choose, cli_json, click_button, expect_dialog, field, fill, save_as

NEW_USER = "zhangsan"


def test_back_up_add_an_account_restore_and_it_is_gone(qtbot, log_in, demo_db: Path) -> None:
    walk = log_in()
    screen = walk.open_area("设置")
    backup = _back_up(qtbot, screen, demo_db.parent / "backups")
    _open_tab(qtbot, screen, "用户")
    with expect_dialog(qtbot, _new_account(qtbot)):
        click_button(qtbot, screen, "添加用户")
    assert NEW_USER in _usernames(walk)
    assert NEW_USER in _shown_usernames(screen)

    _open_tab(qtbot, screen, "备份与安全")
    seen: list[str] = []
    with expect_dialog(qtbot, save_as(qtbot, backup), answer(qtbot, "是", seen), answer(qtbot, "确定", seen)):
        click_button(qtbot, screen, "从备份恢复")
    assert backup.name in seen[0] and "另存" in seen[0]            # the question says what will happen
    assert "已从备份" in seen[1] and "原数据已另存为" in seen[1]     # and the answer where the old data went
    qtbot.waitUntil(lambda: not walk.window.isVisible())
    assert cli_json(demo_db, "check")["ok"]
    assert NEW_USER not in _usernames(walk)
    assert list((demo_db.parent / "backups").glob("xiangyue-pre-restore-*.sqlite3"))

    again = log_in()  # the app opened again on the restored data
    users = again.open_area("设置")
    _open_tab(qtbot, users, "用户")
    assert sorted(_shown_usernames(users)) == sorted(_usernames(again))
    _open_tab(qtbot, users, "审计日志")
    audit = users.audit_model
    assert any("从备份恢复" in str(audit.index(r, c).data()) for r in range(min(audit.rowCount(), 5))
               for c in range(audit.columnCount()))


def _back_up(qtbot: Any, screen: Any, folder: Path) -> Path:
    _open_tab(qtbot, screen, "备份与安全")
    before = set(folder.glob("xiangyue-manual-*.sqlite3"))
    click_button(qtbot, screen, "立即备份")
    qtbot.waitUntil(lambda: screen.backup_button.isEnabled(), timeout=10000)  # written off the GUI thread
    (made,) = set(folder.glob("xiangyue-manual-*.sqlite3")) - before
    assert screen.backup_label.text() not in ("尚无", "正在备份……")
    files = len(list(folder.glob("xiangyue-*.sqlite3")))
    assert screen.usage_label.text().startswith(f"{files} 个文件，共 ")  # 设置 shows what the folder holds
    return made


def _new_account(qtbot: Any) -> Any:
    def handle(dialog: QWidget) -> None:
        fill(qtbot, field(dialog, "用户名"), NEW_USER)
        fill(qtbot, field(dialog, "姓名"), "张三")
        choose(qtbot, field(dialog, "角色"), "文书")
        fill(qtbot, field(dialog, "密码"), "zhang1234")
        fill(qtbot, field(dialog, "再输入一次"), "zhang1243")
        warned: list[str] = []
        with expect_dialog(qtbot, answer(qtbot, "确定", warned)):  # a mistyped confirmation is caught
            click_button(qtbot, dialog, "确定")
        assert "不一致" in warned[0] and dialog.isVisible()
        fill(qtbot, field(dialog, "再输入一次"), "zhang1234")
        click_button(qtbot, dialog, "确定")
    return handle


def _open_tab(qtbot: Any, screen: Any, title: str) -> None:
    bar = screen.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert screen.tabs.currentIndex() == index


def _usernames(walk: Walk) -> list[str]:
    return [u["username"] for u in cli_json(walk.db_path, "user", "list")["users"]]


def _shown_usernames(screen: Any) -> list[str]:
    model = screen.users_model
    column = next(c for c in range(model.columnCount()) if model.headerData(c, _horizontal()) == "用户名")
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _horizontal() -> Any:
    from PySide6.QtCore import Qt
    return Qt.Orientation.Horizontal
