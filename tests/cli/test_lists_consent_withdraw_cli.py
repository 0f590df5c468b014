"""`lists consents [--household H]` and `lists consent-withdraw ID --reason TEXT [--date D]` (PIPL Art. 15)."""
from __future__ import annotations

from pathlib import Path

from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.list_fixtures import seed_registry


def test_list_and_withdraw_consents(village_db: Database) -> None:
    seed_registry(village_db)
    path = village_db.path
    assert isinstance(path, Path)
    code, out, err = run_cli(["--db", str(path), "lists", "add", "--household", "12", "--list", "red", "--period",
                              "2025-03", "--article", "第8条", "--facts", "照顾孤寡老人"])
    assert code == 0, err
    code, _ = run_json(path, "lists", "consent", "--household", "12", "--note", "户主书面同意")
    code, _ = run_json(path, "lists", "consent", "--household", "12", "--kind", "statutory", "--note", "法定依据",
                       "--lists", "black")
    code, listed = run_json(path, "lists", "consents", "--household", "12")
    assert code == 0 and [c["kind"] for c in listed["consents"]] == ["consent", "statutory"]
    consent, statutory = listed["consents"]
    assert {"id", "household", "villager_id", "subject", "all_members", "kind", "lists", "recorded_on", "note",
            "withdrawn_on", "withdrawn_reason"} == set(consent)
    assert consent["household"] == "12" and consent["subject"] == "全户" and consent["withdrawn_on"] == ""
    code, out, _ = run_cli(["--db", str(path), "lists", "consents"])
    assert code == 0 and consent["id"] in out and "有效" in out
    code, done = run_json(path, "lists", "consent-withdraw", consent["id"], "--reason", "户主书面撤回",
                          "--date", consent["recorded_on"])
    assert code == 0 and done["withdrawn_on"] == consent["recorded_on"] and done["withdrawn_reason"] == "户主书面撤回"
    assert run_json(path, "lists", "show")[1]["entries"][0]["display_name"].endswith("第12号户")
    code, out, _ = run_cli(["--db", str(path), "lists", "consents", "--household", "12"])
    assert "撤回：户主书面撤回" in out
    for args, reason in (([consent["id"]], "不能再次撤回"), ([statutory["id"]], "法定依据"), (["nope"], "lists consents")):
        code, _, err = run_cli(["--db", str(path), "lists", "consent-withdraw", *args, "--reason", "撤回"])
        assert code == 2 and reason in err, err
    code, _, err = run_cli(["--db", str(path), "lists", "consent-withdraw", statutory["id"], "--reason", "撤回",
                            "--date", "2025-13-01"])
    assert code == 2 and "看不懂" in err
    code, out, _ = run_cli(["--db", str(path), "lists", "consents", "--household", "99"])
    assert code == 2
