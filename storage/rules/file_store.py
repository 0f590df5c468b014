"""SqliteRulesFiles: a rules file (.md/.txt/.docx) read as a new version; a version or a 修改对照表 written out."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from models.core.accounts import Actor, Permission
from models.core.errors import DomainError, NotFound
from models.rules.comparison import comparison
from models.rules.diff import adopt_keys
from models.rules.document import RuleVersion
from models.rules.ports import ChangeReasonStore, RulebookStore
from models.rules.rulebooks import ImportResult
from models.rules.reading import PlacedLine, place_lines
from models.rules.text import assemble, parse_rules_lines
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.rules.files import read_paragraphs, write_comparison_file, write_rules_file


class SqliteRulesFiles(SqliteStore):
    """Implements models.rules.ports.RulesFiles over the rulebooks and change reasons it is given."""

    def __init__(self, db: Database, actor: Actor, rules: RulebookStore, reasons: ChangeReasonStore) -> None:
        super().__init__(db, actor)
        self._rules, self._reasons = rules, reasons

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
        with self._db.atomic():  # the new rulebook and its version, or neither
            made = None
            if rulebook_id is None:
                made = self._rules.create_rulebook(title or parsed.title or path.stem)
                rulebook_id = made.id
            else:
                self._rules.get_rulebook(rulebook_id)
            version = RuleVersion("", rulebook_id, 0, tuple(parsed.chapters), title=title or parsed.title,
                                  preamble=tuple(parsed.preamble), closing=tuple(parsed.closing), verse=parsed.verse)
            previous = self._latest(rulebook_id)
            if previous is not None:
                version = replace(adopt_keys(previous, version), based_on=previous.id)
            changed = self._rules.add_version(version, f"导入 {path.name}")
            added = self._rules.load_version(rulebook_id)
        return ImportResult(rulebook_id, added.number, parsed.article_count, problems, added.preamble, added.closing,
                            changed | made if made is not None else changed)

    def _latest(self, rulebook_id: str) -> RuleVersion | None:
        try:
            return self._rules.load_version(rulebook_id)
        except NotFound:  # a rulebook without versions yet
            return None

    def export_file(self, rulebook_id: str, number: int | None, path: Path) -> Path:
        version = self._rules.load_version(rulebook_id, number)
        return write_rules_file(version, version.title or self._rules.get_rulebook(rulebook_id).title, path)

    def export_comparison(self, rulebook_id: str, old: int, new: int, path: Path) -> Path:
        title = self._rules.get_rulebook(rulebook_id).title
        return write_comparison_file(comparison(self._rules, self._reasons, rulebook_id, old, new),
                                     f"{title}修改对照表（第{old}版→第{new}版）", path)
