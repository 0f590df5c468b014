"""告知书 (R28 step 4): the written notice to a household that it is to go on a list — the reason, the rule, the
right to object and the deadline, with a receipt slip. A letter to one household: internal, never posted (R30).

`notice_letter_job` builds it from the entry and the settings the caller read."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Spacer

from models.core.errors import DomainError
from models.core.notices import chinese_date
from models.lists.entries import EntryState, ListEntry, ListKind, ListSettings
from printing.core.blocks import body_paragraph, closing_block, paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, notice_page, render
from printing.core.styles import notice_styles

if TYPE_CHECKING:
    from printing.core.catalogue import PrintJob

RECEIPT = "签收人（户主或家庭成员）：____________　　签收日期：______年____月____日"


@dataclass(frozen=True)
class NoticeLetter:
    """What the letter says; built by `notice_letter`."""

    title: str
    addressee: str
    paragraphs: tuple[str, ...]
    signer: str
    signed_on: date
    entry_id: str

    @property
    def texts(self) -> list[str]:
        return [self.title, self.addressee, *self.paragraphs, "特此告知", self.signer, chinese_date(self.signed_on),
                RECEIPT]


def notice_letter(entry: ListEntry, village: str, settings: ListSettings = ListSettings()) -> NoticeLetter:
    """The letter of an entry that reached publicity (the household is notified that day); refused before."""
    end = entry.publicity_end
    if entry.notice_on is None or end is None or entry.state not in (EntryState.PUBLICITY, EntryState.PUBLISHED):
        raise DomainError(f"该条目处于“{entry.state.label}”，还没有经村务监督委员会审核进入公示，不能打印告知书"
                          "（R28：审核后书面告知本户，再公示）。")
    kind = entry.list_kind.label
    rule = entry.article.citation if entry.article else (entry.honour or "村规民约有关规定")
    reason = (f"经村规民约执行委员会评议、村“两委”审核和村务监督委员会审查，你户因以下事实，拟列入"
              f"{entry.parsed_period.text}{kind}：{entry.facts.rstrip('。')}。")
    paragraphs = [reason, f"依据：{rule}。"]
    if entry.consequence:
        paragraphs.append(f"上榜后：{entry.consequence.rstrip('。')}（不影响低保、养老、医保、入学等法定权益）。")
    paragraphs.append(f"你户如有异议，有权在{chinese_date(end)}前（公示期共{entry.publicity_days}天，"
                      f"自{chinese_date(entry.publicity_start or entry.notice_on)}起）以书面或口头方式向村务监督委员会提出，"
                      f"写明事实和理由；村委会自收到异议之日起{settings.answer_days}日内答复。逾期未提出的，视为无异议。")
    if entry.list_kind is not ListKind.RED:
        paragraphs.append("整改到位的，经核实即行撤榜。")
    addressee = f"{entry.group_name}{entry.subject_name}户（户号{entry.household_no}）："
    return NoticeLetter(f"{kind}拟上榜告知书", addressee, tuple(paragraphs), f"{village}村民委员会", entry.notice_on,
                        entry.id)


def letter_fingerprint(letter: NoticeLetter) -> str:
    return content_fingerprint("list_notice_letter", letter.texts, letter.entry_id)


def build_story(letter: NoticeLetter) -> list[Flowable]:
    styles, width = notice_styles(), notice_page().text_width
    addressee = styles.body.clone("letter_addressee", firstLineIndent=0)
    story: list[Flowable] = [title(letter.title, styles, width, "告知书标题"), Spacer(1, styles.line * 0.25),
                             paragraph(letter.addressee, addressee, "告知对象")]
    story += [body_paragraph(text, styles, "告知书正文") for text in letter.paragraphs]
    story.append(closing_block("特此告知", letter.signer, chinese_date(letter.signed_on), styles))
    story += [Spacer(1, styles.line), paragraph(RECEIPT, addressee, "签收")]
    return story


def render_notice_letter_pdf(letter: NoticeLetter, qr: bool = False,
                             progress: Callable[[int], None] | None = None) -> bytes:
    fingerprint = letter_fingerprint(letter)
    payload = qr_payload(fingerprint, letter.title, letter.entry_id) if qr else None
    return render(build_story(letter), notice_page(), DocumentMeta(letter.title, fingerprint, payload, internal=True),
                  progress)


def notice_letter_job(entry: ListEntry, settings: ListSettings, village: str) -> PrintJob:
    """The 告知书 of `entry` (the caller reads the entry and the settings through the lists' stores)."""
    from printing.core.catalogue import PrintJob

    letter = notice_letter(entry, village, settings)
    return PrintJob(letter.title, letter_fingerprint(letter),
                    lambda progress: render_notice_letter_pdf(letter, progress=progress))
