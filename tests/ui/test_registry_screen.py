"""Registry screen walk: import preview → import → search → edit → undo; models, masking, marking, filters."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from models.core.accounts import Actor, Role
from models.registry.households import VillagerStatus
from storage.core.db import Database
from storage.core.backend import SqliteStores, build_stores
from tests.helpers import type_text
from tests.registry_fixtures import SAMPLE, sample_rows, write_csv
from ui.core.bus import DataBus
from ui.registry import dialogs
from ui.registry.import_dialog import ImportDialog
from ui.registry.screen import RegistryScreen


@pytest.fixture
def store(village_db: Database, admin: Actor) -> SqliteStores:
    return build_stores(village_db, admin)


@pytest.fixture
def screen(qtbot, store: SqliteStores) -> RegistryScreen:  # type: ignore[no-untyped-def]
    widget = RegistryScreen(store, DataBus())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_walk_import_preview_search_edit_undo(qtbot, screen: RegistryScreen, store: SqliteStores,  # type: ignore[no-untyped-def]
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = sample_rows()
    rows[5][5] = "522631199508110108"  # a wrong check digit: shown in the preview, not imported
    path = write_csv(tmp_path / "花名册.csv", rows, "gbk")
    seen: dict[str, object] = {}

    def run_dialog(dialog: ImportDialog) -> int:
        seen["counts"] = dialog.counts_label.text()
        seen["problem"] = dialog.problems_table.item(0, 2).text()
        seen["first"] = dialog.rows_table.item(0, 2).text()
        assert store.households.list_households() == []  # nothing written before 导入
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", run_dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    screen.actions.import_file(path)
    assert "138 人" in str(seen["counts"]) and "校验位" in str(seen["problem"]) and seen["first"] == "李兰建"
    assert screen.households_model.rowCount() == 40

    type_text(screen.search_edit, "黄秀珍")
    assert screen.households_model.rowCount() == 1
    assert screen.current_villager() is not None and screen.current_villager().name == "黄秀珍"  # type: ignore[union-attr]
    screen.search_edit.clear()
    qtbot.keyClicks(screen.search_edit, "lijun")
    assert [s.head_name for s in screen.households_model.rows()] == ["李兰建"]

    before = screen.current_villager()
    assert before is not None and before.name == "李军"
    monkeypatch.setattr(dialogs.VillagerDialog, "ask",
                        classmethod(lambda cls, parent, v, can, save: save(replace(v, away=True, away_place="广东东莞"))))
    qtbot.mouseClick(screen.edit_member_button, Qt.MouseButton.LeftButton)
    assert store.villagers.get_villager(before.id).away_place == "广东东莞"
    assert screen.detail.value_labels["外出"].text() == "是（广东东莞）"

    screen.members_view.setFocus()
    qtbot.keyClick(screen.members_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.villagers.get_villager(before.id) == before
    assert screen.detail.value_labels["外出"].text() == "否"


def test_models_pass_the_model_tester(qtmodeltester, screen: RegistryScreen, store: SqliteStores) -> None:  # type: ignore[no-untyped-def]
    store.roster.import_roster(SAMPLE)
    screen.reload()
    qtmodeltester.check(screen.households_model)
    qtmodeltester.check(screen.members_model)


def test_ids_are_masked_without_permission(qtbot, village_db: Database, store: SqliteStores) -> None:  # type: ignore[no-untyped-def]
    store.roster.import_roster(SAMPLE)
    supervisor = build_stores(village_db, Actor("s", "石秀英", Role.SUPERVISOR))
    widget = RegistryScreen(supervisor, DataBus())
    qtbot.addWidget(widget)
    shown = widget.members_model.index(0, 4).data()
    assert shown == "522631********0033" and widget.detail.value_labels["身份证号"].text() == shown
    assert not widget.export_button.isEnabled()
    preview = ImportDialog(widget, supervisor.roster, SAMPLE, supervisor.villagers.can_view_id_numbers)
    assert preview.rows_table.item(0, 5).text() == shown
    assert preview.rows_table.verticalHeaderItem(0).text() == "2"  # spreadsheet row numbers


def test_mark_deceased_filters_and_tree(qtbot, screen: RegistryScreen, store: SqliteStores,  # type: ignore[no-untyped-def]
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store.roster.import_roster(SAMPLE)
    screen.reload()
    screen.group_tree.setCurrentItem(screen.group_tree.topLevelItem(0).child(1))  # 第2组
    assert {s.group_name for s in screen.households_model.rows()} == {"第2组"}
    monkeypatch.setattr(QDialog, "exec", lambda self: (self.date_edit.setDate(self.date_edit.date().addDays(-3)),
                                                       self._on_buttons_accepted(), self.result())[-1])
    person = screen.current_villager()
    qtbot.mouseClick(screen.deceased_button, Qt.MouseButton.LeftButton)
    assert store.villagers.get_villager(person.id).status is VillagerStatus.DECEASED  # type: ignore[union-attr]
    screen.undo_action.trigger()
    assert store.villagers.get_villager(person.id).status is VillagerStatus.ACTIVE  # type: ignore[union-attr]
    screen.care_combo.setCurrentIndex(2)  # 关心户: none in the sample
    assert screen.households_model.rowCount() == 0


def test_refused_edit_shows_the_reason_and_leaves_no_undo_step(qtbot, screen: RegistryScreen,  # type: ignore[no-untyped-def]
                                                              store: SqliteStores,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store.roster.import_roster(SAMPLE)
    screen.reload()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(dialogs.VillagerDialog, "ask", classmethod(
        lambda cls, parent, v, can, save: save(replace(v, id_number=sample_rows()[2][5], birth_date=None,
                                                       gender=None))))  # 确定 calls the screen's save
    qtbot.mouseClick(screen.edit_member_button, Qt.MouseButton.LeftButton)
    assert warnings and "已登记" in warnings[0] and screen.undo_stack.count() == 0


def test_villager_dialog_checks_before_accepting(qtbot, store: SqliteStores) -> None:  # type: ignore[no-untyped-def]
    store.roster.import_roster(SAMPLE)
    person = store.villagers.get_villager(store.registry.search("李兰建")[0].villager_id or "")
    dialog = dialogs.VillagerDialog(None, person, True)
    qtbot.addWidget(dialog)
    dialog.birth_edit.setText("1975-01-04")
    dialog._on_buttons_accepted()
    assert "不一致" in dialog.error_label.text() and dialog.result_value is None
    dialog.birth_edit.setText("")
    type_text(dialog.phone_edit, "")
    dialog._on_buttons_accepted()
    assert dialog.result_value is not None, dialog.error_label.text()


def test_roles_end_tags_filter_and_grid_leader(qtbot, screen: RegistryScreen, store: SqliteStores,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date


    from models.core.ids import new_id
    from models.registry.households import Grid, RoleCode, RoleHolding

    store.roster.import_roster(SAMPLE)
    screen.reload()
    person = screen.current_villager()
    assert person is not None
    monkeypatch.setattr(dialogs.RoleDialog, "ask", classmethod(
        lambda cls, parent, h, title="添加身份": RoleHolding(h.id, h.villager_id, "tag:致富带头人",
                                                             start_date=date(2024, 1, 1))))
    qtbot.mouseClick(screen.add_role_button, Qt.MouseButton.LeftButton)
    assert "致富带头人" in screen.detail.value_labels["身份"].text()
    screen.role_combo.set_current_value("tag:致富带头人")
    assert screen.households_model.rowCount() == 1

    offered: list[RoleHolding] = []
    monkeypatch.setattr(dialogs.RoleDialog, "ask", classmethod(  # the clerk changes the offered end date
        lambda cls, parent, h, title="": offered.append(h) or replace(h, end_date=date(2025, 6, 30))))
    qtbot.mouseClick(screen.end_role_button, Qt.MouseButton.LeftButton)
    assert offered[0].end_date == date.today()
    assert store.villagers.roles_of(person.id)[0].end_date == date(2025, 6, 30)
    assert store.registry.people_with_role("tag:致富带头人", date(2025, 7, 1)) == []
    assert [v.id for v in store.registry.people_with_role("tag:致富带头人", date(2025, 6, 1))] == [person.id]
    screen.undo_action.trigger()
    assert store.villagers.roles_of(person.id)[0].end_date is None

    household = store.households.get_household(person.household_id)
    grid = Grid(new_id(), household.group_id, "第1组第1网格")
    store.groups.save_grid(grid)
    store.households.save_household(replace(household, grid_id=grid.id))
    screen.reload()
    screen.select_household(household.id, person.id)
    qtbot.mouseClick(screen.grid_leader_button, Qt.MouseButton.LeftButton)
    assert [v.id for v in store.registry.people_with_role(RoleCode.GRID_LEADER, date.today())] == [person.id]


def test_edit_role_dates_through_the_dialog_and_undo(qtbot, screen: RegistryScreen,  # type: ignore[no-untyped-def]
                                                     store: SqliteStores,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from models.core.ids import new_id
    from models.registry.households import RoleCode, RoleHolding

    store.roster.import_roster(SAMPLE)
    screen.reload()
    person = screen.current_villager()
    assert person is not None
    store.villagers.save_role(RoleHolding(new_id(), person.id, RoleCode.REPRESENTATIVE, start_date=date(2021, 1, 1),
                                end_date=date(2023, 12, 31)))

    def fill(dialog: QDialog) -> int:
        assert dialog.start_edit.text() == "2021-01-01" and dialog.end_edit.text() == "2023-12-31"
        dialog.start_edit.setText("2020-03-15")
        dialog.end_edit.setText("")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(dialogs.RoleDialog, "exec", fill)
    qtbot.mouseClick(screen.edit_role_button, Qt.MouseButton.LeftButton)
    holding = store.villagers.roles_of(person.id)[0]
    assert (holding.start_date, holding.end_date) == (date(2020, 3, 15), None)
    assert [v.id for v in store.registry.people_with_role(RoleCode.REPRESENTATIVE, date.today())] == [person.id]
    screen.undo_action.trigger()
    holding = store.villagers.roles_of(person.id)[0]
    assert (holding.start_date, holding.end_date) == (date(2021, 1, 1), date(2023, 12, 31))


def test_role_dialog_refuses_bad_dates(qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from models.registry.households import RoleCode, RoleHolding

    dialog = dialogs.RoleDialog(None, RoleHolding("r", "v", RoleCode.ELDER, start_date=date(2020, 1, 1)), "修改身份日期")
    qtbot.addWidget(dialog)
    for end, problem in (("2019-12-31", "不能早于"), ((date.today() + timedelta(days=1)).isoformat(), "不能晚于今天"),
                         ("去年", "无法识别")):
        dialog.end_edit.setText(end)
        dialog.buttons.accepted.emit()
        assert dialog.result_value is None and problem in dialog.error_label.text()


def test_rename_and_retire_group_and_grid_with_undo(qtbot, screen: RegistryScreen,  # type: ignore[no-untyped-def]
                                                    store: SqliteStores,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from models.core.ids import new_id
    from models.registry.households import Grid, VillageGroup

    store.roster.import_roster(SAMPLE)
    empty, used = VillageGroup(new_id(), "上寨组", 50), store.groups.list_groups()[0]
    store.groups.save_group(empty)
    grid = Grid(new_id(), used.id, "第1网格")
    store.groups.save_grid(grid)
    screen.reload()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))

    _select_scope(screen, ("group", empty.id))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("下寨组", True))
    qtbot.mouseClick(screen.rename_scope_button, Qt.MouseButton.LeftButton)
    assert [g.name for g in store.groups.list_groups() if g.id == empty.id] == ["下寨组"]
    screen.undo_action.trigger()
    assert [g.name for g in store.groups.list_groups() if g.id == empty.id] == ["上寨组"]

    _select_scope(screen, ("group", empty.id))
    qtbot.mouseClick(screen.retire_scope_button, Qt.MouseButton.LeftButton)
    assert empty.id not in {g.id for g in store.groups.list_groups()} and not warnings
    screen.undo_action.trigger()
    assert empty.id in {g.id for g in store.groups.list_groups()}

    _select_scope(screen, ("group", used.id))  # still holds households and a grid: refused, no undo step
    steps = screen.undo_stack.index()
    qtbot.mouseClick(screen.retire_scope_button, Qt.MouseButton.LeftButton)
    assert "还有" in warnings[-1] and used.id in {g.id for g in store.groups.list_groups()}
    assert screen.undo_stack.index() == steps

    _select_scope(screen, ("grid", grid.id))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("老寨网格", True))
    qtbot.mouseClick(screen.rename_scope_button, Qt.MouseButton.LeftButton)
    assert [g.name for g in store.groups.list_grids()] == ["老寨网格"]
    _select_scope(screen, ("grid", grid.id))
    qtbot.mouseClick(screen.retire_scope_button, Qt.MouseButton.LeftButton)
    assert store.groups.list_grids() == []
    screen.undo_action.trigger()
    assert [g.name for g in store.groups.list_grids()] == ["老寨网格"]


def _select_scope(screen: RegistryScreen, scope: tuple[str, str]) -> None:
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    from ui.registry.panels import SCOPE_ROLE

    iterator = QTreeWidgetItemIterator(screen.group_tree)
    while iterator.value():
        if tuple(iterator.value().data(0, SCOPE_ROLE)) == scope:
            screen.group_tree.setCurrentItem(iterator.value())
            return
        iterator += 1
    raise AssertionError(f"{scope} not in the tree")


def test_import_message_names_who_changed(store: SqliteStores, tmp_path: Path) -> None:
    from ui.registry.actions import changes_text

    store.roster.import_roster(SAMPLE)
    assert changes_text(store.roster.import_roster(SAMPLE)) == ""
    rows = sample_rows()
    for row in rows[1:18]:
        row[9] = "群众" if row[9] != "群众" else "共青团员"
    text = changes_text(store.roster.import_roster(write_csv(tmp_path / "fixed.csv", rows)))
    assert "第 2 行 户号 0001 李兰建：政治面貌" in text and "……另有 2 人" in text


def test_csv_export_warns_that_excel_mangles_id_numbers(qtbot, screen: RegistryScreen, store: SqliteStores,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: dialog.import_button.click() or dialog.result())
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    screen.actions.import_file(write_csv(tmp_path / "花名册.csv", sample_rows(), "gbk"))
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(parent, title, text, *rest):  # type: ignore[no-untyped-def]
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), "CSV (*.csv)"))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "5.22631E+17" in asked[0] and not target.exists()  # 否: nothing written
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "out.xlsx"), "Excel (*.xlsx)"))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and (tmp_path / "out.xlsx").exists()  # no warning for .xlsx
