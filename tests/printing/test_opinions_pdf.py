"""Step-5 products: call for opinions, numbered opinion forms (two to a page), 意见采纳情况说明."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.workflow.records import Channel, Disposition, Opinion, Reply
from printing.workflow.adoption_statement_pdf import AdoptionStatement, render_adoption_statement_pdf, totals_line
from printing.workflow.call_for_opinions_pdf import call_for_opinions, render_call_for_opinions_pdf
from printing.workflow.opinion_forms_pdf import OpinionForms, form_serial, render_opinion_forms_pdf
from tests.helpers import run_json
from tests.printing import pdfcheck

OPINIONS = (Opinion("o1", 1, "吉𠮷", Channel.DOOR_TO_DOOR, date(2026, 3, 20), "罚款一条应当删掉", article_label="第二十条",
                    reply=Reply(Disposition.ADOPTED, "", "吴支书", date(2026, 3, 25))),
            Opinion("o2", 2, "张䶮", Channel.BOX, date(2026, 3, 21), "彩礼标准写具体数额",
                    reply=Reply(Disposition.REJECTED, "与有关法律规定不符，已向本人说明", "吴支书", date(2026, 3, 25))),
            Opinion("o3", 3, "王堌", Channel.PHONE, date(2026, 3, 22), "巡逻队多巡几趟", name_public=True),
            Opinion("o4", 4, "欧阳春", Channel.PHONE, date(2026, 3, 22), "增加护林条款"),
            Opinion("o5", 5, "德化乡卫生院", Channel.BOX, date(2026, 3, 22), "写明垃圾清运时间"))


def test_call_for_opinions_names_period_and_channels() -> None:
    notice = call_for_opinions("青石村村规民约", 2, "青石村村民委员会", date(2026, 3, 16), date(2026, 4, 5))
    data = render_call_for_opinions_pdf(notice)
    pdfcheck.assert_in_order(data, ["关于征求《青石村村规民约》修订意见的公告", "修订草案（第2稿）", "二、提出方式",
                                    "入户走访、院坝会、村民代表会议、电话、微信/网上、意见箱",
                                    "公告期：2026年3月16日至2026年4月5日", "特此公告"])
    pdfcheck.assert_fonts_embedded(data)


def test_opinion_forms_two_per_page_with_serials() -> None:
    households = tuple((form_serial(2026, f"{n:04d}"), f"{n:04d}", name)
                       for n, name in enumerate(("王堌", "李垕", "张䶮"), 1))
    data = render_opinion_forms_pdf(OpinionForms("青石村村规民约", 2, households))
    pages = pdfcheck.reader(data).pages
    assert len(pages) == 2 and set(pdfcheck.page_sizes_mm(data)) == {(210, 297)}
    first = "".join(pages[0].extract_text().split())
    assert "编号：2026-0001" in first and "编号：2026-0002" in first and "户主：李垕" in first
    assert "编号：2026-0003" in "".join(pages[1].extract_text().split())
    pdfcheck.assert_in_order(data, ["修订意见征求表", "修订草案（第2稿）", "编号：2026-0001", "户号：0001", "户主：王堌",
                                    "意见和建议", "提出人签名：", "代写人：", "日期：",
                                    "不会写字的，请在右侧方框内按手印", "手印："])
    pdfcheck.assert_text_inside_pages(data)


def test_adoption_statement_lists_every_opinion() -> None:
    assert totals_line(OPINIONS) == "本次修订共收到意见5条，其中采纳1条，部分采纳0条，不采纳1条，尚未答复3条。"
    statement = AdoptionStatement("青石村村规民约", "青石村村民委员会", date(2026, 3, 30), OPINIONS)
    data = render_adoption_statement_pdf(statement)
    assert set(pdfcheck.page_sizes_mm(data)) == {(297, 210)}
    pdfcheck.assert_in_order(data, ["《青石村村规民约》修订意见采纳情况说明", "共收到意见5条", "编号提出人渠道涉及条款",
                                    "1吉某入户走访第二十条罚款一条应当删掉采纳", "2张某意见箱整体彩礼标准写具体数额不采纳",
                                    "与有关法律规定不符", "3王堌电话整体巡逻队多巡几趟未答复",  # agreed to be named
                                    "4欧阳某电话", "5德化乡卫生院意见箱", "青石村村民委员会", "2026年3月30日"])
    text = pdfcheck.text_of(data)  # R21: masked unless the person agreed
    assert "吉𠮷" not in text and "张䶮" not in text and "欧阳春" not in text
    pdfcheck.assert_fonts_embedded(data)


def test_cli_step_five_products(demo_path: Path, rulebook_id: str, tmp_path: Path) -> None:
    for product, expected in (("call-for-opinions", "修订意见的公告"), ("opinion-forms", "编号："),
                              ("adoption-statement", "采纳情况说明")):
        out = tmp_path / f"{product}.pdf"
        code, data = run_json(demo_path, "print", product, rulebook_id, "--out", str(out))
        assert code == 0, data
        assert expected in pdfcheck.text_of(out.read_bytes())
