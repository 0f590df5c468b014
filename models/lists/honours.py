"""Removal notice (撤榜公告) and honour certificate (荣誉证书) of the lists: what they say, built from entries."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.lists.boards import display_name, signer_of
from models.core.errors import DomainError
from models.lists.entries import (EntryState, ListEntry, ListKind, ListSettings, Period,
                          check_no_personal_numbers)
from models.lists.naming import NamingBasis
from models.core.notices import Notice, NoticeKind, chinese_date


def removal_notice(village: str, period: Period, entries: Sequence[ListEntry], bases: Sequence[NamingBasis],
                   on: date, settings: ListSettings = ListSettings(), signer: str = "") -> Notice:
    """公告 of the published entries of `period` that came down (整改到位, 期满, 异议成立), names as R31 allows."""
    removed = [e for e in entries if e.period == period.code and e.state is EntryState.WITHDRAWN
               and e.published_on is not None and e.ended_on is not None and e.ended_on <= on]
    if not removed:
        raise DomainError(f"{period.text}没有已发布后撤下的条目，无需打印撤榜公告。")
    lines = [f"{n}. {e.list_kind.label}：{display_name(e, bases, on, settings)}，{chinese_date(e.ended_on)}撤榜"
             f"（{e.end_reason}）。" for n, e in enumerate(removed, 1) if e.ended_on is not None]
    body = (f"经核实，{period.text}以下上榜条目已撤下，自撤榜之日起不再张贴，原榜单同时作废：", *lines,
            "因异议成立或更正而撤下的条目视同未上榜。如有疑问，请向村务监督委员会咨询。")
    notice = Notice(NoticeKind.ANNOUNCEMENT, f"关于{period.text}红黄黑榜撤榜的公告", body,
                    signer_of(village, signer), on)
    for text in notice.paragraphs:
        check_no_personal_numbers(text)
    return notice

_DATED = re.compile(r"^\s*(在|于)?\s*\d{4}\s*年")


@dataclass(frozen=True)
class HonourCertificate:
    """荣誉证书 — for a household on a published red list; the name only as R31 allows, never a minor's."""

    village: str
    recipient: str
    period_text: str
    reason: str
    signer: str
    signed_on: date
    number: str
    award: str = ""  # what was decided, as one sentence; "" → the red list's (执委会评议 … 列入红榜)

    @property
    def _when(self) -> str:
        """在2026年11月 before the reason, unless the facts already say when (no 在2026年12月2026年11月…)."""
        return "" if _DATED.match(self.reason) else f"在{self.period_text}"

    @property
    def texts(self) -> list[str]:
        """Every text printed, in order."""
        award = self.award or (f"{self._when}{self.reason}，经执委会评议、村务监督委员会审核并公示，列入"
                               f"{self.village}{self.period_text}红榜。")
        return ["荣誉证书", f"{self.recipient}：", award, "特发此证，以资鼓励。", self.signer, chinese_date(self.signed_on),
                f"证书编号：{self.number}"]


def honour_certificate(village: str, entry: ListEntry, bases: Sequence[NamingBasis], on: date,
                       settings: ListSettings = ListSettings(), signer: str = "") -> HonourCertificate:
    """The certificate of a red entry that was published; refuses anything else in Chinese."""
    if entry.list_kind is not ListKind.RED:
        raise DomainError(f"荣誉证书只发给红榜条目，这是{entry.list_kind.label}条目。")
    if entry.published_on is None or entry.end_reason == "异议成立":
        raise DomainError("该红榜条目尚未发布（或因异议成立撤下），不能颁发荣誉证书。请先走完公示并发布。")
    if entry.subject_is_minor:
        raise DomainError("证书不能写未成年人的信息。请以户为单位表彰，或由监护人代领。")
    reason = entry.honour or entry.facts.rstrip("。")
    certificate = HonourCertificate(village, display_name(entry, bases, on, settings), entry.parsed_period.text,
                                    reason, signer_of(village, signer), on, f"{entry.period}-{entry.id[-6:].upper()}")
    for text in certificate.texts:
        check_no_personal_numbers(text)
    return certificate
