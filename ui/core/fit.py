"""Keeping the main window inside the office PC's screen (1024×768 and 1366×768 are common).

Two things used to push the window off the screen: a QStackedWidget is as large as the largest screen ever opened in
it (so after 户籍花名册 the window could not be narrower than 1182 px), and the first window was 1200×800 whatever
the screen. Here the stack asks only for the current screen's size, it sits in a scroll area (a screen wider or
taller than the window scrolls instead of pushing the window out), and the first size is cut to the available
screen area.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget

from ui.widgets.screen_fit import FRAME_ALLOWANCE

PREFERRED = QSize(1280, 800)  # nine step tiles beside the sidebar without cutting their text


class AreaStack(QStackedWidget):
    """The area screens, one shown at a time; only the shown one decides the minimum size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._on_current_changed)

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint().expandedTo(current.minimumSize()) if current is not None else QSize(0, 0)

    def hasHeightForWidth(self) -> bool:
        return False

    def heightForWidth(self, width: int) -> int:
        """The shown screen's minimum height, whatever the width. QScrollArea asks this (QStackedLayout has height
        for width as soon as one screen holds a wrapped label) and takes the answer as the height the screen must
        have; Qt's own answer is the tallest *preferred* height of all the screens, which gives even a screen that
        fits a vertical scroll bar."""
        return self.minimumSizeHint().height()

    def _on_current_changed(self, _index: int) -> None:
        self.updateGeometry()


def scrolling(stack: AreaStack) -> QScrollArea:
    """The stack inside a frameless scroll area that shows scroll bars only when a screen does not fit."""
    area = QScrollArea()
    area.setObjectName("area_scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(stack)
    return area


def fitted_geometry(available: QRect, frame: QSize = FRAME_ALLOWANCE, preferred: QSize = PREFERRED) -> QRect:
    """The window's (client) geometry for a first start: the preferred size, cut to the screen, centred on it."""
    size = preferred.boundedTo(available.size() - frame)
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    rect.moveTop(max(available.top() + frame.height() - 8, rect.top()))  # the title bar stays on the screen
    return rect
