"""Chinese line breaking: no line starts with closing punctuation or ends with opening punctuation."""
from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from printing.core import fonts as fonts
from printing.core import glyphs as glyphs
from printing.core.text import CANNOT_END, CANNOT_START, ChineseParagraph, broken_rule, choose_break, line_texts

SAMPLES = (
    "根据《中华人民共和国村民委员会组织法》，经2025年3月7日村民代表会议研究，现将“村规民约（修订稿）”公示如下：",
    "请村民提出意见。电话：13800001234！「好」『的』……联系人：王堌、李垕，地址：村委会办公室（二楼）。",
    "一、总则；二、村风民俗？三、邻里关系！四、婚姻家庭。“不得”‘乱扔’【垃圾】〔处理〕〈说明〉",
)


def _wrap(text: str, width: float) -> list[str]:
    body = fonts.body_font()
    style = ParagraphStyle("t", fontName=body, fontSize=16, leading=28, wordWrap="CJK")
    return line_texts(ChineseParagraph(glyphs.markup(text, body, "测试"), style), width)


def test_reportlab_list_is_extended_with_the_marks_it_misses() -> None:
    from reportlab.lib.textsplit import ALL_CANNOT_START
    missed = [c for c in "，；：？！》”』" if c not in ALL_CANNOT_START]
    assert missed and all(c in CANNOT_START for c in missed)
    assert all(c in CANNOT_END for c in "（《「『“‘【")


@pytest.mark.parametrize("text", SAMPLES)
def test_wrapping_at_many_widths_obeys_the_rule_and_loses_nothing(text: str) -> None:
    for width in range(96, 480, 2):  # six to thirty characters of 16 pt
        lines = _wrap(text, width)
        assert "".join(lines) == text
        assert broken_rule(lines) == [], (width, lines)
        assert all(len(line) > 0 for line in lines)


def test_digits_stay_together_when_possible() -> None:
    lines = _wrap("联系电话：13800001234，请在工作时间拨打。", 16 * 9)
    assert any("13800001234" in line for line in lines)


def test_choose_break_moves_back_over_forbidden_marks() -> None:
    units = list("甲乙丙丁」。戊")
    assert choose_break(units, 0, 4) == 3  # "丁」。" stays together on the next line
    assert choose_break(list("甲乙《丙丁"), 0, 3) == 2  # "《" does not end a line
