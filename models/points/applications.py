"""积分换项目 (Dongkou): a group or the whole village applies to exchange its confirmed points of a period for a
project; the application travels to the township in the bundle, and the township's review comes back the same way.

The points an application names may not exceed what the applicant's confirmed entries of that period sum to, less
what its other applications of the period (not returned) already name: the figure rests on the ledger, never typed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.core.errors import DomainError
from models.lists.entries import Period, require_text

VILLAGE = ""  # the applicant of a whole-village application


class ApplicationState(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return {"submitted": "待乡镇审核", "approved": "乡镇同意", "returned": "乡镇退回"}[self.value]


@dataclass(frozen=True)
class PointsApplication:
    """积分换项目申请 — who (a group, or the village), which period's points, how many, for which project."""

    id: str
    group: str
    period: Period
    points: int
    project: str
    purpose: str
    on: date
    state: ApplicationState = ApplicationState.SUBMITTED
    review: str = ""
    reviewed_on: date | None = None
    reviewer: str = ""
    village: str = ""  # the owning village's node (the township desk lists them by village)

    @property
    def applicant(self) -> str:
        return self.group or "全村"


def check_application(applicant: str, period: Period, points: int, project: str, total: int, taken: int) -> None:
    """`total`: the applicant's confirmed points of the period; `taken`: what its live applications already name."""
    require_text(project, "项目名称")
    if points <= 0:
        raise DomainError("申请兑换的积分须为正整数。")
    if taken + points > total:
        raise DomainError(f"{applicant}{period.text}已确认积分共 {total} 分，其他申请已用 {taken} 分，"
                          f"本次申请 {points} 分超出（最多还可申请 {max(total - taken, 0)} 分）。")


def check_review(application: PointsApplication, text: str) -> str:
    if application.state is not ApplicationState.SUBMITTED:
        raise DomainError(f"这份申请已经{application.state.label}，不能再审核。")
    return require_text(text, "审核意见")
