"""积分有效期 (R39: expiry and carry-over rules are configurable, e.g. an annual reset, shown on the card).

Two rules, kept simple so a clerk can say them at the counter:
- `never` (the default): points never expire; what a household may spend is every published award less every
  deduction and redemption so far.
- `year-end` (每年清零): on a day D, only the entries dated in D's calendar year count — awards of earlier years
  are no longer spendable from 1 January, and deductions and redemptions of earlier years carry no debt over either:
  the year starts from nothing. The ledger keeps every entry; only what counts toward spending changes.
"""
from __future__ import annotations

from datetime import date
from enum import StrEnum

from models.core.errors import DomainError


class Expiry(StrEnum):
    NEVER = "never"
    YEAR_END = "year-end"

    @property
    def label(self) -> str:
        return {"never": "长期有效", "year-end": "每年清零"}[self.value]

    def since(self, day: date) -> date | None:
        """The first day whose entries count toward what may be spent on `day` (None: all of them)."""
        return date(day.year, 1, 1) if self is Expiry.YEAR_END else None

    def rule(self, day: date | None = None) -> str:
        """The rule as a sentence for the balance, the receipt and the printed scheme."""
        if self is Expiry.NEVER:
            return "积分长期有效，不清零：可兑换积分为历年已公示的加分减去扣分和已兑换的积分。"
        year = f"{day.year} 年" if day else "当年"
        return (f"积分每年 12 月 31 日清零：可兑换积分只计{year}的记录，上一年未兑换的积分自 1 月 1 日起不能再兑换，"
                "上一年的扣分也不带入新的一年。")


def parse_expiry(text: str) -> Expiry:
    try:
        return Expiry(text.strip())
    except ValueError:
        raise DomainError(f"积分有效期只能是 never（长期有效）或 year-end（每年清零），不能是“{text}”。") from None
