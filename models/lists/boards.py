"""The board of a period as it may be shown (R30–R31: name only with a basis, black lists unnamed), and volunteers."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.core.errors import DomainError
from models.lists.entries import EntryState, ListEntry, ListKind, ListSettings, Period, check_no_personal_numbers
from models.lists.naming import NamingBasis
from models.core.notices import Notice, NoticeKind, PublicityPeriod, objection_line

BOARD_STATES = (EntryState.PUBLISHED,)


def may_name(entry: ListEntry, bases: Sequence[NamingBasis], on: date, settings: ListSettings = ListSettings()) -> bool:
    """R31: a name is shown only with recorded consent or statutory basis; never a minor; black only if configured."""
    if entry.subject_is_minor:
        return False
    if entry.list_kind is ListKind.BLACK and not settings.name_black_list:
        return False
    return any(b.fits(entry) and b.covers(entry.list_kind, on) for b in bases)


def display_name(entry: ListEntry, bases: Sequence[NamingBasis], on: date,
                 settings: ListSettings = ListSettings()) -> str:
    """What the board shows for the entry's subject: name plus group at most (R30)."""
    if may_name(entry, bases, on, settings):
        return f"{entry.group_name} {entry.subject_name}"
    if entry.list_kind is ListKind.BLACK:
        return f"{entry.group_name}（不具名）"
    return f"{entry.group_name}第{entry.household_no}号户"


@dataclass(frozen=True)
class BoardLine:
    """榜上一行 — who (as allowed), what, and the article cited in short form."""

    who: str
    what: str
    citation: str
    entry_ids: tuple[str, ...]


@dataclass(frozen=True)
class Board:
    """某期榜单 — the red, yellow and black columns of one period as printed."""

    period: Period
    red: tuple[BoardLine, ...]
    yellow: tuple[BoardLine, ...]
    black: tuple[BoardLine, ...]

    def lines(self, kind: ListKind) -> tuple[BoardLine, ...]:
        return {ListKind.RED: self.red, ListKind.YELLOW: self.yellow, ListKind.BLACK: self.black}[kind]

    @property
    def entry_ids(self) -> tuple[str, ...]:
        return tuple(i for kind in ListKind for line in self.lines(kind) for i in line.entry_ids)


def _citation(entry: ListEntry) -> str:
    if entry.article is not None:
        return entry.article.citation
    return entry.honour


def _named_line(entry: ListEntry, bases: Sequence[NamingBasis], on: date, settings: ListSettings) -> BoardLine:
    return BoardLine(display_name(entry, bases, on, settings), entry.facts, _citation(entry), (entry.id,))


def _category(entry: ListEntry) -> str:
    return entry.article.short_text if entry.article is not None and entry.article.short_text else "违反村规民约"


def _group_counts(entries: Sequence[ListEntry], period: Period) -> tuple[BoardLine, ...]:
    """Unnamed black entries: one line per group and behaviour ("本月三组发现乱堆乱放 2 起")."""
    counts: Counter[tuple[str, str, str]] = Counter()
    ids: dict[tuple[str, str, str], list[str]] = {}
    for entry in entries:
        key = (entry.group_name, _category(entry), _citation(entry))
        counts[key] += 1
        ids.setdefault(key, []).append(entry.id)
    unit = {"month": "本月", "quarter": "本季度", "year": "本年"}[period.kind.value]
    return tuple(BoardLine(group, f"{unit}{group}发现{category} {count} 起", citation, tuple(ids[(group, category,
                           citation)])) for (group, category, citation), count in sorted(counts.items()))


