"""Signature block placement (GB/T 9704 §7.3.5) and balanced titles."""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from printing.core.blocks import SignatureBlock, balanced_lines
from printing.core.layout import NOTICE_PAGE
from printing.core.styles import notice_styles
from printing.core.text import CANNOT_START


def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def test_with_seal_date_ends_four_characters_in_and_signer_is_centred_over_it() -> None:
    styles = notice_styles()
    block = SignatureBlock("青石村村民委员会", "2025年3月7日", styles, seal=True)
    block.wrap(NOTICE_PAGE.text_width, 500)
    signer_x, date_x = block.positions()
    size, font = styles.signature.fontSize, styles.signature.fontName
    date_end = date_x + _width("2025年3月7日", font, size)
    assert abs(NOTICE_PAGE.text_width - date_end - 4 * styles.character) < 0.5
    signer_centre = signer_x + _width("青石村村民委员会", font, size) / 2
    assert abs(signer_centre - (date_x + date_end) / 2) < 0.5
    assert block.height > 2 * styles.line  # room kept for the seal


def test_without_seal_signer_two_characters_in_and_date_shifted_right() -> None:
    styles = notice_styles()
    block = SignatureBlock("青石村村民委员会", "2025年3月7日", styles, seal=False)
    block.wrap(NOTICE_PAGE.text_width, 500)
    signer_x, date_x = block.positions()
    signer_end = signer_x + _width("青石村村民委员会", styles.signature.fontName, styles.signature.fontSize)
    assert abs(NOTICE_PAGE.text_width - signer_end - 2 * styles.character) < 0.5
    assert abs(date_x - signer_x - 2 * styles.character) < 0.5
    assert block.height == 2 * styles.line


def test_long_title_splits_into_balanced_lines() -> None:
    styles = notice_styles()
    text = "关于青石村2025年度农村最低生活保障对象初审名单及村规民约修订情况征求意见的公示"
    lines = balanced_lines(text, styles.title, NOTICE_PAGE.text_width)
    assert "".join(lines) == text and len(lines) == 2
    assert max(map(len, lines)) - min(map(len, lines)) <= 3
    assert all(line[0] not in CANNOT_START for line in lines[1:])
    assert balanced_lines("关于宅基地的公示", styles.title, NOTICE_PAGE.text_width) == ["关于宅基地的公示"]
