"""十星级文明户公示栏 (A4 landscape table) and the household's 星级牌 with its certificate (two A4 landscape pages).

Public products: who is written as `models.stars.stars.board_name` decided it (a name only with a basis)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from models.core.notices import chinese_date
from models.lists.honours import HonourCertificate
from models.stars.print_sources import StarPlaque, StarsBoard, StarsPublicity
from printing.core.catalogue import PrintJob
from printing.core.fingerprint import content_fingerprint
from printing.core.layout import DocumentMeta, PageSpec, render
from printing.core.tables import TableDocument, render_table_pdf, table_texts
from printing.lists.certificate_pdf import build_story as certificate_story
from printing.lists.certificate_pdf import certificate_page


def board_document(board: StarsBoard, today: date) -> TableDocument:
    rows = tuple((str(n), line.who, f"{line.count} 星", "、".join(line.stars))
                 for n, line in enumerate(board.lines, 1))
    return TableDocument(
        f"{board.village}{board.year}年度十星级文明户", ("序号", "户", "星数", "所得星"), rows or (("", "本年度暂无", "", ""),),
        (1.0, 4.0, 1.4, 10.0),
        before=(f"星目：{'、'.join(board.star_names)}。以下各户经村民（代表）会议或评议会评定。",),
        after=("未经本户同意不公开姓名，以村民小组和户号表示。如有异议，请向村务监督委员会反映。",
               f"{board.village}村民委员会　{chinese_date(today)}"),
        record="十星级文明户", version=str(board.year))


def board_fingerprint(board: StarsBoard, today: date) -> str:
    document = board_document(board, today)
    return content_fingerprint(f"table:{document.record}", table_texts(document), document.version)


def render_stars_board_pdf(board: StarsBoard, today: date, progress: Callable[[int], None] | None = None) -> bytes:
    return render_table_pdf(board_document(board, today), progress=progress)


def _certificate(plaque: StarPlaque, today: date) -> HonourCertificate:
    stars = "、".join(plaque.stars)
    # R53: the group reviews, the villagers' (representatives') meeting decides, the result is publicised.
    award = (f"经村民小组评议、村民（代表）会议评定并公示，{plaque.year}年度被评为{len(plaque.stars)}星级文明户"
             f"（{stars}）。")
    return HonourCertificate(plaque.village, plaque.who, f"{plaque.year}年度", "", f"{plaque.village}村民委员会",
                             today, plaque.number, award)


def plaque_texts(plaque: StarPlaque, today: date) -> list[str]:
    return [f"{len(plaque.stars)}星级文明户", plaque.who, *plaque.stars, f"{plaque.village}　{plaque.year}年度",
            *_certificate(plaque, today).texts]


def plaque_fingerprint(plaque: StarPlaque, today: date) -> str:
    return content_fingerprint("star_plaque", plaque_texts(plaque, today))


def _plaque_page(plaque: StarPlaque, spec: PageSpec) -> list:  # type: ignore[type-arg]
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Spacer

    from printing.core.blocks import paragraph
    from printing.core.styles import HEADER_RED, poster_styles

    base = poster_styles()
    big = ParagraphStyle("plaque_title", parent=base.title, fontSize=54, leading=72, textColor=HEADER_RED,
                         alignment=1)
    line = ParagraphStyle("plaque_line", parent=base.body, fontSize=26, leading=40, alignment=1, firstLineIndent=0)
    marks = "　".join(plaque.stars)
    return [paragraph(f"{len(plaque.stars)}星级文明户", big, "星级牌"), Spacer(1, 10),
            paragraph(plaque.who, line, "星级牌"), paragraph(marks, line, "星级牌"),
            paragraph(f"{plaque.village}　{plaque.year}年度", line, "星级牌"), PageBreak()]


def render_star_plaque_pdf(plaque: StarPlaque, today: date, progress: Callable[[int], None] | None = None) -> bytes:
    spec = certificate_page()
    story = _plaque_page(plaque, spec) + certificate_story(_certificate(plaque, today), spec)
    return render(story, spec, DocumentMeta(f"星级牌（{plaque.who}）", plaque_fingerprint(plaque, today)), progress)


def board_job(board: StarsBoard, today: date) -> PrintJob:
    return PrintJob(f"{board.year}年度十星级文明户", board_fingerprint(board, today),
                    lambda progress: render_stars_board_pdf(board, today, progress))


def plaque_job(plaque: StarPlaque, today: date) -> PrintJob:
    return PrintJob(f"星级牌（{plaque.who}）", plaque_fingerprint(plaque, today),
                    lambda progress: render_star_plaque_pdf(plaque, today, progress))


def publicity_document(publicity: StarsPublicity, today: date) -> TableDocument:
    """关于……评定结果的公示 (R47: the period's first and last day printed, the objection channel named)."""
    rows = tuple((str(n), line.who, f"{line.count} 星", "、".join(line.stars))
                 for n, line in enumerate(publicity.lines, 1))
    return TableDocument(
        f"关于{publicity.year}年度十星级文明户评定结果的公示", ("序号", "户", "星数", "评定的星"), rows,
        (1.0, 4.0, 1.4, 10.0),
        before=("下列各户经本户申请或推荐、村民小组评议，由村民（代表）会议或评议会评定，现予公示。",
                f"公示期：{chinese_date(publicity.start)}至{chinese_date(publicity.end)}。"),
        after=("公示期间如有异议，请以书面或口头方式向村务监督委员会或村民委员会反映；异议经核实成立的，不予授星。"
               "未经本户同意不公开姓名，以村民小组和户号表示。特此公示。",
               f"{publicity.village}村民委员会　{chinese_date(today)}"),
        record="十星级文明户公示", version=f"{publicity.year}:{publicity.start}")


def publicity_job(publicity: StarsPublicity, today: date) -> PrintJob:
    document = publicity_document(publicity, today)
    return PrintJob(document.title, content_fingerprint(f"table:{document.record}", table_texts(document),
                                                        document.version),
                    lambda progress: render_table_pdf(document, progress=progress))
