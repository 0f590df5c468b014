"""What the rules store hands out besides documents: rulebook summaries, version info, catalogue articles."""
from __future__ import annotations

from dataclasses import dataclass, field

from models.core.changes import Changed, Entity
from models.core.ids import new_id
from models.rules.document import Article, Chapter, RulebookKind, VersionStatus


@dataclass(frozen=True)
class VersionInfo:
    """版本概况 — one version of a rulebook without its text."""

    id: str
    number: int
    status: VersionStatus
    effective_date: str
    article_count: int
    source: str = ""


@dataclass(frozen=True)
class RulebookSummary:
    """规约概况 — a rulebook with its versions, for lists."""

    id: str
    title: str
    kind: RulebookKind
    versions: tuple[VersionInfo, ...]

    @property
    def in_force_version(self) -> int | None:
        return next((v.number for v in self.versions if v.status is VersionStatus.IN_FORCE), None)

    @property
    def latest_version(self) -> int | None:
        return max((v.number for v in self.versions), default=None)


@dataclass(frozen=True)
class CatalogueArticle:
    """条款库条目 — a model article to start a draft from, grouped by DOMAIN.md content area."""

    id: str
    area: str
    title: str
    text: str
    builtin: bool = True


@dataclass(frozen=True)
class ImportResult:
    """导入结果 — the new version, its kept preamble and closing, and the lines the clerk should check."""

    rulebook_id: str
    version: int
    articles: int
    problems: tuple[str, ...] = ()
    preamble: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    changed: Changed = field(default_factory=lambda: Changed(Entity.RULEBOOK))  # the new version and its rulebook


def chapters_from_catalogue(entries: list[CatalogueArticle]) -> tuple[Chapter, ...]:
    """A first draft from catalogue articles: one chapter per content area, in catalogue order."""
    areas: dict[str, list[Article]] = {}
    for entry in entries:
        areas.setdefault(entry.area, []).append(Article(new_id(), entry.text))
    return tuple(Chapter(new_id(), area, tuple(articles)) for area, articles in areas.items())
