"""Shapes of real village rules the reader places: sections, items, headings, verse, preamble and closing."""
from __future__ import annotations

from models.rules.document import RuleVersion
from models.rules.reading import Role, SourceLine, place_lines
from models.rules.text import assemble, chapter_headings, parse_rules_lines, parse_rules_text, render_markdown


def _version(text: str) -> RuleVersion:
    parsed = parse_rules_text(text)
    return RuleVersion("v", "r", 1, tuple(parsed.chapters), title=parsed.title, preamble=tuple(parsed.preamble),
                       closing=tuple(parsed.closing), verse=parsed.verse)


def test_sections_are_a_level_between_chapter_and_article() -> None:
    text = "第一章 总则\n第一节 目的\n第一条 甲。\n第二节 范围\n第二条 乙。\n第二章 附则\n第一节 施行\n第三条 丙。"
    version = _version(text)
    assert [(c.kind, c.title, len(c.articles)) for c in version.chapters] == [
        ("chapter", "总则", 0), ("section", "目的", 1), ("section", "范围", 1), ("chapter", "附则", 0),
        ("section", "施行", 1)]
    assert list(chapter_headings(version).values()) == ["第一章 总则", "第一节 目的", "第二节 范围", "第二章 附则",
                                                        "第一节 施行"]
    again = parse_rules_text(render_markdown(version))
    assert [(c.kind, c.title) for c in again.chapters] == [(c.kind, c.title) for c in version.chapters]


def test_items_in_every_written_form_stay_with_their_article() -> None:
    text = "第一条 村民应当：\n（一）爱护公物；\n(2) 讲卫生；\n③ 守秩序。\n一、不赌博。\n第二条 其他。"
    parsed = parse_rules_text(text)
    assert parsed.chapters[0].articles[0].items == ("（一）爱护公物；", "(2) 讲卫生；", "③ 守秩序。", "一、不赌博。")
    assert parsed.article_count == 2 and parsed.problems == []


def test_a_short_line_after_a_colon_is_an_item_not_a_heading() -> None:
    parsed = parse_rules_text("第一条 村民应当：\n爱护公物\n第二条 其他。")
    assert [c.title for c in parsed.chapters] == [""] and parsed.chapters[0].articles[0].items == ("爱护公物",)


def test_flat_articles_with_numbered_items_inside() -> None:
    text = "某村公约\n一、村民应当遵守下列规定，做到：\n1. 不乱倒垃圾；\n2. 不乱搭乱建。\n二、违者批评教育。"
    parsed = parse_rules_text(text)
    assert [a.text for a in parsed.chapters[0].articles] == ["村民应当遵守下列规定，做到：", "违者批评教育。"]
    assert parsed.chapters[0].articles[0].items == ("1. 不乱倒垃圾；", "2. 不乱搭乱建。")


def test_half_width_punctuation_and_traditional_headings() -> None:
    parsed = parse_rules_text("第一章:總 則\n第一條:本約適用於全體村民.\n第二條,違者批評教育.")
    assert [c.title for c in parsed.chapters] == ["總則"]
    assert [a.text for a in parsed.chapters[0].articles] == ["本約適用於全體村民.", "違者批評教育."]


def test_numbering_restarting_at_the_first_article_is_renumbered_with_one_note() -> None:
    parsed = parse_rules_text("第一章 甲\n第一条 一。\n第二条 二。\n第二章 乙\n第一条 三。\n第二条 四。")
    assert parsed.article_count == 4
    assert [p.reason for p in parsed.problems] == ["这一部分的条号从1重新开始，已按全文连续编为第三条起"]


def test_a_title_of_any_wording_a_preamble_and_a_closing_survive_markdown() -> None:
    text = "永远遵守\n望我村民，严格遵守。\n一、尊老爱幼。\n二、修桥补路。\n望全体村民共同遵守\n本村规民约自通过之日起施行。\n吉来村村民小组"
    version = _version(text)
    assert (version.title, version.preamble) == ("永远遵守", ("望我村民，严格遵守。",))
    assert version.articles[1].items == ("望全体村民共同遵守",)
    assert version.closing == ("本村规民约自通过之日起施行。", "吉来村村民小组")
    again = parse_rules_text(render_markdown(version))
    assert (again.title, tuple(again.preamble), tuple(again.closing)) == (version.title, version.preamble, version.closing)


def test_verse_each_stanza_an_article_printed_without_numbers() -> None:
    version = _version("三字村规\n爱祖国，感党恩；\n讲卫生，护环境。\n2024年5月")
    assert version.verse and [a.text for a in version.articles] == ["爱祖国，感党恩；", "讲卫生，护环境。"]
    assert version.closing == ("2024年5月",)
    markdown = render_markdown(version)
    assert "第一条" not in markdown and "爱祖国，感党恩；" in markdown
    assert parse_rules_text(markdown).verse


def test_a_clerk_corrects_one_line_role_and_the_rules_are_assembled_again() -> None:
    placed = place_lines([SourceLine(t) for t in ("青石村约定", "第一条 甲。", "附：村民代表签名")])
    assert [p.role for p in placed] == [Role.TITLE, Role.ARTICLE, Role.ITEM]
    corrected = [p if p.line != 3 else type(p)(p.line, p.text, Role.CLOSING, p.body) for p in placed]
    parsed = assemble(corrected)
    assert parsed.chapters[0].articles[0].items == () and parsed.closing == ["附：村民代表签名"]


def test_word_hints_place_unnumbered_headings_and_closings() -> None:
    parsed = parse_rules_lines([SourceLine("规约"), SourceLine("总的要求", Role.CHAPTER), SourceLine("一、甲。"),
                                SourceLine("二、乙。"), SourceLine("村两委", Role.CLOSING)])
    assert [c.title for c in parsed.chapters] == ["总的要求"] and parsed.closing == ["村两委"]
