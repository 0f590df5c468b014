"""修改对照表 on A4 landscape: original | revised | reason, header row repeated on every page.

Marks survive a black-and-white printer and never rest on colour: inserted text is underlined and set in the
bold hei face, deleted text is struck through; a legend under the title says so.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from models.core.numerals import article_label
from models.rules.document import Rulebook, RuleVersion
from models.rules.diff import ChangeKind, ComparisonRow, Segment, SegmentKind
from printing.core import glyphs as glyphs
from printing.core.blocks import paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, render, table_page
from printing.core.styles import TextStyles, table_styles
from printing.core.tables import grid_table
from printing.core.text import ChineseParagraph

HEADER = ("原条文", "修改后条文", "修改理由")
WIDTHS = (5.0, 5.0, 2.4)
LEGEND = "说明：修改后条文中加下划线的粗体字为新增内容，原条文中加删除线的文字为删去内容；未列出的条款未作修改。"


@dataclass(frozen=True)
class Comparison:
    """A 修改对照表: the rulebook, the two versions compared and the rows (from RulebookStore.comparison)."""

    rulebook: Rulebook
    old: RuleVersion
    new: RuleVersion
    rows: tuple[ComparisonRow, ...]

    @property
    def title(self) -> str:
        return f"{self.rulebook.title}修改对照表"

    @property
    def subtitle(self) -> str:
        return f"（第{self.old.number}版 → 第{self.new.number}版，共修改{len(self.rows)}处）"


def _text(text: str, font: str, record: str) -> str:
    """Markup for plain text in `font`: fallback faces for rare characters, line breaks kept."""
    return "<br/>".join(glyphs.markup(line, font, record) for line in text.split("\n"))


def _inserted(text: str, styles: TextStyles, record: str) -> str:
    hei = styles.table_header.fontName
    return f'<u><font name="{hei}">{_text(text, hei, record)}</font></u>'


def _deleted(text: str, styles: TextStyles, record: str) -> str:
    return f"<strike>{_text(text, styles.table_cell.fontName, record)}</strike>"


def side_markup(segments: Sequence[Segment], side: str, styles: TextStyles, record: str) -> str:
    """One side of a changed article: equal text plain, its own changes marked (the other side's left out)."""
    body, out = styles.table_cell.fontName, []
    for segment in segments:
        if segment.kind is SegmentKind.EQUAL:
            out.append(_text(segment.text, body, record))
        elif segment.kind is SegmentKind.INSERT and side == "after":
            out.append(_inserted(segment.text, styles, record))
        elif segment.kind is SegmentKind.DELETE and side == "before":
            out.append(_deleted(segment.text, styles, record))
    return "".join(out)


def _label(number: int | None, styles: TextStyles) -> str:
    return f'<font name="{styles.table_header.fontName}">{escape(article_label(number))}</font>\u3000' \
        if number else ""


def _body(row: ComparisonRow, side: str) -> str:
    """The article text without its leading 第N条 (the row's original/revised carry it)."""
    text = row.original if side == "before" else row.revised
    number = row.old_number if side == "before" else row.new_number
    prefix = f"{article_label(number)} " if number else ""
    return text[len(prefix):] if prefix and text.startswith(prefix) else text


def row_cells(row: ComparisonRow, styles: TextStyles, record: str) -> list[Flowable]:
    style, body = styles.table_cell, styles.table_cell.fontName
    if row.segments:
        before = side_markup(row.segments, "before", styles, record)
        after = side_markup(row.segments, "after", styles, record)
    else:
        before = _text(_body(row, "before"), body, record) if row.old_number else _text(row.original, body, record)
        after = _inserted(_body(row, "after"), styles, record) if row.new_number else _text(row.revised, body, record)
        if row.kind is ChangeKind.REMOVED:
            before = _deleted(_body(row, "before"), styles, record)
    return [ChineseParagraph(_label(row.old_number, styles) + before, style),
            ChineseParagraph(_label(row.new_number, styles) + after, style),
            paragraph(row.reason, style, record)]


def printed_texts(comparison: Comparison) -> list[str]:
    return [comparison.title, comparison.subtitle, LEGEND, *HEADER,
            *(text for row in comparison.rows for text in (row.original, row.revised, row.reason))]


def comparison_fingerprint(comparison: Comparison) -> str:
    return content_fingerprint("comparison", printed_texts(comparison),
                               f"{comparison.old.id}:{comparison.new.id}")


def build_story(comparison: Comparison) -> list[Flowable]:
    spec, styles = table_page("A4", landscape=True), table_styles()
    record = "修改对照表"
    header = [paragraph(text, styles.table_header, f"{record}表头") for text in HEADER]
    cells = [header] + [row_cells(row, styles, f"{record}第{n}行") for n, row in enumerate(comparison.rows, 1)]
    if not comparison.rows:
        cells.append([paragraph("两个版本的条文相同，没有修改。", styles.table_cell, record), Spacer(1, 1),
                      Spacer(1, 1)])
    centred = styles.table_cell.clone("centred", alignment=1)
    return [title(comparison.title, styles, spec.text_width, f"{record}标题"),
            paragraph(comparison.subtitle, centred, record),
            paragraph(LEGEND, styles.table_cell, record), Spacer(1, styles.line / 2),
            grid_table(cells, WIDTHS, spec.text_width, styles, extra=[("VALIGN", (0, 1), (-1, -1), "TOP")])]


def render_comparison_pdf(comparison: Comparison, qr: bool = False,
                          progress: Callable[[int], None] | None = None) -> bytes:
    """The 修改对照表 as PDF bytes (A4 landscape)."""
    fingerprint = comparison_fingerprint(comparison)
    payload = qr_payload(fingerprint, comparison.title, f"{comparison.old.number}→{comparison.new.number}") \
        if qr else None
    return render(build_story(comparison), table_page("A4", landscape=True),
                  DocumentMeta(comparison.title, fingerprint, payload), progress)
