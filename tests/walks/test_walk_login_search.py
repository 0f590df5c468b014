"""Walk 1: the clerk logs in (a wrong password first) and finds 王平光's household by name, by pinyin initials
and by 户号; the household shown is the one `main.py roster export` lists for him."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from storage.demo.b10_installation import DEMO_PASSWORD
from tests.walks.conftest import Walk
from tests.walks.driver import cli_json, click_button, field, fill, replace_text

WANTED, INITIALS, HOUSEHOLD_NO = "王平光", "wpg", "0008"


def test_login_refuses_a_wrong_password_then_finds_a_household_three_ways(qtbot, log_in, tmp_path: Path) -> None:
    seen: list[str] = []

    def wrong_then_right(dialog: QWidget) -> None:
        fill(qtbot, field(dialog, "用户名"), "admin")
        fill(qtbot, field(dialog, "密码"), "wrong-password")
        click_button(qtbot, dialog, "登录")
        assert dialog.isVisible() and field(dialog, "密码").text() == ""  # refused, asked again
        seen.append(dialog.error_label.text())
        fill(qtbot, field(dialog, "密码"), DEMO_PASSWORD)
        click_button(qtbot, dialog, "登录")

    walk = log_in(handler=wrong_then_right)
    assert seen and "密码" in seen[0]
    assert walk.window.user_label.text() == "村管理员（管理员）"
    screen = walk.open_area("户籍花名册")
    shown = [_search(screen, text) for text in (WANTED, INITIALS, HOUSEHOLD_NO)]
    assert shown[0] == shown[1] == shown[2]
    household_no, head, members = shown[0]
    assert (household_no, head) == (HOUSEHOLD_NO, WANTED)
    assert members == _exported_household(walk, tmp_path)


def _search(screen: Any, text: str) -> tuple[str, str, list[str]]:
    """Type into 查找; the only household listed (户号, 户主) and the names in its member table."""
    replace_text(screen.search_edit, text)
    model = screen.households_model
    rows = [(model.index(r, 0).data(), model.index(r, 3).data()) for r in range(model.rowCount())]
    assert len(rows) == 1, f"«{text}» lists {rows}"
    members = screen.members_model
    if text != HOUSEHOLD_NO:  # a person's search selects that person among the members
        assert screen.current_villager().name == WANTED
    return (*rows[0], sorted(members.index(r, 0).data() for r in range(members.rowCount())))


def _exported_household(walk: Walk, tmp_path: Path) -> list[str]:
    target = tmp_path / "roster.csv"
    cli_json(walk.db_path, "roster", "export", str(target))
    with target.open(encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    return sorted(row["姓名"] for row in rows if row["户号"] == HOUSEHOLD_NO)
