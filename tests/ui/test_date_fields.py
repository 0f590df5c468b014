"""Date fields: no `YYYY-MM-DD` hint anywhere; optional dates typed as text show a Chinese example and a clear
message for a date that cannot be read, and a typo never erases the saved date."""
from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.core.errors import DomainError
from models.registry.households import RoleHolding, Villager
from tests.helpers import type_text
from tests.ui.test_minutes_screen import screen  # noqa: F401  (the minutes screen fixture)
from ui.minutes.dialogs import NewMeetingDialog
from ui.minutes.form_bits import bad_day_message, typed_day
from ui.minutes.screen import MinutesScreen
from ui.registry.dialogs import RoleDialog, VillagerDialog

UI = Path(__file__).resolve().parents[2] / "ui"


def test_no_date_field_shows_an_english_format_hint() -> None:
    offenders = [str(path.relative_to(UI)) for path in UI.rglob("*.py")
                 if "YYYY" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_every_date_editor_opens_a_calendar() -> None:
    """Each function that builds a QDateEdit also turns its calendar popup on (a clerk picks the day)."""
    missing = []
    for path in UI.rglob("*.py"):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            calls = [node for node in ast.walk(function) if isinstance(node, ast.Call)]
            built = sum(1 for c in calls if isinstance(c.func, ast.Name) and c.func.id == "QDateEdit")
            popups = sum(1 for c in calls if isinstance(c.func, ast.Attribute) and c.func.attr == "setCalendarPopup"
                         and c.args and isinstance(c.args[0], ast.Constant) and c.args[0].value is True)
            if built and not popups:  # a loop may turn on several editors' popups with one call
                missing.append(f"{path.relative_to(UI)}:{function.lineno} {function.name}")
    assert missing == []


@pytest.mark.parametrize(("text", "day"), [("2026-12-06", date(2026, 12, 6)), ("2026/12/6", date(2026, 12, 6)),
                                           ("2026年12月6日", date(2026, 12, 6)), ("", None), ("12月6日", None)])
def test_typed_days_are_read_as_a_clerk_writes_them(text: str, day: date | None) -> None:
    assert typed_day(text) == day
    assert bool(bad_day_message(text, "完成期限")) == (bool(text) and day is None)


def test_a_bad_notice_or_due_date_is_explained_and_the_saved_one_kept(qtbot, screen: MinutesScreen,  # noqa: F811
                                                                      monkeypatch) -> None:
    store, editor = screen._store, screen.editor
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    meeting = editor.meeting
    assert meeting is not None
    assert editor.notice_edit.placeholderText().startswith("例如 2026-12-06")
    qtbot.keyClicks(editor.notice_edit, "2026-03-05")
    editor.flush()
    assert store.get(meeting.id).notice_date == date(2026, 3, 5)

    editor.notice_edit.clear()
    qtbot.keyClicks(editor.notice_edit, "2026-3-55")
    assert "通知日期“2026-3-55”无法识别" in editor.warnings_label.text()
    editor.flush()
    assert store.get(meeting.id).notice_date == date(2026, 3, 5)  # not erased by the typo

    qtbot.mouseClick(editor.add_item_button, Qt.MouseButton.LeftButton)
    panel = editor._panels[-1]
    assert panel.due_edit.placeholderText().startswith("例如 2026-12-06")
    qtbot.keyClicks(panel.due_edit, "2026-04-30")
    assert panel.item().resolution_due == date(2026, 4, 30)
    panel.due_edit.clear()
    qtbot.keyClicks(panel.due_edit, "4/30")
    assert "完成期限“4/30”无法识别，请写成 2026-12-06 这样的年-月-日" in panel.result_label.text()
    assert panel.item().resolution_due is None  # cleared first: an empty field means no deadline
    panel.due_edit.setText("2026-05-31")
    qtbot.keyClicks(panel.due_edit, "x")
    assert panel.item().resolution_due == date(2026, 5, 31)  # the typo keeps the last readable deadline


def test_registry_dates_show_an_example_and_refuse_in_plain_words(qtbot) -> None:
    dialog = RoleDialog(None, RoleHolding("r-1", "v-1", "", start_date=None))
    qtbot.addWidget(dialog)
    assert dialog.start_edit.placeholderText() == "例如 2026-12-06" and "例如" in dialog.end_edit.placeholderText()
    dialog.start_edit.clear()
    type_text(dialog.start_edit, "2026-02-30")
    with pytest.raises(DomainError, match="开始日期“2026-02-30”无法识别，请写成 2026-12-06 这样的年-月-日"):
        dialog._value()
    villager = VillagerDialog(None, Villager("v-1", "h-1", "吴建华"), True)
    qtbot.addWidget(villager)
    assert villager.birth_edit.placeholderText().startswith("例如 1975-01-03")
