"""Every foundation command and its exit codes; a killed demo leaves a sound database."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import run_cli, run_json

ROOT = Path(__file__).resolve().parents[2]


def test_init_reads_password_from_stdin_and_refuses_a_second_init(tmp_path: Path) -> None:
    db = tmp_path / "v.sqlite3"
    code, data = run_json(db, "init", "--village", "青石村", "--township", "德化乡", "--county", "黎平县",
                          "--admin", "admin", stdin="secret123\n")
    assert code == 0 and data["village"] == "青石村" and data["node"].startswith("V-")
    code, err = run_json(db, "init", "--village", "青石村", "--township", "德化乡", "--county", "黎平县",
                         "--admin", "admin", stdin="secret123\n")
    assert code == 2 and "已经完成" in err


def test_init_refuses_bad_input_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "v.sqlite3"
    code, _, err = run_cli(["--db", str(db), "init", "--village", "青石村", "--township", "德化乡",
                            "--county", "黎平县", "--code", "12x", "--admin", "admin"], "secret123\n")
    assert code == 2 and "行政区划代码" in err and not db.exists()
    code, _, err = run_cli(["--db", str(db), "init", "--township", "德化乡"])
    assert code == 2 and "命令用法有误" in err


def test_demo_is_deterministic_and_fills_an_existing_database(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    code, data = run_json(db, "demo", "--seed", "7")
    assert code == 0 and data["login"]["username"] == "admin"
    code, again = run_json(db, "demo", "--seed", "7")
    assert code == 0 and again["counts"]["users"] == 0


def test_check_passes_then_finds_tampering(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    run_json(db, "demo")
    code, data = run_json(db, "check")
    assert code == 0 and data == {"ok": True, "problems": []}
    from tests.keys import raw_connect
    conn = raw_connect(db)
    conn.execute("DROP TRIGGER trg_audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor_name = '别人' WHERE seq = 1")
    conn.commit()
    conn.close()
    code, data = run_json(db, "check")
    assert code == 1 and any("哈希链" in p for p in data["problems"])


def test_backup_and_restore_commands(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    run_json(db, "demo")
    code, data = run_json(db, "backup", "--to", str(tmp_path / "usb"))
    assert code == 0 and Path(data["file"]).exists() and data["bytes"] > 0
    code, restored = run_json(db, "restore", data["file"])
    assert code == 0 and restored["restored"] == data["file"]
    code, _, err = run_cli(["--db", str(db), "restore", str(tmp_path / "missing.sqlite3")])
    assert code == 2 and "找不到" in err


def test_every_command_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 20)
    before = bad.read_bytes()
    for args in (["check"], ["demo"], ["backup", "--to", str(tmp_path)]):
        code, _, err = run_cli(["--db", str(bad), *args])
        assert code == 2 and "不是乡约数据库" in err
    code, _, err = run_cli(["--db", str(bad), "init", "--village", "村", "--township", "乡", "--county", "县",
                            "--admin", "a"], "secret123\n")
    assert code == 2
    assert bad.read_bytes() == before


def test_read_only_database_gives_a_clear_message(tmp_path: Path) -> None:
    from storage.core.driver import sqlite as sqlite3
    from tests.keys import raw_connect

    from cli import explain_sqlite_error
    db = tmp_path / "ro.sqlite3"
    run_json(db, "demo")
    conn = raw_connect(f"file:{db}?mode=ro", uri=True)
    try:
        conn.execute("DELETE FROM meta")
    except sqlite3.OperationalError as error:
        assert "只读" in explain_sqlite_error(error)
    finally:
        conn.close()


def test_full_disk_rolls_back_with_a_clear_message(tmp_path: Path) -> None:
    from storage.core.driver import sqlite as sqlite3
    from tests.keys import key_of

    from cli import explain_sqlite_error
    from models.core.accounts import Role
    from storage.core.accounts import SqliteAccountStore
    from storage.core.installation import open_database
    from tests.conftest import PASSWORD
    db_path = tmp_path / "full.sqlite3"
    run_json(db_path, "demo")
    db = open_database(db_path, key=key_of(db_path))
    actor = SqliteAccountStore(db, None).authenticate("admin", "demo1234").as_actor()  # type: ignore[arg-type]
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite now reports SQLITE_FULL, as on a full disk
    assert SqliteAccountStore(db, actor).authenticate("admin", "demo1234").username == "admin"
    store = SqliteAccountStore(db, actor)
    try:
        for n in range(200):
            store.create_user(f"user{n}", "测试" * 200, Role.CLERK, PASSWORD)
        raise AssertionError("the database never filled up")
    except sqlite3.OperationalError as error:
        assert "磁盘已满" in explain_sqlite_error(error)
    db.conn.close()
    code, data = run_json(db_path, "check")
    assert code == 0, data


def test_killed_demo_leaves_a_database_that_passes_check(tmp_path: Path) -> None:
    db = tmp_path / "killed.sqlite3"
    for delay in (0.3, 0.8, 1.5):
        proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo",
                                 "--households", "3000"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            code, data = run_json(db, "check")
            assert code == 0, data
    code, data = run_json(db, "demo", "--households", "50")
    assert code == 0


def test_restore_repairs_a_damaged_database_and_keeps_the_damaged_file(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    run_json(db, "demo")
    code, backup = run_json(db, "backup", "--to", str(tmp_path / "usb"))
    from tests.keys import raw_connect
    raw_connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    (tmp_path / "demo.sqlite3-wal").unlink(missing_ok=True)
    data = db.read_bytes()
    db.write_bytes(data[:20000])  # a copy cut short
    assert run_cli(["--db", str(db), "check"])[0] == 2
    code, result = run_json(db, "restore", backup["file"])
    assert code == 0 and result["damaged_copy"]
    assert Path(result["damaged_copy"]).read_bytes() == data[:20000]
    assert run_json(db, "check") == (0, {"ok": True, "problems": []})


def test_forced_restore_of_another_installation_warns_about_keys(tmp_path: Path) -> None:
    mine, other = tmp_path / "mine" / "v.sqlite3", tmp_path / "other" / "v.sqlite3"
    run_json(mine, "init", "--village", "甲村", "--township", "乡", "--county", "县", "--admin", "a", stdin="secret123\n")
    run_json(other, "demo")
    _, backup = run_json(other, "backup", "--to", str(tmp_path / "usb"))
    code, err = run_json(mine, "restore", backup["file"])
    assert code == 2 and "另一个安装" in err
    code, result = run_json(mine, "restore", "--force", backup["file"])
    assert code == 0 and any("密钥" in note for note in result["notes"])
    code, checked = run_json(mine, "check")
    assert code == 1 and any("密钥文件" in p for p in checked["problems"])


def test_database_left_with_a_write_ahead_log_by_a_crash_opens(tmp_path: Path) -> None:
    import shutil
    from tests.keys import raw_connect
    db = tmp_path / "live" / "v.sqlite3"
    run_json(db, "demo", "--households", "20")
    conn = raw_connect(db)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO meta(key, value) VALUES('crash_probe', '1')")
    conn.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in ("v.sqlite3", "v.sqlite3-wal", "v.sqlite3.keys", "v.sqlite3.keyring"):  # copied while the writer still runs
        shutil.copy(db.parent / name, crashed / name)
    conn.close()
    code, data = run_json(crashed / "v.sqlite3", "check")
    assert code == 0, data
    assert raw_connect(crashed / "v.sqlite3").execute("SELECT value FROM meta WHERE key='crash_probe'").fetchone() == ("1",)


def test_demo_refuses_a_real_village(tmp_path: Path) -> None:
    db = tmp_path / "real.sqlite3"
    run_json(db, "init", "--village", "乙村", "--township", "乡", "--county", "县", "--admin", "a", stdin="secret123\n")
    code, _, err = run_cli(["--db", str(db), "demo"])
    assert code == 2 and "真实村庄" in err
    from tests.keys import raw_connect
    assert raw_connect(db).execute("SELECT count(*) FROM change_log").fetchone()[0] <= 2


def test_user_commands_reset_a_forgotten_password(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    run_json(db, "demo")
    code, added = run_json(db, "user", "add", "wenshu2", "--role", "clerk", "--name", "吴晓梅", stdin="first123\n")
    assert code == 0 and added["role"] == "clerk"
    code, _ = run_json(db, "user", "passwd", "wenshu2", stdin="second123\n")
    assert code == 0
    from storage.core.accounts import authenticate
    from storage.core.installation import open_database
    assert authenticate(open_database(db), "wenshu2", "second123").display_name == "吴晓梅"
    code, err = run_json(db, "user", "passwd", "nobody", stdin="second123\n")
    assert code == 2 and "没有用户" in err
    code, listed = run_json(db, "user", "list")
    assert "wenshu2" in [u["username"] for u in listed["users"]]
