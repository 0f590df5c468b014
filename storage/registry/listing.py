"""The households list of the registry screen, a page at a time: every filter a condition in SQL (issue 17).

A county roll-up holds 150,000 people in 37,500 households: the screen reads 200 at a time in household-number
order, and the search is planned (storage/registry/search_plan.py) so that a rare term goes through the index
and a common one walks the households in order, where 200 matches come within a few thousand rows.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from models.registry.households import CareLevel, HouseholdSummary, RoleCode
from models.registry.listing import HouseholdListing
from storage.core.db import Database
from storage.registry.rows import HOUSEHOLD_COLUMNS, household_from_row
from storage.registry.search_plan import SearchPlan, plan_search

PROBE = 5000  # documents the index may hand over before walking the households in order is the faster way
_ACTIVE_ON = "(v.birth_date IS NULL OR v.birth_date <= :day) AND (v.status = 'active' OR v.status_date > :day)"


def households_page(db: Database, listing: HouseholdListing, show_id: bool, offset: int,
                    limit: int) -> list[HouseholdSummary]:
    """The households `listing` lets through, by household number, from `offset` on, at most `limit`."""
    where, params = listing_condition(db, listing, show_id)
    cols = ", ".join(f"h.{c}" for c in HOUSEHOLD_COLUMNS)
    members = "FROM villagers v WHERE v.household_id = h.id AND v.deleted = 0 AND v.status = 'active'"
    rows = db.conn.execute(f"""
        WITH page AS MATERIALIZED (SELECT h.id FROM households h WHERE {where}
                                   ORDER BY h.household_no, h.id LIMIT :limit OFFSET :offset)
        SELECT {cols}, COALESCE(g.name, ''), COALESCE(gr.name, ''), COALESCE(head.name, ''),
               (SELECT COUNT(*) {members}), (SELECT COALESCE(SUM(v.away), 0) {members})
        FROM page JOIN households h ON h.id = page.id LEFT JOIN village_groups g ON g.id = h.group_id
        LEFT JOIN grids gr ON gr.id = h.grid_id LEFT JOIN villagers head ON head.id = h.head_id
        ORDER BY h.household_no, h.id""", params | {"limit": limit, "offset": offset})
    return [HouseholdSummary(household_from_row(r[:9]), *r[9:]) for r in rows]


def scope_counts(db: Database) -> dict[str, int]:
    """Households per grid, and per group for those in no grid (keys: grid or group ids)."""
    rows = db.conn.execute("SELECT COALESCE(grid_id, group_id), COUNT(*) FROM households WHERE deleted = 0 "
                           "GROUP BY group_id, grid_id")
    counts: dict[str, int] = {}
    for key, count in rows:
        counts[key] = counts.get(key, 0) + count
    return counts


def listing_condition(db: Database, listing: HouseholdListing, show_id: bool) -> tuple[str, dict[str, Any]]:
    """(a condition on households `h`, its parameters) for `listing`."""
    where, params = _filters(listing)
    plan = plan_search(db, listing.text, show_id)
    if plan is not None:
        where.append(_search_condition(db, plan))
        params |= plan.params | plan.part_params()
    return " AND ".join(where), params


def _filters(listing: HouseholdListing) -> tuple[list[str], dict[str, Any]]:
    """The scope, care, away and role conditions: a common one is tested on each household in order, a rare one
    is an index-backed set of households."""
    where, params = ["h.deleted = 0"], {"group": listing.group_id, "grid": listing.grid_id,
                                        "care": listing.care.value if listing.care else None, "role": listing.role,
                                        "day": (listing.on_date or date.today()).isoformat()}
    where += ["h.group_id = :group"] if listing.group_id else []
    where += ["h.grid_id = :grid"] if listing.grid_id else []
    if listing.care is CareLevel.GREEN:  # most households
        where.append("+h.care_level = :care")
    elif listing.care:  # the few the village cares for: through idx_households_care
        where.append("h.id IN (SELECT id FROM households WHERE care_level = :care AND deleted = 0)")
    if listing.away_only:
        where.append("h.id IN (SELECT household_id FROM villagers WHERE away <> 0 AND deleted = 0 "
                     "AND status = 'active')")
    if listing.role == RoleCode.PARTY_MEMBER.value:  # a household in four or so
        where.append("EXISTS (SELECT 1 FROM villagers v WHERE v.household_id = h.id AND v.deleted = 0 AND "
                     f"{_ACTIVE_ON} AND (v.political_status IN ('中共党员', '中共预备党员') OR v.id IN ("
                     f"SELECT villager_id FROM ({_role_holders()}))))")
    elif listing.role:
        where.append(f"h.id IN ({_role_households(listing.role)})")
    return where, params


def _search_condition(db: Database, plan: SearchPlan) -> str:
    """Through the index when it hands over few households; else by testing each household in order."""
    if plan.parts is not None:
        found: int = db.conn.execute(plan.probe_sql(PROBE), plan.params | plan.part_params()).fetchone()[0]
        if found <= PROBE:
            return f"h.id IN ({plan.household_ids_sql()})"
    return plan.exists_sql()


def _role_holders() -> str:
    """Who holds :role on :day by a role record."""
    return ("SELECT villager_id FROM villager_roles WHERE role = :role AND deleted = 0 "
            "AND (start_date IS NULL OR start_date <= :day) AND (end_date IS NULL OR end_date >= :day)")


def _role_households(role: str) -> str:
    """Households with someone active on :day holding :role that day (as RegistryQueries.people_with_role)."""
    parts = [f"SELECT v.household_id FROM villagers v WHERE v.id IN ({_role_holders()}) AND v.deleted = 0 "
             f"AND {_ACTIVE_ON}"]
    if role == RoleCode.GRID_LEADER.value:
        parts.append("SELECT v.household_id FROM grids g JOIN villagers v ON v.id = g.leader_id "
                     f"WHERE g.deleted = 0 AND v.deleted = 0 AND {_ACTIVE_ON}")
    return " UNION ".join(parts)
