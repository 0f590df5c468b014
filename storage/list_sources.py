"""Read-only views the lists need of the household registry and the rules in force (only if those tables exist).

The registry (`households`, `villagers`, `village_groups`) and the village rules (rulebooks, versions, articles)
are built by other areas. Until their tables exist these classes refuse with a Chinese message; their columns are
read by name, so an extra column there changes nothing here.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from models.errors import DomainError, NotFound
from models.lists import ArticleRef, HouseholdInfo, Member
from storage.db import Database

ADULT_YEARS = 18
_GONE = ("deceased", "moved_out", "died", "死亡", "迁出", "注销")
_HEAD_RELATIONS = ("户主", "head", "self", "本人")
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def columns(db: Database, table: str) -> set[str]:
    return {row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")}


def _rows(db: Database, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def is_minor(birth_date: str | None, on: date) -> bool:
    if not birth_date:
        return False
    try:
        born = date.fromisoformat(str(birth_date)[:10])
    except ValueError:
        return False
    return (on.year - born.year - ((on.month, on.day) < (born.month, born.day))) < ADULT_YEARS


class SqliteHouseholdDirectory:
    """HouseholdDirectory over the registry's tables; refuses until the registry exists."""

    def __init__(self, db: Database, today: date | None = None) -> None:
        self._db = db
        self._today = today or date.today()

    def _check(self) -> None:
        if not (self._db.table_exists("households") and self._db.table_exists("villagers")):
            raise DomainError("本数据库还没有户籍花名册（户、村民表），无法按户号提名。请先建立户籍花名册后再录入榜单。")

    def household(self, household_no: str) -> HouseholdInfo:
        self._check()
        rows = _rows(self._db, "SELECT * FROM households WHERE household_no = ? AND deleted = 0",
                     (household_no.strip(),))
        if not rows:
            raise NotFound(f"户籍中没有户号“{household_no}”。请核对户号（可在户籍花名册中查看）。")
        return self._info(rows[0])

    def household_by_id(self, household_id: str) -> HouseholdInfo:
        self._check()
        rows = _rows(self._db, "SELECT * FROM households WHERE id = ?", (household_id,))
        if not rows:
            raise NotFound(f"户籍中没有编号为 {household_id} 的户。")
        return self._info(rows[0])

    def _group_name(self, household: dict[str, Any]) -> str:
        group_id = household.get("group_id")
        if group_id and self._db.table_exists("village_groups"):
            found = _rows(self._db, "SELECT * FROM village_groups WHERE id = ?", (group_id,))
            if found:
                return str(found[0].get("name") or found[0].get("label") or "")
        return str(household.get("group_name") or "")

    def _members(self, household_id: str) -> list[dict[str, Any]]:
        order = "birth_date" if "birth_date" in columns(self._db, "villagers") else "rowid"
        rows = _rows(self._db, f"SELECT * FROM villagers WHERE household_id = ? AND deleted = 0 ORDER BY {order}",
                     (household_id,))
        return [r for r in rows if str(r.get("status") or "") not in _GONE]

    def _info(self, household: dict[str, Any]) -> HouseholdInfo:
        members = self._members(household["id"])
        people = tuple(Member(m["id"], m["name"], is_minor(m.get("birth_date"), self._today)) for m in members)
        head = _head(household, members)
        head_minor = bool(head) and is_minor(head.get("birth_date"), self._today)
        head_name = str(head.get("name")) if head else str(household.get("head_name") or "")
        return HouseholdInfo(household["id"], str(household["household_no"]), self._group_name(household),
                             head_name, head_minor, people)


def _head(household: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
    """The head: named by the household row, or by relation, else the eldest member."""
    for key in ("head_id", "head_villager_id"):
        if household.get(key):
            for member in members:
                if member["id"] == household[key]:
                    return member
    for member in members:
        if member.get("is_head") or str(member.get("relation") or "") in _HEAD_RELATIONS:
            return member
    return members[0] if members else {}


def article_number(reference: str) -> int | None:
    """12, 第12条 and 第十二条 all name article 12."""
    text = reference.strip().removeprefix("第").removesuffix("条")
    if text.isdigit():
        return int(text)
    if text and all(c in _CHINESE_DIGITS or c == "十" for c in text):
        if "十" not in text:
            return int("".join(str(_CHINESE_DIGITS[c]) for c in text))
        tens, _, ones = text.partition("十")
        return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[ones] if ones else 0)
    return None


class SqliteArticleCatalogue:
    """ArticleCatalogue over the rules' tables: articles of the one version in force."""

    VERSION_TABLES = ("rule_versions", "rulebook_versions", "versions")
    ARTICLE_TABLES = ("rule_articles", "articles")

    def __init__(self, db: Database) -> None:
        self._db = db

    def _tables(self) -> tuple[str, str]:
        versions = next((t for t in self.VERSION_TABLES if self._db.table_exists(t)), None)
        articles = next((t for t in self.ARTICLE_TABLES if self._db.table_exists(t)), None)
        if versions is None or articles is None:
            raise DomainError("本数据库还没有村规民约（版本和条款表），无法引用条款。黄榜、黑榜条目须引用现行村规民约的"
                              "条款：请先在“村规民约”中录入并生效一个版本。")
        return versions, articles

    def _version_in_force(self, table: str) -> dict[str, Any]:
        names = columns(self._db, table)
        if "in_force" in names:
            rows = _rows(self._db, f"SELECT * FROM {table} WHERE in_force = 1 AND deleted = 0")
        else:
            state = next((c for c in ("state", "status") if c in names), None)
            rows = _rows(self._db, f"SELECT * FROM {table} WHERE {state} IN ('in_force', 'effective') "
                         "AND deleted = 0") if state else []
        if not rows:
            raise DomainError("村规民约还没有现行有效的版本，无法引用条款。请先完成表决和备案，使一个版本生效。")
        return rows[0]

    def resolve(self, reference: str) -> ArticleRef:
        versions, articles = self._tables()
        version = self._version_in_force(versions)
        number = article_number(reference)
        if number is None:
            raise DomainError(f"条款“{reference}”看不懂。请写成“第12条”或“12”。")
        names = columns(self._db, articles)
        rows = _rows(self._db, f"SELECT * FROM {articles} WHERE version_id = ? AND deleted = 0", (version["id"],))
        found = [r for r in rows if article_number(str(r.get("number", ""))) == number]
        if not found:
            raise NotFound(f"现行村规民约中没有第{number}条。请核对条款号。")
        row = found[0]
        short = next((str(row[c]) for c in ("short_text", "title", "heading", "summary") if c in names and row[c]), "")
        if not short:
            body = next((str(row[c]) for c in ("text", "body", "content") if c in names and row[c]), "")
            short = shorten(body)
        return ArticleRef(row["id"], version["id"], f"第{number}条", short)


def shorten(text: str, limit: int = 16) -> str:
    """The short form of an article for the board: its first clause, at most `limit` characters."""
    first = re.split(r"[。；;，,]", text.strip(), maxsplit=1)[0]
    return first if len(first) <= limit else first[:limit] + "…"
