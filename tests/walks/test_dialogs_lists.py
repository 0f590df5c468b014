"""红黑榜 → 查看、撤回依据… and its 撤回同意…, through their buttons: the household typed in, 陆燕妹's own consent
picked in the table, the day and reason of her withdrawal registered; the table, the button and `lists consents`
then say it is withdrawn."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.walks.conftest import Walk
from tests.walks.driver import click, click_button, cli_json, expect_dialog, field, fill, replace_text
from tests.walks.steps import cell, click_row

HOUSEHOLD, PERSON = "0020", "陆燕妹"
REASON = "本人书面撤回，原件存村委会"


def test_a_consent_withdrawn_through_the_consents_dialog(qtbot, walk: Walk) -> None:
    screen = walk.open_area("红黑榜")
    (basis,) = [b for b in cli_json(walk.db_path, "lists", "consents")["consents"]
                if b["household"] == HOUSEHOLD and b["subject"] == PERSON]
    assert basis["withdrawn_on"] == ""
    day = max(date.fromisoformat(basis["recorded_on"]), date.today() - timedelta(days=1))
    shown: list[str] = []

    def consents(dialog: QWidget) -> None:
        replace_text(dialog.household_edit, HOUSEHOLD)
        qtbot.keyClick(dialog.household_edit, Qt.Key.Key_Return)  # editingFinished: the list narrows
        model = dialog.model
        assert {cell(model, r, "户号") for r in range(model.rowCount())} == {HOUSEHOLD}
        row = next(r for r in range(model.rowCount()) if cell(model, r, "对象") == PERSON)
        click_row(qtbot, dialog.view, row)
        with expect_dialog(qtbot, _withdraw(qtbot, day)):
            click(qtbot, dialog.withdraw_button)
        row = next(r for r in range(model.rowCount()) if cell(model, r, "对象") == PERSON)
        click_row(qtbot, dialog.view, row)
        shown.append(cell(model, row, "状态"))
        assert not dialog.withdraw_button.isEnabled()  # withdrawn once; a new consent is a new record
        click_button(qtbot, dialog, "关闭")

    with expect_dialog(qtbot, consents):
        click_button(qtbot, screen, "查看、撤回依据")
    assert "撤回" in shown[0]
    (after,) = [b for b in cli_json(walk.db_path, "lists", "consents")["consents"] if b["id"] == basis["id"]]
    assert (after["withdrawn_on"], after["withdrawn_reason"]) == (day.isoformat(), REASON)


def _withdraw(qtbot: Any, day: date) -> Any:
    def handle(dialog: QWidget) -> None:
        assert PERSON in field(dialog, "对象").text()  # whose consent is withdrawn, said before it is
        fill(qtbot, field(dialog, "撤回日期"), day)
        fill(qtbot, field(dialog, "撤回原因"), REASON)
        click_button(qtbot, dialog, "登记撤回")
    return handle
