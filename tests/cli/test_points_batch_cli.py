"""`points batch` (issue 21): one pending entry per household of an event, from 户号 or a sign-in sheet (.csv/.xlsx
with 户号 or 户主姓名), in one transaction — an unknown household or a cap refuses the whole batch naming the row."""
from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli, run_json
from tests.points_fixtures import FUTURE, Village, village  # noqa: F401  (fixture)

DAY = f"{FUTURE}-12"


def _count(village: Village) -> int:
    return int(village.db.conn.execute("SELECT COUNT(*) FROM points_entries WHERE on_date = ?", (DAY,)).fetchone()[0])


def _batch(village: Village, *more: str) -> list[str]:
    return ["--db", str(village.path), "points", "batch", "--item", "B01", "--date", DAY, *more]


def test_batch_by_household_numbers(village: Village) -> None:
    code, out = run_json(village.path, *_batch(village, "--households", "0001,0002，0003", "--note", "卫生大扫除")[2:])
    assert code == 0 and set(out) == {"ids", "count"} and out["count"] == 3
    entries = [village.clerk.points.ledger.entry(i) for i in out["ids"]]
    assert [e.household_no for e in entries] == ["0001", "0002", "0003"]  # in the order given
    assert all(not e.confirmed and e.points == 5 and e.note == "卫生大扫除" for e in entries)


def test_an_unknown_household_refuses_the_whole_batch_naming_it(village: Village) -> None:
    code, _, err = run_cli(_batch(village, "--households", "0001,9999,0003"))
    assert code == 2 and "第2个户号（户号 9999）" in err and "户籍中没有户号" in err and "一户也没有记" in err
    code, _, err = run_cli(_batch(village, "--households", "0001,0002,0001"))
    assert code == 2 and "第3个户号与第1个户号是同一户" in err
    assert _count(village) == 0


def test_a_cap_reached_by_one_household_refuses_the_whole_batch(village: Village) -> None:
    code, _ = run_json(village.path, *_batch(village, "--households", "0002")[2:])
    code, _ = run_json(village.path, *_batch(village, "--households", "0002")[2:])  # B01: 10 of the cap of 10
    assert code == 0 and _count(village) == 2
    code, _, err = run_cli(_batch(village, "--households", "0001,0002"))
    assert code == 2 and "第2个户号（户号 0002）" in err and "最多 10 分" in err and "还可记 0 分" in err
    assert _count(village) == 2


def test_a_csv_sign_in_sheet_by_number_or_head_name(village: Village, tmp_path: Path) -> None:
    households = village.clerk.points.tally.households()
    heads = [h.head_name for h in households]
    unique = next(h for h in households[3:] if heads.count(h.head_name) == 1)
    sheet = tmp_path / "签到表.csv"
    sheet.write_text(f"3月12日卫生大扫除签到表,,\n序号,户号,户主姓名\n1,0001,\n2,2,\n3,,{unique.head_name}\n,,\n",
                     encoding="utf-8-sig")
    code, out = run_json(village.path, *_batch(village, "--sheet", str(sheet))[2:])
    assert code == 0 and out["count"] == 3
    assert [village.clerk.points.ledger.entry(i).household_no for i in out["ids"]] == ["0001", "0002",
                                                                                      unique.household_no]
    bad = tmp_path / "错.csv"
    bad.write_text("户号,户主姓名\n0004,\n,查无此人\n", encoding="utf-8")
    code, _, err = run_cli(_batch(village, "--sheet", str(bad)))
    assert code == 2 and "签到表第3行" in err and "查无此人" in err
    assert _count(village) == 3


def test_an_xlsx_sign_in_sheet_with_an_unknown_household_names_the_row(village: Village, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["户号", "签名"], ["0005", "张"], ["0006", "李"], ["8888", "王"]):
        sheet.append(row)
    path = tmp_path / "签到表.xlsx"
    book.save(path)
    code, _, err = run_cli(_batch(village, "--sheet", str(path)))
    assert code == 2 and "签到表第4行（户号 8888）" in err
    assert _count(village) == 0
    code, _, err = run_cli(_batch(village, "--sheet", str(tmp_path / "没有.xlsx")))
    assert code == 2 and "找不到文件" in err
