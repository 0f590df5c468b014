"""A command whose first redo fails leaves nothing to undo and nothing written (the phantom 撤销 答复意见36)."""
from __future__ import annotations

import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.workflow.records import Disposition
from storage.core.backend import SqliteBackend
from tests.storage.workflow_setup import rulebook_in_force, walk_to_step_5
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand, push_command
from ui.workflow.commands import ReplyOpinionCommand
from ui.workflow.dialogs import ReplyDialog
from ui.workflow.screen import WorkflowScreen


def _dump(backend: SqliteBackend) -> list[str]:
    """Every table's schema and rows (sqlcipher3's connection has no iterdump)."""
    conn = backend.db.conn
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    schema = [repr(row) for row in conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")]
    return schema + [f"{table}: {row!r}" for table in tables
                     for row in sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"')))]


def _step_5(backend: SqliteBackend, stores) -> str:
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    walk_to_step_5(backend.db, stores.actor, stores.workflow, rulebook_id, date(2026, 2, 1))
    return rulebook_id


def _screen_at_opinion_2(qtbot, backend: SqliteBackend, stores) -> WorkflowScreen:
    _step_5(backend, stores)
    screen = WorkflowScreen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.opinions_view.selectRow(1)
    return screen


def test_a_refused_reply_is_dropped_and_writes_nothing(qtbot, backend: SqliteBackend, stores) -> None:
    rulebook_id = _step_5(backend, stores)
    opinion = stores.workflow.opinions.opinions(rulebook_id)[1]
    stack, before = QUndoStack(), _dump(backend)
    command = ReplyOpinionCommand(stores.workflow.opinions, DataBus(), opinion, Disposition.PARTLY, "", "吴晓梅",
                                  date(2026, 2, 2))
    error = push_command(stack, command)
    assert isinstance(error, DomainError) and "须写明理由" in error.message
    assert stack.count() == 0 and not stack.canUndo() and stack.undoText() == ""
    assert _dump(backend) == before


def test_an_unexpected_error_is_dropped_then_raised_and_writes_nothing(qtbot, backend: SqliteBackend,
                                                                       stores) -> None:
    """The crash of issue 14: the disposition arrived as the plain str "partly"."""
    rulebook_id = _step_5(backend, stores)
    opinion = stores.workflow.opinions.opinions(rulebook_id)[1]
    stack, before = QUndoStack(), _dump(backend)
    command = ReplyOpinionCommand(stores.workflow.opinions, DataBus(), opinion,
                                  "partly", "增加电话参与",  # type: ignore[arg-type]
                                  "吴晓梅", date(2026, 2, 2))
    with pytest.raises(AttributeError):
        push_command(stack, command)
    assert stack.count() == 0 and not stack.canUndo() and stack.undoText() == ""
    assert _dump(backend) == before


def test_the_screen_hands_an_unexpected_error_on_after_dropping_the_command(qtbot, backend: SqliteBackend, stores,
                                                                           monkeypatch) -> None:
    screen = _screen_at_opinion_2(qtbot, backend, stores)
    before = _dump(backend)
    monkeypatch.setattr(ReplyDialog, "ask", classmethod(lambda cls, parent, o: ("partly", "增加电话参与")))
    seen: list[tuple[type, int, bool]] = []  # what the app's error handler sees, and the stack at that moment
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: seen.append(
        (kind, screen.undo_stack.count(), screen.undo_stack.canUndo())))
    qtbot.mouseClick(screen.reply_button, Qt.MouseButton.LeftButton)
    assert seen == [(AttributeError, 0, False)]
    assert screen.undo_stack.undoText() == "" and _dump(backend) == before


def test_a_refused_reply_from_the_screen_is_shown_and_leaves_no_undo(qtbot, backend: SqliteBackend, stores,
                                                                     monkeypatch) -> None:
    screen = _screen_at_opinion_2(qtbot, backend, stores)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(ReplyDialog, "ask", classmethod(lambda cls, parent, o: (Disposition.REJECTED, " ")))
    qtbot.mouseClick(screen.reply_button, Qt.MouseButton.LeftButton)
    assert warnings == ["“不采纳”须写明理由，以便向群众答复。"] and not screen.undo_stack.canUndo()


@pytest.mark.parametrize("failure", [DomainError("没有权限。"), AttributeError("'str' object has no attribute 'value'")])
def test_any_failure_of_the_first_redo_leaves_the_stack_empty(qtbot, failure: Exception) -> None:
    written: list[str] = []
    notices: list[Changed] = []
    bus = DataBus()
    bus.changed.connect(notices.append)

    def do() -> str:
        raise failure
    stack = QUndoStack()
    stack.push(StoreCommand("好的修改", bus, Changed(Entity.PROFILE), lambda: written.append("a") or "a",
                            lambda _r: written.remove("a")))
    command = StoreCommand("坏的修改", bus, Changed(Entity.PROFILE), do, lambda _r: written.clear())
    stack.push(command)  # the plain push: the failure is kept on the command, nothing escapes into Qt
    assert (command.error, command.unexpected) == ((failure, None) if isinstance(failure, DomainError)
                                                   else (None, failure))
    assert stack.count() == 1 and stack.undoText() == "好的修改" and written == ["a"] and len(notices) == 1


def test_undo_and_a_later_redo_use_the_first_result(qtbot) -> None:
    """Made once, then restored: a redo after undo brings back the same record instead of making another."""
    calls: list[str] = []
    stack = QUndoStack()
    ids = iter(("e-1", "e-2"))
    command = StoreCommand("提名", None, None, lambda: calls.append("make") or next(ids),
                           lambda entry_id: calls.append(f"discard {entry_id}"),
                           lambda entry_id: calls.append(f"restore {entry_id}"))
    assert push_command(stack, command) is None
    stack.undo()
    stack.redo()
    assert calls == ["make", "discard e-1", "restore e-1"] and command.result == "e-1"


def test_the_bus_hears_the_changed_each_write_returns(qtbot) -> None:
    bus, heard, stack = DataBus(), [], QUndoStack()
    bus.changed.connect(heard.append)
    command = StoreCommand("记录", bus, None, lambda: Changed.one(Entity.HOUSEHOLD, "new"),
                           lambda done: Changed.one(Entity.HOUSEHOLD, done.id + "-gone"),
                           lambda done: Changed.one(Entity.HOUSEHOLD, done.id + "-back"))
    assert push_command(stack, command) is None
    stack.undo()
    stack.redo()
    assert [change.id for change in heard] == ["new", "new-gone", "new-back"]
    assert command.result == Changed.one(Entity.HOUSEHOLD, "new")


def test_a_refused_undo_is_dropped_and_the_change_stands(qtbot) -> None:
    """撤销 refused by the store (the record moved on elsewhere): raised to whoever undid, and the command leaves
    the stack, so neither a second 撤销 nor a 重做 of a change still in place is offered."""
    made: list[str] = []

    def refuse(_result: str) -> Changed:
        raise DomainError("已有后续记录，不能撤销。")

    stack = QUndoStack()
    assert push_command(stack, StoreCommand("记一条", None, None, lambda: made.append("x") or "x", refuse)) is None
    with pytest.raises(DomainError, match="不能撤销"):
        stack.undo()
    assert stack.count() == 0 and not stack.canUndo() and not stack.canRedo() and made == ["x"]
