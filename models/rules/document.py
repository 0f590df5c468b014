"""Village rules as a document: rulebooks, versions, chapters, articles, and the edits on them.

Numbers are never stored: an article's number is its position in the version, so every edit
renumbers. A reference to another article is stored as a marker holding that article's key
(REF_OPEN key REF_CLOSE) and rendered as 第N条 on output, so it follows the article when numbers change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from models.core.errors import DomainError
from models.core.ids import new_id
from models.core.numerals import article_label, parse_number

REF_OPEN, REF_CLOSE = "\u27e6", "\u27e7"  # ⟦key⟧
REF_MARKER = re.compile(f"{REF_OPEN}([^{REF_CLOSE}]+){REF_CLOSE}")
# 第N条 not preceded by 》/法/例 (a law's article, e.g. 《村民委员会组织法》第二十七条).
NUMBER_REFERENCE = re.compile(r"(?<![》法例])第([零〇一二三四五六七八九十百千两\d]+)条")


class RulebookKind(StrEnum):
    """规约种类 — village rules, self-government charter, or the ceremonies council's charter."""

    RULES = "rules"
    CHARTER = "charter"
    CEREMONIES_CHARTER = "ceremonies_charter"

    @property
    def label(self) -> str:
        return {"rules": "村规民约", "charter": "村民自治章程", "ceremonies_charter": "红白理事会章程"}[self.value]


class VersionStatus(StrEnum):
    """版本状态 — a draft may be edited; an adopted version is in force until superseded."""

    DRAFT = "draft"
    IN_FORCE = "in_force"
    SUPERSEDED = "superseded"

    @property
    def label(self) -> str:
        return {"draft": "草稿", "in_force": "现行有效", "superseded": "已被取代"}[self.value]


@dataclass(frozen=True)
class Rulebook:
    """村规民约 — one rulebook (or charter) with its numbered versions."""

    id: str
    title: str
    kind: RulebookKind = RulebookKind.RULES


@dataclass(frozen=True)
class Article:
    """条 — one article. `key` is its identity across edits and versions; `items` are its further 款/项."""

    key: str
    text: str
    items: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return (self.text, *self.items)


@dataclass(frozen=True)
class Chapter:
    """章 — a titled, ordered group of articles (title may be empty for rules without chapters)."""

    key: str
    title: str
    articles: tuple[Article, ...] = ()
    kind: str = "chapter"  # "section" (节): a level inside the chapter before it, numbered within that chapter


@dataclass(frozen=True)
class RuleVersion:
    """村规民约版本 — version `number` of a rulebook: ordered chapters of ordered articles."""

    id: str
    rulebook_id: str
    number: int
    chapters: tuple[Chapter, ...] = ()
    status: VersionStatus = VersionStatus.DRAFT
    effective_date: str = ""
    title: str = ""
    based_on: str = ""
    owned: bool = True  # False: made on another node (seen at the township, or synced in); read-only here
    preamble: tuple[str, ...] = ()  # paragraphs before the first article (为了……制定本村规民约), kept and printed
    closing: tuple[str, ...] = ()  # 落款, date and adoption lines after the last article
    verse: bool = False  # 三字经/顺口溜: each article a stanza, numbered for reference but printed as verse

    @property
    def articles(self) -> list[Article]:
        return [a for c in self.chapters for a in c.articles]

    def numbers(self) -> dict[str, int]:
        """Article key → article number (1-based, counted through all chapters)."""
        return {a.key: i for i, a in enumerate(self.articles, 1)}

    def find(self, key: str) -> tuple[int, int]:
        """(chapter index, index within chapter) of the article with `key`."""
        for ci, chapter in enumerate(self.chapters):
            for ai, article in enumerate(chapter.articles):
                if article.key == key:
                    return ci, ai
        raise DomainError("找不到这一条，可能已被删除。请刷新后重试。")

    def article(self, key: str) -> Article:
        ci, ai = self.find(key)
        return self.chapters[ci].articles[ai]

    def chapter_of(self, key: str) -> Chapter:
        return self.chapters[self.find(key)[0]]


@dataclass(frozen=True)
class NumberedArticle:
    """An article as shown: its number, chapter title and text with references rendered."""

    key: str
    number: int
    chapter: str
    text: str
    items: tuple[str, ...] = field(default_factory=tuple)
    source: str = ""  # full text with references as ⟦key⟧: the same when only numbers changed

    @property
    def full_text(self) -> str:
        return "\n".join((self.text, *self.items))


def render_references(text: str, numbers: dict[str, int]) -> str:
    """Replace each ⟦key⟧ marker with 第N条 (or a visible notice if that article is gone)."""
    def _one(match: re.Match[str]) -> str:
        number = numbers.get(match.group(1))
        return article_label(number) if number else "第？条（所引条款已删除）"
    return REF_MARKER.sub(_one, text)


def capture_references(text: str, keys_by_number: dict[int, str], own_key: str = "") -> str:
    """Turn 第N条 written by the clerk into ⟦key⟧ markers, so the reference follows its article."""
    def _one(match: re.Match[str]) -> str:
        key = keys_by_number.get(parse_number(match.group(1)) or 0)
        return f"{REF_OPEN}{key}{REF_CLOSE}" if key and key != own_key else match.group(0)
    return NUMBER_REFERENCE.sub(_one, text)


def referenced_keys(article: Article) -> list[str]:
    return [m.group(1) for p in article.paragraphs for m in REF_MARKER.finditer(p)]


def numbered_articles(version: RuleVersion) -> list[NumberedArticle]:
    numbers = version.numbers()
    return [NumberedArticle(a.key, numbers[a.key], c.title, render_references(a.text, numbers),
                            tuple(render_references(i, numbers) for i in a.items), "\n".join(a.paragraphs))
            for c in version.chapters for a in c.articles]


