"""Chinese line breaking (避头尾): no line starts with closing punctuation, none ends with opening punctuation.

reportlab's wordWrap="CJK" lets one forbidden character hang past the right margin, misses several marks
(，；：？！》” among them) and never checks opening marks at a line end. `ChineseParagraph` replaces its CJK
line breaker: when a line is full, the break moves back (characters are pushed to the next line) until the next
line starts with an allowed character and this line ends with one; a run of Latin letters or digits (a year,
a telephone number) is kept whole when that is possible. Nothing hangs outside the text block.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus.paragraph import (ParaLines, Paragraph, _handleBulletWidth, cjkU,
                                          makeCJKParaLine)

# Must not start a line: closing brackets and quotes, stops and pauses, iteration and prolonged-sound marks.
CANNOT_START = frozenset(
    "。，、；：？！）》」』】〕〉］｝’”〗〙…‥·・ー々〃ゝゞ～%‰℃°′″"
    "!),.:;?]}"
    "\uff05\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff3d\uff5d\u2015\u2014\u2013"
)
# Must not end a line: opening brackets and quotes, currency and number signs.
CANNOT_END = frozenset("（《「『【〔〈［｛‘“〖〘([{\uff08\uff3b\uff5b$￥¥£€#№@")
_FUZZ = 1e-6


def _is_word(character: str) -> bool:
    return bool(character) and character.isascii() and character.isalnum()


def _bad_break(units: Sequence[str], at: int, keep_words: bool) -> bool:
    before, after = units[at - 1], units[at]
    if (after and after in CANNOT_START) or (before and before in CANNOT_END):
        return True
    return keep_words and _is_word(before) and _is_word(after)


def choose_break(units: Sequence[str], start: int, overflow: int) -> int:
    """Where the line that starts at `start` should end, given that units[overflow] does not fit.

    Returns an index in (start, overflow]: the first unit of the next line. Prefers a break that obeys the
    punctuation rule and keeps Latin words whole; then one that obeys the punctuation rule only; else the greedy
    break (a line of one or two characters cannot obey everything).
    """
    for keep_words in (True, False):
        at = overflow
        while at > start + 1 and _bad_break(units, at, keep_words):
            at -= 1
        if not _bad_break(units, at, keep_words):
            return at
    return overflow


def _width(unit: Any, max_width: float) -> float:
    width = unit.width
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        width = width.normalizedValue(max_width)
    return float(width)


def split_units(units: list[Any], max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """Break a list of reportlab CJK units (one per character) into lines obeying the punctuation rule."""
    lines: list[Any] = []
    start, at = 0, 0
    while at < len(units):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, at = 0.0, start
        line_break = False
        while at < len(units):
            width = _width(units[at], max_width)
            line_break = hasattr(units[at].frag, "lineBreak")
            if used + width > max_width + _FUZZ and at > start and not line_break:
                break
            used += width
            at += 1
            if line_break:
                break
        if at < len(units) and not line_break:
            at = choose_break(units, start, at)
            used = sum(_width(u, max_width) for u in units[start:at])
        lines.append(makeCJKParaLine(units[start:at], max_width, used, max_width - used, line_break, calc_bounds))
        start = at
    return ParaLines(kind=1, lines=lines)


def _split_lines(lines: Any, start: int, stop: int) -> list[Any]:
    """The fragments of lines[start:stop] joined as they stand: every character (a space too) is its own unit of a
    line, so nothing lies between two lines. reportlab's own joiner adds a space at each line end, and the part of a
    paragraph carried over a page break, wrapped again, showed those spaces as half-character gaps (a line on page 2
    started half a character in)."""
    return [word for line in lines.lines[start:stop] for word in line.words]


class ChineseParagraph(Paragraph):
    """A Paragraph whose CJK wrapping follows the Chinese punctuation rule (use with wordWrap="CJK")."""

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802 - reportlab's name
        return super()._get_split_blParaFunc() if self.blPara.kind == 0 else _split_lines

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802,N803 - reportlab's name
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        style = self.style
        if not self.frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                             lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)
        units: list[Any] = []
        for frag in self.frags:
            text = frag.text if isinstance(frag.text, str) else frag.text.decode("utf8")
            units.extend(cjkU(t, frag, "utf8") for t in text) if text else units.append(cjkU(text, frag, "utf8"))
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return split_units(units, maxWidths, auto_leading not in ("", "off"))


def line_texts(paragraph: Paragraph, width: float) -> list[str]:
    """The text of each line after wrapping `paragraph` at `width` (for tests and checks)."""
    paragraph.wrap(width, 10_000)
    return ["".join(word.text for word in line.words) for line in paragraph.blPara.lines]


def broken_rule(lines: Sequence[str]) -> list[str]:
    """Lines that break the punctuation rule (empty when all obey it)."""
    bad = [f"第{n + 1}行以“{line[0]}”开头" for n, line in enumerate(lines[1:], 1) if line and line[0] in CANNOT_START]
    bad += [f"第{n + 1}行以“{line[-1]}”结尾" for n, line in enumerate(lines[:-1]) if line and line[-1] in CANNOT_END]
    return bad
