"""Chinese numerals, parsing 第X章/第X条 text, renumbering, and references that follow their article."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.errors import DomainError
from models.core.numerals import article_label, parse_number, to_chinese
from models.rules.document import (RuleVersion, delete_article, insert_article, merge_articles, move_article,
                          numbered_articles, require_editable, split_article, update_article, VersionStatus)
from models.rules.text import parse_rules_text, render_markdown

SAMPLE_TEXT = (Path(__file__).resolve().parents[1] / "data" / "rules_draft_v1.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("number, text", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                          (100, "一百"), (105, "一百零五"), (110, "一百一十"), (120, "一百二十"),
                                          (1001, "一千零一")])
def test_numerals_format_and_parse(number: int, text: str) -> None:
    assert to_chinese(number) == text
    assert parse_number(text) == number


def test_parse_accepts_digits_and_odd_forms() -> None:
    assert parse_number("12") == 12 and parse_number("１２") == 12 and parse_number("一二〇") == 120
    assert parse_number("两百") == 200 and parse_number("条") is None
    assert article_label(21) == "第二十一条"


def _version(text: str) -> RuleVersion:
    parsed = parse_rules_text(text)
    return RuleVersion("v", "r", 1, tuple(parsed.chapters))


@pytest.mark.parametrize("heading", ["第一条 为了", "第一条\u3000为了", "第一条、为了", "第一条：为了", "第一条:为了",
                                     "第一条为了", "**第一条** 为了", "### 第一条 为了", "第1条 为了"])
def test_article_headings_in_every_common_form(heading: str) -> None:
    version = _version(f"## 第一章　总则\n{heading}村庄和睦。\n第二条 其他。")
    assert [a.text for a in version.articles] == ["为了村庄和睦。", "其他。"]
    assert version.chapters[0].title == "总则"


def test_chapter_headings_with_separators_and_items() -> None:
    text = "XX村村规民约\n第一章、总则\n第一条 总的规定。\n（一）第一项；\n（二）第二项。\n第二章：附则\n第二条 施行。"
    parsed = parse_rules_text(text)
    assert parsed.title == "XX村村规民约"
    assert [c.title for c in parsed.chapters] == ["总则", "附则"]
    assert parsed.chapters[0].articles[0].items == ("（一）第一项；", "（二）第二项。")
    assert parsed.problems == []


def test_preamble_and_closing_are_kept_and_gaps_reported() -> None:
    text = "为了建设美丽乡村，制定本约。\n第一条 一。\n第三条 二。\n青石村村民委员会\n2024年5月1日"
    parsed = parse_rules_text(text)
    assert parsed.preamble == ["为了建设美丽乡村，制定本约。"]
    assert parsed.closing == ["青石村村民委员会", "2024年5月1日"]
    assert [p.reason for p in parsed.problems] == ["条号与位置不符，已自动编为第二条"]


def test_sample_draft_parses_and_round_trips_through_markdown() -> None:
    parsed = parse_rules_text(SAMPLE_TEXT)
    assert parsed.title.startswith("青石村村规民约") and parsed.article_count == 25 and len(parsed.chapters) == 9
    assert [p.line for p in parsed.problems] == [3]  # the > note line
    version = RuleVersion("v", "r", 1, tuple(parsed.chapters))
    again = parse_rules_text(render_markdown(version, parsed.title))
    assert [a.text for a in again.chapters[4].articles] == [a.text for a in parsed.chapters[4].articles]
    assert again.problems == []


def _three() -> RuleVersion:
    return _version("第一章 甲\n第一条 甲一。\n第二条 违者依照第三条处理。\n第二章 乙\n第三条 处理办法。")


def test_reference_follows_its_article_through_insert_move_and_delete() -> None:
    version = _three()
    target = version.articles[2].key
    version, _ = insert_article(version, 0, 0, "新的第一条。")
    assert numbered_articles(version)[2].text == "违者依照第四条处理。"
    version = move_article(version, target, 0, 0)
    assert numbered_articles(version)[3].text == "违者依照第一条处理。"
    version = delete_article(version, target)
    assert "第？条" in numbered_articles(version)[2].text


def test_typed_numbers_become_references_but_laws_do_not() -> None:
    version = _three()
    first = version.articles[0].key
    version = update_article(version, first, "依照第三条和《村民委员会组织法》第二十七条办理。")
    assert "\u27e6" in version.articles[0].text and "组织法》第二十七条" in version.articles[0].text
    version = move_article(version, version.articles[2].key, 0, 0)
    assert numbered_articles(version)[1].text.startswith("依照第一条和")


def test_split_and_merge_keep_references_working() -> None:
    version = _three()
    third = version.articles[2].key
    version, new_key = split_article(version, third, 3)
    assert [a.text for a in numbered_articles(version)][2:] == ["处理办", "法。"]
    version = merge_articles(version, third, new_key)
    assert numbered_articles(version)[2].full_text == "处理办\n法。"
    with pytest.raises(DomainError):
        split_article(version, third, 0)


def test_merge_redirects_references_to_the_merged_article() -> None:
    version = _three()
    second, third = version.articles[1].key, version.articles[2].key
    version = merge_articles(version, version.articles[0].key, second)
    assert "\u27e6" + third in version.articles[0].items[0]


def test_adopted_versions_cannot_be_edited() -> None:
    from dataclasses import replace
    with pytest.raises(DomainError, match="新建修订版本"):
        require_editable(replace(_three(), status=VersionStatus.IN_FORCE))
