"""红黑榜 screen: every print asks the date and the signer (落款) first, as the command line takes them."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox

from models.lists.entries import EntryState, ListKind, WithdrawReason
from storage.core.backend import SqliteBackend
from tests.helpers import type_text
from tests.list_fixtures import APPROVER, CLERK, lists, seed_registry, store, written
from tests.printing.pdfcheck import text_of
from tests.printing.test_board_pdf import PUBLISHED, publish
from ui.core.bus import DataBus
from ui.lists.dialogs import PrintOptionsDialog
from ui.lists.screen import ListsScreen
from ui.widgets.print_dialogs import SavePdfDialog

TODAY = PUBLISHED + timedelta(1)  # 2025-03-13
DEFAULT_SIGNER = "青石村村民委员会"


class Clerk:
    """Stands in for the person at the print dialog: records what it offered, types a date and a signer."""

    def __init__(self, qtbot, on: date | None = None, signer: str | None = None, accept: bool = True) -> None:
        self.qtbot, self.on, self.signer, self.accept = qtbot, on, signer, accept
        self.offered: list[tuple[str, date, str]] = []

    def __call__(self, dialog: PrintOptionsDialog) -> QDialog.DialogCode:
        shown = dialog.date_edit.date()
        self.offered.append((dialog.windowTitle(), date(shown.year(), shown.month(), shown.day()),
                             dialog.signer_edit.text()))
        if self.on is not None:
            dialog.date_edit.setDate(QDate(self.on.year, self.on.month, self.on.day))
        if self.signer is not None:
            dialog.signer_edit.clear()
            type_text(dialog.signer_edit, self.signer)
        return QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected


@pytest.fixture
def saved(monkeypatch, tmp_path: Path) -> list[Path]:
    paths: list[Path] = []
    monkeypatch.setattr(SavePdfDialog, "ask", classmethod(
        lambda cls, parent, name: paths.append(tmp_path / name) or tmp_path / name))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    return paths


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    found: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: found.append(text))
    return found


def _screen(qtbot, stores) -> ListsScreen:
    screen = ListsScreen(stores, DataBus(), today=lambda: TODAY)
    screen.period = "2025-03"
    screen.reload()
    qtbot.addWidget(screen)
    return screen


def _answer(monkeypatch, clerk: Clerk) -> None:
    monkeypatch.setattr(PrintOptionsDialog, "exec", lambda dialog: clerk(dialog))


def _print(qtbot, monkeypatch, screen: ListsScreen, button, clerk: Clerk) -> str:
    _answer(monkeypatch, clerk)
    with qtbot.waitSignal(screen.printer.finished, timeout=10000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_board_carries_the_chosen_date_and_signer(qtbot, monkeypatch, backend: SqliteBackend, stores, saved,
                                                  warnings) -> None:
    seed_registry(backend.db)
    publish(backend.db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    screen = _screen(qtbot, stores)
    clerk = Clerk(qtbot, date(2025, 3, 20), "青石村红黑榜评议小组")
    path = _print(qtbot, monkeypatch, screen, screen.print_board_button, clerk)
    assert clerk.offered == [("打印榜单", TODAY, DEFAULT_SIGNER)]  # defaults: today and the villagers' committee
    text = text_of(Path(path).read_bytes())
    assert "青石村红黑榜评议小组" in text and "2025年3月20日" in text and "2025年3月13日" not in text
    assert "三组第15号户" in text and warnings == []
    again = Clerk(qtbot)
    path = _print(qtbot, monkeypatch, screen, screen.print_board_button, again)
    assert again.offered == [("打印榜单", TODAY, "青石村红黑榜评议小组")]  # the signer typed last time is offered
    log = [row for row in lists(backend.db, CLERK).board_log.board_log("2025-03") if row["action"] == "printed"]
    assert len(log) == 2 and log[0]["fingerprint"] != log[1]["fingerprint"]  # another date, another version


def test_emptied_signer_falls_back_to_the_committee(qtbot, monkeypatch, backend: SqliteBackend, stores, saved,
                                                    warnings) -> None:
    seed_registry(backend.db)
    publish(backend.db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    screen = _screen(qtbot, stores)
    path = _print(qtbot, monkeypatch, screen, screen.print_board_button, Clerk(qtbot, signer=""))
    text = text_of(Path(path).read_bytes())
    assert DEFAULT_SIGNER in text and "2025年3月13日" in text


def test_board_dated_after_the_period_leaves_due_entries_off_without_ending_them(
        qtbot, monkeypatch, backend: SqliteBackend, stores, saved, warnings) -> None:
    seed_registry(backend.db)
    publish(backend.db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    screen = _screen(qtbot, stores)
    _answer(monkeypatch, Clerk(qtbot, date(2025, 4, 2)))
    qtbot.mouseClick(screen.print_board_button, Qt.MouseButton.LeftButton)
    assert warnings and "没有已发布的条目" in warnings[0] and saved == []
    (entry,) = store(backend.db, CLERK).entries("2025-03")
    assert entry.state is EntryState.PUBLISHED and entry.ended_on is None  # still up today


def test_cancelling_the_print_dialog_renders_and_logs_nothing(qtbot, monkeypatch, backend: SqliteBackend, stores,
                                                             saved, warnings) -> None:
    seed_registry(backend.db)
    publish(backend.db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    screen = _screen(qtbot, stores)
    _answer(monkeypatch, Clerk(qtbot, accept=False))
    qtbot.mouseClick(screen.print_board_button, Qt.MouseButton.LeftButton)
    assert not screen.printer.busy and saved == [] and warnings == []
    assert lists(backend.db, CLERK).board_log.board_log("2025-03") == []


def test_signer_with_a_phone_number_is_refused(qtbot, monkeypatch, backend: SqliteBackend, stores, saved,
                                               warnings) -> None:
    seed_registry(backend.db)
    publish(backend.db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    screen = _screen(qtbot, stores)
    _answer(monkeypatch, Clerk(qtbot, signer="村委会 13812345678"))
    qtbot.mouseClick(screen.print_board_button, Qt.MouseButton.LeftButton)
    assert warnings and "手机号" in warnings[0] and saved == [] and not screen.printer.busy


def test_certificate_removal_and_publicity_take_date_and_signer(qtbot, monkeypatch, backend: SqliteBackend, stores,
                                                                saved, warnings) -> None:
    from models.lists.workflow import Nomination
    from tests.list_fixtures import SUPERVISOR
    from tests.printing.test_board_pdf import DAY

    seed_registry(backend.db)
    publish(backend.db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    publish(backend.db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    red, yellow = (next(e for e in store(backend.db, CLERK).entries("2025-03") if e.household_no == number)
                   for number in ("15", "12"))
    store(backend.db, APPROVER).withdraw(yellow.id, WithdrawReason.RECTIFIED, "已清理", on=PUBLISHED)
    clerk = store(backend.db, CLERK)
    pending = written(clerk, clerk.nominate(Nomination(ListKind.YELLOW, "2025-03", "3月9日在河边焚烧秸秆", "网格员龙德军"),
                                            "31", "第12条", on=DAY))
    for actor, note in ((APPROVER, "评议同意"), (SUPERVISOR, "审核同意"), (APPROVER, "书面告知")):
        store(backend.db, actor).advance(pending.id, note, on=PUBLISHED)
    screen = _screen(qtbot, stores)
    screen.tabs_widget.setCurrentIndex(1)
    cases = [(red.id, screen.print_certificate_button, "打印荣誉证书", date(2025, 3, 28), "青石村两委"),
             (pending.id, screen.print_publicity_button, "打印公示", date(2025, 3, 14), "青石村村务监督委员会"),
             ("", screen.print_removal_button, "打印撤榜公告", date(2025, 3, 15), "青石村村委会")]
    for entry_id, button, title, on, signer in cases:
        if entry_id:
            screen.select_entry(entry_id)
        clerk = Clerk(qtbot, on, signer)
        text = text_of(Path(_print(qtbot, monkeypatch, screen, button, clerk)).read_bytes())
        assert clerk.offered[0][:2] == (title, TODAY)
        assert signer in text and f"{on.year}年{on.month}月{on.day}日" in text, title
    assert warnings == []
