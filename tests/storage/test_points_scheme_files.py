"""A scheme table is read the same from .xlsx, .docx and .md (the columns of SCHEME_COLUMNS), and the shipped template
passes the item rules."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.errors import DomainError
from models.lists.entries import PeriodKind
from models.points.scheme import SCHEME_COLUMNS, SchemeSettings, check_items, items_from_rows, settings_from_lines
from storage.points.scheme_files import TEMPLATE_FILE, read_scheme_file, read_scheme_table

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


def test_the_period_and_deduction_share_come_from_lines_or_rows_written_with_the_table(tmp_path: Path) -> None:
    """计分周期 and 扣分占比上限: lines of a .md or .docx, rows above a workbook's table (or its 设置 sheet); the
    template writes the defaults, and a wrong value is refused naming the setting."""
    from openpyxl import load_workbook

    assert read_scheme_file(TEMPLATE_FILE)[1] == SchemeSettings(PeriodKind.MONTH, 30)
    md = tmp_path / "细则.md"
    md.write_text("# 细则\n\n计分周期：季度（每季度评一次）\n扣分占比上限：25%\n\n| " + " | ".join(SCHEME_COLUMNS)
                  + " |\n|---|---|---|---|---|---|---|\n| B01 | 人居环境 | 卫生日 | 5 | 10 | 签到表 | |\n",
                  encoding="utf-8")
    assert read_scheme_file(md)[1] == SchemeSettings(PeriodKind.QUARTER, 25)
    document = _docx(tmp_path / "细则.docx")
    import docx

    edited = docx.Document(str(document))
    edited.add_paragraph("计分周期：年")
    edited.save(str(document))
    rows, settings = read_scheme_file(document)
    assert len(rows) == 2 and settings == SchemeSettings(PeriodKind.YEAR, None)
    book_path = _xlsx(tmp_path / "细则.xlsx")
    book = load_workbook(book_path)
    book.worksheets[0].insert_rows(1, 2)
    book.worksheets[0]["A1"], book.worksheets[0]["B1"] = "计分周期", "季度"
    book.create_sheet("设置").append(["扣分占比上限", "40%"])
    book.save(book_path)
    rows, settings = read_scheme_file(book_path)
    assert [r["代码"] for r in rows] == ["B01", "B11"] and settings == SchemeSettings(PeriodKind.QUARTER, 40)
    md.write_text(md.read_text(encoding="utf-8").replace("季度（", "半年（"), encoding="utf-8")
    with pytest.raises(DomainError, match="计分周期应为 月、季度 或 年.*半年"):
        read_scheme_file(md)
    with pytest.raises(DomainError, match="扣分占比上限应为 1%–100%"):
        settings_from_lines(["扣分占比上限：120%"])


def test_a_damaged_file_is_refused_saying_what_to_do_and_a_gbk_markdown_file_reads(tmp_path: Path) -> None:
    """A non-zip .xlsx, a junk .docx and an undecodable .md are refused with advice, not a traceback; a .md saved
    as GBK/GB18030 by Chinese Windows reads as the same items as UTF-8."""
    bad_book = tmp_path / "bad.xlsx"
    bad_book.write_bytes(b"not a workbook at all")
    with pytest.raises(DomainError, match="重新保存"):
        read_scheme_file(bad_book)
    bad_document = tmp_path / "bad.docx"
    bad_document.write_bytes(b"PK\x03\x04 junk")
    with pytest.raises(DomainError, match="重新保存"):
        read_scheme_file(bad_document)
    table = "\n".join(["| " + " | ".join(row) + " |" for row in (SCHEME_COLUMNS, *ROWS)]) + "\n"
    gbk = tmp_path / "细则.md"
    gbk.write_bytes(table.encode("gb18030"))
    items = items_from_rows(read_scheme_table(gbk))
    assert [(i.code, i.name) for i in items] == [("B01", "参加全村卫生日义务劳动"), ("B11", "房前屋后乱堆乱放")]
    garbage = tmp_path / "乱码.md"
    garbage.write_bytes(b"| \xff\xff\xff | \x81\x20 |\n")
    with pytest.raises(DomainError, match="UTF-8"):
        read_scheme_file(garbage)
