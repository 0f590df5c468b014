"""Store interface (Protocol) of the village rules (村规民约) and charters with their versions."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.rules.diff import ComparisonRow
    from models.rules.document import Rulebook, RulebookKind, RuleVersion
    from models.rules.reading import PlacedLine
    from models.rules.rulebooks import CatalogueArticle, ImportResult, RulebookSummary


class RulebookStore(Protocol):
    """村规民约 and charters with all their versions. Only drafts may be edited; one version is in force."""

    def list_rulebooks(self) -> list[RulebookSummary]: ...
    def get_rulebook(self, rulebook_id: str) -> Rulebook: ...
    def create_rulebook(self, title: str, kind: RulebookKind = ...) -> Rulebook: ...

    def load_version(self, rulebook_id: str, number: int | None = None) -> RuleVersion:
        """The version `number`, or the latest one when None; raises NotFound."""
        ...

    def save_version(self, version: RuleVersion) -> None:
        """Write a draft's chapters and articles (refused for an adopted version)."""
        ...

    def add_version(self, version: RuleVersion, source: str) -> RuleVersion:
        """Store `version`'s chapters and articles as the rulebook's next draft; returns it numbered."""
        ...

    def new_version(self, rulebook_id: str, based_on: int | None = None) -> RuleVersion:
        """A new draft copied from version `based_on` (default: the latest), article keys kept."""
        ...

    def put_in_force(self, rulebook_id: str, number: int, effective_date: str) -> None:
        """Adopt version `number` from `effective_date`; the version in force before is superseded."""
        ...

    def read_lines(self, path: Path) -> list[PlacedLine]:
        """The file's lines with the role the reader gives each, for the clerk to check before importing."""
        ...

    def import_file(self, path: Path, rulebook_id: str | None = None, title: str | None = None,
                    lines: list[PlacedLine] | None = None) -> ImportResult:
        """Read a .md/.txt/.docx file as a new version (of a new rulebook when `rulebook_id` is None);
        `lines` are the file's lines with roles the clerk corrected (see read_lines)."""
        ...

    def export_file(self, rulebook_id: str, number: int | None, path: Path) -> Path: ...
    def comparison(self, rulebook_id: str, old: int, new: int) -> list[ComparisonRow]:
        """The 修改对照表 rows from version `old` to `new`, reasons filled from what was recorded."""
        ...

    def export_comparison(self, rulebook_id: str, old: int, new: int, path: Path) -> Path: ...
    def change_reasons(self, version_id: str) -> dict[str, str]: ...
    def set_change_reason(self, version_id: str, article_key: str, reason: str) -> None: ...
    def catalogue(self) -> list[CatalogueArticle]: ...
    def add_catalogue_article(self, area: str, title: str, text: str) -> CatalogueArticle: ...
