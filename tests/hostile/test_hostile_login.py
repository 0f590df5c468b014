"""Item 13: the command line acts as a named account (XIANGYUE_USER/XIANGYUE_PASSWORD, or --user with stdin)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli, run_json
from tests.sync.conftest import PASSWORD, Pair

pytestmark = pytest.mark.cli_login


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XIANGYUE_USER", raising=False)
    monkeypatch.delenv("XIANGYUE_PASSWORD", raising=False)


def _audit_actors(pair: Pair) -> list[str]:
    return [r[0] for r in pair.village.conn.execute("SELECT actor_name FROM audit_log ORDER BY seq DESC LIMIT 3")]


def test_without_credentials_a_command_is_refused(pair: Pair, no_env: None) -> None:
    code, out, err = run_cli(["--db", str(pair.village.path), "user", "add", "intruder", "--role", "admin"], "pw-12345\n")
    assert code == 2 and "XIANGYUE_USER" in err and "intruder" not in out
    assert pair.village.conn.execute("SELECT count(*) FROM users WHERE username = 'intruder'").fetchone()[0] == 0
    assert run_cli(["--db", str(pair.village.path), "check"])[0] == 2


def test_a_wrong_password_is_refused(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XIANGYUE_USER", "admin")
    monkeypatch.setenv("XIANGYUE_PASSWORD", "wrong-one")
    code, _, err = run_cli(["--db", str(pair.village.path), "check"])
    assert code == 2 and "XIANGYUE_PASSWORD" in err


def test_environment_credentials_name_the_account(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XIANGYUE_USER", "admin")
    monkeypatch.setenv("XIANGYUE_PASSWORD", PASSWORD)
    code, data = run_json(pair.village.path, "user", "add", "wenshu2", "--role", "clerk", stdin="first-pass1\n")
    assert code == 0, data
    assert "命令行" not in _audit_actors(pair)[0]


def test_user_option_reads_the_password_first(pair: Pair, no_env: None) -> None:
    code, out, err = run_cli(["--db", str(pair.village.path), "--user", "admin", "user", "add", "wenshu3",
                              "--role", "clerk"], f"{PASSWORD}\nsecond-pass1\n")
    assert code == 0, out + err
    assert run_cli(["--db", str(pair.village.path), "--user", "admin", "check"], "wrong\n")[0] == 2


def test_role_checks_apply(pair: Pair, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XIANGYUE_USER", "admin")
    monkeypatch.setenv("XIANGYUE_PASSWORD", PASSWORD)
    assert run_cli(["--db", str(pair.village.path), "user", "add", "jiandu", "--role", "supervisor"],
                   "super-pass1\n")[0] == 0
    monkeypatch.setenv("XIANGYUE_USER", "jiandu")
    monkeypatch.setenv("XIANGYUE_PASSWORD", "super-pass1")
    code, _, err = run_cli(["--db", str(pair.village.path), "backup", "--to", str(tmp_path / "bk")])
    assert code == 2 and "无权" in err
    code, _, err = run_cli(["--db", str(pair.village.path), "user", "add", "x2", "--role", "admin"], "pass-word1\n")
    assert code == 2
    code, _, err = run_cli(["--db", str(pair.village.path), "sync", "export", "--to", str(pair.stick)])
    assert code == 2 and "不能导出" in err and not list(pair.stick.iterdir())


def test_init_and_demo_need_no_login(tmp_path: Path, no_env: None) -> None:
    assert run_cli(["--db", str(tmp_path / "d.db"), "demo", "--households", "2"])[0] == 0


def test_the_new_areas_commands_run_as_the_logged_in_account(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    """matter, care, stars, disclose and the workflow steps once ran as the built-in 命令行 administrator: a supervisor
    could add a matter, and every timeline line said 命令行. They act as the account now, with its role checks."""
    db = str(pair.village.path)
    monkeypatch.setenv("XIANGYUE_USER", "admin")
    monkeypatch.setenv("XIANGYUE_PASSWORD", PASSWORD)
    assert run_cli(["--db", db, "user", "add", "jiandu", "--role", "supervisor"], "super-pass1\n")[0] == 0
    code, added = run_json(pair.village.path, "matter", "add", "--text", "三组机耕道塌方", "--class", "基础设施",
                           "--channel", "说事室")
    assert code == 0, added
    code, shown = run_json(pair.village.path, "matter", "show", added["id"])
    assert code == 0 and [line["by"] for line in shown["timeline"]] == ["admin"] or \
        all("命令行" not in line["by"] for line in shown["timeline"]), shown
    assert "命令行" not in _audit_actors(pair)[0]
    monkeypatch.setenv("XIANGYUE_USER", "jiandu")
    monkeypatch.setenv("XIANGYUE_PASSWORD", "super-pass1")
    before = pair.village.conn.execute("SELECT count(*) FROM matters").fetchone()[0]
    code, _, err = run_cli(["--db", db, "matter", "add", "--text", "监委会测试", "--class", "基础设施", "--channel", "说事室"])
    assert code == 2 and "无权" in err, err
    code, _, err = run_cli(["--db", db, "matter", "assign", added["id"], "--to", "某人"])
    assert code == 2 and "无权" in err, err
    assert pair.village.conn.execute("SELECT count(*) FROM matters").fetchone()[0] == before
