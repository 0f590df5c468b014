"""Item 5: cells starting with = + - @ TAB CR are neutralised in every CSV/XLSX export and XLSX cells are text."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from models.core.spreadsheet_cells import FORMULA_STARTS, neutralise, restore
from tests.helpers import run_cli
from tests.sync.conftest import Pair

HOSTILE_GROUP = '=HYPERLINK("http://x","点我")'
HOSTILE_ADDRESS = "@SUM(1+1)|cmd"


def _roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text("户号,组别,姓名,与户主关系,性别,身份证号\n"
                    f'0001,"{HOSTILE_GROUP.replace(chr(34), chr(34) * 2)}",张三,户主,男,\n'
                    f"0002,{HOSTILE_ADDRESS},李四,户主,女,\n0003,-三组,王五,户主,男,\n", encoding="utf-8")
    return path


def _cells_of_csv(path: Path) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))) for cell in row]


def test_csv_and_xlsx_exports_hold_no_formula(pair: Pair, tmp_path: Path) -> None:
    db = str(pair.village.path)
    code, out, err = run_cli(["--db", db, "roster", "import", str(_roster(tmp_path))])
    assert code == 0, out + err
    assert run_cli(["--db", db, "roster", "export", str(tmp_path / "out.csv")])[0] == 0
    assert run_cli(["--db", db, "roster", "export", str(tmp_path / "out.xlsx")])[0] == 0
    cells = _cells_of_csv(tmp_path / "out.csv")
    assert "'" + HOSTILE_GROUP in cells and not any(c.startswith(FORMULA_STARTS) for c in cells)
    import openpyxl
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").worksheets[0]
    values = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in values)
    assert not any(str(c.value).startswith(FORMULA_STARTS) for c in values)


def test_an_exported_roster_reimports_unchanged(pair: Pair, tmp_path: Path) -> None:
    from storage.registry.roster_files import read_sheet
    db = str(pair.village.path)
    run_cli(["--db", db, "roster", "import", str(_roster(tmp_path))])
    run_cli(["--db", db, "roster", "export", str(tmp_path / "out.xlsx")])
    groups = {row[1][1] for row in read_sheet(tmp_path / "out.xlsx").rows}
    assert groups == {HOSTILE_GROUP, HOSTILE_ADDRESS, "-三组"}


def test_the_rejects_file_is_neutralised(pair: Pair, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("户号,组别,姓名,与户主关系,性别,身份证号\n0001,=1+1,张三,户主,男,123\n", encoding="utf-8")
    run_cli(["--db", str(pair.village.path), "roster", "import", str(path), "--rejects", str(tmp_path / "r.csv")])
    cells = _cells_of_csv(tmp_path / "r.csv")
    assert "'=1+1" in cells and not any(c.startswith(FORMULA_STARTS) for c in cells)


@pytest.mark.parametrize("value", ["=1", "+1", "-1", "@A", "\tx", "\rx", "'=x", "普通", "", "0001"])
def test_neutralise_and_restore_are_inverse(value: str) -> None:
    assert not neutralise(value).startswith(FORMULA_STARTS)
    assert restore(neutralise(value)) == value
