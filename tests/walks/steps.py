"""Steps that several walks share (walks 3, 5 and 7), built on `tests/walks/driver.py` and only on real widgets:
rows and cells of a table clicked or edited, the revision's steps 5–7 on 九步工作法, the bundle round trip between
the village and the township desk through both 同步 screens, the township's review.

Kept apart from the driver (which helper "walks" owns): these are tasks, the driver is the hands."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QWidget

from tests.helpers import type_text
from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import (answer, choose, click, click_button, expect_dialog, field, fill, replace_text,
                                save_as)

TODAY = date.today()


# --- tables and confirmations ---------------------------------------------------------------------------------


def column_of(model: Any, header: str) -> int:
    """The column whose header reads `header`."""
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header in headers, f"no column «{header}» in {headers}"
    return headers.index(header)


def cell(model: Any, row: int, header: str) -> str:
    """What the table shows in `row` under the column `header`."""
    return str(model.index(row, column_of(model, header)).data())


def view_of(parent: QWidget, model: Any) -> QAbstractItemView:
    """The table or list inside `parent` that shows `model`."""
    found = [v for v in parent.findChildren(QAbstractItemView) if v.model() is model and not isinstance(v, QHeaderView)]
    assert len(found) == 1, f"{len(found)} views of {type(model).__name__}"
    return found[0]


def rows_where(view: QAbstractItemView, column: int, text: str) -> list[int]:
    """The rows of `view` whose cell in `column` shows `text`."""
    model = view.model()
    return [r for r in range(model.rowCount()) if model.index(r, column).data() == text]


def click_row(qtbot: Any, view: QAbstractItemView, row: int, column: int = 0) -> QModelIndex:
    """Click a cell of `row`, as the clerk selects a line of a table."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())
    assert view.selectionModel().isRowSelected(row, QModelIndex()), f"row {row} was not selected"
    return index


def tick_cell(qtbot: Any, view: QAbstractItemView, row: int, column: int) -> None:
    """Click the check box drawn at the left of a checkable cell."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    before = index.data(Qt.ItemDataRole.CheckStateRole)
    qtbot.mouseClick(view.viewport(), LEFT, pos=QPoint(rect.left() + 10, rect.center().y()))
    assert view.model().index(row, column).data(Qt.ItemDataRole.CheckStateRole) != before, "the tick did not change"


def edit_cell(qtbot: Any, view: QAbstractItemView, row: int, column: int, text: str) -> None:
    """Double-click a cell, type over it and press Enter (the delegate's editor commits it)."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), LEFT, pos=centre)  # a double click edits the cell that was pressed
    qtbot.mouseDClick(view.viewport(), LEFT, pos=centre)
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, f"{len(editors)} editors opened on the cell"
    editor = editors[0]
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: not [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()])


def confirm(qtbot: Any, act: Callable[[], None], seen: list[str] | None = None, text: str = "是") -> None:
    """Run `act` (a click) and answer the confirmation box it opens with `text`."""
    with expect_dialog(qtbot, answer(qtbot, text, seen)):
        act()


# --- 九步工作法 --------------------------------------------------------------------------------------------------


def workflow_step(screen: Any) -> int | None:
    step = screen.status.current_step if screen.status else None
    return step.number if step else None


def advance(qtbot: Any, screen: Any, expected: int | None) -> None:
    """完成本步，进入下一步…, confirmed; the timeline then stands at step `expected` (None: all done)."""
    assert "可以" in screen.guard_label.text(), screen.guard_label.text()
    confirm(qtbot, lambda: click(qtbot, screen.advance_button))
    assert workflow_step(screen) == expected, screen.guard_label.text()


def reply_opinion(qtbot: Any, screen: Any, row: int, disposition: str, reason: str = "") -> None:
    """Select line `row` of the register above the step page and answer it through the real 答复 dialog."""
    click_row(qtbot, screen.opinions_view, row)

    def reply(dialog: QWidget) -> None:
        fill(qtbot, field(dialog, "答复结论"), disposition)
        if reason:
            fill(qtbot, field(dialog, "理由"), reason)
        click_button(qtbot, dialog, "确定")
    with expect_dialog(qtbot, reply):
        click(qtbot, screen.reply_button)
    shown = cell(screen.opinion_model, row, "答复")
    assert shown == disposition + (f"：{reason}" if reason else ""), f"the reply was not recorded: {shown}"


def reply_opinions(qtbot: Any, screen: Any, disposition: str, reason: str = "") -> int:
    """Answer every 未答复 line of the register, one after the other, the same way."""
    answered = 0
    while rows := rows_where(screen.opinions_view, column_of(screen.opinion_model, "答复"), "未答复"):
        reply_opinion(qtbot, screen, rows[0], disposition, reason)
        answered += 1
    return answered


def enter_paper_form(qtbot: Any, entry: Any, search: str, person: str, text: str, serial: str,
                     written_by: str = "") -> None:
    """One paper form typed in: the villager found in the registry by `search` and chosen as `person` (or, with no
    search, an outsider's name typed as `person`), the text, the form's serial number, who wrote it for them."""
    if search:
        type_text(entry.search_edit, search)
        choose(qtbot, entry.person_combo, person)
        assert entry.name_edit.text() == person.split("（")[0]
    else:
        replace_text(entry.name_edit, person)
    replace_text(entry.text_edit, text)
    replace_text(entry.serial_edit, serial)
    if written_by:
        replace_text(entry.writer_edit, written_by)
    click(qtbot, entry.submit_button)
    assert entry.text_edit.toPlainText() == "", "the form was not registered"


