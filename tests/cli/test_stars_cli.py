"""`stars adopt | award | withdraw | list`, `print stars-board | star-plaque`: a star only with a finalised
deciding meeting, and no name without a basis on the public printouts (read back from the PDFs)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.list_fixtures import seed_registry
from tests.printing.pdfcheck import text_of
from tests.storage.workflow_setup import final_meeting, joint_meeting, villagers_meeting


def _path(db: Database) -> Path:
    assert db.path is not None
    return db.path


def _adopted(db: Database) -> str:
    seed_registry(db)
    meeting = villagers_meeting(db, COMMAND_LINE_ACTOR, date(2026, 6, 1))
    code, data = run_json(_path(db), "stars", "adopt", "--meeting", meeting)
    assert code == 0 and len(data["stars"]) == 10
    return meeting


def _passed(path: Path, household: str, star: str, year: str = "2026") -> str:
    """The household applies and its group passes the application (the steps before a meeting decides)."""
    code, data = run_json(path, "stars", "apply", "--household", household, "--star", star, "--year", year,
                          "--date", "2026-05-10")
    assert code == 0, data
    assert run_json(path, "stars", "review", data["id"], "--pass", "--date", "2026-05-20")[0] == 0
    return str(data["id"])


def test_a_star_only_with_a_finalised_deciding_meeting(village_db: Database) -> None:
    path = _path(village_db)
    seed_registry(village_db)
    joint = joint_meeting(village_db, COMMAND_LINE_ACTOR, date(2026, 6, 1))
    code, _, err = run_cli(["--db", str(path), "stars", "adopt", "--meeting", joint])
    assert code == 2 and "不能决定通过星目" in err
    meeting = villagers_meeting(village_db, COMMAND_LINE_ACTOR, date(2026, 6, 1))
    code, _, err = run_cli(["--db", str(path), "stars", "award", "--household", "12", "--star", "孝老爱亲",
                            "--year", "2026", "--meeting", meeting])
    assert code == 2 and "还没有通过星目" in err
    assert run_cli(["--db", str(path), "stars", "adopt", "--meeting", meeting])[0] == 0
    _passed(path, "12", "孝老爱亲")
    code, _, err = run_cli(["--db", str(path), "stars", "award", "--household", "12", "--star", "孝老爱亲",
                            "--year", "2026", "--meeting", joint])
    assert code == 2 and "不能决定评星" in err
    draft = build_stores(village_db, COMMAND_LINE_ACTOR).meetings
    from tests.storage.workflow_setup import complete_meeting
    draft_id = draft.create(complete_meeting(type_code="representatives_meeting", on=date(2026, 12, 1),
                                             number="")).id
    code, _, err = run_cli(["--db", str(path), "stars", "award", "--household", "12", "--star", "孝老爱亲",
                            "--year", "2026", "--meeting", draft_id])
    assert code == 2 and "还没有定稿" in err
    assert run_json(path, "stars", "list", "--year", "2026") == (0, {"year": 2026, "rows": []})


def test_award_withdraw_list_and_printouts_without_names(village_db: Database, tmp_path: Path) -> None:
    path = _path(village_db)
    meeting = _adopted(village_db)
    for household, star in (("12", "孝老爱亲"), ("12", "勤劳致富"), ("15", "清洁卫生")):
        _passed(path, household, star)
        code, _, err = run_cli(["--db", str(path), "stars", "award", "--household", household, "--star", star,
                                "--year", "2026", "--meeting", meeting])
        assert code == 0, err
    assert run_cli(["--db", str(path), "stars", "publicize", "--year", "2026", "--from", "2026-06-02"])[0] == 0
    code, _, err = run_cli(["--db", str(path), "stars", "withdraw", "--household", "15", "--star", "清洁卫生",
                            "--reason", "x"])
    assert code == 2 and "理由" in err
    assert run_cli(["--db", str(path), "stars", "withdraw", "--household", "15", "--star", "清洁卫生",
                    "--reason", "违反村规民约第十二条，经村民代表会议认定"])[0] == 0
    code, data = run_json(path, "stars", "list", "--year", "2026")
    assert data == {"year": 2026, "rows": [{"household": "12", "stars": ["孝老爱亲", "勤劳致富"], "count": 2}]}
    board, plaque = tmp_path / "board.pdf", tmp_path / "plaque.pdf"
    assert run_cli(["--db", str(path), "print", "stars-board", "--year", "2026", "--out", str(board)])[0] == 0
    assert run_cli(["--db", str(path), "print", "star-plaque", "--household", "12", "--year", "2026",
                    "--out", str(plaque)])[0] == 0
    for pdf in (board, plaque):
        text = text_of(pdf.read_bytes())
        assert "三组第12号户" in text and "杨老三" not in text and "孝老爱亲" in text
    certificate = text_of(plaque.read_bytes())  # the stars' own process (R53), not the red list's wording
    assert "经村民小组评议、村民（代表）会议评定并公示" in certificate and "2星级文明户" in certificate
    assert "红榜" not in certificate and "执委会" not in certificate
    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    stores.naming_bases.record_naming_basis("12", "consent", "户主书面同意在榜上公开姓名", date(2026, 1, 2))
    assert run_cli(["--db", str(path), "print", "stars-board", "--year", "2026", "--out", str(board)])[0] == 0
    assert "三组杨老三家" in text_of(board.read_bytes())  # (the extracted text drops spaces)


def test_an_evaluation_meeting_of_the_village_decides_too(village_db: Database) -> None:
    from models.minutes.types import Composition, MajorityRule, QuorumRule, make_custom_type

    meeting = _adopted(village_db)
    assert meeting
    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    stores.meeting_types.add_meeting_type(make_custom_type("moral_council", "道德评议会", "评", Composition.INVITED,
                                                           QuorumRule.MORE_THAN_HALF, MajorityRule.OF_PRESENT))
    council = final_meeting(village_db, COMMAND_LINE_ACTOR, "moral_council", date(2026, 12, 2), expected=40,
                            present=35, attendees=())
    _passed(_path(village_db), "31", "爱国守法")
    code, _, err = run_cli(["--db", str(_path(village_db)), "stars", "award", "--household", "31", "--star",
                            "爱国守法", "--year", "2026", "--meeting", council])
    assert code == 0, err


def test_applied_reviewed_decided_publicised_then_awarded(village_db: Database, tmp_path: Path) -> None:
    """R53 step by step: no decision before the group passed it; nothing counts before the publicity closed; an
    objection upheld during the publicity takes the star back with the answer as its reason."""
    path = _path(village_db)
    meeting = _adopted(village_db)
    award = ["--db", str(path), "stars", "award", "--household", "12", "--star", "孝老爱亲", "--year", "2026",
             "--meeting", meeting]
    code, _, err = run_cli(award)
    assert code == 2 and "还没有申请或推荐" in err
    code, nominated = run_json(path, "stars", "apply", "--household", "12", "--star", "孝老爱亲", "--year", "2026",
                               "--nominated-by", "三组组长", "--date", "2026-05-10")
    assert code == 0
    code, _, err = run_cli(award)
    assert code == 2 and "待小组评议" in err
    code, _, err = run_cli(["--db", str(path), "stars", "review", nominated["id"], "--reject"])
    assert code == 2 and "写明理由" in err
    assert run_json(path, "stars", "review", nominated["id"], "--pass", "--date", "2026-05-20")[0] == 0
    assert run_cli(award)[0] == 0
    _passed(path, "15", "清洁卫生")
    assert run_cli(award[:5] + ["15", "--star", "清洁卫生", "--year", "2026", "--meeting", meeting])[0] == 0
    (row, _) = run_json(path, "stars", "candidates", "--year", "2026")[1]["rows"]
    assert (row["household"], row["route"], row["verdict"], row["stage"]) == ("12", "nominated", "passed", "decided")
    assert run_json(path, "stars", "list", "--year", "2026")[1]["rows"] == []  # decided, not yet publicised
    code, _, err = run_cli(["--db", str(path), "stars", "publicize", "--year", "2026", "--from", "2026-06-02",
                            "--days", "4"])
    assert code == 2 and "最少 5 天" in err
    assert run_json(path, "stars", "publicize", "--year", "2026", "--from", "2026-06-02") == (
        0, {"awards": 2, "end": "2026-06-08"})
    notice = tmp_path / "公示.pdf"
    assert run_cli(["--db", str(path), "print", "stars-publicity", "--year", "2026", "--out", str(notice)])[0] == 0
    text = text_of(notice.read_bytes())
    assert "2026年6月2日至2026年6月8日" in text and "三组第12号户" in text and "杨老三" not in text
    (posted,) = build_stores(village_db, COMMAND_LINE_ACTOR).publications.publications()
    assert posted.note.startswith("打印登记")  # the printed publicity registers as a village-affairs disclosure
    code, _, err = run_cli(["--db", str(path), "stars", "objection", "--household", "15", "--star", "清洁卫生",
                            "--year", "2026", "--by", "邻居", "--text", "院里常年堆放垃圾", "--date", "2026-06-09"])
    assert code == 2 and "不是公示期间" in err
    code, objection = run_json(path, "stars", "objection", "--household", "15", "--star", "清洁卫生", "--year",
                               "2026", "--by", "邻居", "--text", "院里常年堆放垃圾", "--date", "2026-06-05")
    assert code == 0
    assert [r["household"] for r in run_json(path, "stars", "list", "--year", "2026")[1]["rows"]] == ["12"]
    assert run_json(path, "stars", "answer", objection["id"], "--text", "经核实属实，评议会认定异议成立", "--upheld",
                    "--date", "2026-06-07")[0] == 0
    (withdrawn,) = [a for a in build_stores(village_db, COMMAND_LINE_ACTOR).star_awards.awards(2026)
                    if a.household_no == "15"]
    assert not withdrawn.in_force and "异议成立" in withdrawn.withdraw_reason
    assert run_json(path, "stars", "list", "--year", "2026")[1] == {
        "year": 2026, "rows": [{"household": "12", "stars": ["孝老爱亲"], "count": 1}]}
