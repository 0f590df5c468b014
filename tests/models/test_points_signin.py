"""Sign-in sheets for batch entry (models/points/signin.py): the header found under a title, 户号 as written or
without its leading zeros, 户主姓名 matching exactly one household, and refusals naming the row."""
from __future__ import annotations

import pytest

from models.core.errors import DomainError
from models.points.rollup import PointsHousehold
from models.points.signin import check_distinct, numbers_rows, sheet_rows

HOUSEHOLDS = [PointsHousehold("h1", "0001", "张三"), PointsHousehold("h2", "0002", "李四"),
              PointsHousehold("h3", "0003", "李四"), PointsHousehold("h4", "0010", "王五")]


def test_numbers_head_names_and_a_title_above_the_header() -> None:
    table = [["卫生大扫除签到表", None], ["户号", "户主姓名"], [1, None], [None, "王五"], [None, None], ["0002", "李四"]]
    rows = sheet_rows(table, HOUSEHOLDS)
    assert [(r.household_no, r.source) for r in rows] == [("0001", "签到表第3行"), ("0010", "签到表第4行"),
                                                          ("0002", "签到表第6行")]


def test_a_head_name_of_two_households_or_none_is_refused_naming_the_row() -> None:
    with pytest.raises(DomainError, match="签到表第3行：户主叫“李四”的有 2 户（户号 0002、0003）"):
        sheet_rows([["户主姓名"], ["张三"], ["李四"]], HOUSEHOLDS)
    with pytest.raises(DomainError, match="签到表第2行：户籍中没有户主叫“赵六”"):
        sheet_rows([["户主姓名"], ["赵六"]], HOUSEHOLDS)
    with pytest.raises(DomainError, match="没有找到“户号”或“户主姓名”列"):
        sheet_rows([["姓名"], ["张三"]], HOUSEHOLDS)


def test_the_same_household_twice_is_refused() -> None:
    with pytest.raises(DomainError, match="第3个户号与第1个户号是同一户"):
        check_distinct(numbers_rows("0001、0002,0001"))
    with pytest.raises(DomainError, match="没有给出户号"):
        numbers_rows(" , ")
