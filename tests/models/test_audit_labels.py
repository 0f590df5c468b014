"""Audit summaries are shown with Chinese column names."""
from __future__ import annotations

from models.core.audit import summarize_change
from models.core.audit_labels import readable_summary


def test_known_columns_are_shown_in_chinese() -> None:
    summary = summarize_change({"name": "张三", "phone": "1"}, {"name": "张三丰", "phone": "2"})
    assert readable_summary(summary) == "姓名：张三 → 张三丰；电话：1 → 2"


def test_unknown_columns_and_values_that_look_like_columns_are_left_alone() -> None:
    assert readable_summary("mystery: 1; name: 李四") == "mystery: 1；姓名：李四"
    assert readable_summary("note: 见 title: 不是字段") == "备注：见 title: 不是字段"
    assert readable_summary("登录") == "登录"


def test_coded_values_are_shown_with_their_labels() -> None:
    assert readable_summary("channel: courtyard → phone") == "渠道：院坝会 → 电话"
    assert readable_summary("note: courtyard meeting") == "备注：courtyard meeting"


def test_a_code_two_enums_share_is_read_by_its_column() -> None:
    # "representatives" is both an opinion channel and a meeting composition: seen raw on the home screen before
    assert readable_summary("channel: representatives") == "渠道：村民代表会议"
    assert readable_summary("composition: representatives") == "组成：村民代表和村民委员会成员"


def test_naming_basis_kind_and_lists_are_in_chinese() -> None:
    assert (readable_summary("kind: consent; recorded_on: 2026-11-01; lists: red,yellow")
            == "类别：单独同意（书面）；记录日期：2026-11-01；榜单：红榜、黄榜")
    assert readable_summary("note: red,绿") == "备注：red,绿"
