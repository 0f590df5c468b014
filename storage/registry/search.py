"""Registry search: name, household number, phone, ID number, and pinyin (initials, full, or mixed).

Planned in storage/registry/search_plan.py: through the search index when it narrows the search, else by walking
the households in order (a common term), where the first matches come at once.
"""
from __future__ import annotations

from typing import Any

from models.registry.households import SearchHit
from storage.core.db import Database
from storage.registry.search_plan import SearchPlan, plan_search


FEW = 1000  # candidates the index may hand over before walking the households in order finds `limit` sooner


def search_registry(db: Database, text: str, show_id: bool, limit: int) -> list[SearchHit]:
    """Villagers (and households by number or phone) matching `text`, by household number; ID numbers only if
    `show_id`. Someone who may not see ID numbers can still find a person by the complete number, never by a part.
    """
    plan = plan_search(db, text, show_id)
    if plan is None:
        return []
    params: dict[str, Any] = plan.params | {"match": plan.match, "limit": limit}
    if _few(db, plan):
        sql = ("SELECT v.household_id, h.household_no, v.id, v.name FROM villagers v "
               f"JOIN households h ON h.id = v.household_id WHERE v.id IN (SELECT id FROM ({plan.villagers_sql()})) "
               "ORDER BY h.household_no, h.id, v.position LIMIT :limit")
    else:  # common: households in order, their people in order, until `limit` are found
        sql = ("SELECT v.household_id, h.household_no, v.id, v.name FROM households h "
               "CROSS JOIN villagers v ON v.household_id = h.id "
               f"WHERE h.deleted = 0 AND v.deleted = 0 AND ({plan.villager_test}) "
               "ORDER BY h.household_no, h.id, v.position LIMIT :limit")
    hits = [SearchHit(*row) for row in db.conn.execute(sql, params)]
    if plan.household_test is not None:
        hits += _households(db, plan, {hit.household_id for hit in hits}, limit)
    return hits[:limit]


def _few(db: Database, plan: SearchPlan) -> bool:
    """Whether the index narrows the search to a few candidates (their count from the index alone)."""
    if plan.match is None or plan.parts is None:
        return plan.match is not None
    found: int = db.conn.execute(plan.probe_sql(FEW), plan.params | plan.part_params()).fetchone()[0]
    return found <= FEW


def matching_ids(db: Database, text: str, show_id: bool) -> tuple[set[str], set[str]]:
    """(household ids, villager ids) of every match, unordered: the same matches as `search_registry`, unlimited."""
    plan = plan_search(db, text, show_id)
    if plan is None:
        return set(), set()
    params: dict[str, Any] = plan.params | {"match": plan.match}
    if plan.match is None:
        rows = db.conn.execute(
            "SELECT v.household_id, v.id FROM villagers v JOIN households h ON h.id = v.household_id "
            f"WHERE v.deleted = 0 AND h.deleted = 0 AND ({plan.villager_test})", params).fetchall()
    else:
        rows = db.conn.execute(plan.villagers_sql(), params).fetchall()
    households, people = {row[0] for row in rows}, {row[1] for row in rows}
    if plan.household_test is not None:
        households |= {hit.household_id for hit in _households(db, plan, households, 1_000_000)}
    return households, people


def matching_people(db: Database, household_id: str, text: str, show_id: bool) -> set[str]:
    """The people of one household who match `text`: which of its members a search found."""
    plan = plan_search(db, text, show_id)
    if plan is None:
        return set()
    rows = db.conn.execute(
        "SELECT v.id FROM villagers v JOIN households h ON h.id = v.household_id WHERE v.household_id = :household "
        f"AND v.deleted = 0 AND ({plan.villager_test})", plan.params | {"household": household_id})
    return {row[0] for row in rows}


def _households(db: Database, plan: SearchPlan, seen: set[str], limit: int) -> list[SearchHit]:
    """Households whose number or phone matches but none of whose members did (e.g. an empty household)."""
    narrowed = "" if plan.match is None else f" AND h.id IN (SELECT ref_id FROM ({plan.candidates('household')}))"
    rows = db.conn.execute(
        f"SELECT h.id, h.household_no FROM households h WHERE h.deleted = 0 AND ({plan.household_test}){narrowed} "
        "ORDER BY h.household_no, h.id LIMIT :limit", plan.params | {"match": plan.match, "limit": limit}).fetchall()
    return [SearchHit(uid, number, None, "") for uid, number in rows if uid not in seen]
