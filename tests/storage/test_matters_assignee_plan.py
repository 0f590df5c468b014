"""Whom a matter can be assigned to is read from the few posts, not by walking every villager (issue 17: with m095's
index of living villagers and no statistics, SQLite chose the villagers as the outer loop: 0.17 s at 150,000
people on every 群众说事 reload)."""
from __future__ import annotations

from datetime import date

from models.registry.households import RoleCode
from storage.core.db import Database
from storage.matters.directory import _POSTS, SqliteRaiserDirectory


def test_the_posts_are_the_outer_loop(village_db: Database) -> None:
    day, committee = date.today().isoformat(), RoleCode.TWO_COMMITTEES_MEMBER.value
    plan = [row[3] for row in village_db.conn.execute(
        "EXPLAIN QUERY PLAN " + _POSTS,
        [committee, RoleCode.SUPERVISORY_COMMITTEE_MEMBER.value, day, day, committee])]
    assert plan[0] == "SCAN r" and plan[1].startswith("SEARCH v USING INDEX")
    assert SqliteRaiserDirectory(village_db).assignees(date.today())  # the committees at least: the query runs
