"""Notices (公示 / 公告 / 通知): their kinds, publicity periods and the printed date form (DOMAIN.md R45, R47)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from models.core.errors import DomainError

DEFAULT_PERIOD_DAYS = 7  # R47: default 7 calendar days
MIN_PERIOD_DAYS = 5      # R47: minimum 5
_CHINESE_DATE = re.compile(r"^[1-9]\d{3}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$")


class NoticeKind(StrEnum):
    """公示 / 公告 / 通知 — what a notice is; a 公示 carries a publicity period."""

    PUBLICITY = "publicity"
    ANNOUNCEMENT = "announcement"
    NOTIFICATION = "notification"

    @property
    def label(self) -> str:
        return {"publicity": "公示", "announcement": "公告", "notification": "通知"}[self.value]

    @property
    def closing(self) -> str:
        """The closing line: 特此公示 / 特此公告 / 特此通知."""
        return f"特此{self.label}"

    @classmethod
    def from_title(cls, title: str) -> NoticeKind:
        """The kind a title names by its last word (…的公示, …的公告); 通知 otherwise."""
        for kind in cls:
            if title.rstrip().endswith(kind.label):
                return kind
        return cls.NOTIFICATION


def chinese_date(day: date) -> str:
    """A date as printed on a notice: Arabic numerals, four-digit year, no leading zeros (2025年3月7日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def is_chinese_date(text: str) -> bool:
    """Whether `text` is a printed date in the R45 form (rejects 2025年03月07日 and 25年3月7日)."""
    return _CHINESE_DATE.match(text) is not None


@dataclass(frozen=True)
class PublicityPeriod:
    """公示期 — first and last day of a posting, both printed (R47: never left blank)."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """Calendar days, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def text(self) -> str:
        return f"{chinese_date(self.start)}至{chinese_date(self.end)}"


def publicity_period(start: date, end: date | None = None, minimum: int = MIN_PERIOD_DAYS,
                     default: int = DEFAULT_PERIOD_DAYS) -> PublicityPeriod:
    """A checked period; without an end it runs `default` calendar days from `start`."""
    period = PublicityPeriod(start, end or start + timedelta(days=default - 1))
    if period.end < period.start:
        raise DomainError(f"公示期的结束日期（{chinese_date(period.end)}）早于开始日期（{chinese_date(period.start)}），"
                          "请改正后重试。")
    if period.days < minimum:
        raise DomainError(f"公示期只有 {period.days} 天，少于规定的最少 {minimum} 天。请把结束日期延后到 "
                          f"{chinese_date(start + timedelta(days=minimum - 1))} 或以后。")
    return period


@dataclass(frozen=True)
class Notice:
    """公示/公告/通知 — one generic notice as it is printed."""

    kind: NoticeKind
    title: str
    paragraphs: tuple[str, ...]
    signer: str
    signed_on: date
    period: PublicityPeriod | None = None
    record_id: str = ""
    version: str = ""
    attachments: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise DomainError("公示（通知）的标题不能为空，请填写标题。")
        if not any(p.strip() for p in self.paragraphs):
            raise DomainError("正文不能为空，请填写正文内容。")
        if self.kind is NoticeKind.PUBLICITY and self.period is None:
            raise DomainError("公示必须写明公示期的开始和结束日期，请填写公示期。")


def objection_line(township: str = "", answer_days: int | None = None) -> str:
    """R47: where and how to object to a 公示 (the supervision committee and the township; real names, facts)."""
    where = f"村务监督委员会或{township}人民政府" if township else "村务监督委员会或乡镇人民政府"
    answer = f"；村委会自收到异议之日起{answer_days}日内答复" if answer_days else ""
    return (f"公示期间如有异议，请以书面或口头方式向{where}反映，并写明事实和理由（个人请署真实姓名，单位请加盖公章）"
            f"{answer}。")


def paragraphs_from_text(text: str) -> tuple[str, ...]:
    """Body text as paragraphs: one per non-blank line, surrounding spaces removed."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())
