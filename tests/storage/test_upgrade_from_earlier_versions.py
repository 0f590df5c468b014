"""Databases made by every earlier landed version upgrade to the schema and ledger of a fresh database.

The files in fixtures/ were made by those versions' own code (fixtures/build.sh): `init` of a village and of a
township, and a small `demo` village with rows in every area's tables.
"""
from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest

from storage.core.checks import run_checks
from storage.core.db import Database
from storage.core.installation import open_database
from storage.migrations import LEDGER

FIXTURES = Path(__file__).parent / "fixtures"
DATABASES = sorted(p.name for p in FIXTURES.iterdir() if p.name.endswith((".sqlite3", ".sqlite3.gz")))


def _normalised(sql: str | None) -> str:
    """SQL as SQLite keeps it, without the spacing and quoting differences that ALTER TABLE RENAME leaves."""
    if sql is None:
        return ""
    return re.sub(r"\s+", " ", sql.replace('"', "")).replace("( ", "(").replace(" )", ")").strip()


def _schema(db: Database) -> set[tuple[str, str, str, str]]:
    rows = db.conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return {(kind, name, table, _normalised(sql)) for kind, name, table, sql in rows}


def _ledger(db: Database) -> list[str]:
    return [row[0] for row in db.conn.execute("SELECT name FROM schema_migrations ORDER BY rowid")]


def _copy(name: str, folder: Path) -> Path:
    """The fixture (unzipped) and its key file, copied: a test never changes the files under fixtures/."""
    target = folder / name.removesuffix(".gz")
    if name.endswith(".gz"):
        with gzip.open(FIXTURES / name) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
    else:
        shutil.copyfile(FIXTURES / name, target)
    shutil.copyfile(FIXTURES / f"{target.name}.keys", folder / f"{target.name}.keys")
    return target


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Database:
    return open_database(tmp_path_factory.mktemp("fresh") / "fresh.sqlite3", must_exist=False)


def test_the_fixtures_cover_every_landed_version() -> None:
    """5517854 and 4e7886f: the first landed stop (before and after its gap merges), 291e04d: the second, 66bda18:
    main when the ledger came. The fixtures stay small, as the brief of issue 15 asks."""
    assert {name.split("-")[0] for name in DATABASES} == {"5517854", "4e7886f", "291e04d", "66bda18"}
    assert all((FIXTURES / name).stat().st_size < 1_300_000 for name in DATABASES)


@pytest.mark.parametrize("name", DATABASES)
def test_an_earlier_database_upgrades_to_the_fresh_schema_and_ledger(name: str, fresh: Database,
                                                                      tmp_path: Path) -> None:
    path = _copy(name, tmp_path)
    before = _ledger(Database(path))
    assert before and set(before) <= {fn.__name__ for fn in LEDGER}
    db = open_database(path)
    assert _schema(db) == _schema(fresh)
    assert sorted(_ledger(db)) == sorted(_ledger(fresh)) == sorted(fn.__name__ for fn in LEDGER)
    # The steps the old version lacked ran after its own, in ledger order.
    assert _ledger(db) == before + [fn.__name__ for fn in LEDGER if fn.__name__ not in before]
    assert run_checks(db) == []


def test_upgrading_is_done_once(tmp_path: Path) -> None:
    path = _copy("5517854-demo.sqlite3.gz", tmp_path)
    open_database(path).conn.close()
    ledger = _ledger(Database(path))
    assert _ledger(open_database(path)) == ledger
