"""SqliteSchemeStore: adopted versions of the 积分细则, each linked to the meeting that adopted it (R35)."""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.lists.entries import PeriodKind
from models.points.ports import AdoptionMeetings, RuleClauses
from models.points.scheme import (DEFAULT_DEDUCTION_SHARE, R35_SOURCE, Scheme, SchemeItem, SchemeSettings,
                                  adopting_item, adoption_problems, check_columns, check_items, items_from_rows)
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.points.rows import dict_rows, item_from_row, scheme_from_row
from storage.points.scheme_files import read_scheme_sheet


class SqliteSchemeStore(SqliteStore):
    """Implements models.points.ports.SchemeStore."""

    def __init__(self, db: Database, actor: Actor, meetings: AdoptionMeetings, clauses: RuleClauses) -> None:
        super().__init__(db, actor)
        self._meetings, self._clauses = meetings, clauses

    def versions(self) -> list[Scheme]:
        rows = dict_rows(self._db, "SELECT * FROM points_schemes WHERE deleted = 0 ORDER BY version")
        items: dict[str, list[SchemeItem]] = {}
        for row in dict_rows(self._db, "SELECT * FROM points_items WHERE deleted = 0 ORDER BY position"):
            items.setdefault(row["scheme_id"], []).append(item_from_row(row))
        return [scheme_from_row(row, tuple(items.get(row["id"], ()))) for row in rows]

    def current(self) -> Scheme | None:
        versions = self.versions()
        return versions[-1] if versions else None

    def in_force_on(self, day: date) -> Scheme | None:
        """The newest version adopted on or before `day` (a change applies from its adoption date on)."""
        found = [s for s in self.versions() if s.adopted_on <= day]
        return max(found, key=lambda s: (s.adopted_on, s.version)) if found else None

    def adopt(self, items: tuple[SchemeItem, ...], meeting_id: str, period: PeriodKind | None = None,
              deduction_share: int | None = None, agenda_item: int | None = None) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        if not meeting_id.strip():
            raise DomainError("积分细则须经村民会议或村民代表会议通过：请用 --meeting 指定通过它的会议记录。")
        meeting = self._meetings.adoption_meeting(meeting_id.strip())
        problems = adoption_problems(meeting)
        if problems:
            raise DomainError("这次会议不能作为积分细则的通过依据：" + "；".join(problems) + "。")
        resolution = adopting_item(meeting, agenda_item)
        versions = self.versions()
        previous = versions[-1] if versions else None
        used = next((s for s in versions if s.meeting_id == meeting.id), None)
        if used is not None:
            raise DomainError(f"会议记录 {meeting.number}（{meeting.on.isoformat()}）已通过第{used.version}版积分细则，"
                              f"不能再作为新版本的通过依据（{R35_SOURCE}）：修改积分细则须另行召开村民会议或"
                              "村民代表会议，将会议记录定稿后，用那次会议的决议导入新版本。")
        if previous is not None and meeting.on < previous.adopted_on:
            raise DomainError(f"会议记录 {meeting.number}（{meeting.on.isoformat()}）早于现行第{previous.version}版的通过日期"
                              f"（{previous.adopted_on.isoformat()}）：新版本自通过之日起施行，不能改写已有的记分。")
        check_items(items)
        resolved = tuple(dataclasses.replace(i, clause=self._clauses.clause(i.clause)) if i.clause else i
                         for i in items)
        share = deduction_share if deduction_share is not None else (
            previous.deduction_share if previous else DEFAULT_DEDUCTION_SHARE)
        if not 0 < share <= 100:
            raise DomainError("扣分占比上限须在 1%–100% 之间。")
        with self._db.atomic():
            number = int(self._db.conn.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM points_schemes "
                                               "WHERE deleted = 0").fetchone()[0])
            row = self._insert("points_schemes", {
                "version": number, "adopted_on": meeting.on.isoformat(), "meeting_id": meeting.id,
                "resolution": resolution.text,
                "period_kind": (period or (previous.period if previous else PeriodKind.MONTH)).value,
                "deduction_share": share})
            for position, item in enumerate(resolved):
                self._insert("points_items", {"scheme_id": row["id"], "position": position, "code": item.code,
                                              "class_name": item.class_name, "name": item.name, "points": item.points,
                                              "cap": item.cap, "evidence": item.evidence, "clause": item.clause})
        return Changed.one(Entity.POINTS_SCHEME, row["id"])

    def import_file(self, path: Path, meeting_id: str, agenda_item: int | None = None,
                    settings: SchemeSettings | None = None) -> Changed:
        """`settings` (the command's options) over what the file says, over the version before."""
        sheet = read_scheme_sheet(path)
        check_columns(sheet.header)
        items = items_from_rows(sheet.values, sheet.numbers)
        check_items(items, sheet.numbers)  # naming the file's own rows, before adopt checks the items again
        chosen = (settings or SchemeSettings()).over(sheet.settings)
        return self.adopt(items, meeting_id, chosen.period, chosen.deduction_share, agenda_item)
