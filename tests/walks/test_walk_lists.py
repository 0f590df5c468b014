"""Walk 5: 红黑榜 — a red-list entry from its nomination to the printed board, the notice letter of a black-list
entry, and the end of the cycle.

The clerk nominates 王平光's household (found by its initials) for the red list and records the head's consent to be
named; the committee reviews it, the supervisory committee checks it, it goes to publicity (the written notice to
the household), an objection comes in and is answered, the entry is published and the board printed.
The black-list entry the demo has in publicity gets its notice letter printed. When the month is over the entry
comes down by itself. The days pass on the screen's clock (`ListsScreen.today`, the seam the screen keeps for
this), so the walk does not depend on the day it runs; every act goes through the real buttons and dialogs, and
`lists show --json` says what the screen says."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from models.lists.entries import Period
from tests.helpers import type_text
from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import (answer, choose, cli_json, click_button, dialog_text, expect_dialog, field, fill,
                                replace_text, save_as, tick)
from tests.walks.steps import cell, click_row

START = date.today().replace(day=1)  # the walk's month: the current cycle, from its first day
PERIOD = f"{START:%Y-%m}"
FACTS = "常年照顾邻居孤寡老人，带头参加村里的公益劳动"
HONOUR = "孝老爱亲好家庭"
PROPOSER = "网格员龙德军"


def test_red_list_from_nomination_to_the_board_and_expiry(qtbot, walk: Walk, tmp_path: Path) -> None:
    screen = walk.open_area("红黑榜")
    _on(screen, START)
    nominate(qtbot, screen)
    entry_id = screen.selected_id
    consent(qtbot, screen)  # dated the first of the month: a basis counts from its date up to today (R31)
    assert _entry(walk, entry_id)["state"] == "nominated"
    for day, title in ((0, "提名 → 执委会评议"), (1, "执委会评议 → 监委会审核"), (2, "监委会审核 → 公示")):
        _on(screen, START + timedelta(days=day))
        advance(qtbot, screen, title)
    assert cell(screen.entries_model, _row(screen, entry_id), "状态") == "公示"
    _on(screen, START + timedelta(days=3))
    object_and_answer(qtbot, screen)
    _on(screen, START + timedelta(days=9))  # the seven days of publicity are over
    advance(qtbot, screen, "公示 → 发布")
    shown = _entry(walk, entry_id)
    assert (shown["state"], shown["named"], shown["list"]) == ("published", True, "red")
    board = print_board(qtbot, screen, tmp_path / "榜单.pdf")
    assert "王平光" in board and FACTS in board.replace("\n", "")
    letter = black_notice_letter(qtbot, walk, screen, tmp_path)
    assert "公示" in letter and "异议" in letter
    end_of_cycle(qtbot, screen, entry_id)
    assert _entry(walk, entry_id)["state"] == "withdrawn"
    assert cli_json(walk.db_path, "check") == {"ok": True, "problems": []}


def nominate(qtbot: Any, screen: Any) -> None:
    """提名上榜…: the household found by the head's initials, the red list, an article of the rules, the facts."""
    def fill_form(dialog: QWidget) -> None:
        type_text(dialog.person_search_edit, "wpg")
        choose(qtbot, dialog.person_combo, "（全户，以户主为对象）")
        assert field(dialog, "户号").text() == "0008"
        fill(qtbot, field(dialog, "榜单"), "红榜")
        fill(qtbot, field(dialog, "期次"), PERIOD)
        choose(qtbot, field(dialog, "依据条款"), "公益")
        fill(qtbot, field(dialog, "事实"), FACTS)
        tick(qtbot, dialog.occurred_check)
        fill(qtbot, dialog.occurred_edit, START)
        fill(qtbot, field(dialog, "荣誉项目（红榜）"), HONOUR)
        fill(qtbot, field(dialog, "提名人"), PROPOSER)
        click_button(qtbot, dialog, "确定")
    with expect_dialog(qtbot, fill_form):
        click_button(qtbot, screen, "提名上榜")
    _show_entries(qtbot, screen)
    row = _row(screen, screen.selected_id)
    assert [cell(screen.entries_model, row, h) for h in ("户号", "榜单", "状态", "提名人")] == \
        ["0008", "红榜", "提名", PROPOSER]


def advance(qtbot: Any, screen: Any, title: str) -> None:
    """推进到下一步…: the step dialog (its title says from where to where), a note, 确定."""
    def step(dialog: QWidget) -> None:
        assert dialog.windowTitle() == title
        fill(qtbot, field(dialog, "说明"), "同意")
        click_button(qtbot, dialog, "确定")
    with expect_dialog(qtbot, step):
        click_button(qtbot, screen, "推进到下一步")


