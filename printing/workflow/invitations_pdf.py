"""Invitation letters (邀请函), one page per invitee, each with a reply slip (回执) to cut off along a dashed line."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, PageBreak, Spacer

from models.core.notices import chinese_date
from models.workflow.records import Invitation
from printing.core.blocks import body_paragraph, closing_block, paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, notice_page, render
from printing.core.styles import TextStyles, letter_styles

CUT_LINE = "（请沿虚线剪下，将回执交回村民委员会）"
BLANK = "_" * 8
GAP = "\u00a0" * 6  # non-breaking: a paragraph keeps it


@dataclass(frozen=True)
class InvitationLetters:
    """The letters of one revision: rulebook title, village committee signing, the invitees."""

    rulebook_title: str
    signer: str
    invitations: tuple[Invitation, ...]
    signed_on: date

    @property
    def title(self) -> str:
        return f"《{self.rulebook_title}》修订邀请函"


def salutation(invitation: Invitation) -> str:
    return f"尊敬的{invitation.name}：" if not invitation.village_unit else f"{invitation.name}："


def letter_paragraphs(letters: InvitationLetters, invitation: Invitation) -> list[str]:
    capacity = invitation.capacity or ("驻村单位" if invitation.village_unit else "村民代表")
    texts = [f"为做好《{letters.rulebook_title}》的修订工作，按照村规民约修订“九步工作法”，经村党组织、村民委员会"
             f"研究，诚邀您以{capacity}身份参加本次修订，参与村规民约修订执行委员会的有关工作，"
             "共同商议本村的规矩，把大家的意见写进村规民约。"]
    if invitation.expires_on is not None:
        texts.append(f"请于{chinese_date(invitation.expires_on)}前将下方回执交回村民委员会，或告知所在村民小组组长。")
    return texts + ["感谢您对本村工作的支持！"]


def slip_lines(invitation: Invitation) -> list[str]:
    return [f"本人（单位）：{invitation.name}", f"□ 愿意参加{GAP}□ 不能参加",
            f"签名：{BLANK * 2}{GAP}日期：{BLANK}年{BLANK[:4]}月{BLANK[:4]}日", f"联系电话：{BLANK * 2}"]


def printed_texts(letters: InvitationLetters) -> list[str]:
    texts: list[str] = []
    for invitation in letters.invitations:
        texts += ["邀请函", salutation(invitation), *letter_paragraphs(letters, invitation), letters.signer,
                  chinese_date(invitation.sent_on or letters.signed_on), CUT_LINE, "回执", *slip_lines(invitation)]
    return texts


def letters_fingerprint(letters: InvitationLetters) -> str:
    version = ";".join(i.id for i in letters.invitations)
    return content_fingerprint("invitations", printed_texts(letters), version)


def reply_slip(invitation: Invitation, styles: TextStyles, width: float) -> Flowable:
    plain = styles.body.clone("slip", firstLineIndent=0, spaceBefore=styles.line * 0.2)
    centred = styles.small.clone("cut_line", alignment=TA_CENTER)
    heading = styles.heading1.clone("slip_title", alignment=TA_CENTER, firstLineIndent=0)
    return KeepTogether([HRFlowable(width=width, thickness=0.8, dash=(4, 3), spaceBefore=styles.line * 0.6,
                                    spaceAfter=2), paragraph(CUT_LINE, centred, "回执"),
                         paragraph("回　执", heading, "回执"),
                         *(paragraph(line, plain, f"{invitation.name}的回执") for line in slip_lines(invitation))])


def letter(letters: InvitationLetters, invitation: Invitation, styles: TextStyles, width: float) -> list[Flowable]:
    record = f"致{invitation.name}的邀请函"
    opening = styles.body.clone("salutation", firstLineIndent=0)
    story: list[Flowable] = [title("邀请函", styles, width, record), paragraph(salutation(invitation), opening, record)]
    story += [body_paragraph(text, styles, record) for text in letter_paragraphs(letters, invitation)]
    story.append(closing_block(None, letters.signer, chinese_date(invitation.sent_on or letters.signed_on), styles))
    return story + [Spacer(1, styles.line * 0.5), reply_slip(invitation, styles, width)]


def build_story(letters: InvitationLetters) -> list[Flowable]:
    styles, width = letter_styles(), notice_page().text_width
    story: list[Flowable] = []
    for index, invitation in enumerate(letters.invitations):
        story += ([PageBreak()] if index else []) + letter(letters, invitation, styles, width)
    if not letters.invitations:
        story += [title(letters.title, styles, width), paragraph("还没有登记邀请对象。请先在“九步工作法”第二步"
                                                                  "登记要邀请的人。", styles.body, "邀请函")]
    return story


def render_invitations_pdf(letters: InvitationLetters, qr: bool = False,
                           progress: Callable[[int], None] | None = None) -> bytes:
    """All letters as one PDF (A4 portrait, one page per invitee)."""
    fingerprint = letters_fingerprint(letters)
    payload = qr_payload(fingerprint, letters.title) if qr else None
    return render(build_story(letters), notice_page(), DocumentMeta(letters.title, fingerprint, payload), progress)

