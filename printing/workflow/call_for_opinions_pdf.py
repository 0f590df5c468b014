"""征求意见公告: the call for opinions of step 5, a 公告 on the GB/T 9704 page with its period and every channel."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.platypus import Flowable

from models.core.notices import Notice, NoticeKind, publicity_period
from models.workflow.records import Channel
from printing.core.notice_pdf import NoticeOptions, build_story as notice_story, render_notice_pdf


def call_for_opinions(rulebook_title: str, draft_number: int, signer: str, start: date,
                      end: date | None = None) -> Notice:
    """征求意见公告: what is asked, until when (both dates), and every way to answer."""
    ways = "、".join(channel.label for channel in Channel)
    paragraphs = (f"为做好《{rulebook_title}》修订工作，让每户村民都能参与，现将《{rulebook_title}》修订草案"
                  f"（第{draft_number}稿）公开征求全体村民意见。",
                  "一、征求范围", "本村全体村民，包括外出务工、经商、上学的村民。",
                  "二、提出方式", f"可通过{ways}等方式提出。村民小组组长和执行委员会成员将入户发放意见征求表；"
                  "不便书写的，可口述，由他人代写并注明代写人。",
                  "三、有关要求", "请写明真实姓名和户号，意见尽量说明涉及哪一条。每条意见都将登记编号并逐条答复，"
                  "采纳情况将在修订完成前公开。")
    return Notice(NoticeKind.ANNOUNCEMENT, f"关于征求《{rulebook_title}》修订意见的公告", paragraphs, signer, start,
                  publicity_period(start, end), version=str(draft_number))


def build_story(notice: Notice, options: NoticeOptions = NoticeOptions()) -> list[Flowable]:
    return notice_story(notice, options)


def render_call_for_opinions_pdf(notice: Notice, options: NoticeOptions = NoticeOptions(),
                                 progress: Callable[[int], None] | None = None) -> bytes:
    """The call (from `call_for_opinions`) as PDF bytes."""
    return render_notice_pdf(notice, options, progress)
