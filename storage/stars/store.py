"""SqliteStarLists and SqliteStarAwards: the star list adopted at a meeting, and the stars awarded and withdrawn."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.lists.entries import HouseholdInfo
from models.lists.ports import HouseholdDirectory
from models.stars.evaluation import (StarObjection, check_decidable, check_objection, check_objection_answer,
                                     star_publicity)
from models.stars.ports import StarCandidacyStore, StarListStore, StarMeetings
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
        self.meetings = meetings  # the awards read the deciding meetings through the same adapter

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
        meeting = self.meetings.meeting_facts(meeting_id)
        check_deciding_meeting(meeting, "通过星目")
        stars = parse_star_list(json.dumps({"stars": list(stars)}))
        with self._db.atomic():
            row = self._insert("star_lists", {"stars": json.dumps(list(stars), ensure_ascii=False),
                                              "meeting_id": meeting_id, "adopted_on": meeting.on.isoformat()},
                               summary=f"{meeting.number}通过星目（{len(stars)}颗星）：{'、'.join(stars)}")
        return Changed.one(Entity.STAR_LIST, row["id"])


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _award(row: dict[str, Any]) -> StarAward:
    return StarAward(row["household_id"], row["household_no"], row["star"], row["year"], row["meeting_id"],
                     date.fromisoformat(row["awarded_on"]), _day(row["withdrawn_on"]), row["withdraw_reason"],
                     row["id"], _day(row["publicity_start"]), _day(row["publicity_end"]), bool(row["open_objection"]))


def _objection(row: dict[str, Any]) -> StarObjection:
    return StarObjection(row["award_id"], date.fromisoformat(row["received_on"]), row["raised_by"], row["content"],
                         row["answer"], _day(row["answered_on"]), None if row["upheld"] is None else bool(row["upheld"]),
                         row["id"])


_AWARDS = ("SELECT a.*, EXISTS(SELECT 1 FROM star_objections o WHERE o.award_id = a.id AND o.deleted = 0 "
           "AND o.upheld IS NULL) AS open_objection FROM star_awards a WHERE a.deleted = 0")


class SqliteStarAwards(SqliteStore):
    """Implements models.stars.ports.StarAwardStore over the households, the meetings, the star list and the
    candidacies (a star is decided only on one its group passed)."""

    def __init__(self, db: Database, actor: Actor, households: HouseholdDirectory, meetings: StarMeetings,
                 lists: StarListStore, candidacies: StarCandidacyStore) -> None:
        super().__init__(db, actor)
        self._households, self._meetings, self._lists = households, meetings, lists
        self.candidacies = candidacies

    def awards(self, year: int | None = None, household_no: str = "") -> list[StarAward]:
        sql, params = _AWARDS, list[Any]()
        if year is not None:
            sql, params = sql + " AND a.year = ?", [*params, year]
        if household_no:
            sql, params = sql + " AND a.household_no = ?", [*params, household_no]
        return [_award(r) for r in dict_rows(self._db, sql + " ORDER BY a.year, a.household_no, a.awarded_on",
                                             params)]

    def rows(self, year: int, today: date | None = None) -> list[StarRow]:
        found = self._lists.star_list()
        return star_rows(self.awards(year), found.stars if found else self._lists.default_stars(),
                         today or date.today())

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
        check_decidable(self.candidacies.candidacies(year, household.household_no), household.household_no,
                        star.strip(), year)
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

    def publicize(self, year: int, start: date, days: int | None = None) -> Changed:
        """公示: the year's decided stars not yet publicised go up from `start` (7 days by default, at least 5)."""
        self._require(Permission.EDIT_RECORDS)
        period = star_publicity(start, days)
        waiting = [a for a in self.awards(year) if a.in_force and a.publicity_start is None]
        if not waiting:
            raise DomainError(f"{year} 年度没有待公示的星（须先由评议会议评定）。")
        if any(start < a.awarded_on for a in waiting):
            raise DomainError(f"公示开始日期 {start} 早于评定的会议日期。")
        with self._db.atomic():
            for award in waiting:
                self._update("star_awards", award.id, {"publicity_start": period.start.isoformat(),
                                                       "publicity_end": period.end.isoformat()}, action="publicize")
        return Changed(Entity.STAR_AWARD, frozenset(a.id for a in waiting))

    def objections(self, year: int) -> list[StarObjection]:
        return [_objection(r) for r in dict_rows(
            self._db, "SELECT o.* FROM star_objections o JOIN star_awards a ON a.id = o.award_id WHERE o.deleted = 0 "
                      "AND a.year = ? ORDER BY o.received_on, o.hlc", (year,))]

    def _award_of(self, award_id: str) -> StarAward:
        found = next((a for a in self.awards() if a.id == award_id), None)
        if found is None:
            raise NotFound("找不到这颗星的评定记录。请刷新后重试。")
        return found

    def add_objection(self, award_id: str, received_on: date, raised_by: str, content: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        award = self._award_of(award_id)
        objection = StarObjection(award_id, received_on, raised_by.strip(), content.strip())
        check_objection((award.publicity_start, award.publicity_end), objection)
        with self._db.atomic():
            self._insert("star_objections", {"award_id": award_id, "received_on": received_on.isoformat(),
                                             "raised_by": objection.raised_by, "content": objection.content},
                         summary=f"第{award.household_no}户“{award.star}”星公示期间收到异议")
        return Changed.one(Entity.STAR_AWARD, award_id)

    def answer_objection(self, objection_id: str, answer: str, upheld: bool, on: date | None = None) -> Changed:
        """The committee's answer; an objection upheld takes the star back, its answer the recorded reason."""
        self._require(Permission.EDIT_RECORDS)
        found = dict_rows(self._db, "SELECT * FROM star_objections WHERE id = ? AND deleted = 0", (objection_id,))
        if not found:
            raise NotFound("找不到这条异议。请刷新后重试。")
        objection, day = _objection(found[0]), on or date.today()
        check_objection_answer(objection, answer, day)
        award = self._award_of(objection.award_id)
        with self._db.atomic():
            self._update("star_objections", objection_id, {"answer": answer.strip(), "answered_on": day.isoformat(),
                                                           "upheld": int(upheld)})
            if upheld and award.in_force:
                self._update("star_awards", award.id, {"withdrawn_on": max(day, award.awarded_on).isoformat(),
                                                       "withdraw_reason": f"公示期间异议成立：{answer.strip()}"},
                             action="withdraw")
        return Changed.one(Entity.STAR_AWARD, award.id)
