"""决议公开 and 实施结果公开: the notices that make a meeting's resolutions and their results public.

Both are generic notices (公告, GB/T 9704 page, publicity period printed) built from the meeting record and its
follow-ups; `notice_pdf` lays them out.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.platypus import Flowable

from models.minutes.followups import FollowUp
from models.core.notices import Notice, NoticeKind, chinese_date, publicity_period
from models.core.numerals import to_chinese
from models.minutes.settings import province_flag
from printing.minutes.minutes_pdf import MeetingRecord
from printing.core.notice_pdf import NoticeOptions, build_story as notice_story, render_notice_pdf


def resolution_notice(record: MeetingRecord, signer: str, signed_on: date) -> Notice:
    """决议公开: what the meeting decided, item by item, with the vote."""
    meeting, outcome = record.meeting, record.outcome
    paragraphs = [f"{chinese_date(meeting.on)}，{record.village}召开{record.spec.label}"
                  f"（记录编号{meeting.number}），应到{meeting.expected}人，实到{meeting.present}人。"
                  "现将会议决议事项公告如下："]
    number = 0
    for item, result in zip(meeting.items, outcome.items):
        number += 1
        paragraphs.append(f"{to_chinese(number)}、{item.title}")
        if item.tally is not None:
            paragraphs.append(f"表决结果：赞成{item.tally.for_}票，反对{item.tally.against}票，"
                              f"弃权{item.tally.abstain}票，{'通过' if result.passed else '未通过'}。")
        if item.resolution and result.passed is not False:
            paragraphs.append(f"决议内容：{item.resolution}")
        flag = province_flag(item, record.spec, record.province)
        if flag:
            paragraphs.append(flag)
    paragraphs.append("村民对以上决议有意见的，可在公告期内向村务监督委员会反映。")
    return Notice(NoticeKind.ANNOUNCEMENT, f"关于{chinese_date(meeting.on)}{record.spec.label}决议事项的公告",
                  tuple(paragraphs), signer, signed_on, publicity_period(signed_on), meeting.id,
                  f"{meeting.id}:{len(meeting.amendments)}")


def result_notice(record: MeetingRecord, follow_ups: Sequence[FollowUp], signer: str, signed_on: date) -> Notice:
    """实施结果公开: how each resolution of the meeting was carried out, with the villagers' evaluation."""
    meeting = record.meeting
    paragraphs = [f"{chinese_date(meeting.on)}{record.spec.label}（记录编号{meeting.number}）所作决议的实施情况"
                  "公告如下："]
    for number, follow_up in enumerate(follow_ups, 1):
        paragraphs.append(f"{to_chinese(number)}、{follow_up.title}")
        owner = f"责任人：{follow_up.owner}；" if follow_up.owner else ""
        paragraphs.append(f"{owner}实施状态：{follow_up.status.label}。")
        if follow_up.result_report:
            paragraphs.append(f"实施结果：{follow_up.result_report}")
        if follow_up.evaluation is not None:
            paragraphs.append(f"群众评价：{follow_up.evaluation.label}。")
    if not follow_ups:
        paragraphs.append("本次会议没有需要落实的决议事项。")
    paragraphs.append("村民对实施结果有意见的，可在公告期内向村务监督委员会反映。")
    version = ";".join(f"{f.id}:{f.status.value}:{len(f.timeline)}" for f in follow_ups)
    return Notice(NoticeKind.ANNOUNCEMENT, f"关于{chinese_date(meeting.on)}{record.spec.label}决议实施结果的公告",
                  tuple(paragraphs), signer, signed_on, publicity_period(signed_on), meeting.id, version)


def build_story(notice: Notice, options: NoticeOptions = NoticeOptions()) -> list[Flowable]:
    return notice_story(notice, options)


def render_resolution_notice_pdf(notice: Notice, options: NoticeOptions = NoticeOptions(),
                                 progress: Callable[[int], None] | None = None) -> bytes:
    """A 决议公开 or 实施结果公开 notice (from `resolution_notice` / `result_notice`) as PDF bytes."""
    return render_notice_pdf(notice, options, progress)
