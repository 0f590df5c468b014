"""Row ↔ dataclass conversion for the registry tables (shared by the store, import and export)."""
from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from models.registry.id_numbers import mask_id_number
from models.registry.households import (CareLevel, Gender, Grid, Household, RoleHolding, VillageGroup, Villager,
                             VillagerStatus)
from storage.registry.pinyin_keys import name_keys

VILLAGER_COLUMNS = ("id", "household_id", "name", "relation", "gender", "id_number", "birth_date", "ethnicity",
                    "phone", "political_status", "away", "away_place", "status", "status_date", "position")
HOUSEHOLD_COLUMNS = ("id", "household_no", "group_id", "grid_id", "address", "head_id", "phone", "care_level",
                     "notes")
ROLE_COLUMNS = ("id", "villager_id", "role", "post", "start_date", "end_date")
VILLAGER_SELECT = ", ".join(f"v.{c}" for c in VILLAGER_COLUMNS)  # the columns of `villagers v`, in that order


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def to_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def villager_from_row(row: Sequence[Any], show_id: bool = True) -> Villager:
    (uid, household_id, name, relation, gender, id_number, born, ethnicity, phone, political, away,
     away_place, status, status_date, position) = row
    return Villager(uid, household_id, name, relation, Gender(gender) if gender else None,
                    id_number if show_id else mask_id_number(id_number), to_date(born), ethnicity, phone,
                    political, bool(away), away_place, VillagerStatus(status), to_date(status_date), position)


def villager_values(villager: Villager) -> dict[str, Any]:
    """Column values of a villager (without bookkeeping columns and id), search keys included."""
    full, initials = name_keys(villager.name)
    return {"household_id": villager.household_id, "name": villager.name, "relation": villager.relation,
            "gender": villager.gender.value if villager.gender else None, "id_number": villager.id_number,
            "birth_date": iso(villager.birth_date), "ethnicity": villager.ethnicity, "phone": villager.phone,
            "political_status": villager.political_status, "away": int(villager.away),
            "away_place": villager.away_place, "status": villager.status.value,
            "status_date": iso(villager.status_date), "position": villager.position,
            "name_pinyin": full, "name_initials": initials}


def household_from_row(row: Sequence[Any]) -> Household:
    uid, number, group_id, grid_id, address, head_id, phone, care, notes = row
    return Household(uid, number, group_id, grid_id, address, head_id, phone, CareLevel(care), notes)


def household_values(household: Household) -> dict[str, Any]:
    return {"household_no": household.household_no, "group_id": household.group_id,
            "grid_id": household.grid_id, "address": household.address, "head_id": household.head_id,
            "phone": household.phone, "care_level": household.care_level.value, "notes": household.notes}


def role_from_row(row: Sequence[Any]) -> RoleHolding:
    uid, villager_id, role, post, start, end = row
    return RoleHolding(uid, villager_id, role, post, to_date(start), to_date(end))


def role_values(holding: RoleHolding) -> dict[str, Any]:
    return {"villager_id": holding.villager_id, "role": holding.role, "post": holding.post,
            "start_date": iso(holding.start_date), "end_date": iso(holding.end_date)}


def group_from_row(row: Sequence[Any]) -> VillageGroup:
    return VillageGroup(row[0], row[1], row[2])


def grid_from_row(row: Sequence[Any]) -> Grid:
    return Grid(row[0], row[1], row[2], row[3], *row[4:7])
