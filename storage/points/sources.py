"""What points read of other areas, as small adapters storage/core/backend.py builds over the current stores:
households from the registry tables, adoption meetings through the minutes store, clauses through the rules in
force, naming bases through the lists store. Each satisfies a port of `models.points.ports`, so the composition
root can re-point it without touching the points stores."""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Protocol

from models.core.errors import NotFound
from models.lists.entries import ArticleRef, ListKind
from models.lists.naming import NamingBasis
from models.minutes.meetings import evaluate
from models.minutes.record import effective
from models.points.ledger import Member
from models.points.rollup import PointsHousehold
from models.points.scheme import AdoptionMeeting, MeetingItem
from models.workflow.ports import MeetingRecords, MeetingTypes
from storage.core.db import Database
from storage.points.household_find import find_households

_HOUSEHOLDS_SQL = """
    SELECT h.id, h.household_no,
           COALESCE(head.name, first.name, ''), COALESCE(head.name_initials, first.name_initials, ''),
           COALESCE(g.name, ''), COALESCE(gr.name, '')
    FROM households h
    LEFT JOIN villagers head ON head.id = h.head_id AND head.deleted = 0
    LEFT JOIN villagers first ON first.id = (SELECT v.id FROM villagers v WHERE v.household_id = h.id
                                             AND v.deleted = 0 ORDER BY v.relation != '户主', v.position LIMIT 1)
    LEFT JOIN village_groups g ON g.id = h.group_id
    LEFT JOIN grids gr ON gr.id = h.grid_id
    WHERE h.deleted = 0 AND h.owner = ?"""
_IN_ORDER = " ORDER BY CAST(h.household_no AS INTEGER), h.household_no"


class SqlitePointsHouseholds:
    """PointsHouseholds over the registry tables: this installation's own households (a township database holds
    other villages' too), with the head's name and pinyin initials, group and grid."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def households(self) -> list[PointsHousehold]:
        rows = self._db.conn.execute(_HOUSEHOLDS_SQL + _IN_ORDER, (self._db.node_id,))
        return [PointsHousehold(*row) for row in rows]

    def among(self, ids: Iterable[str]) -> list[PointsHousehold]:
        """These households (the ones a period's entries name), in number order; deleted or others' left out."""
        # Driven by the ids (`+h.owner` keeps the planner off the owner index, which walks every household).
        sql = _HOUSEHOLDS_SQL.replace("h.owner = ?", "+h.owner = ?")
        rows = self._db.conn.execute(sql + " AND h.id IN (SELECT value FROM json_each(?))" + _IN_ORDER,
                                     (self._db.node_id, json.dumps(list(ids))))
        return [PointsHousehold(*row) for row in rows]

    def find(self, typed: str, limit: int = 20) -> list[PointsHousehold]:
        """What models.points.rollup.find_households finds among households(), read as at most `limit` rows
        through the registry's search index (storage/points/household_find.py)."""
        return [PointsHousehold(*row) for row in find_households(self._db, typed, limit)]

    def group_names(self) -> list[str]:
        """The names of the groups this installation's households belong to, in order."""
        rows = self._db.conn.execute(
            "SELECT DISTINCT g.name FROM village_groups g WHERE g.name != '' AND EXISTS (SELECT 1 FROM households h "
            "WHERE h.group_id = g.id AND h.deleted = 0 AND +h.owner = ?) ORDER BY g.name", (self._db.node_id,))
        return [name for (name,) in rows]

    def household(self, household_no: str) -> PointsHousehold:
        row = self._db.conn.execute(_HOUSEHOLDS_SQL + " AND h.household_no = ?",
                                    (self._db.node_id, household_no.strip())).fetchone()
        if row is None:
            raise NotFound(f"户籍中没有户号“{household_no}”。请核对户号（可在户籍花名册中查看）。")
        return PointsHousehold(*row)

    def members(self, reference: str) -> list[Member]:
        sql = ("SELECT v.id, v.name, h.id, h.household_no FROM villagers v JOIN households h ON h.id = v.household_id "
               "WHERE v.deleted = 0 AND h.deleted = 0 AND h.owner = :node AND ")
        params = {"node": self._db.node_id, "reference": reference.strip()}
        rows = self._db.conn.execute(sql + "v.id = :reference", params).fetchall() or \
            self._db.conn.execute(sql + "v.name = :reference", params).fetchall()
        return [Member(*row) for row in rows]


class MinutesAdoptionMeetings:
    """AdoptionMeetings over the minutes store: the record with its 补正 applied, judged by the minutes' rules."""

    def __init__(self, meetings: MeetingRecords, types: MeetingTypes) -> None:
        self._meetings, self._types = meetings, types

    def adoption_meeting(self, meeting_id: str) -> AdoptionMeeting:
        meeting = effective(self._meetings.get(meeting_id))
        spec = self._types.type_spec(meeting.type_code)
        outcome = evaluate(meeting, spec)
        items = tuple(MeetingItem(number, item.title, item.resolution, result.status == "passed")
                      for number, (item, result) in enumerate(zip(meeting.items, outcome.items), 1))
        return AdoptionMeeting(meeting.id, meeting.number, meeting.type_code, spec.label, meeting.on,
                               meeting.is_final, outcome.quorum.met, outcome.quorum.reason, items)


class ArticleResolver(Protocol):
    def resolve(self, reference: str) -> ArticleRef: ...


class RulesClauses:
    """RuleClauses over the lists' article catalogue (the 村规民约 version in force)."""

    def __init__(self, articles: ArticleResolver) -> None:
        self._articles = articles

    def clause(self, reference: str) -> str:
        article = self._articles.resolve(reference)
        return f"{article.number} {article.short_text}".strip()


class NamingBases(Protocol):
    def bases_in_effect(self) -> list[NamingBasis]: ...


class ListsNamedHouseholds:
    """NamedHouseholds over the lists store: a household basis covering the red list (a points board ranks
    households as the red list praises them) in effect on the board's date (R31, R40)."""

    def __init__(self, lists: NamingBases) -> None:
        self._lists = lists

    def named_households(self, on: date) -> frozenset[str]:
        return frozenset(b.household_id for b in self._lists.bases_in_effect()
                         if not b.villager_id and b.covers(ListKind.RED, on))
