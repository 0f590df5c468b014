"""Answering the real modal boxes a test's click opens: click one of its buttons by its visible Chinese text."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox


@dataclass
class SeenBox:
    """What the answered box said (title, text, its buttons' texts), filled in when it opened."""

    title: str = ""
    text: str = ""
    buttons: list[str] = field(default_factory=list)

    @property
    def opened(self) -> bool:
        return bool(self.buttons)


def answer_next_box(button_text: str, then: str | None = None) -> SeenBox:
    """Before a click: when the modal box opens, note what it says and click `button_text`.

    Qt's own buttons are matched without their "&" (OK, Yes, No). `then` answers a second box that the first answer opens (e.g. a warning after 保存), by its button text.
    """
    seen = SeenBox()
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            return
        timer.stop()
        buttons = [b for b in box.findChildren(QAbstractButton) if b.isVisible()]
        seen.title, seen.buttons = box.windowTitle(), [b.text() for b in buttons]
        seen.text = box.text() if isinstance(box, QMessageBox) else ""
        if then is not None:
            seen.then = answer_next_box(then)  # type: ignore[attr-defined]
        wanted = [b for b in buttons if b.text().replace("&", "") == button_text]  # "&Yes" is Yes
        if not wanted:
            box.close()  # never leave a test hanging in a box it cannot answer; `seen.buttons` tells why
            return
        QTest.mouseClick(wanted[0], Qt.MouseButton.LeftButton)

    timer.timeout.connect(poll)
    timer.start()
    seen.timer = timer  # type: ignore[attr-defined]  # kept alive as long as the test holds `seen`
    return seen

