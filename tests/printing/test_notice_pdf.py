"""The generic notice: story text, the PDF read back, fonts embedded, GB/T 9704 page, fingerprint."""
from __future__ import annotations

from datetime import date

import pytest
from reportlab.platypus import Paragraph

from models.core.notices import Notice, NoticeKind, paragraphs_from_text, publicity_period
from printing.core.fingerprint import content_fingerprint
from printing.core.notice_pdf import NoticeOptions, build_story, notice_fingerprint, render_notice_pdf
from tests.printing import pdfcheck

BODY = """根据《中华人民共和国村民委员会组织法》和《青石村村规民约》，经2025年3月6日村民代表会议研究，现将初审名单公示如下：
一、公示对象
（一）第一村民小组：王堌、李垕、张䶮、吉𠮷。
1. 以上人员经本人申请、入户调查、民主评议产生。
二、异议渠道
公示期间如有异议，请以真实姓名向村务监督委员会或德化乡人民政府反映，电话：0855-1234567。"""


def make_notice(version: str = "3", body: str = BODY) -> Notice:
    return Notice(NoticeKind.PUBLICITY, "关于青石村2025年度农村最低生活保障对象初审名单的公示",
                  paragraphs_from_text(body), "青石村村民委员会", date(2025, 3, 7),
                  publicity_period(date(2025, 3, 7)), version=version)


@pytest.fixture(scope="module")
def notice_pdf() -> bytes:
    return render_notice_pdf(make_notice())


def test_story_text_in_order() -> None:
    texts = [f.getPlainText() for f in build_story(make_notice()) if isinstance(f, Paragraph)]
    assert texts[0].startswith("关于青石村")
    assert any("公示期：2025年3月7日至2025年3月13日" in t for t in texts)


def test_text_read_back_in_order_with_rare_characters(notice_pdf: bytes) -> None:
    pdfcheck.assert_in_order(notice_pdf, [
        "关于青石村2025年度农村最低生活保障对象初审名单的公示", "根据《中华人民共和国村民委员会组织法》",
        "一、公示对象", "王堌、李垕、张䶮、吉𠮷", "二、异议渠道", "公示期：2025年3月7日至2025年3月13日",
        "特此公示", "青石村村民委员会", "2025年3月7日"])


def test_every_font_embedded_as_truetype(notice_pdf: bytes) -> None:
    assert pdfcheck.fonts_of(notice_pdf)
    pdfcheck.assert_fonts_embedded(notice_pdf)
    assert b"STSong-Light" not in notice_pdf


def test_page_is_a4_portrait_and_text_stays_on_it(notice_pdf: bytes) -> None:
    assert pdfcheck.page_sizes_mm(notice_pdf) == [(210, 297)]
    pdfcheck.assert_text_inside_pages(notice_pdf)


def test_page_numbers_alternate_sides() -> None:
    long_body = "\n".join([BODY] * 6)
    data = render_notice_pdf(make_notice(body=long_body))
    numbers = [(page, x) for page, x, _, _, text in pdfcheck.text_positions(data) if text.strip().startswith("—")]
    assert len(numbers) >= 2
    odd, even = numbers[0][1], numbers[1][1]
    assert odd > 400 and even < 150  # page 1 at the right, page 2 at the left
    assert "—1—" in pdfcheck.text_of(data) and "—2—" in pdfcheck.text_of(data)


@pytest.mark.parametrize("options", [NoticeOptions(paper="A3", poster=True), NoticeOptions(qr=True, red_header="青石村村民委员会")])
def test_variants_render_with_fingerprint(options: NoticeOptions) -> None:
    data = render_notice_pdf(make_notice(), options)
    expected_size = (297, 420) if options.paper == "A3" else (210, 297)
    assert set(pdfcheck.page_sizes_mm(data)) == {expected_size}
    pdfcheck.assert_fonts_embedded(data)
    pdfcheck.assert_text_inside_pages(data)
    assert f"校验码{notice_fingerprint(make_notice())}" in pdfcheck.text_of(data)


def test_fingerprint_is_stable_and_follows_content_and_version() -> None:
    first = notice_fingerprint(make_notice())
    assert first == notice_fingerprint(make_notice())
    assert first != notice_fingerprint(make_notice(version="4"))
    assert first != notice_fingerprint(make_notice(body=BODY.replace("王堌", "王垕")))
    assert len(first) == 9 and first[4] == "-"
    assert content_fingerprint("x", ["a"], "1") == content_fingerprint("x", ["a"], "1")
