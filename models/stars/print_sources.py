"""What the stars print, gathered through the typed stores: the board of a year and a household's plaque.

Both are public: a household is named only with a naming basis of the lists (R30–R32), else by its code."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.core.errors import DomainError
from models.stars.stars import board_name

if TYPE_CHECKING:
    from models.core.ports import Stores


@dataclass(frozen=True)
class StarsBoardLine:
    who: str
    stars: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.stars)


@dataclass(frozen=True)
class StarsBoard:
    """十星级文明户公示栏 — the village's households with stars of a year, as they may be named."""

    village: str
    year: int
    lines: tuple[StarsBoardLine, ...]
    star_names: tuple[str, ...]


@dataclass(frozen=True)
class StarPlaque:
    """星级牌与证书 — one household's stars of a year."""

    village: str
    year: int
    who: str
    stars: tuple[str, ...]
    star_names: tuple[str, ...]
    number: str


def _star_names(stores: Stores) -> tuple[str, ...]:
    found = stores.star_lists.star_list()
    return found.stars if found else stores.star_lists.default_stars()


def stars_board(stores: Stores, year: int, today: date) -> StarsBoard:
    bases = stores.naming_bases.bases_in_effect()
    lines = []
    for row in stores.star_awards.rows(year):
        household = stores.star_awards.household(row.household_no)
        lines.append(StarsBoardLine(board_name(household, bases, today), row.stars))
    return StarsBoard(stores.profile.get().display_name, year, tuple(lines), _star_names(stores))


def star_plaque(stores: Stores, household_no: str, year: int, today: date) -> StarPlaque:
    row = next((r for r in stores.star_awards.rows(year) if r.household_no == household_no), None)
    if row is None:
        raise DomainError(f"第{household_no}户 {year} 年度没有评定的星，不能印星级牌。")
    household = stores.star_awards.household(household_no)
    return StarPlaque(stores.profile.get().display_name, year,
                      board_name(household, stores.naming_bases.bases_in_effect(), today), row.stars,
                      _star_names(stores), f"{year}-{household_no}")


def stars_board_item(stores: Stores, year: str, today: date) -> StarsBoard:
    """打印中心's gather: the board of the year chosen (its item is the year as text)."""
    return stars_board(stores, int(year), today)


def star_plaque_item(stores: Stores, item: str, today: date) -> StarPlaque:
    """打印中心's gather: the plaque of one household's year, the item "YEAR:HOUSEHOLD_NO"."""
    year, _, household_no = item.partition(":")
    return star_plaque(stores, household_no, int(year), today)


@dataclass(frozen=True)
class StarsPublicity:
    """十星级文明户评定结果公示 — the stars the meeting decided, as posted for objections (R53, the lists' due process)."""

    village: str
    year: int
    start: date
    end: date
    lines: tuple[StarsBoardLine, ...]


def stars_publicity(stores: Stores, year: int, today: date) -> StarsPublicity:
    """The year's latest publicity: the households and stars it put up (named only with a basis)."""
    public = [a for a in stores.star_awards.awards(year) if a.publicity_start and a.publicity_end]
    if not public:
        raise DomainError(f"{year} 年度还没有公示评定的星（先评定，再点“公示…”或 stars publicize）。")
    start = max(a.publicity_start for a in public if a.publicity_start)
    shown = [a for a in public if a.publicity_start == start]
    bases, by_household = stores.naming_bases.bases_in_effect(), dict[str, list[str]]()
    for award in shown:
        by_household.setdefault(award.household_no, []).append(award.star)
    lines = tuple(StarsBoardLine(board_name(stores.star_awards.household(no), bases, today), tuple(stars))
                  for no, stars in sorted(by_household.items()))
    return StarsPublicity(stores.profile.get().display_name, year, start, shown[0].publicity_end or start, lines)


def stars_publicity_item(stores: Stores, year: str, today: date) -> StarsPublicity:
    """打印中心's gather: the publicity of the year chosen."""
    return stars_publicity(stores, int(year), today)
