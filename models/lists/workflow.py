"""The list workflow (R28): 提名 → 执委会评议 → 监委会审核 → 公示 → 发布 → 撤榜, with the guards of R27–R33."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.errors import DomainError, PermissionDenied
from models.lists.entries import (BLACK_MAX_MONTHS, ArticleRef, EntryState, HouseholdInfo, ListEntry, ListKind, ListSettings,
                          Objection, Period, PeriodKind, Transition, WithdrawReason, add_months, check_consequence,
                          check_no_personal_numbers, check_wording, require_text)
from models.lists.settings import default_period
from models.core.notices import chinese_date

NEXT_STATE = {
    EntryState.NOMINATED: EntryState.ASSESSED,
    EntryState.ASSESSED: EntryState.REVIEWED,
    EntryState.REVIEWED: EntryState.PUBLICITY,
    EntryState.PUBLICITY: EntryState.PUBLISHED,
}
# Who may move an entry out of each state: the committee (审核批准) or the supervisory committee (监督审核).
ADVANCE_PERMISSION = {
    EntryState.NOMINATED: Permission.APPROVE,
    EntryState.ASSESSED: Permission.SUPERVISE,
    EntryState.REVIEWED: Permission.APPROVE,
    EntryState.PUBLICITY: Permission.APPROVE,
}
YELLOW_LOOKBACK_DAYS = 366  # a black entry must follow a yellow warning published within the last year
_NOT_COUNTING = (WithdrawReason.OBJECTION_UPHELD.label, WithdrawReason.CORRECTION.label)


@dataclass(frozen=True)
class Nomination:
    """提名 — what a proposer fills in; the household, article and proposer are resolved by the caller."""

    list_kind: ListKind
    period: str
    facts: str
    proposer_name: str
    proposer_user_id: str = ""
    villager_id: str = ""
    honour: str = ""
    occurred_on: date | None = None
    evidence_ids: tuple[str, ...] = ()
    consequence: str = ""
    override_reason: str = ""
    renews_id: str = ""


def _subject(nomination: Nomination, household: HouseholdInfo) -> tuple[str, bool]:
    if nomination.villager_id:
        member = household.member(nomination.villager_id)
        return member.name, member.is_minor
    return household.head_name, household.head_is_minor


def nominate(nomination: Nomination, household: HouseholdInfo, article: ArticleRef | None,
             history: Sequence[ListEntry], actor: Actor, on: date, new_id: Callable[[], str],
             settings: ListSettings = ListSettings()) -> tuple[ListEntry, Transition, list[str]]:
    """A new entry in 提名, its first transition, and warnings (guards that will block leaving 提名)."""
    actor.require(Permission.EDIT_RECORDS)
    period = Period.parse(nomination.period)
    facts = require_text(nomination.facts, "事实描述（何时、何地、做了什么）")
    for text in (facts, nomination.honour, nomination.consequence):
        check_wording(text, settings)
        check_no_personal_numbers(text)
    check_consequence(nomination.consequence)
    name, minor = _subject(nomination, household)
    if minor and nomination.list_kind.is_negative:
        raise DomainError(f"未成年人不能列入{nomination.list_kind.label}（DOMAIN R30）。"
                          "请改为与监护人沟通、教育提醒，不要上榜。")
    if nomination.list_kind is ListKind.BLACK and period.months > BLACK_MAX_MONTHS:
        raise DomainError(f"黑榜条目最长张贴 {BLACK_MAX_MONTHS} 个月，周期“{period.text}”太长。请按月或按季度提名。")
    check_cycle(nomination.list_kind, period, settings)
    override = nomination.override_reason.strip()
    if override:
        actor.require(Permission.APPROVE)
    entry = ListEntry(
        id=new_id(), list_kind=nomination.list_kind, period=period.code, household_id=household.household_id,
        household_no=household.household_no, group_name=household.group_name, subject_name=name,
        facts=facts, proposer_name=require_text(nomination.proposer_name, "提名人"),
        proposer_user_id=nomination.proposer_user_id, villager_id=nomination.villager_id, subject_is_minor=minor,
        article=article, honour=nomination.honour.strip(), occurred_on=nomination.occurred_on,
        evidence_ids=nomination.evidence_ids, consequence=nomination.consequence.strip(),
        override_reason=override, override_by=actor.name if override else "",
        publicity_days=settings.publicity_days, renews_id=nomination.renews_id)
    transition = Transition(entry.id, None, EntryState.NOMINATED, on, actor.user_id, actor.name, "提名")
    return entry, transition, leave_nomination_blockers(entry, history, on)


def check_cycle(kind: ListKind, period: Period, settings: ListSettings) -> None:
    """R29: yellow and black entries run for one cycle of their list (the village's 周期), so they come down at its
    end; red entries may also be for a year (annual honours, 评优评先)."""
    if kind.is_negative and period.kind is not settings.cycle:
        example = default_period(settings, period.start)
        raise DomainError(f"本村{kind.label}按{settings.cycle.label}轮换（设置 → 红黑榜 → 榜单周期），“{period.text}”"
                          f"不是一个{settings.cycle.label}。请按{settings.cycle.label}提名，如 {example}；"
                          "如本村改按其他周期，请先修改榜单设置。")


def basis_subject(household: HouseholdInfo, villager: str, all_members: bool) -> str:
    """Whose naming basis is recorded (R31): "" for the household, else the villager's id; never a minor's."""
    if not villager.strip():
        return ""
    if all_members:
        raise DomainError("“涵盖全体成员”只用于全户的依据。记录某一位村民本人的同意时，请不要勾选它。")
    member = household.find_member(villager)
    if member.is_minor:
        raise DomainError(f"{member.name}是未成年人，榜单、公示和证书都不显示未成年人的姓名（R30），不必记录公开依据。")
    return member.villager_id


def honours_blockers(household_id: str, year: int, history: Sequence[ListEntry]) -> list[ListEntry]:
    """Yellow/black entries that cost the household its 评优评先 eligibility in `year`."""
    return [e for e in history if e.household_id == household_id and e.list_kind.is_negative
            and e.published_on is not None and e.parsed_period.start.year == year
            and e.end_reason not in _NOT_COUNTING]


def unheeded_yellow(household_id: str, history: Sequence[ListEntry], on: date) -> ListEntry | None:
    """The latest yellow warning published in the last year and not rectified (R28: black follows yellow)."""
    since = on - timedelta(days=YELLOW_LOOKBACK_DAYS)
    found = [e for e in history if e.household_id == household_id and e.list_kind is ListKind.YELLOW
             and e.published_on is not None and since <= e.published_on <= on
             and e.end_reason not in (*_NOT_COUNTING, WithdrawReason.RECTIFIED.label)]
    return max(found, key=lambda e: e.published_on or on, default=None)


def leave_nomination_blockers(entry: ListEntry, history: Sequence[ListEntry], on: date) -> list[str]:
    """What keeps an entry in 提名 (Chinese reasons; empty when it may move on)."""
    reasons: list[str] = []
    if entry.list_kind.is_negative and entry.article is None:
        reasons.append(f"{entry.list_kind.label}条目必须引用现行村规民约的具体条款，请补充条款后再提交评议。")
    if entry.list_kind is ListKind.RED and entry.article is None and not entry.honour:
        reasons.append("红榜条目须写明所符合的村规民约条款或荣誉项目，请补充。")
    others = [e for e in history if e.id != entry.id]
    if not entry.override_reason:
        if entry.list_kind is ListKind.RED:
            year = entry.parsed_period.start.year
            for blocker in honours_blockers(entry.household_id, year, others):
                reasons.append(f"该户{blocker.parsed_period.text}上过{blocker.list_kind.label}，{year}年不具备评优评先"
                               "资格。如确需提名，须由审核人填写理由后特批。")
                break
        if entry.list_kind is ListKind.BLACK and unheeded_yellow(entry.household_id, others, on) is None:
            reasons.append("列入黑榜前应先有一次未整改的黄榜提醒。该户近一年没有这样的黄榜记录；如确需直接列入"
                           "黑榜，须由审核人填写理由后特批。")
    return reasons


def advance(entry: ListEntry, actor: Actor, on: date, note: str = "", objections: Sequence[Objection] = (),
            history: Sequence[ListEntry] = (), override_reason: str = "",
            settings: ListSettings = ListSettings()) -> tuple[ListEntry, Transition]:
    """Move the entry one step along R28, or raise DomainError saying what is missing."""
    closed = _closed_reason(entry)
    if closed:
        raise DomainError(closed)
    actor.require(ADVANCE_PERMISSION[entry.state])
    check_wording(note, settings)
    target = NEXT_STATE[entry.state]
    entry = _apply_override(entry, actor, override_reason)
    reasons = _GUARDS[entry.state](entry, actor, on, objections, history, settings)
    if reasons:
        raise DomainError(reasons[0])
    moved = replace(entry, state=target, **_changes(entry, on, settings))
    return moved, Transition(entry.id, entry.state, target, on, actor.user_id, actor.name, note.strip())


def advance_refusals(entry: ListEntry, actor: Actor, on: date, objections: Sequence[Objection] = (),
                     history: Sequence[ListEntry] = (), settings: ListSettings = ListSettings()) -> list[str]:
    """Why `advance` would refuse this entry today (the same Chinese reasons it raises); empty when it may move.

    Asked before the step's confirmation. A 特批 reason is typed in that confirmation, so a blocker an approver's
    特批 lifts does not refuse here (only what no 特批 lifts does); the note's wording is checked when it is typed."""
    closed = _closed_reason(entry)
    if closed:
        return [closed]
    if not actor.can(ADVANCE_PERMISSION[entry.state]):
        return [_denied(actor, ADVANCE_PERMISSION[entry.state])]
    if entry.state is EntryState.NOMINATED and actor.can(Permission.APPROVE) and not entry.override_reason:
        entry = replace(entry, override_reason="特批")
    return _GUARDS[entry.state](entry, actor, on, objections, history, settings)


def _closed_reason(entry: ListEntry) -> str | None:
    if entry.state.is_final:
        return f"该条目已{entry.state.label}（{entry.end_reason}），流程已结束，不能再推进。"
    if entry.state is EntryState.PUBLISHED:
        return "该条目已发布。到期会自动撤榜；整改到位或更正请用“撤榜”。"
    return None


def _denied(actor: Actor, permission: Permission) -> str:
    try:
        actor.require(permission)
    except PermissionDenied as error:
        return error.message
    return ""


def _apply_override(entry: ListEntry, actor: Actor, reason: str) -> ListEntry:
    reason = reason.strip()
    if not reason:
        return entry
    if not actor.can(Permission.APPROVE):
        raise PermissionDenied(f"“{actor.name}”无权特批。特批理由须由审核人（书记或主任）填写。")
    return replace(entry, override_reason=reason, override_by=actor.name)


# The fields a step sets on the moved entry, by name, for dataclasses.replace (Any: one value type per field).
def _changes(entry: ListEntry, on: date, settings: ListSettings) -> dict[str, Any]:
    """What a step records besides the state."""
    if entry.state is EntryState.REVIEWED:
        # Entering publicity is the day the household is notified in writing; the objection window starts then.
        return {"notice_on": on, "publicity_start": on, "publicity_days": settings.publicity_days}
    if entry.state is EntryState.PUBLICITY:
        return {"published_on": on}
    return {}


def _guard_nominated(entry: ListEntry, actor: Actor, on: date, objections: Sequence[Objection],
                     history: Sequence[ListEntry], settings: ListSettings) -> list[str]:
    reasons = leave_nomination_blockers(entry, history, on)
    return ["不能提交评议：" + "；".join(reasons)] if reasons else []


def _guard_assessed(entry: ListEntry, actor: Actor, on: date, objections: Sequence[Objection],
                    history: Sequence[ListEntry], settings: ListSettings) -> list[str]:
    if actor.user_id == entry.proposer_user_id or actor.name == entry.proposer_name:
        return [f"监委会审核人不能是提名人本人（{entry.proposer_name}）。请由另一位监委会成员审核。"]
    return []


def _guard_reviewed(entry: ListEntry, actor: Actor, on: date, objections: Sequence[Objection],
                    history: Sequence[ListEntry], settings: ListSettings) -> list[str]:
    return []


def _guard_publicity(entry: ListEntry, actor: Actor, on: date, objections: Sequence[Objection],
                     history: Sequence[ListEntry], settings: ListSettings) -> list[str]:
    end = entry.publicity_end
    assert end is not None
    reasons = []
    if on <= end:
        reasons.append(f"公示期至{chinese_date(end)}结束，期满后才能发布（还需等待 {(end - on).days + 1} 天）。")
    open_ones = [o for o in objections if o.entry_id == entry.id and not o.answered]
    if open_ones:
        reasons.append(f"还有 {len(open_ones)} 条异议未答复，须先答复（默认 {settings.answer_days} 天内）再发布。")
    if any(o.upheld for o in objections if o.entry_id == entry.id):
        reasons.append("有异议经核实成立，该条目不能发布，应撤榜。")
    if on > entry.parsed_period.end:
        reasons.append(f"周期“{entry.parsed_period.text}”已经结束，不能再发布。如仍需上榜，请按新周期重新提名。")
    return reasons


_GUARDS = {
    EntryState.NOMINATED: _guard_nominated,
    EntryState.ASSESSED: _guard_assessed,
    EntryState.REVIEWED: _guard_reviewed,
    EntryState.PUBLICITY: _guard_publicity,
}


def refuse_refusals(entry: ListEntry, actor: Actor) -> list[str]:
    """Why `refuse` (未通过) would refuse this entry, asked before its confirmation; empty when it may."""
    if entry.state.is_final or entry.state is EntryState.PUBLISHED:
        return [f"该条目当前为“{entry.state.label}”，不能再作不通过处理。已发布的请用“撤榜”。"]
    if not (actor.can(Permission.APPROVE) or actor.can(Permission.SUPERVISE)):
        return [_denied(actor, Permission.APPROVE)]
    return []


def refuse(entry: ListEntry, actor: Actor, on: date, reason: str) -> tuple[ListEntry, Transition]:
    """End an entry that has not been published (未通过), with a reason."""
    if entry.state.is_final or entry.state is EntryState.PUBLISHED:
        raise DomainError(refuse_refusals(entry, actor)[0])
    if not (actor.can(Permission.APPROVE) or actor.can(Permission.SUPERVISE)):
        actor.require(Permission.APPROVE)
    text = require_text(reason, "不通过的理由")
    ended = replace(entry, state=EntryState.REFUSED, ended_on=on, end_reason=text)
    return ended, Transition(entry.id, entry.state, EntryState.REFUSED, on, actor.user_id, actor.name, text)


def withdraw_refusals(entry: ListEntry, actor: Actor) -> list[str]:
    """Why a clerk's 撤榜 would be refused, asked before its confirmation; empty when it may."""
    if entry.state not in (EntryState.PUBLICITY, EntryState.PUBLISHED):
        return [f"只有公示中或已发布的条目才能撤榜；该条目当前为“{entry.state.label}”。"]
    return [_denied(actor, Permission.APPROVE)] if not actor.can(Permission.APPROVE) else []


def withdraw(entry: ListEntry, actor: Actor, on: date, reason: WithdrawReason, note: str = "",
             automatic: bool = False) -> tuple[ListEntry, Transition]:
    """撤榜: take an entry in publicity or on the board down at once (R29), logged with the reason."""
    if entry.state not in (EntryState.PUBLICITY, EntryState.PUBLISHED):
        raise DomainError(withdraw_refusals(entry, actor)[0])
    if not automatic:
        actor.require(Permission.APPROVE)
    text = reason.label + (f"：{note.strip()}" if note.strip() else "")
    ended = replace(entry, state=EntryState.WITHDRAWN, ended_on=on, end_reason=reason.label)
    return ended, Transition(entry.id, entry.state, EntryState.WITHDRAWN, on, actor.user_id, actor.name, text)


def due_for_removal(entries: Sequence[ListEntry], on: date) -> list[ListEntry]:
    """Published entries whose time is up (end of cycle, or 3 months for black): they come down automatically."""
    return [e for e in entries if e.state is EntryState.PUBLISHED and on > e.takes_down_on]


def register_objection(entry: ListEntry, objection: Objection) -> Objection:
    """An objection is accepted while the entry is in publicity and the window is open."""
    if entry.state is not EntryState.PUBLICITY:
        raise DomainError(f"只有公示期内的条目才能登记异议；该条目当前为“{entry.state.label}”。")
    end = entry.publicity_end
    assert end is not None and entry.publicity_start is not None
    if not entry.publicity_start <= objection.received_on <= end:
        raise DomainError(f"异议期为{chinese_date(entry.publicity_start)}至{chinese_date(end)}，"
                          f"{chinese_date(objection.received_on)}不在期内，不能登记。")
    require_text(objection.content, "异议内容")
    require_text(objection.raised_by, "异议人")
    return objection


def answer_objection(objection: Objection, actor: Actor, on: date, answer: str, upheld: bool) -> Objection:
    """The committee's recorded answer to an objection (R28: within 3 days by default)."""
    actor.require(Permission.APPROVE)
    if objection.answered:
        raise DomainError("这条异议已经答复过了，不能重复答复。")
    if on < objection.received_on:
        raise DomainError("答复日期不能早于收到异议的日期，请核对日期。")
    return replace(objection, answer=require_text(answer, "答复内容"), answered_on=on, upheld=upheld)


def check_discard(entry: ListEntry, transitions: Sequence[Transition], objections: Sequence[Objection]) -> None:
    """A nomination entered by mistake is taken back (the undo of 提名) only while nothing else happened to it."""
    if entry.state is not EntryState.NOMINATED or len(transitions) > 1 or objections:
        raise DomainError("该条目已进入评议流程，不能再撤回提名。如需结束，请用“不通过”并写明理由。")


def next_period(period: Period) -> Period:
    """The cycle after `period`, of the same kind (2025-03 → 2025-04, 2025-Q4 → 2026-Q1, 2025 → 2026)."""
    day = period.end + timedelta(days=1)
    if period.kind is PeriodKind.MONTH:
        return Period.parse(f"{day.year}-{day.month:02d}")
    if period.kind is PeriodKind.QUARTER:
        return Period.parse(f"{day.year}-Q{(day.month + 2) // 3}")
    return Period.parse(str(day.year))


def check_renewal(old: ListEntry, period: Period, history: Sequence[ListEntry]) -> None:
    """R29 续期: only an entry that was up (published, or taken down at the end of its cycle) is renewed, for a later
    cycle, once; the renewal is a new nomination that goes through the whole review again."""
    if not (old.state is EntryState.PUBLISHED or old.end_reason == WithdrawReason.PERIOD_ENDED.label):
        raise DomainError(f"只有已发布或期满撤榜的条目才能续期；该条目为“{old.state.label}”"
                          + (f"（{old.end_reason}）" if old.end_reason else "") + "。如需上榜，请重新提名。")
    if period.start <= old.parsed_period.end:
        raise DomainError(f"续期须在原周期（{old.parsed_period.text}）之后，"
                          f"请选{next_period(old.parsed_period).text}或更晚的周期。")
    open_ones = [e for e in history if e.renews_id == old.id and e.state not in (EntryState.REFUSED,
                                                                                 EntryState.WITHDRAWN)]
    if open_ones:
        raise DomainError(f"该条目已续期到{open_ones[0].parsed_period.text}（{open_ones[0].state.label}），不能重复续期。")
    if old.list_kind is ListKind.BLACK:
        _check_black_chain(old, period, history)


def _check_black_chain(old: ListEntry, period: Period, history: Sequence[ListEntry]) -> None:
    """R29: renewals never keep a household on the black list longer than 3 months in all."""
    by_id, first, entry = {e.id: e for e in history}, old.published_on, old
    while entry.renews_id and entry.renews_id in by_id:
        entry = by_id[entry.renews_id]
        first = entry.published_on or first
    if first is not None and period.end >= add_months(first, BLACK_MAX_MONTHS):
        raise DomainError(f"黑榜条目连同续期最长张贴 {BLACK_MAX_MONTHS} 个月（自{chinese_date(first)}起），"
                          f"不能续期到{period.text}。如仍未整改，请与该户沟通后按新的事实重新提名。")
