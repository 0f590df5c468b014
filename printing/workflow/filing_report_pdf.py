"""Filing report (备案报告) to the township government after the assembly vote (Organic Law Art. 27, R21).

A 报告 on the GB/T 9704 page: addressee, how the revision was done (dates of the publicity, the township review and
the vote with its attendance), the request to file, and the attachments a township expects.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Spacer

from models.core.errors import DomainError
from models.core.notices import chinese_date
from models.workflow.date_order import NOTICE_DAYS
from models.workflow.guards import REPRESENTATIVES_MEETING, MeetingFacts, WorkflowFacts
from models.workflow.records import OpinionKind
from printing.core.blocks import body_paragraph, closing_block, keep_together, paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, notice_page, render
from printing.core.styles import notice_styles


@dataclass(frozen=True)
class FilingReport:
    """What the report says; built from the revision's facts by `filing_report`."""

    title: str
    addressee: str
    paragraphs: tuple[str, ...]
    attachments: tuple[str, ...]
    signer: str
    signed_on: date
    version: str = ""


def filing_report(rulebook_title: str, facts: WorkflowFacts, village: str, township: str, signed_on: date
                  ) -> FilingReport:
    """The report of a voted revision; refused (DomainError) before the vote is recorded."""
    vote, meeting = facts.vote, facts.vote_meeting
    if vote is None or meeting is None:
        raise DomainError("这次修订还没有登记村民会议（或经授权的村民代表会议）表决结果，不能打印备案报告。"
                          "请先在“九步工作法”第八步登记表决。")
    start = facts.start_meeting
    steps = [f"按照“九步工作法”，经{chinese_date(start.on)}{start.type_label}商议，我村启动《{rulebook_title}》修订工作"
             if start else f"按照“九步工作法”，我村开展了《{rulebook_title}》修订工作",
             f"共收到村民意见{sum(1 for o in facts.opinions if o.kind is OpinionKind.OPINION)}条，已逐条答复"]
    if facts.publicity is not None:
        steps.append(f"修订稿于{chinese_date(facts.publicity.start)}至{chinese_date(facts.publicity.end)}公示")
    if facts.review is not None:
        steps.append(f"{chinese_date(facts.review.on)}经{facts.review.reviewer}审核（{facts.review.conclusion}）")
    steps.append(_vote_sentence(meeting, facts.representatives_vote_basis()))
    body = ("，".join(steps) + "。",
            f"现将《{rulebook_title}》（第{vote.version_number}版）报送备案，请予审查。")
    attachments = (f"《{rulebook_title}》（第{vote.version_number}版）文本", "修改对照表", "意见采纳情况说明",
                   f"{meeting.type_label}表决记录（{meeting.number}）")
    return FilingReport(f"关于《{rulebook_title}》备案的报告", f"{township}人民政府：", body, attachments,
                        f"{village}村民委员会", signed_on, f"{vote.id}:{vote.version_number}")


def _vote_sentence(meeting: MeetingFacts, province_basis: str) -> str:
    """Who voted, with attendance and women present (R24); a representatives' meeting names the province's
    regulation that allows it and any authorisation recorded (R8)."""
    attendance = meeting.attendance
    women = f"，其中妇女{meeting.women_present}人" if meeting.women_present is not None else ""
    basis = ""
    if meeting.type_code == REPRESENTATIVES_MEETING:
        ref = f"（{meeting.authorisation_ref}）" if meeting.authorisation_ref else ""
        law = f"依据{province_basis}的规定" if province_basis else "按本省规定"
        authorised = f"，经村民会议授权{ref}" if meeting.authorisation_ref else ""
        basis = f"{law}{authorised}，由村民代表会议表决，"
    return (f"{chinese_date(meeting.on)}{basis}经{meeting.type_label}表决通过（应到{attendance.expected}人，"
            f"实到{attendance.present}人{women}）{_notice_clause(meeting)}")


def _notice_clause(meeting: MeetingFacts) -> str:
    """R7: a villagers' meeting called with under 10 days' notice says so, with its recorded emergency reason."""
    if meeting.type_code == REPRESENTATIVES_MEETING or not meeting.notice_override_reason.strip():
        return ""
    short = meeting.notice_date is None or (meeting.on - meeting.notice_date).days < NOTICE_DAYS
    return f"，因{meeting.notice_override_reason.strip()}，会议未提前{NOTICE_DAYS}日通知" if short else ""


def printed_texts(report: FilingReport) -> list[str]:
    listed = [f"{n}. {text}" for n, text in enumerate(report.attachments, 1)]
    return [report.title, report.addressee, *report.paragraphs, "附件：", *listed, report.signer,
            chinese_date(report.signed_on)]


def report_fingerprint(report: FilingReport) -> str:
    return content_fingerprint("filing_report", printed_texts(report), report.version)


def build_story(report: FilingReport) -> list[Flowable]:
    styles, width = notice_styles(), notice_page().text_width
    addressee = styles.body.clone("addressee", firstLineIndent=0)
    story: list[Flowable] = [title(report.title, styles, width, "报告标题"), Spacer(1, styles.line * 0.25),
                             paragraph(report.addressee, addressee, "主送机关")]
    story += [body_paragraph(text, styles, "报告正文") for text in report.paragraphs]
    hanging = styles.body.clone("attachment_more", firstLineIndent=5 * styles.character)  # under "1." after 附件：
    listed = [paragraph(f"附件：{n}. {text}" if n == 1 else f"{n}. {text}", styles.body if n == 1 else hanging,
                        "附件说明") for n, text in enumerate(report.attachments, 1)]
    tail = [Spacer(1, styles.line * 0.5), *listed,
            closing_block(None, report.signer, chinese_date(report.signed_on), styles)]
    return story + [keep_together(tail)]


def render_filing_report_pdf(report: FilingReport, qr: bool = False,
                             progress: Callable[[int], None] | None = None) -> bytes:
    fingerprint = report_fingerprint(report)
    payload = qr_payload(fingerprint, report.title, report.version) if qr else None
    return render(build_story(report), notice_page(), DocumentMeta(report.title, fingerprint, payload), progress)
