"""Red, yellow and black lists (红榜 / 黄榜 / 黑榜): entries, periods, wording, proportionality and naming (R27–R34)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from models.core.errors import DomainError

BLACK_MAX_MONTHS = 3              # R29: no black entry stays up longer than 3 months
MIN_OBJECTION_DAYS = 5            # R28: objection window ≥ 5 days (Organic Law Art. 14)
DEFAULT_PUBLICITY_DAYS = 7        # §7.1: app default 7 calendar days
DEFAULT_ANSWER_DAYS = 3           # R28: the committee answers within 3 days
DEFAULT_STIGMATISING_WORDS = ("厚颜无耻", "老赖", "懒汉", "无赖", "败类", "可耻", "无耻", "人渣", "刁民", "泼妇",
                              "害群之马", "不要脸", "丢人现眼", "恶霸", "混混", "二流子")
# R33: what an entry may never cost a household (statutory entitlements).
STATUTORY_ENTITLEMENTS = ("低保", "最低生活保障", "特困", "养老金", "养老保险", "医保", "医疗保险", "征地补偿",
                          "土地补偿", "安置补偿", "承包地", "宅基地", "入学", "上学", "就学", "学籍", "义务教育",
                          "残疾人补贴", "高龄津贴", "优抚", "救助")


class ListKind(StrEnum):
    """榜单 — red (honour), yellow (warning) or black list."""

    RED = "red"
    YELLOW = "yellow"
    BLACK = "black"

    @property
    def label(self) -> str:
        return {"red": "红榜", "yellow": "黄榜", "black": "黑榜"}[self.value]

    @property
    def is_negative(self) -> bool:
        return self is not ListKind.RED


class EntryState(StrEnum):
    """上榜流程状态 — where an entry stands (R28)."""

    NOMINATED = "nominated"
    ASSESSED = "assessed"
    REVIEWED = "reviewed"
    PUBLICITY = "publicity"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def is_final(self) -> bool:
        return self in (EntryState.WITHDRAWN, EntryState.REFUSED)


_STATE_LABELS = {
    EntryState.NOMINATED: "提名",
    EntryState.ASSESSED: "执委会评议",
    EntryState.REVIEWED: "监委会审核",
    EntryState.PUBLICITY: "公示",
    EntryState.PUBLISHED: "发布",
    EntryState.WITHDRAWN: "撤榜",
    EntryState.REFUSED: "未通过",
}


class WithdrawReason(StrEnum):
    """撤榜原因 — why an entry came down."""

    RECTIFIED = "rectified"
    PERIOD_ENDED = "period_ended"
    OBJECTION_UPHELD = "objection_upheld"
    CORRECTION = "correction"

    @property
    def label(self) -> str:
        return {"rectified": "整改到位", "period_ended": "期满撤榜", "objection_upheld": "异议成立",
                "correction": "更正撤榜"}[self.value]


class PeriodKind(StrEnum):
    """周期 — month, quarter or year."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @property
    def label(self) -> str:
        return {"month": "月", "quarter": "季度", "year": "年"}[self.value]


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(0?[1-9]|1[0-2])|[Qq]([1-4])))?$")


