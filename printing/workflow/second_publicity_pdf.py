"""二次公示 (step 7): the revised text posted before the vote, as a 公示 after R47 — title 关于……的公示, basis,
content and where to read it, explicit start and end dates, where and how to object, the committee as signer.

`second_publicity_job` builds it from what `models/workflow/print_sources.second_publicity` gathered."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from models.core.errors import DomainError
from models.core.notices import Notice, NoticeKind, PublicityPeriod, objection_line
from models.workflow.date_order import GUIDELINE, ORGANIC_LAW
from models.workflow.records import Publicity
from printing.core.notice_pdf import NoticeOptions, notice_fingerprint, render_notice_pdf

if TYPE_CHECKING:
    from models.workflow.print_sources import SecondPublicity
    from printing.core.catalogue import PrintJob


def second_publicity(rulebook_title: str, version_number: int, version_id: str, publicity: Publicity | None,
                     village: str, township: str, signed_on: date) -> Notice:
    """The notice of the recorded publicity; refused (DomainError) before its dates are recorded."""
    if publicity is None:
        raise DomainError("还没有登记二次公示的起止日期和地点，不能打印公示。请先在“九步工作法”第七步登记公示"
                          "（或 rules step publicity）。")
    place = publicity.place.strip() or "村务公开栏"
    paragraphs = (
        f"根据{ORGANIC_LAW}第二十七条和民政部等七部门{GUIDELINE}，经村“两委”商议、广泛征求村民意见，"
        f"村规民约修订执行委员会已将《{rulebook_title}》修改完善，形成修订稿（第{version_number}版）。"
        "现予以公示，公示期满后提交村民会议表决。",
        f"公示内容：《{rulebook_title}》修订稿全文、修改对照表和意见采纳情况说明，张贴于{place}；"
        "也可到村民委员会办公室查阅。",
        objection_line(township),
        "公示期满无异议或异议已答复的，修订稿提交村民会议表决。")
    return Notice(NoticeKind.PUBLICITY, f"关于《{rulebook_title}》修订稿的公示", paragraphs, f"{village}村民委员会",
                  signed_on, PublicityPeriod(publicity.start, publicity.end), version=f"{version_id}:{version_number}")


def second_publicity_job(source: SecondPublicity, today: date) -> PrintJob:
    """The notice of the gathered publicity, dated its first day (or `today` before one is recorded: refused)."""
    from printing.core.catalogue import PrintJob

    signed_on = source.publicity.start if source.publicity else today
    notice = second_publicity(source.rulebook_title, source.version_number, source.version_id, source.publicity,
                              source.village, source.township, signed_on)
    return PrintJob(notice.title, notice_fingerprint(notice),
                    lambda progress: render_second_publicity_pdf(notice, progress=progress))


def render_second_publicity_pdf(notice: Notice, options: NoticeOptions = NoticeOptions(),
                                progress: Callable[[int], None] | None = None) -> bytes:
    return render_notice_pdf(notice, options, progress)
