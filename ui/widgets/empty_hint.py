"""A grey "暂无……" line shown over an item view while its model has no rows."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QLabel):
    """Lies over the view's viewport; shown only while the model is empty, so an empty table says so."""

    def __init__(self, view: QAbstractItemView, text: str) -> None:
        super().__init__(text, view.viewport())
        self._view = view
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: #777777;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.refresh)
        view.viewport().installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        self.setGeometry(self._view.viewport().rect())
        self.setHidden(self._view.model().rowCount() > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect())
        return False


def add_empty_hint(view: QAbstractItemView, text: str) -> EmptyHint:
    """Give `view` (its model already set) the placeholder `text`, e.g. "暂无隔离记录"."""
    hint = EmptyHint(view, text)
    view.empty_hint = hint  # type: ignore[attr-defined]  # tests and screenshots find it here
    return hint
