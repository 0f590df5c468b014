"""SqliteRulebookStore: rulebooks, their versions and articles, change reasons and the article catalogue."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from models.core.accounts import Permission
from models.core.errors import DomainError, NotFound
from models.core.ids import new_id
from models.rules.rulebooks import CatalogueArticle, ImportResult, RulebookSummary, VersionInfo
from models.rules.document import (Article, Chapter, Rulebook, RulebookKind, RuleVersion, VersionStatus,
                          require_editable)
from models.rules.diff import ComparisonRow, adopt_keys, comparison_table, diff_versions
from models.rules.reading import PlacedLine, place_lines
from models.rules.text import assemble, parse_rules_lines
from storage.rules.files import read_paragraphs, write_comparison_file, write_rules_file
from storage.core.store_base import SqliteStore

CATALOGUE_FILE = Path(__file__).resolve().parents[2] / "resources" / "rules_catalogue.json"
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

    def create_rulebook(self, title: str, kind: RulebookKind = RulebookKind.RULES) -> Rulebook:
        self._require(Permission.EDIT_RECORDS)
        if not title.strip():
            raise DomainError("请填写规约名称，例如“青石村村规民约”。")
        with self._db.atomic():
            row = self._insert("rulebooks", {"title": title.strip(), "kind": kind.value})
        return Rulebook(row["id"], row["title"], kind)

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

    def save_version(self, version: RuleVersion) -> None:
        self._require(Permission.EDIT_RECORDS)
        stored = self.load_version(version.rulebook_id, version.number)
        require_editable(stored)
        with self._db.atomic():
            self._write_articles(version)
            frame = _frame(version)
            if frame != _frame(stored) or version.title != stored.title:
                self._update("rule_versions", version.id, {**frame, "title": version.title})

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

    def add_version(self, version: RuleVersion, source: str) -> RuleVersion:
        """Store `version`'s chapters and articles as the rulebook's next draft version."""
        self._require(Permission.EDIT_RECORDS)
        self.get_rulebook(version.rulebook_id)
        with self._db.atomic():
            return self._add_version(version, source)

    def new_version(self, rulebook_id: str, based_on: int | None = None) -> RuleVersion:
        self._require(Permission.EDIT_RECORDS)
        base = self.load_version(rulebook_id, based_on)
        with self._db.atomic():
            return self._add_version(replace(base, based_on=base.id), f"由第{base.number}版复制")

    def put_in_force(self, rulebook_id: str, number: int, effective_date: str) -> None:
        self._require(Permission.APPROVE)
        if not DATE.match(effective_date):
            raise DomainError("生效日期应写成 2026-05-01 这样的格式。")
        version = self.load_version(rulebook_id, number)
        if version.status is not VersionStatus.DRAFT:
            raise DomainError(f"第{number}版已{version.status.label}，不能再次生效。")
        with self._db.atomic():
            for row in self._db.conn.execute("SELECT id FROM rule_versions WHERE rulebook_id = ? AND deleted = 0 "
                                             "AND status = 'in_force'", (rulebook_id,)).fetchall():
                self._update("rule_versions", row[0], {"status": VersionStatus.SUPERSEDED.value}, "supersede")
            self._update("rule_versions", version.id, {"status": VersionStatus.IN_FORCE.value,
                                                       "effective_date": effective_date}, "adopt")

    def read_lines(self, path: Path) -> list[PlacedLine]:
        return place_lines(read_paragraphs(path))

    def import_file(self, path: Path, rulebook_id: str | None = None, title: str | None = None,
                    lines: list[PlacedLine] | None = None) -> ImportResult:
        self._require(Permission.EDIT_RECORDS)
        parsed = assemble(lines) if lines is not None else parse_rules_lines(read_paragraphs(path))
        if not parsed.article_count:
            raise DomainError(f"在“{path.name}”中没有找到任何条款。请确认每条以“第一条”“一、”或“1.”这样的条号开头。")
        problems = tuple(f"第{p.line}行：{p.text[:30]}（{p.reason}）" if p.line else f"{p.text}：{p.reason}"
                         for p in parsed.problems)
        with self._db.atomic():
            if rulebook_id is None:
                rulebook_id = self.create_rulebook(title or parsed.title or path.stem).id
            else:
                self.get_rulebook(rulebook_id)
            version = RuleVersion("", rulebook_id, 0, tuple(parsed.chapters), title=title or parsed.title,
                                  preamble=tuple(parsed.preamble), closing=tuple(parsed.closing), verse=parsed.verse)
            if self._next_number(rulebook_id) > 1:
                previous = self.load_version(rulebook_id)
                version = replace(adopt_keys(previous, version), based_on=previous.id)
            version = self._add_version(version, f"导入 {path.name}")
        return ImportResult(rulebook_id, version.number, parsed.article_count, problems, version.preamble,
                            version.closing)

    def export_file(self, rulebook_id: str, number: int | None, path: Path) -> Path:
        version = self.load_version(rulebook_id, number)
        return write_rules_file(version, version.title or self.get_rulebook(rulebook_id).title, path)

    def comparison(self, rulebook_id: str, old: int, new: int) -> list[ComparisonRow]:
        """The 修改对照表 rows from version `old` to version `new`, with the recorded reasons."""
        before, after = self.load_version(rulebook_id, old), self.load_version(rulebook_id, new)
        return comparison_table(diff_versions(before, after), self.change_reasons(after.id))

    def export_comparison(self, rulebook_id: str, old: int, new: int, path: Path) -> Path:
        title = self.get_rulebook(rulebook_id).title
        return write_comparison_file(self.comparison(rulebook_id, old, new),
                                     f"{title}修改对照表（第{old}版→第{new}版）", path)

    def change_reasons(self, version_id: str) -> dict[str, str]:
        return dict(self._db.conn.execute("SELECT article_key, reason FROM rule_change_reasons "
                                          "WHERE version_id = ? AND deleted = 0", (version_id,)).fetchall())

    def set_change_reason(self, version_id: str, article_key: str, reason: str) -> None:
        self._require(Permission.EDIT_RECORDS)
        row = self._db.conn.execute("SELECT id FROM rule_change_reasons WHERE version_id = ? AND article_key = ?",
                                    (version_id, article_key)).fetchone()
        with self._db.atomic():
            if row is None:
                self._insert("rule_change_reasons", {"version_id": version_id, "article_key": article_key,
                                                     "reason": reason.strip()})
            else:
                self._update("rule_change_reasons", row[0], {"reason": reason.strip(), "deleted": 0})

    def catalogue(self) -> list[CatalogueArticle]:
        builtin = [CatalogueArticle(e["id"], e["area"], e["title"], e["text"])
                   for e in json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))]
        own = [CatalogueArticle(r[0], r[1], r[2], r[3], builtin=False) for r in self._db.conn.execute(
            "SELECT id, area, title, text FROM rule_catalogue_articles WHERE deleted = 0 ORDER BY created_at")]
        return builtin + own

    def add_catalogue_article(self, area: str, title: str, text: str) -> CatalogueArticle:
        self._require(Permission.EDIT_RECORDS)
        if not text.strip() or not area.strip():
            raise DomainError("请填写条款所属方面和条文。")
        with self._db.atomic():
            row = self._insert("rule_catalogue_articles", {"area": area.strip(), "title": title.strip(),
                                                           "text": text.strip()}, row_id=new_id())
        return CatalogueArticle(row["id"], row["area"], row["title"], row["text"], builtin=False)


def _chapters_json(version: RuleVersion) -> str:
    return json.dumps([{"key": c.key, "title": c.title} | ({"kind": c.kind} if c.kind != "chapter" else {})
                       for c in version.chapters], ensure_ascii=False)


def _frame(version: RuleVersion) -> dict[str, Any]:
    """The version's columns besides its articles: chapters (and sections), preamble, closing, verse."""
    return {"chapters": _chapters_json(version), "preamble": json.dumps(list(version.preamble), ensure_ascii=False),
            "closing": json.dumps(list(version.closing), ensure_ascii=False), "verse": int(version.verse)}
