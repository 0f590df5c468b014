"""Building blocks shared by products: balanced titles, body paragraphs with heading levels, the signature block.

Every text goes through `glyphs.markup` (no character may vanish) and `ChineseParagraph` (避头尾).
"""
from __future__ import annotations

import math
import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, Spacer

from printing.core import glyphs as glyphs
from printing.core.styles import TextStyles
from printing.core.text import ChineseParagraph, choose_break

HEADING1 = re.compile(r"^[一二三四五六七八九十百]+、")
HEADING2 = re.compile(r"^（[一二三四五六七八九十百]+）")
HEADING3 = re.compile(r"^(\d+[.．、]|（\d+）|\(\d+\))")


def paragraph(text: str, style: ParagraphStyle, record: str) -> ChineseParagraph:
    """A Chinese paragraph of plain `text` in `style`, with fallback faces for rare characters."""
    return ChineseParagraph(glyphs.markup(text, style.fontName, record), style)


def _text_width(text: str, style: ParagraphStyle) -> float:
    return sum(pdfmetrics.stringWidth(chunk, font, style.fontSize)
               for font, chunk in glyphs.runs(text, style.fontName, "标题"))


def balanced_lines(text: str, style: ParagraphStyle, width: float) -> list[str]:
    """Split a long title into lines of near-equal length (GB/T 9704: trapezoid, longer lines first)."""
    if _text_width(text, style) <= width:
        return [text]
    count = math.ceil(_text_width(text, style) / width)
    while True:
        per_line = math.ceil(len(text) / count)
        lines, start = [], 0
        while start < len(text):
            end = min(len(text), start + per_line)
            if end < len(text):
                end = choose_break(list(text), start, end)
            lines.append(text[start:end])
            start = end
        if all(_text_width(line, style) <= width for line in lines) or count > len(text):
            return lines
        count += 1


def title(text: str, styles: TextStyles, width: float, record: str = "标题") -> ChineseParagraph:
    """The centred title, wrapped symmetrically when it needs more than one line."""
    lines = balanced_lines(text, styles.title, width)
    markup = "<br/>".join(glyphs.markup(line, styles.title.fontName, record) for line in lines)
    return ChineseParagraph(markup, styles.title)


def body_paragraph(text: str, styles: TextStyles, record: str) -> ChineseParagraph:
    """A body paragraph; 一、 lines in hei, （一） lines in kai, 1./(1) in the body face (GB/T 9704 §7.3.3)."""
    if HEADING1.match(text):
        return paragraph(text, styles.heading1, record)
    if HEADING2.match(text):
        return paragraph(text, styles.heading2, record)
    if HEADING3.match(text):
        return paragraph(text, styles.heading3, record)
    return paragraph(text, styles.body, record)


class SignatureBlock(Flowable):
    """Signer and date at the lower right, with the seal area reserved (never drawn: no blank seal).

    With a seal (GB/T 9704 §7.3.5.1): the date ends 4 characters in from the right, the signer is centred over
    the date, and room for a 42 mm seal is kept above them so the seal sits centred over both. Without a seal:
    signer 2 characters in from the right, the date one line below, shifted 2 characters right of the signer.
    """

    SEAL_DIAMETER = 42 * 72 / 25.4

    def __init__(self, signer: str, date_text: str, styles: TextStyles, seal: bool = True,
                 record: str = "落款") -> None:
        super().__init__()
        self.signer, self.date_text, self.styles, self.seal = signer, date_text, styles, seal
        self.style = styles.signature
        self.signer_runs = glyphs.runs(signer, self.style.fontName, record)
        self.date_runs = glyphs.runs(date_text, self.style.fontName, record)
        # The seal's centre sits at the top of the signer line (signer and date slightly below it), so its lower
        # half covers the two lines and its upper half needs a radius less one line; it may reach the last text line.
        self.reserved = max(0.0, self.SEAL_DIAMETER / 2 - styles.line) if seal else 0.0

    def _width(self, runs: list[tuple[str, str]]) -> float:
        return sum(pdfmetrics.stringWidth(chunk, font, self.style.fontSize) for font, chunk in runs)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.reserved + 2 * self.styles.line
        return self.width, self.height

    def positions(self) -> tuple[float, float]:
        """x of the signer's and of the date's first character."""
        character = self.styles.character
        signer_width, date_width = self._width(self.signer_runs), self._width(self.date_runs)
        if self.seal:
            date_x = self.width - 4 * character - date_width
            return date_x + (date_width - signer_width) / 2, date_x
        signer_x = self.width - 2 * character - signer_width
        return signer_x, min(signer_x + 2 * character, self.width - date_width)

    def draw(self) -> None:
        signer_x, date_x = self.positions()
        line, size = self.styles.line, self.style.fontSize
        self._draw_runs(signer_x, line + (line - size) / 2, self.signer_runs)
        self._draw_runs(date_x, (line - size) / 2, self.date_runs)

    def _draw_runs(self, x: float, y: float, runs: list[tuple[str, str]]) -> None:
        canvas = self.canv
        for font, chunk in runs:
            canvas.setFont(font, self.style.fontSize)
            canvas.drawString(x, y + self.style.fontSize * 0.12, chunk)
            x += pdfmetrics.stringWidth(chunk, font, self.style.fontSize)


def keep_together(flowables: list[Flowable]) -> KeepTogether:
    """Keep `flowables` on one page. Nested KeepTogether groups are flattened: reportlab cannot measure one
    inside another (it then always breaks the page, even when everything fits)."""
    flat: list[Flowable] = []
    for flowable in flowables:
        flat += list(flowable._content) if isinstance(flowable, KeepTogether) else [flowable]
    return KeepTogether(flat)


def closing_block(closing: str | None, signer: str, date_text: str, styles: TextStyles,
                  seal: bool = True) -> Flowable:
    """特此公示 (indented like the body), then the signature block, kept on one page.

    With a seal the seal's reserved upper half is the gap (its top within one line of the text); without one,
    the signer stands one blank line below the text.
    """
    parts: list[Any] = []
    if closing:
        parts.append(paragraph(closing, styles.body, "结束语"))
    if not seal:
        parts.append(Spacer(1, styles.line))
    parts.append(SignatureBlock(signer, date_text, styles, seal))
    return KeepTogether(parts)
