"""R35–R40 at their boundaries, as plain functions: items, adoption, caps, the two-person rule, board names."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.accounts import Actor, Role
from models.core.errors import DomainError
from models.lists.entries import Period, PeriodKind
from models.points.board import build_board
from models.points.ledger import EntryKind, LedgerEntry, check_cap, check_confirmer, entry_points, period_of
from models.points.rollup import HouseholdSums, PointsHousehold, find_households
from models.points.scheme import (SCHEME_COLUMNS, AdoptionMeeting, MeetingItem, SchemeItem, adopting_item,
                                  adoption_problems, check_columns, check_items, item_problems, items_from_rows)

CLEAN = SchemeItem("B11", "人居环境", "房前屋后乱堆乱放，经提醒未清理", -3, 6, "检查照片", "第十条 各户负责房前屋后卫生")


@pytest.mark.parametrize("name", ["乱堆乱放的取消土地分红", "不予办理户口登记", "停发低保", "子女不得上学", "罚款200元",
                                  "限制其结婚"])
def test_a_deduction_that_punishes_what_the_law_protects_is_refused(name: str) -> None:
    assert item_problems(SchemeItem("X1", "遵规守约", name, -5, None, "", "第三条"))


def test_a_lawful_deduction_naming_its_clause_passes_and_without_a_clause_is_refused() -> None:
    assert item_problems(CLEAN) == []
    assert item_problems(SchemeItem("B11", "人居环境", CLEAN.name, -3)) == ["扣分项目必须写明所依据的村规民约条款"]
    assert item_problems(SchemeItem("F01", "移风易俗", "婚事新办、丧事简办", 10)) == []  # an award needs no clause


def test_a_refused_item_is_named_by_its_row() -> None:
    items = (SchemeItem("B01", "人居环境", "参加卫生日", 5, 10), SchemeItem("X1", "遵规守约", "取消其承包地", -20))
    with pytest.raises(DomainError, match="第3行（X1 取消其承包地）"):  # as in Excel: the header is row 1
        check_items(items)
    with pytest.raises(DomainError, match="第7行（X1 取消其承包地）"):  # the file's own row numbers
        check_items(items, [4, 7])
    with pytest.raises(DomainError, match="重复"):
        check_items((items[0], items[0]))


def test_a_cap_below_the_points_is_refused_and_missing_columns_are_named() -> None:
    small = SchemeItem("B01", "人居环境", "庭院整洁", 5, 3)
    assert any("每期上限 3 分小于这一项一次的分值 5 分" in p for p in item_problems(small))
    assert item_problems(SchemeItem("B01", "人居环境", "庭院整洁", 5, 5)) == []
    assert any("上限" in p for p in item_problems(SchemeItem("B11", "人居环境", "乱堆乱放", -6, 3, clause="第十条")))
    with pytest.raises(DomainError, match="第2行（B01 庭院整洁）.*每期上限"):
        check_items((small,))
    with pytest.raises(DomainError, match="缺少列：类别、每期上限、村规民约条款"):
        check_columns(["代码", "名称", "分值", "所需依据"])
    with pytest.raises(DomainError, match="第3行的“分值”"):
        items_from_rows([dict.fromkeys(SCHEME_COLUMNS, "1"), {**dict.fromkeys(SCHEME_COLUMNS, "1"), "分值": "五"}])


def _meeting(**changes: object) -> AdoptionMeeting:
    values: dict[str, object] = dict(id="m", number="2026-03", type_code="villagers_meeting", type_label="村民会议",
                                     on=date(2026, 2, 26), final=True, quorum_met=True, quorum_reason="",
                                     items=(MeetingItem(1, "低保户民主评议", "同意 3 户纳入低保", True),
                                            MeetingItem(2, "春节防火", "", False),
                                            MeetingItem(3, "审议积分细则", "通过积分细则", True)))
    values.update(changes)
    return AdoptionMeeting(**values)  # type: ignore[arg-type]


def test_only_a_final_quorate_villagers_or_representatives_meeting_that_passed_an_item_adopts() -> None:
    assert adoption_problems(_meeting()) == []
    assert adoption_problems(_meeting(type_code="representatives_meeting")) == []
    assert "村民会议或村民代表会议" in adoption_problems(_meeting(type_code="joint_committees_meeting",
                                                                   type_label="两委联席会议"))[0]
    assert adoption_problems(_meeting(final=False)) == ["会议记录 2026-03 还未定稿"]
    assert adoption_problems(_meeting(quorum_met=False, quorum_reason="到会不足半数"))[0].endswith("到会不足半数")
    assert adoption_problems(_meeting(items=())) == ["会议记录 2026-03 没有表决通过的议题"]


def test_a_scheme_is_adopted_only_by_a_passed_item_about_it_or_the_one_the_clerk_names() -> None:
    """R35: a meeting that passed a 低保 review and nothing about points adopts no scheme."""
    assert adopting_item(_meeting()).number == 3
    assert adopting_item(_meeting()).text == "第3项 审议积分细则：通过积分细则"
    other = _meeting(items=(MeetingItem(1, "低保户民主评议", "同意 3 户纳入低保", True),))
    with pytest.raises(DomainError, match=r"没有表决通过关于积分细则的议题.*R35；中央农办、农业农村部"):
        adopting_item(other)
    assert adopting_item(other, 1).title == "低保户民主评议"  # the clerk says the scheme was this item
    with pytest.raises(DomainError, match="第2项议题“春节防火”没有表决通过.*R35"):
        adopting_item(_meeting(), 2)
    with pytest.raises(DomainError, match="没有第9项议题"):
        adopting_item(_meeting(), 9)


def test_the_cap_admits_reaching_it_and_refuses_one_over() -> None:
    item = SchemeItem("B01", "人居环境", "参加卫生日", 5, 10)
    month = period_of(date(2026, 3, 12), PeriodKind.MONTH)
    check_cap(item, month, 5, 5)
    with pytest.raises(DomainError, match="还可记 0 分"):
        check_cap(item, month, 10, 1)
    deduction = SchemeItem("B11", "人居环境", "乱堆乱放", -3, 6, clause="第十条")
    check_cap(deduction, month, -3, -3)
    with pytest.raises(DomainError, match="最多 6 分"):
        check_cap(deduction, month, -6, -3)


def test_periods_and_partial_points() -> None:
    assert period_of(date(2026, 5, 31), PeriodKind.QUARTER) == Period.parse("2026-Q2")
    assert period_of(date(2026, 5, 31), PeriodKind.YEAR).code == "2026"
    item = SchemeItem("E01", "志愿服务", "志愿服务", 3, 12)
    assert entry_points(item, None) == 3 and entry_points(item, 2) == 2
    for wrong in (4, -1, 0):
        with pytest.raises(DomainError):
            entry_points(item, wrong)


def test_the_recorder_cannot_confirm_their_own_entry() -> None:
    entry = LedgerEntry("e1", "h1", "0001", date(2026, 3, 12), 5, EntryKind.ITEM, recorded_by="u1",
                        recorded_by_name="吴晓梅")
    with pytest.raises(DomainError, match="须由另一位工作人员确认"):
        check_confirmer(entry, Actor("u1", "吴晓梅", Role.CLERK))
    check_confirmer(entry, Actor("u2", "杨光明", Role.APPROVER))


def test_the_board_names_only_households_with_a_basis_and_warns_over_the_deduction_share() -> None:
    households = [PointsHousehold("h1", "0001", "王建华", "wjh", "第1组"), PointsHousehold("h2", "0002", "李红", "lh", "第1组")]
    sums = [HouseholdSums("h1", 10, -3), HouseholdSums("h2", 20, 0)]
    board = build_board("青石村", Period.parse("2026-03"), sums, households, frozenset({"h1"}), 10, 3, 30)
    assert [(r.rank, r.who, r.total) for r in board.rows] == [(1, "第1组第0002号户", 20), (2, "第1组 王建华", 7)]
    assert board.warning == ""
    over = build_board("青石村", Period.parse("2026-03"), sums, households, frozenset(), 10, 4, 30)
    assert over.deduction_share == 40 and "超过设定的 30%" in over.warning
    assert all("王建华" not in r.who for r in over.rows)


def test_a_household_is_found_by_number_name_or_pinyin_initials() -> None:
    households = [PointsHousehold("h1", "0012", "王建华", "wjh"), PointsHousehold("h2", "0120", "吴金光", "wjg tjg")]
    assert [h.id for h in find_households(households, "0012")] == ["h1"]
    assert [h.id for h in find_households(households, "12")] == ["h1", "h2"]
    assert [h.id for h in find_households(households, "建华")] == ["h1"]
    assert [h.id for h in find_households(households, "wj")] == ["h1", "h2"]
    assert [h.id for h in find_households(households, "tjg")] == ["h2"]
