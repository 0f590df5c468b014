"""`points scheme import` refusals from the command line (R35): a version dated before the one in force, a meeting
that already adopted one, a damaged file, missing columns, a cap below the points; and an exported scheme importing
back as the same items."""
from __future__ import annotations

from pathlib import Path

from storage.points.scheme_files import TEMPLATE_FILE
from tests.cli.test_points_cli import _adopting_meetings, _import, _item
from tests.helpers import run_cli, run_json
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)


def test_a_new_version_cannot_be_dated_before_the_one_in_force(village: Village) -> None:
    meetings = _adopting_meetings(village)
    code, _ = _import(village, TEMPLATE_FILE, meetings[-1])
    assert code == 0
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(TEMPLATE_FILE),
                            "--meeting", meetings[0], "--item", _item(village, meetings[0])])
    assert code == 2 and "早于现行第2版的通过日期" in err


def test_an_exported_scheme_imports_back_as_the_same_items(village: Village, tmp_path: Path) -> None:
    out = tmp_path / "细则.md"
    code, exported = run_json(village.path, "points", "scheme", "export", str(out))
    assert code == 0 and exported["version"] == 1
    _, before = run_json(village.path, "points", "scheme", "show")
    code, _ = _import(village, out, _adopting_meetings(village)[-1])
    assert code == 0
    _, after = run_json(village.path, "points", "scheme", "show")
    assert after["version"] == 2 and after["items"] == before["items"]
    clauses = [i.clause for i in village.clerk.points.scheme.current().items if i.clause]  # type: ignore[union-attr]
    assert clauses and all(c.startswith("第") and " " in c for c in clauses)


def test_a_meeting_that_adopted_a_version_cannot_adopt_another_r35(village: Village) -> None:
    """Reusing the meeting whose resolution adopted version 1 (or any later one) is refused: otherwise a clerk could
    replace the adopted scheme again and again from the same date, without a new meeting's resolution."""
    adopted = village.clerk.points.scheme.current()
    assert adopted is not None and adopted.version == 1
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(TEMPLATE_FILE),
                            "--meeting", adopted.meeting_id, "--item", _item(village, adopted.meeting_id)])
    assert code == 2 and "已通过第1版积分细则" in err and "R35" in err and "中央农办" in err, err
    assert "另行召开" in err and "Traceback" not in err
    later = next(m for m in reversed(_adopting_meetings(village)) if m != adopted.meeting_id)
    code, out = _import(village, TEMPLATE_FILE, later)
    assert code == 0 and out["version"] == 2
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(TEMPLATE_FILE),
                            "--meeting", later, "--item", _item(village, later)])
    assert code == 2 and "已通过第2版积分细则" in err
    versions = village.clerk.points.scheme.versions()
    assert [v.version for v in versions] == [1, 2]
    assert all(v.adopted_on >= versions[0].adopted_on for v in versions)


def test_a_damaged_scheme_file_exits_2_with_advice(village: Village, tmp_path: Path) -> None:
    meeting = _adopting_meetings(village)[-1]
    for name, data in (("bad.xlsx", b"not a workbook"), ("bad.docx", b"junk"), ("bad.md", b"\xff\xfe\xff\x81 ")):
        path = tmp_path / name
        path.write_bytes(data)
        code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(path), "--meeting",
                                meeting, "--item", _item(village, meeting)])
        assert code == 2 and "Traceback" not in err and ("重新保存" in err or "UTF-8" in err), (name, err)


def test_missing_columns_are_named_and_a_cap_below_the_points_is_refused_by_its_sheet_row(village: Village,
                                                                                        tmp_path: Path) -> None:
    """A sheet without some of the columns names them (not "没有任何项目"); a cap smaller than the item's points is
    refused naming the row as Excel numbers it (a settings row above the header counts, as in the roster import)."""
    from openpyxl import Workbook

    meeting = _adopting_meetings(village)[-1]
    short = tmp_path / "缺列.md"
    short.write_text("| 代码 | 类别 | 名称 | 分值 |\n|---|---|---|---|\n", encoding="utf-8")
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(short), "--meeting", meeting,
                            "--item", _item(village, meeting)])
    assert code == 2 and "缺少列：每期上限、所需依据、村规民约条款" in err and "没有任何项目" not in err, err
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["计分周期", "月"])
    sheet.append(["代码", "类别", "名称", "分值", "每期上限", "所需依据", "村规民约条款"])
    sheet.append(["B01", "人居环境", "参加全村卫生日义务劳动", 5, 10, "签到表", ""])
    sheet.append([])
    sheet.append(["B02", "人居环境", "庭院整洁", 5, 3, "检查照片", ""])
    path = tmp_path / "细则.xlsx"
    book.save(path)
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(path), "--meeting", meeting,
                            "--item", _item(village, meeting)])
    assert code == 2 and "第5行（B02 庭院整洁）" in err and "每期上限 3 分小于" in err, err
    assert village.clerk.points.scheme.current().version == 1  # type: ignore[union-attr]
