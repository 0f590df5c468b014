"""Excel (.xlsx) as clerks and townships print it: a sheet titled for what it is, a bold frozen header row repeated on
every printed page, every cell text (ID numbers and 户号 0001 stay as typed, no cell a formula), columns as wide as their content, and a
page set up to fit the width of A4 (landscape when the columns are wide)."""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from models.core.spreadsheet_cells import neutralise
from storage.core.files import atomic_write

MIN_WIDTH, MAX_WIDTH = 6, 60
PORTRAIT_WIDTH = 95  # character units that fit across A4 portrait at the default 11 pt before shrinking hurts


def display_width(text: str) -> int:
    """Width in Excel character units: a Chinese character or full-width sign takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_widths(headers: list[str], rows: list[list[str]]) -> list[int]:
    widths = []
    for index, header in enumerate(headers):
        longest = max([display_width(header)] + [display_width(row[index]) for row in rows if index < len(row)])
        widths.append(max(MIN_WIDTH, min(MAX_WIDTH, longest + 2)))
    return widths


def sheet_name(title: str) -> str:
    """Excel refuses []:*?/\\ in a sheet name and cuts it at 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", "", title)[:31] or "Sheet1"


def write_sheet(path: Path, title: str, headers: list[str], rows: list[list[str]]) -> Path:
    """Write one sheet of text cells; `title` names the sheet and heads every printed page."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_name(title)
    sheet.append(headers)
    rows = [[neutralise(str(value)) for value in row] for row in rows]  # issue 16 item 5: no cell is a formula
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.data_type = "s"  # a string cell, even one that starts with "=" (openpyxl would make it a formula)
            cell.number_format = "@"  # text: Excel never turns 0001 into 1 or an ID number into 5.2E+17
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    widths = column_widths(headers, rows)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if sum(widths) > PORTRAIT_WIDTH else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddHeader.center.text = title
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    data = io.BytesIO()  # built in memory, then written in one go: a locked or missing target fails cleanly
    book.save(data)
    atomic_write(path, data.getvalue(), 0o600)  # ID numbers and phones: owner-only
    return path
