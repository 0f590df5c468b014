"""红黑榜 screen: 查看、撤回依据… lists the bases; 撤回同意… asks once, is not undoable, and the board drops the name."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QMessageBox

from models.lists.entries import ListKind
from storage.core.backend import SqliteBackend
from tests.helpers import type_text
from tests.list_fixtures import APPROVER, CLERK, naming, seed_registry, store
from tests.storage.test_list_consent_per_person import ON
from tests.storage.test_list_store import nominate, walk_to_publicity
from ui.core.bus import DataBus
from ui.lists.consents import ConsentsDialog, WithdrawConsentDialog
from ui.lists.screen import ListsScreen


def _published(backend: SqliteBackend) -> str:
    seed_registry(backend.db)
    entry_id = nominate(backend.db, ListKind.RED, article="第8条")
    walk_to_publicity(backend.db, entry_id)
    store(backend.db, APPROVER).advance(entry_id, on=ON)
    clerk = naming(backend.db, CLERK)
    clerk.record_naming_basis("12", "consent", "户主杨老三书面同意", on=date(2025, 3, 1))
    clerk.record_naming_basis("12", "statutory", "法定依据（演示）", on=date(2025, 3, 1), lists=(ListKind.BLACK,))
    return entry_id


def test_withdraw_a_consent_from_the_screen(qtbot, qtmodeltester, monkeypatch, backend: SqliteBackend,
                                            stores) -> None:
    entry_id = _published(backend)
    bus = DataBus()
    screen = ListsScreen(stores, bus, today=lambda: ON)
    qtbot.addWidget(screen)
    screen.period = "2025-03"
    screen.reload()
    screen.select_entry(entry_id)
    assert [line.who for line in screen.board_models[ListKind.RED]._rows] == ["三组 杨老三"]
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: (_ for _ in ()).throw(AssertionError(text)))
    seen: dict[str, object] = {}

    def withdraw_reason(self: WithdrawConsentDialog) -> QDialog.DialogCode:
        seen["range"] = (self.date_edit.minimumDate().toString("yyyy-MM-dd"),
                         self.date_edit.maximumDate().toString("yyyy-MM-dd"))
        type_text(self.reason_edit, "户主书面撤回同意")
        return QDialog.DialogCode.Accepted

    def walk(self: ConsentsDialog) -> QDialog.DialogCode:
        qtmodeltester.check(self.model)
        seen["household"] = self.household_edit.text()
        assert [self.model.row_at(i).basis.kind for i in range(self.model.rowCount())] == ["consent", "statutory"]
        self.view.selectRow(1)
        assert not self.withdraw_button.isEnabled() and "法定依据" in self.withdraw_button.toolTip()
        self.view.selectRow(0)
        assert self.withdraw_button.isEnabled()
        monkeypatch.setattr(WithdrawConsentDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
        qtbot.mouseClick(self.withdraw_button, Qt.MouseButton.LeftButton)  # cancelled: nothing written
        assert naming(backend.db, CLERK).naming_bases()[0].revoked_on is None
        monkeypatch.setattr(WithdrawConsentDialog, "exec", withdraw_reason)
        with qtbot.waitSignal(bus.changed):
            qtbot.mouseClick(self.withdraw_button, Qt.MouseButton.LeftButton)
        seen["status"] = self.model.row_at(0).status
        seen["enabled"] = self.withdraw_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConsentsDialog, "exec", walk)
    screen.undo_stack.push(QUndoCommand("提名"))  # an earlier undoable step: cleared by the withdrawal
    qtbot.mouseClick(screen.consents_button, Qt.MouseButton.LeftButton)
    assert seen == {"household": "12", "range": ("2025-03-01", ON.isoformat()),
                    "status": f"{ON.isoformat()} 撤回：户主书面撤回同意", "enabled": False}
    withdrawn = naming(backend.db, CLERK).naming_bases()[0]
    assert (withdrawn.revoked_on, withdrawn.revoked_reason) == (ON, "户主书面撤回同意")
    assert not screen.undo_stack.canUndo()  # the person's legal act is not undone from the screen
    assert [line.who for line in screen.board_models[ListKind.RED]._rows] == ["三组第12号户"]

