"""Filing report, work cards and group roster lists."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.core.errors import DomainError
from models.minutes.quorum import Attendance, MajorityRule, QuorumResult
from models.registry.households import Gender, Household, Villager
from models.workflow.guards import MeetingFacts, WorkflowFacts
from models.workflow.records import AssemblyVote, CommitteeMember, LegalityReview, Publicity, Team, TeamKind
from printing.workflow.filing_report_pdf import filing_report, render_filing_report_pdf
from printing.registry.group_roster_pdf import GroupRoster, render_group_roster_pdf
from printing.workflow.work_card_pdf import WorkCards, committee_cards, render_work_cards_pdf
from tests.helpers import run_cli, run_json
from tests.printing import pdfcheck

VOTE_MEETING = MeetingFacts("m1", "2026-民-02", "villagers_meeting", "村民会议", date(2026, 5, 10), True,
                            Attendance(420, 300), QuorumResult(True, None, "过半数"), MajorityRule.OF_PRESENT, 1)
FACTS = WorkflowFacts(date(2026, 5, 12), publicity=Publicity(date(2026, 4, 20), date(2026, 4, 26)),
                      review=LegalityReview("v3", 3, date(2026, 4, 28), "德化乡司法所", "无违法内容"),
                      vote=AssemblyVote("m1", "v3", 3, False, (), "vote1"), vote_meeting=VOTE_MEETING)


def test_filing_report_after_the_vote() -> None:
    report = filing_report("青石村村规民约", FACTS, "青石村", "德化乡", date(2026, 5, 12))
    data = render_filing_report_pdf(report)
    assert len(pdfcheck.reader(data).pages) == 1  # the signature stays with the text when it fits
    pdfcheck.assert_in_order(data, ["关于《青石村村规民约》备案的报告", "德化乡人民政府：", "共收到村民意见0条",
                                    "2026年4月20日至2026年4月26日公示", "2026年4月28日经德化乡司法所审核",
                                    "2026年5月10日经村民会议表决通过（应到420人，实到300人）",
                                    "（第3版）报送备案", "附件：1.", "修改对照表", "4.村民会议表决记录（2026-民-02）",
                                    "青石村村民委员会", "2026年5月12日"])
    pdfcheck.assert_fonts_embedded(data)
    pdfcheck.assert_text_inside_pages(data)
    with pytest.raises(DomainError, match="第八步"):
        filing_report("青石村村规民约", WorkflowFacts(date(2026, 5, 12)), "青石村", "德化乡", date(2026, 5, 12))


def test_filing_report_names_women_present_and_a_representatives_vote() -> None:
    import dataclasses
    meeting = dataclasses.replace(VOTE_MEETING, type_code="representatives_meeting", type_label="村民代表会议",
                                  women_present=12, authorisation_ref="2026-民-01")
    report = filing_report("青石村村规民约", dataclasses.replace(FACTS, vote_meeting=meeting), "青石村", "德化乡",
                           date(2026, 5, 12))
    assert "按本省规定，经村民会议授权（2026-民-01），由村民代表会议表决，经村民代表会议表决通过" in report.paragraphs[0]
    assert "实到300人，其中妇女12人）" in report.paragraphs[0]


def test_work_cards_eight_to_a_page() -> None:
    members = tuple(CommitteeMember(f"m{n}", name, chair=n == 0, position=n)
                    for n, name in enumerate(("吴支书", "吉𠮷", "张䶮", "王堌")))
    teams = (Team("t1", TeamKind.PATROL, "治安巡逻队", "杨光明", ("吴金光", "杨文银", "吴成明", "吴国", "龙寿建")),)
    cards = WorkCards("青石村村民委员会", date(2026, 12, 31), committee_cards("青石村村规民约", members, teams))
    assert [c.post for c in cards.cards[:2]] == ["主任", "委员"] and len(cards.cards) == 10
    data = render_work_cards_pdf(cards)
    assert len(pdfcheck.reader(data).pages) == 2
    pdfcheck.assert_in_order(data, ["《青石村村规民约》修订执行委员会", "工作证", "吴支书", "职务：主任", "吉𠮷",
                                    "治安巡逻队", "杨光明", "职务：队长", "有效期至2026年12月31日"])
    pdfcheck.assert_fonts_embedded(data)
    pdfcheck.assert_text_inside_pages(data)


def test_group_roster_without_id_numbers() -> None:
    household = Household("h1", "0001", "g1")
    members = (Villager("v1", "h1", "王堌", "户主", Gender.MALE, "522631196503120011", date(1965, 3, 12),
                        phone="13800000000"),
               Villager("v2", "h1", "吉𠮷", "女", Gender.FEMALE, birth_date=date(1990, 7, 1), away=True,
                        away_place="浙江宁波", position=1))
    roster = GroupRoster("青石村", "第一村民小组", ((household, members),), date(2026, 5, 1))
    data = render_group_roster_pdf(roster)
    pdfcheck.assert_in_order(data, ["青石村第一村民小组花名册", "共1户，在册2人", "户号姓名与户主关系性别出生年月联系电话外出情况",
                                    "0001王堌户主男1965年3月13800000000", "吉𠮷女女1990年7月外出（浙江宁波）"])
    assert "522631" not in pdfcheck.text_of(data)
    assert set(pdfcheck.page_sizes_mm(data)) == {(297, 210)}
    for page in pdfcheck.reader(data).pages:  # names with phone numbers: marked internal top and bottom (R30)
        assert "".join(page.extract_text().split()).count("内部资料请勿张贴") == 2


def test_cli_more_products(demo_path: Path, rulebook_id: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    code, data = run_json(demo_path, "print", "work-cards", rulebook_id, "--out", str(out))
    assert code == 0 and "工作证" in pdfcheck.text_of(out.read_bytes())
    code, data = run_json(demo_path, "print", "group-roster", "第1组", "--out", str(out))
    assert code == 0 and "第1组花名册" in pdfcheck.text_of(out.read_bytes())
    posted = tmp_path / "posted.pdf"
    code, _, err = run_cli(["--db", str(demo_path), "print", "group-roster", "第1组", "--posted", "--out", str(posted)])
    assert code == 2 and "内部资料（请勿张贴），不能登记为张贴（R30，《中华人民共和国个人信息保护法》" in err
    assert not posted.exists()
    code, _, err = run_cli(["--db", str(demo_path), "print", "group-roster", "第九组", "--out", str(out)])
    assert code == 2 and "村民小组" in err
    code, _, err = run_cli(["--db", str(demo_path), "print", "filing-report", rulebook_id, "--out", str(out)])
    assert code == 2 and "第八步" in err


@pytest.mark.parametrize("product", ["rules", "signature-sheet", "invitations", "work-cards"])
def test_products_refuse_without_an_embeddable_font(demo_path: Path, rulebook_id: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch, product: str) -> None:
    from printing.core import fonts as fonts

    monkeypatch.setenv("XIANGYUE_FONT_DIRS", str(tmp_path))
    monkeypatch.setenv("XIANGYUE_FONT_CACHE", str(tmp_path / "c.json"))
    fonts.reset()
    try:
        code, _, err = run_cli(["--db", str(demo_path), "print", product, rulebook_id, "--out", str(tmp_path / "x.pdf")])
    finally:
        monkeypatch.undo()
        fonts.reset()
    assert code == 2 and "找不到可嵌入" in err
    assert not (tmp_path / "x.pdf").exists()
