"""An unexpected error while a household is saved keeps the dialog open with what the clerk typed."""
from __future__ import annotations

from storage.core.driver import sqlite as sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from models.core.ids import new_id
from models.registry.households import VillageGroup
from tests.helpers import type_text
from tests.ui.modal import answer_next_box
from tests.ui.test_registry_screen import screen, store  # noqa: F401  (fixtures)
from ui.registry.dialogs import HouseholdDialog

ADDRESS = "青石村三组十二号"


def test_a_failed_write_keeps_the_household_dialog_and_its_typing(qtbot, screen, store, monkeypatch) -> None:  # noqa: F811
    store.groups.save_group(VillageGroup(new_id(), "第一组", 1))
    screen.reload()
    real_save = store.households.save_household
    failures = [sqlite3.OperationalError("disk I/O error")]

    def failing_save(household):  # type: ignore[no-untyped-def]
        if failures:
            raise failures.pop()
        return real_save(household)
    monkeypatch.setattr(store.households, "save_household", failing_save)
    seen: dict[str, object] = {}

    def fill_and_confirm() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, HouseholdDialog):
            QTimer.singleShot(10, fill_and_confirm)
            return
        type_text(dialog.address_edit, ADDRESS)
        seen["error"] = answer_next_box("返回")
        QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        seen["open"], seen["typed"] = dialog.isVisible(), dialog.address_edit.text()
        seen["retry"] = answer_next_box("OK")  # nothing opens: the second 确定 writes
        QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        seen["retry"].timer.stop()  # type: ignore[attr-defined]
        seen["closed"] = not dialog.isVisible()
    QTimer.singleShot(10, fill_and_confirm)
    qtbot.mouseClick(screen.add_household_button, Qt.MouseButton.LeftButton)
    assert seen["error"].opened and "重试" in seen["error"].buttons  # type: ignore[attr-defined]
    assert seen["open"] is True and seen["typed"] == ADDRESS
    assert seen["closed"] is True
    assert [s.household.address for s in store.households.list_households()] == [ADDRESS]
    assert screen.undo_stack.count() == 1
