"""A paired village and township on real files, with a synced notes table on both sides."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.sync.bundles import ImportResult
from models.core.village import Mode, make_profile
from storage.core.db import Database
from storage.core.installation import initialise, open_database
from storage.sync.export import export_bundle
from storage.sync.importer import import_bundle
from storage.sync.keys import my_identity, trust_peer
from storage.core.tracking import create_synced_table, insert_synced, update_synced
from tests.templates import close_template, open_copy
from storage.core.backend import township_returns

PASSWORD = "secret123"


@dataclass
class Pair:
    village: Database
    township: Database
    stick: Path


def make_node(path: Path, mode: Mode, village: str = "青石村") -> Database:
    db = open_database(path, must_exist=False)
    name = village if mode is Mode.VILLAGE else ""
    initialise(db, make_profile(name, "德化乡", "黎平县", mode=mode), "admin", PASSWORD)
    with db.atomic():
        create_synced_table(db, "notes", "title TEXT NOT NULL, body TEXT NOT NULL DEFAULT ''")
    return db


_templates: dict[str, Path] = {}


def _built(factory: pytest.TempPathFactory, key: str, build: Callable[[Path], None]) -> Path:
    """The folder `build` filled once in this session (per xdist worker)."""
    if key not in _templates:
        folder = factory.mktemp(f"{key}-template")
        build(folder)
        _templates[key] = folder
    return _templates[key]


def copied_node(factory: pytest.TempPathFactory, path: Path, mode: Mode) -> Database:
    """`make_node(path, mode)`, built once per session and copied: the same node in every test that uses it,
    so one test may hold one copy per mode (a second node of a mode is made with `make_node`)."""
    folder = _built(factory, mode.value, lambda f: close_template(make_node(f / "node.sqlite3", mode)))
    return open_copy(folder / "node.sqlite3", path)


def pair_up(a: Database, b: Database) -> None:
    trust_peer(a, my_identity(b))
    trust_peer(b, my_identity(a))


def _build_pair(folder: Path) -> None:
    village, township = make_node(folder / "v.sqlite3", Mode.VILLAGE), make_node(folder / "t.sqlite3", Mode.TOWNSHIP)
    pair_up(village, township)
    close_template(village)
    close_template(township)


@pytest.fixture
def pair(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """A village and its township that trust each other's keys (a copy of a pair paired once per session)."""
    folder = _built(tmp_path_factory, "pair", _build_pair)
    village = open_copy(folder / "v.sqlite3", tmp_path / "village" / "v.sqlite3")
    township = open_copy(folder / "t.sqlite3", tmp_path / "township" / "t.sqlite3")
    stick = tmp_path / "stick"
    stick.mkdir()
    return Pair(village, township, stick)


def write_notes(db: Database, count: int, prefix: str = "议题") -> list[str]:
    with db.atomic():
        return [insert_synced(db, "notes", {"title": f"{prefix}{i}", "body": "修路、饮水、垃圾分类"})["id"]
                for i in range(count)]


def edit_note(db: Database, row_id: str, title: str) -> None:
    with db.atomic():
        update_synced(db, "notes", row_id, {"title": title})


def export(db: Database, stick: Path, **options: object) -> Path:
    return Path(export_bundle(db, stick, COMMAND_LINE_ACTOR, **options).file)  # type: ignore[arg-type]


def import_(db: Database, bundle: Path) -> ImportResult:
    return import_bundle(db, bundle, COMMAND_LINE_ACTOR, township_returns)


def notes(db: Database) -> list[tuple[str, str, str]]:
    return db.conn.execute("SELECT id, title, hlc FROM notes ORDER BY id").fetchall()


def state(db: Database) -> str:
    """A digest of every row of every table: equal digests mean nothing was written."""
    digest = hashlib.sha256()
    tables = [r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        # Full-text search shadow tables may have no rowid: order by every column instead.
        for row in sorted(db.conn.execute(f"SELECT * FROM {table}"), key=repr):
            digest.update(repr(row).encode("utf-8"))
    return digest.hexdigest()


def received_audit(db: Database, origins: tuple[str, ...], count: int) -> None:
    """`count` audit entries from each of `origins` as their bundles leave them in `sync_peer_audit`, their times
    interleaved and, between origins, tied on (time, seq): the order a page of the peers' audit must settle."""
    with db.atomic():
        db.executemany(
            "INSERT INTO sync_peer_audit(origin, epoch, seq, id, at, actor_id, actor_name, action, table_name, "
            "row_id, summary, previous_hash, hash) VALUES(?, 'e', ?, ?, ?, 'u', '文书', 'insert', 'notes', ?, ?, "
            "'', ?)",
            [(origin, seq, f"{origin}-{seq}", f"2026-{1 + seq // 300:02d}-{1 + seq % 28:02d}T08:{seq % 60:02d}:00",
              f"r{seq}", f"议题{seq}", f"h{origin}{seq}") for origin in origins for seq in range(1, count + 1)])
