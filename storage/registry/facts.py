"""RegistryFacts over the real registry: who should attend a meeting on its date, and finding attendees."""
from __future__ import annotations

import re
from datetime import date

from models.minutes.roles import holds, registry_role
from models.registry.households import RoleCode
from models.registry.ports import RegistryQueries, RosterPerson
from storage.core.db import Database

_ID_NUMBER = re.compile(r"^\d{17}[\dXx]$")
_PERSON = ("SELECT v.id, v.name, COALESCE(v.gender, 'unknown'), h.household_no FROM villagers v "
           "JOIN households h ON h.id = v.household_id WHERE v.deleted = 0 AND h.deleted = 0")


class SqliteRegistryFacts:
    """Implements models.registry.ports.RegistryFacts over the registry's reads (`registry`, given by the
    composition root); reads only, so it needs no permission beyond logging in."""

    def __init__(self, db: Database, registry: RegistryQueries) -> None:
        self._db = db
        self._registry = registry

    def adults_count(self, on_date: date, group: str | None = None) -> int:
        return self._registry.adults_count(on_date, group)

    def households_count(self, on_date: date, group: str | None = None) -> int:
        return self._registry.households_count(on_date, group)

    def people_with_role(self, role: str, on_date: date) -> list[RosterPerson]:
        """Villagers active on the date holding the role then; committee roles are told apart by their post."""
        code = registry_role(role)
        posts = self._posts(code, on_date)
        found: list[RosterPerson] = []
        for villager in self._registry.people_with_role(code, on_date):
            post = posts.get(villager.id, "")
            if holds(role, post):
                gender = villager.gender.value if villager.gender else "unknown"
                found.append(RosterPerson(villager.id, villager.name, gender, post))
        return found

    def _posts(self, code: str, on_date: date) -> dict[str, str]:
        if code != RoleCode.TWO_COMMITTEES_MEMBER.value:
            return {}
        rows = self._db.conn.execute(
            "SELECT villager_id, post FROM villager_roles WHERE deleted = 0 AND role = ? "
            "AND (start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date >= ?)",
            (code, on_date.isoformat(), on_date.isoformat()))
        return {villager_id: post or "" for villager_id, post in rows}

    def find_person(self, key: str) -> RosterPerson | None:
        """By complete ID number (any status), or by name when exactly one active villager has it."""
        key = key.strip()
        if _ID_NUMBER.match(key):
            rows = self._db.conn.execute(f"{_PERSON} AND v.id_number = ?", (key.upper(),)).fetchall()
        else:
            rows = self._db.conn.execute(f"{_PERSON} AND v.name = ? AND v.status = 'active' LIMIT 2",
                                         (key,)).fetchall()
        return _person(rows[0]) if len(rows) == 1 else None

    def search_people(self, text: str, limit: int = 20) -> list[RosterPerson]:
        hits = [hit for hit in self._registry.search(text, limit) if hit.villager_id]
        if not hits:
            return []
        marks = ",".join("?" * len(hits))
        rows = self._db.conn.execute(f"{_PERSON} AND v.id IN ({marks})", [h.villager_id for h in hits]).fetchall()
        by_id = {row[0]: _person(row) for row in rows}
        return [by_id[h.villager_id] for h in hits if h.villager_id in by_id]


def _person(row: tuple[str, str, str, str]) -> RosterPerson:
    uid, name, gender, household_no = row
    return RosterPerson(uid, name, gender, household_no=household_no)