def build_board(period: Period, entries: Sequence[ListEntry], bases: Sequence[NamingBasis], on: date,
                settings: ListSettings = ListSettings()) -> Board:
    """The board of `period` as on `on`: published entries still up that day, names only where R31 allows."""
    shown = sorted((e for e in entries if e.period == period.code and e.state in BOARD_STATES
                    and on <= e.takes_down_on),
                   key=lambda e: (e.group_name, e.household_no, e.id))
    columns: dict[ListKind, list[BoardLine]] = {kind: [] for kind in ListKind}
    unnamed_black: list[ListEntry] = []
    for entry in shown:
        if entry.list_kind is ListKind.BLACK and not may_name(entry, bases, on, settings):
            unnamed_black.append(entry)
        else:
            columns[entry.list_kind].append(_named_line(entry, bases, on, settings))
    black = tuple(columns[ListKind.BLACK]) + _group_counts(unnamed_black, period)
    return Board(period, tuple(columns[ListKind.RED]), tuple(columns[ListKind.YELLOW]), black)


@dataclass(frozen=True)
class Participation:
    """志愿服务记录 — one household's part in public-benefit work: activity, date, hours."""

    id: str
    household_id: str
    activity: str
    on: date
    hours: float
    household_no: str = ""  # filled in from the registry when read, for showing


def check_hours(hours: float) -> None:
    if hours <= 0 or hours > 24:
        raise DomainError("志愿服务时长应在 0 到 24 小时之间，请核对。")


@dataclass(frozen=True)
class VolunteerTotal:
    """一户一期的志愿服务合计."""

    household_id: str
    times: int
    hours: float


def top_volunteers(participations: Sequence[Participation], period: Period, count: int = 5) -> list[VolunteerTotal]:
    """The households with the most participations in `period` (ties by hours), proposed for the red list."""
    times: Counter[str] = Counter()
    hours: dict[str, float] = {}
    for item in participations:
        if period.start <= item.on <= period.end:
            times[item.household_id] += 1
            hours[item.household_id] = hours.get(item.household_id, 0.0) + item.hours
    ranked = sorted(times, key=lambda h: (-times[h], -hours[h], h))
    return [VolunteerTotal(h, times[h], hours[h]) for h in ranked[:count]]


@dataclass(frozen=True)
class VolunteerRank:
    """志愿服务排名一行 — a household's place in a period, for the screen (never printed with the head's name)."""

    rank: int
    household_id: str
    household_no: str
    group_name: str
    head_name: str
    times: int
    hours: float


def volunteer_facts(rank: VolunteerRank, period: Period) -> str:
    """The neutral facts of a red nomination proposed from the volunteer ranking."""
    return f"{period.text}参加村内公益活动 {rank.times} 次，共 {rank.hours:g} 小时。"


VOLUNTEER_HONOUR = "志愿服务积极户"


def publicity_notice(village: str, period: Period, entries: Sequence[ListEntry], bases: Sequence[NamingBasis],
                     on: date, settings: ListSettings = ListSettings(), signer: str = "") -> Notice:
    """公示 of the entries in publicity (before publication): who as R31 allows, facts, article, how to object.

    `signer` is the 落款 (default: the villagers' committee of `village`)."""
    shown = [e for e in entries if e.state is EntryState.PUBLICITY and e.period == period.code]
    if not shown:
        raise DomainError(f"{period.text}没有处于公示阶段的条目，无需打印公示。")
    start = min(e.publicity_start or on for e in shown)
    end = max(e.publicity_end or on for e in shown)
    lines = [f"{n}. {e.list_kind.label}：{display_name(e, bases, on, settings)}，{e.facts}"
             + (f"（依据{_citation(e)}）" if _citation(e) else "") for n, e in enumerate(shown, 1)]
    body = (f"根据《村规民约》，经执委会评议、村务监督委员会审核，现将{period.text}拟上榜名单公示如下：", *lines,
            objection_line(answer_days=settings.answer_days))
    return Notice(NoticeKind.PUBLICITY, f"关于{period.text}红黄黑榜拟上榜名单的公示", body,
                  signer_of(village, signer), on, PublicityPeriod(start, end))


def signer_of(village: str, signer: str = "") -> str:
    """The 落款 of a list product: what the clerk typed, else the villagers' committee; never a phone or ID number."""
    chosen = signer.strip() or f"{village}村民委员会"
    check_no_personal_numbers(chosen)
    return chosen
