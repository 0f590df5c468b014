"""The township desk (乡镇端): filing decisions, legality review opinions, and how a village reads them back."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.core.errors import DomainError
from models.rules.legality import Finding
from models.core.numerals import article_label
from models.rules.document import RuleVersion
from models.rules.diff import ComparisonRow
from models.workflow.records import Filing, FilingStatus, LegalityReview

# Tables only a township node may write (DESIGN §2: the township owns its reviews and filing receipts).
TOWNSHIP_TABLES = frozenset({"township_reviews", "township_filing_decisions"})


class DecisionKind(StrEnum):
    """备案决定."""

    APPROVE = "approve"
    RETURN = "return"

    @property
    def label(self) -> str:
        return {"approve": "准予备案", "return": "退回修改"}[self.value]


class RequestKind(StrEnum):
    """审查事项 — a pre-review of the text before the vote (step 7) or a filing request (step 9)."""

    REVIEW = "review"
    FILING = "filing"

    @property
    def label(self) -> str:
        return {"review": "合法性审查", "filing": "备案审查"}[self.value]


@dataclass(frozen=True)
class ArticleNote:
    """逐条审查意见 — the reviewer's opinion on one article (empty key: the whole text)."""

    key: str
    label: str
    note: str


@dataclass(frozen=True)
class TownshipReview:
    """乡镇合法性审查意见 — on one version of a village's draft, referenced by id and content digest."""

    id: str
    revision_id: str
    version_id: str
    version_number: int
    version_digest: str
    on: date
    authority: str
    reviewer: str
    conclusion: str
    notes: tuple[ArticleNote, ...] = ()
    stale: bool = False  # the village changed the text after this review: "reviewed an older version"


@dataclass(frozen=True)
class FilingDecision:
    """备案决定 — 准予备案 with a filing number and date, or 退回修改 with reasons."""

    id: str
    filing_id: str
    filing_hlc: str
    revision_id: str
    version_id: str
    version_number: int
    version_digest: str
    kind: DecisionKind
    on: date
    authority: str
    reviewer: str
    filing_number: str = ""
    reasons: str = ""
    notes: tuple[ArticleNote, ...] = ()
    stale: bool = False


@dataclass(frozen=True)
class ReviewRequest:
    """待审事项 — one village's rules text waiting for the township (pre-review or filing)."""

    id: str                 # the filing id (filing) or the revision id (review)
    kind: RequestKind
    village: str            # node id
    village_name: str
    rulebook_id: str
    rulebook_title: str
    revision_id: str
    version_number: int
    since: date | None      # submitted on (filing) / publicity start (review)
    due_on: date | None = None
    decided: str = ""       # label of the latest decision or review, "" when none yet


@dataclass(frozen=True)
class VillageSummary:
    """辖区村 — one village whose bundles this township imports."""

    node: str
    name: str
    last_bundle_at: str | None
    rulebook_title: str = ""
    version_number: int | None = None
    step_number: int | None = None
    step_label: str = ""
    waiting: int = 0
    recent_meetings: tuple[str, ...] = ()
    lists_published: str = ""   # the latest period with published entries, e.g. "2026-05：红榜3 黑榜1"


@dataclass(frozen=True)
class ReviewContext:
    """审查页 — the text under review, its legality check, the 修改对照表 and what was decided before."""

    request: ReviewRequest
    version: RuleVersion
    findings: tuple[Finding, ...]
    comparison: tuple[ComparisonRow, ...]
    previous_number: int | None
    review: TownshipReview | None = None
    decision: FilingDecision | None = None

    def article_choices(self) -> list[tuple[str, str]]:
        """(key, 第N条) of every article, whole text first, for per-article opinions."""
        numbers = self.version.numbers()
        return [("", "全文")] + [(a.key, article_label(numbers[a.key])) for a in self.version.articles]


def version_digest(version: RuleVersion) -> str:
    """SHA-256 over the text that matters (chapter titles, article texts and items, in order)."""
    body = [[chapter.title, [[a.key, a.text, list(a.items)] for a in chapter.articles]]
            for chapter in version.chapters]
    canonical = json.dumps([version.title, body], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def validate_decision(kind: DecisionKind, filing_number: str, reasons: str) -> None:
    """准予备案 needs a filing number; 退回修改 needs the reasons the village must answer."""
    if kind is DecisionKind.APPROVE and not filing_number.strip():
        raise DomainError("准予备案须填写备案编号，例如“德乡备〔2026〕3号”。")
    if kind is DecisionKind.RETURN and not reasons.strip():
        raise DomainError("退回修改须写明理由，村里要据此修改后重新报送。")


def validate_review(conclusion: str, notes: tuple[ArticleNote, ...]) -> None:
    if not conclusion.strip() and not any(n.note.strip() for n in notes):
        raise DomainError("请填写审查结论，或至少一条逐条审查意见。")


def as_legality_review(review: TownshipReview) -> LegalityReview:
    """The workflow's view of a township review; a review of an older text does not count for the vote."""
    notes = tuple((n.label, n.note) for n in review.notes if n.note.strip())
    version_id = "" if review.stale else review.version_id
    conclusion = review.conclusion if not review.stale else f"（审查的是旧版本）{review.conclusion}"
    return LegalityReview(version_id, review.version_number, review.on, review.authority, conclusion, notes,
                          review.id)


def later_review(typed: LegalityReview | None, township: TownshipReview | None) -> LegalityReview | None:
    """A paper opinion typed in at the village, or one synced from the township: the later one counts
    (on the same day the one the clerk typed in, so undoing that entry finds it)."""
    if township is None:
        return typed
    if typed is not None and typed.on >= township.on:
        return typed
    return as_legality_review(township)


def filing_with_receipt(filing: Filing, decision: FilingDecision | None) -> Filing:
    """Step 9's filing as the township's latest decision on exactly the voted text leaves it."""
    if decision is None or decision.stale:
        return filing
    if decision.kind is DecisionKind.APPROVE:
        return dataclasses.replace(filing, status=FilingStatus.FILED, receipt_number=decision.filing_number,
                                   receipt_date=decision.on, effective_date=filing.effective_date or decision.on)
    return dataclasses.replace(filing, status=FilingStatus.ORDERED_TO_CORRECT,
                               note=f"乡镇退回修改：{decision.reasons}")


def notes_to_json(notes: tuple[ArticleNote, ...]) -> str:
    return json.dumps([[n.key, n.label, n.note] for n in notes if n.note.strip()], ensure_ascii=False)


def notes_from_json(text: str) -> tuple[ArticleNote, ...]:
    return tuple(ArticleNote(k, label, note) for k, label, note in json.loads(text or "[]"))
