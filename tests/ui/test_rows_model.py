"""RowsTableModel, the one read-only table: fetched or fed rows, roles per row and column, tips on or off."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ui.widgets.rows_model import ROW_ROLE, RowsTableModel

RED = QColor("#b00020")


@dataclass(frozen=True)
class Line:
    name: str
    late: bool


COLUMNS = (("姓名", lambda line: line.name), ("逾期", lambda line: "是" if line.late else None))


def test_fed_rows_with_a_colour_role_and_no_tips(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RowsTableModel(COLUMNS, roles={Qt.ItemDataRole.ForegroundRole: lambda r, c: RED if r.late else None},
                           tips=False)
    assert model.rowCount() == 0 and model.row_at(0) is None
    model.set_rows([Line("甲", False), Line("乙", True)])
    qtmodeltester.check(model)
    assert [model.index(1, c).data() for c in (0, 1)] == ["乙", "是"] and model.index(0, 1).data() == ""
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) == RED
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(1, 1).data(ROW_ROLE) == Line("乙", True) and model.rows()[0].name == "甲"


def test_fetched_rows_reload_and_tip_the_whole_cell(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    store = [Line("甲", False)]
    model = RowsTableModel(COLUMNS, lambda: store)
    qtmodeltester.check(model)
    store.append(Line("乙" * 40, True))
    assert model.rowCount() == 1
    model.reload()
    assert model.rowCount() == 2 and model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "乙" * 40
    assert model.headerData(1, Qt.Orientation.Horizontal) == "逾期" and model.headerData(2, Qt.Orientation.Horizontal) is None
