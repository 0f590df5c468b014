"""Item 11: backup permission, login timing for unknown names, owner-only files (row ids and T- nodes: see
test_hostile_refusals.py and test_hostile_paths.py)."""
from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR, Actor, PermissionDenied, Role
from models.core.errors import DomainError
from storage.core import accounts as accounts_module
from storage.core.backend import SqliteBackupService
from tests.helpers import run_cli
from tests.sync.conftest import Pair, export, write_notes

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="mode bits are a POSIX matter")


def test_a_supervisor_cannot_write_a_backup(pair: Pair) -> None:
    supervisor = Actor("s1", "督查", Role.SUPERVISOR, "s")
    with pytest.raises(PermissionDenied):
        SqliteBackupService(pair.village, supervisor).backup_now()
    with pytest.raises(DomainError):
        SqliteBackupService(pair.village, None).backup_now()
    assert Path(SqliteBackupService(pair.village, COMMAND_LINE_ACTOR).backup_now().id).is_file()


def test_an_unknown_name_costs_a_password_check(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []
    real = accounts_module.verify_password
    monkeypatch.setattr(accounts_module, "verify_password", lambda pw, stored: checked.append(stored) or real(pw, stored))
    with pytest.raises(DomainError):
        accounts_module.authenticate(pair.village, "nobody", "wrong-password")
    with pytest.raises(DomainError):
        accounts_module.authenticate(pair.village, "admin", "wrong-password")
    assert len(checked) == 2 and all(stored.startswith("scrypt$") for stored in checked)
    assert checked[0].split("$")[1:4] == checked[1].split("$")[1:4]  # the same cost for both


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


@posix_only
def test_database_backups_exports_and_bundles_are_owner_only(pair: Pair, tmp_path: Path) -> None:
    db = tmp_path / "new" / "x.db"
    assert run_cli(["--db", str(db), "demo", "--households", "2"])[0] == 0
    assert run_cli(["--db", str(db), "backup", "--to", str(tmp_path / "bk")])[0] == 0
    assert run_cli(["--db", str(db), "roster", "export", str(tmp_path / "r.csv")])[0] == 0
    assert run_cli(["--db", str(db), "roster", "export", str(tmp_path / "r.xlsx")])[0] == 0
    write_notes(pair.village, 1)
    bundle = export(pair.village, pair.stick)
    files = [db, *(tmp_path / "bk").glob("*.sqlite3"), tmp_path / "r.csv", tmp_path / "r.xlsx", bundle,
             *Path(str(pair.village.path) + ".outbox").glob("*.xybundle")]
    files += [p for p in db.parent.glob("x.db-*") if p.is_file()]
    assert len(files) >= 6 and [f.name for f in files if not _private(f)] == []


@posix_only
def test_an_old_world_readable_database_is_tightened_on_open(tmp_path: Path) -> None:
    import os
    db = tmp_path / "old.db"
    assert run_cli(["--db", str(db), "demo", "--households", "2"])[0] == 0
    os.chmod(db, 0o644)
    run_cli(["--db", str(db), "check"])
    assert _private(db)
