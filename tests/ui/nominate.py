"""Submitting the lists screen's 提名上榜 dialog with given values through its real 确定 (which writes while open)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from ui.lists.dialogs import NominationDialog, NominationInput


def submit_nomination(monkeypatch: pytest.MonkeyPatch, value: NominationInput) -> list[str]:
    """Each NominationDialog the screen opens reads `value` and is accepted (确定); a refusal stays in the open
    dialog, as the clerk sees it, and is collected here (the clerk then cancels)."""
    shown: list[str] = []

    def exec_(dialog: NominationDialog) -> QDialog.DialogCode:
        dialog.accept()
        if dialog.result() == QDialog.DialogCode.Accepted:
            return QDialog.DialogCode.Accepted
        shown.append(dialog.error_label.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(NominationDialog, "value", lambda _dialog: value)
    monkeypatch.setattr(NominationDialog, "exec", exec_)
    return shown
