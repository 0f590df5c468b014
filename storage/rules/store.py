"""SqliteRulebookStore: rulebooks with their versions and articles (one version in force per rulebook)."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.rules.rulebooks import RulebookSummary, VersionInfo
from models.rules.document import (Article, Chapter, Rulebook, RulebookKind, RuleVersion, VersionStatus,
                          require_editable)
from storage.core.store_base import SqliteStore

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VERSION_COLUMNS = ("id, rulebook_id, number, status, effective_date, title, chapters, based_on, owner, "
                    "preamble, closing, verse")


class SqliteRulebookStore(SqliteStore):
    """Implements models.rules.ports.RulebookStore over the rule_* tables (all writes synced and audited)."""

    def list_rulebooks(self) -> list[RulebookSummary]:
        rows = self._db.conn.execute(
            "SELECT id, title, kind FROM rulebooks WHERE deleted = 0 ORDER BY created_at, id").fetchall()
        return [RulebookSummary(r[0], r[1], RulebookKind(r[2]), tuple(self._versions(r[0]))) for r in rows]

    def _versions(self, rulebook_id: str) -> list[VersionInfo]:
        rows = self._db.conn.execute(
            "SELECT v.id, v.number, v.status, v.effective_date, v.source, "
            "(SELECT COUNT(*) FROM rule_articles a WHERE a.version_id = v.id AND a.deleted = 0) "
            "FROM rule_versions v WHERE v.rulebook_id = ? AND v.deleted = 0 ORDER BY v.number",
            (rulebook_id,)).fetchall()
        return [VersionInfo(r[0], r[1], VersionStatus(r[2]), r[3], r[5], r[4]) for r in rows]

    def get_rulebook(self, rulebook_id: str) -> Rulebook:
        row = self._db.conn.execute("SELECT id, title, kind FROM rulebooks WHERE id = ? AND deleted = 0",
                                    (rulebook_id,)).fetchone()
        if row is None:
            raise NotFound(f"没有编号为“{rulebook_id}”的村规民约。请用 rules list 查看现有的编号。")
        return Rulebook(row[0], row[1], RulebookKind(row[2]))

    def create_rulebook(self, title: str, kind: RulebookKind = RulebookKind.RULES) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        if not title.strip():
            raise DomainError("请填写规约名称，例如“青石村村规民约”。")
        with self._db.atomic():
            row = self._insert("rulebooks", {"title": title.strip(), "kind": kind.value})
        return Changed.one(Entity.RULEBOOK, row["id"])

    def load_version(self, rulebook_id: str, number: int | None = None) -> RuleVersion:
        self.get_rulebook(rulebook_id)
        sql = f"SELECT {_VERSION_COLUMNS} FROM rule_versions WHERE rulebook_id = ? AND deleted = 0"
        if number is None:
            row = self._db.conn.execute(sql + " ORDER BY number DESC LIMIT 1", (rulebook_id,)).fetchone()
        else:
            row = self._db.conn.execute(sql + " AND number = ?", (rulebook_id, number)).fetchone()
        if row is None:
            which = f"第{number}版" if number is not None else "任何版本"
            raise NotFound(f"这份村规民约没有{which}。请用 rules list 查看已有的版本。")
        return self._version_from_row(row)

    def _version_from_row(self, row: tuple[Any, ...]) -> RuleVersion:
        chapters = [(c["key"], c["title"]) for c in json.loads(row[6])]
        kinds = {c["key"]: c.get("kind", "chapter") for c in json.loads(row[6])}
        articles: dict[str, list[Article]] = {key: [] for key, _ in chapters}
        for key, chapter_key, text, items in self._db.conn.execute(
                "SELECT article_key, chapter_key, text, items FROM rule_articles "
                "WHERE version_id = ? AND deleted = 0 ORDER BY position", (row[0],)):
            if chapter_key not in articles:
                chapters.append((chapter_key, ""))
                articles[chapter_key] = []
            articles[chapter_key].append(Article(key, text, tuple(json.loads(items))))
        return RuleVersion(row[0], row[1], row[2],
                           tuple(Chapter(k, t, tuple(articles[k]), kinds.get(k, "chapter")) for k, t in chapters),
                           VersionStatus(row[3]), row[4], row[5], row[7], owned=row[8] == self._db.node_id,
                           preamble=tuple(json.loads(row[9])), closing=tuple(json.loads(row[10])), verse=bool(row[11]))

    def save_version(self, version: RuleVersion) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        stored = self.load_version(version.rulebook_id, version.number)
        require_editable(stored)
        with self._db.atomic():
            self._write_articles(version)
            frame = _frame(version)
            if frame != _frame(stored) or version.title != stored.title:
                self._update("rule_versions", version.id, {**frame, "title": version.title})
        return _version_changed(stored.id, version.rulebook_id)

    def _write_articles(self, version: RuleVersion) -> None:
        existing = {r[1]: r for r in self._db.conn.execute(
            "SELECT id, article_key, chapter_key, position, text, items, deleted FROM rule_articles "
            "WHERE version_id = ?", (version.id,))}
        seen = set()
        position = 0
        for chapter in version.chapters:
            for article in chapter.articles:
                position += 1
                seen.add(article.key)
                values = {"chapter_key": chapter.key, "position": position, "text": article.text,
                          "items": json.dumps(list(article.items), ensure_ascii=False), "deleted": 0}
                row = existing.get(article.key)
                if row is None:
                    self._insert("rule_articles", {"version_id": version.id, "article_key": article.key, **values})
                elif tuple(row[2:7]) != tuple(values.values()):
                    self._update("rule_articles", row[0], values)
        for key, row in existing.items():
            if key not in seen and not row[6]:
                self._tombstone("rule_articles", row[0])

    def _next_number(self, rulebook_id: str) -> int:
        row = self._db.conn.execute("SELECT MAX(number) FROM rule_versions WHERE rulebook_id = ? AND deleted = 0",
                                    (rulebook_id,)).fetchone()
        return (row[0] or 0) + 1

    def _add_version(self, version: RuleVersion, source: str) -> RuleVersion:
        """Insert a new draft version and its articles. Call inside atomic()."""
        number = self._next_number(version.rulebook_id)
        row = self._insert("rule_versions", {
            "rulebook_id": version.rulebook_id, "number": number, "status": VersionStatus.DRAFT.value,
            "effective_date": "", "title": version.title, **_frame(version),
            "based_on": version.based_on, "source": source}, summary=f"新建第{number}版（{source}）")
        version = replace(version, id=row["id"], number=number, status=VersionStatus.DRAFT, effective_date="",
                          owned=True)
        self._write_articles(version)
        return version

    def add_version(self, version: RuleVersion, source: str) -> Changed:
        """Store `version`'s chapters and articles as the rulebook's next draft version."""
        self._require(Permission.EDIT_RECORDS)
        self.get_rulebook(version.rulebook_id)
        with self._db.atomic():
            added = self._add_version(version, source)
        return _version_changed(added.id, added.rulebook_id)

    def new_version(self, rulebook_id: str, based_on: int | None = None) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        base = self.load_version(rulebook_id, based_on)
        with self._db.atomic():
            added = self._add_version(replace(base, based_on=base.id), f"由第{base.number}版复制")
        return _version_changed(added.id, rulebook_id)

    def put_in_force(self, rulebook_id: str, number: int, effective_date: str) -> Changed:
        self._require(Permission.APPROVE)
        if not DATE.match(effective_date):
            raise DomainError("生效日期应写成 2026-05-01 这样的格式。")
        version = self.load_version(rulebook_id, number)
        if version.status is not VersionStatus.DRAFT:
            raise DomainError(f"第{number}版已{version.status.label}，不能再次生效。")
        with self._db.atomic():
            superseded = [row[0] for row in self._db.conn.execute(
                "SELECT id FROM rule_versions WHERE rulebook_id = ? AND deleted = 0 AND status = 'in_force'",
                (rulebook_id,)).fetchall()]
            for version_id in superseded:
                self._update("rule_versions", version_id, {"status": VersionStatus.SUPERSEDED.value}, "supersede")
            self._update("rule_versions", version.id, {"status": VersionStatus.IN_FORCE.value,
                                                       "effective_date": effective_date}, "adopt")
        return _version_changed(version.id, rulebook_id, *superseded)


def _chapters_json(version: RuleVersion) -> str:
    return json.dumps([{"key": c.key, "title": c.title} | ({"kind": c.kind} if c.kind != "chapter" else {})
                       for c in version.chapters], ensure_ascii=False)


def _frame(version: RuleVersion) -> dict[str, Any]:
    """The version's columns besides its articles: chapters (and sections), preamble, closing, verse."""
    return {"chapters": _chapters_json(version), "preamble": json.dumps(list(version.preamble), ensure_ascii=False),
            "closing": json.dumps(list(version.closing), ensure_ascii=False), "verse": int(version.verse)}


def _version_changed(version_id: str, rulebook_id: str, *also: str) -> Changed:
    """A version write: the version (`.id`; `also`: other versions it touched) and the rulebook it belongs to."""
    return (Changed.one(Entity.RULE_VERSION, version_id) | Changed(Entity.RULE_VERSION, frozenset(also))
            | Changed.one(Entity.RULEBOOK, rulebook_id))
