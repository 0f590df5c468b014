"""Reading a rendered PDF back: text in order, embedded fonts, page sizes, text inside the page."""
from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader


def reader(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> str:
    """All text read back, pages joined, whitespace removed (lines may break anywhere)."""
    pages = [page.extract_text() for page in reader(data).pages]
    return "".join("".join(text.split()) for text in pages)


def assert_in_order(data: bytes, expected: Sequence[str]) -> None:
    text, position = text_of(data), 0
    for piece in expected:
        piece = "".join(piece.split())
        found = text.find(piece, position)
        assert found >= 0, f"{piece!r} not found after position {position} in {text[:400]!r}…"
        position = found + len(piece)


def fonts_of(data: bytes) -> dict[str, dict]:
    """Every font used on any page (descendants of composite fonts included), by base name."""
    found: dict[str, dict] = {}
    for page in reader(data).pages:
        resources = page["/Resources"]
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
            for descendant in font.get("/DescendantFonts", []):
                descendant = descendant.get_object()
                found[str(descendant["/BaseFont"])] = descendant
    return found


def assert_fonts_embedded(data: bytes) -> None:
    for name, font in fonts_of(data).items():
        if font.get("/Subtype") == "/Type0":
            continue  # its descendant carries the descriptor
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"font {name} is not embedded"


def page_sizes_mm(data: bytes) -> list[tuple[int, int]]:
    return [(round(float(page.mediabox.width) / 72 * 25.4), round(float(page.mediabox.height) / 72 * 25.4))
            for page in reader(data).pages]


def text_positions(data: bytes) -> list[tuple[int, float, float, float, str]]:
    """(page, x, y, estimated right end, text) of every text run, in page coordinates."""
    placed: list[tuple[int, float, float, float, str]] = []
    for number, page in enumerate(reader(data).pages):
        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  number: int = number) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = abs(tm[0] * cm[0]) or 1.0
                width = sum(size * scale * (1.0 if ord(c) > 0x2E80 else 0.5) for c in text.strip())
                placed.append((number, x, y, x + width, text))
        page.extract_text(visitor_text=visit)
    return placed


def assert_text_inside_pages(data: bytes, margin: float = 2.0) -> None:
    pages = reader(data).pages
    for number, x, y, right, text in text_positions(data):
        width, height = float(pages[number].mediabox.width), float(pages[number].mediabox.height)
        assert margin <= x and right <= width - margin and margin <= y <= height - margin, (number, x, y, text)
