"""Dialogs sized for a large screen (比较版本 1100×700, the roster import 900×600) are cut to a small one."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from ui.widgets.screen_fit import FRAME_ALLOWANCE, resize_within_screen


def test_a_dialog_larger_than_the_screen_is_cut_to_it(qtbot) -> None:
    available = QApplication.primaryScreen().availableGeometry().size()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    resize_within_screen(dialog, available.width() + 300, available.height() + 200)
    assert dialog.width() <= available.width() - FRAME_ALLOWANCE.width()
    assert dialog.height() <= available.height() - FRAME_ALLOWANCE.height()
    resize_within_screen(dialog, 300, 200)  # one that fits keeps its size
    assert (dialog.width(), dialog.height()) == (300, 200)
