"""A new database appears whole or not at all, so a killed first run never leaves a file every command refuses."""
from __future__ import annotations

from pathlib import Path

import pytest

from storage.core import installation as installation
from storage.core.installation import open_database


def test_a_failed_creation_leaves_no_database_and_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "new.sqlite3"

    def fail(db) -> None:
        raise KeyboardInterrupt  # what a user's Ctrl+C during the first run raises

    monkeypatch.setattr(installation.migrations, "apply", fail)
    with pytest.raises(KeyboardInterrupt):
        open_database(path, must_exist=False)
    assert list(tmp_path.iterdir()) == []


def test_a_new_database_is_migrated_before_it_takes_its_name(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = open_database(path, must_exist=False)
    assert path.stat().st_size > 0 and db.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] > 0
    assert sorted(p.name for p in tmp_path.iterdir() if "creating" in p.name) == []
