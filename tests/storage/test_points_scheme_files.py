"""A scheme table is read the same from .xlsx, .docx and .md (the columns of SCHEME_COLUMNS), and the shipped template
passes the item rules."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.errors import DomainError
from models.points.scheme import SCHEME_COLUMNS, check_items, items_from_rows
from storage.points.scheme_files import TEMPLATE_FILE, read_scheme_table

ROWS = [("B01", "人居环境", "参加全村卫生日义务劳动", "5", "10", "签到表", ""),
        ("B11", "人居环境", "房前屋后乱堆乱放", "-3", "", "检查照片", "第十条")]


def _xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (SCHEME_COLUMNS, *ROWS):
        sheet.append(list(row))
    book.save(path)
    return path


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=len(SCHEME_COLUMNS))
    for row in (SCHEME_COLUMNS, *ROWS):
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    document.save(str(path))
    return path


@pytest.mark.parametrize("make", [_xlsx, _docx])
def test_xlsx_and_docx_tables_read_as_the_same_items(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path / f"细则{make.__name__.replace('_', '.')}")
    items = items_from_rows(read_scheme_table(path))
    assert [(i.code, i.points, i.cap, i.clause) for i in items] == [("B01", 5, 10, ""), ("B11", -3, None, "第十条")]


def test_the_template_ships_lawful_items_and_other_files_are_refused(tmp_path: Path) -> None:
    items = items_from_rows(read_scheme_table(TEMPLATE_FILE))
    check_items(items)
    assert len(items) == 9 and all(i.clause for i in items if i.is_deduction)
    other = tmp_path / "细则.pdf"
    other.write_bytes(b"%PDF-1.4")
    with pytest.raises(DomainError, match=r"\.xlsx、\.docx 或 \.md"):
        read_scheme_table(other)
