"""Issue 16, encryption at rest, from the command line: logins unwrap the key, `key export` gives SQLCipher tools
the raw key, backups restore on a new path, and a database of an earlier version is encrypted at its first login."""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from storage.core.db import is_plain
from storage.demo.b10_installation import DEMO_PASSWORD
from tests.helpers import run_cli
from tests.templates import copy_installation

pytestmark = pytest.mark.cli_login

FIXTURES = Path(__file__).parent.parent / "storage" / "fixtures"


@pytest.fixture
def demo(demo_cli_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "village.sqlite3"
    copy_installation(demo_cli_template, path)
    monkeypatch.setenv("XIANGYUE_USER", "admin")
    monkeypatch.setenv("XIANGYUE_PASSWORD", DEMO_PASSWORD)
    return path


def test_a_wrong_password_cannot_open_the_database(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XIANGYUE_PASSWORD", "not-the-password")
    code, out, err = run_cli(["--db", str(demo), "user", "list"])
    assert code == 2 and "用户名或密码不正确" in err and out == ""
    monkeypatch.delenv("XIANGYUE_PASSWORD")
    code, _, err = run_cli(["--db", str(demo), "check"])
    assert code == 2 and "XIANGYUE_USER" in err


def test_key_export_opens_the_file_with_the_real_sqlcipher3(demo: Path, tmp_path: Path) -> None:
    import sqlcipher3

    out = tmp_path / "key.hex"
    code, _, err = run_cli(["--db", str(demo), "key", "export", "--out", str(out)])
    assert code == 0, err
    hex_key = out.read_text(encoding="ascii").strip()
    assert len(hex_key) == 64 and (out.stat().st_mode & 0o077) == 0
    conn = sqlcipher3.connect(str(demo))
    conn.execute(f"PRAGMA key = \"x'{hex_key}'\"")
    assert conn.execute("SELECT count(*) FROM villagers").fetchone()[0] > 0
    assert conn.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0] == "key_export"
    conn.close()
    code, out_text, err = run_cli(["--db", str(demo), "--key-file", str(out), "--json", "user", "list"])
    assert code == 0, err  # a script's key file opens it; the account still logs in


def test_key_export_wants_an_administrator_and_the_password_again(demo: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "key.hex"
    monkeypatch.delenv("XIANGYUE_PASSWORD")
    code, _, err = run_cli(["--db", str(demo), "--user", "admin", "key", "export", "--out", str(out)],
                           f"{DEMO_PASSWORD}\nwrong-again\n")
    assert code == 2 and "密码不正确" in err and not out.exists()
    monkeypatch.setenv("XIANGYUE_USER", "wenshu")  # the demo's 文书
    monkeypatch.setenv("XIANGYUE_PASSWORD", DEMO_PASSWORD)
    code, _, err = run_cli(["--db", str(demo), "key", "export", "--out", str(out)])
    assert code == 2 and not out.exists()


def test_a_password_change_from_the_command_line_locks_out_the_old_one(demo: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run_cli(["--db", str(demo), "user", "passwd", "admin"], "new-pass-123\n")
    assert code == 0, err
    assert run_cli(["--db", str(demo), "check"])[0] == 2
    monkeypatch.setenv("XIANGYUE_PASSWORD", "new-pass-123")
    code, _, err = run_cli(["--db", str(demo), "check"])
    assert code == 0, err


def test_backup_restores_on_a_new_path_and_checks_clean(demo: Path, tmp_path: Path) -> None:
    code, _, err = run_cli(["--db", str(demo), "sync", "backup-keys", "--out", str(tmp_path / "keys.backup")],
                           "paper-passphrase\n")
    assert code == 0, err
    code, backup, err = run_cli(["--db", str(demo), "backup", "--to", str(tmp_path / "bk")])
    assert code == 0, err
    backup_file = Path(backup.strip())
    assert not is_plain(backup_file)
    restored = tmp_path / "new-pc" / "r.sqlite3"
    code, _, err = run_cli(["--db", str(restored), "restore", str(backup_file)])
    assert code == 0, err
    assert not is_plain(restored)
    code, _, err = run_cli(["--db", str(restored), "sync", "restore-keys", str(tmp_path / "keys.backup")],
                           "paper-passphrase\n")
    assert code == 0, err
    code, out, err = run_cli(["--db", str(restored), "check"])
    assert code == 0, out + err


def test_the_key_backup_is_the_recovery_key(demo: Path, tmp_path: Path) -> None:
    keys = tmp_path / "keys.backup"
    assert run_cli(["--db", str(demo), "sync", "backup-keys", "--out", str(keys)], "paper-passphrase\n")[0] == 0
    demo.with_name(demo.name + ".keyring").unlink()  # the keyring is lost: no password opens the file now
    assert run_cli(["--db", str(demo), "check"])[0] == 2
    code, out, err = run_cli(["--db", str(demo), "--key-file", str(keys), "check"], "paper-passphrase\n")
    assert code == 0, out + err
    code, _, err = run_cli(["--db", str(demo), "check"])  # the opening rewrote the keyring from the accounts
    assert code == 0, err


def test_a_plain_database_is_encrypted_at_its_first_login(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite3"
    with gzip.open(FIXTURES / "291e04d-demo.sqlite3.gz") as source, path.open("wb") as out:
        shutil.copyfileobj(source, out)
    shutil.copyfile(FIXTURES / "291e04d-demo.sqlite3.keys", tmp_path / "old.sqlite3.keys")
    monkeypatch.setenv("XIANGYUE_USER", "admin")
    monkeypatch.setenv("XIANGYUE_PASSWORD", DEMO_PASSWORD)
    assert is_plain(path)
    code, _, err = run_cli(["--db", str(path), "check"])  # check never writes: still plain
    assert code == 0, err
    assert is_plain(path)
    code, _, err = run_cli(["--db", str(path), "user", "list"])
    assert code == 0, err
    assert not is_plain(path) and b"\xe9\x9d\x92\xe7\x9f\xb3\xe6\x9d\x91" not in path.read_bytes()  # 青石村
    safety = list((tmp_path / "backups").glob("xiangyue-pre-encryption-*.sqlite3"))
    assert len(safety) == 1 and is_plain(safety[0])
    code, out, err = run_cli(["--db", str(path), "check"])
    assert code == 0, out + err
    monkeypatch.setenv("XIANGYUE_USER", "jianwei")  # every account of the old file logs in afterwards
    code, _, err = run_cli(["--db", str(path), "check"])
    assert code == 0, err


def test_the_demo_runs_again_on_its_encrypted_file_without_a_login(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README's first command may be run twice: the demo database (and its township) open with the demo password."""
    monkeypatch.delenv("XIANGYUE_USER")
    monkeypatch.delenv("XIANGYUE_PASSWORD")
    code, out, err = run_cli(["--db", str(demo), "demo", "--households", "40"])
    assert code == 0, err
    assert "admin / demo1234" in out
