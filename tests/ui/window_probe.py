"""Run in a process of its own on a screen of a forced size (tests/ui/test_window_fits.py): the real main window on a
demo database, every area opened in turn, and what the clerk would see measured; prints one JSON object.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python -m tests.ui.window_probe DB [--png FOLDER] [--settings DIR]

Given an empty settings folder, the window gets its first-start geometry (none saved), as on a new office PC.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSettings
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QLineEdit, QPlainTextEdit,
                               QScrollArea, QTextEdit, QWidget)

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QTextEdit, QPlainTextEdit, QAbstractItemView)


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _inside_scrolled_view(widget: QWidget, screen: QWidget) -> bool:
    """A control inside a scroll area of the screen itself (a long form) may lie beyond the view: it is reached by
    scrolling, which is what those areas are for."""
    parent = widget.parentWidget()
    while parent is not None and parent is not screen:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _problems(screen: QWidget, window: QWidget, available: QRect) -> dict[str, list[str]]:
    """Controls outside the available screen area, and controls squeezed below their minimum size (cut text)."""
    outside, squeezed = [], []
    for control in screen.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or not control.isVisibleTo(window) or isinstance(
                control.parentWidget(), CONTROLS):  # an editable combo's line edit, a table's header: their owner's
            continue
        name = f"{type(control).__name__}:{control.objectName() or getattr(control, 'text', lambda: '')()}"
        if not _inside_scrolled_view(control, screen) and not available.contains(_global_rect(control)):
            outside.append(name)
        hint = control.minimumSizeHint()
        if isinstance(control, (QAbstractButton, QComboBox, QLineEdit)) and (
                control.width() < hint.width() - 1 or control.height() < hint.height() - 1):
            squeezed.append(f"{name} {control.width()}×{control.height()} < {hint.width()}×{hint.height()}")
    return {"outside": outside, "squeezed": squeezed}


def wait_until_populated(screen: QWidget) -> None:
    """A screen that fills itself after it is shown (首页, 0.15 s later) is measured filled, as the clerk sees it,
    not as it was before its timer fired: which one was measured depended on the machine's load."""
    from PySide6.QtTest import QTest

    for _ in range(100):
        if getattr(screen, "is_populated", True):
            QTest.qWait(50)  # the layout its filling asked for
            return
        QTest.qWait(50)
    raise TimeoutError(f"{type(screen).__name__} did not fill itself within 5 s")


def probe(db: Path, png: Path | None) -> dict[str, Any]:
    from storage.core.backend import SqliteBackend
    from ui.core.app import generous_font
    from ui.core.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    generous_font(app)
    backend = SqliteBackend(db)
    window = MainWindow(backend, backend.login("admin", "demo1234"))
    window.show()
    app.processEvents()
    available = window.screen().availableGeometry()
    scroll = window.findChild(QScrollArea, "area_scroll")
    result: dict[str, Any] = {"available": available.getRect(), "window": window.frameGeometry().getRect(),
                              "window_minimum": window.minimumSizeHint().toTuple(), "areas": {}}
    for area in window._areas:
        if area.factory is None:
            continue
        screen = window.open_area(area.key)
        app.processEvents()
        wait_until_populated(screen)
        result["areas"][area.key] = {
            "needs": window.area_stack.minimumSizeHint().toTuple(), "viewport": scroll.viewport().size().toTuple(),
            "scrolls": [scroll.horizontalScrollBar().isVisible(), scroll.verticalScrollBar().isVisible()],
            **_problems(screen, window, available)}
        if png is not None:
            window.grab().save(str(png / f"{area.key}.png"))
    window.close()
    return result


def main() -> None:
    QCoreApplication.setOrganizationName("XiangyueProbe")
    QCoreApplication.setApplicationName("XiangyueProbe")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    db = Path(sys.argv[1])
    settings = Path(sys.argv[sys.argv.index("--settings") + 1]) if "--settings" in sys.argv else db.parent / "probe"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings))
    png = Path(sys.argv[sys.argv.index("--png") + 1]) if "--png" in sys.argv else None
    print(json.dumps(probe(db, png), ensure_ascii=False))


if __name__ == "__main__":
    main()
