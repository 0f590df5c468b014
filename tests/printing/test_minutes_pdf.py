"""Meeting record-book page, 决议公开 and 实施结果公开 notices, from the demo's finalised minutes."""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.minutes.meetings import Amendment, MeetingStatus
from printing.minutes.minutes_pdf import MeetingRecord, item_lines, render_minutes_pdf
from printing.minutes.resolution_notice_pdf import render_resolution_notice_pdf, resolution_notice, result_notice
from storage.core.db import Database
from storage.core.backend import build_stores
from tests.helpers import run_cli, run_json
from tests.office import needs_office, office_pdf
from tests.printing import pdfcheck


@pytest.fixture
def record(demo_db: Database) -> MeetingRecord:
    stores = build_stores(demo_db, COMMAND_LINE_ACTOR)
    final = [s for s in stores.meetings.list_meetings() if s.status is MeetingStatus.FINAL or s.status == "final"]
    meeting = stores.meetings.get(final[0].id)
    return MeetingRecord(meeting, stores.meeting_types.type_spec(meeting.type_code), "青石村")


def test_record_book_page_in_order(record: MeetingRecord) -> None:
    meeting = dataclasses.replace(record.meeting, amendments=(
        Amendment(date(2026, 12, 1), "李文书", "place", record.meeting.place, "村委会二楼会议室", "地点记错"),))
    record = MeetingRecord(meeting, record.spec, record.village)
    data = render_minutes_pdf(record)
    first_item = item_lines(record, 0)
    pdfcheck.assert_in_order(data, [record.title, f"记录编号：{meeting.number}", "会议时间", "会议地点", meeting.place,
                                    "主持人", meeting.host, "记录人", meeting.recorder, "到会情况",
                                    f"应到{meeting.expected}人，实到{meeting.present}人", *first_item[:2],
                                    "补正记录", "2026年12月1日，李文书补正“地点”", "理由：地点记错",
                                    "主持人（签字）：", "记录人（签字）："])
    assert set(pdfcheck.page_sizes_mm(data)) == {(210, 297)}
    pdfcheck.assert_fonts_embedded(data)
    pdfcheck.assert_text_inside_pages(data)


def test_resolution_and_result_notices(record: MeetingRecord, demo_db: Database) -> None:
    notice = resolution_notice(record, "青石村村民委员会", date(2026, 12, 2))
    data = render_resolution_notice_pdf(notice)
    item = record.meeting.items[0]
    pdfcheck.assert_in_order(data, ["决议事项的公告", f"实到{record.meeting.present}人", f"一、{item.title}",
                                    "表决结果：", "公告期：2026年12月2日至2026年12月8日", "特此公告",
                                    "青石村村民委员会", "2026年12月2日"])
    follow_ups = build_stores(demo_db, COMMAND_LINE_ACTOR).follow_ups.list_follow_ups(record.meeting.id)
    data = render_resolution_notice_pdf(result_notice(record, follow_ups, "青石村村民委员会", date(2026, 12, 2)))
    pdfcheck.assert_in_order(data, ["决议实施结果的公告", *(f.title for f in follow_ups[:1]), "实施状态：", "特此公告"])
    pdfcheck.assert_fonts_embedded(data)


def test_cli_minutes(demo_path: Path, record: MeetingRecord, tmp_path: Path) -> None:
    for extra in ([], ["--notice", "resolution"], ["--notice", "result"]):
        out = tmp_path / "m.pdf"
        code, data = run_json(demo_path, "print", "minutes", record.meeting.id, *extra, "--out", str(out))
        assert code == 0, data
        assert pdfcheck.text_of(out.read_bytes())
    code, _, err = run_cli(["--db", str(demo_path), "print", "minutes", "nope", "--out", str(tmp_path / "x.pdf")])
    assert code == 2 and "meeting list" in err


def test_speeches_and_named_votes_are_printed_in_the_item(record: MeetingRecord) -> None:
    from models.minutes.votes import PersonVote, Speech, VoteChoice
    from models.minutes.meetings import Attendee, with_counted_tally

    names = ("赵一", "钱二", "孙三")
    votes = tuple(PersonVote(n, c) for n, c in zip(names, (VoteChoice.FOR, VoteChoice.FOR, VoteChoice.AGAINST)))
    item = with_counted_tally(dataclasses.replace(record.meeting.items[0], votes=votes,
                                                  speeches=(Speech("赵一", "同意修建文化广场"),
                                                            Speech("孙三", "建议先公示预算"))))
    meeting = dataclasses.replace(record.meeting, present=3, expected=3, attendees=tuple(map(Attendee, names)),
                                  items=(item,))
    data = render_minutes_pdf(MeetingRecord(meeting, record.spec, record.village))
    pdfcheck.assert_in_order(data, [item.title, "发言：赵一：同意修建文化广场", "发言：孙三：建议先公示预算",
                                    "表决结果：", "赞成2票，反对1票", "赞成（2人）：赵一、钱二", "反对（1人）：孙三"])


