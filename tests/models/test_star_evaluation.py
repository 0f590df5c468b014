"""The evaluation before a star counts (R53, issue 23): applied or nominated, reviewed by the group, decided only on
a passed review, publicised at least 5 days, awarded only when the publicity closed with no objection open."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.stars.evaluation import (AwardStage, Route, StarCandidacy, StarObjection, Verdict, check_candidacy,
                                     check_decidable, check_objection, check_review, star_publicity)
from models.stars.stars import StarAward

STARS = ("爱国守法", "孝老爱亲")
APPLIED = StarCandidacy("h1", "12", 2026, "孝老爱亲", Route.APPLIED, "杨老三", date(2026, 11, 2))


def test_a_candidacy_names_a_listed_star_once_and_a_nomination_its_proposer() -> None:
    check_candidacy(STARS, APPLIED, ())
    with pytest.raises(DomainError, match="星目中没有"):
        check_candidacy(STARS, StarCandidacy(**{**APPLIED.__dict__, "star": "勤劳致富"}), ())
    with pytest.raises(DomainError, match="推荐人"):
        check_candidacy(STARS, StarCandidacy(**{**APPLIED.__dict__, "route": Route.NOMINATED, "proposer": ""}), ())
    with pytest.raises(DomainError, match="已经申报过"):
        check_candidacy(STARS, APPLIED, (APPLIED,))
    rejected = StarCandidacy(**{**APPLIED.__dict__, "verdict": Verdict.REJECTED})
    check_candidacy(STARS, APPLIED, (rejected,))  # proposed again after a rejection


def test_the_group_reviews_once_and_a_rejection_says_why() -> None:
    check_review(APPLIED, Verdict.PASSED, "", date(2026, 11, 5))
    with pytest.raises(DomainError, match="写明理由"):
        check_review(APPLIED, Verdict.REJECTED, "", date(2026, 11, 5))
    with pytest.raises(DomainError, match="早于申报日期"):
        check_review(APPLIED, Verdict.PASSED, "", date(2026, 11, 1))
    passed = StarCandidacy(**{**APPLIED.__dict__, "verdict": Verdict.PASSED})
    with pytest.raises(DomainError, match="不能重复评议"):
        check_review(passed, Verdict.REJECTED, "不孝敬老人", date(2026, 11, 6))


def test_a_meeting_decides_only_on_a_passed_review() -> None:
    with pytest.raises(DomainError, match="还没有申请或推荐"):
        check_decidable((), "12", "孝老爱亲", 2026)
    with pytest.raises(DomainError, match="待小组评议"):
        check_decidable((APPLIED,), "12", "孝老爱亲", 2026)
    check_decidable((StarCandidacy(**{**APPLIED.__dict__, "verdict": Verdict.PASSED}),), "12", "孝老爱亲", 2026)


def test_publicity_at_least_five_days_and_the_star_counts_after_it() -> None:
    with pytest.raises(DomainError, match="少于规定的最少 5 天"):
        star_publicity(date(2026, 12, 21), 4)
    period = star_publicity(date(2026, 12, 21), None)
    assert (period.start, period.end) == (date(2026, 12, 21), date(2026, 12, 27))
    award = StarAward("h1", "12", "孝老爱亲", 2026, "m1", date(2026, 12, 20), id="a1")
    assert award.stage(date(2026, 12, 22)) is AwardStage.DECIDED
    public = StarAward(**{**award.__dict__, "publicity_start": period.start, "publicity_end": period.end})
    assert public.stage(date(2026, 12, 27)) is AwardStage.PUBLICITY and not public.awarded(date(2026, 12, 27))
    assert public.awarded(date(2026, 12, 28))
    objected = StarAward(**{**public.__dict__, "open_objection": True})
    assert objected.stage(date(2027, 1, 5)) is AwardStage.OBJECTED


def test_an_objection_only_during_the_publicity() -> None:
    period = (date(2026, 12, 21), date(2026, 12, 27))
    check_objection(period, StarObjection("a1", date(2026, 12, 27), "邻居", "他家常年不赡养老母亲"))
    with pytest.raises(DomainError, match="不是公示期间"):
        check_objection(period, StarObjection("a1", date(2026, 12, 28), "邻居", "他家常年不赡养老母亲"))
    with pytest.raises(DomainError, match="还没有公示"):
        check_objection((None, None), StarObjection("a1", date(2026, 12, 22), "邻居", "x"))
