"""Content fingerprints (校验码 3F9A-1C2B) and their QR codes, so a posted copy can be checked against the file."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from typing import Any

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


def qr_modules(payload: str) -> list[list[bool]]:
    """The dark (True) and light modules of a QR code for `payload` (segno, error correction M)."""
    import segno

    return [[bool(cell) for cell in row] for row in segno.make(payload, error="m", micro=False).matrix]


def draw_qr(canvas: Any, payload: str, x: float, y: float, size: float) -> None:
    """Draw a black-on-white QR code `size` points square (4-module quiet zone included) at (x, y).

    Drawn as filled rectangles straight on the canvas (one per run of dark modules), so no font is involved.
    """
    matrix = qr_modules(payload)
    module = size / (len(matrix) + 8)
    canvas.saveState()
    canvas.setFillColor(black)
    for row, cells in enumerate(matrix):
        top = y + size - (row + 5) * module
        column = 0
        while column < len(cells):
            start = column
            while column < len(cells) and cells[column]:
                column += 1
            if column > start:
                canvas.rect(x + (start + 4) * module, top, (column - start) * module, module, stroke=0, fill=1)
            else:
                column += 1
    canvas.restoreState()
