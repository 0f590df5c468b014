"""What the lists read from the household registry (m010) and the village rules in force (m020).

Households and villagers are read through the registry's row helpers (`storage/registry/rows.py`); articles through
the rulebook store, numbered as the rules area numbers them (position through all chapters, 第十二条).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from models.core.errors import DomainError, NotFound
from models.lists.entries import ArticleRef, HouseholdInfo, Member
from models.core.numerals import article_label, parse_number
from models.registry.households import ADULT_AGE, HEAD_RELATION, Household, Villager
from models.rules.document import NumberedArticle, RulebookKind, RuleVersion, numbered_articles
from models.rules.ports import RulebookStore
from storage.core.db import Database
from storage.registry.rows import HOUSEHOLD_COLUMNS, VILLAGER_COLUMNS, household_from_row, villager_from_row

_HOUSEHOLD_SQL = f"SELECT {', '.join(HOUSEHOLD_COLUMNS)} FROM households"
_VILLAGER_SQL = f"SELECT {', '.join(VILLAGER_COLUMNS)} FROM villagers"


def dict_rows(db: Database, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def is_minor(villager: Villager, on: date) -> bool:
    age = villager.age_on(on)
    return age is not None and age < ADULT_AGE


class SqliteHouseholdDirectory:
    """HouseholdDirectory over the registry tables: a household by its 户号 (or id) with its living members."""

    def __init__(self, db: Database, today: date | None = None) -> None:
        self._db = db
        self._today = today or date.today()

    def household(self, household_no: str) -> HouseholdInfo:
        # A township database holds many villages' registries: this installation's own household comes first.
        row = self._db.conn.execute(_HOUSEHOLD_SQL + " WHERE household_no = ? AND deleted = 0 "
                                    "ORDER BY owner = ? DESC LIMIT 1",
                                    (household_no.strip(), self._db.node_id)).fetchone()
        if row is None:
            raise NotFound(f"户籍中没有户号“{household_no}”。请核对户号（可在户籍花名册中查看）。")
        return self._info(household_from_row(row))

    def household_by_id(self, household_id: str) -> HouseholdInfo:
        row = self._db.conn.execute(_HOUSEHOLD_SQL + " WHERE id = ?", (household_id,)).fetchone()
        if row is None:
            raise NotFound(f"户籍中没有编号为 {household_id} 的户，可能已被删除。请核对户籍花名册。")
        return self._info(household_from_row(row))

    def _group_name(self, group_id: str) -> str:
        row = self._db.conn.execute("SELECT name FROM village_groups WHERE id = ?", (group_id,)).fetchone()
        return str(row[0]) if row else ""

    def _members(self, household_id: str) -> list[Villager]:
        rows = self._db.conn.execute(_VILLAGER_SQL + " WHERE household_id = ? AND deleted = 0 ORDER BY position, name",
                                     (household_id,))
        return [v for v in (villager_from_row(r, show_id=False) for r in rows) if v.active_on(self._today)]

    def _info(self, household: Household) -> HouseholdInfo:
        members = self._members(household.id)
        people = tuple(Member(v.id, v.name, is_minor(v, self._today)) for v in members)
        head = _head(household, members)
        return HouseholdInfo(household.id, household.household_no, self._group_name(household.group_id),
                             head.name if head else "", head is not None and is_minor(head, self._today), people)


def _head(household: Household, members: list[Villager]) -> Villager | None:
    """The head: named by the household row, or by relation 户主, else the first member."""
    by_id = next((m for m in members if m.id == household.head_id), None)
    by_relation = next((m for m in members if m.relation == HEAD_RELATION), None)
    return by_id or by_relation or (members[0] if members else None)


def article_number(reference: str) -> int | None:
    """12, 第12条, 第十二条 and 第１２条 all name article 12."""
    text = reference.strip().removeprefix("第").removesuffix("条").strip()
    return parse_number(text) if text else None


class SqliteArticleCatalogue:
    """ArticleCatalogue over the rulebook store: the articles of the 村规民约 version in force."""

    def __init__(self, rules: RulebookStore) -> None:
        self._rules = rules

    def version_in_force(self) -> RuleVersion:
        for summary in self._rules.list_rulebooks():
            if summary.kind is RulebookKind.RULES and summary.in_force_version is not None:
                return self._rules.load_version(summary.id, summary.in_force_version)
        raise DomainError("村规民约还没有现行有效的版本，无法引用条款。黄榜、黑榜条目须引用现行村规民约的条款："
                          "请先在“村规民约”中录入并完成表决、备案，使一个版本生效。")

    def articles(self) -> list[ArticleRef]:
        """Every article of the version in force, as a reference (for choosing one on screen)."""
        version = self.version_in_force()
        return [_reference(version, article) for article in numbered_articles(version)]

    def resolve(self, reference: str) -> ArticleRef:
        number = article_number(reference)
        if number is None:
            raise DomainError(f"条款“{reference}”看不懂。请写成“第12条”“第十二条”或“12”。")
        version = self.version_in_force()
        articles = numbered_articles(version)
        found = next((a for a in articles if a.number == number), None)
        if found is None:
            raise NotFound(f"现行村规民约（第{version.number}版，共{len(articles)}条）中没有第{number}条。请核对条款号。")
        return _reference(version, found)


def _reference(version: RuleVersion, article: NumberedArticle) -> ArticleRef:
    # Pinned by article key (its identity across versions) and version id; the label and text are snapshots.
    return ArticleRef(article.key, version.id, article_label(article.number), shorten(article.text))


def shorten(text: str, limit: int = 16) -> str:
    """The short form of an article for the board: its first clause, at most `limit` characters."""
    first = re.split(r"[。；;，,]", text.strip(), maxsplit=1)[0]
    return first if len(first) <= limit else first[:limit] + "…"
