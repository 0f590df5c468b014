"""九步工作法 counts the village's households (the public consultation's 户数) again only when the registry may have
changed or the day turned (issue 17: over 37,500 households the count is 10 ms of every reload)."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.changes import Changed, Entity
from models.workflow.steps import WorkflowStep
from storage.core.backend import SqliteBackend
from tests.ui.test_workflow_gaps import _at_step_5
from tests.ui.test_workflow_pages import _screen, answers  # noqa: F401  (fixture)


def test_the_households_are_counted_again_only_after_a_registry_change(
        qtbot, backend: SqliteBackend, stores, answers, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    rulebook_id = _at_step_5(backend, stores)
    counted: list[date] = []
    count = stores.workflow.revisions.households_total
    monkeypatch.setattr(stores.workflow.revisions, "households_total",
                        lambda today: counted.append(today) or count(today))
    screen = _screen(qtbot, stores, WorkflowStep.PUBLIC_CONSULTATION)
    assert counted and "户" in screen.page_text.text()
    shown = len(counted)
    screen._bus.changed.emit(Changed.one(Entity.WORKFLOW, rulebook_id))  # an opinion recorded: no new count
    assert len(counted) == shown
    screen._bus.changed.emit(Changed.one(Entity.HOUSEHOLD, "h"))  # the registry changed: counted at the next show
    screen._bus.changed.emit(Changed.one(Entity.WORKFLOW, rulebook_id))
    assert len(counted) == shown + 1
    screen._bus.changed.emit(Changed(Entity.SYNC))  # a bundle may have brought households
    assert len(counted) == shown + 2
