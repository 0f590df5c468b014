"""Demo: 网格关怀 of 青石村 — each grid's 网格员, every household's grid by date and its three contact people, a
rating with a reason for every 关心户/连心户 the registry marked, and a year of visits, some of them overdue."""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from models.care.care import CareSettings, ReasonClass
from storage.core.db import Database
from storage.demo import DemoOptions
from storage.registry.roster_apply import insert_many, stamped, update_many

START = date(2021, 3, 1)  # the grids were drawn when the committees took office (b20's TERM_START)
VISITORS_FINDINGS = ("身体尚好，药品充足", "屋顶有一处漏雨，已请组里帮忙", "孩子学习正常，与外出父母每周通话",
                     "低保材料已帮助递交", "天冷，已送去棉被", "反映路灯不亮", "情绪稳定，邻居常来照看")


def build(db: Database, rng: random.Random, options: DemoOptions) -> None:
    if db.conn.execute("SELECT 1 FROM care_contacts LIMIT 1").fetchone():
        options.counts.update(care_contacts=0, care_levels=0, care_visits=0)
        return
    households = db.conn.execute("SELECT id, grid_id, head_id, care_level FROM households WHERE deleted = 0 "
                                 "AND grid_id IS NOT NULL ORDER BY household_no").fetchall()
    grids = dict(db.conn.execute("SELECT id, leader_id FROM grids WHERE deleted = 0").fetchall())
    update_many(db, "grids", {grid_id: {"member_id": leader} for grid_id, leader in grids.items() if leader})
    insert_many(db, "grid_member_terms", [stamped(db, {"grid_id": grid_id, "member_id": leader, "start_date":
                                                       START.isoformat(), "end_date": None})
                                          for grid_id, leader in grids.items() if leader])
    insert_many(db, "grid_assignments", [stamped(db, {"household_id": h[0], "grid_id": h[1], "start_date":
                                                      START.isoformat(), "end_date": None}) for h in households])
    contacts = _contacts(db, rng, households, grids)
    levels, visits = _levels_and_visits(db, rng, households, date.today())
    options.counts.update(care_contacts=contacts, care_levels=levels, care_visits=visits)


def _pools(db: Database) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Party members and representatives living in each grid."""
    party: dict[str, list[str]] = {}
    deputies: dict[str, list[str]] = {}
    rows = db.conn.execute(
        "SELECT h.grid_id, v.id, v.political_status, EXISTS(SELECT 1 FROM villager_roles r WHERE r.villager_id = v.id "
        "AND r.role = 'representative' AND r.deleted = 0) FROM villagers v JOIN households h ON h.id = v.household_id "
        "WHERE v.deleted = 0 AND v.status = 'active' AND h.grid_id IS NOT NULL ORDER BY v.id")
    for grid_id, villager_id, status, deputy in rows:
        if status == "中共党员":
            party.setdefault(grid_id, []).append(villager_id)
        if deputy:
            deputies.setdefault(grid_id, []).append(villager_id)
    return party, deputies


def _contacts(db: Database, rng: random.Random, households: list[Any], grids: dict[str, str]) -> int:
    party, deputies = _pools(db)
    every_party = sorted(v for pool in party.values() for v in pool)
    every_deputy = sorted(v for pool in deputies.values() for v in pool)
    rows: list[dict[str, Any]] = []
    for household_id, grid_id, head_id, _level in households:
        chosen = {"party": rng.choice(party.get(grid_id) or every_party or [head_id]),
                  "deputy": rng.choice(deputies.get(grid_id) or every_deputy or [head_id]),
                  "cluster_head": grids.get(grid_id) or head_id}
        for line, villager_id in chosen.items():
            if villager_id:
                rows.append(stamped(db, {"household_id": household_id, "line": line, "villager_id": villager_id,
                                         "start_date": START.isoformat(), "end_date": None}))
    insert_many(db, "care_contacts", rows)
    return len(rows)


def _levels_and_visits(db: Database, rng: random.Random, households: list[Any], today: date) -> tuple[int, int]:
    settings = CareSettings()
    levels: list[dict[str, Any]] = []
    visits: list[dict[str, Any]] = []
    reasons = list(ReasonClass)
    for household_id, _grid, _head, level in households:
        if level == "green":
            continue
        rated = today - timedelta(days=rng.randint(200, 400))
        levels.append(stamped(db, {"household_id": household_id, "level": level,
                                   "reason_class": rng.choice(reasons).value, "reason_note": "",
                                   "review_date": (rated + timedelta(days=365)).isoformat(),
                                   "decided_by": "村两委会议", "start_date": rated.isoformat()}))
        interval = settings.red_days if level == "red" else settings.yellow_days
        day = rated + timedelta(days=rng.randint(5, interval))
        late = rng.random() < 0.25  # about one in four is behind with its visits
        stop = today - timedelta(days=interval + rng.randint(5, 40)) if late else today
        while day <= stop:
            visits.append(stamped(db, {"household_id": household_id, "visitor": "网格员",
                                       "visit_date": day.isoformat(), "findings": rng.choice(VISITORS_FINDINGS),
                                       "matter_id": ""}))
            day += timedelta(days=rng.randint(max(1, interval - 10), interval))
    if levels:  # whatever the draws, one household is behind
        visits = _one_behind(visits, levels[0]["household_id"], today - timedelta(days=settings.yellow_days + 20))
    insert_many(db, "care_levels", levels)
    insert_many(db, "care_visits", visits)
    return len(levels), len(visits)


def _one_behind(visits: list[dict[str, Any]], household_id: str, before: date) -> list[dict[str, Any]]:
    """The demo shows every state whatever the seed and the day: the first rated household is behind (its visits
    after `before` dropped), besides those the draws made late."""
    return [v for v in visits if v["household_id"] != household_id or v["visit_date"] < before.isoformat()]
