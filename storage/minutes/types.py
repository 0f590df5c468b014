"""SqliteMeetingTypes: the built-in meeting bodies and the village's own (`meeting_types`)."""
from __future__ import annotations

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.minutes.types import BUILTIN_TYPES, MeetingTypeSpec, check_new_type, resolve_type
from storage.core.store_base import SqliteStore
from storage.minutes.rows import rows, to_type_spec


class SqliteMeetingTypes(SqliteStore):
    """Implements models.minutes.ports.MeetingTypeStore."""

    def meeting_types(self) -> tuple[MeetingTypeSpec, ...]:
        return tuple(BUILTIN_TYPES.values()) + self.custom_types()

    def custom_types(self) -> tuple[MeetingTypeSpec, ...]:
        return tuple(map(to_type_spec, rows(self._db, "SELECT * FROM meeting_types WHERE deleted = 0 "
                                                      "ORDER BY created_at", [])))

    def type_spec(self, code: str) -> MeetingTypeSpec:
        return resolve_type(code, self.custom_types())

    def add_meeting_type(self, spec: MeetingTypeSpec) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        check_new_type(spec, self.meeting_types())
        with self._db.atomic():
            row = self._insert("meeting_types", {
                "code": spec.code, "label": spec.label, "letter": spec.letter, "composition": spec.composition.value,
                "quorum": spec.quorum.value, "majority": spec.majority.value, "notice_days": spec.notice_days,
                "rule_note": spec.rule_note})
        return Changed.one(Entity.MEETING_TYPE, row["id"])
