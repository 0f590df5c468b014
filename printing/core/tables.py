"""Long tables for printed lists (signature sheets, comparison tables, rosters): header row repeated on every page.

Black-and-white safe: black text and rules, a light grey header band whose meaning is also carried by bold hei
type. Cells are Chinese paragraphs (避头尾, fallback faces), so names with rare characters never vanish.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import black
from reportlab.platypus import Flowable, LongTable, Spacer, TableStyle

from printing.core.blocks import paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, PageSpec, render, table_page
from printing.core.styles import TABLE_HEADER_GREY, TextStyles, table_styles


@dataclass(frozen=True)
class TableDocument:
    """A titled table: header, rows, relative column widths, optional lines before and after it."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative; scaled to the text width
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    record: str = "表格"
    version: str = ""
    min_row_height: float = 0.0  # e.g. room for a signature or a fingerprint


def long_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], total_width: float,
               styles: TextStyles, record: str = "表格", min_row_height: float = 0.0) -> LongTable:
    """A table that splits across pages and repeats its header row on each."""
    head = [paragraph(text, styles.table_header, f"{record}表头") for text in header]
    body = [[paragraph(cell, styles.table_cell, f"{record}第{number}行") for cell in row]
            for number, row in enumerate(rows, 1)]
    heights = [None] + [min_row_height or None] * len(body)
    return grid_table([head, *body], widths, total_width, styles, heights)


def grid_table(cells: Sequence[Sequence[Flowable]], widths: Sequence[float], total_width: float,
               styles: TextStyles, heights: Sequence[float | None] | None = None, header_rows: int = 1,
               extra: Sequence[tuple[Any, ...]] = ()) -> LongTable:
    """A ruled table of ready flowables; the first `header_rows` rows are shaded and repeated on every page."""
    scale = total_width / sum(widths)
    table = LongTable([list(row) for row in cells], colWidths=[w * scale for w in widths], rowHeights=heights,
                      repeatRows=header_rows)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.table_cell.fontName, styles.table_cell.fontSize),  # not Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, black),
        ("BOX", (0, 0), (-1, -1), 1.0, black),
        *([("BACKGROUND", (0, 0), (-1, header_rows - 1), TABLE_HEADER_GREY)] if header_rows else []),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        *extra,
    ]))
    return table


def table_texts(document: TableDocument) -> list[str]:
    """Every printed text in order (the fingerprint's content)."""
    return [document.title, *document.before, *document.header,
            *(cell for row in document.rows for cell in row), *document.after]


def table_fingerprint(document: TableDocument) -> str:
    """The 校验码 `render_table_pdf` prints on the page: a job registers this one (print verify finds it)."""
    return content_fingerprint(f"table:{document.record}", table_texts(document), document.version)


def build_table_story(document: TableDocument, spec: PageSpec, styles: TextStyles) -> list[Flowable]:
    story: list[Flowable] = [title(document.title, styles, spec.text_width, f"{document.record}标题")]
    story += [paragraph(text, styles.table_cell, document.record) for text in document.before]
    if document.before:
        story.append(Spacer(1, styles.line / 2))
    story.append(long_table(document.header, document.rows, document.widths, spec.text_width, styles,
                            document.record, document.min_row_height))
    if document.after:
        story.append(Spacer(1, styles.line / 2))
    story += [paragraph(text, styles.table_cell, document.record) for text in document.after]
    return story


def render_table_pdf(document: TableDocument, spec: PageSpec | None = None, qr: bool = False,
                     progress: Callable[[int], None] | None = None) -> bytes:
    """A table document as PDF bytes (A4 landscape unless `spec` says otherwise)."""
    spec = spec or table_page()
    fingerprint = table_fingerprint(document)
    meta = DocumentMeta(document.title, fingerprint, qr_payload(fingerprint, document.title, document.version)
                        if qr else None)
    return render(build_table_story(document, spec, table_styles()), spec, meta, progress)
