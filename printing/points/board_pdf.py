"""积分榜 — the period's households ranked by confirmed points, for the display board (A4 or A3 portrait).

Names only where the lists area records a basis (R40, R31), otherwise the household code; the share of deductions
is printed and a warning when it exceeds the scheme's configured share (R38), and the publication's objection window
(R37). `board_job` builds from the data models/points/print_sources.py gathers.
"""
from __future__ import annotations

from collections.abc import Callable

from models.core.errors import DomainError
from models.core.notices import chinese_date
from models.lists.entries import personal_numbers
from models.points.print_sources import BoardSource
from printing.core.catalogue import PrintJob
from printing.core.layout import table_page
from printing.core.tables import TableDocument, render_table_pdf, table_fingerprint, table_texts

HEADER = ("名次", "户", "加分", "扣分", "合计")


def _objection_line(source: BoardSource) -> str:
    """R37: the window of the period's publication (at least five days); without one, the default five days."""
    publication = source.publication
    if publication is None:
        return "如有异议，请在公示之日起 5 日内向村务监督委员会反映；经核实有误的，以冲正记录更正。"
    return (f"公示期：{chinese_date(publication.published_on)}至{chinese_date(publication.closes_on)}。"
            "如有异议，请在公示期内向村务监督委员会反映；经核实有误的，以冲正记录更正。公示期满无异议后，本期积分方可兑换。")


def board_document(source: BoardSource) -> TableDocument:
    board = source.board
    rows = tuple((str(r.rank), r.who, f"+{r.plus}", str(r.minus) if r.minus else "0", str(r.total))
                 for r in board.rows)
    share = f"本期共 {board.entries} 条积分记录，其中扣分 {board.deductions} 条，占 {board.deduction_share}%。"
    before = (share, board.warning) if board.warning else (share,)
    after = ("未经本人或本户同意、也无法定依据的，只公布户号，不公布姓名。" + _objection_line(source),
             source.signer, chinese_date(source.on))
    return TableDocument(f"{board.village}{board.period.text}积分榜", HEADER, rows, (1, 4, 1.4, 1.4, 1.4),
                         before, after, "积分榜", board.period.code)


def check_printable(document: TableDocument) -> None:
    """R30's last line: no ID card or phone number reaches the board."""
    if any(personal_numbers(text) for text in table_texts(document)):
        raise DomainError("积分榜中有文字含身份证号或手机号，已拒绝打印。")


def render_points_board_pdf(document: TableDocument, paper: str = "A4",
                            progress: Callable[[int], None] | None = None, qr: bool = False) -> bytes:
    """`qr`: the 校验码's QR code in the footer too, as on the other boards."""
    check_printable(document)
    return render_table_pdf(document, table_page(paper, landscape=False), qr, progress)


def board_job(source: BoardSource, paper: str = "A4", qr: bool = False) -> PrintJob:
    """积分榜 of the source's period as printed on its day; registered under the 校验码 the page carries."""
    document = board_document(source)
    return PrintJob(document.title, table_fingerprint(document),
                    lambda progress: render_points_board_pdf(document, paper, progress, qr))
