"""Issue 16, encryption at rest: the database and its backups are SQLCipher 4 files under a random key that each
account's password unwraps from `<db>.keyring`."""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Callable

import pytest

from models.core.accounts import Role
from models.core.errors import DomainError
from storage.core.accounts import SqliteAccountStore
from storage.core.backend import SqliteBackend
from storage.core.backups import write_backup
from storage.core.db import Database, DatabaseRefused
from storage.core.installation import open_database
from storage.core.keyring import keyring_file_for, unlock
from storage.demo.b10_installation import DEMO_PASSWORD
from tests.conftest import PASSWORD, admin_of

pytestmark = pytest.mark.cli_login  # real keys: nothing opens a file without its password or key


def _names(db: Database) -> list[str]:
    """Names from the demo that must never be readable in the file: the village, and villagers."""
    villagers = [row[0] for row in db.conn.execute("SELECT name FROM villagers ORDER BY name LIMIT 5")]
    assert villagers
    return ["青石村", *villagers]


def _assert_unreadable(path: Path, names: list[str]) -> None:
    data = path.read_bytes()
    assert not data[:100].startswith(b"SQLite format 3"), path
    for name in names:
        assert name.encode("utf-8") not in data, (path, name)


def test_the_database_and_its_backup_are_not_readable_without_the_key(
        demo_copy: Callable[..., Database], tmp_path: Path) -> None:
    db = demo_copy(tmp_path / "demo.sqlite3", households=20)
    names = _names(db)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.path is not None
    _assert_unreadable(db.path, names)
    backup = write_backup(db, tmp_path / "bk", "manual")
    _assert_unreadable(backup, names)
    assert keyring_file_for(backup).exists()  # any account of the day opens the backup
    assert (backup.stat().st_mode & 0o077) == 0 and (keyring_file_for(db.path).stat().st_mode & 0o077) == 0


def test_without_the_key_the_database_is_refused_in_chinese(village_db: Database) -> None:
    assert village_db.path is not None
    with pytest.raises(DatabaseRefused, match="已加密"):
        open_database(village_db.path)
    with pytest.raises(DatabaseRefused, match="已加密"):
        open_database(village_db.path, key=b"\x01" * 32)


def test_any_account_unwraps_the_key_and_a_wrong_password_does_not(village_db: Database) -> None:
    assert village_db.path is not None and village_db.key is not None
    keyring = keyring_file_for(village_db.path)
    assert unlock(keyring, "admin", PASSWORD) == village_db.key
    SqliteAccountStore(village_db, admin_of(village_db)).create_user("wenshu", "文书", Role.CLERK, "clerk-pass-1")
    assert unlock(keyring, "wenshu", "clerk-pass-1") == village_db.key
    for name, password in (("admin", "wrong-pass"), ("nobody", PASSWORD)):
        with pytest.raises(DomainError, match="用户名或密码不正确"):
            unlock(keyring, name, password)


def test_a_password_change_rewraps_that_account_only(village_db: Database) -> None:
    assert village_db.path is not None
    store = SqliteAccountStore(village_db, admin_of(village_db))
    store.create_user("wenshu", "文书", Role.CLERK, "clerk-pass-1")
    keyring = keyring_file_for(village_db.path)
    before = json.loads(keyring.read_text(encoding="utf-8"))["accounts"]
    store.set_password(admin_of(village_db).user_id, "new-admin-pass")
    after = json.loads(keyring.read_text(encoding="utf-8"))["accounts"]
    assert after["wenshu"] == before["wenshu"] and after["admin"] != before["admin"]
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        unlock(keyring, "admin", PASSWORD)
    assert unlock(keyring, "admin", "new-admin-pass") == village_db.key


def test_a_stopped_account_loses_its_copy(village_db: Database) -> None:
    assert village_db.path is not None
    store = SqliteAccountStore(village_db, admin_of(village_db))
    user_id = store.create_user("wenshu", "文书", Role.CLERK, "clerk-pass-1").id
    store.set_active(user_id, False)
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        unlock(keyring_file_for(village_db.path), "wenshu", "clerk-pass-1")


def test_the_gui_login_opens_the_encrypted_file(village_db: Database) -> None:
    path = village_db.path
    assert path is not None
    village_db.conn.close()
    backend = SqliteBackend(path)
    assert backend.is_initialised() and backend.profile().display_name == "德化乡青石村"  # from the keyring
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        backend.login("admin", "wrong-pass")
    stores = backend.login("admin", PASSWORD)
    assert stores.actor.username == "admin" and backend.db.key is not None
    assert backend.profile().village == "青石村"


