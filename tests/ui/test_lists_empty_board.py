"""An empty board says why (本月没有已发布的条目) and what to do; a board with published lines says nothing."""
from __future__ import annotations

from models.lists.workflow import Nomination
from models.lists.entries import ListKind
from storage.core.db import Database
from tests.list_fixtures import CLERK, seed_registry, store
from tests.printing.test_board_pdf import DAY, PUBLISHED, publish
from storage.core.backend import build_stores
from ui.core.bus import DataBus
from ui.lists.screen import ListsScreen


def _screen(qtbot, village_db: Database, admin, on=DAY) -> ListsScreen:  # type: ignore[no-untyped-def]
    screen = ListsScreen(build_stores(village_db, admin), DataBus(), today=lambda: on)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_an_empty_board_of_this_month_says_why_and_what_to_do(qtbot, village_db: Database, admin) -> None:  # type: ignore[no-untyped-def]
    seed_registry(village_db)
    screen = _screen(qtbot, village_db, admin)
    assert screen.period == "2025-03"
    hint = screen.board_hint_label
    assert hint.isVisible() and hint.text().startswith("本月没有已发布的条目。")
    assert "提名上榜" in hint.text() and "其他月份" in hint.text()

    store(village_db, CLERK).nominate(Nomination(ListKind.RED, "2025-03", "悉心照顾瘫痪婆婆十年", "网格员龙德军"),
                                      "15", "第8条", on=DAY)
    screen.reload()
    assert "有 1 条还在提名、评议、审核或公示中" in hint.text() and "条目与流转" in hint.text()

    screen.period_combo.setEditText("2025-02")
    screen.period_combo.lineEdit().editingFinished.emit()
    assert screen.period == "2025-02" and hint.text().startswith("2025年2月没有已发布的条目。")


def test_a_board_with_published_lines_has_no_hint(qtbot, village_db: Database, admin) -> None:  # type: ignore[no-untyped-def]
    seed_registry(village_db)
    publish(village_db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    screen = _screen(qtbot, village_db, admin, PUBLISHED)
    assert screen.board_models[ListKind.YELLOW].rowCount() == 1
    assert screen.board_hint_label.isHidden() and screen.board_hint_label.text() == ""
