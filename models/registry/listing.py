"""HouseholdListing: which households the registry screen lists — the search typed, the scope and the filters."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.registry.households import CareLevel


@dataclass(frozen=True)
class HouseholdListing:
    """户列表的条件 — every part narrows the list; the defaults list every household, by household number.

    `text` is a registry search (name, household number, phone, ID number or pinyin); `role` a RoleCode value or
    "tag:…" held on `on_date` by someone of the household; `away_only` keeps households with someone away.
    """

    text: str = ""
    group_id: str | None = None
    grid_id: str | None = None
    care: CareLevel | None = None
    away_only: bool = False
    role: str = ""
    on_date: date | None = None

    @property
    def filtered(self) -> bool:
        """Whether anything but the scope (group or grid) narrows the list."""
        return bool(self.text.strip() or self.care or self.away_only or self.role)
