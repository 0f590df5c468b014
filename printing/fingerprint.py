"""Content fingerprints (校验码 3F9A-1C2B) and their QR codes, so a posted copy can be checked against the file."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.colors import black


def content_fingerprint(kind: str, parts: Sequence[str], version: str = "") -> str:
    """Eight hex digits (XXXX-XXXX) from the document kind, its printed content and the record version."""
    canonical = json.dumps([kind, list(parts), version], ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest().upper()
    return f"{digest[:4]}-{digest[4:8]}"


def fingerprint_label(fingerprint: str) -> str:
    return f"校验码 {fingerprint}"


def qr_payload(fingerprint: str, title: str, version: str = "") -> str:
    """What the QR code says: enough for a township to look the filed version up and compare."""
    return f"乡约校验码 {fingerprint}\n{title}" + (f"\n版本 {version}" if version else "")


def qr_drawing(payload: str, size: float) -> Drawing:
    """A black-on-white QR code (segno) as a reportlab Drawing `size` points square, quiet zone included."""
    import segno

    code = segno.make(payload, error="m", micro=False)
    matrix = code.matrix
    count = len(matrix) + 8  # a 4-module quiet zone on each side
    module = size / count
    drawing = Drawing(size, size)
    for row, cells in enumerate(matrix):
        y = size - (row + 5) * module
        column = 0
        while column < len(cells):
            if cells[column]:
                start = column
                while column < len(cells) and cells[column]:
                    column += 1
                drawing.add(Rect((start + 4) * module, y, (column - start) * module, module,
                                 fillColor=black, strokeColor=None, strokeWidth=0))
            else:
                column += 1
    return drawing
