"""十星级文明户 (R53): only a finalised deciding meeting awards, a withdrawal needs its reason, the board names
only with a basis."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.lists.entries import HouseholdInfo, ListKind
from models.lists.naming import NamingBasis
from models.stars.stars import MeetingFacts, StarAward, StarList, board_name, check_award, check_withdrawal, star_rows

STARS = StarList(("爱国守法", "孝老爱亲"), "m0", date(2026, 1, 5))
FINAL = MeetingFacts("m1", "representatives_meeting", "村民代表会议", True, date(2026, 12, 20), "2026-代-05")


def test_a_star_needs_a_finalised_deciding_meeting() -> None:
    check_award(STARS, "孝老爱亲", 2026, FINAL, ())
    with pytest.raises(DomainError, match="还没有定稿"):
        check_award(STARS, "孝老爱亲", 2026, MeetingFacts(**{**FINAL.__dict__, "final": False}), ())
    with pytest.raises(DomainError, match="不能决定评星"):
        check_award(STARS, "孝老爱亲", 2026, MeetingFacts(**{**FINAL.__dict__, "type_code": "joint_committees_meeting",
                                                            "type_label": "两委联席会议"}), ())
    check_award(STARS, "孝老爱亲", 2026, MeetingFacts(**{**FINAL.__dict__, "type_code": "moral_council",
                                                        "type_label": "道德评议会"}), ())
    with pytest.raises(DomainError, match="星目中没有"):
        check_award(STARS, "勤劳致富", 2026, FINAL, ())
    with pytest.raises(DomainError, match="不能评定 2024 年度"):
        check_award(STARS, "孝老爱亲", 2024, FINAL, ())


def test_withdrawal_needs_a_reason_and_rows_count_stars_in_force() -> None:
    public = (date(2026, 12, 21), date(2026, 12, 27))
    award = StarAward("h1", "12", "孝老爱亲", 2026, "m1", date(2026, 12, 20), None, "", "a1", *public)
    with pytest.raises(DomainError, match="理由"):
        check_withdrawal(award, "不好", date(2027, 1, 1))
    withdrawn = StarAward("h1", "12", "爱国守法", 2026, "m1", date(2026, 12, 20), date(2027, 2, 1), "违反村规第十二条",
                          "a2", *public)
    (row,) = star_rows([award, withdrawn], STARS.stars, date(2027, 3, 1))
    assert (row.household_no, row.stars, row.count) == ("12", ("孝老爱亲",), 1)


def test_the_board_names_a_household_only_with_a_basis() -> None:
    household = HouseholdInfo("h1", "12", "三组", "杨老三")
    assert board_name(household, (), date(2027, 1, 5)) == "三组第12号户"
    basis = NamingBasis("h1", "consent", "户主书面同意", date(2026, 1, 1), lists=(ListKind.RED,))
    assert board_name(household, (basis,), date(2027, 1, 5)) == "三组 杨老三家"
    member_only = NamingBasis("h1", "consent", "本人同意", date(2026, 1, 1), lists=(ListKind.RED,), villager_id="p1")
    assert board_name(household, (member_only,), date(2027, 1, 5)) == "三组第12号户"
