"""Demo: the registry of 青石村 — 6 groups, grids of 20–30 households, roles, people living away."""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from models.core.accounts import Actor, Role
from models.core.ids import new_id
from models.registry.households import RoleCode
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.demo import DemoOptions
from storage.demo.village_people import REFERENCE, VillageGenerator
from storage.registry.roster_apply import apply_rows, insert_many, stamped, update_many

DEMO_ACTOR = Actor("demo", "演示数据", Role.ADMIN)
TERM_START = date(2021, 3, 1)  # the last general election of village committees in Guizhou
AWAY_PLACES = ("广东东莞", "广东深圳", "浙江宁波", "浙江义乌", "福建厦门", "江苏苏州", "贵阳", "凯里", "黎平县城")
COMMITTEE_POSTS = ("党支部书记、村委会主任", "党支部副书记", "村委会副主任", "村委委员", "村委委员（文书）")


def build(db: Database, rng: random.Random, options: DemoOptions) -> None:
    if db.conn.execute("SELECT 1 FROM villagers LIMIT 1").fetchone():
        options.counts.update(households=0, villagers=0, grids=0, roles=0)
        return
    rows = VillageGenerator(rng).roster(options.households)
    summary = apply_rows(db, DEMO_ACTOR, rows, [], "演示村花名册")
    with db.atomic():
        grids = _grids_and_care(db, rng)
        _away_and_departures(db, rng)
        roles = _roles(db, rng, options.households)
        append_audit(db, DEMO_ACTOR, "create", "villager_roles", new_id(),
                     f"演示数据：网格 {grids} 个，身份 {roles} 项")
    options.counts.update(households=summary.households, villagers=summary.people, grids=grids, roles=roles)


def _grids_and_care(db: Database, rng: random.Random) -> int:
    households = db.conn.execute(
        "SELECT h.id, h.group_id, h.head_id, g.name FROM households h JOIN village_groups g ON g.id = h.group_id "
        "ORDER BY h.household_no").fetchall()
    by_group: dict[str, list[Any]] = {}
    for row in households:
        by_group.setdefault(row[1], []).append(row)
    grids: list[dict[str, Any]] = []
    changes: dict[str, dict[str, Any]] = {}
    for group_id, members in by_group.items():
        for number, chunk in enumerate(_chunks(members, rng), start=1):
            leader = rng.choice(chunk)[2]
            grid = stamped(db, {"group_id": group_id, "name": f"{chunk[0][3]}第{number}网格", "leader_id": leader})
            grids.append(grid)
            for house_no, (uid, _, _, group_name) in enumerate(chunk, start=1):
                care = rng.choices(("green", "yellow", "red"), (80, 15, 5))[0]
                changes[uid] = {"grid_id": grid["id"], "care_level": care,
                                "address": f"{group_name}{number}片{house_no}号"}
    insert_many(db, "grids", grids)
    update_many(db, "households", changes)
    return len(grids)


def _chunks(members: list[Any], rng: random.Random) -> list[list[Any]]:
    chunks: list[list[Any]] = []
    start = 0
    while start < len(members):
        size = rng.randint(20, 30)
        rest = len(members) - start - size
        if 0 < rest < 20:  # never leave a tail grid of fewer than 20 when it can be spread
            size = len(members) - start if size + rest <= 30 else (len(members) - start) // 2
        chunks.append(members[start:start + size])
        start += size
    return chunks


def _away_and_departures(db: Database, rng: random.Random) -> None:
    changes: dict[str, dict[str, Any]] = {}
    for uid, born, relation in db.conn.execute("SELECT id, birth_date, relation FROM villagers"):
        age = (REFERENCE - date.fromisoformat(born)).days // 365
        if 18 <= age <= 50 and rng.random() < 0.3:
            changes[uid] = {"away": 1, "away_place": rng.choice(AWAY_PLACES)}
        elif age >= 75 and relation != "户主" and rng.random() < 0.15:
            changes[uid] = {"status": "deceased", "status_date": _recent(rng)}
        elif 20 <= age <= 35 and relation != "户主" and rng.random() < 0.03:
            changes[uid] = {"status": "moved_out", "status_date": _recent(rng)}
    update_many(db, "villagers", changes)


def _recent(rng: random.Random) -> str:
    return (REFERENCE - timedelta(days=rng.randint(30, 700))).isoformat()


def _roles(db: Database, rng: random.Random, households: int) -> int:
    people = db.conn.execute(
        "SELECT id, gender, birth_date, political_status, away FROM villagers WHERE status = 'active' ORDER BY id"
    ).fetchall()
    ages = {p[0]: (REFERENCE - date.fromisoformat(p[2])).days // 365 for p in people}
    home = [p for p in people if not p[4] and 30 <= ages[p[0]] <= 65]
    taken: set[str] = set()
    holdings: list[dict[str, Any]] = []

    def pick(pool: list[Any], count: int, role: str, posts: tuple[str, ...] = ("",)) -> None:
        free = [p for p in pool if p[0] not in taken]
        for index, person in enumerate(rng.sample(free, min(count, len(free)))):
            taken.add(person[0])
            holdings.append(stamped(db, {"villager_id": person[0], "role": role, "post": posts[index % len(posts)],
                                         "start_date": TERM_START.isoformat(), "end_date": None}))

    party_home = [p for p in home if p[3] == "中共党员"]
    pick(party_home or home, len(COMMITTEE_POSTS), RoleCode.TWO_COMMITTEES_MEMBER, COMMITTEE_POSTS)
    pick([p for p in home if p[1] == "female"], 1, RoleCode.TWO_COMMITTEES_MEMBER, ("村委委员（妇女主任）",))
    pick(home, 3, RoleCode.SUPERVISORY_COMMITTEE_MEMBER, ("监委会主任", "监委会委员"))
    representatives = max(5, households // 12)
    pick([p for p in home if p[1] == "female"], representatives // 3, RoleCode.REPRESENTATIVE)
    pick([p for p in home if p[1] == "male"], representatives - representatives // 3, RoleCode.REPRESENTATIVE)
    elders = [p for p in people if p[1] == "male" and ages[p[0]] >= 65 and not p[4]]
    pick(elders, max(3, households // 40), RoleCode.ELDER)
    pick(elders, max(2, households // 60), RoleCode.CLAN_HEAD)
    pick(elders, max(2, households // 100), RoleCode.DRUM_TOWER_HEAD)
    pick([p for p in people if p[3] == "中共党员" and ages[p[0]] >= 65], max(2, households // 50),
         RoleCode.VETERAN_PARTY_MEMBER)
    pick([p for p in people if ages[p[0]] >= 60], 2, RoleCode.VETERAN_CADRE)
    pick([p for p in people if p[4] and ages[p[0]] >= 35], 2, RoleCode.NOTABLE)
    leaders = {r[0] for r in db.conn.execute("SELECT leader_id FROM grids WHERE leader_id IS NOT NULL")}
    taken |= leaders  # grid leaders (grids.leader_id) are found by people_with_role(GRID_LEADER)
    pick(home, max(2, households // 10), RoleCode.CLUSTER_HEAD)  # 中心户长: one per about ten households
    insert_many(db, "villager_roles", holdings)
    return len(holdings)
