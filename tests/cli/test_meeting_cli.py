"""`meeting import/list/show/export`: the JSON contract, round trip, and refusals that write nothing."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.keys import key_of

DOCUMENT: dict[str, Any] = {
    "type": "村民代表会议", "date": "2026-03-12", "start": "09:00", "end": "11:30", "place": "村委会议室",
    "host": "杨光明", "recorder": "吴晓梅", "expected": 35, "present": 24, "households_represented": None,
    "absent": [{"name": "石秀英", "reason": "外出务工"}],
    "items": [{"title": "低保户民主评议", "discussion": "王五：同意", "for": 13, "against": 6, "abstain": 5,
               "resolution": "同意 3 户纳入低保"},
              {"title": "医保缴费", "discussion": "动员", "for": 12, "against": 12, "abstain": 0, "resolution": ""}],
}


def _write(tmp_path: Path, data: Any, name: str = "m.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _meeting_rows(db: Path) -> int:
    return Database(db, key=key_of(db)).conn.execute("SELECT COUNT(*) FROM meetings").fetchone()[0]


def test_import_show_export_round_trip(village_db: Database, tmp_path: Path) -> None:
    db = village_db.path
    code, created = run_json(db, "meeting", "import", str(_write(tmp_path, DOCUMENT)))
    assert code == 0 and set(created) == {"id", "number"} and created["number"] == "2026-代-01"
    code, shown = run_json(db, "meeting", "show", created["number"])
    assert code == 0 and shown == {
        "id": created["id"], "number": "2026-代-01", "type": "representatives_meeting", "expected": 35,
        "present": 24, "quorum_met": True,
        "items": [{"title": "低保户民主评议", "for": 13, "against": 6, "abstain": 5, "passed": True},
                  {"title": "医保缴费", "for": 12, "against": 12, "abstain": 0, "passed": False}]}
    code, out, _ = run_cli(["--db", str(db), "meeting", "export", created["id"]])
    exported = json.loads(out)
    assert exported == {**DOCUMENT, "type": "representatives_meeting"}
    code, again = run_json(db, "meeting", "import", str(_write(tmp_path, exported, "again.json")))
    assert again["number"] == "2026-代-02"
    code, out, _ = run_cli(["--db", str(db), "meeting", "export", again["id"]])
    assert json.loads(out) == exported


def test_non_quorate_meeting_shows_invalid_items_and_why(village_db: Database, tmp_path: Path) -> None:
    data = dict(DOCUMENT, present=20, items=[dict(DOCUMENT["items"][0], **{"for": 12, "against": 3})])
    code, created = run_json(village_db.path, "meeting", "import", str(_write(tmp_path, data)))
    code, shown = run_json(village_db.path, "meeting", "show", created["id"])
    assert shown["quorum_met"] is False and shown["items"][0]["passed"] is False
    code, text, _ = run_cli(["--db", str(village_db.path), "meeting", "show", created["id"]])
    assert "到会 20 人，不足应到 35 人的三分之二" in text and "表决无效" in text


@pytest.mark.parametrize("change, key", [
    (lambda d: d.update(date="12/03/2026"), "“date”"),
    (lambda d: d["items"][0].update({"for": 30}), "“items[0].for”"),
    (lambda d: d.pop("present"), "“present”"),
    (lambda d: d.update(type="茶话会"), "“type”"),
])
def test_bad_documents_are_refused_with_the_key_and_nothing_is_written(village_db: Database, tmp_path: Path,
                                                                      change: Any, key: str) -> None:
    data = copy.deepcopy(DOCUMENT)
    change(data)
    code, _, err = run_cli(["--db", str(village_db.path), "meeting", "import", str(_write(tmp_path, data))])
    assert code == 2 and key in err and "未导入任何内容" in err
    assert _meeting_rows(village_db.path) == 0


def test_broken_json_and_missing_file(village_db: Database, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"type": "村民会议",', encoding="utf-8")
    code, _, err = run_cli(["--db", str(village_db.path), "meeting", "import", str(broken)])
    assert code == 2 and "不是有效的 JSON" in err
    code, _, err = run_cli(["--db", str(village_db.path), "meeting", "import", str(tmp_path / "none.json")])
    assert code == 2 and "找不到文件" in err
    code, _, err = run_cli(["--db", str(village_db.path), "meeting", "show", "2026-代-99"])
    assert code == 2 and "找不到会议记录" in err


def test_list_filters_by_type_year_and_text(village_db: Database, tmp_path: Path) -> None:
    run_json(village_db.path, "meeting", "import", str(_write(tmp_path, DOCUMENT)))
    party = dict(DOCUMENT, type="党员大会", date="2025-12-01", items=[{"title": "发展党员", "discussion": "讨论"}])
    run_json(village_db.path, "meeting", "import", str(_write(tmp_path, party, "p.json")))
    code, listed = run_json(village_db.path, "meeting", "list")
    assert [m["number"] for m in listed["meetings"]] == ["2026-代-01", "2025-党-01"]
    assert [m["number"] for m in run_json(village_db.path, "meeting", "list", "--year", "2025")[1]["meetings"]] \
        == ["2025-党-01"]
    assert [m["number"] for m in run_json(village_db.path, "meeting", "list", "--type", "村民代表会议")[1]["meetings"]] \
        == ["2026-代-01"]
    assert [m["number"] for m in run_json(village_db.path, "meeting", "list", "--text", "医保")[1]["meetings"]] \
        == ["2026-代-01"]


def test_json_flag_after_the_action(village_db: Database, tmp_path: Path) -> None:
    code, out, _ = run_cli(["--db", str(village_db.path), "meeting", "import", str(_write(tmp_path, DOCUMENT)),
                            "--json"])
    created = json.loads(out)
    code, out, _ = run_cli(["--db", str(village_db.path), "meeting", "show", created["id"], "--json"])
    assert json.loads(out)["number"] == created["number"]


def test_import_matches_id_numbers_and_names_against_the_registry(village_db: Database, admin: Any,
                                                                    tmp_path: Path) -> None:
    from storage.core.backend import build_stores
    from tests.registry_fixtures import seat_committees

    ids = seat_committees(village_db, admin)
    document = copy.deepcopy(DOCUMENT) | {"expected": 6, "present": [
        "522631197501030033", "52263120100624034x", "龙金寿", "谢芳", "德化乡 王乡长"], "items": []}
    code, created = run_json(village_db.path, "meeting", "import", str(_write(tmp_path, document)))
    assert code == 0, created
    meeting = build_stores(village_db, admin).meetings.get(created["id"])
    present = [(a.name, a.villager_id) for a in meeting.attendees if a.kind.value == "present"]
    assert present == [("李兰建", ids["李兰建"]), ("陈红", ids["陈红"]), ("龙金寿", ids["龙金寿"]),
                       ("谢芳", None), ("德化乡 王乡长", None)]  # two 谢芳: kept as written
    assert meeting.present == 5
    document["present"] = ["522631197501030033", "522631197501030034"]
    code, err = run_json(village_db.path, "meeting", "import", str(_write(tmp_path, document)))
    assert code == 2 and "present[1]" in err and "身份证号" in err
    assert _meeting_rows(village_db.path) == 1
    code, out, _err = run_cli(["--db", str(village_db.path), "meeting", "show", created["id"]])
    assert code == 0 and "村民代表 3 人，不足组成人员 6 人的五分之四" in out  # R4 from the registry


def test_named_votes_and_speeches_survive_import_store_export(village_db: Database, tmp_path: Path) -> None:
    names = ["甲一", "乙二", "丙三"]
    document = {**copy.deepcopy(DOCUMENT), "expected": 4, "present": names, "absent": [{"name": "丁四", "reason": "病"}],
                "items": [{"title": "修路", "discussion": "同意", "resolution": "修", "vote_method": "named_ballot",
                           "speeches": [{"speaker": "甲一", "said": "同意修路"}],
                           "votes": [{"name": n, "vote": v} for n, v in zip(names, ("for", "for", "abstain"))]}]}
    code, created = run_json(village_db.path, "meeting", "import", str(_write(tmp_path, document)))
    assert code == 0
    code, shown = run_json(village_db.path, "meeting", "show", created["id"])
    assert shown["items"][0] == {"title": "修路", "for": 2, "against": 0, "abstain": 1, "passed": True}
    code, exported = run_json(village_db.path, "meeting", "export", created["id"])
    assert exported["items"][0]["votes"] == document["items"][0]["votes"]
    assert exported["items"][0]["speeches"] == document["items"][0]["speeches"]


def test_province_rule_shown_set_and_reset(village_db: Database) -> None:
    db = village_db.path
    assert run_json(db, "meeting", "province") == (0, {"rules_by_representatives": False, "basis": ""})
    code, shown = run_json(db, "meeting", "province", "--allow", "某省办法第二十条")
    assert code == 0 and shown == {"rules_by_representatives": True, "basis": "某省办法第二十条"}
    assert run_json(db, "meeting", "province")[1]["basis"] == "某省办法第二十条"
    code, out, err = run_cli(["--db", str(db), "meeting", "province", "--allow", " "])
    assert code == 2 and "法规依据" in err
    assert run_json(db, "meeting", "province", "--default")[1] == {"rules_by_representatives": False, "basis": ""}


def test_record_template_shown_set_from_json_refused_and_reset(village_db: Database, tmp_path: Path) -> None:
    db = village_db.path
    code, shown = run_json(db, "meeting", "template")
    assert code == 0 and shown["fields"][0] == {"key": "when", "heading": "会议时间"}
    custom = {"fields": [{"key": "place", "heading": "开会地点"}] + shown["fields"][:1] + shown["fields"][2:],
              "signatures": ["主持人签名：", "记录人签名："]}
    code, stored = run_json(db, "meeting", "template", "--set", str(_write(tmp_path, custom, "t.json")))
    assert code == 0 and stored == custom
    broken = {"fields": shown["fields"][1:], "signatures": ["主持人："]}
    code, out, err = run_cli(["--db", str(db), "meeting", "template", "--set", str(_write(tmp_path, broken, "b.json"))])
    assert code == 2 and "会议时间" in err and "签字栏" in err
    assert run_json(db, "meeting", "template")[1] == custom  # nothing written
    assert run_json(db, "meeting", "template", "--default")[1] == shown


def test_list_pages_with_limit_and_offset_and_gives_the_total(village_db: Database, tmp_path: Path) -> None:
    from cli.commands.meetings import LIST_LIMIT

    for day in range(1, 6):
        run_json(village_db.path, "meeting", "import",
                 str(_write(tmp_path, dict(DOCUMENT, date=f"2026-03-0{day}"), f"m{day}.json")))
    code, everything = run_json(village_db.path, "meeting", "list", "--text", "医保")
    assert LIST_LIMIT == 200 and everything["total"] == 5 and len(everything["meetings"]) == 5
    assert set(everything["meetings"][0]) == {"id", "number", "type", "date", "place", "expected", "present",
                                              "quorum_met", "status", "items"}
    numbers = [m["number"] for m in everything["meetings"]]
    code, page = run_json(village_db.path, "meeting", "list", "--text", "医保", "--limit", "2", "--offset", "2")
    assert code == 0 and page["total"] == 5 and [m["number"] for m in page["meetings"]] == numbers[2:4]
    code, out, _ = run_cli(["--db", str(village_db.path), "meeting", "list", "--limit", "2"])
    assert code == 0 and len(out.strip().splitlines()[:2]) == 2 and "共 5 条，列出第 1–2 条" in out
    code, out, _ = run_cli(["--db", str(village_db.path), "meeting", "list", "--offset", "9"])
    assert "共 5 条，第 10 条以后没有了" in out
    code, _, err = run_cli(["--db", str(village_db.path), "meeting", "list", "--limit", "-1"])
    assert code == 2 and "不是不小于 0 的整数" in err
