"""SqliteStarCandidacies: each household's application or nomination of a star for a year, and its group's review."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.lists.ports import HouseholdDirectory
from models.stars.evaluation import Route, StarCandidacy, Verdict, check_candidacy, check_review
from models.stars.ports import StarListStore
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.disclosures.rows import dict_rows


def _candidacy(row: dict[str, Any]) -> StarCandidacy:
    return StarCandidacy(row["household_id"], row["household_no"], row["year"], row["star"], Route(row["route"]),
                         row["proposer"], date.fromisoformat(row["proposed_on"]), Verdict(row["verdict"]),
                         row["review_note"], date.fromisoformat(row["reviewed_on"]) if row["reviewed_on"] else None,
                         row["reviewed_by"], row["id"])


class SqliteStarCandidacies(SqliteStore):
    """Implements models.stars.ports.StarCandidacyStore over the households and the star list in force."""

    def __init__(self, db: Database, actor: Actor, households: HouseholdDirectory, lists: StarListStore) -> None:
        super().__init__(db, actor)
        self._households, self._lists = households, lists

    def candidacies(self, year: int | None = None, household_no: str = "") -> list[StarCandidacy]:
        sql, params = "SELECT * FROM star_candidacies WHERE deleted = 0", list[Any]()
        if year is not None:
            sql, params = sql + " AND year = ?", [*params, year]
        if household_no:
            sql, params = sql + " AND household_no = ?", [*params, household_no]
        return [_candidacy(r) for r in dict_rows(self._db, sql + " ORDER BY year, household_no, proposed_on, hlc",
                                                 params)]

    def propose(self, household_no: str, star: str, year: int, route: Route, proposer: str = "",
                on: date | None = None) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        stars = self._lists.star_list()
        if stars is None:
            raise DomainError("还没有通过星目。请先在村民（代表）会议上通过星目，再申报。")
        household = self._households.household(household_no)
        candidacy = StarCandidacy(household.household_id, household.household_no, year, star.strip(), route,
                                  proposer.strip() or (household.head_name if route is Route.APPLIED else ""),
                                  on or date.today())
        check_candidacy(stars.stars, candidacy, self.candidacies(year, household.household_no))
        with self._db.atomic():
            row = self._insert("star_candidacies", {
                "household_id": candidacy.household_id, "household_no": candidacy.household_no, "year": year,
                "star": candidacy.star, "route": route.value, "proposer": candidacy.proposer,
                "proposed_on": candidacy.proposed_on.isoformat()},
                summary=f"第{candidacy.household_no}户{route.label}{year}年度“{candidacy.star}”星")
        return Changed.one(Entity.STAR_CANDIDACY, row["id"])

    def _get(self, candidacy_id: str) -> StarCandidacy:
        found = dict_rows(self._db, "SELECT * FROM star_candidacies WHERE id = ? AND deleted = 0", (candidacy_id,))
        if not found:
            raise NotFound("找不到这项申报。请刷新后重试。")
        return _candidacy(found[0])

    def review(self, candidacy_id: str, verdict: Verdict, note: str = "", on: date | None = None,
               by: str = "") -> Changed:
        """The group's review; a candidacy is reviewed once (a mistaken "rejected" is proposed again)."""
        self._require(Permission.EDIT_RECORDS)
        candidacy, day = self._get(candidacy_id), on or date.today()
        check_review(candidacy, verdict, note, day)
        reviewed = replace(candidacy, verdict=verdict, review_note=note.strip(), reviewed_on=day,
                           reviewed_by=by.strip() or self._actor.name)
        with self._db.atomic():
            self._update("star_candidacies", candidacy_id, {
                "verdict": verdict.value, "review_note": reviewed.review_note,
                "reviewed_on": day.isoformat(), "reviewed_by": reviewed.reviewed_by}, action="review")
        return Changed.one(Entity.STAR_CANDIDACY, candidacy_id)
