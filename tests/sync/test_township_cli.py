"""`township` commands on real files: villages, requests, show and review (approve/return/opinion)."""
from __future__ import annotations

from pathlib import Path

from tests.helpers import run_json
from tests.sync.conftest import Pair, export, import_
from tests.sync.township_setup import vote_and_submit, walk_to_step_7


def _township_path(pair: Pair) -> Path:
    assert pair.township.path is not None
    return pair.township.path


def test_township_cli_review_and_filing(pair: Pair) -> None:
    rulebook_id = walk_to_step_7(pair.village)
    import_(pair.township, export(pair.village, pair.stick))
    db = _township_path(pair)
    code, villages = run_json(db, "township", "villages")
    assert code == 0 and villages["villages"][0]["name"] == "德化乡青石村" and villages["villages"][0]["step"] == 7
    code, listing = run_json(db, "township", "requests")
    (request,) = listing["requests"]
    assert request["kind"] == "review" and request["decided"] == ""
    code, shown = run_json(db, "township", "show", request["id"][:8])
    assert code == 0 and shown["previous_version"] == 1 and shown["comparison"] and shown["findings"]
    assert run_json(db, "user", "add", "wang", "--role", "township_reviewer", "--name", "王审核",
                    stdin="secret123\n")[0] == 0
    code, refused = run_json(db, "township", "review", request["id"][:8], "--conclusion", "同意", "--user", "admin",
                             stdin="secret123\n")
    assert code == 2 and "无权审查备案" in refused
    code, bad = run_json(db, "township", "review", request["id"][:8], "--conclusion", "同意", "--note", "第九十条=x",
                         "--user", "wang", stdin="secret123\n")
    assert code == 2 and "格式应为" in bad
    code, review = run_json(db, "township", "review", request["id"][:8], "--conclusion", "同意提交表决",
                            "--note", "第二条=建议删去罚款表述", "--date", "2026-03-05", "--user", "wang",
                            stdin="secret123\n")
    assert code == 0 and review["decision"] == "review" and review["version"] == 3
    import_(pair.village, export(pair.township, pair.stick))
    vote_and_submit(pair.village, rulebook_id)
    import_(pair.township, export(pair.village, pair.stick))
    filing = [r for r in run_json(db, "township", "requests")[1]["requests"] if r["kind"] == "filing"][0]
    code, missing = run_json(db, "township", "review", filing["id"], "--approve", "--user", "wang",
                             stdin="secret123\n")
    assert code == 2 and "备案编号" in missing
    code, approved = run_json(db, "township", "review", filing["id"], "--approve", "--number", "德乡备〔2026〕3号",
                              "--date", "2026-05-28", "--user", "wang", stdin="secret123\n")
    assert code == 0 and approved == {"id": approved["id"], "decision": "approve", "number": "德乡备〔2026〕3号",
                                      "reasons": "", "version": 3, "date": "2026-05-28"}
    code, returned = run_json(db, "township", "review", filing["id"], "--return", "--reason", "第二条仍有罚款",
                              "--date", "2026-05-29", "--user", "wang", stdin="secret123\n")
    assert code == 0 and returned["decision"] == "return"
    assert run_json(db, "township", "requests")[1]["requests"][-1]["decided"] == "退回修改"


def test_init_township_mode_then_no_villages_yet(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite3"
    code, made = run_json(db, "init", "--township", "德化乡", "--county", "黎平县", "--admin", "admin",
                          "--mode", "township", stdin="secret123\n")
    assert code == 0 and made["node"].startswith("T-")
    assert run_json(db, "township", "villages") == (0, {"villages": []})
    assert run_json(db, "township", "requests") == (0, {"requests": []})
    code, missing = run_json(db, "township", "show", "0190")
    assert code == 2 and "township requests" in missing
