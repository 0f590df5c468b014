"""Notice of the execution committee (执行委员会), its teams (工作队伍) and their duty roster (值班表)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.platypus import Flowable, PageBreak, Spacer

from models.core.notices import chinese_date
from models.core.numerals import to_chinese
from models.workflow.records import CommitteeMember, Shift, Team
from printing.core.blocks import body_paragraph, closing_block, keep_together, paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, notice_page, render
from printing.core.styles import notice_styles, table_styles
from printing.core.tables import long_table

ROSTER_HEADER = ("周次", "值班日期", "值班人员", "备注")
ROSTER_WIDTHS = (1.0, 3.0, 5.0, 2.0)


@dataclass(frozen=True)
class CommitteeNotice:
    """The committee, its teams and each team's roster, as one notice signed by the village committee."""

    rulebook_title: str
    signer: str
    signed_on: date
    members: tuple[CommitteeMember, ...]
    teams: tuple[Team, ...]
    rosters: dict[str, tuple[Shift, ...]]  # team id → its shifts

    @property
    def title(self) -> str:
        return f"关于成立《{self.rulebook_title}》修订执行委员会及工作队伍的通知"


def _person(member: CommitteeMember) -> str:
    return f"{member.name}（{member.capacity}）" if member.capacity else member.name


def paragraphs(notice: CommitteeNotice) -> list[str]:
    chairs = [m for m in notice.members if m.chair]
    others = [m for m in sorted(notice.members, key=lambda m: m.position) if not m.chair]
    texts = [f"为做好《{notice.rulebook_title}》修订工作，经村党组织、村民委员会研究，决定成立村规民约修订执行委员会，"
             "组建工作队伍并安排值班。现将有关事项通知如下：", "一、执行委员会"]
    texts.append("主任：" + ("、".join(_person(m) for m in chairs) or "（未确定）"))
    texts.append("成员：" + ("、".join(_person(m) for m in others) or "（未确定）"))
    texts.append("二、工作队伍")
    for number, team in enumerate(notice.teams, 1):
        members = "、".join(team.members) or "（未确定）"
        texts.append(f"（{to_chinese(number)}）{team.name}：队长{team.leader or '（未确定）'}；队员{members}。")
    if not notice.teams:
        texts.append("工作队伍另行通知。")
    if rostered(notice):
        texts += ["三、值班安排", "各队按附件所列值班表轮流值班，不能到岗的提前替班。"]
    return texts


def week_text(shift: Shift) -> str:
    end = shift.week_start + timedelta(days=6)
    return f"{shift.week_start.month}月{shift.week_start.day}日—{end.month}月{end.day}日"


def roster_rows(shifts: tuple[Shift, ...]) -> list[tuple[str, str, str, str]]:
    return [(f"第{number}周", week_text(shift), "、".join(shift.members), shift.holiday)
            for number, shift in enumerate(sorted(shifts, key=lambda s: s.week_start), 1)]


def rostered(notice: CommitteeNotice) -> list[Team]:
    return [team for team in notice.teams if notice.rosters.get(team.id)]


def attachment_lines(notice: CommitteeNotice) -> list[str]:
    """附件：1. 治安巡逻队值班表 — the rosters follow the signature as attachments (GB/T 9704 §7.3.4)."""
    teams = rostered(notice)
    if len(teams) == 1:
        return [f"附件：{teams[0].name}值班表"]
    return [f"{'附件：' if n == 1 else '　　　'}{n}. {team.name}值班表" for n, team in enumerate(teams, 1)]


def printed_texts(notice: CommitteeNotice) -> list[str]:
    texts = [notice.title, *paragraphs(notice), "特此通知", *(attachment_lines(notice) if rostered(notice) else [])]
    texts += [notice.signer, chinese_date(notice.signed_on)]
    for number, team in enumerate(rostered(notice), 1):
        texts += [attachment_label(notice, number), f"{team.name}值班表", *ROSTER_HEADER]
        texts += [cell for row in roster_rows(notice.rosters[team.id]) for cell in row]
    return texts


def notice_fingerprint(notice: CommitteeNotice) -> str:
    version = ";".join([m.id for m in notice.members] + [t.id for t in notice.teams] +
                       [s.id for shifts in notice.rosters.values() for s in shifts])
    return content_fingerprint("committee", printed_texts(notice), version)


def attachment_label(notice: CommitteeNotice, number: int) -> str:
    return "附件" if len(rostered(notice)) == 1 else f"附件{number}"


def _attachments(notice: CommitteeNotice, width: float) -> list[Flowable]:
    styles, table = notice_styles(), table_styles(11.0)
    story: list[Flowable] = []
    for number, team in enumerate(rostered(notice), 1):
        label = styles.heading1.clone("attachment_label", firstLineIndent=0)
        story += [PageBreak(), paragraph(attachment_label(notice, number), label, "附件"),
                  title(f"{team.name}值班表", styles, width, "附件标题"),
                  long_table(ROSTER_HEADER, roster_rows(notice.rosters[team.id]), ROSTER_WIDTHS, width, table,
                             f"{team.name}值班表")]
    return story


def build_story(notice: CommitteeNotice) -> list[Flowable]:
    styles, width = notice_styles(), notice_page().text_width
    story: list[Flowable] = [title(notice.title, styles, width, "通知标题"), Spacer(1, styles.line * 0.25)]
    story += [body_paragraph(text, styles, "执行委员会通知") for text in paragraphs(notice)]
    tail: list[Flowable] = [body_paragraph("特此通知", styles, "执行委员会通知")]
    if rostered(notice):
        tail += [Spacer(1, styles.line * 0.5)]
        tail += [paragraph(text, styles.body, "附件说明") for text in attachment_lines(notice)]
    tail.append(closing_block(None, notice.signer, chinese_date(notice.signed_on), styles))
    # GB/T 9704: the signature never stands alone on a page; text moves with it.
    return story + [keep_together(tail)] + _attachments(notice, width)


def render_committee_pdf(notice: CommitteeNotice, qr: bool = False,
                         progress: Callable[[int], None] | None = None) -> bytes:
    """The committee notice as PDF bytes (GB/T 9704 page)."""
    fingerprint = notice_fingerprint(notice)
    payload = qr_payload(fingerprint, notice.title) if qr else None
    return render(build_story(notice), notice_page(), DocumentMeta(notice.title, fingerprint, payload), progress)
