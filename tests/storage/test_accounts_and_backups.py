"""Accounts (hashing, lockout, role refusal) and backups (rotation, restore checks)."""
from __future__ import annotations

import sys
from datetime import datetime, timedelta, UTC
from pathlib import Path

import pytest

from models.core.accounts import Actor, Role
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, PermissionDenied
from storage.core import passwords as passwords
from storage.core.accounts import SqliteAccountStore, authenticate
from storage.core.backups import daily_backup_if_due, inspect_backup, list_backups, restore_into, write_backup
from storage.core.db import Database, DatabaseRefused
from storage.core.installation import open_database
from tests.conftest import PASSWORD


def test_passwords_are_hashed_with_salt(village_db: Database, admin: Actor) -> None:
    store = SqliteAccountStore(village_db, admin)
    store.create_user("wenshu", "吴晓梅", Role.CLERK, PASSWORD)
    hashes = [r[0] for r in village_db.conn.execute("SELECT password_hash FROM users")]
    assert all(h.startswith("scrypt$") and PASSWORD not in h for h in hashes)
    assert hashes[0].split("$")[4] != hashes[1].split("$")[4]
    assert authenticate(village_db, "wenshu", PASSWORD).role is Role.CLERK


def test_the_app_hashes_at_the_production_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite hashes cheaply (tests/conftest.py); the app itself keeps scrypt n=2¹⁴, r=8, p=1."""
    assert passwords.PRODUCTION_COST == passwords.ScryptCost(2 ** 14, 8, 1)
    cheap = passwords.hash_password(PASSWORD)
    monkeypatch.setattr(passwords, "_cost", passwords.PRODUCTION_COST)
    stored = passwords.hash_password(PASSWORD)
    assert stored.startswith("scrypt$16384$8$1$") and passwords.verify_password(PASSWORD, stored)
    assert passwords.verify_password(PASSWORD, cheap) and not passwords.verify_password("wrong", cheap)
    monkeypatch.delitem(sys.modules, "pytest")
    with pytest.raises(RuntimeError, match="test suite only"):
        passwords.use_cost_for_tests(passwords.ScryptCost(2, 1, 1))


def test_wrong_password_then_lockout_delay(village_db: Database) -> None:
    now = datetime.now(UTC)
    for _ in range(5):
        with pytest.raises(DomainError, match="不正确"):
            authenticate(village_db, "admin", "wrong-one", now=now)
    with pytest.raises(DomainError, match="秒后再试"):
        authenticate(village_db, "admin", PASSWORD, now=now + timedelta(seconds=5))
    assert authenticate(village_db, "admin", PASSWORD, now=now + timedelta(seconds=31)).username == "admin"
    assert village_db.conn.execute("SELECT failed_attempts FROM users WHERE username='admin'").fetchone()[0] == 0


def test_unknown_user_gets_the_same_message(village_db: Database) -> None:
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        authenticate(village_db, "nobody", PASSWORD)


def test_role_is_enforced_in_the_store_not_only_the_screen(village_db: Database, admin: Actor) -> None:
    accounts = SqliteAccountStore(village_db, admin)
    added = accounts.create_user("wenshu", "吴晓梅", Role.CLERK, PASSWORD)
    assert added == Changed.one(Entity.USER, added.id)
    clerk = accounts.user(added.id)
    as_clerk = SqliteAccountStore(village_db, clerk.as_actor())
    with pytest.raises(PermissionDenied):
        as_clerk.create_user("x", "x", Role.ADMIN, PASSWORD)
    with pytest.raises(PermissionDenied):
        as_clerk.set_password(admin.user_id, "another1")
    assert as_clerk.set_password(clerk.id, "another1") == added  # own password is fine
    assert authenticate(village_db, "wenshu", "another1").id == clerk.id


def test_deactivated_user_cannot_log_in(village_db: Database, admin: Actor) -> None:
    store = SqliteAccountStore(village_db, admin)
    user = store.user(store.create_user("jianwei", "石秀英", Role.SUPERVISOR, PASSWORD).id)
    assert store.set_active(user.id, False) == Changed.one(Entity.USER, user.id)
    with pytest.raises(DomainError, match="停用"):
        authenticate(village_db, "jianwei", PASSWORD)
    with pytest.raises(DomainError):
        store.set_active(admin.user_id, False)


def test_daily_backup_once_a_day_with_rotation(village_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    assert daily_backup_if_due(village_db, folder) is not None
    assert daily_backup_if_due(village_db, folder) is None
    for days in range(1, 60):  # old backups from earlier days, then prune
        stamp = (datetime.now() - timedelta(days=days)).strftime("%Y%m%d-090000")
        (folder / f"xiangyue-auto-{stamp}.sqlite3").write_bytes(b"")
    (folder / "xiangyue-auto-20200101-090000.sqlite3").write_bytes(b"")
    from storage.core.backups import prune
    prune(folder)
    assert 7 <= len(list_backups(folder)) <= 23


def test_backup_is_a_checked_consistent_copy(village_db: Database, tmp_path: Path) -> None:
    path = write_backup(village_db, tmp_path / "bk")
    assert inspect_backup(path, village_db.key) == village_db.node_id


def test_restore_refuses_damaged_and_foreign_files(village_db: Database, admin: Actor, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"x" * 4096)
    with pytest.raises(DatabaseRefused):
        restore_into(village_db, junk, admin)
    other = open_database(tmp_path / "other" / "o.sqlite3", must_exist=False)
    from models.core.village import make_profile
    from storage.core.installation import initialise
    initialise(other, make_profile("红岩村", "德化乡", "黎平县"), "admin", PASSWORD)
    foreign = write_backup(other, tmp_path / "obk")
    with pytest.raises(DatabaseRefused, match="已加密"):
        restore_into(village_db, foreign, admin)  # another installation's key
    with pytest.raises(DatabaseRefused, match="另一个安装"):
        restore_into(village_db, foreign, admin, source_key=other.key)


def test_restore_brings_back_old_content_with_a_new_epoch(village_db: Database, admin: Actor, tmp_path: Path) -> None:
    backup = write_backup(village_db, tmp_path / "bk")
    epoch = village_db.conn.execute("SELECT epoch FROM node").fetchone()[0]
    SqliteAccountStore(village_db, admin).create_user("later", "后来的人", Role.CLERK, PASSWORD)
    safety = restore_into(village_db, backup, admin)
    assert safety is not None and safety.exists()
    assert village_db.conn.execute("SELECT count(*) FROM users WHERE username='later'").fetchone()[0] == 0
    assert village_db.conn.execute("SELECT epoch FROM node").fetchone()[0] != epoch
    from storage.core.checks import run_checks
    assert run_checks(village_db) == []


def test_clock_set_back_never_extends_the_delay(village_db: Database) -> None:
    ahead = datetime.now(UTC) + timedelta(days=365)
    for _ in range(5):
        with pytest.raises(DomainError):
            authenticate(village_db, "admin", "wrong-one", now=ahead)
    with pytest.raises(DomainError, match="请 30 秒后再试"):
        authenticate(village_db, "admin", PASSWORD)


def test_backup_path_with_hash_and_percent_is_copied_whole(tmp_path: Path) -> None:
    from models.core.village import make_profile
    from storage.core.backups import write_backup_of_file
    from storage.core.installation import initialise
    folder = tmp_path / "村委会#2 %41"
    db = open_database(folder / "v.sqlite3", must_exist=False)
    initialise(db, make_profile("青石村", "德化乡", "黎平县"), "admin", PASSWORD)
    copy = write_backup_of_file(folder / "v.sqlite3", tmp_path / "bk", key=db.key)
    assert inspect_backup(copy, db.key) == db.node_id
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bk", "村委会#2 %41"]


def test_a_backup_says_which_file_it_wrote(village_db: Database, admin: Actor) -> None:
    from storage.core.backend import SqliteBackupService

    made = SqliteBackupService(village_db, admin).backup_now()
    assert made.entity == Entity.BACKUP and Path(made.id).is_file()
