"""`roster import` / `roster export` on the command line: the JSON contract, rejects file, exit codes."""
from __future__ import annotations

from pathlib import Path

from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.registry_fixtures import SAMPLE, sample_rows, write_csv


def test_import_json_contract_and_idempotence(village_db: Database, tmp_path: Path) -> None:
    path = village_db.path
    assert path is not None
    code, data = run_json(path, "roster", "import", str(SAMPLE))
    assert code == 0
    assert data == {"households": 40, "people": 139, "created": 139, "updated": 0, "rejected": []}
    code, data = run_json(path, "roster", "import", str(SAMPLE))
    assert (code, data["created"], data["updated"]) == (0, 0, 0)


def test_rejected_rows_exit_1_and_rejects_file(village_db: Database, tmp_path: Path) -> None:
    rows = sample_rows()
    rows[3][0] = ""
    source = write_csv(tmp_path / "roster.csv", rows)
    rejects = tmp_path / "rejects.csv"
    code, data = run_json(village_db.path, "roster", "import", str(source), "--rejects", str(rejects))  # type: ignore[arg-type]
    assert code == 1
    assert data["rejected"] == [{"row": 4, "column": "户号", "reason": "户号不能为空。"}]
    assert rejects.exists() and "户号不能为空" in rejects.read_text(encoding="utf-8-sig")


def test_export_then_text_output(village_db: Database, tmp_path: Path) -> None:
    db = str(village_db.path)
    run_cli(["--db", db, "roster", "import", str(SAMPLE)])
    code, out, _ = run_cli(["--db", db, "roster", "export", str(tmp_path / "out.csv")])
    assert code == 0 and "139" in out
    assert (tmp_path / "out.csv").read_bytes() == SAMPLE.read_bytes()
    code, _, err = run_cli(["--db", db, "roster", "export", str(tmp_path / "out.txt")])
    assert code == 2 and ".csv" in err
    code, out, _ = run_cli(["--db", db, "roster", "import", str(SAMPLE)])
    assert code == 0 and "新建 0 人" in out


def test_corrected_file_reports_who_changed_and_which_columns(village_db: Database, tmp_path: Path) -> None:
    db = str(village_db.path)
    run_cli(["--db", db, "roster", "import", str(SAMPLE)])
    rows = sample_rows()
    rows[1][8] = "13900000000"
    code, out, _ = run_cli(["--db", db, "roster", "import", str(write_csv(tmp_path / "fixed.csv", rows))])
    assert code == 0 and "更新 1 人" in out
    assert "第 2 行 户号 0001 李兰建：联系电话" in out and "13900000000" not in out
    code, data = run_json(village_db.path, "roster", "import", str(SAMPLE))  # type: ignore[arg-type]
    assert set(data) == {"households", "people", "created", "updated", "rejected"} and data["updated"] == 1
