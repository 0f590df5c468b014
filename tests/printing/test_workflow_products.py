"""Invitation letters with reply slips, and the committee / teams / duty roster notice."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.workflow.records import CommitteeMember, Invitation, Shift, Team, TeamKind
from printing.workflow.committee_pdf import CommitteeNotice, render_committee_pdf
from printing.workflow.invitations_pdf import CUT_LINE, InvitationLetters, render_invitations_pdf
from tests.helpers import run_cli, run_json
from tests.printing import pdfcheck

INVITATIONS = (Invitation("i1", "吉𠮷", capacity="寨老", sent_on=date(2026, 3, 4), expires_on=date(2026, 3, 11)),
               Invitation("i2", "青石村小学", capacity="驻村单位", village_unit=True, sent_on=date(2026, 3, 4)))


def test_one_letter_per_invitee_with_reply_slip() -> None:
    letters = InvitationLetters("青石村村规民约", "青石村村民委员会", INVITATIONS, date(2026, 3, 4))
    data = render_invitations_pdf(letters)
    pages = pdfcheck.reader(data).pages
    assert len(pages) == 2 and set(pdfcheck.page_sizes_mm(data)) == {(210, 297)}
    first, second = ("".join(page.extract_text().split()) for page in pages)
    assert "尊敬的吉𠮷：" in first and "以寨老身份" in first and "2026年3月11日前" in first
    assert "青石村小学：" in second and "尊敬的" not in second
    pdfcheck.assert_in_order(data, ["邀请函", "尊敬的吉𠮷：", "青石村村民委员会", "2026年3月4日",
                                    "".join(CUT_LINE.split()), "回执", "本人（单位）：吉𠮷", "□愿意参加", "□不能参加",
                                    "签名：", "邀请函", "青石村小学："])
    pdfcheck.assert_fonts_embedded(data)
    pdfcheck.assert_text_inside_pages(data)


def test_committee_notice_with_roster_attachment() -> None:
    members = (CommitteeMember("m1", "吴支书", chair=True), CommitteeMember("m2", "张䶮", capacity="寨老", position=1))
    teams = (Team("t1", TeamKind.PATROL, "治安巡逻队", "杨光明", ("吴金光", "杨文银")),
             Team("t2", TeamKind.CEREMONIES, "红白理事会", "蒙武"))
    shifts = (Shift("t1", date(2026, 3, 9), ("吴成明",), "三月三"), Shift("t1", date(2026, 3, 2), ("吴金光", "杨文银")))
    notice = CommitteeNotice("青石村村规民约", "青石村村民委员会", date(2026, 3, 20), members, teams, {"t1": shifts})
    data = render_committee_pdf(notice)
    assert len(pdfcheck.reader(data).pages) == 2  # the notice, then the roster attachment
    pdfcheck.assert_in_order(data, ["关于成立《青石村村规民约》修订执行委员会及工作队伍的通知", "一、执行委员会",
                                    "主任：吴支书", "成员：张䶮（寨老）", "二、工作队伍", "（一）治安巡逻队：队长杨光明；",
                                    "队员吴金光、杨文银。", "（二）红白理事会：队长蒙武；队员（未确定）。", "三、值班安排",
                                    "特此通知", "附件：治安巡逻队值班表", "青石村村民委员会", "2026年3月20日",
                                    "附件", "治安巡逻队值班表", "周次值班日期值班人员备注",
                                    "第1周3月2日—3月8日吴金光、杨文银", "第2周3月9日—3月15日吴成明三月三"])
    pdfcheck.assert_fonts_embedded(data)
    pdfcheck.assert_text_inside_pages(data)


def test_cli_invitations_and_committee(demo_path: Path, rulebook_id: str, tmp_path: Path) -> None:
    code, data = run_json(demo_path, "print", "invitations", rulebook_id, "--out", str(tmp_path / "i.pdf"))
    assert code == 0 and data["pages"] == 7  # the demo invites seven
    assert "回执" in pdfcheck.text_of((tmp_path / "i.pdf").read_bytes())
    code, data = run_json(demo_path, "print", "committee", rulebook_id, "--out", str(tmp_path / "c.pdf"))
    assert code == 0 and "主任：吴支书" in pdfcheck.text_of((tmp_path / "c.pdf").read_bytes())
    for product in ("invitations", "committee"):
        code, _, err = run_cli(["--db", str(demo_path), "print", product, "nope", "--out", str(tmp_path / "x.pdf")])
        assert code == 2 and "rules list" in err
