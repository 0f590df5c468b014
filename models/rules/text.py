"""Rules as plain text: parsing 第X章 / 第X条 headings from text, Markdown or Word paragraphs, and Markdown output."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.core.ids import new_id
from models.core.numerals import article_label, chapter_label, parse_number, to_chinese
from models.rules.document import (REF_CLOSE, REF_OPEN, NUMBER_REFERENCE, Article, Chapter, RuleVersion,
                                   numbered_articles)
from models.rules.reading import RULE_LINE, PlacedLine, Role, SourceLine, clean, place_lines



@dataclass(frozen=True)
class ParseProblem:
    """A line the parser could not place, or a change it made (renumbering), with the reason in Chinese."""

    line: int
    text: str
    reason: str
    sure: bool = False  # True for what the reader is sure of (a > note left out, numbering restarting per section)


@dataclass
class ParsedRules:
    """The result of reading a rules text: title, preamble, chapters, closing, and what needs the clerk's eye."""

    title: str = ""
    chapters: list[Chapter] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    verse: bool = False
    lines: list[PlacedLine] = field(default_factory=list)  # every line with its role, for the correction preview

    @property
    def article_count(self) -> int:
        return sum(len(c.articles) for c in self.chapters)

    @property
    def needs_check(self) -> bool:
        """No article found, or something the reader is not sure of: the clerk should check the roles first."""
        return not self.article_count or any(not p.sure for p in self.problems)


@dataclass
class _Draft:
    """Mutable state while assembling placed lines."""

    result: ParsedRules
    chapter: PlacedLine | None = None
    chapter_key: str = ""
    articles: list[list[str]] = field(default_factory=list)
    declared: list[int | None] = field(default_factory=list)
    numbers: list[tuple[int | None, str]] = field(default_factory=list)  # (declared number, key) per article
    expected_chapter: int = 1
    restarts: int = 0


def parse_rules_text(text: str) -> ParsedRules:
    """Parse rules text (plain or Markdown) into chapters and articles; keys are new."""
    return parse_rules_lines(text.splitlines())


def parse_rules_lines(lines: list[str] | list[SourceLine]) -> ParsedRules:
    """Parse one paragraph per entry (a text line, or a Word paragraph with its role hint)."""
    source = [line if isinstance(line, SourceLine) else SourceLine(line) for line in lines]
    return assemble(place_lines(source))


def assemble(placed: list[PlacedLine]) -> ParsedRules:
    """Build the rules from lines whose roles are decided (by place_lines, or corrected by the clerk)."""
    state = _Draft(ParsedRules(lines=list(placed)))
    for line in placed:
        _add_line(state, line)
    _close_chapter(state)
    state.result.verse = any(p.marker == "verse" for p in placed if p.role is Role.ARTICLE)
    _check_numbering(state)
    if not state.restarts:
        _capture_source_references(state.result, state.numbers)
    return state.result


def _add_line(state: _Draft, line: PlacedLine) -> None:
    result = state.result
    if line.role is Role.TITLE and not result.title:
        result.title = line.body
    elif line.role in (Role.TITLE, Role.PREAMBLE):
        result.preamble.append(line.body)
    elif line.role in (Role.CHAPTER, Role.SECTION):
        _close_chapter(state)
        if line.role is Role.CHAPTER and line.marker == "章":
            _check_chapter_number(state, line)
        state.chapter, state.chapter_key = line, new_id()
    elif line.role is Role.ARTICLE or (line.role is Role.ITEM and not state.articles):
        state.articles.append([line.body if line.role is Role.ARTICLE else clean(line.text)])
        state.declared.append(line.number if line.role is Role.ARTICLE and line.marker in ("条", "cn", "arabic") else None)
    elif line.role is Role.ITEM:
        state.articles[-1].append(clean(line.text))
    elif line.role is Role.CLOSING:
        result.closing.append(clean(line.text))
    elif not RULE_LINE.fullmatch(line.text.strip()):
        result.problems.append(ParseProblem(line.line, line.text, "引用或说明文字，未收入规约", sure=True))


