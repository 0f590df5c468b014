"""Shared fixtures: offscreen Qt, migrated databases, the demo installation."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from models.accounts import Actor, Role  # noqa: E402
from models.village import make_profile  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.installation import initialise, open_database, open_memory_database  # noqa: E402

PASSWORD = "secret123"


@pytest.fixture
def db() -> Database:
    """In-memory database, all migrations applied, not yet initialised."""
    return open_memory_database()


@pytest.fixture
def village_db(tmp_path: Path) -> Database:
    """A real file database set up as 青石村 with administrator `admin`."""
    database = open_database(tmp_path / "village.sqlite3", must_exist=False)
    initialise(database, make_profile("青石村", "德化乡", "黎平县", "522631101201"), "admin", PASSWORD, "李文书")
    return database


@pytest.fixture
def admin(village_db: Database) -> Actor:
    row = village_db.conn.execute("SELECT id, display_name FROM users WHERE username = 'admin'").fetchone()
    return Actor(row[0], row[1], Role.ADMIN)


@pytest.fixture(autouse=True, scope="session")
def _font_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The font scan's cache goes to a temporary folder, never the user's cache dir."""
    os.environ.setdefault("XIANGYUE_FONT_CACHE", str(tmp_path_factory.mktemp("fonts") / "fonts.json"))