def _with_chapter(version: RuleVersion, index: int, chapter: Chapter) -> RuleVersion:
    chapters = list(version.chapters)
    chapters[index] = chapter
    return replace(version, chapters=tuple(chapters))


def update_article(version: RuleVersion, key: str, text: str, items: tuple[str, ...] = ()) -> RuleVersion:
    """Replace an article's text; 第N条 typed by the clerk become references to those articles."""
    by_number = {n: k for k, n in version.numbers().items()}
    text = capture_references(text.strip(), by_number, key)
    items = tuple(capture_references(i.strip(), by_number, key) for i in items if i.strip())
    if not text:
        raise DomainError("条文不能为空。不需要这一条时，请删除它。")
    ci, ai = version.find(key)
    chapter = version.chapters[ci]
    articles = list(chapter.articles)
    articles[ai] = replace(articles[ai], text=text, items=items)
    return _with_chapter(version, ci, replace(chapter, articles=tuple(articles)))


def insert_article(version: RuleVersion, chapter_index: int, index: int, text: str,
                   key: str | None = None) -> tuple[RuleVersion, str]:
    """Insert a new article at `index` of chapter `chapter_index`; returns (version, new key)."""
    if not version.chapters:
        version = replace(version, chapters=(Chapter(new_id(), ""),))
    chapter = version.chapters[chapter_index]
    article = Article(key or new_id(), text.strip() or "（新条款，请填写条文）")
    articles = list(chapter.articles)
    articles.insert(max(0, min(index, len(articles))), article)
    version = _with_chapter(version, chapter_index, replace(chapter, articles=tuple(articles)))
    return update_article(version, article.key, article.text), article.key


def delete_article(version: RuleVersion, key: str) -> RuleVersion:
    """Remove an article; references to it render as 第？条 until the clerk fixes them."""
    ci, ai = version.find(key)
    chapter = version.chapters[ci]
    articles = chapter.articles[:ai] + chapter.articles[ai + 1:]
    return _with_chapter(version, ci, replace(chapter, articles=articles))


def move_article(version: RuleVersion, key: str, chapter_index: int, index: int) -> RuleVersion:
    """Move an article to position `index` of chapter `chapter_index` (positions after removal)."""
    article = version.article(key)
    version = delete_article(version, key)
    chapter = version.chapters[chapter_index]
    articles = list(chapter.articles)
    articles.insert(max(0, min(index, len(articles))), article)
    return _with_chapter(version, chapter_index, replace(chapter, articles=tuple(articles)))


def split_article(version: RuleVersion, key: str, at: int) -> tuple[RuleVersion, str]:
    """Split an article's first paragraph at character `at`; the second half (and its items) is a new article."""
    article = version.article(key)
    head, tail = article.text[:at].strip(), article.text[at:].strip()
    if not head or not tail:
        raise DomainError("拆分位置应在条文中间，前后两部分都不能为空。")
    ci, ai = version.find(key)
    version = _replace_article(version, replace(article, text=head, items=()))
    new = Article(new_id(), tail, article.items)
    chapter = version.chapters[ci]
    articles = list(chapter.articles)
    articles.insert(ai + 1, new)
    return _with_chapter(version, ci, replace(chapter, articles=tuple(articles))), new.key


def merge_articles(version: RuleVersion, key: str, next_key: str) -> RuleVersion:
    """Merge `next_key` into `key` (its paragraphs become further 款); references to it now point to `key`."""
    first, second = version.article(key), version.article(next_key)
    merged = replace(first, items=first.items + second.paragraphs)
    version = _replace_article(delete_article(version, next_key), merged)
    return redirect_references(version, next_key, key)


def redirect_references(version: RuleVersion, old_key: str, new_key: str) -> RuleVersion:
    old, new = f"{REF_OPEN}{old_key}{REF_CLOSE}", f"{REF_OPEN}{new_key}{REF_CLOSE}"
    chapters = tuple(replace(c, articles=tuple(
        replace(a, text=a.text.replace(old, new), items=tuple(i.replace(old, new) for i in a.items))
        for a in c.articles)) for c in version.chapters)
    return replace(version, chapters=chapters)


def _replace_article(version: RuleVersion, article: Article) -> RuleVersion:
    ci, ai = version.find(article.key)
    chapter = version.chapters[ci]
    articles = list(chapter.articles)
    articles[ai] = article
    return _with_chapter(version, ci, replace(chapter, articles=tuple(articles)))


def add_chapter(version: RuleVersion, index: int, title: str) -> RuleVersion:
    chapters = list(version.chapters)
    chapters.insert(max(0, min(index, len(chapters))), Chapter(new_id(), title.strip()))
    return replace(version, chapters=tuple(chapters))


def rename_chapter(version: RuleVersion, chapter_index: int, title: str) -> RuleVersion:
    return _with_chapter(version, chapter_index, replace(version.chapters[chapter_index], title=title.strip()))


def delete_chapter(version: RuleVersion, chapter_index: int) -> RuleVersion:
    if version.chapters[chapter_index].articles:
        raise DomainError("这一章还有条文。请先把条文移到别的章或删除，再删除这一章。")
    return replace(version, chapters=version.chapters[:chapter_index] + version.chapters[chapter_index + 1:])


def require_editable(version: RuleVersion) -> None:
    if not version.owned:
        raise DomainError("这一版本来自另一台电脑（别的村或乡镇），只能查看，不能在本机修改。")
    if version.status is not VersionStatus.DRAFT:
        raise DomainError(f"第{version.number}版已{version.status.label}，不能再修改。请在它的基础上新建修订版本。")
