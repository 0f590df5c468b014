"""`lists attach | evidence | renew` and `lists add --villager`: JSON keys, refusals exit 2."""
from __future__ import annotations

from pathlib import Path

from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.list_fixtures import seed_registry


def _path(db: Database) -> Path:
    assert db.path is not None
    return db.path


def _add(path: Path, *extra: str) -> str:
    code, out, err = run_cli(["--db", str(path), "lists", "add", "--household", "12", "--list", "yellow",
                              "--period", "2026-11", "--article", "第12条", "--facts", "11月2日在村道旁堆放建筑垃圾未清理",
                              *extra])
    assert code == 0, err
    return out.splitlines()[0]


def test_attach_and_list_evidence(village_db: Database, tmp_path: Path) -> None:
    seed_registry(village_db)
    path = _path(village_db)
    entry_id = _add(path)
    photo = tmp_path / "村道.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 photo")
    code, data = run_json(path, "lists", "attach", entry_id, str(photo), "--note", "11月2日拍摄")
    assert code == 0 and data["entry_id"] == entry_id and data["file_name"] == "村道.jpg"
    assert set(data) == {"id", "entry_id", "file_name", "size", "sha256", "note", "added_by", "added_at"}
    code, listed = run_json(path, "lists", "evidence", entry_id)
    assert code == 0 and [e["id"] for e in listed["evidence"]] == [data["id"]]
    fake = tmp_path / "证据.pdf"
    fake.write_bytes(b"MZ not a pdf")
    code, _, err = run_cli(["--db", str(path), "lists", "attach", entry_id, str(fake)])
    assert code == 2 and "内容与扩展名" in err


def test_add_names_one_villager_of_the_household(village_db: Database) -> None:
    from tests.list_fixtures import CLERK, store

    seed_registry(village_db)
    path = _path(village_db)
    entry_id = _add(path, "--villager", "杨老三")
    entry = store(village_db, CLERK).entry(entry_id)
    assert (entry.villager_id, entry.subject_name, entry.household_no) == ("p-1", "杨老三", "12")
    assert store(village_db, CLERK).entry(_add(path, "--villager", "p-1")).villager_id == "p-1"
    code, _, err = run_cli(["--db", str(path), "lists", "add", "--household", "12", "--villager", "杨小宝",
                            "--list", "yellow", "--period", "2026-11", "--article", "第12条", "--facts", "在墙上涂画"])
    assert code == 2 and "未成年人不能列入黄榜" in err
    code, _, err = run_cli(["--db", str(path), "lists", "add", "--household", "12", "--villager", "吴秀珍",
                            "--list", "red", "--period", "2026-11", "--article", "第8条", "--facts", "照顾老人"])
    assert code == 2 and "第12户没有“吴秀珍”这位村民" in err


def test_renew_from_the_command_line(village_db: Database) -> None:
    from datetime import date

    from models.lists.entries import ListKind
    from tests.list_fixtures import CLERK, store
    from tests.printing.test_board_pdf import publish

    seed_registry(village_db)
    path = _path(village_db)
    publish(village_db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    (old,) = store(village_db, CLERK).entries("2025-03")
    pending = _add(path)
    code, _, err = run_cli(["--db", str(path), "lists", "renew", pending])
    assert code == 2 and "只有已发布或期满撤榜的条目才能续期" in err
    code, _, err = run_cli(["--db", str(path), "lists", "renew", old.id, "--period", "2025-03"])
    assert code == 2 and "原周期" in err
    code, data = run_json(path, "lists", "renew", old.id)
    assert code == 0 and data == {"id": data["id"], "state": "nominated", "period": "2025-04", "renews": old.id,
                                  "warnings": []}
    renewed = store(village_db, CLERK).entry(data["id"])
    assert (renewed.renews_id, renewed.facts, renewed.article) == (old.id, old.facts, old.article)
    code, _, err = run_cli(["--db", str(path), "lists", "renew", old.id, "--period", "2025-05"])
    assert code == 2 and "不能重复续期" in err
    code, _, err = run_cli(["--db", str(path), "lists", "renew", "no-such-entry"])
    assert code == 2 and "lists show" in err
    assert date(2025, 4, 1) == store(village_db, CLERK).entry(data["id"]).parsed_period.start
