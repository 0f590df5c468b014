"""SqliteStarLists and SqliteStarAwards: the star list adopted at a meeting, and the stars awarded and withdrawn."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.lists.entries import HouseholdInfo
from models.lists.ports import HouseholdDirectory
from models.stars.ports import StarListStore, StarMeetings
from models.stars.stars import (StarAward, StarList, StarRow, check_award, check_deciding_meeting, check_withdrawal,
                                parse_star_list, star_rows)
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.disclosures.rows import dict_rows

DEFAULT_STARS = Path(__file__).resolve().parents[2] / "resources" / "stars_list.json"


class SqliteStarLists(SqliteStore):
    """Implements models.stars.ports.StarListStore; meetings are read through `meetings`."""

    def __init__(self, db: Database, actor: Actor, meetings: StarMeetings) -> None:
        super().__init__(db, actor)
        self._meetings = meetings

    def default_stars(self) -> tuple[str, ...]:
        return parse_star_list(DEFAULT_STARS.read_text(encoding="utf-8"))

    def star_list(self) -> StarList | None:
        found = dict_rows(self._db, "SELECT * FROM star_lists WHERE deleted = 0 ORDER BY adopted_on DESC, hlc DESC "
                                    "LIMIT 1")
        if not found:
            return None
        row = found[0]
        return StarList(tuple(json.loads(row["stars"])), row["meeting_id"], date.fromisoformat(row["adopted_on"]),
                        row["id"])

    def adopt(self, stars: tuple[str, ...], meeting_id: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        meeting = self._meetings.meeting_facts(meeting_id)
        check_deciding_meeting(meeting, "通过星目")
        stars = parse_star_list(json.dumps({"stars": list(stars)}))
        with self._db.atomic():
            row = self._insert("star_lists", {"stars": json.dumps(list(stars), ensure_ascii=False),
                                              "meeting_id": meeting_id, "adopted_on": meeting.on.isoformat()},
                               summary=f"{meeting.number}通过星目（{len(stars)}颗星）：{'、'.join(stars)}")
        return Changed.one(Entity.STAR_LIST, row["id"])


def _award(row: dict[str, Any]) -> StarAward:
    return StarAward(row["household_id"], row["household_no"], row["star"], row["year"], row["meeting_id"],
                     date.fromisoformat(row["awarded_on"]),
                     date.fromisoformat(row["withdrawn_on"]) if row["withdrawn_on"] else None,
                     row["withdraw_reason"], row["id"])


class SqliteStarAwards(SqliteStore):
    """Implements models.stars.ports.StarAwardStore over the households, the meetings and the star list."""

    def __init__(self, db: Database, actor: Actor, households: HouseholdDirectory, meetings: StarMeetings,
                 lists: StarListStore) -> None:
        super().__init__(db, actor)
        self._households, self._meetings, self._lists = households, meetings, lists

    def awards(self, year: int | None = None, household_no: str = "") -> list[StarAward]:
        sql, params = "SELECT * FROM star_awards WHERE deleted = 0", list[Any]()
        if year is not None:
            sql, params = sql + " AND year = ?", [*params, year]
        if household_no:
            sql, params = sql + " AND household_no = ?", [*params, household_no]
        return [_award(r) for r in dict_rows(self._db, sql + " ORDER BY year, household_no, awarded_on", params)]

    def rows(self, year: int) -> list[StarRow]:
        found = self._lists.star_list()
        return star_rows(self.awards(year), found.stars if found else self._lists.default_stars())

    def household(self, household_no: str) -> HouseholdInfo:
        return self._households.household(household_no)

    def years(self) -> list[int]:
        return [r[0] for r in self._db.conn.execute(
            "SELECT DISTINCT year FROM star_awards WHERE deleted = 0 ORDER BY year DESC")]

    def award(self, household_no: str, star: str, year: int, meeting_id: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        stars = self._lists.star_list()
        if stars is None:
            raise DomainError("还没有通过星目。请先在村民（代表）会议上通过星目（stars adopt --meeting ID）。")
        household = self._households.household(household_no)
        meeting = self._meetings.meeting_facts(meeting_id)
        check_award(stars, star.strip(), year, meeting, self.awards(year, household.household_no))
        with self._db.atomic():
            row = self._insert("star_awards", {
                "household_id": household.household_id, "household_no": household.household_no,
                "star": star.strip(), "year": year, "meeting_id": meeting_id, "awarded_on": meeting.on.isoformat()})
        return Changed.one(Entity.STAR_AWARD, row["id"])

    def withdraw(self, household_no: str, star: str, reason: str, on: date | None = None) -> Changed:
        """The household's latest star `star` in force is withdrawn from `on` (default today) for `reason`."""
        self._require(Permission.EDIT_RECORDS)
        household = self._households.household(household_no)
        found = [a for a in self.awards(household_no=household.household_no) if a.star == star.strip() and a.in_force]
        if not found:
            raise DomainError(f"第{household.household_no}户没有有效的“{star}”星。")
        award, day = found[-1], on or date.today()
        check_withdrawal(award, reason, day)
        with self._db.atomic():
            self._update("star_awards", award.id, {"withdrawn_on": day.isoformat(),
                                                   "withdraw_reason": reason.strip()}, action="withdraw")
        return Changed.one(Entity.STAR_AWARD, award.id)
