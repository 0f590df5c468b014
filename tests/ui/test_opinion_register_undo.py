"""Step 5 on screen: typing an opinion in, undoing and redoing it keeps the register at 1, 2, 3, also when printed."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from models.core.changes import Changed, Entity
from models.workflow.steps import WorkflowStep
from storage.core.backend import SqliteBackend
from tests.helpers import run_json, type_text
from tests.printing import pdfcheck
from tests.ui.test_workflow_gaps import _at_step_5
from tests.ui.test_workflow_pages import _screen, answers  # noqa: F401  (fixture)

LEFT = Qt.MouseButton.LeftButton


def _register(screen) -> list[str]:  # noqa: ANN001  (the workflow screen)
    model = screen.opinion_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_undo_and_redo_of_an_opinion_keep_the_numbers(qtbot, backend: SqliteBackend, stores, answers,  # noqa: F811
                                                      tmp_path: Path) -> None:
    rulebook_id = _at_step_5(backend, stores)
    screen = _screen(qtbot, stores, WorkflowStep.PUBLIC_CONSULTATION)
    entry = screen.pages[WorkflowStep.PUBLIC_CONSULTATION].entry
    type_text(entry.name_edit, "王堌")
    type_text(entry.text_edit, "巡逻队多巡几趟")
    qtbot.mouseClick(entry.submit_button, LEFT)
    assert answers == []
    assert "意见3（王堌）" in _register(screen)
    screen.undo_stack.undo()
    assert "意见3（王堌）" not in _register(screen)
    screen.undo_stack.redo()
    assert sorted(o.number for o in stores.workflow.opinions.opinions(rulebook_id)) == [1, 2, 3]
    assert "意见3（王堌）" in _register(screen)

    out = tmp_path / "adoption.pdf"
    code, data = run_json(backend.db.path, "print", "adoption-statement", rulebook_id, "--out", str(out))
    assert code == 0, data
    text = pdfcheck.text_of(out.read_bytes())
    assert "共收到意见3条" in text and "3王某" in text and "4王某" not in text and "王堌" not in text


def test_the_bus_hears_the_new_opinion_its_undo_and_its_redo(qtbot, backend: SqliteBackend, stores,  # noqa: F811
                                                             answers) -> None:
    rulebook_id = _at_step_5(backend, stores)
    screen = _screen(qtbot, stores, WorkflowStep.PUBLIC_CONSULTATION)
    heard: list[Changed] = []
    screen._bus.changed.connect(heard.append)
    entry = screen.pages[WorkflowStep.PUBLIC_CONSULTATION].entry
    type_text(entry.name_edit, "王堌")
    type_text(entry.text_edit, "巡逻队多巡几趟")
    qtbot.mouseClick(entry.submit_button, LEFT)
    added = next(o for o in stores.workflow.opinions.opinions(rulebook_id) if o.name == "王堌")
    screen.undo_stack.undo()
    screen.undo_stack.redo()  # the redo registers it again: a new row, the same number
    again = next(o for o in stores.workflow.opinions.opinions(rulebook_id) if o.name == "王堌")
    assert [c.ids_of(Entity.WORKFLOW) for c in heard] == [{added.id}, {added.id}, {again.id}]
    assert again.number == added.number
