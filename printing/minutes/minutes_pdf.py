"""The meeting record-book page (会议记录): heading fields, each agenda item with its vote and resolution, amendments.

The record prints as it was finalised; later corrections (补正) follow it, dated, with the reason, as they would be
written into a paper record book. Host and recorder sign at the end.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from models.minutes.settings import ProvinceRules, province_flag
from models.minutes.template import RecordTemplate, default_template
from models.minutes.types import MeetingTypeSpec
from models.minutes.meetings import AgendaItem, Meeting, MeetingOutcome, evaluate
from models.core.notices import chinese_date
from models.core.numerals import to_chinese
from printing.core.blocks import paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, PageSpec, render, table_page
from printing.core.styles import TABLE_HEADER_GREY, TextStyles, letter_styles, table_styles
from printing.core.tables import grid_table


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting with its type (label, rules) and village, as the record book shows it."""

    meeting: Meeting
    spec: MeetingTypeSpec
    village: str
    province: ProvinceRules = ProvinceRules()
    template: RecordTemplate = field(default_factory=default_template)

    @property
    def title(self) -> str:
        return f"{self.village}{self.spec.label}记录"

    @property
    def outcome(self) -> MeetingOutcome:
        return evaluate(self.meeting, self.spec)


def when(meeting: Meeting) -> str:
    hours = f"{meeting.start}—{meeting.end}" if meeting.start and meeting.end else meeting.start
    return f"{chinese_date(meeting.on)} {hours}".strip()


def attendance(meeting: Meeting) -> str:
    parts = [f"应到{meeting.expected}人，实到{meeting.present}人"]
    if meeting.households_represented is not None:
        parts.append(f"到会{meeting.households_represented}户")
    if meeting.women_present is not None:
        parts.append(f"其中妇女{meeting.women_present}人")
    return "，".join(parts)


def absentees(meeting: Meeting) -> str:
    names = [f"{a.name}（{a.reason}）" if a.reason else a.name for a in meeting.absentees]
    return "、".join(names) or "无"


def field_values(record: MeetingRecord) -> dict[str, str]:
    """The printable text of every field the record-book template can name (R18)."""
    meeting = record.meeting
    host = f"{meeting.host}（{meeting.host_post}）" if meeting.host_post else meeting.host
    basis = (f"花名册计算为 {meeting.expected_computed} 人" if meeting.expected_computed is not None else "") + (
        f"；改为 {meeting.expected} 人，理由：{meeting.expected_reason}" if meeting.expected_reason else "")
    return {"when": when(meeting), "place": meeting.place, "convener": meeting.convener, "host": host,
            "recorder": meeting.recorder, "attendance": attendance(meeting), "absentees": absentees(meeting),
            "quorum": record.outcome.quorum.reason, "observers": meeting.observers,
            "township": meeting.township_attendees, "motion_source": meeting.motion_source,
            "authorisation": meeting.authorisation_ref,
            "notice": chinese_date(meeting.notice_date) if meeting.notice_date else "", "expected_basis": basis}


def heading_fields(record: MeetingRecord) -> list[tuple[str, str]]:
    """(heading, value) rows in the template's order: every R12 field, and optional ones when filled in."""
    values = field_values(record)
    return [(f.heading, values[f.key]) for f in record.template.fields
            if f.required or f.key == "convener" or values[f.key]]


def item_lines(record: MeetingRecord, index: int) -> list[str]:
    """The lines of agenda item `index`: heading, proposer, background, discussion, vote, resolution."""
    item, result = record.meeting.items[index], record.outcome.items[index]
    lines = [f"议题{to_chinese(index + 1)}：{item.title}"]
    for label, value in (("提议人", item.proposer), ("背景", item.background)):
        if value:
            lines.append(f"{label}：{value}")
    lines += [f"发言：{speech.speaker}：{speech.content}" for speech in item.speeches]
    if item.discussion:
        lines.append(f"讨论发言摘要：{item.discussion}")
    if item.tally is not None:
        method = f"{item.vote_method.label}，" if item.vote_method else ""
        counts = f"赞成{item.tally.for_}票，反对{item.tally.against}票，弃权{item.tally.abstain}票"
        reason = result.reason.removeprefix(f"赞成 {item.tally.for_} 票，")
        lines.append(f"表决结果：{method}{counts}，{reason.rstrip('。')}。")
    lines += named_vote_lines(item)
    flag = province_flag(item, record.spec, record.province)
    lines += [flag] if flag else []
    if item.resolution:
        lines.append(f"决议：{item.resolution}")
    owner = "；".join(part for part in (f"责任人：{item.resolution_owner}" if item.resolution_owner else "",
                                        f"完成时限：{chinese_date(item.resolution_due)}" if item.resolution_due
                                        else "") if part)
    return lines + ([owner] if owner else [])


