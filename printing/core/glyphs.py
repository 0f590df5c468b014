"""No character may vanish: split text into runs per font, falling back for characters the main font lacks.

reportlab silently draws nothing for a character its font does not have, and villagers' names use rare ones
(堌, 垕, 䶮, 𠮷). Every string printed goes through `runs()` (canvas text) or `markup()` (Paragraph text):
characters the main font covers stay in it, the others go to the first fallback face that has them, and if no
face on this computer has a character, `UnprintableCharacters` names it and the record it belongs to.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from models.core.errors import DomainError
from printing.core import fonts as fonts

# Drawn as blank space by every engine; no glyph needed.
INVISIBLE = frozenset(" \t\n\r\u3000\u00a0\u200b")


class UnprintableCharacters(DomainError):
    """Characters no installed font can draw."""

    def __init__(self, characters: str, record: str) -> None:
        listed = "、".join(f"“{c}”(U+{ord(c):04X})" for c in characters)
        super().__init__(f"{record}中的字 {listed} 在本机所有中文字体中都找不到，打印出来会缺字。"
                         "请安装覆盖更全的字体（如霞鹜文楷、宋体-方正超大字符集），或改用同音字并注明后重试。")
        self.characters = characters
        self.record = record


def font_for(character: str, main_font: str) -> str | None:
    """The font that draws `character`: the main one if it can, else the first fallback that can."""
    code = ord(character)
    if character in INVISIBLE or code in fonts.charmap(main_font):
        return main_font
    for name in fonts.fallback_names():
        fonts.register(fonts.fallback_face(name))
        if code in fonts.charmap(name):
            return name
    return None


def runs(text: str, main_font: str, record: str) -> list[tuple[str, str]]:
    """`text` cut into (font name, chunk) runs; raises UnprintableCharacters naming what cannot be drawn."""
    pieces: list[tuple[str, str]] = []
    missing: list[str] = []
    covered = fonts.charmap(main_font)
    for character in text:
        font = main_font if (character in INVISIBLE or ord(character) in covered) else font_for(character, main_font)
        if font is None:
            if character not in missing:
                missing.append(character)
            continue
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + character)
        else:
            pieces.append((font, character))
    if missing:
        raise UnprintableCharacters("".join(missing), record)
    return pieces


def markup(text: str, main_font: str, record: str) -> str:
    """Paragraph markup for plain `text`: escaped, with <font name=...> around runs set in a fallback face."""
    return "".join(escape(chunk) if font == main_font else f'<font name="{font}">{escape(chunk)}</font>'
                   for font, chunk in runs(text, main_font, record))


def missing_characters(text: str, main_font: str) -> str:
    """The characters of `text` no font can draw (empty when all can); for checks before building."""
    seen: list[str] = []
    for character in text:
        if character not in seen and font_for(character, main_font) is None:
            seen.append(character)
    return "".join(seen)
