"""Reading rules as villages write them: each line gets a role (title, preamble, chapter, section, article,
item, closing, note), decided from its own marker and from the shape of the whole document.

Shapes read: 第X章/第X节/第X条 (also traditional 第一條, 總則); flat 一、 articles; 1、/1. articles, also restarting
in each section under 一、 headings or unnumbered headings (总 则, 村民行为规范); （一）（1）① items; a preamble before
the first article and 落款/date/adoption lines after the last; verse with no numbering at all (each line a stanza).
Roles are plain data so a clerk can correct one line's role before the text is assembled (see text.assemble).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from models.core.numerals import NUMERAL_CHARS, parse_number
from models.rules.hanzi import fold


class Role(StrEnum):
    """行的角色 — what a line of the source is in the rules."""

    TITLE = "title"
    PREAMBLE = "preamble"
    CHAPTER = "chapter"
    SECTION = "section"
    ARTICLE = "article"
    ITEM = "item"
    CLOSING = "closing"
    NOTE = "note"

    @property
    def label(self) -> str:
        return {"title": "标题", "preamble": "前言", "chapter": "章", "section": "节", "article": "条",
                "item": "款项", "closing": "落款", "note": "说明（不收入）"}[self.value]


@dataclass(frozen=True)
class SourceLine:
    """One paragraph of the source, with a role hint from Word (a Heading style, centred or right-aligned text)."""

    text: str
    hint: Role | None = None


@dataclass(frozen=True)
class PlacedLine:
    """A source line with its role; `body` is the text without its number, `number` the number it was written with."""

    line: int
    text: str
    role: Role
    body: str
    number: int | None = None
    marker: str = ""  # which numbering it carried: 条 / 章 / 节 / cn (一、) / arabic (1.) / item / ""


_LEAD = r"^[#>\s\u3000*]*"
_SEP = r"[\s\u3000、：:.．，,*]*"
_N = f"[{NUMERAL_CHARS}]+"
_MARKERS = (
    ("章", re.compile(f"{_LEAD}第({_N})[章编]{_SEP}(.*)$")),
    ("节", re.compile(f"{_LEAD}第({_N})节{_SEP}(.*)$")),
    ("条", re.compile(f"{_LEAD}第({_N})条{_SEP}(.*)$")),
    ("item", re.compile(r"^[（(]\s*([一二三四五六七八九十\d]+)\s*[）)]\s*(.*)$")),
    ("item", re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$")),
    ("cn", re.compile(r"^\**([一二三四五六七八九十百]+)\s*[、.．，]\**\s*(.*)$")),
    ("arabic", re.compile(r"^\**([0-9０-９]{1,3})\s*(?:[、．]|\.(?![0-9])|[)）])\**\s*(.*)$")),
)
_CLOSING = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|[〇○零一二三四五六七八九]{4}年|"
                      r"(?:村民委员会|村委会|党支部|党总支|村民小组|居民委员会|居委会|社区|理事会|代表会议|村民会议)\s*$|"
                      r"^(?:经|本(?:村规民约|居民公约|公约|规约|章程|约|规定)).{0,40}(?:通过|施行|生效|执行|解释)")
RULE_LINE = re.compile(r"[-*_]{3,}")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEADING_PUNCT = re.compile(r"[。，；：！？,;:!?]")


def mark(raw: str) -> tuple[str, int | None, str]:
    """(marker, number, body) of one line: which numbering it starts with, if any."""
    folded = fold(raw)
    for marker, pattern in _MARKERS:
        found = pattern.match(folded)
        if found:
            number = _CIRCLED.index(found.group(1)) + 1 if found.group(1) in _CIRCLED else parse_number(found.group(1))
            body = raw[found.start(2):].strip() if found.group(2) else ""
            return marker, number, clean(body)
    return "", None, clean(raw)


def clean(text: str) -> str:
    text = re.sub(r"^[#>\s\u3000]+", "", text).strip()
    return re.sub(r"^\*\*|\*\*$", "", text).strip().replace("**", "")


def heading_like(body: str) -> bool:
    """Short and without sentence punctuation: 社会治安, 总 则, 村民行为规范."""
    return 0 < len(body) <= 16 and not _HEADING_PUNCT.search(fold(body))


def heading_text(body: str) -> str:
    """总 则 → 总则: spaces between Chinese characters in a heading are only typographic."""
    return re.sub(r"(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])", "", body).strip()


def place_lines(lines: list[SourceLine]) -> list[PlacedLine]:
    """Every non-empty line with its role."""
    marked = [(n, line, *mark(line.text)) for n, line in enumerate(lines, 1)
              if line.text.replace("\u00a0", " ").strip()]
    markers = {m for _, _, m, _, _ in marked}
    roles = _marker_roles(marked, markers)
    placed = [PlacedLine(n, line.text.strip(), roles[i],
                         heading_text(body) if roles[i] in (Role.CHAPTER, Role.SECTION) else body, number, m)
              for i, (n, line, m, number, body) in enumerate(marked)]
    placed = _unnumbered_roles(placed, [line.hint for _, line, _, _, _ in marked])
    return _verse_or_closing(placed)


def _marker_roles(marked: list[tuple[int, SourceLine, str, int | None, str]], markers: set[str]) -> list[Role]:
    """The role of each numbered line, from the numbering the document as a whole uses."""
    cn_headings = any(m == "cn" and heading_like(b) for _, _, m, _, b in marked)
    roles: list[Role] = []
    for i, (_, line, marker, _, body) in enumerate(marked):
        following = next((m for _, _, m, _, _ in marked[i + 1:] if m), "")
        if marker == "章":
            roles.append(Role.CHAPTER)
        elif marker == "节":
            roles.append(Role.SECTION)
        elif marker == "条":
            roles.append(Role.ARTICLE)
        elif marker == "cn":
            numbered_below = following in ("条", "arabic") and ("条" in markers or "arabic" in markers)
            roles.append(Role.CHAPTER if heading_like(body) and numbered_below else
                         Role.ITEM if "条" in markers else Role.ARTICLE)
        elif marker == "arabic":
            roles.append(Role.ITEM if "条" in markers or ("cn" in markers and not cn_headings) else Role.ARTICLE)
        elif marker == "item":
            roles.append(Role.ITEM)
        else:
            roles.append(line.hint or Role.NOTE if line.text.lstrip().startswith(">") else line.hint or Role.ITEM)
    return roles


def _unnumbered_roles(placed: list[PlacedLine], hints: list[Role | None]) -> list[PlacedLine]:
    """Title, preamble and unnumbered headings among the lines that carry no number."""
    out: list[PlacedLine] = []
    seen_structure = False
    title_done = False
    for i, line in enumerate(placed):
        role = line.role
        next_marked = next((p for p in placed[i + 1:] if p.marker), None)
        if line.marker or role in (Role.NOTE, Role.CLOSING):
            seen_structure = seen_structure or role in (Role.CHAPTER, Role.SECTION, Role.ARTICLE)
            out.append(line)
            continue
        markdown_title = line.text.startswith("#") and not line.text.startswith("##")
        if not title_done and not seen_structure and (markdown_title or hints[i] is Role.TITLE or
                                                      (len(line.body) <= 40 and not line.body.endswith("。"))):
            role, title_done = Role.TITLE, True
        elif (line.text.startswith("##") or hints[i] is Role.CHAPTER or heading_like(line.body)) \
                and not _ends_with_colon(placed, i) and next_marked is not None and next_marked.role in (Role.ARTICLE, Role.SECTION, Role.ITEM) \
                and (line.text.startswith("##") or hints[i] is Role.CHAPTER or _opens_block(placed, i)):
            role = Role.CHAPTER
            seen_structure = True
        elif not seen_structure:
            role = Role.PREAMBLE
        title_done = True
        out.append(replace(line, role=role, body=heading_text(line.body) if role is Role.CHAPTER else line.body))
    return out


def _ends_with_colon(placed: list[PlacedLine], i: int) -> bool:
    """A short line after 村民应当： is that article's item, not a heading."""
    return i > 0 and fold(placed[i - 1].text).rstrip().endswith("：")


