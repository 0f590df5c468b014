"""Reading the township's records (reviews, filing decisions) and checking them against the village's text."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from models.core.errors import NotFound
from models.rules.document import RuleVersion
from models.township.reviews import DecisionKind, FilingDecision, TownshipReview, notes_from_json, version_digest
from storage.core.db import Database
from storage.minutes.rows import rows

# On a village only rows signed in by a trusted township count; a row its own node made there
# (a forged approval typed in locally) is ignored. The township reads its own rows.
TRUSTED = "owner IN (SELECT node FROM sync_peers WHERE kind = 'township')"
MINE = "owner = (SELECT id FROM node)"

VersionLoader = Callable[[str], "RuleVersion | None"]


def _current_digest(load_version: VersionLoader, version_id: str) -> str | None:
    version = load_version(version_id)
    return version_digest(version) if version is not None else None


def _stale(row: dict[str, Any], covered_version_id: str, load_version: VersionLoader) -> bool:
    """Reviewed an older version: another version is now the one to review, or its text changed since."""
    if covered_version_id and row["version_id"] != covered_version_id:
        return True
    reviewed_digest: str = row["version_digest"]
    return _current_digest(load_version, row["version_id"]) != reviewed_digest


def review_from_row(row: dict[str, Any], stale: bool = False) -> TownshipReview:
    return TownshipReview(row["id"], row["revision_id"], row["version_id"], row["version_number"],
                          row["version_digest"], date.fromisoformat(row["on_date"]), row["authority"],
                          row["reviewer"], row["conclusion"], notes_from_json(row["article_notes"]), stale)


def decision_from_row(row: dict[str, Any], stale: bool = False) -> FilingDecision:
    return FilingDecision(row["id"], row["filing_id"], row["filing_hlc"], row["revision_id"], row["version_id"],
                          row["version_number"], row["version_digest"], DecisionKind(row["decision"]),
                          date.fromisoformat(row["on_date"]), row["authority"], row["reviewer"],
                          row["filing_number"], row["reasons"], notes_from_json(row["article_notes"]), stale)


def review_by_id(db: Database, review_id: str) -> TownshipReview:
    found = rows(db, "SELECT * FROM township_reviews WHERE id = ?", [review_id])
    if not found:
        raise NotFound("找不到这份合法性审查意见。")
    return review_from_row(found[0])


def decision_by_id(db: Database, decision_id: str) -> FilingDecision:
    found = rows(db, "SELECT * FROM township_filing_decisions WHERE id = ?", [decision_id])
    if not found:
        raise NotFound("找不到这个备案决定。")
    return decision_from_row(found[0])


def latest_review(db: Database, revision_id: str, covered_version_id: str, load_version: VersionLoader,
                  whose: str = TRUSTED) -> TownshipReview | None:
    """The township's latest review of this revision; `stale` when it is not of `covered_version_id`'s text."""
    found = rows(db, f"SELECT * FROM township_reviews WHERE deleted = 0 AND revision_id = ? AND {whose} "
                     "ORDER BY on_date DESC, hlc DESC LIMIT 1", [revision_id])
    if not found:
        return None
    return review_from_row(found[0], _stale(found[0], covered_version_id, load_version))


def latest_decision(db: Database, filing_id: str, covered_version_id: str, load_version: VersionLoader,
                    whose: str = TRUSTED) -> FilingDecision | None:
    """The township's latest decision on this filing request; `stale` when the voted text is no longer it."""
    found = rows(db, f"SELECT * FROM township_filing_decisions WHERE deleted = 0 AND filing_id = ? AND {whose} "
                     "ORDER BY hlc DESC LIMIT 1", [filing_id])
    if not found:
        return None
    return decision_from_row(found[0], _stale(found[0], covered_version_id, load_version))
