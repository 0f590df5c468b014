"""A demo village database (40 households, rules in two versions, minutes, a revision at step 5) for products."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.db import Database
from storage.core.installation import open_database
from tests.helpers import run_cli


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "village.sqlite3"
    code, _, err = run_cli(["--db", str(path), "demo", "--households", "40"])
    assert code == 0, err
    return path


@pytest.fixture
def demo_db(demo_path: Path) -> Database:
    return open_database(demo_path)


@pytest.fixture
def rulebook_id(demo_db: Database) -> str:
    from storage.rules.store import SqliteRulebookStore
    return SqliteRulebookStore(demo_db, COMMAND_LINE_ACTOR).list_rulebooks()[0].id
