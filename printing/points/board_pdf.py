"""积分榜 — the period's households ranked by confirmed points, for the display board (A4 or A3 portrait).

Names only where the lists area records a basis (R40, R31), otherwise the household code; the share of deductions
is printed and a warning when it exceeds the scheme's configured share (R38). Gathering and rendering together:
`board_job` reads through the points stores and returns the job 打印中心 and `print points-board` render.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from models.core.errors import DomainError
from models.core.notices import chinese_date
from models.lists.entries import Period, personal_numbers
from models.points.board import PointsBoard
from printing.core.catalogue import PrintJob
from printing.core.fingerprint import content_fingerprint
from printing.core.layout import table_page
from printing.core.tables import TableDocument, render_table_pdf, table_texts

HEADER = ("名次", "户", "加分", "扣分", "合计")


def board_document(board: PointsBoard, signer: str, on: date) -> TableDocument:
    rows = tuple((str(r.rank), r.who, f"+{r.plus}", str(r.minus) if r.minus else "0", str(r.total))
                 for r in board.rows)
    share = f"本期共 {board.entries} 条积分记录，其中扣分 {board.deductions} 条，占 {board.deduction_share}%。"
    before = (share, board.warning) if board.warning else (share,)
    after = ("未经本人或本户同意、也无法定依据的，只公布户号，不公布姓名。"
             "如有异议，请在公示之日起 5 日内向村务监督委员会反映；经核实有误的，以冲正记录更正。",
             signer, chinese_date(on))
    return TableDocument(f"{board.village}{board.period.text}积分榜", HEADER, rows, (1, 4, 1.4, 1.4, 1.4),
                         before, after, "积分榜", board.period.code)


def check_printable(document: TableDocument) -> None:
    """R30's last line: no ID card or phone number reaches the board."""
    if any(personal_numbers(text) for text in table_texts(document)):
        raise DomainError("积分榜中有文字含身份证号或手机号，已拒绝打印。")


def render_points_board_pdf(document: TableDocument, paper: str = "A4",
                            progress: Callable[[int], None] | None = None) -> bytes:
    check_printable(document)
    return render_table_pdf(document, table_page(paper, landscape=False), progress=progress)


def board_job(points: Any, village_signer: str, period: str, on: date, paper: str = "A4") -> PrintJob:
    """积分榜 of `period` as printed on `on` (points: models.points.ports.PointsStores)."""
    board = points.tally.board(Period.parse(period), on)
    if not board.rows:
        raise DomainError(f"{board.period.text}还没有已确认的积分记录，无法打印积分榜。")
    document = board_document(board, village_signer, on)
    fingerprint = content_fingerprint("points-board", table_texts(document), board.period.code)
    return PrintJob(document.title, fingerprint, lambda progress: render_points_board_pdf(document, paper, progress))
