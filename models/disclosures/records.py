"""公开记录 (R42): what was posted, where, from when to when, by whom, and the objections it drew."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.core.errors import DomainError
from models.disclosures.calendar import Obligation, Status, status
from models.disclosures.catalogue import DisclosureKind, Place


@dataclass(frozen=True)
class Publication:
    """一次公开 — the period it covers and the day it was due are kept with it, so the township reads on time or
    late from the record itself."""

    kind: DisclosureKind
    category: str
    period: str
    start: date
    end: date
    due: date
    place: Place = Place.BOARD
    posted_by: str = ""
    title: str = ""
    note: str = ""
    id: str = ""
    signed_off_by: str = ""  # the supervision committee's member who checked the posting against the facts (R42)
    signed_off_on: date | None = None

    @property
    def on_time(self) -> bool:
        """Posted by its due day where the village discloses (a WeChat group never counts: R42)."""
        return self.place is not Place.WECHAT and self.start <= self.due


@dataclass(frozen=True)
class DisclosureObjection:
    """村民对公开内容的异议 and the committee's answer (组织法第三十一条: it must answer)."""

    publication_id: str
    received_on: date
    raised_by: str
    content: str
    answer: str = ""
    answered_on: date | None = None
    id: str = ""


def check_publication(publication: Publication) -> None:
    if publication.end < publication.start:
        raise DomainError(f"公开的结束日期 {publication.end} 早于开始日期 {publication.start}。")
    if not publication.posted_by.strip():
        raise DomainError("请填写张贴人（谁公开的）。")
    if not publication.period:
        raise DomainError(f"{publication.start} 之前“{publication.category}”还没有到期的公开事项。")


def check_sign_off(publication: Publication, on: date) -> None:
    """R42: the supervision committee (村务监督委员会, 组织法第三十二条) signs each posting off once, not before it."""
    if publication.signed_off_by:
        raise DomainError(f"这条公开已由{publication.signed_off_by}于 {publication.signed_off_on} 签字确认，"
                          "不必再签（R42）。")
    if on < publication.start:
        raise DomainError(f"签字日期 {on} 早于张贴日期 {publication.start}：请在看过张贴的内容后再签字（R42）。")


def check_objection(objection: DisclosureObjection) -> None:
    if not objection.raised_by.strip() or not objection.content.strip():
        raise DomainError("请填写提出异议的人和异议内容。")


def check_answer(answer: str, on: date, received_on: date) -> None:
    if not answer.strip():
        raise DomainError("请填写答复内容。")
    if on < received_on:
        raise DomainError(f"答复日期 {on} 早于收到异议的日期 {received_on}。")


def with_status(due: Sequence[Obligation], published: Sequence[Publication],
                today: date) -> list[tuple[Obligation, Status]]:
    """Each obligation with its status: its publication is the first one recorded for its kind, category and
    period, or the posting another area recorded (the workflow's publicity). A WeChat group is a note beside the
    board, never the disclosure itself (R42), so a posting there meets nothing."""
    first: dict[tuple[str, str, str], date] = {}
    for p in published:
        if p.place is Place.WECHAT:
            continue
        key = (p.kind.value, p.category, p.period)
        if key not in first or p.start < first[key]:
            first[key] = p.start
    return [(o, status(o, first.get((o.kind.value, o.category, o.period), o.recorded_on), today)) for o in due]
