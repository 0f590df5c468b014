"""榜单设置 — the village's limits for the lists (cycle, 公示期, answer days, wording, naming), checked against R28–R32."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from models.core.errors import DomainError
from models.lists.entries import MIN_OBJECTION_DAYS, ListSettings, PeriodKind

CYCLES = (PeriodKind.MONTH, PeriodKind.QUARTER)   # R29: monthly or quarterly
MAX_PUBLICITY_DAYS = 30                            # a board held back a month is no longer news
MAX_ANSWER_DAYS = 3                                # R28: the committee answers within 3 days
REQUIRED_WORDS = ("厚颜无耻", "老赖", "懒汉", "无赖", "败类", "可耻")  # R32 names these; they stay refused
MAX_WORD_LENGTH = 12
_SEPARATORS = re.compile(r"[\s、,，;；]+")


def parse_words(text: str) -> tuple[str, ...]:
    """Words as typed (one a line, or separated by 、，；), trimmed, without repeats, in the order given."""
    return tuple(dict.fromkeys(word for word in _SEPARATORS.split(text) if word))


def make_list_settings(cycle: PeriodKind, publicity_days: int, answer_days: int, words: Iterable[str],
                       name_black_list: bool) -> ListSettings:
    """The settings a village may choose; refusals say which legal bound is at stake and what to choose instead."""
    cycle = PeriodKind(cycle) if cycle in tuple(PeriodKind) else cycle  # a combo box hands back the plain text
    if cycle not in CYCLES:
        raise DomainError("榜单周期只能按月或按季度（R29）。年度表彰请在红榜中按年提名。")
    if not MIN_OBJECTION_DAYS <= publicity_days <= MAX_PUBLICITY_DAYS:
        raise DomainError(f"公示期应在 {MIN_OBJECTION_DAYS} 到 {MAX_PUBLICITY_DAYS} 天之间：异议期不得少于 "
                          f"{MIN_OBJECTION_DAYS} 天（村委会组织法第十四条），也不宜拖得太久。")
    if not 1 <= answer_days <= MAX_ANSWER_DAYS:
        raise DomainError(f"答复异议的期限应在 1 到 {MAX_ANSWER_DAYS} 天之间（R28：村委会在 3 日内答复）。")
    chosen = tuple(dict.fromkeys(word.strip() for word in words if word.strip()))
    missing = [word for word in REQUIRED_WORDS if word not in chosen]
    if missing:
        raise DomainError(f"贬损性用语清单不能删去{'、'.join(missing)}（R32 明确禁止）。可以添加别的词，但这些词要保留。")
    too_long = [word for word in chosen if len(word) > MAX_WORD_LENGTH]
    if too_long:
        raise DomainError(f"“{too_long[0]}”太长，不像一个词。请只填词语，每行一个（最多 {MAX_WORD_LENGTH} 个字）。")
    return ListSettings(cycle, publicity_days, answer_days, chosen, name_black_list)


def default_period(settings: ListSettings, on: date) -> str:
    """The cycle `on` falls in: 2025-03 (monthly) or 2025-Q1 (quarterly)."""
    if settings.cycle is PeriodKind.QUARTER:
        return f"{on.year}-Q{(on.month + 2) // 3}"
    return f"{on.year}-{on.month:02d}"


def describe_change(before: ListSettings, after: ListSettings) -> str:
    """For the audit log: what changed, in words."""
    parts = []
    if before.cycle != after.cycle:
        parts.append(f"周期 按{before.cycle.label}→按{after.cycle.label}")
    if before.publicity_days != after.publicity_days:
        parts.append(f"公示期 {before.publicity_days}→{after.publicity_days} 天")
    if before.answer_days != after.answer_days:
        parts.append(f"答复期限 {before.answer_days}→{after.answer_days} 天")
    added = [w for w in after.stigmatising_words if w not in before.stigmatising_words]
    removed = [w for w in before.stigmatising_words if w not in after.stigmatising_words]
    if added:
        parts.append(f"增加禁用词 {'、'.join(added)}")
    if removed:
        parts.append(f"删去禁用词 {'、'.join(removed)}")
    if before.name_black_list != after.name_black_list:
        parts.append("黑榜" + ("可具名（仍须本户同意或法定依据）" if after.name_black_list else "改为不具名"))
    return "修改榜单设置：" + ("；".join(parts) if parts else "无变化")
