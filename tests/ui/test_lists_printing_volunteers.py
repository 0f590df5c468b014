"""红黑榜 screen: printing board, publicity, removal notice and certificate; volunteers ranked and proposed."""
from __future__ import annotations

from storage.core.backend import build_stores

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox

from models.lists.workflow import Nomination
from models.lists.entries import EntryState, ListKind, WithdrawReason
from storage.core.backend import SqliteBackend
from tests.helpers import type_text
from tests.list_fixtures import APPROVER, CLERK, SUPERVISOR, lists, seed_registry, store, written
from tests.printing.pdfcheck import text_of
from tests.printing.test_board_pdf import DAY, PUBLISHED, publish
from ui.core.bus import DataBus
from ui.lists.dialogs import PrintOptionsDialog
from ui.lists.screen import ListsScreen
from ui.widgets.print_dialogs import SavePdfDialog


def _screen(qtbot, backend: SqliteBackend, stores, today: date) -> ListsScreen:
    screen = ListsScreen(stores, DataBus(), today=lambda: today)  # expiry runs on that day, not the real one
    screen.period = "2025-03"
    screen.reload()
    qtbot.addWidget(screen)
    return screen


def _print(qtbot, screen: ListsScreen, button) -> str:
    with qtbot.waitSignal(screen.printer.finished, timeout=10000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_printing_from_the_screen_saves_opens_and_logs(qtbot, backend: SqliteBackend, stores, monkeypatch,
                                                       tmp_path: Path) -> None:
    seed_registry(backend.db)
    publish(backend.db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    publish(backend.db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    clerk = store(backend.db, CLERK)
    pending = written(clerk, clerk.nominate(Nomination(ListKind.YELLOW, "2025-03", "3月9日在河边焚烧秸秆", "网格员龙德军"),
                                            "31", "第12条", on=DAY))
    for actor, note in ((APPROVER, "评议同意"), (SUPERVISOR, "审核同意"), (APPROVER, "书面告知")):
        store(backend.db, actor).advance(pending.id, note, on=PUBLISHED)
    red, yellow = (next(e for e in store(backend.db, CLERK).entries("2025-03") if e.household_no == number)
                   for number in ("15", "12"))
    store(backend.db, APPROVER).withdraw(yellow.id, WithdrawReason.RECTIFIED, "已清理", on=PUBLISHED)
    screen = _screen(qtbot, backend, stores, PUBLISHED + timedelta(1))
    saved: list[Path] = []
    opened: list[str] = []
    monkeypatch.setattr(SavePdfDialog, "ask", classmethod(
        lambda cls, parent, name: saved.append(tmp_path / name) or tmp_path / name))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(PrintOptionsDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)  # defaults

    path = _print(qtbot, screen, screen.print_board_button)
    assert path == str(saved[-1]) == opened[-1] and "三组第15号户" in text_of(Path(path).read_bytes())
    path = _print(qtbot, screen, screen.print_removal_button)
    assert "撤榜" in Path(path).name and "整改到位" in text_of(Path(path).read_bytes())

    screen.tabs_widget.setCurrentIndex(1)
    screen.select_entry(red.id)
    assert screen.print_certificate_button.isEnabled() and not screen.print_publicity_button.isEnabled()
    path = _print(qtbot, screen, screen.print_certificate_button)
    assert "荣誉证书" in text_of(Path(path).read_bytes())
    screen.select_entry(pending.id)
    assert screen.print_publicity_button.isEnabled() and not screen.print_certificate_button.isEnabled()
    path = _print(qtbot, screen, screen.print_publicity_button)
    text = text_of(Path(path).read_bytes())
    assert "五组第31号户" in text and "石国富" not in text and "焚烧秸秆" in text
    assert warnings == []
    log = [row for row in lists(backend.db, CLERK).board_log.board_log("2025-03") if row["action"] == "printed"]
    assert [row["actor_name"] for row in log] == [stores.actor.name] * 4
    assert [row["note"].split()[0] for row in log[1:]] == ["撤榜公告", "荣誉证书", "公示"]
    assert log[0]["note"] == opened[0]
    # 打印即登记 (issue 23): the board, the removal notice and the publicity register as disclosures, not the
    # certificate (it goes to one household)
    registered = [p for p in build_stores(backend.db, CLERK).publications.publications() if p.note.startswith("打印登记")]
    assert len(registered) == 3 and {p.category for p in registered} == {"村民普遍关心的其他事项"}

    monkeypatch.setattr(SavePdfDialog, "ask", classmethod(lambda cls, parent, name: None))  # 取消另存
    assert _print(qtbot, screen, screen.print_board_button) == ""
    assert len([r for r in lists(backend.db, CLERK).board_log.board_log("2025-03") if r["action"] == "printed"]) == 4
    if Path("/tmp/lists-screens").is_dir():
        screen.resize(1400, 800)
        screen.grab().save("/tmp/lists-screens/printing.png")


def test_board_of_an_empty_period_is_refused_in_chinese(qtbot, backend: SqliteBackend, stores, monkeypatch) -> None:
    seed_registry(backend.db)
    screen = _screen(qtbot, backend, stores, DAY)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(PrintOptionsDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)
    qtbot.mouseClick(screen.print_board_button, Qt.MouseButton.LeftButton)
    assert warnings and "没有已发布的条目" in warnings[0] and not screen.printer.busy


def _record(qtbot, screen: ListsScreen, household: str, activity: str, day: int, hours: float) -> None:
    panel = screen.volunteers
    panel.household_edit.clear()
    qtbot.keyClicks(panel.household_edit, household)
    panel.activity_edit.clear()
    type_text(panel.activity_edit, activity)
    panel.date_edit.setDate(QDate(2025, 3, day))
    panel.hours_spin.setValue(hours)
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)


def test_volunteers_recorded_ranked_and_proposed_for_the_red_list(qtbot, qtmodeltester, backend: SqliteBackend,
                                                                  stores, monkeypatch) -> None:
    seed_registry(backend.db)
    publish(backend.db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    screen = _screen(qtbot, backend, stores, PUBLISHED)
    screen.tabs_widget.setCurrentWidget(screen.volunteers)
    panel = screen.volunteers
    for household, activity, day, hours in (("15", "清扫村道", 8, 2.5), ("31", "修水渠", 9, 3), ("31", "护林巡山", 15, 2),
                                            ("12", "清扫村道", 20, 8), ("12", "修水渠", 21, 1), ("15", "录错了", 22, 1)):
        _record(qtbot, screen, household, activity, day, hours)
    assert panel.participations_model.rowCount() == 6
    screen.undo_stack.undo()  # the last participation was a mistake
    assert panel.participations_model.rowCount() == 5
    assert [panel.participations_model.index(r, 2).data() for r in range(5)].count("录错了") == 0
    assert [(panel.ranking_model.index(r, 1).data(), panel.ranking_model.index(r, 4).data()) for r in range(3)] == [
        ("12", "2"), ("31", "2"), ("15", "1")]
    for model in (panel.participations_model, panel.ranking_model):
        qtmodeltester.check(model)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    _record(qtbot, screen, "99", "清扫村道", 10, 2)
    assert warnings and "户号“99”" in warnings[0] and panel.participations_model.rowCount() == 5

    assert not panel.propose_button.isEnabled()
    selection = panel.ranking_view.selectionModel()
    for row in (0, 1):
        selection.select(panel.ranking_model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    questions: list[str] = []
    reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text: questions.append(text)
                        or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: reports.append(text))
    qtbot.mouseClick(panel.propose_button, Qt.MouseButton.LeftButton)
    assert "第12户（2次）" in questions[0] and "第31户（2次）" in questions[0]
    red = [e for e in store(backend.db, CLERK).entries("2025-03") if e.list_kind is ListKind.RED]
    assert sorted(e.household_no for e in red) == ["12", "31"]
    assert all(e.state is EntryState.NOMINATED and e.honour == "志愿服务积极户" and "参加村内公益活动 2 次" in e.facts
               and e.proposer_name == stores.actor.name for e in red)
    assert "已提名 2 户" in reports[0] and "第12户：" in reports[0]  # a yellow entry this year: needs an override
    screen.undo_stack.undo()  # the proposal is one step: both nominations are taken back together
    assert [e for e in store(backend.db, CLERK).entries("2025-03") if e.list_kind is ListKind.RED] == []
    screen.undo_stack.redo()
    assert len([e for e in store(backend.db, CLERK).entries("2025-03") if e.list_kind is ListKind.RED]) == 2
    panel.ranking_view.selectRow(1)
    qtbot.mouseClick(panel.propose_button, Qt.MouseButton.LeftButton)
    assert "不再重复提名" in reports[-1] and len(questions) == 1
    if Path("/tmp/lists-screens").is_dir():
        screen.resize(1400, 800)
        screen.grab().save("/tmp/lists-screens/volunteers.png")
