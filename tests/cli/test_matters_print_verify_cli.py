"""The 校验码 on a printed 议事信息员工作日志 is the one the print log registers: `print verify` finds the code read
off the paper (the job registered a code of other texts than the page's, so it said 未找到)."""
from __future__ import annotations

from pathlib import Path

from models.core.accounts import Actor, Role
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.cli.test_points_print_verify_cli import printed_code
from tests.helpers import run_json


def test_the_officer_log_code_on_the_paper_verifies(village_db: Database, admin: Actor, tmp_path: Path) -> None:
    build_stores(village_db, admin).accounts.create_user("xinxiyuan", "龙德军", Role.CLERK, "secret123")
    for day, text in (("2026-11-02", "走访三组 6 户，收集说事 2 件"), ("2026-11-09", "回访")):
        assert run_json(village_db.path, "officer-log", "add", "--officer", "xinxiyuan", "--date", day,
                        "--text", text)[0] == 0
    out = tmp_path / "日志.pdf"
    code, printed = run_json(village_db.path, "print", "officer-log", "--officer", "xinxiyuan", "--month",
                             "2026-11", "--out", str(out))
    assert code == 0, printed
    assert printed_code(out) == printed["fingerprint"]
    code, found = run_json(village_db.path, "print", "verify", printed["fingerprint"])
    assert code == 0 and found["document"] == "议事信息员工作日志 龙德军 2026-11", found