def select_article(qtbot: Any, rules: Any, number: int) -> None:
    """Click the article's line in the outline of 村规民约 (labels read 第九条 …)."""
    from models.core.numerals import article_label

    view, model = rules.outline_view, rules.outline_model
    row = next(r for r in range(model.rowCount()) if model.index(r).data().startswith(article_label(number)))
    view.scrollTo(model.index(row))
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(model.index(row)).center())
    assert rules.number_label.text().startswith(article_label(number))


def rewrite_article(qtbot: Any, walk: Walk, version: int, number: int, text: str) -> None:
    """On 村规民约: draft version `version` (the latest), article `number` typed over and saved."""
    rules = walk.open_area("村规民约")
    latest = rules.version_combo.itemText(rules.version_combo.count() - 1)
    assert latest.startswith(f"第{version}版（草稿"), f"the latest version listed is {latest}"
    choose(qtbot, rules.version_combo, latest)
    select_article(qtbot, rules, number)
    replace_text(rules.article_edit, text)
    click_button(qtbot, rules, "保存本条")


def revise(qtbot: Any, walk: Walk, version: int, number: int, text: str) -> None:
    """Step 6: revised version `version` copied from the draft, one article rewritten on 村规民约, the change
    linked to the first adopted opinion."""
    screen = walk.open_area("九步工作法")
    page = screen.pages_stack.currentWidget()
    confirm(qtbot, lambda: click(qtbot, page.new_version_button))
    rewrite_article(qtbot, walk, version, number, text)
    walk.open_area("九步工作法")
    assert page.change_model.rowCount() == 1, "the rewritten article is not in 修改对照表"
    click_row(qtbot, page.changes_view, 0)
    item = page.opinions_list.item(0)
    rect = page.opinions_list.visualItemRect(item)
    qtbot.mouseClick(page.opinions_list.viewport(), LEFT, pos=QPoint(rect.left() + 10, rect.center().y()))
    assert item.checkState() == Qt.CheckState.Checked
    click(qtbot, page.link_button)
    assert page.change_model.index(0, 4).data().startswith("采纳意见")


def post_publicity(qtbot: Any, page: Any, start: date, end: date) -> None:
    """Step 7: the posting dates (a week that is over) and place, registered."""
    fill(qtbot, page.start_edit, start)
    fill(qtbot, page.end_edit, end)
    click(qtbot, page.publicity_button)
    assert page.publicity_label.text().startswith(start.isoformat())


def last_week() -> tuple[date, date]:
    return TODAY - timedelta(days=10), TODAY - timedelta(days=3)


# --- 同步: the bundle round trip ---------------------------------------------------------------------------------


def export_bundle(qtbot: Any, walk: Walk, folder: Path) -> Path:
    """同步 → 导出到文件夹…: the folder chosen, confirmed; waits for the background export; the bundle written."""
    screen = walk.open_area("同步")
    before = set(folder.glob("*.xybundle"))
    with expect_dialog(qtbot, save_as(qtbot, folder), answer(qtbot, "是")):
        click(qtbot, screen.folder_button)
    qtbot.waitUntil(lambda: not screen.busy, timeout=20000)
    assert "已写入并读回校验" in screen.summary_label.text(), screen.summary_label.text()
    written = set(folder.glob("*.xybundle")) - before
    assert len(written) == 1, written
    return written.pop()


def import_bundle(qtbot: Any, walk: Walk, bundle: Path) -> str:
    """同步 → 导入同步包…: the file chosen, confirmed; waits for the background import; the summary shown."""
    screen = walk.open_area("同步")
    with expect_dialog(qtbot, save_as(qtbot, bundle), answer(qtbot, "是")):
        click(qtbot, screen.import_button)
    qtbot.waitUntil(lambda: not screen.busy, timeout=20000)
    summary = screen.summary_label.text()
    assert summary.startswith("已导入"), summary
    return summary


CONCLUSION = "经审查，未发现违反法律法规的内容，同意提交村民会议表决。"
NOTE = "评比办法可另行制定，报村民会议通过"


def review_the_draft(qtbot: Any, town: Walk, article: str, revised: str) -> None:
    """乡镇审查 at the township desk: the waiting draft opened, `revised` (the text of `article`, e.g. 第九条) found in
    修改对照表, a note on that article, the review written and confirmed."""
    desk = town.open_area("乡镇审查")
    click_row(qtbot, desk.requests_view, 0)
    click_button(qtbot, desk, "审查")
    page = desk.review_page
    assert page.title_label.text() == "德化乡青石村 青石村村规民约 第4版（合法性审查）", page.title_label.text()
    comparison = page.comparison_model
    shown = [cell(comparison, r, "修改后条文") for r in range(comparison.rowCount())]  # against the rules in force
    assert f"{article} {revised}" in shown, shown
    notes = page.notes_model
    row = next(r for r in range(notes.rowCount()) if cell(notes, r, "条") == article)
    edit_cell(qtbot, view_of(page, notes), row, 1, NOTE)
    assert cell(notes, row, "审查意见") == NOTE
    fill(qtbot, page.conclusion_edit, CONCLUSION)
    confirm(qtbot, lambda: click(qtbot, page.review_button))
    assert desk.stack.currentIndex() == 0  # back on the list, which shows the answer
    assert cell(desk.requests_model, 0, "结果") == "已出具审查意见"
