"""`rules step …`: every step's record from the command line, refusals exit 2 naming the rule and its source."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from models.rules.document import update_article
from storage.core.installation import open_database
from storage.rules.store import SqliteRulebookStore
from tests.helpers import run_cli, run_json
from tests.printing import pdfcheck
from tests.storage.workflow_setup import joint_meeting, rulebook_in_force, villagers_meeting


def _ok(path: Path, *args: str) -> dict:
    code, data = run_json(path, "rules", "step", *args)
    assert code == 0, data
    return data


def _refused(path: Path, *args: str) -> str:
    code, out, err = run_cli(["--db", str(path), "rules", "step", *args])
    assert code == 2 and out == "", (code, out, err)
    return err


def _new_version(path: Path, rulebook_id: str, text: str) -> int:
    rules = SqliteRulebookStore(open_database(path), COMMAND_LINE_ACTOR)
    rules.new_version(rulebook_id)
    version = rules.load_version(rulebook_id)
    version = update_article(version, version.articles[1].key, "生活垃圾分类投放至指定地点。")
    rules.save_version(update_article(version, version.articles[2].key, text))
    return version.number


def test_all_nine_steps_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite3"
    assert run_json(path, "init", "--village", "青石村", "--township", "德化乡", "--county", "黎平县",
                    "--admin", "admin", stdin="secret123\n")[0] == 0
    db = open_database(path)
    rb = rulebook_in_force(db, COMMAND_LINE_ACTOR)
    assert run_json(path, "rules", "start", rb)[0] == 0
    _ok(path, "meeting", rb, "--meeting", joint_meeting(db, COMMAND_LINE_ACTOR, date(2026, 1, 5)))
    _ok(path, "timetable", rb, *[f"{n}=2026-{n:02d}-10" for n in range(2, 10)])
    assert run_json(path, "rules", "advance", rb)[1]["current_step"] == 2
    _ok(path, "invite", rb, "--name", "杨寨老", "--women", "--reply", "接受")
    _ok(path, "invite", rb, "--name", "德化乡卫生院", "--unit", "--reply", "婉拒")
    assert run_json(path, "rules", "advance", rb)[1]["current_step"] == 3
    _ok(path, "member", rb, "--name", "吴支书", "--chair", "--checked", "2026-01-20")
    _ok(path, "member", rb, "--name", "杨寨老", "--checked", "2026-01-20")
    assert run_json(path, "rules", "advance", rb)[1]["current_step"] == 4
    _ok(path, "draft", rb, "--version", str(_new_version(path, rb, "婚事新办、丧事简办，宴席不超过三十桌。")))
    assert run_json(path, "rules", "advance", rb)[1]["current_step"] == 5
    added = _ok(path, "opinion", rb, "--name", "杨老三", "--text", "宴席桌数要写清楚", "--date", "2026-02-03")
    assert added["number"] == 1 and added["current_step"] == 5
    assert "“不采纳”须写明理由" in _refused(path, "reply", rb, "1", "--disposition", "不采纳")
    assert _ok(path, "reply", rb, "意见1", "--disposition", "部分采纳", "--reason", "改为二十桌")["disposition"] == "部分采纳"
    assert run_json(path, "rules", "advance", rb)[1]["current_step"] == 6
    _new_version(path, rb, "婚事新办、丧事简办，宴席不超过二十桌。")
    assert run_json(path, "rules", "advance", rb)[1]["current_step"] == 7
    err = _refused(path, "publicity", rb, "--from", "2026-03-01", "--to", "2026-03-04", "--place", "村务公开栏")
    assert "公示期只有 4 天，至少应为 5 天" in err and "R47" in err and "《" in err
    _ok(path, "publicity", rb, "--from", "2026-03-01", "--to", "2026-03-07", "--place", "村务公开栏")
    _ok(path, "opinion", rb, "--objection", "--name", "龙二", "--text", "桌数太少", "--date", "2026-03-03",
        "--channel", "意见箱")
    _ok(path, "reply", rb, "异议1", "--disposition", "不采纳", "--reason", "多数群众同意", "--date", "2026-03-04")
    _ok(path, "review", rb, "--date", "2026-03-05", "--reviewer", "德化乡人民政府", "--conclusion", "同意提交表决")
    assert run_json(path, "rules", "advance", rb)[1]["current_step"] == 8
    err = _refused(path, "vote", rb, "--meeting", villagers_meeting(db, COMMAND_LINE_ACTOR, date(2026, 3, 7),
                                                                    notice_date=date(2026, 2, 20)))
    assert "公示期满后才能表决（R19，《关于做好村规民约和居民公约工作的指导意见》）" in err
    _ok(path, "vote", rb, "--meeting", villagers_meeting(db, COMMAND_LINE_ACTOR, date(2026, 3, 8),
                                                         notice_date=date(2026, 2, 20)))
    err = _refused(path, "review", rb, "--date", "2026-03-09", "--reviewer", "德化乡人民政府", "--conclusion", "同意")
    assert "乡镇审核须在表决之前（R19" in err
    assert run_json(path, "rules", "advance", rb)[1]["current_step"] == 9
    _ok(path, "filing", rb, "--status", "已报送", "--date", "2026-03-12")
    _ok(path, "filing", rb, "--status", "已备案", "--date", "2026-03-15", "--receipt", "德乡备〔2026〕3号",
        "--receipt-date", "2026-03-15", "--effective", "2026-04-01")
    code, status = run_json(path, "rules", "advance", rb)
    assert code == 0 and status["current_step"] is None
    assert run_json(path, "rules", "status", rb)[1]["current_step"] is None
    poster = path.parent / "张贴版.pdf"  # R25: the adopting meeting and its date, then the effective date
    assert run_json(path, "print", "rules", rb, "--poster", "--out", str(poster))[0] == 0
    assert "（第3版，2026年3月8日经村民会议表决通过，2026年4月1日起施行）" in pdfcheck.text_of(poster.read_bytes())
