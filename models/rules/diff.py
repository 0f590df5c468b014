"""Comparing two versions: align articles by content (not number), then diff changed ones by character.

Chinese has no spaces, so changed articles are compared character by character (difflib over
characters). The 修改对照表 rows (original | revised | reason) are built from the same alignment.
"""
from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, replace
from enum import StrEnum

from models.core.numerals import article_label
from models.rules.document import REF_CLOSE, REF_MARKER, REF_OPEN, Article, NumberedArticle, RuleVersion, numbered_articles

SIMILAR_ENOUGH = 0.5  # below this, a removed + added pair is not "the same article changed"
CANDIDATES = 3


class ChangeKind(StrEnum):
    """条款变动类型 — how an article of the old version relates to the new one."""

    UNCHANGED = "unchanged"
    RENUMBERED = "renumbered"
    MOVED = "moved"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"

    @property
    def label(self) -> str:
        return {"unchanged": "未改动", "renumbered": "未改动（条号变化）", "moved": "调整位置",
                "changed": "修改", "added": "新增", "removed": "删除"}[self.value]


class SegmentKind(StrEnum):
    """字符比对片段 — text kept, inserted or deleted."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"

    @property
    def label(self) -> str:
        return {"equal": "相同", "insert": "增加", "delete": "删除"}[self.value]


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str


@dataclass(frozen=True)
class ArticleChange:
    """One row of a comparison: the old article, the new one (either may be None) and how they differ."""

    kind: ChangeKind
    old: NumberedArticle | None
    new: NumberedArticle | None
    moved: bool = False  # a changed article may also have moved

    @property
    def key(self) -> str:
        article = self.new or self.old
        assert article is not None  # every change has an old or a new side
        return article.key


@dataclass(frozen=True)
class VersionDiff:
    """The aligned comparison of two versions, in the order of the new version (removed ones in place)."""

    changes: tuple[ArticleChange, ...]

    def of_kind(self, *kinds: ChangeKind) -> list[ArticleChange]:
        return [c for c in self.changes if c.kind in kinds]


def _norm(article: NumberedArticle) -> str:
    """Text for alignment: whitespace-free, references by identity, so renumbering alone changes nothing."""
    return "".join((article.source or article.full_text).split())


def diff_versions(old: RuleVersion, new: RuleVersion) -> VersionDiff:
    """Align the articles of two versions by content and classify each change."""
    return diff_articles(numbered_articles(old), numbered_articles(new))


def diff_articles(old: list[NumberedArticle], new: list[NumberedArticle]) -> VersionDiff:
    pairs = _align(old, new)
    stays = _in_order(sorted(pairs.items()))
    by_new = {j: i for i, j in pairs.items()}
    # A removed article is shown right after the new place of the old article before it.
    removed_after: dict[int, list[int]] = {}
    for i in sorted(set(range(len(old))) - set(pairs)):
        anchor = max((pairs[k] for k in pairs if k < i), default=-1)
        removed_after.setdefault(anchor, []).append(i)
    changes = [ArticleChange(ChangeKind.REMOVED, old[i], None) for i in removed_after.get(-1, [])]
    for j, article in enumerate(new):
        if j in by_new:
            changes.append(_classify(old[by_new[j]], article, (by_new[j], j) in stays))
        else:
            changes.append(ArticleChange(ChangeKind.ADDED, None, article))
        changes += [ArticleChange(ChangeKind.REMOVED, old[i], None) for i in removed_after.get(j, [])]
    return VersionDiff(tuple(changes))


def _classify(old: NumberedArticle, new: NumberedArticle, in_order: bool) -> ArticleChange:
    if _norm(old) != _norm(new):
        return ArticleChange(ChangeKind.CHANGED, old, new, moved=not in_order)
    if not in_order:
        return ArticleChange(ChangeKind.MOVED, old, new, moved=True)
    kind = ChangeKind.UNCHANGED if old.number == new.number else ChangeKind.RENUMBERED
    return ArticleChange(kind, old, new)


def _align(old: list[NumberedArticle], new: list[NumberedArticle]) -> dict[int, int]:
    """old index → new index: identical text first, then same key, then the most similar text."""
    pairs: dict[int, int] = {}
    free_new: dict[str, list[int]] = {}
    for j, article in enumerate(new):
        free_new.setdefault(_norm(article), []).append(j)
    for i, article in enumerate(old):
        if free_new.get(_norm(article)):
            pairs[i] = free_new[_norm(article)].pop(0)
    taken = set(pairs.values())
    new_by_key = {a.key: j for j, a in enumerate(new) if j not in taken}
    for i, article in enumerate(old):
        same_key = new_by_key.get(article.key)
        if i not in pairs and same_key is not None and _similarity(article, new[same_key]) >= 0.2:
            pairs[i] = same_key
            taken.add(j)
    _pair_by_similarity(old, new, pairs, taken)
    return pairs


def _pair_by_similarity(old: list[NumberedArticle], new: list[NumberedArticle],
                        pairs: dict[int, int], taken: set[int]) -> None:
    left = [i for i in range(len(old)) if i not in pairs]
    right = [j for j in range(len(new)) if j not in taken]
    grams = {("o", i): _bigrams(old[i]) for i in left} | {("n", j): _bigrams(new[j]) for j in right}
    scored = []
    for i in left:
        a = grams[("o", i)]
        # Character-bigram overlap is cheap; difflib runs only on each article's best few candidates.
        overlap = sorted(((len(a & grams[("n", j)]) / (len(a | grams[("n", j)]) or 1), j) for j in right),
                         reverse=True)[:CANDIDATES]
        scored += [(_similarity(old[i], new[j]), i, j) for share, j in overlap if share >= 0.25]
    for score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if score >= SIMILAR_ENOUGH and i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)


def _bigrams(article: NumberedArticle) -> set[str]:
    text = _norm(article)
    return {text[k:k + 2] for k in range(len(text) - 1)}


def _similarity(a: NumberedArticle, b: NumberedArticle) -> float:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio()


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs whose new positions keep the old order; the rest have moved."""
    tails: list[int] = []
    links: list[int] = [-1] * len(pairs)
    tail_index: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[pos], tail_index[pos] = j, k
        links[k] = tail_index[pos - 1] if pos else -1
    keep: set[tuple[int, int]] = set()
    k = tail_index[-1] if tail_index else -1
    while k != -1:
        keep.add(pairs[k])
        k = links[k]
    return keep


