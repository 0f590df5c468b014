"""乡镇审查 screen offscreen: villages and requests, a pre-review with undoable per-article notes, a filing decision."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from models.core.changes import Changed, Entity
from models.township.reviews import RequestKind
from models.core.village import Mode, make_profile
from storage.core.backend import SqliteBackend, build_stores
from tests.conftest import PASSWORD
from tests.helpers import type_text
from tests.sync.conftest import Pair, export, import_, pair  # noqa: F401  (pair is a fixture)
from tests.sync.township_setup import ADMIN, REVIEWER, vote_and_submit, walk_to_step_7
from ui.core.bus import DataBus
from ui.core.main_window import MainWindow
from ui.township.screen import TownshipScreen


def _screen(qtbot, pair: Pair, actor=REVIEWER, may_review: bool = True) -> TownshipScreen:  # noqa: F811
    screen = TownshipScreen(build_stores(pair.township, actor).township, DataBus(), may_review)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_review_screen_walk(qtbot, qtmodeltester, pair: Pair, monkeypatch) -> None:  # noqa: F811
    rulebook_id = walk_to_step_7(pair.village)
    import_(pair.township, export(pair.village, pair.stick))
    screen = _screen(qtbot, pair)
    assert screen.villages_model.rowCount() == 1 and not screen.empty_label.isVisible()
    assert screen.villages_model.index(0, 3).data().startswith("第7步")
    screen.villages_view.selectRow(0)
    assert screen.requests_model.rowCount() == 1 and "青石村" in screen.requests_label.text()
    screen.requests_view.selectRow(0)
    qtbot.mouseClick(screen.review_button, Qt.MouseButton.LeftButton)
    page = screen.review_page
    assert screen.stack.currentWidget() is page and page.review_button.isVisible()
    assert not page.approve_button.isVisible()
    assert page.findings_model.rowCount() > 0 and page.comparison_model.rowCount() > 0
    for model in (screen.villages_model, screen.requests_model, page.findings_model, page.comparison_model,
                  page.notes_model):
        qtmodeltester.check(model)
    second = page.notes_model.index(2, 1)
    assert page.notes_model.index(2, 0).data() == "第二条"
    assert page.notes_model.setData(second, "建议删去罚款表述")
    assert screen.undo_stack.count() == 1
    screen.undo_stack.undo()
    assert second.data() == ""
    screen.undo_stack.redo()
    page.date_edit.setDate(QDate(2026, 3, 5))
    type_text(page.conclusion_edit, "经审查，未发现违法内容，同意提交表决。")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentIndex() == 0 and screen.undo_stack.count() == 0
    assert screen.requests_model.index(0, 5).data() == "已出具审查意见"
    review = pair.township.conn.execute("SELECT conclusion, article_notes, on_date FROM township_reviews").fetchone()
    assert review == ("经审查，未发现违法内容，同意提交表决。", '[["' + page.notes_model.row_at(2).key
                      + '", "第二条", "建议删去罚款表述"]]', "2026-03-05")

    import_(pair.village, export(pair.township, pair.stick))
    vote_and_submit(pair.village, rulebook_id)
    import_(pair.township, export(pair.village, pair.stick))
    screen._bus.changed.emit(Changed(Entity.SYNC))
    screen.villages_view.clearSelection()
    row = next(i for i, r in enumerate(screen.requests_model.rows()) if r.kind is RequestKind.FILING)
    screen.requests_view.selectRow(row)
    qtbot.mouseClick(screen.review_button, Qt.MouseButton.LeftButton)
    assert page.approve_button.isVisible() and not page.review_button.isVisible()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert warnings and "备案编号" in warnings[0] and screen.stack.currentWidget() is page
    type_text(page.number_edit, "德乡备〔2026〕3号")
    page.date_edit.setDate(QDate(2026, 5, 28))
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentIndex() == 0
    assert [r.decided for r in screen.requests_model.rows() if r.kind is RequestKind.FILING] == ["准予备案"]
    decision = pair.township.conn.execute("SELECT decision, filing_number, on_date FROM township_filing_decisions")
    assert decision.fetchone() == ("approve", "德乡备〔2026〕3号", "2026-05-28")


def test_non_reviewer_sees_but_cannot_decide(qtbot, pair: Pair) -> None:  # noqa: F811
    walk_to_step_7(pair.village)
    import_(pair.township, export(pair.village, pair.stick))
    screen = _screen(qtbot, pair, ADMIN, may_review=False)
    screen.requests_view.selectRow(0)
    qtbot.mouseClick(screen.review_button, Qt.MouseButton.LeftButton)
    assert not screen.review_page.review_button.isEnabled()
    assert "乡镇审核员" in screen.review_page.review_button.toolTip()


def test_township_mode_sidebar_shows_township_areas(qtbot, tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path / "t.sqlite3")
    backend.initialise(make_profile("", "德化乡", "黎平县", mode=Mode.TOWNSHIP), "admin", PASSWORD)
    window = MainWindow(backend, backend.login("admin", PASSWORD))
    qtbot.addWidget(window)
    labels = [window.area_list.item(i).text() for i in range(window.area_list.count())]
    assert labels == ["乡镇审查", "交办事项", "各村积分", "同步", "设置"]
    screen = window.open_area("township")
    assert isinstance(screen, TownshipScreen) and screen.empty_label.isVisibleTo(screen)


def test_village_workflow_screen_shows_the_township_receipt(qtbot, pair: Pair) -> None:  # noqa: F811
    from models.township.reviews import DecisionKind
    from models.workflow.steps import WorkflowStep
    from storage.core.backend import build_stores
    from ui.workflow.screen import WorkflowScreen

    rulebook_id = walk_to_step_7(pair.village)
    import_(pair.township, export(pair.village, pair.stick))
    desk = build_stores(pair.township, REVIEWER).township
    desk.record_review(desk.requests()[0].id, date(2026, 3, 5), "同意提交表决。")
    import_(pair.village, export(pair.township, pair.stick))
    vote_and_submit(pair.village, rulebook_id)
    import_(pair.township, export(pair.village, pair.stick))
    filing = [r for r in desk.requests() if r.kind is RequestKind.FILING][0]
    desk.decide(filing.id, DecisionKind.APPROVE, date(2026, 5, 28), filing_number="德乡备〔2026〕3号")
    import_(pair.village, export(pair.township, pair.stick))
    screen = WorkflowScreen(build_stores(pair.village, ADMIN), DataBus())
    qtbot.addWidget(screen)
    assert screen.status.current_step is WorkflowStep.POST_AND_ENFORCE
    screen.select_step(WorkflowStep.POST_AND_ENFORCE)
    text = screen.pages_stack.currentWidget().filing_label.text()
    assert "状态：已备案" in text and "德乡备〔2026〕3号" in text and "回执日期：2026-05-28" in text
