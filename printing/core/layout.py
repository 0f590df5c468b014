"""Page templates (A4/A3, portrait/landscape, GB/T 9704 notice margins) and the one function that builds a PDF.

Every page carries its page number ("— n —": GB/T 9704 puts odd pages right and even pages left, 7 mm below the
text block) and the document's fingerprint (校验码), and optionally a QR code of it. `render()` returns bytes;
it never writes a file.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A3, A4, landscape as turned
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from printing.core import fonts as fonts
from printing.core import glyphs as glyphs
from printing.core.fingerprint import draw_qr, fingerprint_label
from printing.core.styles import SIZE_4

PAPERS = {"A4": A4, "A3": A3}
COLUMN_GAP = 10 * mm


@dataclass(frozen=True)
class PageSpec:
    """Paper, orientation, margins (points) and how page numbers are placed."""

    paper: str
    landscape: bool
    top: float
    left: float
    bottom: float
    right: float
    alternate_numbers: bool = False  # GB/T 9704: odd pages right, even pages left
    columns: int = 1
    page_numbers: bool = True  # False for one-page framed pieces (a certificate) that carry no "— n —"

    @property
    def size(self) -> tuple[float, float]:
        size = PAPERS[self.paper]
        return turned(size) if self.landscape else size

    @property
    def text_width(self) -> float:
        return self.size[0] - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.size[1] - self.top - self.bottom

    @property
    def column_width(self) -> float:
        return (self.text_width - (self.columns - 1) * COLUMN_GAP) / self.columns


# GB/T 9704 (R43): top 37, binding side 28, bottom 35, right 26 mm: a 156 × 225 mm text block on A4.
NOTICE_PAGE = PageSpec("A4", False, 37 * mm, 28 * mm, 35 * mm, 26 * mm, alternate_numbers=True)


def table_page(paper: str = "A4", landscape: bool = True) -> PageSpec:
    """Tables: landscape by default, narrow margins."""
    return PageSpec(paper, landscape, 18 * mm, 15 * mm, 22 * mm, 15 * mm)


def poster_page(paper: str = "A3", landscape: bool = False, columns: int = 1) -> PageSpec:
    """Posters for the display board: A3 by default, in one to three columns."""
    return PageSpec(paper, landscape, 25 * mm, 25 * mm, 25 * mm, 25 * mm, columns=columns)


def notice_page(paper: str = "A4", landscape: bool = False) -> PageSpec:
    """The GB/T 9704 page on A4 portrait; other papers keep its proportions of margin."""
    if paper == "A4" and not landscape:
        return NOTICE_PAGE
    return PageSpec(paper, landscape, 37 * mm, 28 * mm, 35 * mm, 26 * mm, alternate_numbers=True)


@dataclass(frozen=True)
class DocumentMeta:
    """What a document says about itself: title (PDF metadata), fingerprint, optional QR payload."""

    title: str
    fingerprint: str
    qr_payload: str | None = None
    internal: bool = False  # 内部资料 (names with phone numbers …): marked in header and footer, never posted (R30)


INTERNAL_MARK = "内部资料 请勿张贴"


def draw_text(canvas: Any, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> None:
    """Draw one line on the canvas with per-character font fallback (align: left, right, centre)."""
    pieces = glyphs.runs(text, font, "页面页脚")
    width = sum(pdfmetrics.stringWidth(chunk, name, size) for name, chunk in pieces)
    x = x - width if align == "right" else x - width / 2 if align == "centre" else x
    for name, chunk in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, name, size)


def page_number_text(number: int) -> str:
    return f"— {number} —"


def _decorate(spec: PageSpec, meta: DocumentMeta, progress: Callable[[int], None] | None,
              canvas: Any, document: Any) -> None:
    number = canvas.getPageNumber()
    canvas.saveState()
    width, _ = spec.size
    baseline = spec.bottom - 7 * mm - SIZE_4 * 0.88  # top of the numerals 7 mm below the text block
    font = fonts.role_font("number")
    if not spec.page_numbers:
        pass
    elif spec.alternate_numbers and number % 2:
        draw_text(canvas, width - spec.right - SIZE_4, baseline, page_number_text(number), font, SIZE_4, "right")
    elif spec.alternate_numbers:
        draw_text(canvas, spec.left + SIZE_4, baseline, page_number_text(number), font, SIZE_4)
    else:
        draw_text(canvas, width / 2, baseline, page_number_text(number), font, SIZE_4, "centre")
    draw_text(canvas, spec.left, 7 * mm, fingerprint_label(meta.fingerprint), fonts.body_font(), 9)
    if meta.internal:
        _, height = spec.size
        draw_text(canvas, width / 2, height - spec.top + 6 * mm, INTERNAL_MARK, fonts.body_font(), 10.5, "centre")
        draw_text(canvas, width / 2, 7 * mm, INTERNAL_MARK, fonts.body_font(), 9, "centre")
    if meta.qr_payload:
        size = min(15 * mm, spec.bottom - 9 * mm)
        draw_qr(canvas, meta.qr_payload, width - spec.right - size, 4 * mm, size)
    canvas.restoreState()
    if progress is not None:
        progress(number)


def frames(spec: PageSpec) -> list[Frame]:
    """One frame per column, no padding, so the text block is exactly the margins' inside."""
    return [Frame(spec.left + index * (spec.column_width + COLUMN_GAP), spec.bottom, spec.column_width,
                  spec.text_height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                  id=f"column{index}") for index in range(spec.columns)]


def banner_frames(spec: PageSpec, band: float) -> list[Frame]:
    """First page of a column layout: a full-width band (the title) on top, the columns below it."""
    top = Frame(spec.left, spec.bottom + spec.text_height - band, spec.text_width, band, leftPadding=0,
                rightPadding=0, topPadding=0, bottomPadding=0, id="banner")
    columns = [Frame(f._x1, f._y1, f._width, f._height - band, leftPadding=0, rightPadding=0, topPadding=0,
                     bottomPadding=0, id=f"first{f.id}") for f in frames(spec)]
    return [top, *columns]


def render(story: Sequence[Flowable], spec: PageSpec, meta: DocumentMeta,
           progress: Callable[[int], None] | None = None, banner: float = 0.0) -> bytes:
    """Lay out `story` on pages of `spec` and return the PDF bytes (fonts embedded as subsets).

    With `banner` (points), the first page has a full-width frame that high above its columns: the story
    starts with what goes in it, then `FrameBreak()`; later pages are all columns.
    """
    buffer = BytesIO()
    document = BaseDocTemplate(buffer, pagesize=spec.size, leftMargin=spec.left, rightMargin=spec.right,
                               topMargin=spec.top, bottomMargin=spec.bottom, title=meta.title,
                               author="乡约", creator="乡约 Xiangyue", subject=fingerprint_label(meta.fingerprint),
                               initialFontName=fonts.body_font())

    def on_page(canvas: Any, doc: Any) -> None:
        _decorate(spec, meta, progress, canvas, doc)

    templates = [PageTemplate(id="page", frames=frames(spec), onPage=on_page)]
    if banner:
        templates.insert(0, PageTemplate(id="first", frames=banner_frames(spec, banner), onPage=on_page,
                                         autoNextPageTemplate="page"))
    document.addPageTemplates(templates)
    document.build(list(story))
    return buffer.getvalue()