def test_a_begun_login_unwraps_the_key_on_a_worker_and_opens_the_file_on_the_caller(
        village_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17's start: the scrypt runs while the GUI thread loads the window; the connection stays on the thread
    that goes on to use it, and a wrong password is refused when the login is finished."""
    from storage.core import keyring
    path = village_db.path
    assert path is not None
    village_db.conn.close()
    threads: list[str] = []
    digest = keyring._digest
    monkeypatch.setattr(keyring, "_digest", lambda *a: (threads.append(threading.current_thread().name), digest(*a))[1])
    refused = SqliteBackend(path).begin_login("admin", "wrong-pass")
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        refused()
    backend = SqliteBackend(path)
    finish = backend.begin_login("admin", PASSWORD)
    stores = finish()
    assert threads == ["xiangyue-unlock", "xiangyue-unlock"]
    assert stores.actor.username == "admin" and backend.db.key is not None
    assert backend.db.conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 1  # usable on this thread


def test_sqlite_utils_works_on_the_encrypted_connection(village_db: Database) -> None:
    sqlite_utils = pytest.importorskip("sqlite_utils")
    on_top = sqlite_utils.Database(village_db.conn)
    assert on_top["users"].count == 1
    on_top["scratch"].insert_all([{"id": 1, "name": "青石村"}])
    assert [row["name"] for row in on_top["scratch"].rows] == ["青石村"]


def test_a_new_database_without_accounts_keeps_its_key_until_the_first_one(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = open_database(path, must_exist=False)
    db.conn.close()
    reopened = open_database(path)  # nothing to protect yet: the keyring holds the key itself
    assert reopened.key == db.key
    from models.core.village import make_profile
    from storage.core.installation import initialise
    initialise(reopened, make_profile("青石村", "德化乡", "黎平县"), "admin", DEMO_PASSWORD)
    assert json.loads(keyring_file_for(path).read_text(encoding="utf-8"))["unclaimed"] == ""
    reopened.conn.close()
    with pytest.raises(DatabaseRefused, match="已加密"):
        open_database(path)


def test_worker_jobs_open_the_file_with_the_session_key(demo_copy: Callable[..., Database], tmp_path: Path) -> None:
    """A sync export on the GUI's worker thread opens a connection of its own: with the session's key."""
    from storage.core.backend import build_stores

    db = demo_copy(tmp_path / "demo.sqlite3", households=20)
    stores = build_stores(db, admin_of(db))
    (tmp_path / "stick").mkdir()
    assert Path(stores.sync.export_job(tmp_path / "stick")().file).exists()
    assert Path(stores.backups.backup_now().id).exists()


def test_a_backup_of_another_pc_restores_with_one_of_its_own_accounts(village_db: Database, tmp_path: Path) -> None:
    from models.core.village import make_profile
    from storage.core.backend import build_stores
    from storage.core.installation import initialise

    other = open_database(tmp_path / "other" / "o.sqlite3", must_exist=False)
    initialise(other, make_profile("红岩村", "德化乡", "黎平县"), "hongyan", "other-pass-1")
    foreign = write_backup(other, tmp_path / "usb")
    service = build_stores(village_db, admin_of(village_db)).backups
    assert service.needs_account(foreign)
    assert not service.needs_account(write_backup(village_db, tmp_path / "own"))
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        service.restore(foreign, ("hongyan", "wrong-pass"))
    with pytest.raises(DatabaseRefused, match="另一个安装"):  # opened, then refused as before without --force
        service.restore(foreign, ("hongyan", "other-pass-1"))


def test_the_gui_login_encrypts_a_database_of_an_earlier_version(tmp_path: Path) -> None:
    import gzip
    import shutil

    from storage.core.db import is_plain

    fixtures = Path(__file__).parent / "fixtures"
    path = tmp_path / "old.sqlite3"
    with gzip.open(fixtures / "291e04d-demo.sqlite3.gz") as source, path.open("wb") as out:
        shutil.copyfileobj(source, out)
    shutil.copyfile(fixtures / "291e04d-demo.sqlite3.keys", tmp_path / "old.sqlite3.keys")
    backend = SqliteBackend(path)
    assert backend.is_initialised() and is_plain(path)
    assert backend.login("admin", DEMO_PASSWORD).actor.username == "admin"
    assert not is_plain(path) and backend.db.key is not None
    accounts = json.loads(keyring_file_for(path).read_text(encoding="utf-8"))["accounts"]
    assert set(accounts) == {"admin", "wenshu", "shuji", "jianwei"}  # every account of the old file opens it
    [safety] = (tmp_path / "backups").glob("xiangyue-pre-encryption-*.sqlite3")
    assert is_plain(safety)
    [migration] = (tmp_path / "backups").glob("xiangyue-pre-migration-*.sqlite3")  # an older copy: encrypted too
    assert not is_plain(migration) and keyring_file_for(migration).exists()
    from storage.core.checks import run_checks
    assert run_checks(backend.db) == []
