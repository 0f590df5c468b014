"""Every .xlsx we write: a titled sheet, a frozen bold header repeated on printed pages, text cells (0001 and ID
numbers kept), columns as wide as their content, fit to the width of A4; the roster and the lists use it."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from storage.core.sheets import column_widths, display_width, sheet_name, write_sheet
from tests.helpers import run_json
from tests.office import needs_office, office_pdf

ID = "522631195808150021"


def test_sheet_layout_text_cells_and_page_setup(tmp_path: Path) -> None:
    headers = ["户号", "姓名", "身份证号", "出生日期", "联系电话", "政治面貌", "住址"]
    rows = [["0001", "王秀英", ID, "1958-08-15", "13800000000", "中共党员", "青石村一组"]]
    path = write_sheet(tmp_path / "r.xlsx", "花名册", headers, rows)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "花名册" and sheet.freeze_panes == "A2" and sheet.print_title_rows in ("1:1", "$1:$1")
    assert [(c.value, c.data_type, c.number_format) for c in sheet[2]][:3] == [
        ("0001", "s", "@"), ("王秀英", "s", "@"), (ID, "s", "@")]
    assert sheet["A1"].font.bold
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFG"]
    assert widths[2] >= len(ID) + 2 and widths[3] >= len("1958-08-15") + 2 and widths[1] >= display_width("王秀英")
    setup = sheet.page_setup
    assert str(setup.paperSize) == sheet.PAPERSIZE_A4 and setup.fitToWidth == 1 and setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.orientation in ("portrait", "landscape")
    assert sheet.oddHeader.center.text == "花名册"


def test_widths_names_and_orientation_rules(tmp_path: Path) -> None:
    assert display_width("村民a") == 5 and sheet_name("红黄黑榜[2026]/一") == "红黄黑榜2026一"
    assert column_widths(["名"], [["x" * 200]]) == [60]
    wide = write_sheet(tmp_path / "w.xlsx", "宽表", [f"列{i}" for i in range(12)], [["内容很长的一格文字"] * 12])
    assert openpyxl.load_workbook(wide).active.page_setup.orientation == "landscape"


def test_roster_export_is_laid_out(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "roster.xlsx"
    code, _ = run_json(demo_path, "roster", "export", str(out))
    assert code == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title == "花名册" and sheet.freeze_panes == "A2"
    assert all(cell.data_type == "s" for row in sheet.iter_rows(min_row=2, max_row=5) for cell in row if cell.value)
    assert sheet.page_setup.fitToWidth == 1


def test_lists_and_ranking_export(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "lists.xlsx"
    code, made = run_json(demo_path, "lists", "export", "--out", str(out))
    assert code == 0 and made["rows"] >= 1
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]][:4] == ["户号", "村民小组", "上榜对象", "榜别"] and sheet.freeze_panes == "A2"
    ranked = tmp_path / "rank.xlsx"
    code, made = run_json(demo_path, "lists", "export", "--ranking", "--period", "2026", "--out", str(ranked))
    assert code == 0
    assert [c.value for c in openpyxl.load_workbook(ranked).active[1]] == ["名次", "户号", "村民小组", "参加次数",
                                                                          "服务时长（小时）"]


@needs_office
def test_an_office_suite_prints_the_roster_on_a4_without_cutting_a_cell(tmp_path: Path) -> None:
    """Printed by LibreOffice: A4, every column on the page, no cell text cut (every ID number, birth date, phone and
    政治面貌 whole), the header repeated; a wide sheet is set landscape and still fits the width."""
    from tests.printing import pdfcheck

    headers = ["户号", "姓名", "身份证号", "出生日期", "联系电话", "政治面貌"]
    rows = [[f"{n:04d}", "王秀英", f"{ID[:-4]}{n:04d}", f"1958-08-{n % 28 + 1:02d}", f"138{n:08d}",
             "中国共产党党员" if n % 2 else "群众"] for n in range(1, 200)]
    data = office_pdf(write_sheet(tmp_path / "roster.xlsx", "花名册", headers, rows))
    assert set(pdfcheck.page_sizes_mm(data)) == {(210, 297)} and len(pdfcheck.reader(data).pages) <= 10
    pdfcheck.assert_text_inside_pages(data)
    text = pdfcheck.text_of(data)
    assert all(cell in text for row in rows for cell in row[2:5]) and "中国共产党党员" in text and "政治面貌" in text

    wide_headers = [f"第{n}项说明" for n in range(1, 13)]
    wide = [[f"内容很长的一格文字{row}-{n}" for n in range(1, 13)] for row in range(1, 30)]
    data = office_pdf(write_sheet(tmp_path / "wide.xlsx", "宽表", wide_headers, wide))
    assert set(pdfcheck.page_sizes_mm(data)) == {(297, 210)}
    pdfcheck.assert_text_inside_pages(data)
    text = pdfcheck.text_of(data)
    assert all(cell in text for row in wide for cell in row)


def test_signature_tally_export_names_every_household_and_counts_each_group(demo_path: Path,
                                                                           tmp_path: Path) -> None:
    """`rules signatures export`, named like `lists export`: one text row per household with living members, by
    group and 户号 (0001 kept), 已签/未签 with date and sheet, then each group's count and the village's."""
    from datetime import date

    from models.core.accounts import COMMAND_LINE_ACTOR
    from storage.core.backend import build_stores
    from storage.core.installation import open_database
    from tests.templates import copy_installation

    path = tmp_path / "village.sqlite3"
    copy_installation(demo_path, path)
    stores = build_stores(open_database(path), COMMAND_LINE_ACTOR)
    rulebook = stores.rules.list_rulebooks()[0]
    households = [h for h in stores.households.list_households() if h.members > 0]
    signed = sorted(households, key=lambda h: (h.group_name, h.household.household_no))[0]
    stores.workflow.signatures.mark_signed(rulebook.id, signed.household.id, date(2026, 6, 1), "第1页")
    out = tmp_path / "签字.xlsx"
    code, made = run_json(path, "rules", "signatures", "export", rulebook.id, "--out", str(out))
    groups = {h.group_name for h in households}
    assert code == 0 and made == {"file": str(out), "rows": len(households) + len(groups) + 1}
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title.endswith("户主签字统计") and sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["村民小组", "户号", "户主", "签字", "签字日期", "签字表"]
    assert [c.value for c in sheet[2]] == [signed.group_name, signed.household.household_no, signed.head_name,
                                           "已签", "2026-06-01", "第1页"]
    assert all(c.data_type == "s" for row in sheet.iter_rows(min_row=2) for c in row if c.value)
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[0] == "合计" and last[3] == f"已签 1 / {len(households)} 户"
