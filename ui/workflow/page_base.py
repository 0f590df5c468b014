"""What every step page shares: the store, the screen's undo stack, pushing edits and confirming acts."""
from __future__ import annotations

import functools
import operator
from datetime import date
from typing import Any, Callable, Protocol, Sequence

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHeaderView, QLabel, QMessageBox, QTableView, QWidget)

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ports import Stores
from models.workflow.status import WorkflowStatus
from ui.core.bus import DataBus
from ui.widgets.form_state import TrackedForms
from ui.widgets.rows_model import ROW_ROLE, Column, RowsTableModel
from ui.widgets.store_command import StoreCommand, push_command


class PageHost(Protocol):
    """The workflow screen as its pages see it."""

    undo_stack: QUndoStack
    status: WorkflowStatus | None

    @property
    def rulebook_id(self) -> str | None: ...


class StepPage(QWidget):
    """One step's entry page below the timeline; `reload()` reads the store again."""

    def __init__(self, stores: Stores, bus: DataBus, host: PageHost) -> None:
        super().__init__()
        self._stores, self._store, self._bus, self._host = stores, stores.workflow, bus, host
        # The page's inline forms (fields + their save button): the screen asks before their typing is left.
        self.edits = TrackedForms()
        self._build_ui()
        self.edits.mark_clean()

    # Every concrete page (invitations_page, committee_page, text_pages, vote_pages) defines both; the base has no widgets.
    def _build_ui(self) -> None:
        raise TypeError(f"{type(self).__name__} must define _build_ui()")

    def reload(self) -> None:
        raise TypeError(f"{type(self).__name__} must define reload()")

    @property
    def rulebook_id(self) -> str:
        return self._host.rulebook_id or ""

    @property
    def status(self) -> WorkflowStatus | None:
        return self._host.status

    def push(self, label: str, do: Callable[[], Changed], undo: Callable[[Changed], Changed]) -> bool:
        """An undoable edit: pushing performs the write; the bus hears the Changed each write returns.
        A refusal is shown and nothing stays on the stack."""
        error = push_command(self._host.undo_stack, StoreCommand(label, self._bus, None, do, undo))
        if error is not None:
            self.warn(error.message)
            return False
        return True

    def act(self, question: str, fn: Callable[[], object]) -> bool:
        """An irreversible act (STYLE.md §4.3): confirmed, done directly, then the undo stack is cleared and
        the bus hears the Changed the write returned (a write of another area that returns none: the revision's)."""
        if QMessageBox.question(self, "请确认", question + "\n此操作不能撤销。") != QMessageBox.StandardButton.Yes:
            return False
        try:
            returned = fn()
        except DomainError as error:
            self.warn(error.message)
            return False
        self._host.undo_stack.clear()
        self._bus.changed.emit(returned if isinstance(returned, Changed)
                               else Changed(Entity.WORKFLOW, frozenset({self.rulebook_id})))
        return True

    def warn(self, text: str) -> None:
        QMessageBox.warning(self, "不能完成", text)


def joined(changes: Sequence[Changed]) -> Changed:
    """Several writes' changes as one notice (the first leads: its `id` is the first write's record)."""
    if not changes:
        return Changed(Entity.WORKFLOW)
    return functools.reduce(operator.or_, changes[1:], changes[0])


def table(columns: Sequence[Column], fetch: Callable[[], Sequence[Any]]) -> tuple[RowsTableModel, QTableView]:
    model = RowsTableModel(columns, fetch)
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(150)
    return model, view


def selected(view: QTableView) -> Any:
    """The row object of the selected row, or None."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ROW_ROLE) if rows else None


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value or date.today()))
    return edit


def day_of(edit: QDateEdit) -> date:
    return edit.date().toPython()  # type: ignore[return-value]


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