def test_province_rule_is_flagged_on_the_record_and_the_resolution_notice(record: MeetingRecord) -> None:
    from models.minutes.settings import ProvinceRules
    from models.minutes.types import BUILTIN_TYPES
    from models.minutes.meetings import MatterKind

    item = dataclasses.replace(record.meeting.items[0], matter=MatterKind.VILLAGE_RULES)
    basis = "《某省实施〈中华人民共和国村民委员会组织法〉办法》第二十条"
    flagged = MeetingRecord(dataclasses.replace(record.meeting, items=(item,)),
                            BUILTIN_TYPES["representatives_meeting"], record.village, ProvinceRules(True, basis))
    pdfcheck.assert_in_order(render_minutes_pdf(flagged), [item.title, f"注：本项村规民约依据{basis}"])
    notice = resolution_notice(flagged, "青石村村民委员会", date(2026, 12, 2))
    pdfcheck.assert_in_order(render_resolution_notice_pdf(notice), [item.title, "由村民代表会议表决", "特此公告"])
    plain = dataclasses.replace(flagged, province=ProvinceRules())
    assert not any("注：本项" in line for line in item_lines(plain, 0))


def test_record_book_follows_the_configured_template(record: MeetingRecord, demo_db: Database) -> None:
    from models.minutes.template import DEFAULT_KEYS, FIELD_CATALOGUE, make_template
    from models.minutes.print_sources import meeting_source
    from printing.core.catalogue import meeting_record
    from storage.core.backend import build_stores

    fields = [("place", "开会地点"), ("when", "开会时间"), ("notice", "通知日期"),
              *[(k, FIELD_CATALOGUE[k][0]) for k in DEFAULT_KEYS[2:]]]
    template = make_template(fields, ["主持人签名：", "记录人签名：", "参会人员签名："])
    stores = build_stores(demo_db, COMMAND_LINE_ACTOR)
    stores.minutes_settings.set_record_template(template)
    configured = meeting_record(meeting_source(stores, record.meeting.id, date.today()))
    assert configured.template == template
    meeting = configured.meeting
    data = render_minutes_pdf(configured)
    pdfcheck.assert_in_order(data, ["开会地点", meeting.place, "开会时间", "通知日期", "召集人", "法定人数",
                                    "主持人签名：", "记录人签名：", "参会人员签名："])
    assert "会议时间" not in pdfcheck.text_of(data)
    stores.minutes_settings.set_record_template(None)
    assert meeting_record(meeting_source(stores, record.meeting.id, date.today())).template.fields[0].heading == "会议时间"


def test_vote_counts_are_printed_once(record: MeetingRecord) -> None:
    voted = [i for i, item in enumerate(record.meeting.items) if item.tally is not None]
    assert voted
    line = next(text for text in item_lines(record, voted[0]) if text.startswith("表决结果："))
    assert line.count("赞成") == 1, line
    assert line.endswith("。") and not line.endswith("。。"), line


def _docx_texts(data: bytes) -> list[str]:
    import io

    import docx
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def test_record_page_and_notices_as_word_on_a4_with_the_printed_text(record: MeetingRecord, demo_path: Path,
                                                                      tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    from printing.minutes.minutes_docx import render_minutes_docx, render_notice_docx

    data = render_minutes_docx(record)
    texts = _docx_texts(data)
    for expected in (record.title, f"记录编号：{record.meeting.number}", "会议地点", record.meeting.place,
                     *item_lines(record, 0)):
        assert any(expected in t for t in texts), expected
    assert any("主持人（签字）：" in t for t in texts)
    document = docx.Document(__import__("io").BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert {r._element.rPr.rFonts.get(qn("w:eastAsia")) for p in document.paragraphs for r in p.runs} <= {
        "仿宋", "宋体", "黑体"}
    notice = _docx_texts(render_notice_docx(resolution_notice(record, "青石村村民委员会", date(2026, 12, 2))))
    assert notice[0].endswith("决议事项的公告") and "特此公告" in notice and notice[-1] == "2026年12月2日"
    out = tmp_path / "m.docx"
    code, made = run_json(demo_path, "print", "minutes", record.meeting.id, "--notice", "resolution", "--out", str(out))
    assert code == 0 and made["file"] == str(out) and "决议事项的公告" in _docx_texts(out.read_bytes())[0]


@needs_office
def test_an_office_suite_prints_the_record_page_on_a4(record: MeetingRecord, tmp_path: Path) -> None:
    """The record page as .docx, printed by LibreOffice: A4, the record's text in order, nothing off the page."""
    from printing.minutes.minutes_docx import render_minutes_docx

    source = tmp_path / "minutes.docx"
    source.write_bytes(render_minutes_docx(record))
    data = office_pdf(source)
    assert set(pdfcheck.page_sizes_mm(data)) == {(210, 297)}
    pdfcheck.assert_in_order(data, [record.title, record.meeting.place, "主持人（签字）"])
    pdfcheck.assert_text_inside_pages(data)
