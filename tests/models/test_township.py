"""Township records, the pure parts: digests, validation, and how a decision or review reads on the village."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from models.core.errors import DomainError
from models.rules.document import Article, Chapter, RuleVersion
from models.township.reviews import (ArticleNote, DecisionKind, FilingDecision, TownshipReview, filing_with_receipt,
                             later_review, notes_from_json, notes_to_json, validate_decision, validate_review,
                             version_digest)
from models.workflow.records import Filing, FilingStatus, LegalityReview

VERSION = RuleVersion("v1", "b1", 3, (Chapter("c1", "总则", (Article("a1", "村民应当遵纪守法。"),)),), title="村规民约")
FILING = Filing(date(2026, 5, 30), FilingStatus.SUBMITTED, date(2026, 5, 25))


def _decision(kind: DecisionKind, stale: bool = False) -> FilingDecision:
    return FilingDecision("d1", "f1", "h", "r1", "v1", 3, version_digest(VERSION), kind, date(2026, 5, 28),
                          "德化乡人民政府", "王审核", "德乡备〔2026〕3号" if kind is DecisionKind.APPROVE else "",
                          "第二条仍有罚款" if kind is DecisionKind.RETURN else "", (), stale)


def _review(on: date, stale: bool = False) -> TownshipReview:
    return TownshipReview("t1", "r1", "v1", 3, "x", on, "德化乡人民政府", "王审核", "同意",
                          (ArticleNote("a1", "第一条", "可以"), ArticleNote("", "全文", "")), stale)


def test_digest_follows_the_text_not_the_status() -> None:
    assert version_digest(VERSION) == version_digest(dataclasses.replace(VERSION, effective_date="2026-06-01"))
    changed = dataclasses.replace(VERSION, chapters=(Chapter("c1", "总则", (Article("a1", "村民应当守法。"),)),))
    assert version_digest(changed) != version_digest(VERSION)


def test_validation_names_what_is_missing() -> None:
    with pytest.raises(DomainError, match="备案编号"):
        validate_decision(DecisionKind.APPROVE, " ", "")
    with pytest.raises(DomainError, match="写明理由"):
        validate_decision(DecisionKind.RETURN, "", "")
    with pytest.raises(DomainError, match="审查结论"):
        validate_review("", (ArticleNote("a1", "第一条", " "),))
    validate_review("", (ArticleNote("a1", "第一条", "删去罚款"),))


def test_filing_receipt_overlays_only_a_current_decision() -> None:
    filed = filing_with_receipt(FILING, _decision(DecisionKind.APPROVE))
    assert (filed.status, filed.receipt_number, filed.receipt_date, filed.effective_date) == \
        (FilingStatus.FILED, "德乡备〔2026〕3号", date(2026, 5, 28), date(2026, 5, 28))
    returned = filing_with_receipt(FILING, _decision(DecisionKind.RETURN))
    assert returned.status is FilingStatus.ORDERED_TO_CORRECT and "罚款" in returned.note
    assert filing_with_receipt(FILING, _decision(DecisionKind.APPROVE, stale=True)) == FILING
    assert filing_with_receipt(FILING, None) == FILING


def test_the_later_review_counts_and_a_stale_one_does_not_cover_the_text() -> None:
    typed = LegalityReview("v1", 3, date(2026, 3, 6), "德化乡人民政府", "书面意见：同意")
    assert later_review(typed, _review(date(2026, 3, 5))) is typed
    assert later_review(typed, _review(date(2026, 3, 6))) is typed
    synced = later_review(typed, _review(date(2026, 3, 7)))
    assert synced is not None and synced.version_id == "v1" and synced.article_notes == (("第一条", "可以"),)
    stale = later_review(None, _review(date(2026, 3, 7), stale=True))
    assert stale is not None and stale.version_id == "" and stale.conclusion.startswith("（审查的是旧版本）")


def test_notes_round_trip_without_empty_ones() -> None:
    notes = (ArticleNote("a1", "第一条", "可以"), ArticleNote("", "全文", ""))
    assert notes_from_json(notes_to_json(notes)) == notes[:1]
