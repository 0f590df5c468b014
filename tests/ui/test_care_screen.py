"""The care screen on a small village: a red rating for a household without a contact person is refused with the
store's words (nothing written), accepted once a contact is set through the 联户人 form, and undone by 撤销."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.care.care import ReasonClass
from models.registry.households import CareLevel
from storage.core.backend import build_stores
from tests.helpers import type_text
from tests.registry_fixtures import make_family
from ui.care.screen import CareScreen
from ui.core.bus import DataBus

LEFT = Qt.MouseButton.LeftButton


def test_red_without_contact_refused_then_saved_and_undone(qtbot: Any, village_db: Any, admin: Any,
                                                          monkeypatch: Any) -> None:
    stores = build_stores(village_db, admin)
    household, head, _ = make_family(stores)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    screen = CareScreen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.select_household(household.id)
    assert screen.forms_tabs.isEnabled()
    form = screen.level_form
    form.level_combo.set_current_value(CareLevel.RED)
    form.reason_combo.set_current_value(ReasonClass.SERIOUS_ILLNESS)
    qtbot.mouseClick(form.save_button, LEFT)
    assert warnings and "联户人" in warnings[0]
    assert stores.care_levels.current_levels() == []
    screen.forms_tabs.setCurrentWidget(screen.contact_form)
    type_text(screen.contact_form.villager_edit, head.name)
    qtbot.mouseClick(screen.contact_form.save_button, LEFT)
    assert "吴建华" in screen.detail_label.text()
    qtbot.mouseClick(form.save_button, LEFT)
    assert len(warnings) == 1
    assert [r.level for r in stores.care_levels.current_levels()] == [CareLevel.RED]
    assert "连心户" in screen.detail_label.text()
    assert ReasonClass.SERIOUS_ILLNESS.value not in screen.detail_label.text()  # R51: not on the screen's lists
    screen.undo_stack.undo()
    assert stores.care_levels.current_levels() == []
    assert stores.households.get_household(household.id).care_level is CareLevel.GREEN


def test_grid_settings_name_the_member_and_undo(qtbot: Any, village_db: Any, admin: Any) -> None:
    from models.core.ids import new_id
    from models.registry.households import Grid

    stores = build_stores(village_db, admin)
    household, head, _ = make_family(stores)
    stores.groups.save_grid(Grid(new_id(), household.group_id, "一网格"))
    screen = CareScreen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.lists_tabs.setCurrentIndex(1)
    screen.grids_view.selectRow(0)
    assert screen.grid_settings.isEnabled()
    type_text(screen.grid_settings.member_edit, head.name)
    qtbot.mouseClick(screen.grid_settings.save_button, LEFT)
    assert stores.groups.list_grids()[0].member_id == head.id
    assert screen.grids_model.rows()[0].member == head.name
    screen.undo_stack.undo()
    assert stores.groups.list_grids()[0].member_id is None
