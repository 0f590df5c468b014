"""What the registry screen's buttons do: open a dialog, then push an undoable command (or import/export)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from models.core.errors import DomainError
from models.core.ids import new_id
from models.registry.households import Grid, Household, RoleHolding, VillageGroup, Villager, VillagerStatus
from models.registry.roster_import import ImportSummary
from ui.registry.commands import (RetireCommand, SaveCommand, SaveGridCommand, SaveGroupCommand,
                                  SaveHouseholdCommand, SaveRoleCommand, SaveVillagerCommand)
from ui.registry.dialogs import HouseholdDialog, RoleDialog, StatusDialog, VillagerDialog
from ui.registry.import_dialog import ImportDialog, choose_roster_file
from ui.registry.panels import SCOPE_ROLE
from ui.widgets.store_command import push_command

if TYPE_CHECKING:
    from ui.registry.screen import RegistryScreen


class RegistryActions:
    """Slots of the registry screen's buttons, kept apart so the screen stays about layout and filtering."""

    def __init__(self, screen: RegistryScreen) -> None:
        self.screen = screen
        for button, slot in (
            (screen.add_group_button, self._on_add_group_button_clicked),
            (screen.add_grid_button, self._on_add_grid_button_clicked),
            (screen.add_household_button, self._on_add_household_button_clicked),
            (screen.edit_household_button, self._on_edit_household_button_clicked),
            (screen.move_household_button, self._on_move_household_button_clicked),
            (screen.add_member_button, self._on_add_member_button_clicked),
            (screen.edit_member_button, self._on_edit_member_button_clicked),
            (screen.deceased_button, lambda: self._mark(VillagerStatus.DECEASED)),
            (screen.moved_out_button, lambda: self._mark(VillagerStatus.MOVED_OUT)),
            (screen.add_role_button, self._on_add_role_button_clicked),
            (screen.end_role_button, self._on_end_role_button_clicked),
            (screen.edit_role_button, self._on_edit_role_button_clicked),
            (screen.rename_scope_button, self._on_rename_scope_button_clicked),
            (screen.retire_scope_button, self._on_retire_scope_button_clicked),
            (screen.grid_leader_button, self._on_grid_leader_button_clicked),
            (screen.import_button, self._on_import_button_clicked),
            (screen.export_button, self._on_export_button_clicked),
        ):
            button.clicked.connect(slot)

    def push(self, command: SaveCommand | RetireCommand) -> bool:
        """Push (and so write) a command; a refused write is shown and leaves nothing on the stack."""
        error = push_command(self.screen.undo_stack, command)
        if error is not None:
            QMessageBox.warning(self.screen, "无法保存", error.message)
            return False
        return True

    # ---- groups, grids, households ----------------------------------------------------------
    def _on_add_group_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self.screen, "新建村民小组", "组名：", text=f"第{len(self.screen.groups) + 1}组")
        if ok and name.strip():
            group = VillageGroup(new_id(), name.strip(), len(self.screen.groups) + 1)
            self.push(SaveGroupCommand(self.screen.stores.groups, self.screen.bus, f"新建{group.name}", None, group))

    def _on_add_grid_button_clicked(self) -> None:
        scope = self._scope()
        group_id = scope[1] if scope[0] == "group" else None
        if group_id is None:
            QMessageBox.information(self.screen, "新建网格", "请先在左侧选中一个村民小组，再新建网格。")
            return
        name, ok = QInputDialog.getText(self.screen, "新建网格", "网格名称：")
        if ok and name.strip():
            grid = Grid(new_id(), group_id, name.strip())
            self.push(SaveGridCommand(self.screen.stores.groups, self.screen.bus, f"新建网格“{grid.name}”", None, grid))

    def _on_rename_scope_button_clicked(self) -> None:
        kind, before = self._scope_record()
        if before is None:
            QMessageBox.information(self.screen, "改名", "请先在左侧选中一个村民小组或网格。")
            return
        name, ok = QInputDialog.getText(self.screen, "改名", "新名称：", text=before.name)
        if ok and name.strip() and name.strip() != before.name:
            after = replace(before, name=name.strip())
            text = f"将“{before.name}”改名为“{after.name}”"
            store, bus = self.screen.stores.groups, self.screen.bus
            self.push(SaveGroupCommand(store, bus, text, before, after) if kind == "group"
                      else SaveGridCommand(store, bus, text, before, after))

    def _on_retire_scope_button_clicked(self) -> None:
        kind, before = self._scope_record()
        if before is None:
            QMessageBox.information(self.screen, "撤销组/网格", "请先在左侧选中一个村民小组或网格。")
            return
        groups = self.screen.stores.groups
        retire, save = ((groups.retire_group, groups.save_group) if kind == "group"
                        else (groups.retire_grid, groups.save_grid))
        self.push(RetireCommand(self.screen.bus, f"撤销“{before.name}”", before, retire, save))

    def _scope_record(self) -> tuple[str, VillageGroup | Grid | None]:
        kind, uid = self._scope()
        records = self.screen.groups if kind == "group" else self.screen.grids if kind == "grid" else []
        return kind, next((r for r in records if r.id == uid), None)

    def _on_add_household_button_clicked(self) -> None:
        numbers = self.screen.stores.households.household_numbers()
        scope = self._scope()
        group_id = scope[1] if scope[0] == "group" else (self.screen.groups[0].id if self.screen.groups else "")
        draft = Household(new_id(), _next_number(numbers), group_id)
        # Written while the dialog is open, so a failed write keeps what was typed.
        HouseholdDialog.ask(self.screen, draft, self.screen.groups, self.screen.grids, save=lambda household: self.push(
            SaveHouseholdCommand(self.screen.stores.households, self.screen.bus, f"新建户 {household.household_no}", None,
                                 household)))

    def _on_edit_household_button_clicked(self) -> None:
        self._edit_household(move_only=False)

    def _on_move_household_button_clicked(self) -> None:
        self._edit_household(move_only=True)

    def _edit_household(self, move_only: bool) -> None:
        summary = self.screen.current_household()
        if summary is None:
            return
        before = summary.household
        verb = "迁移" if move_only else "修改"
        HouseholdDialog.ask(self.screen, before, self.screen.groups, self.screen.grids, move_only,
                            save=lambda after: after == before or self.push(SaveHouseholdCommand(
                                self.screen.stores.households, self.screen.bus, f"{verb}户 {before.household_no}",
                                before, after)))

    # ---- villagers --------------------------------------------------------------------------
    def _on_add_member_button_clicked(self) -> None:
        summary = self.screen.current_household()
        if summary is None:
            return
        draft = Villager(new_id(), summary.household.id, "", position=self.screen.members_model.rowCount())
        VillagerDialog.ask(self.screen, draft, True, save=lambda villager: self.push(
            SaveVillagerCommand(self.screen.stores.villagers, self.screen.bus, f"添加“{villager.name}”", None,
                                villager)))

    def _on_edit_member_button_clicked(self) -> None:
        before = self.screen.current_villager()
        if before is None:
            return
        villagers = self.screen.stores.villagers
        VillagerDialog.ask(self.screen, before, villagers.can_view_id_numbers, save=lambda after: after == before
                           or self.push(SaveVillagerCommand(villagers, self.screen.bus, f"修改“{before.name}”",
                                                            before, after)))

    def _mark(self, status: VillagerStatus) -> None:
        before = self.screen.current_villager()
        if before is None or before.status is status:
            return
        after = StatusDialog.ask(self.screen, before, status)
        if after is not None:
            self.push(SaveVillagerCommand(self.screen.stores.villagers, self.screen.bus,
                                          f"将“{before.name}”标记为{status.label}", before, after))

    def _on_add_role_button_clicked(self) -> None:
        villager = self.screen.current_villager()
        if villager is None:
            return
        holding = RoleDialog.ask(self.screen, RoleHolding(new_id(), villager.id, ""))
        if holding is not None:
            self.push(SaveRoleCommand(self.screen.stores.villagers, self.screen.bus,
                                      f"为“{villager.name}”添加身份{holding.label}", None, holding))

    def _on_end_role_button_clicked(self) -> None:
        """End a current role on a date the clerk chooses (today unless changed)."""
        villager = self.screen.current_villager()
        if villager is None:
            return
        current = [h for h in self.screen.stores.villagers.roles_of(villager.id) if h.current_on(date.today())]
        before = self._choose_role(villager, current, "结束身份", "结束哪一项身份：")
        if before is None:
            return
        after = RoleDialog.ask(self.screen, replace(before, end_date=date.today()), "结束身份")
        if after is not None and after != before:
            self.push(SaveRoleCommand(self.screen.stores.villagers, self.screen.bus,
                                      f"结束“{villager.name}”的身份{before.label}", before, after))

    def _on_edit_role_button_clicked(self) -> None:
        """Correct a role's start or end date (ended roles included)."""
        villager = self.screen.current_villager()
        if villager is None:
            return
        before = self._choose_role(villager, self.screen.stores.villagers.roles_of(villager.id), "修改身份日期",
                                   "修改哪一项身份：")
        if before is None:
            return
        after = RoleDialog.ask(self.screen, before, "修改身份日期")
        if after is not None and after != before:
            self.push(SaveRoleCommand(self.screen.stores.villagers, self.screen.bus,
                                      f"修改“{villager.name}”的身份{before.label}", before, after))

    def _choose_role(self, villager: Villager, holdings: list[RoleHolding], title: str,
                     prompt: str) -> RoleHolding | None:
        if not holdings:
            QMessageBox.information(self.screen, title, f"“{villager.name}”目前没有身份。")
            return None
        if len(holdings) == 1:
            return holdings[0]
        labels = [_holding_text(h) for h in holdings]
        chosen, ok = QInputDialog.getItem(self.screen, title, prompt, labels, 0, False)
        return holdings[labels.index(chosen)] if ok and chosen in labels else None

    def _on_grid_leader_button_clicked(self) -> None:
        villager, summary = self.screen.current_villager(), self.screen.current_household()
        if villager is None or summary is None:
            return
        grid = next((g for g in self.screen.grids if g.id == summary.household.grid_id), None)
        if grid is None:
            QMessageBox.information(self.screen, "设为网格长", "这一户还没有分网格。请先用“迁移到其他组/网格”选定网格。")
            return
        if grid.leader_id != villager.id:
            self.push(SaveGridCommand(self.screen.stores.groups, self.screen.bus,
                                      f"设“{villager.name}”为{grid.name}网格长", grid,
                                      replace(grid, leader_id=villager.id)))

    # ---- import and export (not undoable: they clear the undo stack) --------------------------
    def _on_import_button_clicked(self) -> None:
        path = choose_roster_file(self.screen)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        try:
            summary = ImportDialog.ask(self.screen, self.screen.stores.roster, path,
                                       self.screen.stores.villagers.can_view_id_numbers)
        except DomainError as error:
            QMessageBox.warning(self.screen, "无法导入", error.message)
            return
        if summary is None:
            return
        self.screen.undo_stack.clear()
        self.screen.bus.changed.emit(summary.changed)
        text = (f"导入完成：{summary.households} 户 {summary.people} 人，新建 {summary.created} 人，"
                f"更新 {summary.updated} 人。") + changes_text(summary)
        if summary.rejected and self._ask_save_rejects(text, len({r.row for r in summary.rejected})):
            target, _ = QFileDialog.getSaveFileName(self.screen, "保存被拒的行", str(path.with_name(
                path.stem + "_被拒的行.csv")), "CSV (*.csv)")
            if target:
                self.screen.stores.roster.write_rejects(path, summary.rejected, Path(target))
        elif not summary.rejected:
            QMessageBox.information(self.screen, "导入完成", text)

    def _ask_save_rejects(self, text: str, count: int) -> bool:
        answer = QMessageBox.question(self.screen, "导入完成", f"{text}\n有 {count} 行未导入。要把这些行另存为 CSV，"
                                      "改正后再导入吗？")
        return answer == QMessageBox.StandardButton.Yes

    def _on_export_button_clicked(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self.screen, "导出花名册", "花名册.xlsx", "Excel (*.xlsx);;CSV (*.csv)")
        if not target or (Path(target).suffix.lower() == ".csv" and not self._csv_anyway()):
            return
        try:
            count = self.screen.stores.roster.export_roster(Path(target))
        except DomainError as error:
            QMessageBox.warning(self.screen, "无法导出", error.message)
            return
        QMessageBox.information(self.screen, "导出完成", f"已导出 {count} 人到 {target}。")

    def _csv_anyway(self) -> bool:
        """Excel opening a CSV turns 身份证号 into 5.22631E+17 and 户号 0001 into 1: say so before writing one."""
        answer = QMessageBox.question(
            self.screen, self.screen.tr("导出为 CSV"),
            self.screen.tr("用 Excel 直接打开 CSV 文件时，身份证号会变成“5.22631E+17”，户号 0001 会变成 1，改坏后无法恢复。"
                           "建议导出为 .xlsx。仍然导出 CSV 吗？"))
        return answer == QMessageBox.StandardButton.Yes

    def _scope(self) -> tuple[str, str]:
        item = self.screen.group_tree.currentItem()
        return item.data(0, SCOPE_ROLE) if item else ("all", "")


def changes_text(summary: ImportSummary, shown: int = 15) -> str:
    """Who the import updated and which columns, the first `shown` of them (the CLI lists all)."""
    if not summary.changes:
        return ""
    lines = [change.describe() for change in summary.changes[:shown]]
    if len(summary.changes) > shown:
        lines.append(f"……另有 {len(summary.changes) - shown} 人")
    return "\n更新的人：\n" + "\n".join(lines)


def _next_number(numbers: list[str]) -> str:
    digits = [int(n) for n in numbers if n.isdigit()]
    width = max((len(n) for n in numbers if n.isdigit()), default=4)
    return f"{max(digits, default=0) + 1:0{width}d}"


def _holding_text(holding: RoleHolding) -> str:
    start = holding.start_date.isoformat() if holding.start_date else "?"
    end = holding.end_date.isoformat() if holding.end_date else "至今"
    return f"{holding.label}（{start} — {end}）"