def _close_chapter(state: _Draft) -> None:
    if state.chapter is None and not state.articles:
        return
    built: list[Article] = []
    for paragraphs, declared in zip(state.articles, state.declared):
        body = [p for p in paragraphs if p]
        key = new_id()
        built.append(Article(key, body[0] if body else "", tuple(body[1:])))
        state.numbers.append((declared, key))
    kind = "section" if state.chapter is not None and state.chapter.role is Role.SECTION else "chapter"
    title = state.chapter.body if state.chapter is not None else ""
    state.result.chapters.append(Chapter(state.chapter_key or new_id(), title, tuple(built), kind))
    state.articles, state.declared = [], []
    state.chapter, state.chapter_key = None, ""


def _check_chapter_number(state: _Draft, line: PlacedLine) -> None:
    if line.number != state.expected_chapter:
        state.result.problems.append(ParseProblem(
            line.line, line.text, f"章号不连续（应为{chapter_label(state.expected_chapter)}），已按顺序重新编号"))
    state.expected_chapter += 1


def _check_numbering(state: _Draft) -> None:
    """Numbers that restart in each chapter are one note per chapter; other gaps one note per article."""
    result, position = state.result, 0
    declared = iter(n for n, _ in state.numbers)
    for chapter in result.chapters:
        numbers = [next(declared) for _ in chapter.articles]
        restart = bool(numbers) and numbers[0] == 1 and position > 0
        if restart:
            state.restarts += 1
            result.problems.append(ParseProblem(0, chapter.title or "（无标题）",
                                                f"这一部分的条号从1重新开始，已按全文连续编为{article_label(position + 1)}起",
                                                sure=True))
        for index, number in enumerate(numbers):
            position += 1
            wanted = index + 1 if restart else position
            if number is not None and number != wanted:
                result.problems.append(ParseProblem(0, f"原文第{number}条", f"条号与位置不符，已自动编为{article_label(position)}"))
        for article in chapter.articles:
            if not article.text:
                result.problems.append(ParseProblem(0, chapter.title or "（无章）", "有一条没有条文，请补写或删除"))


def _capture_source_references(result: ParsedRules, numbers: list[tuple[int | None, str]]) -> None:
    """References in the source use the source's own numbers; turn them into key markers."""
    by_number = {n: key for n, key in reversed(numbers) if n is not None}

    def _capture(text: str, own: str) -> str:
        def _one(match: re.Match[str]) -> str:
            key = by_number.get(parse_number(match.group(1)) or 0)
            return f"{REF_OPEN}{key}{REF_CLOSE}" if key and key != own else match.group(0)
        return NUMBER_REFERENCE.sub(_one, text)

    result.chapters = [Chapter(c.key, c.title, tuple(
        Article(a.key, _capture(a.text, a.key), tuple(_capture(i, a.key) for i in a.items))
        for a in c.articles), c.kind) for c in result.chapters]


def render_markdown(version: RuleVersion, title: str = "") -> str:
    """The version as Markdown in the same form the parser reads: # title, preamble, ## 第X章, ### 第X节, 第X条,
    then --- and the closing; verse as one stanza a paragraph without numbers."""
    lines = [f"# {title or version.title}", ""] if (title or version.title) else []
    lines += [line for paragraph in version.preamble for line in (paragraph, "")]
    headings = chapter_headings(version)
    numbered = iter(numbered_articles(version))
    for chapter in version.chapters:
        if headings[chapter.key] and not version.verse:
            lines += [("### " if chapter.kind == "section" else "## ") + headings[chapter.key], ""]
        for _ in chapter.articles:
            article = next(numbered)
            lines += [article.text if version.verse else f"{article_label(article.number)} {article.text}", ""]
            lines += [line for item in article.items for line in (item, "")]
    if version.closing:
        lines += ["---", ""] + [line for paragraph in version.closing for line in (paragraph, "")]
    return "\n".join(lines).rstrip() + "\n"


def chapter_headings(version: RuleVersion) -> dict[str, str]:
    """Chapter key → its heading as shown (第二章 社会治安, 第一节 治安), or '' for an untitled chapter.
    Sections are numbered within the chapter before them."""
    headings: dict[str, str] = {}
    chapters = sections = 0
    for chapter in version.chapters:
        if chapter.kind == "section":
            sections += 1
            headings[chapter.key] = f"第{to_chinese(sections)}节 {chapter.title}".strip()
        elif chapter.title:
            chapters, sections = chapters + 1, 0
            headings[chapter.key] = f"{chapter_label(chapters)} {chapter.title}"
        else:
            headings[chapter.key] = ""
    return headings