def char_diff(before: str, after: str) -> list[Segment]:
    """Character-level difference of two texts (a replacement is a deletion then an insertion)."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment(SegmentKind.EQUAL, before[i1:i2]))
            continue
        if i2 > i1:
            segments.append(Segment(SegmentKind.DELETE, before[i1:i2]))
        if j2 > j1:
            segments.append(Segment(SegmentKind.INSERT, after[j1:j2]))
    return segments


@dataclass(frozen=True)
class ComparisonRow:
    """修改对照表的一行 — original article | revised article | reason for the change."""

    kind: ChangeKind
    key: str
    original: str
    revised: str
    reason: str
    segments: tuple[Segment, ...] = ()
    old_number: int | None = None
    new_number: int | None = None


DEFAULT_REASONS = {ChangeKind.ADDED: "新增条款", ChangeKind.REMOVED: "删除条款",
                   ChangeKind.MOVED: "调整条款位置", ChangeKind.CHANGED: "修改条文"}


def comparison_table(diff: VersionDiff, reasons: dict[str, str] | None = None) -> list[ComparisonRow]:
    """Rows for every added, removed, moved or changed article; reasons by article key where known."""
    reasons = reasons or {}
    rows = []
    for change in diff.of_kind(ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MOVED, ChangeKind.CHANGED):
        original = f"{article_label(change.old.number)} {change.old.full_text}" if change.old else "（无）"
        revised = f"{article_label(change.new.number)} {change.new.full_text}" if change.new else "（删除）"
        segments = tuple(char_diff(change.old.full_text, change.new.full_text)) \
            if change.old and change.new else ()
        reason = reasons.get(change.key) or DEFAULT_REASONS[change.kind]
        rows.append(ComparisonRow(change.kind, change.key, original, revised, reason, segments,
                                  change.old.number if change.old else None,
                                  change.new.number if change.new else None))
    return rows


def segments_markdown(segments: tuple[Segment, ...] | list[Segment], side: str) -> str:
    """One side of a changed article for print: insertions <u>**bold**</u>, deletions ~~struck~~."""
    out = []
    for segment in segments:
        if segment.kind is SegmentKind.EQUAL:
            out.append(segment.text)
        elif segment.kind is SegmentKind.INSERT and side == "after":
            out.append(f"<u>**{segment.text}**</u>")
        elif segment.kind is SegmentKind.DELETE and side == "before":
            out.append(f"~~{segment.text}~~")
    return "".join(out)


def adopt_keys(previous: RuleVersion, imported: RuleVersion) -> RuleVersion:
    """Give imported articles the keys of the previous version's articles they align with.

    So an article keeps its identity (opinions, votes and list entries point to it) when a
    revised text is imported as a new version.
    """
    # Keys differ between the two, so align on the rendered text (references as 第N条).
    old = [replace(a, source="") for a in numbered_articles(previous)]
    new = [replace(a, source="") for a in numbered_articles(imported)]
    mapping = {new[j].key: old[i].key for i, j in _align(old, new).items()}
    return rekey(imported, mapping)


def rekey(version: RuleVersion, mapping: dict[str, str]) -> RuleVersion:
    """Rename article keys (and the references to them) by `mapping`."""
    def _text(text: str) -> str:
        return REF_MARKER.sub(lambda m: f"{REF_OPEN}{mapping.get(m.group(1), m.group(1))}{REF_CLOSE}", text)
    chapters = tuple(replace(c, articles=tuple(
        Article(mapping.get(a.key, a.key), _text(a.text), tuple(_text(i) for i in a.items)) for a in c.articles))
        for c in version.chapters)
    return replace(version, chapters=chapters)
