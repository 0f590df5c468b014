"""SqliteCareLevels: 放心户/关心户/连心户 ratings over `care_levels` (a new row per rating: the history is the table).

The reason class is sensitive (R51): `current_levels` leaves it out, and `reason_of` needs VIEW_ID_NUMBERS (the
permission to see sensitive personal data) and writes each reading to the audit log."""
from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from models.care.care import CareRating, ReasonClass, require_contact
from models.care.ports import CareHouseholds, ContactLineStore
from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.registry.households import CareLevel
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.care.listing import SqliteCareList
from storage.registry.rows import iso, to_date

_LATEST = ("SELECT id, household_id, level, reason_class, review_date, decided_by, start_date, reason_note "
           "FROM care_levels c WHERE deleted = 0 AND id = (SELECT id FROM care_levels d WHERE d.deleted = 0 "
           "AND d.household_id = c.household_id ORDER BY d.start_date DESC, d.created_at DESC, d.id DESC LIMIT 1)")


def _rating(row: Sequence[Any], with_reason: bool) -> CareRating:
    reason = ReasonClass(row[3]) if with_reason and row[3] else None
    return CareRating(row[0], row[1], CareLevel(row[2]), reason, to_date(row[4]), row[5],
                      to_date(row[6]) or date.min, row[7] if with_reason else "")


class SqliteCareLevels(SqliteCareList):
    """Implements models.care.ports.CareLevelStore; a rating also sets the registry's copy of the level."""

    def __init__(self, db: Database, actor: Actor, contacts: ContactLineStore, households: CareHouseholds) -> None:
        super().__init__(db, actor)
        self._contacts, self._households = contacts, households

    def set_level(self, rating: CareRating) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        household = self._households.get_household(rating.household_id)
        require_contact(rating.level, self._contacts.contacts_of(household.id), rating.start, household.household_no)
        with self._db.atomic():
            row = self._insert("care_levels", {
                "household_id": household.id, "level": rating.level.value,
                "reason_class": rating.reason_class.value if rating.reason_class else "",
                "reason_note": rating.reason_note, "review_date": iso(rating.review),
                "decided_by": rating.decided_by or self._actor.name, "start_date": iso(rating.start)},
                summary=f"{household.household_no}户评为{rating.level.label}")  # the reason stays out of the log
            mirrored = self._households.set_care_level(household.id, rating.level)
        return Changed.one(Entity.CARE_LEVEL, row["id"]) | mirrored

    def withdraw_rating(self, rating_id: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            row = self._db.conn.execute("SELECT household_id FROM care_levels WHERE id = ?", (rating_id,)).fetchone()
            if row is None:
                raise DomainError("找不到这条关怀等级评定。")
            self._tombstone("care_levels", rating_id)
            previous = self._db.conn.execute(_LATEST + " AND household_id = ?", (row[0],)).fetchone()
            mirrored = self._households.set_care_level(row[0], CareLevel(previous[2]) if previous else
                                                       CareLevel.GREEN)
        return Changed.one(Entity.CARE_LEVEL, rating_id) | mirrored

    def current_levels(self) -> list[CareRating]:
        return [_rating(r, False) for r in self._db.conn.execute(_LATEST)]

    def reason_of(self, household_id: str) -> CareRating | None:
        if not self._actor.can(Permission.VIEW_ID_NUMBERS):
            raise DomainError("关怀原因属于敏感个人信息，您的角色不能查看。")
        row = self._db.conn.execute(_LATEST + " AND household_id = ?", (household_id,)).fetchone()
        if row is None:
            return None
        with self._db.atomic():
            append_audit(self._db, self._actor, "view_sensitive", "care_levels", row[0], "查看关怀原因")
        return _rating(row, True)
