"""A template's copy is opened as the app opens a database: the same connection settings, node and rows."""
from __future__ import annotations

from pathlib import Path

from storage.core.db import Database, connect, set_durable_pragmas
from storage.core.node import load_node_id

PRAGMAS = ("busy_timeout", "foreign_keys", "journal_mode", "synchronous")


def _settings(database: Database) -> dict[str, object]:
    return {name: database.conn.execute(f"PRAGMA {name}").fetchone()[0] for name in PRAGMAS}


def test_a_copy_is_connected_as_connect_and_the_durable_pragmas_leave_it(village_db: Database) -> None:
    assert village_db.path is not None
    opened = connect(village_db.path, village_db.key)
    set_durable_pragmas(opened)
    assert _settings(village_db) == _settings(opened)
    assert _settings(village_db)["journal_mode"] == "wal" and _settings(village_db)["foreign_keys"] == 1
    assert village_db.node_id == load_node_id(opened) != "local"
    assert village_db.conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1
    opened.conn.close()


def test_a_copy_is_its_own_file(village_db: Database, tmp_path: Path) -> None:
    assert village_db.path is not None and village_db.path.parent == tmp_path
    assert (tmp_path / "village.sqlite3.keys").exists() and (tmp_path / "village.sqlite3.keyring").exists()
