"""The red/yellow/black board poster (红黄黑榜) of a period: A3 landscape, three columns, B&W-safe headings.

Only what the board may show (R30–R31): the display name decided by `models.lists.boards` (name plus group at most,
unnamed black lists as group counts), the facts, and the article in short form. A last check refuses any text that
carries an ID card or mobile number.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import zip_longest

from reportlab.lib.colors import CMYKColor, black, white
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, LongTable, Spacer, TableStyle

from models.lists.boards import Board, BoardLine
from models.core.errors import DomainError
from models.lists.entries import ListKind, personal_numbers
from models.core.notices import chinese_date
from printing.core import fonts as fonts
from printing.core.blocks import paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, PageSpec, poster_page, render
from printing.core.styles import TextStyles, poster_styles

# Heading bands: red and dark grey carry white type, yellow carries black type, so all three read on a
# black-and-white printer (red prints mid-dark grey, yellow very light grey); the words 红榜/黄榜/黑榜 say it too.
BANDS = {
    ListKind.RED: (CMYKColor(0, 0.95, 0.95, 0.1), white),
    ListKind.YELLOW: (CMYKColor(0, 0.12, 0.95, 0), black),
    ListKind.BLACK: (CMYKColor(0, 0, 0, 0.8), white),
}
HEADINGS = {ListKind.RED: "红榜（表扬）", ListKind.YELLOW: "黄榜（提醒）", ListKind.BLACK: "黑榜（曝光）"}


@dataclass(frozen=True)
class BoardDocument:
    """榜单海报 — the board of one period, who issues it and when."""

    village: str
    board: Board
    signer: str
    printed_on: date

    @property
    def title(self) -> str:
        return f"{self.village}{self.board.period.text}红黄黑榜"


def _line_texts(line: BoardLine) -> list[str]:
    return [line.who, line.what, f"依据：{line.citation}" if line.citation else ""]


def printed_texts(document: BoardDocument) -> list[str]:
    texts = [document.title, *(HEADINGS[k] for k in ListKind)]
    for kind in ListKind:
        texts += [t for line in document.board.lines(kind) for t in _line_texts(line)]
    return texts + [intro_text(), document.signer, chinese_date(document.printed_on)]


def intro_text() -> str:
    return ("以下榜单依据现行《村规民约》，经提名、执委会评议、村务监督委员会审核并公示期满后发布。"
            "黑榜按村民小组统计，不公开个人信息；整改到位即撤榜。如有异议，请向村务监督委员会反映。")


def board_fingerprint(document: BoardDocument) -> str:
    return content_fingerprint("board", printed_texts(document), ",".join(document.board.entry_ids))


def check_printable(document: BoardDocument) -> None:
    """R30 last line of defence: no ID card or phone number ever reaches the board."""
    found = [t for t in printed_texts(document) if personal_numbers(t)]
    if found:
        raise DomainError("榜单中有文字含身份证号或手机号，已拒绝打印。请先修改该条目的事实描述。")


def _styles(base: TextStyles) -> dict[str, ParagraphStyle]:
    hei = fonts.role_font("heading1")
    return {
        "who": ParagraphStyle("who", parent=base.table_cell, fontName=hei, fontSize=22, leading=30),
        "what": ParagraphStyle("what", parent=base.table_cell, fontSize=18, leading=26),
        "cite": ParagraphStyle("cite", parent=base.table_cell, fontSize=14, leading=20),
        "empty": ParagraphStyle("empty", parent=base.table_cell, fontSize=15, leading=21, alignment=TA_CENTER),
        **{kind.value: ParagraphStyle(kind.value, parent=base.table_header, fontName=hei, fontSize=26, leading=34,
                                      textColor=BANDS[kind][1]) for kind in ListKind},
    }


def _cell(line: BoardLine | None, styles: dict[str, ParagraphStyle]) -> list[Flowable] | str:
    if line is None:
        return ""
    cell: list[Flowable] = [paragraph(line.who, styles["who"], "榜单"), paragraph(line.what, styles["what"], "榜单")]
    if line.citation:
        cell.append(paragraph(f"依据：{line.citation}", styles["cite"], "榜单"))
    return cell


def board_table(board: Board, width: float, base: TextStyles) -> LongTable:
    styles = _styles(base)
    header = [paragraph(HEADINGS[kind], styles[kind.value], "榜头") for kind in ListKind]
    columns = [board.lines(kind) or (None,) for kind in ListKind]
    rows = [[_cell(line, styles) for line in row] for row in zip_longest(*columns)]
    for index, kind in enumerate(ListKind):
        if not board.lines(kind):
            rows[0][index] = [paragraph("本期无", styles["empty"], "榜单")]
    table = LongTable([header, *rows], colWidths=[width / 3] * 3, repeatRows=1)
    commands = [("GRID", (0, 0), (-1, -1), 0.8, black), ("BOX", (0, 0), (-1, -1), 1.6, black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8)]
    commands += [("BACKGROUND", (i, 0), (i, 0), BANDS[kind][0]) for i, kind in enumerate(ListKind)]
    table.setStyle(TableStyle(commands))
    return table


def build_story(document: BoardDocument, spec: PageSpec) -> list[Flowable]:
    check_printable(document)
    base = poster_styles()
    small = ParagraphStyle("intro", parent=base.table_cell, fontSize=16, leading=24)
    sign = ParagraphStyle("sign", parent=base.signature, fontSize=18, leading=26, alignment=2)
    return [title(document.title, base, spec.text_width, "榜单标题"), paragraph(intro_text(), small, "榜单说明"),
            Spacer(1, 10), board_table(document.board, spec.text_width, base), Spacer(1, 18),
            paragraph(document.signer, sign, "落款"), paragraph(chinese_date(document.printed_on), sign, "落款")]


def board_page() -> PageSpec:
    return poster_page("A3", landscape=True)


def render_board_pdf(document: BoardDocument, qr: bool = False,
                     progress: Callable[[int], None] | None = None) -> bytes:
    """The board poster as PDF bytes (A3 landscape)."""
    spec = board_page()
    fingerprint = board_fingerprint(document)
    meta = DocumentMeta(document.title, fingerprint, qr_payload(fingerprint, document.title) if qr else None)
    return render(build_story(document, spec), spec, meta, progress)
