"""R10: a proposal signed by ≥ 1/10 of villagers or ≥ 1/5 of representatives obliges a meeting (boundaries)."""
from __future__ import annotations

from datetime import date

import pytest

from models.minutes.convene import ConveneBody, check_answer, make_proposal
from models.core.errors import DomainError

ON = date(2026, 5, 6)


@pytest.mark.parametrize("base, signatures, must", [(401, 41, True), (401, 40, False), (400, 40, True),
                                                    (400, 39, False), (9, 1, True)])
def test_villagers_one_tenth_boundary(base: int, signatures: int, must: bool) -> None:
    proposal = make_proposal(ConveneBody.VILLAGERS, ON, "修路", signatures, base)
    assert proposal.must_convene is must and proposal.open is must
    assert ("应当召集村民会议" in proposal.reason) is must and "第二十一条" in proposal.reason


@pytest.mark.parametrize("base, signatures, must", [(35, 7, True), (35, 6, False), (36, 8, True), (36, 7, False)])
def test_representatives_one_fifth_boundary(base: int, signatures: int, must: bool) -> None:
    proposal = make_proposal(ConveneBody.REPRESENTATIVES, ON, "账目", signatures, base)
    assert proposal.must_convene is must
    assert proposal.needed == (7 if base == 35 else 8) and "第二十六条" in proposal.reason


def test_due_overdue_and_answer_checks() -> None:
    proposal = make_proposal(ConveneBody.REPRESENTATIVES, ON, "账目", 8, 35, "张三", date(2026, 5, 20))
    assert not proposal.overdue(date(2026, 5, 20)) and proposal.overdue(date(2026, 5, 21))
    with pytest.raises(DomainError, match="村民代表会议"):
        check_answer(proposal, "villagers_meeting", date(2026, 5, 10))
    with pytest.raises(DomainError, match="早于"):
        check_answer(proposal, "representatives_meeting", date(2026, 5, 1))
    check_answer(proposal, "representatives_meeting", ON)


@pytest.mark.parametrize("args, message", [(("", 5, 35), "事项"), (("修路", 0, 35), "大于 0"),
                                           (("修路", 5, 0), "人数"), (("修路", 40, 35), "多于")])
def test_bad_proposals_are_refused(args: tuple, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        make_proposal(ConveneBody.REPRESENTATIVES, ON, *args)
