"""SqliteRaiserDirectory: what 群众说事 reads of the registry — villagers by id or name, households by number (intake),
and whom a matter can be assigned to (cadres, group leaders, grid leaders, committees, the workflow's teams)."""
from __future__ import annotations

from datetime import date

from models.matters.records import Assignee, Raiser, RaiserKind
from models.registry.households import RoleCode
from storage.core.db import Database
from storage.matters.rows import rows

_VILLAGER = ("SELECT v.id, v.name, COALESCE(g.name, '') AS grp, h.household_no FROM villagers v "
             "JOIN households h ON h.id = v.household_id LEFT JOIN village_groups g ON g.id = h.group_id "
             "WHERE v.deleted = 0 AND v.status = 'active' AND ")


# Holders of a post on a day: the two committees' and the supervisory committee's members, and anyone whose post
# names a group leader (村民小组长), cadres first. CROSS JOIN keeps the few posts the outer loop: without statistics
# SQLite otherwise walks every living villager (m095's index) to look their posts up: 0.17 s at 150,000 people.
_POSTS = ("SELECT r.post, v.name, r.role FROM villager_roles r CROSS JOIN villagers v ON v.id = r.villager_id "
          "WHERE r.deleted = 0 AND v.deleted = 0 AND v.status = 'active' AND (r.role IN (?, ?) OR r.post LIKE '%组长%') "
          "AND (r.start_date IS NULL OR r.start_date <= ?) AND (r.end_date IS NULL OR r.end_date >= ?) "
          "ORDER BY r.role <> ?, r.role, r.post, v.name")
_GRIDS = ("SELECT g.name AS grid, v.name FROM grids g JOIN villagers v ON v.id = g.leader_id "
          "WHERE g.deleted = 0 AND v.deleted = 0 ORDER BY g.name")
COMMITTEES = ("村民委员会", "村务监督委员会", "人民调解委员会")


class SqliteRaiserDirectory:
    """Implements models.matters.ports.RaiserDirectory (read-only)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def villagers_named(self, key: str) -> list[Raiser]:
        found = rows(self._db, _VILLAGER + "v.id = ?", [key.strip()]) or rows(
            self._db, _VILLAGER + "v.name = ? ORDER BY h.household_no", [key.strip()])
        return [Raiser(RaiserKind.VILLAGER, r["id"], r["name"], r["grp"], household_no=r["household_no"]) for r in found]

    def household(self, number: str) -> Raiser | None:
        found = rows(self._db, "SELECT h.id, h.household_no, COALESCE(v.name, '') AS head, "
                               "COALESCE(g.name, '') AS grp FROM households h LEFT JOIN villagers v ON v.id = h.head_id "
                               "LEFT JOIN village_groups g ON g.id = h.group_id WHERE h.deleted = 0 AND "
                               "(h.household_no = ? OR h.id = ?)", [number.strip(), number.strip()])
        if not found:
            return None
        r = found[0]
        return Raiser(RaiserKind.HOUSEHOLD, r["id"], f"{r['head']}户" if r["head"] else r["household_no"], r["grp"])

    def assignees(self, on: date) -> list[Assignee]:
        day, committee = on.isoformat(), RoleCode.TWO_COMMITTEES_MEMBER.value
        posts = rows(self._db, _POSTS, [committee, RoleCode.SUPERVISORY_COMMITTEE_MEMBER.value, day, day, committee])
        found = [Assignee(f"{r['post'] or '两委成员'}{r['name']}", r["name"],
                          "组长" if "组长" in r["post"] and r["role"] != committee else "干部") for r in posts]
        found += [Assignee(f"{r['grid']}网格员{r['name']}", r["name"], "网格员") for r in rows(self._db, _GRIDS)]
        found += [Assignee(name, name, "委员会") for name in COMMITTEES]
        teams = rows(self._db, "SELECT DISTINCT name FROM workflow_teams WHERE deleted = 0 ORDER BY name")
        found += [Assignee(r["name"], r["name"], "队伍") for r in teams if r["name"] not in COMMITTEES]
        unique: dict[str, Assignee] = {}
        for assignee in found:  # one person may hold a post and lead a grid: each label once, the first kept
            unique.setdefault(assignee.label, assignee)
        return list(unique.values())
