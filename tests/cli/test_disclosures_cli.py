"""`disclose due | record`, `finance import`, `print finance-board`: the contract's forms and JSON keys."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.printing.pdfcheck import text_of


def _path(db: Database) -> Path:
    assert db.path is not None
    return db.path


def _record(path: Path, start: str, end: str, *extra: str) -> tuple[int, object]:
    return run_json(path, "disclose", "record", "--kind", "finance", "--category", "财务收支", "--from", start,
                    "--to", end, *extra)


def test_due_lists_statuses_of_a_past_year(village_db: Database, tmp_path: Path) -> None:
    path = _path(village_db)
    photo = tmp_path / "公开栏.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 board photo")
    code, posted = _record(path, "2025-12-05", "2025-12-31", "--photo", str(photo))
    assert code == 0 and posted["period"] == "2025-11" and posted["on_time"] is True and posted["photo"] is True
    code, late = _record(path, "2025-11-20", "2025-11-30", "--period", "2025-10")
    assert code == 0 and late["due"] == "2025-11-10" and late["on_time"] is False
    code, data = run_json(path, "disclose", "due", "--year", "2025")
    assert code == 0
    finance = {r["due"]: r["status"] for r in data["rows"] if r["category"] == "财务收支"}
    assert finance["2025-12-10"] == "done" and finance["2025-11-10"] == "late" and finance["2025-10-10"] == "overdue"
    assert set(data["rows"][0]) >= {"kind", "category", "due", "status"}
    quarterly = [r for r in data["rows"] if r["category"] == "惠民资金和补贴发放"]
    assert [r["due"] for r in quarterly] == ["2025-04-10", "2025-07-10", "2025-10-10", "2026-01-10"]


def test_record_refuses_an_unknown_category(village_db: Database) -> None:
    code, _, err = run_cli(["--db", str(_path(village_db)), "disclose", "record", "--kind", "party", "--category",
                            "财务收支", "--from", "2026-01-05", "--to", "2026-01-20"])
    assert code == 2 and "党务公开目录中没有“财务收支”" in err


def test_finance_import_checks_totals_and_prints_the_board(village_db: Database, tmp_path: Path) -> None:
    path = _path(village_db)
    bad = tmp_path / "11月.csv"
    bad.write_text("日期,摘要,收入,支出\n2026-11-03,上级转移支付,50000,\n2026-11-12,村道维修,,12345.60\n"
                   "合计,,50000,12000\n", encoding="utf-8")
    code, _, err = run_cli(["--db", str(path), "finance", "import", str(bad), "--month", "2026-11"])
    assert code == 2 and "第 4 行“合计”的支出" in err
    book = Workbook()
    sheet = book.active
    for row in (("日期", "摘要", "收入", "支出"), ("2026-11-03", "上级转移支付", 50000, None),
                ("2026-11-12", "村道维修", None, 12345.6), ("合计", None, 50000, 12345.6)):
        sheet.append(row)
    good = tmp_path / "11月.xlsx"
    book.save(good)
    code, data = run_json(path, "finance", "import", str(good), "--month", "2026-11")
    assert code == 0 and data == {"month": "2026-11", "lines": 2, "income": 5000000, "expense": 1234560}
    out = tmp_path / "board.pdf"
    code, _, err = run_cli(["--db", str(path), "print", "finance-board", "--month", "2026-11", "--out", str(out)])
    assert code == 0, err
    text = text_of(out.read_bytes())
    assert "2026年11月财务公开" in text and "村道维修" in text and "12,345.60" in text


def test_a_printed_resolution_notice_registers_as_a_disclosure_once(village_db: Database, tmp_path: Path) -> None:
    """打印即登记 (issue 23): `print minutes --notice resolution` records the posting; the same copy again does not."""
    from datetime import date

    from models.core.accounts import COMMAND_LINE_ACTOR
    from tests.storage.workflow_setup import villagers_meeting

    path = _path(village_db)
    meeting = villagers_meeting(village_db, COMMAND_LINE_ACTOR, date(2026, 6, 1))
    out = tmp_path / "决议公开.pdf"
    for _ in range(2):
        code, _, err = run_cli(["--db", str(path), "print", "minutes", meeting, "--notice", "resolution",
                                "--out", str(out)])
        assert code == 0, err
    code, _, _ = run_cli(["--db", str(path), "print", "minutes", meeting, "--out", str(tmp_path / "记录.pdf")])
    assert code == 0  # the record-book page is no public notice
    from storage.core.backend import build_stores

    (posted,) = build_stores(village_db, COMMAND_LINE_ACTOR).publications.publications()
    assert (posted.kind.value, posted.category, posted.start) == ("village", "村民普遍关心的其他事项", date.today())
    assert posted.note.startswith("打印登记") and posted.posted_by


def test_an_approval_and_a_projects_steps_fall_due_five_days_after(village_db: Database) -> None:
    """R41 (陕西省实施办法第三十三条): `disclose event` makes the item due; a posting meets the earliest open one."""
    path = _path(village_db)
    code, approval = run_json(path, "disclose", "event", "--category", "需经政府批准的事项", "--subject",
                              "乡政府关于村道硬化的批复", "--date", "2026-03-02")
    assert code == 0 and approval["due"] == "2026-03-07"
    code, _, err = run_cli(["--db", str(path), "disclose", "event", "--category", "时间较长的建设项目", "--subject",
                            "饮水工程", "--date", "2026-04-01"])
    assert code == 2 and "决策、进展还是完成" in err
    for stage, day in (("decision", "2026-04-01"), ("progress", "2026-06-15")):
        assert run_json(path, "disclose", "event", "--category", "时间较长的建设项目", "--subject", "饮水工程",
                        "--stage", stage, "--date", day)[0] == 0
    code, _, err = run_cli(["--db", str(path), "disclose", "event", "--category", "财务收支", "--subject", "x"])
    assert code == 2 and "不用登记事件" in err
    code, data = run_json(path, "disclose", "due", "--year", "2026")
    rows = {r["due"]: r["status"] for r in data["rows"] if r["category"] in ("需经政府批准的事项", "时间较长的建设项目")}
    assert rows == {"2026-03-07": "overdue", "2026-04-06": "overdue", "2026-06-20": "overdue"}
    code, posted = run_json(path, "disclose", "record", "--kind", "village", "--category", "时间较长的建设项目",
                            "--from", "2026-04-03", "--to", "2026-04-17")
    assert code == 0 and posted["due"] == "2026-04-06" and posted["on_time"] is True
    statuses = {r["due"]: r["status"] for r in run_json(path, "disclose", "due", "--year", "2026")[1]["rows"]
                if r["category"] == "时间较长的建设项目"}
    assert statuses == {"2026-04-06": "done", "2026-06-20": "overdue"}
