"""网格公示牌 (public, A4 portrait) and 网格联户表 (internal, A4 landscape, marked 内部资料 on every line of its head
and foot). The board prints the grid member's phone and no other; neither prints a care level's reason (R51)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from models.care.print_sources import GridBoard, GridSheet
from printing.core.fingerprint import content_fingerprint
from printing.core.layout import notice_page
from printing.core.tables import TableDocument, render_table_pdf, table_texts

INTERNAL = "内部资料 请勿张贴"
SHEET_HEADER = ("户号", "户主", "住址", "党员联户", "代表联户", "中心户长")
LINES = ("党员联户", "代表联户", "中心户长")


def _day(on: date) -> str:
    return f"{on.year}年{on.month}月{on.day}日"


def board_document(board: GridBoard, on: date) -> TableDocument:
    rows = (("网格", f"{board.grid}（{board.level}网格）"), ("上级", board.parent),
            ("网格员", board.member or "（未指定）"), ("网格员电话", board.member_phone or "（未登记）"),
            ("本网格户数", f"{board.households} 户"))
    return TableDocument(f"{board.village}{board.grid}公示牌", ("项目", "内容"), rows, (1.0, 2.6),
                         after=(f"有事请找网格员。{board.village}村民委员会　{_day(on)}",),
                         record="网格公示牌", version=on.isoformat())


def sheet_document(sheet: GridSheet, on: date) -> TableDocument:
    rows = tuple((h.household_no, h.head, h.address,
                  *("、".join(person for line, person in h.contacts if line == wanted) for wanted in LINES))
                 for h in sheet.households)
    return TableDocument(f"{sheet.village}{sheet.grid}联户表（{INTERNAL}）", SHEET_HEADER, rows,
                         (1.0, 1.4, 2.4, 1.6, 1.6, 1.6),
                         before=(INTERNAL + "：供网格员走访联系使用，不得张贴或外传。",
                                 f"网格员：{sheet.member or '（未指定）'}　共 {len(sheet.households)} 户　{_day(on)}"),
                         after=(INTERNAL,), record="网格联户表", version=on.isoformat())


def board_fingerprint(board: GridBoard, on: date) -> str:
    document = board_document(board, on)
    return content_fingerprint(f"table:{document.record}", table_texts(document), document.version)


def sheet_fingerprint(sheet: GridSheet, on: date) -> str:
    document = sheet_document(sheet, on)
    return content_fingerprint(f"table:{document.record}", table_texts(document), document.version)


def render_grid_board_pdf(board: GridBoard, on: date, progress: Callable[[int], None] | None = None) -> bytes:
    return render_table_pdf(board_document(board, on), notice_page(), progress=progress)


def render_grid_sheet_pdf(sheet: GridSheet, on: date, progress: Callable[[int], None] | None = None) -> bytes:
    return render_table_pdf(sheet_document(sheet, on), progress=progress)
