"""Sizing a window or dialog to what the office PC's screen can show (1024×768 and 1366×768 are common)."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

# Title bar and borders the window manager adds around a window (Windows 10: about 31 px of title bar at 100 %),
# plus a margin so that a dialog over the main window does not touch the screen's edges.
FRAME_ALLOWANCE = QSize(16, 40)


def within_screen(widget: QWidget, width: int, height: int) -> QSize:
    """`width`×`height`, cut to the available area of the screen `widget` is on (its parent's, before it is shown)."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    return QSize(width, height).boundedTo(screen.availableGeometry().size() - FRAME_ALLOWANCE)


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width`×`height`, or less where the screen is smaller: never larger than the screen."""
    widget.resize(within_screen(widget, width, height))
