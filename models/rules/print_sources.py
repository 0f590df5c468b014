"""What the rules' printed products read (the booklet, the poster, 修改对照表), gathered through the stores.

printing/ renders these plain objects; ui/ (打印中心) and cli/ (`print …`) call the gatherers on their own thread.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from models.core.errors import DomainError
from models.rules.comparison import comparison

if TYPE_CHECKING:
    from models.core.ports import Stores
    from models.rules.diff import ComparisonRow
    from models.rules.document import Rulebook, RuleVersion
    from models.rules.ports import ChangeReasonStore, RulebookStore


@dataclass(frozen=True)
class Adoption:
    """R25: which meeting adopted a version, and when (from the workflow's vote record)."""

    meeting: str  # 村民会议
    on: date


class VoteAdoptions(Protocol):
    """What the rules' printouts read of the workflow's votes: the meeting that adopted a version."""

    def adoption(self, version_id: str) -> tuple[str, date] | None: ...


@dataclass(frozen=True)
class RulebookText:
    """A rulebook and one of its versions, as the booklet and the poster print it, with the meeting that adopted
    it (R25: the adopted rules name the adopting meeting and its date)."""

    rulebook: Rulebook
    version: RuleVersion
    adoption: Adoption | None = None


def adoption_of(votes: VoteAdoptions, version: RuleVersion) -> Adoption | None:
    """R25: the adopting meeting of a version that is or was in force (None: a draft, or no vote recorded)."""
    from models.rules.document import VersionStatus

    if version.status is VersionStatus.DRAFT:
        return None
    found = votes.adoption(version.id)
    return Adoption(*found) if found else None


@dataclass(frozen=True)
class VersionComparison:
    """Two versions of a rulebook and the rows of 修改对照表 between them."""

    rulebook: Rulebook
    old: RuleVersion
    new: RuleVersion
    rows: tuple[ComparisonRow, ...]


def rulebook_text(rules: RulebookStore, votes: VoteAdoptions, rulebook_id: str,
                  number: int | None = None) -> RulebookText:
    """The version `number` (the latest when None) and the meeting that adopted it."""
    version = rules.load_version(rulebook_id, number)
    return RulebookText(rules.get_rulebook(rulebook_id), version, adoption_of(votes, version))


def latest_text(stores: Stores, rulebook_id: str, _today: date) -> RulebookText:
    return rulebook_text(stores.rules, stores.workflow.votes, rulebook_id)


def version_comparison(rules: RulebookStore, reasons: ChangeReasonStore, rulebook_id: str, old: int,
                       new: int) -> VersionComparison:
    rulebook, old_version, new_version = (rules.get_rulebook(rulebook_id), rules.load_version(rulebook_id, old),
                                          rules.load_version(rulebook_id, new))
    return VersionComparison(rulebook, old_version, new_version,
                             tuple(comparison(rules, reasons, rulebook_id, old, new)))


def latest_comparison(stores: Stores, rulebook_id: str, _today: date) -> VersionComparison:
    """The latest version against the one before it; refused while there is only one."""
    new = stores.rules.load_version(rulebook_id)
    if new.number < 2:
        raise DomainError("这份村规民约只有一个版本，没有可对照的修改。请先新建修订版本。")
    old = stores.rules.load_version(rulebook_id, new.number - 1)
    return version_comparison(stores.rules, stores.change_reasons, rulebook_id, old.number, new.number)
