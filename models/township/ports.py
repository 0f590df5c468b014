"""Store interface (Protocol) of the township desk (乡镇端): its villages' records, its reviews and filing decisions."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.township.reviews import (ArticleNote, DecisionKind, FilingDecision, ReviewContext, ReviewRequest,
                                         TownshipReview, VillageSummary)


class TownshipStore(Protocol):
    """乡镇端: the villages' imported records, and the township's reviews and filing decisions. A review or a
    decision is a new township-owned row: the write returns Changed.one(TOWNSHIP_REVIEW, its id), read back by
    `review` / `decision`."""

    def villages(self) -> list[VillageSummary]: ...
    def requests(self, village: str | None = None) -> list[ReviewRequest]: ...
    def request(self, request_id: str) -> ReviewRequest: ...
    def review_context(self, request_id: str) -> ReviewContext: ...
    def review(self, review_id: str) -> TownshipReview: ...
    def decision(self, decision_id: str) -> FilingDecision: ...

    def record_review(self, request_id: str, on: date, conclusion: str,
                      notes: tuple[ArticleNote, ...] = ()) -> Changed:
        """乡镇审核员 only, on a township installation (PermissionDenied / DomainError otherwise)."""
        ...

    def decide(self, request_id: str, kind: DecisionKind, on: date, filing_number: str = "", reasons: str = "",
               notes: tuple[ArticleNote, ...] = ()) -> Changed: ...
