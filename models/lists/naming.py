"""公开姓名的依据 (R31): a household's or a villager's separate consent, or a statutory basis, and its withdrawal."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.core.errors import DomainError
from models.lists.entries import ListEntry, ListKind


@dataclass(frozen=True)
class NamingBasis:
    """公开姓名的依据 — recorded separate consent (单独同意) or a statutory basis (PIPL Art. 25/13)."""

    household_id: str
    kind: str            # "consent" or "statutory"
    note: str
    recorded_on: date
    revoked_on: date | None = None
    lists: tuple[ListKind, ...] = field(default_factory=lambda: tuple(ListKind))
    villager_id: str = ""      # a basis of one villager (his or her own consent); "" = of the household
    all_members: bool = False  # a household basis that every member's consent stands behind
    id: str = ""
    revoked_reason: str = ""   # why the consent was withdrawn (撤回同意), as the person or household gave it

    @property
    def kind_label(self) -> str:
        return "单独同意" if self.kind == "consent" else "法定依据"

    def in_effect(self, today: date) -> bool:
        """Not withdrawn by `today`: anything made from the withdrawal on names no one through it (PIPL Art. 15)."""
        return self.revoked_on is None or today < self.revoked_on

    def covers(self, kind: ListKind, on: date) -> bool:
        return kind in self.lists and self.recorded_on <= on and (self.revoked_on is None or on < self.revoked_on)

    def fits(self, entry: ListEntry) -> bool:
        """R31 per person: an entry naming one villager needs that villager's basis, or a household basis that
        covers all members; an entry naming the household needs the household's basis."""
        if self.household_id != entry.household_id:
            return False
        if entry.villager_id:
            return self.villager_id == entry.villager_id or (not self.villager_id and self.all_members)
        return not self.villager_id


@dataclass(frozen=True)
class BasisView:
    """A naming basis as listed: with the household number and whom it is for (全户, or the villager's name)."""

    basis: NamingBasis
    household_no: str
    subject: str

    @property
    def status(self) -> str:
        basis = self.basis
        if basis.revoked_on is None:
            return "有效"
        return f"{basis.revoked_on.isoformat()} 撤回" + (f"：{basis.revoked_reason}" if basis.revoked_reason else "")


def check_basis_kind(kind: str) -> None:
    if kind not in ("consent", "statutory"):
        raise DomainError("公开姓名的依据只能是“单独同意”（consent）或“法定依据”（statutory）。")


def check_withdrawal(basis: NamingBasis, on: date, today: date) -> None:
    """Only a consent is withdrawn, once, on a day from its recording up to today (PIPL Art. 15)."""
    if basis.kind != "consent":
        raise DomainError("这条是法定依据，不是本人的同意，不能由本人“撤回同意”（个人信息保护法第十五条只适用于基于"
                          "同意的处理）。本人对具名上榜有意见的，请在公示期内登记异议，由执委会答复。")
    if basis.revoked_on is not None:
        raise DomainError(f"这条同意已于 {basis.revoked_on.isoformat()} 撤回（{basis.revoked_reason or '未写原因'}），"
                          "不能再次撤回。")
    if on < basis.recorded_on:
        raise DomainError(f"撤回日期 {on.isoformat()} 早于同意的记录日期 {basis.recorded_on.isoformat()}，请核对日期。")
    if on > today:
        raise DomainError("撤回日期不能晚于今天：收到本人撤回同意的那天即为撤回日期。")
