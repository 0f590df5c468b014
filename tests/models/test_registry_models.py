"""ID numbers (GB 11643-1999), masking, roster row validation and the checks across rows."""
from __future__ import annotations

from datetime import date

import pytest

from models.registry.id_numbers import (birth_date_of, check_digit, gender_of, id_number_problem, make_id_number,
                               mask_id_number, normalize_id_number)
from models.registry.households import Gender, RoleHolding, Villager, VillagerStatus, adult_cutoff, role_label, tag_code
from models.registry.roster import map_headers, missing_headers, normalize_group, parse_row
from models.registry.roster_import import check_across_rows

TODAY = date(2026, 11, 23)
GOOD = "522631197501030033"  # 李兰建 in the sample roster


def test_check_digit_of_known_numbers() -> None:
    assert check_digit("52263120070318027") == "X"
    assert check_digit(GOOD[:17]) == GOOD[17]


@pytest.mark.parametrize("number, fragment", [
    ("52263119750103003", "18 位"),
    ("522631750103003", "15 位"),
    ("52263119750103003A", "前 17 位"),
    ("99263119750103003X", "省级"),
    ("522631197502300034", "真实的日期"),
    ("522631203001010036", "不合理"),
    ("522631197501030034", "校验位"),
])
def test_each_id_number_rule(number: str, fragment: str) -> None:
    problem = id_number_problem(number, TODAY)
    assert problem is not None and fragment in problem


def test_valid_number_birth_gender_and_normalising() -> None:
    assert id_number_problem(GOOD, TODAY) is None
    assert birth_date_of(GOOD) == date(1975, 1, 3) and gender_of(GOOD) is Gender.MALE
    assert normalize_id_number(" '52263120070318027x ") == "52263120070318027X"
    made = make_id_number("522631", date(1990, 2, 28), 17, Gender.FEMALE)
    assert id_number_problem(made, TODAY) is None and gender_of(made) is Gender.FEMALE


def test_masking_keeps_first_six_and_last_four() -> None:
    assert mask_id_number(GOOD) == "522631********0033"
    assert mask_id_number("") == "" and mask_id_number("12345") == "*****"


def _cells(**changes: str) -> dict[str, str]:
    base = {"household_no": "0001", "group": "第1组", "name": "李兰建", "relation": "户主", "gender": "男",
            "id_number": GOOD, "birth_date": "1975-01-03", "ethnicity": "侗族", "phone": "13866978001",
            "political_status": "中共党员"}
    return base | changes


def test_good_row_is_normalised() -> None:
    row, problems = parse_row(2, _cells(group="1组", ethnicity="侗", political_status="党员", birth_date="1975/1/3"),
                              TODAY)
    assert problems == [] and row is not None
    assert (row.group, row.ethnicity, row.political_status, row.birth_date) == ("第1组", "侗族", "中共党员",
                                                                               date(1975, 1, 3))


@pytest.mark.parametrize("changes, column, fragment", [
    ({"household_no": ""}, "户号", "不能为空"),
    ({"household_no": "01#"}, "户号", "只能"),
    ({"group": ""}, "组别", "不能为空"),
    ({"name": ""}, "姓名", "不能为空"),
    ({"name": "李3"}, "姓名", "不能有数字"),
    ({"gender": "未知"}, "性别", "男"),
    ({"gender": "女"}, "性别", "不一致"),
    ({"birth_date": "1975-01-04"}, "出生日期", "不一致"),
    ({"birth_date": "去年"}, "出生日期", "无法识别"),
    ({"id_number": "522631197501030034"}, "身份证号", "校验位"),
    ({"ethnicity": "火星族"}, "民族", "56"),
    ({"phone": "12345"}, "联系电话", "11 位"),
    ({"political_status": "积极分子"}, "政治面貌", "无法识别"),
])
def test_each_row_rule_names_row_column_and_reason(changes: dict[str, str], column: str, fragment: str) -> None:
    row, problems = parse_row(7, _cells(**changes), TODAY)
    assert row is None
    assert any(p.row == 7 and p.column == column and fragment in p.reason for p in problems), problems


def test_id_stored_as_number_in_a_spreadsheet_is_refused() -> None:
    _, problems = parse_row(3, _cells() | {"id_number": 5.22631197501030e17}, TODAY)  # type: ignore[dict-item]
    assert any("数字" in p.reason for p in problems)


def test_missing_id_takes_nothing_from_it() -> None:
    row, problems = parse_row(2, _cells(id_number="", birth_date="", gender=""), TODAY)
    assert problems == [] and row is not None and row.birth_date is None and row.gender is None


def test_synonym_headers_and_missing_columns() -> None:
    found, unknown = map_headers(["户编号", "村民小组", "姓名", "户主关系", "性别", "公民身份号码", "备注"])
    assert found["household_no"] == 0 and found["group"] == 1 and found["id_number"] == 5
    assert found["relation"] == 3 and unknown == ["备注"]
    found, _ = map_headers(["姓名", "身份证号码"])
    assert missing_headers(found) == ["户号", "组别"]


def test_group_names_are_normalised() -> None:
    assert [normalize_group(g) for g in ("1", "第1组", "三组", "第十组", "上寨组")] == \
        ["第1组", "第1组", "第3组", "第10组", "上寨组"]


def test_conflicts_across_rows_keep_the_first() -> None:
    rows = [parse_row(n, c, TODAY)[0] for n, c in (
        (2, _cells()),
        (3, _cells(name="李军", relation="子", gender="", birth_date="")),        # same ID as row 2
        (4, _cells(name="李梅", relation="户主", id_number="", gender="", birth_date="")),  # second head
        (5, _cells(household_no="0002", group="第2组", name="龙金", relation="子", id_number="", gender="",
                   birth_date="")),
        (6, _cells(household_no="0002", group="第3组", name="龙银", relation="子", id_number="", gender="",
                   birth_date="")),
        (7, _cells(household_no="0002", group="第2组", name="龙金", relation="子", id_number="", gender="",
                   birth_date="")),
    )]
    kept, problems = check_across_rows([r for r in rows if r])
    assert [r.row for r in kept] == [2, 5]
    assert [(p.row, p.column) for p in problems] == [(3, "身份证号"), (4, "与户主关系"), (6, "组别"), (7, "姓名")]


def test_villager_dates_and_roles() -> None:
    person = Villager("v", "h", "吴建华", birth_date=date(2008, 11, 23), status=VillagerStatus.DECEASED,
                      status_date=date(2026, 6, 1))
    assert person.age_on(TODAY) == 18 and person.active_on(date(2026, 5, 31)) and not person.active_on(TODAY)
    assert adult_cutoff(date(2024, 2, 29)) == date(2006, 2, 28)
    holding = RoleHolding("r", "v", "two_committees_member", "村委会主任", date(2021, 1, 1), date(2025, 12, 31))
    assert holding.label == "两委成员（村委会主任）" and holding.current_on(date(2023, 1, 1))
    assert not holding.current_on(TODAY)
    assert role_label(tag_code(" 致富带头人 ")) == "致富带头人" and role_label("elder") == "寨老"
