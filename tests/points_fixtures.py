"""The demo village (40 households) with its adopted points scheme, and the points stores of two clerks."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from models.core.accounts import Actor, Role
from storage.core.backend import SqliteStores, build_stores
from storage.core.db import Database

FUTURE = "2027-06"  # a month the demo's year of entries never reaches: caps start from nothing


@dataclass(frozen=True)
class Village:
    db: Database
    path: Path
    clerk: SqliteStores    # wenshu, who records
    checker: SqliteStores  # shuji, who confirms


def _actor(db: Database, username: str, role: Role) -> Actor:
    row = db.conn.execute("SELECT id, display_name FROM users WHERE username = ?", (username,)).fetchone()
    return Actor(row[0], row[1], role)


@pytest.fixture
def village(demo_copy: Callable[..., Database], tmp_path: Path) -> Village:
    path = tmp_path / "points.sqlite3"
    db = demo_copy(path, households=40)
    return Village(db, path, build_stores(db, _actor(db, "wenshu", Role.CLERK)),
                   build_stores(db, _actor(db, "shuji", Role.APPROVER)))
