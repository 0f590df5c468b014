"""群众说事 printed: a dispute between named villagers appears on the board lists as a class count only (R49),
read back from the PDF; the wall chart counts by group and class; the officer's log page."""
from __future__ import annotations

from pathlib import Path

from models.core.accounts import Actor
from storage.core.db import Database
from tests.helpers import run_json
from tests.printing.pdfcheck import assert_in_order, reader, text_of
from tests.registry_fixtures import make_family
from storage.core.backend import build_stores


def _add(db: Path, text: str, cls: str, *who: str) -> str:
    code, out = run_json(db, "matter", "add", "--text", text, "--class", cls, "--channel", "说事室",
                         "--date", "2026-11-04", *who)
    assert code == 0, out
    return str(out["number"])


def test_the_month_lists_show_a_dispute_only_as_a_count(village_db: Database, admin: Actor, tmp_path: Path) -> None:
    db = village_db.path
    make_family(build_stores(village_db, admin))
    _add(db, "吴建华与邻居龙老三因宅基地界线争执", "矛盾纠纷", "--villager", "吴建华")
    _add(db, "村口路灯不亮", "基础设施")
    road = _add(db, "三组水渠堵塞", "人居环境")
    run_json(db, "matter", "assign", road, "--to", "三组组长", "--date", "2026-11-05")
    out = tmp_path / "lists.pdf"
    code, report = run_json(db, "print", "matters", "--period", "2026-11", "--out", str(out))
    assert code == 0, report
    data = out.read_bytes()
    text = text_of(data)
    assert len(reader(data).pages) == 3
    assert_in_order(data, ["问题清单", "村口路灯不亮", "三组水渠堵塞", "另有不公开事项1件（矛盾纠纷1件）",
                           "交办清单", "三组水渠堵塞", "三组组长", "销号清单", "本月无"])
    assert "吴建华" not in text and "宅基地" not in text and "龙老三" not in text


def test_the_wall_chart_and_the_officer_log(village_db: Database, admin: Actor, tmp_path: Path) -> None:
    from models.core.accounts import Role

    db = village_db.path
    build_stores(village_db, admin).accounts.create_user("xinxiyuan", "龙德军", Role.CLERK, "secret123")
    _add(db, "村口路灯不亮", "基础设施")
    _add(db, "路面坑洼", "基础设施")
    chart = tmp_path / "chart.pdf"
    assert run_json(db, "print", "matter-chart", "--out", str(chart))[0] == 0
    assert_in_order(chart.read_bytes(), ["挂图作战", "未分组", "2", "合计"])
    width, height = reader(chart.read_bytes()).pages[0].mediabox.upper_right
    assert float(width) > float(height) > 800  # A3 landscape
    run_json(db, "officer-log", "add", "--officer", "龙德军", "--date", "2026-11-02", "--text", "走访三组六户")
    log = tmp_path / "log.pdf"
    assert run_json(db, "print", "officer-log", "--officer", "xinxiyuan", "--month", "2026-11", "--out", str(log))[0] == 0
    assert_in_order(log.read_bytes(), ["议事信息员工作日志", "龙德军", "2026-11-02", "走访三组六户", "信息员签字"])


def test_a_matter_raised_in_october_and_assigned_in_november_is_on_novembers_assignment_list(
        village_db: Database, tmp_path: Path) -> None:
    db = village_db.path
    code, october = run_json(db, "matter", "add", "--text", "十月反映的村道坑洼", "--class", "基础设施",
                             "--channel", "说事室", "--date", "2026-10-28")
    assert code == 0
    run_json(db, "matter", "assign", october["number"], "--to", "二组组长", "--date", "2026-11-02")
    _add(db, "十一月的路灯不亮", "基础设施")
    out = tmp_path / "lists.pdf"
    assert run_json(db, "print", "matters", "--period", "2026-11", "--out", str(out))[0] == 0
    pages = [page.extract_text() for page in reader(out.read_bytes()).pages]
    problems, assigned = "".join(pages[0].split()), "".join(pages[1].split())
    assert "十一月的路灯不亮" in problems and "十月反映的村道坑洼" not in problems
    assert "交办清单" in assigned and "十月反映的村道坑洼" in assigned and "二组组长" in assigned
    october_lists = tmp_path / "october.pdf"
    assert run_json(db, "print", "matters", "--period", "2026-10", "--out", str(october_lists))[0] == 0
    assert "十月反映的村道坑洼" not in "".join(reader(october_lists.read_bytes()).pages[1].extract_text().split())
