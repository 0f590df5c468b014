"""`points add … --evidence REF` (R36): a meeting, list entry or matter id checked to exist, or a photo's path kept
by the one attachment store under the entry, in the entry's transaction; `points list --json` rows carry it as
`evidence`. An unknown reference exits 2 in Chinese and records nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.attachments import AttachmentOwner, OwnerKind
from tests.helpers import run_cli, run_json
from tests.points_fixtures import FUTURE, Village, village  # noqa: F401  (fixture)

DAY = f"{FUTURE}-08"


def _add(village: Village, household: str, *more: str) -> list[str]:
    return ["--db", str(village.path), "points", "add", "--household", household, "--item", "D01", "--date", DAY,
            *more]


def _first_id(village: Village, table: str) -> str:
    return str(village.db.conn.execute(f"SELECT id FROM {table} WHERE deleted = 0 LIMIT 1").fetchone()[0])


def _rows(village: Village, household: str) -> dict[str, dict[str, object]]:
    code, listed = run_json(village.path, "points", "list", "--household", household)
    assert code == 0
    return {r["id"]: r for r in listed["rows"]}


@pytest.mark.parametrize(("table", "kind"), [("meetings", "meeting"), ("list_entries", "list_entry"),
                                             ("matters", "matter")])
def test_a_record_reference_is_checked_and_listed(village: Village, table: str, kind: str) -> None:
    record = _first_id(village, table)
    code, added = run_json(village.path, *_add(village, "0014", "--evidence", record)[2:])
    assert code == 0 and added == {"id": added["id"], "confirmed": False}
    row = _rows(village, "0014")[added["id"]]
    assert row["evidence"] == f"{kind}:{record}" and {"id", "date", "item", "points", "confirmed", "reverses"} <= set(row)
    code, text, _ = run_cli(["--db", str(village.path), "points", "list", "--household", "0014"])
    assert "依据 " in text and record in text


def test_an_unknown_reference_exits_2_and_records_nothing(village: Village) -> None:
    before = len(_rows(village, "0015"))
    code, _, err = run_cli(_add(village, "0015", "--evidence", "NO-SUCH-RECORD"))
    assert code == 2 and "依据“NO-SUCH-RECORD”既不是会议记录、榜单条目或群众说事的编号" in err and "未记录" in err
    assert len(_rows(village, "0015")) == before


def test_a_photo_goes_through_the_one_attachment_store(village: Village, tmp_path: Path) -> None:
    photo = tmp_path / "院坝会签到.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 64)
    code, added = run_json(village.path, *_add(village, "0016", "--evidence", str(photo))[2:])
    assert code == 0
    kept = village.clerk.attachments.attachments(AttachmentOwner(OwnerKind.POINTS_ENTRY, added["id"]))
    assert [a.file_name for a in kept] == ["院坝会签到.jpg"]
    assert _rows(village, "0016")[added["id"]]["evidence"] == f"attachment:{kept[0].id}"
    bad = tmp_path / "签到.exe"
    bad.write_bytes(b"MZ" + b"0" * 64)
    before = len(_rows(village, "0016"))
    code, _, err = run_cli(_add(village, "0016", "--evidence", str(bad)))
    assert code == 2 and len(_rows(village, "0016")) == before  # the entry rolled back with the refused file


def test_the_commands_the_unknown_reference_message_names_exist() -> None:
    """The refusal tells the clerk where to look the numbers up: each command it names runs (`--help` exits 0)."""
    import re

    from models.points.evidence import NOT_FOUND

    named = re.search(r"（(.*) 可查）", NOT_FOUND)
    assert named is not None
    commands = named.group(1).split("、")
    assert commands == ["meeting list", "lists show", "matter list"]
    for command in commands:
        code, out, err = run_cli([*command.split(), "--help"])
        assert code == 0 and "usage:" in out, (command, err)
