"""What the care screen, the home screen and `care …` / `grid …` commands read across the stores: the care list
with due visits, the grid list with its size warnings, and finding a household or a villager by what a clerk types."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.care.care import CareHousehold, CareRow, ContactHolding, is_overdue, visit_due
from models.core.errors import DomainError, NotFound
from models.registry.grids import GridLevel, SizeBand, size_warning
from models.registry.households import CareLevel

if TYPE_CHECKING:
    from models.core.ports import Stores
    from models.registry.households import Grid, Household, Villager


def care_rows(stores: Stores, today: date, overdue_only: bool = False,
              every_household: bool = False) -> list[CareRow]:
    """Every rated household (or, with `every_household`, every household: unrated ones as 放心户) with its last
    visit and next due visit, overdue first, then by due day."""
    settings = stores.care_settings.settings
    last = stores.care_visits.last_visits()
    ratings = {r.household_id: r for r in stores.care_levels.current_levels()}
    contacts = stores.care_contacts.current_contacts(today)
    rows = []
    for summary in stores.households.list_households():
        household_id = summary.household.id
        rating = ratings.get(household_id)
        if rating is None and not every_household:
            continue
        due = visit_due(rating, last.get(household_id), settings) if rating else None
        people = _contact_text(contacts.get(household_id, []))
        rows.append(CareRow(household_id, summary.household.household_no, summary.head_name,
                            rating.level if rating else CareLevel.GREEN, last.get(household_id), due,
                            is_overdue(due, today), people, summary.grid_name))
    if overdue_only:
        rows = [row for row in rows if row.overdue]
    return sorted(rows, key=lambda r: (not r.overdue, r.visit_due or date.max, r.household_no))


def _contact_text(holdings: list[ContactHolding]) -> str:
    return "、".join(f"{c.villager_name}（{c.line.short}）" for c in holdings)


@dataclass(frozen=True)
class CareList:
    """The care screen's list of every household, as `care_rows(..., every_household=True)` orders it, read a page
    at a time: the households with a visit schedule (关心户, 连心户) are few and held whole, overdue first, then by
    due day; every other household (放心户, rated or not) follows by number, `others` of them, read from the store
    only as the view scrolls to them (issue 17: a county roll-up holds 37,500 households)."""

    scheduled: tuple[CareRow, ...]
    others: int
    read_others: Callable[[int, int], list[CareRow]]

    def __len__(self) -> int:
        return len(self.scheduled) + self.others

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.scheduled if row.overdue)  # a household with no schedule is never overdue

    def page(self, offset: int, limit: int) -> list[CareRow]:
        """The rows from `offset`, at most `limit` of them."""
        rows = list(self.scheduled[offset:offset + limit])
        if len(rows) < limit and self.others:
            rows += self.read_others(max(0, offset - len(self.scheduled)), limit - len(rows))
        return rows


def care_list(stores: Stores, today: date, overdue_only: bool = False, cared_only: bool = False) -> CareList:
    """Every household with its level, last visit and next due visit (`care_rows` with `every_household`), or with
    `overdue_only` the overdue ones, with `cared_only` the 关心户 and 连心户 — both only scheduled households."""
    settings = stores.care_settings.settings
    last = stores.care_visits.last_visits()
    ratings = {r.household_id: r for r in stores.care_levels.current_levels()
               if settings.interval(r.level) is not None}
    contacts = stores.care_contacts.current_contacts(today)
    scheduled = []
    for household in stores.care_levels.listed_households(ratings):
        rating = ratings[household.household_id]
        due = visit_due(rating, last.get(household.household_id), settings)
        scheduled.append(_care_row(household, rating.level, last.get(household.household_id), due,
                                   is_overdue(due, today), contacts))
    if overdue_only:
        scheduled = [row for row in scheduled if row.overdue]
    scheduled.sort(key=lambda r: (not r.overdue, r.visit_due or date.max, r.household_no))
    listing = stores.care_levels

    def read_others(offset: int, limit: int) -> list[CareRow]:
        return [_care_row(h, CareLevel.GREEN, last.get(h.household_id), None, False, contacts)
                for h in listing.other_households(ratings, offset, limit)]
    others = 0 if overdue_only or cared_only else listing.other_households_count(ratings)
    return CareList(tuple(scheduled), others, read_others)


def _care_row(household: CareHousehold, level: CareLevel, last: date | None, due: date | None, overdue: bool,
              contacts: dict[str, list[ContactHolding]]) -> CareRow:
    return CareRow(household.household_id, household.household_no, household.head_name, level, last, due, overdue,
                   _contact_text(contacts.get(household.household_id, [])), household.grid_name)


@dataclass(frozen=True)
class GridRow:
    """网格一行 — a grid with its level, parent, households now in it, its 网格员 and a size warning."""

    grid: Grid
    level: GridLevel
    parent: str
    households: int
    member: str
    warning: str | None


def grid_rows(stores: Stores) -> list[GridRow]:
    """Every grid; a leaf grid (no grid below it) outside the size band carries the warning (R52)."""
    settings = stores.care_settings.settings
    band = SizeBand(settings.grid_low, settings.grid_high)
    grids = stores.groups.list_grids()
    groups = {g.id: g.name for g in stores.groups.list_groups()}
    names = {g.id: g.name for g in grids}
    parents = {g.parent_id for g in grids if g.parent_id}
    counts = stores.grid_assignments.counts()
    village = stores.profile.get().village
    rows = []
    for grid in grids:
        level = GridLevel(grid.level)
        parent = names.get(grid.parent_id or "", "") or (village if level is GridLevel.SECOND
                                                          else groups.get(grid.group_id, ""))
        count = counts.get(grid.id, 0)
        warning = size_warning(count, band) if grid.id not in parents else (
            f"上级网格里还有 {count} 户，请把它们归入下级网格。" if count else None)
        rows.append(GridRow(grid, level, parent, count, _name(stores, grid.member_id), warning))
    return sorted(rows, key=lambda r: (r.level, r.parent, r.grid.name))


def _name(stores: Stores, villager_id: str | None) -> str:
    if not villager_id:
        return ""
    try:
        return stores.villagers.get_villager(villager_id).name
    except NotFound:
        return ""


def household_by_number(stores: Stores, number: str) -> Household:
    found = next((s.household for s in stores.households.list_households()
                  if s.household.household_no == number.strip()), None)
    if found is None:
        raise NotFound(f"没有户号为“{number}”的户。请在户籍花名册中查看户号。")
    return found


def grid_by_key(stores: Stores, key: str) -> Grid:
    grids = stores.groups.list_grids()
    found = [g for g in grids if key in (g.id, g.name)] or [g for g in grids if g.id.startswith(key)]
    if len(found) != 1:
        raise NotFound(f"没有“{key}”这个网格。" if not found else f"“{key}”对应多个网格，请写完整编号。")
    return found[0]


def villager_by_key(stores: Stores, key: str) -> Villager:
    """The villager with this id, or the one living villager of this name; an ambiguous name is refused with the
    candidates listed (household and id), so the clerk can give the id."""
    key = key.strip()
    try:
        return stores.villagers.get_villager(key)
    except NotFound:
        pass
    hits = [h for h in stores.registry.search(key) if h.villager_id and h.name == key]
    people = [stores.villagers.get_villager(h.villager_id) for h in hits if h.villager_id]
    living = [p for p in people if p.active_on(date.today())]
    if not living:
        raise NotFound(f"找不到名叫“{key}”的在册村民。可以写村民编号。")
    if len(living) > 1:
        numbers = {h.villager_id: h.household_no for h in hits}
        listed = "；".join(f"{p.name}（{numbers.get(p.id, '')}户，编号 {p.id}）" for p in living)
        raise DomainError(f"名叫“{key}”的村民有 {len(living)} 位：{listed}。请改写编号。")
    return living[0]
