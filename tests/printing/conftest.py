"""A demo village database (40 households, rules in two versions, minutes, a revision at step 5) for products."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.db import Database
from storage.core.installation import open_database
from tests.templates import copy_installation


@pytest.fixture(scope="session")
def demo_path(demo_cli_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`demo --households 40`, shared by the product tests of the session."""
    path = tmp_path_factory.mktemp("demo") / "village.sqlite3"
    copy_installation(demo_cli_template, path)
    return path


@pytest.fixture
def demo_db(demo_path: Path) -> Database:
    return open_database(demo_path)


@pytest.fixture
def rulebook_id(demo_db: Database) -> str:
    from storage.rules.store import SqliteRulebookStore
    return SqliteRulebookStore(demo_db, COMMAND_LINE_ACTOR).list_rulebooks()[0].id
