"""红黑榜 nomination dialog: naming one villager, found by name or pinyin in the registry, instead of the household."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.core.accounts import COMMAND_LINE_ACTOR
from models.lists.entries import ListKind
from storage.core.backend import SqliteBackend
from storage.core.backend import build_stores
from tests.helpers import type_text
from tests.list_fixtures import CLERK, naming, seed_registry, store
from tests.ui.nominate import submit_nomination
from ui.core.bus import DataBus
from ui.lists.dialogs import NominationDialog, NominationInput
from ui.lists.screen import ListsScreen


def test_search_picks_a_villager_and_fills_the_household(qtbot, backend: SqliteBackend) -> None:
    seed_registry(backend.db)
    registry = build_stores(backend.db, COMMAND_LINE_ACTOR).registry
    dialog = NominationDialog("2025-03", "吴晓梅", [], search=lambda text: registry.search(text, 50))
    qtbot.addWidget(dialog)
    assert dialog.value().villager_id == ""
    type_text(dialog.person_search_edit, "吴秀")
    assert dialog.person_combo.count() == 2 and dialog.person_combo.currentText() == "吴秀珍（第15户）"
    assert (dialog.household_edit.text(), dialog.value().villager_id) == ("15", "p-3")
    dialog.person_search_edit.clear()
    qtbot.keyClicks(dialog.person_search_edit, "yls")  # pinyin initials of 杨老三
    assert dialog.person_combo.currentText() == "杨老三（第12户）" and dialog.value().household_no == "12"
    dialog.person_combo.setCurrentIndex(0)  # back to the household
    assert dialog.value().villager_id == ""


def test_screen_nominates_the_villager_and_refuses_a_minor(qtbot, monkeypatch, backend: SqliteBackend,
                                                           stores) -> None:
    seed_registry(backend.db)
    screen = ListsScreen(stores, DataBus(), today=lambda: date(2025, 3, 3))
    qtbot.addWidget(screen)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    base = NominationInput("12", ListKind.YELLOW, "2025-03", "第十二条", "3月2日在村道旁堆放建筑垃圾", "网格员龙德军", "")
    shown = submit_nomination(monkeypatch, replace(base, villager_id="p-2"))
    qtbot.mouseClick(screen.nominate_button, Qt.MouseButton.LeftButton)
    assert shown and "未成年人" in shown[0] and store(backend.db, CLERK).entries("2025-03") == []
    submit_nomination(monkeypatch, replace(base, villager_id="p-1"))
    qtbot.mouseClick(screen.nominate_button, Qt.MouseButton.LeftButton)
    (entry,) = store(backend.db, CLERK).entries("2025-03")
    assert (entry.villager_id, entry.subject_name) == ("p-1", "杨老三")
    assert "第12户杨老三（个人）" in screen.detail_label.text()


def test_consent_dialog_records_one_villager_basis(qtbot, monkeypatch, backend: SqliteBackend, stores) -> None:
    from PySide6.QtWidgets import QDialog

    from ui.lists.dialogs import ConsentDialog

    seed_registry(backend.db)
    dialog = ConsentDialog("12", "杨老三")
    qtbot.addWidget(dialog)
    assert dialog.villager_edit.text() == "杨老三" and not dialog.all_members_check.isChecked()
    screen = ListsScreen(stores, DataBus(), today=lambda: date(2025, 3, 3))
    qtbot.addWidget(screen)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    base = NominationInput("12", ListKind.RED, "2025-03", "第八条", "照顾孤寡老人", "网格员龙德军", "", villager_id="p-1")
    submit_nomination(monkeypatch, base)
    qtbot.mouseClick(screen.nominate_button, Qt.MouseButton.LeftButton)
    (entry,) = store(backend.db, CLERK).entries("2025-03")
    screen.select_entry(entry.id)
    asked: list[tuple[str, ...]] = []

    def fake_exec(self: ConsentDialog) -> QDialog.DialogCode:
        asked.append((self.household_edit.text(), self.villager_edit.text()))
        type_text(self.note_edit, "杨老三本人书面同意")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConsentDialog, "exec", fake_exec)
    qtbot.mouseClick(screen.consent_button, Qt.MouseButton.LeftButton)
    assert asked == [("12", "杨老三")] and not warnings
    (basis,) = naming(backend.db, CLERK).naming_bases()
    assert (basis.villager_id, basis.all_members, basis.note) == ("p-1", False, "杨老三本人书面同意")

    def ticked(self: ConsentDialog) -> QDialog.DialogCode:
        self.all_members_check.setChecked(True)
        return fake_exec(self)

    monkeypatch.setattr(ConsentDialog, "exec", ticked)
    qtbot.mouseClick(screen.consent_button, Qt.MouseButton.LeftButton)
    assert warnings and "涵盖全体成员" in warnings[0] and len(naming(backend.db, CLERK).naming_bases()) == 1