def named_vote_lines(item: AgendaItem) -> list[str]:
    """逐人表决: one line per choice naming who chose it (only choices someone made)."""
    from models.minutes.votes import VoteChoice

    lines = []
    for choice in VoteChoice:
        names = [vote.name for vote in item.votes if vote.choice is choice]
        if names:
            lines.append(f"{choice.label}（{len(names)}人）：{'、'.join(names)}")
    return lines


def amendment_lines(meeting: Meeting) -> list[str]:
    from models.minutes.record import field_label, one_line

    return [f"{chinese_date(a.on)}，{a.editor}补正“{field_label(a.field_name)}”：原为“{one_line(a.before)}”，"
            f"更正为“{one_line(a.after)}”。理由：{a.reason}（上文已按补正后的内容印出）" for a in meeting.amendments]


def status_line(meeting: Meeting) -> str:
    return f"记录编号：{meeting.number or '（未编号）'}　状态：{'已定稿' if meeting.is_final else '草稿（未定稿）'}"


def printed_texts(record: MeetingRecord) -> list[str]:
    meeting = record.meeting
    texts = [record.title, status_line(meeting)]
    texts += [text for pair in heading_fields(record) for text in pair]
    texts += [line for index in range(len(meeting.items)) for line in item_lines(record, index)]
    texts += ([f"会议小结：{meeting.summary}"] if meeting.summary else []) + amendment_lines(meeting)
    return texts + list(record.template.signatures)


def record_fingerprint(record: MeetingRecord) -> str:
    return content_fingerprint("minutes", printed_texts(record), f"{record.meeting.id}:{len(record.meeting.amendments)}")


def _fields_table(record: MeetingRecord, spec: PageSpec, styles: TextStyles) -> Flowable:
    cells = [[paragraph(label, styles.table_header, "会议记录"), paragraph(value or "—", styles.table_cell,
                                                                         f"会议记录“{label}”")]
             for label, value in heading_fields(record)]
    return grid_table(cells, (1.0, 5.0), spec.text_width, styles, header_rows=0,
                      extra=[("BACKGROUND", (0, 0), (0, -1), TABLE_HEADER_GREY)])


def _section(text: str, styles: TextStyles) -> Flowable:
    style = styles.heading1.clone("section", firstLineIndent=0, spaceBefore=styles.line / 3)
    return paragraph(text, style, "会议记录")


def build_story(record: MeetingRecord) -> list[Flowable]:
    spec, styles, cells = record_page(), letter_styles(), table_styles(11.0)
    meeting = record.meeting
    centred = styles.small.clone("centred_small", alignment=TA_CENTER)
    story: list[Flowable] = [title(record.title, styles, spec.text_width, "会议记录标题"),
                             paragraph(status_line(meeting), centred, "会议记录"), Spacer(1, styles.line / 3),
                             _fields_table(record, spec, cells), Spacer(1, styles.line / 2)]
    plain, sections = styles.body, []
    for index in range(len(meeting.items)):
        head, *rest = item_lines(record, index)
        sections.append([_section(head, styles), *(paragraph(line, plain, f"议题{index + 1}") for line in rest)])
    if meeting.summary:
        sections.append([_section("会议小结", styles), paragraph(meeting.summary, plain, "会议小结")])
    if meeting.amendments:
        sections.append([_section("补正记录", styles),
                         *(paragraph(line, plain, "补正记录") for line in amendment_lines(meeting))])
    signatures = [Spacer(1, styles.line), signature_row(record.template.signatures, spec, styles)]
    for section in sections[:-1]:
        story += section
    last = sections[-1] if sections else []
    # The signatures never stand alone: the last section's heading and its last line move with them.
    story += last[:-2] + [KeepTogether(last[-2:] + signatures)]
    return story


def signature_row(labels: tuple[str, ...], spec: PageSpec, styles: TextStyles) -> Flowable:
    """Labels side by side, each with room to sign after it (no rules: a signature needs no box)."""
    row = [paragraph(label, styles.signature, "签字栏") for label in labels]
    table = Table([row], colWidths=[spec.text_width / len(labels)] * len(labels))
    table.setStyle([("FONT", (0, 0), (-1, -1), styles.signature.fontName, styles.signature.fontSize)])  # not Helvetica
    return table


def record_page() -> PageSpec:
    return table_page("A4", landscape=False)


def render_minutes_pdf(record: MeetingRecord, qr: bool = False,
                       progress: Callable[[int], None] | None = None) -> bytes:
    """The record-book page(s) as PDF bytes (A4 portrait)."""
    fingerprint = record_fingerprint(record)
    payload = qr_payload(fingerprint, record.title, record.meeting.number) if qr else None
    return render(build_story(record), record_page(), DocumentMeta(record.title, fingerprint, payload), progress)