def object_and_answer(qtbot: Any, screen: Any) -> None:
    """An objection during publicity, registered, then answered as not upheld."""
    def objection(dialog: QWidget) -> None:
        fill(qtbot, field(dialog, "异议人"), "邻居龙老二")
        fill(qtbot, field(dialog, "异议内容"), "照顾老人的还有别家，评比要公平")
        click_button(qtbot, dialog, "确定")
    with expect_dialog(qtbot, objection):
        click_button(qtbot, screen, "登记异议")
    assert cell(screen.objections_model, 0, "答复") == "未答复"

    def reply(dialog: QWidget) -> None:
        assert "评比要公平" in dialog_text(dialog)
        fill(qtbot, field(dialog, "答复"), "经监委会走访核实，该户照顾孤寡老人属实，异议不成立")
        click_button(qtbot, dialog, "确定")
    with expect_dialog(qtbot, reply):
        click_button(qtbot, screen, "答复异议")
    assert cell(screen.objections_model, 0, "结论") == "异议不成立"


def consent(qtbot: Any, screen: Any) -> None:
    """记录公开姓名的依据…: the head's written consent to be named on the red board (R31)."""
    def basis(dialog: QWidget) -> None:
        assert field(dialog, "户号").text() == "0008"
        fill(qtbot, field(dialog, "依据"), "单独同意（书面）")
        fill(qtbot, field(dialog, "说明"), "户主王平光书面同意在红榜公开姓名，原件存村委会")
        click_button(qtbot, dialog, "确定")
    with expect_dialog(qtbot, basis):
        click_button(qtbot, screen, "记录公开姓名依据")


def print_board(qtbot: Any, screen: Any, target: Path) -> str:
    """打印榜单…: the date and 落款 as offered, rendered in the background, saved; the PDF's text."""
    _save_print(qtbot, screen, "打印榜单", target)
    lines = screen.board_models
    assert any("王平光" in lines[kind].index(r, 0).data() for kind in lines for r in range(lines[kind].rowCount()))
    return _text(target)


def black_notice_letter(qtbot: Any, walk: Walk, screen: Any, tmp_path: Path) -> str:
    """The written notice of a black-list entry in publicity (打印公示… of that entry), as the command line prints it."""
    model = screen.entries_model
    row = next(r for r in range(model.rowCount())
               if (cell(model, r, "榜单"), cell(model, r, "状态")) == ("黑榜", "公示"))
    click_row(qtbot, screen.entries_view, row)
    entry_id = screen.selected_id
    target = tmp_path / "黑榜告知.pdf"
    _save_print(qtbot, screen, "打印公示", target)
    cli_pdf = tmp_path / "cli-黑榜告知.pdf"
    cli_json(walk.db_path, "print", "list-publicity", "--entry", entry_id, "--date", screen.today().isoformat(),
             "--out", str(cli_pdf))
    assert _text(target) == _text(cli_pdf)
    return _text(target)


def end_of_cycle(qtbot: Any, screen: Any, entry_id: str) -> None:
    """On the first day of the next cycle the board of the month that ended comes down by itself (R29)."""
    _on(screen, Period.parse(PERIOD).end + timedelta(days=1))
    # The clerk types last month into 期次, then the month that ended: each time the screen reads anew.
    for period in (f"{START - timedelta(days=1):%Y-%m}", PERIOD):
        replace_text(screen.period_combo, period)
        qtbot.keyClick(screen.period_combo.lineEdit(), Qt.Key.Key_Return)
        assert screen.period == period
    row = _row(screen, entry_id)
    assert cell(screen.entries_model, row, "状态") == "撤榜"


# --- helpers ---------------------------------------------------------------------------------------------------


def _on(screen: Any, day: date) -> None:
    """The screen's clock: the acts that follow are dated `day`."""
    screen.today = lambda: day


def _show_entries(qtbot: Any, screen: Any) -> None:
    tabs = screen.tabs_widget
    qtbot.mouseClick(tabs.tabBar(), LEFT, pos=tabs.tabBar().tabRect(1).center())


def _row(screen: Any, entry_id: str) -> int:
    row = screen.entries_model.position_of(entry_id)
    assert row >= 0, "the entry is not listed"
    return row


def _save_print(qtbot: Any, screen: Any, button: str, target: Path) -> None:
    seen: list[str] = []
    with expect_dialog(qtbot, answer(qtbot, "确定")):  # the date and 落款, as offered
        click_button(qtbot, screen, button)
    # Rendered off the GUI thread; then 另存为, and (no PDF reader offscreen) 已保存 says where the file is.
    with expect_dialog(qtbot, save_as(qtbot, target), answer(qtbot, "确定", seen)):
        qtbot.waitUntil(lambda: not screen.printer.busy)
    assert target.exists() and str(target) in seen[0]


def _entry(walk: Walk, entry_id: str) -> dict[str, Any]:
    entries = cli_json(walk.db_path, "lists", "show", "--period", PERIOD)["entries"]
    return next(e for e in entries if e["id"] == entry_id)


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
