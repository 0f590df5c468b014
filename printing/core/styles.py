"""Type sizes and paragraph styles: the GB/T 9704 grid for notices, large type for posters, plain tables.

GB/T 9704 (DOMAIN.md §7, R43–R44): body 三号 fangsong on a 22-line × 28-character grid in a 156 × 225 mm
text block; title 二号 小标宋 (a bold song or hei face here), centred; 一、 in hei, （一） in kai, 1./(1) in the
body face; page numbers 四号 song. Everything is black: a black-and-white office printer loses nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import CMYKColor, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from printing.core import fonts as fonts

# Chinese type sizes (字号) in points.
SIZE_2 = 22.0    # 二号
SIZE_3 = 16.0    # 三号
SIZE_4 = 14.0    # 四号
SIZE_5 = 10.5    # 五号

GRID_LINES, GRID_CHARACTERS = 22, 28
TEXT_WIDTH, TEXT_HEIGHT = 156 * mm, 225 * mm
LINE_PITCH = TEXT_HEIGHT / GRID_LINES           # ≈ 28.9 pt
CHARACTER_PITCH = TEXT_WIDTH / GRID_CHARACTERS  # ≈ 15.8 pt: 三号 set solid so 28 characters fill a line

# Red of a red header (Y80% M80% and more); prints as a clear dark grey in black and white.
HEADER_RED = CMYKColor(0, 0.95, 0.95, 0.1)
TABLE_HEADER_GREY = CMYKColor(0, 0, 0, 0.15)


@dataclass(frozen=True)
class TextStyles:
    """The paragraph styles of one document family, with the grid they are set on."""

    title: ParagraphStyle
    body: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    heading3: ParagraphStyle
    signature: ParagraphStyle
    small: ParagraphStyle
    table_header: ParagraphStyle
    table_cell: ParagraphStyle
    character: float  # width of one character of body text
    line: float       # line pitch of body text


def _style(name: str, font: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK",
                          textColor=black, **extra)


def _build(size: float, line: float, title_size: float, table_size: float) -> TextStyles:
    body, title, hei, kai = fonts.body_font(), fonts.title_font(), fonts.role_font("heading1"), \
        fonts.role_font("heading2")
    indent = 2 * size
    return TextStyles(
        title=_style("title", title, title_size, title_size * 1.45, alignment=TA_CENTER, spaceAfter=line),
        body=_style("body", body, size, line, firstLineIndent=indent, alignment=TA_JUSTIFY),
        heading1=_style("heading1", hei, size, line, firstLineIndent=indent, alignment=TA_JUSTIFY),
        heading2=_style("heading2", kai, size, line, firstLineIndent=indent, alignment=TA_JUSTIFY),
        heading3=_style("heading3", body, size, line, firstLineIndent=indent, alignment=TA_JUSTIFY),
        signature=_style("signature", body, size, line, alignment=TA_LEFT),
        small=_style("small", body, SIZE_5, SIZE_5 * 1.3, alignment=TA_LEFT),
        table_header=_style("table_header", hei, table_size, table_size * 1.35, alignment=TA_CENTER),
        table_cell=_style("table_cell", body, table_size, table_size * 1.35, alignment=TA_LEFT),
        character=size, line=line)


@cache
def notice_styles() -> TextStyles:
    """GB/T 9704 notice: 三号 body on the 22 × 28 grid, 二号 title."""
    return _build(CHARACTER_PITCH, LINE_PITCH, SIZE_2, SIZE_4)


@cache
def poster_styles() -> TextStyles:
    """Poster for the display board (A3): body about 26 pt, title 48 pt, readable from two metres."""
    return _build(26.0, 26.0 * 1.75, 48.0, 20.0)


@cache
def table_styles(size: float = 11.0) -> TextStyles:
    """Table documents (A4 landscape): compact body, 四号-ish title."""
    return _build(size, size * 1.6, SIZE_3 + 2, size)


@cache
def letter_styles() -> TextStyles:
    """Letters and record-book pages (A4): 四号 body so a letter and its reply slip fit on one page."""
    return _build(SIZE_4, SIZE_4 * 1.75, SIZE_2, 12.0)


@cache
def column_poster_styles() -> TextStyles:
    """A poster set in columns (A3): body 20 pt on a 1.5 pitch, title 40 pt; readable from two metres."""
    return _build(20.0, 30.0, 40.0, 16.0)


def clear_caches() -> None:
    """Forget built styles (after fonts.reset())."""
    for cached in (notice_styles, poster_styles, table_styles, letter_styles, column_poster_styles):
        cached.cache_clear()
