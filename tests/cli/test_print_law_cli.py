"""`print second-publicity` (R47, read back from the PDF), `print verify` (current, superseded, unknown), and an
internal product refused as posted (R30)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.installation import open_database
from storage.rules.store import SqliteRulebookStore
from tests.helpers import run_cli, run_json
from tests.printing import pdfcheck
from tests.storage.test_workflow_date_order import _at_step_7


def _village(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "v.sqlite3"
    assert run_json(path, "init", "--village", "青石村", "--township", "德化乡", "--county", "黎平县",
                    "--admin", "admin", stdin="secret123\n")[0] == 0
    _, rulebook_id = _at_step_7(open_database(path), COMMAND_LINE_ACTOR)
    return path, rulebook_id


def test_second_publicity_notice_and_verify(tmp_path: Path) -> None:
    path, rb = _village(tmp_path)
    out = tmp_path / "二次公示.pdf"
    code, _, err = run_cli(["--db", str(path), "print", "second-publicity", rb, "--out", str(out)])
    assert code == 2 and "还没有登记二次公示" in err
    assert run_json(path, "rules", "step", "publicity", rb, "--from", "2026-03-01", "--to", "2026-03-07",
                    "--place", "村委会公开栏")[0] == 0
    code, printed = run_json(path, "print", "second-publicity", rb, "--out", str(out))
    assert code == 0
    pdfcheck.assert_in_order(out.read_bytes(), [
        "关于《青石村村规民约》修订稿的公示", "根据《中华人民共和国村民委员会组织法》第二十七条",
        "修订稿（第3版）", "张贴于村委会公开栏", "也可到村民委员会办公室查阅",
        "公示期间如有异议，请以书面或口头方式向村务监督委员会或德化乡人民政府反映",
        "公示期：2026年3月1日至2026年3月7日（共7天）", "特此公示", "青石村村民委员会", "2026年3月1日"])
    code, found = run_json(path, "print", "verify", printed["fingerprint"])
    assert code == 0 and found == {"document": "关于《青石村村规民约》修订稿的公示", "version": "第3版",
                                   "printed_on": date.today().isoformat(), "status": "current"}
    SqliteRulebookStore(open_database(path), COMMAND_LINE_ACTOR).new_version(rb)  # the posted text changed
    assert run_json(path, "print", "verify", printed["fingerprint"])[1]["status"] == "superseded"
    code, out_text, err = run_cli(["--db", str(path), "print", "verify", "0000-0000"])
    assert code == 2 and "未找到" in err and out_text == ""


def test_rules_in_force_print_is_current_until_superseded(tmp_path: Path) -> None:
    path, rb = _village(tmp_path)
    out = tmp_path / "规约.pdf"
    code, printed = run_json(path, "print", "rules", rb, "--version", "1", "--out", str(out))
    assert code == 0
    assert run_json(path, "print", "verify", printed["fingerprint"])[1]["status"] == "current"  # v1 in force
    rules = SqliteRulebookStore(open_database(path), COMMAND_LINE_ACTOR)
    rules.put_in_force(rb, 3, "2026-04-01")
    assert run_json(path, "print", "verify", printed["fingerprint"])[1] == {
        "document": "《青石村村规民约》", "version": "第1版", "printed_on": date.today().isoformat(),
        "status": "superseded"}
