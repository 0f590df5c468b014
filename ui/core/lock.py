"""Locking the session: cover every window, ask the same user's password, then restore."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from models.core.ports import Backend


class LockCover(QWidget):
    """An opaque window over the whole screen, so nothing behind it (an open dialog, an ID number) shows."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet("background: #2b2f33; color: white; font-size: 20pt;")
        label = QLabel(self.tr("乡约已锁定\n请输入密码解锁"), alignment=Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)

    def cover_screen(self) -> None:
        self.setGeometry(QApplication.primaryScreen().geometry())
        self.show()
        self.raise_()


def lock_session(backend: Backend, username: str) -> bool:
    """Hide every window behind a cover until `username`'s password is given; False when the clerk quits.

    Windows that are not running a modal loop are hidden too (hiding a modal dialog would end its
    loop and lose what was typed); the cover keeps the modal ones out of sight.
    """
    from ui.core.login import LoginDialog

    modal = QApplication.activeModalWidget()
    hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not modal and not w.isModal()]
    for window in hidden:
        window.hide()
    cover = LockCover()
    cover.cover_screen()
    try:
        unlocked = LoginDialog.unlock(backend, username, cover)
    finally:
        cover.close()
    if unlocked:
        for window in hidden:
            window.show()
    return unlocked
