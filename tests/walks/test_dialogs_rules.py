"""The dialogs of 村规民约 that the walks do not open, each through its button on the real screen: 新建规约 (drafted from
条款库), 从条款库插入, and 比较版本 with a 修改理由 typed and the 修改对照表 exported; the CLI reads back what they wrote."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QWidget

from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import (answer, choose, cli_json, click_button, expect_dialog, expect_window, field, fill,
                                save_as)
from tests.walks.steps import cell, click_row

TITLE = "青石村红白理事会章程"
REASON = "按村民意见修改，与县里的标准一致"


def test_new_rulebook_catalogue_and_compare_through_their_buttons(qtbot, walk: Walk, tmp_path: Path) -> None:
    screen = walk.open_area("村规民约")
    rulebook_id = _new_rulebook(qtbot, walk, screen)
    _insert_from_catalogue(qtbot, walk, screen, rulebook_id)
    _compare(qtbot, walk, screen, tmp_path / "对照表.md")


def _new_rulebook(qtbot: Any, walk: Walk, screen: Any) -> str:
    def handle(dialog: QWidget) -> None:
        fill(qtbot, field(dialog, "名称"), TITLE)
        choose(qtbot, field(dialog, "种类"), "红白理事会章程")
        assert dialog.catalogue_check.isChecked()  # drafted from 条款库 unless the clerk says otherwise
        click_button(qtbot, dialog, "新建")

    with expect_dialog(qtbot, handle):
        click_button(qtbot, screen, "新建规约")
    assert screen.rulebook_combo.currentText() == f"{TITLE}（红白理事会章程）"
    listed = [r for r in cli_json(walk.db_path, "rules", "list")["rulebooks"] if r["title"] == TITLE]
    assert len(listed) == 1 and listed[0]["versions"] == 1
    shown = cli_json(walk.db_path, "rules", "show", listed[0]["id"])
    assert [a["text"] for a in shown["articles"]] == [e.text for e in walk.stores.catalogue.catalogue()]
    return listed[0]["id"]


def _insert_from_catalogue(qtbot: Any, walk: Walk, screen: Any, rulebook_id: str) -> None:
    before = [a["text"] for a in cli_json(walk.db_path, "rules", "show", rulebook_id)["articles"]]
    chosen: list[str] = []

    def handle(dialog: QWidget) -> None:
        entries = dialog.entries_list
        item = entries.item(entries.count() - 1)  # the last entry of the catalogue
        entries.scrollToItem(item)
        rect = entries.visualItemRect(item)
        qtbot.mouseClick(entries.viewport(), LEFT, pos=QPoint(rect.left() + 20, rect.top() + 8))
        assert entries.currentItem() is item
        chosen.append(item.text().split("\n", 1)[1])
        click_button(qtbot, dialog, "插入")

    assert screen.number_label.text().startswith("第一条")  # inserted after the article selected
    with expect_dialog(qtbot, handle):
        click_button(qtbot, screen, "从条款库插入")
    after = [a["text"] for a in cli_json(walk.db_path, "rules", "show", rulebook_id)["articles"]]
    assert after == before[:1] + chosen + before[1:]
    assert screen.article_edit.toPlainText() == chosen[0]


def _compare(qtbot: Any, walk: Walk, screen: Any, target: Path) -> None:
    choose(qtbot, screen.rulebook_combo, "青石村村规民约（村规民约）")
    choose(qtbot, screen.version_combo, "第3版")
    rulebook_id = screen.version.rulebook_id
    diff = cli_json(walk.db_path, "rules", "diff", rulebook_id, "2", "3")
    seen: list[str] = []

    def handle(dialog: QWidget) -> None:
        assert dialog.old_combo.currentText().startswith("第2版") and dialog.new_combo.currentText().startswith("第3版")
        summary = dialog.summary_label.text()
        for label, key in (("新增", "added"), ("删除", "removed"), ("修改", "changed")):
            assert f"{label} {len(diff[key])} 条" in summary, (summary, key)
        bar = dialog.tabs.tabBar()
        qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(1).center())  # 修改对照表
        click_row(qtbot, dialog.table_view, 0)
        seen.append(cell(dialog.table_model, 0, "修改后条文"))

        def reason(box: QWidget) -> None:
            fill(qtbot, box.findChild(QLineEdit), REASON)
            click_button(qtbot, box, "确定")
        with expect_dialog(qtbot, reason):
            click_button(qtbot, dialog, "填写修改理由")
        assert cell(dialog.table_model, 0, "修改理由") == REASON  # the table shows it at once
        with expect_dialog(qtbot, save_as(qtbot, target), answer(qtbot, "确定")):
            click_button(qtbot, dialog, "导出修改对照表")
        click_button(qtbot, dialog, "关闭")

    with expect_window(qtbot, handle):
        click_button(qtbot, screen, "比较版本")
    version_id = screen.version.id
    assert REASON in walk.stores.change_reasons.change_reasons(version_id).values()
    exported = target.read_text(encoding="utf-8")
    assert REASON in exported and seen[0][:3] in exported  # the row of the article the reason was typed on
    click_button(qtbot, screen, "撤销")  # the reason is one undoable command of the screen
    assert REASON not in walk.stores.change_reasons.change_reasons(version_id).values()
