"""A fix for reportlab's ToUnicode maps, so characters beyond the BMP (𠮷) read back from the PDF.

reportlab 4–5 writes each subset entry as "<%04X>", which for U+20BB7 gives the five-digit "<20BB7>"; PDF
readers reject it, so copy-paste, search and text extraction lose the character although it is drawn. A PDF
ToUnicode map wants UTF-16BE there: a surrogate pair "<D842DFB7>". `install()` swaps in a corrected builder.
"""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import ttfonts

_original = ttfonts.makeToUnicodeCMap


def utf16_hex(code: int) -> str:
    """The code point as UTF-16BE hex digits (a surrogate pair beyond the BMP)."""
    return chr(code).encode("utf-16-be").hex().upper()


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's map with every destination written as UTF-16BE."""
    text = _original(fontname, subset)
    return text.replace("\n".join(f"<{i:02X}> <{v:04X}>" for i, v in enumerate(subset)),
                        "\n".join(f"<{i:02X}> <{utf16_hex(v)}>" for i, v in enumerate(subset)))


def install() -> None:
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
