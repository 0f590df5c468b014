"""The dialogs of 户籍花名册 that the walks do not open, each through its button on the real screen: 新建户 and
迁移到其他组/网格 (户信息), 标记迁出 (its date), and 导入花名册 (the preview, then 导入); `roster export` and the
registry read back what they wrote."""
from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from models.registry.households import CareLevel, VillagerStatus
from tests.walks.conftest import Walk
from tests.walks.driver import answer, choose, cli_json, click_button, expect_dialog, field, fill, replace_text, save_as

WANTED, HOUSEHOLD_NO = "王平光", "0008"
ROSTER = ("户号,组别,姓名,与户主关系,性别,出生日期,民族\n"
          "0099,第2组,杨秀兰,户主,女,1968-03-02,侗族\n"
          "0099,第2组,吴金贵,配偶,男,1966-11-20,侗族\n"
          "0099,第2组,吴小军,子,男,1990-13-40,侗族\n")


def test_household_status_and_roster_import_through_their_buttons(qtbot, walk: Walk, tmp_path: Path) -> None:
    screen = walk.open_area("户籍花名册")
    _new_household(qtbot, walk, screen)
    _move_household(qtbot, walk, screen, tmp_path)
    _mark_moved_out(qtbot, walk, screen, tmp_path)
    _import_roster(qtbot, walk, screen, tmp_path)


def _exported(walk: Walk, tmp_path: Path) -> list[dict[str, str]]:
    target = tmp_path / "roster.csv"
    cli_json(walk.db_path, "roster", "export", str(target))
    with target.open(encoding="utf-8-sig") as stream:
        return list(csv.DictReader(stream))


def _new_household(qtbot: Any, walk: Walk, screen: Any) -> None:
    numbers: list[str] = []

    def handle(dialog: QWidget) -> None:
        numbers.append(field(dialog, "户号").text())  # the next free number, proposed
        choose(qtbot, field(dialog, "村民小组"), "第3组")
        choose(qtbot, field(dialog, "网格"), "第3组第1网格")
        fill(qtbot, field(dialog, "地址"), "第3组老寨坎上5号")
        fill(qtbot, field(dialog, "联系电话"), "13985012345")
        care = field(dialog, "关怀等级")  # shown, decided in 网格关怀 (R51–R52): no control to bypass its rules
        assert isinstance(care, QLabel) and "网格关怀" in care.text()
        fill(qtbot, field(dialog, "备注"), "新分户")
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, handle):
        click_button(qtbot, screen, "新建户")
    made = next(s.household for s in walk.stores.households.list_households() if s.household.household_no == numbers[0])
    groups = {g.id: g.name for g in walk.stores.groups.list_groups()}
    grids = {g.id: g.name for g in walk.stores.groups.list_grids()}
    assert (groups[made.group_id], grids[made.grid_id or ""]) == ("第3组", "第3组第1网格")
    assert (made.address, made.phone, made.care_level, made.notes) == \
        ("第3组老寨坎上5号", "13985012345", CareLevel.GREEN, "新分户")


def _move_household(qtbot: Any, walk: Walk, screen: Any, tmp_path: Path) -> None:
    replace_text(screen.search_edit, WANTED)
    assert screen.current_household().household.household_no == HOUSEHOLD_NO
    old_group = [r["组别"] for r in _exported(walk, tmp_path) if r["户号"] == HOUSEHOLD_NO]
    target = "第1组" if old_group[0] != "第1组" else "第2组"

    def handle(dialog: QWidget) -> None:
        assert dialog.windowTitle() == "迁移到其他组/网格" and not field(dialog, "地址").isEnabled()
        choose(qtbot, field(dialog, "村民小组"), target)
        choose(qtbot, field(dialog, "网格"), f"{target}第1网格")
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, handle):
        click_button(qtbot, screen, "迁移到其他组/网格")
    moved = [r["组别"] for r in _exported(walk, tmp_path) if r["户号"] == HOUSEHOLD_NO]
    assert moved == [target] * len(old_group)


def _mark_moved_out(qtbot: Any, walk: Walk, screen: Any, tmp_path: Path) -> None:
    villager = screen.current_villager()
    assert villager.name == WANTED
    day = date.today() - timedelta(days=5)

    def handle(dialog: QWidget) -> None:
        assert dialog.windowTitle() == "标记已迁出"
        fill(qtbot, field(dialog, "日期"), date.today() + timedelta(days=1))
        click_button(qtbot, dialog, "确定")
        assert dialog.isVisible() and "晚于今天" in dialog.error_label.text()  # refused inside the dialog
        fill(qtbot, field(dialog, "日期"), day)
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, handle):
        click_button(qtbot, screen, "标记迁出")
    stored = walk.stores.villagers.get_villager(villager.id)
    assert (stored.status, stored.status_date) == (VillagerStatus.MOVED_OUT, day)
    assert WANTED not in {r["姓名"] for r in _exported(walk, tmp_path)}  # the export lists people still here


def _import_roster(qtbot: Any, walk: Walk, screen: Any, tmp_path: Path) -> None:
    source = tmp_path / "新花名册.csv"
    source.write_text(ROSTER, encoding="utf-8")
    seen: list[str] = []

    def preview(dialog: QWidget) -> None:
        assert "可导入 1 户 2 人" in dialog.counts_label.text() and "有问题 1 行" in dialog.counts_label.text()
        assert dialog.problems_table.item(0, 1).text() == "出生日期"
        click_button(qtbot, dialog, "导入")

    with expect_dialog(qtbot, save_as(qtbot, source), preview, answer(qtbot, "否", seen)):
        click_button(qtbot, screen, "导入花名册")
    assert "新建 2 人" in seen[0] and "有 1 行未导入" in seen[0]
    imported = sorted(r["姓名"] for r in _exported(walk, tmp_path) if r["户号"] == "0099")
    assert imported == ["吴金贵", "杨秀兰"]
    replace_text(screen.search_edit, "0099")
    assert screen.households_model.rowCount() == 1 and screen.members_model.rowCount() == 2  # shown at once