@dataclass(frozen=True)
class Period:
    """榜单周期 — written 2025-03 (month), 2025-Q1 (quarter) or 2025 (year)."""

    code: str
    kind: PeriodKind
    start: date
    end: date  # last day, inclusive

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD.match(text.strip())
        if match is None:
            raise DomainError(f"周期“{text}”看不懂。请写成 2025-03（月）、2025-Q1（季度）或 2025（年）。")
        year = int(match.group(1))
        if match.group(2):
            month = int(match.group(2))
            return cls(f"{year}-{month:02d}", PeriodKind.MONTH, date(year, month, 1), _month_end(year, month))
        if match.group(3):
            quarter = int(match.group(3))
            first = 3 * quarter - 2
            return cls(f"{year}-Q{quarter}", PeriodKind.QUARTER, date(year, first, 1), _month_end(year, first + 2))
        return cls(str(year), PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    @property
    def months(self) -> int:
        return {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}[self.kind]

    @property
    def text(self) -> str:
        """As printed: 2025年3月 / 2025年第1季度 / 2025年."""
        if self.kind is PeriodKind.MONTH:
            return f"{self.start.year}年{self.start.month}月"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.start.year}年第{(self.start.month + 2) // 3}季度"
        return f"{self.start.year}年"


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (clamped to the month's end)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _month_end(year, month).day))


@dataclass(frozen=True)
class ArticleRef:
    """条款引用 — an article of the rules in force, pinned to its version, with a short text snapshot."""

    article_id: str
    version_id: str
    number: str      # as printed: 第十二条 / 第12条
    short_text: str  # a short form of the article for the board

    @property
    def citation(self) -> str:
        return f"村规民约{self.number}" + (f"（{self.short_text}）" if self.short_text else "")


@dataclass(frozen=True)
class Member:
    """户内成员 — only what the lists need: id, name, and whether a minor."""

    villager_id: str
    name: str
    is_minor: bool


@dataclass(frozen=True)
class HouseholdInfo:
    """户 — a household as the lists see it: number, group, head, members."""

    household_id: str
    household_no: str
    group_name: str
    head_name: str
    head_is_minor: bool = False
    members: tuple[Member, ...] = ()

    def member(self, villager_id: str) -> Member:
        for member in self.members:
            if member.villager_id == villager_id:
                return member
        raise DomainError(f"第{self.household_no}户没有这位村民（编号 {villager_id}）。请核对户籍后重试。")

    def find_member(self, text: str) -> Member:
        """The member named by id or by name (a name two members share must be given as the id)."""
        wanted = text.strip()
        found = [m for m in self.members if wanted in (m.villager_id, m.name)]
        if not found:
            raise DomainError(f"第{self.household_no}户没有“{wanted}”这位村民。请核对姓名，或用 roster 查出村民编号。")
        if len(found) > 1:
            ids = "、".join(m.villager_id for m in found)
            raise DomainError(f"第{self.household_no}户有 {len(found)} 位“{wanted}”，请改用村民编号（{ids}）。")
        return found[0]


@dataclass(frozen=True)
class ListSettings:
    """榜单设置 — the configurable limits (defaults from DOMAIN.md §9.4)."""

    cycle: PeriodKind = PeriodKind.MONTH
    publicity_days: int = DEFAULT_PUBLICITY_DAYS
    answer_days: int = DEFAULT_ANSWER_DAYS
    stigmatising_words: tuple[str, ...] = DEFAULT_STIGMATISING_WORDS
    name_black_list: bool = False  # R31: black lists are unnamed by default

    def __post_init__(self) -> None:
        if self.publicity_days < MIN_OBJECTION_DAYS:
            raise DomainError(f"公示期至少 {MIN_OBJECTION_DAYS} 天（异议期不得少于 5 天），请调整设置。")


@dataclass(frozen=True)
class ListEntry:
    """榜单条目 — one household (or villager) on one list for one period, with snapshots of what it rests on."""

    id: str
    list_kind: ListKind
    period: str
    household_id: str
    household_no: str
    group_name: str
    subject_name: str           # snapshot: head of household, or the villager
    facts: str
    proposer_name: str
    proposer_user_id: str
    state: EntryState = EntryState.NOMINATED
    villager_id: str = ""
    subject_is_minor: bool = False
    article: ArticleRef | None = None
    honour: str = ""            # red: the honour or criterion met
    occurred_on: date | None = None
    evidence_ids: tuple[str, ...] = ()
    consequence: str = ""
    override_reason: str = ""
    override_by: str = ""
    notice_on: date | None = None
    publicity_start: date | None = None
    publicity_days: int = DEFAULT_PUBLICITY_DAYS
    published_on: date | None = None
    ended_on: date | None = None
    end_reason: str = ""
    renews_id: str = ""

    @property
    def parsed_period(self) -> Period:
        return Period.parse(self.period)

    @property
    def publicity_end(self) -> date | None:
        """Last day of the publicity period (objections until then)."""
        if self.publicity_start is None:
            return None
        return self.publicity_start + timedelta(days=self.publicity_days - 1)

    @property
    def takes_down_on(self) -> date:
        """The last day this entry may stay up: the end of its period, and for black at most 3 months."""
        end = self.parsed_period.end
        if self.list_kind is ListKind.BLACK and self.published_on is not None:
            end = min(end, add_months(self.published_on, BLACK_MAX_MONTHS) - timedelta(days=1))
        return end


@dataclass(frozen=True)
class Transition:
    """流转记录 — one dated step of an entry: from, to, who, and a note."""

    entry_id: str
    from_state: EntryState | None
    to_state: EntryState
    on: date
    actor_id: str
    actor_name: str
    note: str = ""


@dataclass(frozen=True)
class Objection:
    """异议 — an objection raised during publicity, and the committee's answer."""

    id: str
    entry_id: str
    received_on: date
    raised_by: str
    content: str
    answer: str = ""
    answered_on: date | None = None
    upheld: bool | None = None

    @property
    def answered(self) -> bool:
        return self.answered_on is not None

    def answer_due(self, settings: ListSettings) -> date:
        return self.received_on + timedelta(days=settings.answer_days)


def check_wording(text: str, settings: ListSettings = ListSettings()) -> None:
    """R32: refuse insulting or stigmatising words, suggesting a neutral description of the behaviour."""
    found = [word for word in settings.stigmatising_words if word and word in text]
    if found:
        words = "、".join(f"“{w}”" for w in found)
        raise DomainError(f"事实描述中含有侮辱性或贬损性用语{words}，不能上榜。请只写具体行为、时间和地点，"
                          "例如“3月5日未按约定清理房前杂物”（R32，《中华人民共和国民法典》第一千零二十四条：任何组织或者个人"
                          "不得以侮辱、诽谤等方式侵害他人的名誉权）。")


def check_consequence(text: str) -> None:
    """R33: an entry may cost honours, points or village rewards, never a statutory entitlement."""
    found = [word for word in STATUTORY_ENTITLEMENTS if word in text]
    if found:
        raise DomainError(f"上榜后果不能涉及法定权益（{'、'.join(found)}）。上榜只能影响评优评先、积分和村集体"
                          "自行设立的奖励，请改写后果。")


_ID_NUMBER = re.compile(r"(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx](?![0-9])")
_PHONE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def personal_numbers(text: str) -> list[str]:
    """ID card or mobile numbers inside `text` (R30: never on a board, notice or certificate)."""
    return _ID_NUMBER.findall(text) + _PHONE.findall(text)


def check_no_personal_numbers(text: str) -> None:
    if personal_numbers(text):
        raise DomainError("文字中含有身份证号或手机号。榜单、公示和证书上不得出现这些信息（R30），请删去后重试。")


def require_text(value: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise DomainError(f"{what}不能为空，请填写。")
    return text
