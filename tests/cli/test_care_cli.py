"""The issue's command-line contract for grids, contact lines, care levels and visits, on the demo village; and
privacy (R51): no care reason and no phone but the grid member's on the public 网格公示牌, read back from the PDF."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from models.care.care import ReasonClass
from storage.core.installation import open_database
from tests.helpers import run_cli, run_json
from tests.printing import pdfcheck
from tests.templates import copy_installation


@pytest.fixture
def demo(demo_cli_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "village.sqlite3"
    copy_installation(demo_cli_template, path)
    return path


def _plain_household(demo: Path) -> str:
    """A 放心户 of the demo (households 00xx)."""
    db = open_database(demo)
    return db.conn.execute("SELECT household_no FROM households WHERE care_level = 'green' "
                           "ORDER BY household_no LIMIT 1").fetchone()[0]


def test_grid_list_and_assign_with_the_size_warning(demo: Path) -> None:
    code, data = run_json(demo, "grid", "list")
    assert code == 0 and data["rows"]
    assert set(data["rows"][0]) >= {"id", "name", "level", "parent", "households", "member"}
    first, second = data["rows"][0], data["rows"][1]
    assert first["level"] == 3 and first["member"]
    number = _plain_household(demo)
    code, out, err = run_cli(["--db", str(demo), "grid", "assign", "--household", number, "--grid", second["id"],
                              "--from", "2026-06-01"])
    assert code == 0, err
    assert "提醒" in out  # the demo's 40 households make grids of fewer than 20
    code, data = run_json(demo, "grid", "list")
    counts = {r["id"]: r["households"] for r in data["rows"]}
    assert counts[second["id"]] == second["households"] + 1


def test_red_household_without_a_contact_refused_and_care_list(demo: Path) -> None:
    db = open_database(demo)
    household_id, number = db.conn.execute(
        "SELECT id, household_no FROM households WHERE care_level = 'green' ORDER BY household_no LIMIT 1").fetchone()
    db.conn.execute("UPDATE care_contacts SET deleted = 1 WHERE household_id = ?", (household_id,))
    start = date.today() - timedelta(days=31)
    args = ["care", "set", "--household", number, "--level", "red", "--reason-class", "重病", "--review",
            "2027-12-31", "--from", start.isoformat()]
    code, out, err = run_cli(["--db", str(demo), *args])
    assert code == 2 and "联户人" in err
    head = db.conn.execute("SELECT v.name, v.id FROM villagers v JOIN households h ON h.head_id = v.id "
                           "WHERE h.id = ?", (household_id,)).fetchone()
    code, _, err = run_cli(["--db", str(demo), "contact", "set", "--household", number, "--line", "中心户长",
                            "--villager", head[1], "--from", (start - timedelta(days=1)).isoformat()])
    assert code == 0, err
    assert run_cli(["--db", str(demo), *args])[0] == 0
    code, data = run_json(demo, "care", "list", "--overdue")
    row = next(r for r in data["rows"] if r["household"] == number)
    assert row["level"] == "red" and row["last_visit"] is None and row["overdue"] is True
    assert row["visit_due"] == (start + timedelta(days=30)).isoformat()
    code, _, err = run_cli(["--db", str(demo), "visit", "add", "--household", number, "--by", head[0], "--text",
                            "身体好转"])
    assert code == 0, err
    code, data = run_json(demo, "care", "list", "--overdue")
    assert number not in [r["household"] for r in data["rows"]]
    before = run_json(demo, "matter", "list")[1]["total"]
    code, _, err = run_cli(["--db", str(demo), "visit", "add", "--household", number, "--by", head[0], "--text",
                            "反映路灯不亮", "--matter"])
    assert code == 0, err
    after = run_json(demo, "matter", "list")[1]["total"]
    assert after == before + 1  # the problem found on the visit is a villagers' matter now


def test_villager_by_ambiguous_name_is_refused_listing_them(demo: Path) -> None:
    db = open_database(demo)
    name, count = db.conn.execute("SELECT name, count(*) c FROM villagers WHERE status = 'active' AND deleted = 0 "
                                  "GROUP BY name HAVING c > 1 ORDER BY c DESC LIMIT 1").fetchone()
    code, _, err = run_cli(["--db", str(demo), "contact", "set", "--household", _plain_household(demo), "--line",
                            "党员", "--villager", name])
    assert code == 2 and f"有 {count} 位" in err and "编号" in err


def test_public_board_shows_no_reason_and_no_phone_but_the_members(demo: Path, tmp_path: Path) -> None:
    db = open_database(demo)
    phones = {r[0] for r in db.conn.execute("SELECT phone FROM villagers WHERE phone <> '' UNION "
                                            "SELECT phone FROM households WHERE phone <> ''")}
    code, data = run_json(demo, "grid", "list")
    for row in data["rows"]:
        out = tmp_path / f"{row['id']}.pdf"
        code, _, err = run_cli(["--db", str(demo), "print", "grid-board", "--grid", row["id"], "--out", str(out)])
        assert code == 0, err
        text = pdfcheck.text_of(out.read_bytes())
        member_phone = db.conn.execute("SELECT v.phone FROM grids g JOIN villagers v ON v.id = g.member_id "
                                       "WHERE g.id = ?", (row["id"],)).fetchone()[0]
        assert member_phone and member_phone in text and row["member"] in text
        assert [p for p in phones - {member_phone} if p in text] == []
        assert not any(reason.value in text for reason in ReasonClass if reason is not ReasonClass.OTHER)
        assert not any(label in text for label in ("关心户", "连心户"))
    sheet = tmp_path / "sheet.pdf"
    assert run_cli(["--db", str(demo), "print", "grid-sheet", "--grid", data["rows"][0]["id"], "--out",
                    str(sheet)])[0] == 0
    text = pdfcheck.text_of(sheet.read_bytes())
    assert "内部资料请勿张贴" in text
    assert not any(reason.value in text for reason in ReasonClass if reason is not ReasonClass.OTHER)


def test_settings_move_the_band_and_the_intervals(demo: Path) -> None:
    code, data = run_json(demo, "care", "settings")
    assert data == {"red_days": 30, "yellow_days": 90, "grid_low": 20, "grid_high": 30}
    code, data = run_json(demo, "care", "settings", "--grid-low", "5", "--grid-high", "9", "--red-days", "10")
    assert code == 0 and data["grid_low"] == 5 and data["red_days"] == 10
    assert run_cli(["--db", str(demo), "care", "settings", "--grid-low", "12", "--grid-high", "9"])[0] == 2
    code, data = run_json(demo, "grid", "list")
    assert all(("多于" in r["warning"]) == (r["households"] > 9) for r in data["rows"] if r["warning"])


def test_grid_set_levels_parent_and_member(demo: Path) -> None:
    code, data = run_json(demo, "grid", "list")
    upper, lower = data["rows"][0], data["rows"][1]
    db = open_database(demo)
    member = db.conn.execute("SELECT id, name FROM villagers WHERE status = 'active' LIMIT 1").fetchone()
    code, _, err = run_cli(["--db", str(demo), "grid", "set", lower["id"], "--parent", upper["id"]])
    assert code == 2 and "上级应是二级网格" in err  # both are 三级
    assert run_cli(["--db", str(demo), "grid", "set", upper["id"], "--level", "二级"])[0] == 0
    code, out, err = run_cli(["--db", str(demo), "grid", "set", lower["id"], "--parent", upper["id"], "--member",
                              member[0]])
    assert code == 0, err
    rows = {r["id"]: r for r in run_json(demo, "grid", "list")[1]["rows"]}
    assert (rows[lower["id"]]["member"], rows[lower["id"]]["parent"]) == (member[1], upper["name"])
    assert rows[upper["id"]]["level"] == 2 and "下级网格" in rows[upper["id"]]["warning"]


def test_grid_members_lists_each_member_by_date(demo: Path) -> None:
    """R52: `grid set --member V --from D` keeps the previous member's term; `grid members` lists them."""
    grid = run_json(demo, "grid", "list")[1]["rows"][-1]
    db = open_database(demo)
    first, second = db.conn.execute("SELECT id, name FROM villagers WHERE status = 'active' LIMIT 2").fetchall()
    assert run_cli(["--db", str(demo), "grid", "set", grid["id"], "--member", first[0], "--from", "2026-01-01"])[0] == 0
    assert run_cli(["--db", str(demo), "grid", "set", grid["id"], "--member", second[0], "--from", "2026-06-01"])[0] == 0
    code, data = run_json(demo, "grid", "members", grid["id"])
    assert code == 0 and data["grid"] == grid["id"]
    assert [(r["name"], r["from"], r["to"]) for r in data["rows"]][-2:] == [
        (first[1], "2026-01-01", "2026-05-31"), (second[1], "2026-06-01", None)]
