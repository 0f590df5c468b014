"""Store interfaces (Protocols) of the village rules (村规民约), one per aggregate: rulebooks with their versions,
the change reasons of a 修改对照表, the article catalogue (条款库), and the rules files read and written."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.rules.document import Rulebook, RulebookKind, RuleVersion
    from models.rules.reading import PlacedLine
    from models.rules.rulebooks import CatalogueArticle, ImportResult, RulebookSummary


class RulebookStore(Protocol):
    """村规民约 and charters with all their versions. Only drafts may be edited; one version is in force.

    Version writes return `Changed.one(Entity.RULE_VERSION, version_id) | Changed.one(Entity.RULEBOOK, …)`, so
    `.id` is the version's and a screen showing the rulebook hears it too."""

    def list_rulebooks(self) -> list[RulebookSummary]: ...
    def get_rulebook(self, rulebook_id: str) -> Rulebook: ...

    def create_rulebook(self, title: str, kind: RulebookKind = ...) -> Changed:
        """A new rulebook without versions; `.id` is its id."""
        ...

    def load_version(self, rulebook_id: str, number: int | None = None) -> RuleVersion:
        """The version `number`, or the latest one when None; raises NotFound."""
        ...

    def save_version(self, version: RuleVersion) -> Changed:
        """Write a draft's chapters and articles (refused for an adopted version)."""
        ...

    def add_version(self, version: RuleVersion, source: str) -> Changed:
        """Store `version`'s chapters and articles as the rulebook's next draft (its latest version)."""
        ...

    def new_version(self, rulebook_id: str, based_on: int | None = None) -> Changed:
        """A new draft (the latest version) copied from version `based_on` (default: the latest), article keys
        kept."""
        ...

    def put_in_force(self, rulebook_id: str, number: int, effective_date: str) -> Changed:
        """Adopt version `number` from `effective_date`; the version in force before is superseded."""
        ...


class ChangeReasonStore(Protocol):
    """修改理由: why each article of a version changed, as the 修改对照表 prints it."""

    def change_reasons(self, version_id: str) -> dict[str, str]: ...

    def set_change_reason(self, version_id: str, article_key: str, reason: str) -> Changed:
        """Record (or replace) the reason; the change is the version's rulebook's."""
        ...


class CatalogueStore(Protocol):
    """条款库: the built-in model articles and the village's own, to start a draft from."""

    def catalogue(self) -> list[CatalogueArticle]: ...
    def add_catalogue_article(self, area: str, title: str, text: str) -> Changed: ...


class RulesFiles(Protocol):
    """Rules files: a .md/.txt/.docx read as a new version, a version or a 修改对照表 written out."""

    def read_lines(self, path: Path) -> list[PlacedLine]:
        """The file's lines with the role the reader gives each, for the clerk to check before importing."""
        ...

    def import_file(self, path: Path, rulebook_id: str | None = None, title: str | None = None,
                    lines: list[PlacedLine] | None = None) -> ImportResult:
        """Read a .md/.txt/.docx file as a new version (of a new rulebook when `rulebook_id` is None); `lines`
        are the file's lines with roles the clerk corrected (see read_lines); `ImportResult.changed` names what
        it wrote."""
        ...

    def export_file(self, rulebook_id: str, number: int | None, path: Path) -> Path: ...
    def export_comparison(self, rulebook_id: str, old: int, new: int, path: Path) -> Path: ...
