"""积分台账 — entries (R36), the two-person rule, reversing corrections, periods and caps.

A household's balance is never a stored figure: it is the sum of its entries. An entry counts once a second
account confirms it; a correction is a reversing entry of its own (also confirmed by a second person), never an edit.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.core.accounts import Actor
from models.core.errors import DomainError
from models.lists.entries import Period, PeriodKind
from models.points.expiry import Expiry
from models.points.scheme import SchemeItem


class EntryKind(StrEnum):
    """记录类别 — an item of the scheme, a reversal of an entry, or points spent at the love supermarket."""

    ITEM = "item"
    REVERSAL = "reversal"
    REDEMPTION = "redemption"

    @property
    def label(self) -> str:
        return {"item": "积分", "reversal": "冲正", "redemption": "兑换"}[self.value]


@dataclass(frozen=True)
class LedgerEntry:
    """积分记录 — who, when, which item of which scheme version, ± points, evidence, recorder and confirmer."""

    id: str
    household_id: str
    household_no: str
    on: date
    points: int
    kind: EntryKind
    item_code: str = ""
    item_name: str = ""
    scheme_id: str = ""
    scheme_version: int = 0
    villager_id: str = ""
    note: str = ""
    evidence: str = ""
    recorded_by: str = ""
    recorded_by_name: str = ""
    confirmed_by: str = ""
    confirmed_by_name: str = ""
    reverses: str = ""
    reason: str = ""
    rejected_by: str = ""
    rejected_by_name: str = ""
    reject_reason: str = ""

    @property
    def confirmed(self) -> bool:
        return bool(self.confirmed_by)

    @property
    def rejected(self) -> bool:
        """退回: a second account refused it while pending; it never counts and stays in the history."""
        return bool(self.rejected_by)

    @property
    def state(self) -> str:
        """待确认 / 已确认 / 已退回, as lists and screens show it."""
        return "已退回" if self.rejected else "已确认" if self.confirmed else "待确认"


@dataclass(frozen=True)
class EntryDraft:
    """What a clerk enters from a slip: household, item, date; points only where the item allows another figure."""

    household_no: str
    item_code: str
    on: date
    points: int | None = None
    villager_id: str = ""
    note: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class Member:
    """A villager as an entry's acting member (R36, optional): id, name and the household they belong to."""

    villager_id: str
    name: str
    household_id: str
    household_no: str


def acting_member(reference: str, household_id: str, household_no: str, found: list[Member]) -> str:
    """The villager id an entry records for `reference` (an id, or a name within the household), from the villagers
    `found` under that id or name anywhere in the registry; refused when none is, or not of this household."""
    own = [m for m in found if m.household_id == household_id]
    if len(own) == 1:
        return own[0].villager_id
    if len(own) > 1:
        raise DomainError(f"户号 {household_no} 中有 {len(own)} 位叫“{reference}”的村民，请用村民编号指明是哪一位。")
    if found:
        elsewhere = "、".join(sorted({m.household_no for m in found}))
        raise DomainError(f"村民“{reference}”不是户号 {household_no} 的成员（属户号 {elsewhere}）。"
                          "做这件事的村民须是本户成员，请核对户号或村民编号。")
    raise DomainError(f"户籍中没有编号或姓名为“{reference}”的村民。请核对村民编号（可在户籍花名册中查看），"
                      "或不填做这件事的村民。")


@dataclass(frozen=True)
class Balance:
    """户积分 — confirmed (counts), pending (awaiting the second person) and redeemable: the confirmed points whose
    period's publication closed with no unanswered objection, less what was spent or deducted (R37), never below 0
    (R39); `deficit` is by how much the deductions exceed that (kept in the ledger, made up from later awards)."""

    household_no: str
    confirmed: int
    pending: int
    redeemable: int = 0
    deficit: int = 0
    expiry: Expiry = Expiry.NEVER  # the rule `redeemable` was counted by (R39)


def period_of(day: date, kind: PeriodKind) -> Period:
    """The period of `kind` that `day` falls in (2026-03, 2026-Q1, 2026)."""
    if kind is PeriodKind.MONTH:
        return Period.parse(f"{day.year}-{day.month:02d}")
    if kind is PeriodKind.QUARTER:
        return Period.parse(f"{day.year}-Q{(day.month + 2) // 3}")
    return Period.parse(str(day.year))