def _opens_block(placed: list[PlacedLine], i: int) -> bool:
    """An unnumbered short line is a heading when the very next line is numbered (总 则 / 第一条 …)."""
    return i + 1 < len(placed) and bool(placed[i + 1].marker) and placed[i + 1].role is not Role.ITEM \
        or i + 1 < len(placed) and placed[i + 1].marker in ("arabic", "cn")


def _verse_or_closing(placed: list[PlacedLine]) -> list[PlacedLine]:
    """Closing lines after the last article; with no article at all, each body line is a stanza."""
    articles = [i for i, p in enumerate(placed) if p.role is Role.ARTICLE]
    if not articles:
        body = [i for i, p in enumerate(placed) if p.role in (Role.ITEM, Role.PREAMBLE)]
        if len(body) < 2:
            return placed  # one paragraph is not a verse; nothing to read as rules
        tail = _closing_start(placed, body[0] if body else len(placed))
        return [replace(p, role=Role.ARTICLE, marker="verse") if i in body and i < tail else
                replace(p, role=Role.CLOSING) if i >= tail and p.role is not Role.NOTE else p
                for i, p in enumerate(placed)]
    tail = _closing_start(placed, articles[-1] + 1)
    return [replace(p, role=Role.NOTE) if RULE_LINE.fullmatch(p.text) else
            replace(p, role=Role.CLOSING) if i >= tail and not p.marker and p.role is not Role.NOTE else p
            for i, p in enumerate(placed)]


def _closing_start(placed: list[PlacedLine], after: int) -> int:
    for i in range(after, len(placed)):
        line = placed[i]
        if RULE_LINE.fullmatch(line.text.strip()):
            return i  # a Markdown rule (---) written before the closing
        if line.marker:
            continue
        if _CLOSING.search(fold(line.body)) and len(line.body) <= 60:
            return i
    return len(placed)
