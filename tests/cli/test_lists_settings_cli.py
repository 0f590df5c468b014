"""`lists settings` (show / change, checked like the screen), `lists consent`, and `lists show --json`'s villager keys."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from models.registry.households import Villager
from storage.core.db import Database
from storage.lists.settings import read_list_settings
from storage.core.backend import build_stores
from tests.helpers import run_cli, run_json
from tests.list_fixtures import seed_registry


def _path(db: Database) -> Path:
    assert db.path is not None
    return db.path


def test_settings_show_change_and_refuse(village_db: Database) -> None:
    path = _path(village_db)
    code, shown = run_json(path, "lists", "settings")
    assert code == 0 and shown["cycle"] == "month" and shown["publicity_days"] == 7 and shown["answer_days"] == 3
    assert shown["name_black_list"] is False and shown["changed"] is False and "老赖" in shown["stigmatising_words"]
    code, changed = run_json(path, "lists", "settings", "--cycle", "quarter", "--publicity-days", "10",
                             "--answer-days", "2", "--add-word", "二混子", "--remove-word", "泼妇",
                             "--name-black-list", "yes")
    assert code == 0 and changed["changed"] is True
    saved = read_list_settings(village_db)
    assert (saved.cycle.value, saved.publicity_days, saved.answer_days, saved.name_black_list) == ("quarter", 10, 2,
                                                                                                    True)
    assert "二混子" in saved.stigmatising_words and "泼妇" not in saved.stigmatising_words
    audit = village_db.conn.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'list_settings'").fetchone()
    assert audit[0] >= 1
    code, out, _ = run_cli(["--db", str(path), "lists", "settings", "--publicity-days", "10"])
    assert code == 0 and out.startswith("设置没有变化")
    for args, reason in ((["--publicity-days", "4"], "公示期应在 5 到 30 天"), (["--answer-days", "5"], "1 到 3 天"),
                         (["--remove-word", "老赖"], "不能删去老赖"), (["--remove-word", "没有的词"], "没有“没有的词”"),
                         (["--add-word", "这是一个非常非常非常长的词语啊"], "太长")):
        code, _, err = run_cli(["--db", str(path), "lists", "settings", *args])
        assert code == 2 and reason in err, err
    assert read_list_settings(village_db) == saved  # nothing was written by a refusal
    code, _, err = run_cli(["--db", str(path), "lists", "settings", "--cycle", "year"])
    assert code == 2 and "invalid choice" in err


def test_consent_per_villager_and_show_keys(village_db: Database) -> None:
    seed_registry(village_db)
    build_stores(village_db, COMMAND_LINE_ACTOR).villagers.save_villager(
        Villager("p-9", "h-1", "杨明", "儿子", birth_date=date(1990, 5, 1), position=2))
    path = _path(village_db)
    code, out, err = run_cli(["--db", str(path), "lists", "add", "--household", "12", "--villager", "杨明",
                              "--list", "red", "--period", "2026-11", "--article", "第8条", "--facts", "照顾孤寡老人"])
    assert code == 0, err
    entry_id = out.splitlines()[0]
    code, data = run_json(path, "lists", "show", "--period", "2026-11")
    row = data["entries"][0]
    assert code == 0 and (row["id"], row["names_villager"], row["villager_id"], row["named"]) == (entry_id, True,
                                                                                                  "p-9", False)
    assert {"id", "household", "display_name", "list", "state", "article"} <= set(row)
    code, _ = run_json(path, "lists", "consent", "--household", "12", "--note", "户主书面同意")
    assert code == 0 and run_json(path, "lists", "show")[1]["entries"][0]["named"] is False  # the household's only
    code, given = run_json(path, "lists", "consent", "--household", "12", "--villager", "杨明", "--note",
                           "杨明本人书面同意", "--lists", "red")
    assert code == 0 and given["villager_id"] == "p-9" and given["lists"] == ["red"]
    assert run_json(path, "lists", "show")[1]["entries"][0]["named"] is True
    code, _, err = run_cli(["--db", str(path), "lists", "consent", "--household", "12", "--villager", "杨小宝",
                            "--note", "监护人同意"])
    assert code == 2 and "未成年人" in err
    code, _, err = run_cli(["--db", str(path), "lists", "consent", "--household", "12", "--note", "同意",
                            "--lists", "green"])
    assert code == 2 and "--lists" in err


def test_yellow_period_must_follow_the_cycle(village_db: Database) -> None:
    seed_registry(village_db)
    path = _path(village_db)
    add = ["--db", str(path), "lists", "add", "--household", "12", "--list", "yellow", "--article", "第12条",
           "--facts", "11月2日在村道旁堆放建筑垃圾未清理", "--period"]
    code, _, err = run_cli([*add, "2026-Q4"])
    assert code == 2 and "按月轮换" in err and "2026-10" in err
    assert run_cli(["--db", str(path), "lists", "settings", "--cycle", "quarter"])[0] == 0
    assert run_cli([*add, "2026-Q4"])[0] == 0
    code, _, err = run_cli([*add, "2026-11"])
    assert code == 2 and "按季度轮换" in err and "2026-Q4" in err