def entry_points(item: SchemeItem, points: int | None) -> int:
    """The figure an entry carries: the item's value, or a smaller one of the same sign (a partial award)."""
    if points is None:
        return item.points
    if points == 0 or (points > 0) != (item.points > 0) or abs(points) > abs(item.points):
        raise DomainError(f"“{item.name}”的分值是 {item.points:+d}，这条记录只能记 {item.points:+d} 以内同号的分数，"
                          f"不能记 {points:+d}。")
    return points


def check_cap(item: SchemeItem, period: Period, already: int, points: int) -> None:
    """The cap per item per period: `already` is what the household has of this item in the period (any state)."""
    if item.cap is None:
        return
    if abs(already + points) > item.cap:
        left = max(item.cap - abs(already), 0)
        raise DomainError(f"“{item.name}”每{period.kind.label}最多 {item.cap} 分；该户{period.text}已记 {abs(already)} 分，"
                          f"本条 {abs(points)} 分超出上限（还可记 {left} 分）。")


def check_confirmer(entry: LedgerEntry, actor: Actor) -> None:
    """R36 two-person rule: the recorder cannot confirm their own entry; a confirmed entry stays confirmed."""
    if entry.confirmed:
        raise DomainError(f"记录 {entry.id} 已由{entry.confirmed_by_name}确认，无需再确认。")
    if entry.rejected:
        raise DomainError(f"记录 {entry.id} 已由{entry.rejected_by_name}退回（理由：{entry.reject_reason}），不能再确认。"
                          "如确有此事，请用 points add 重新录入一条，再由另一位工作人员确认。")
    if entry.recorded_by == actor.user_id:
        raise DomainError(f"记录 {entry.id} 是{entry.recorded_by_name}录入的，须由另一位工作人员确认（两人规则）。")


def check_rejecter(entry: LedgerEntry, actor: Actor, reason: str) -> None:
    """退回 (R36): a second account refuses a pending entry with a reason; a confirmed one is corrected by a
    reversing entry instead, and an entry is refused once."""
    if not reason.strip():
        raise DomainError("退回必须写明理由，如“签到表上没有这一户”。")
    if entry.kind is EntryKind.REDEMPTION:
        raise DomainError(f"记录 {entry.id} 是兑换扣减的积分，不能退回；请用 points redeem-reverse 冲正那次兑换。")
    if entry.confirmed:
        raise DomainError(f"记录 {entry.id} 已由{entry.confirmed_by_name}确认，不能退回。已确认的记录有误，"
                          f"请用 points reverse {entry.id} --reason 理由 冲正（新记一条相反的记录）。")
    if entry.rejected:
        raise DomainError(f"记录 {entry.id} 已由{entry.rejected_by_name}退回，无需再退回。")
    if entry.recorded_by == actor.user_id:
        raise DomainError(f"记录 {entry.id} 是{entry.recorded_by_name}录入的，须由另一位工作人员退回（两人规则）。"
                          "自己录错的记录，请另一位工作人员退回。")


def check_reversible(entry: LedgerEntry, already_reversed: bool, reason: str) -> None:
    if not reason.strip():
        raise DomainError("冲正必须写明理由。")
    if entry.kind is EntryKind.REVERSAL:
        raise DomainError(f"记录 {entry.id} 本身是冲正记录，不能再冲正；如冲正有误，请重新录入正确的积分。")
    if already_reversed:
        raise DomainError(f"记录 {entry.id} 已经冲正过了。")
    if entry.rejected:
        raise DomainError(f"记录 {entry.id} 已被退回，不计入积分，无需冲正。")
    if not entry.confirmed:
        raise DomainError(f"记录 {entry.id} 还未确认，不计入积分，无需冲正；录错的记录请另一位工作人员用 "
                          f"points reject {entry.id} --reason 理由 退回。")


def reversal_of(entry: LedgerEntry, reason: str) -> LedgerEntry:
    """The reversing entry: the same household, item and date (it corrects that period), the opposite figure and
    the reason; it awaits confirmation."""
    return LedgerEntry("", entry.household_id, entry.household_no, entry.on, -entry.points, EntryKind.REVERSAL,
                       entry.item_code, entry.item_name, entry.scheme_id, entry.scheme_version, entry.villager_id,
                       reverses=entry.id, reason=reason.strip())
