"""`rules` command contract: forms, JSON keys and exit codes; the demo's two versions."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli, run_json
from tests.templates import copy_installation

RULES = ("# 石桥村村规民约\n## 第一章 总则\n第一条 村民应当遵纪守法。\n第二条 乱倒垃圾的，罚款五十元。\n"
         "## 第二章 附则\n第三条 违反本村规民约的，依照第二条处理。\n")


@pytest.fixture(scope="module")
def _initialised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database made by `init` once for this module (each test gets a copy)."""
    path = tmp_path_factory.mktemp("rules-cli") / "v.sqlite3"
    code, _ = run_json(path, "init", "--village", "石桥村", "--township", "德化乡", "--county", "黎平县",
                       "--admin", "admin", stdin="secret123\n")
    assert code == 0
    return path


@pytest.fixture
def db_path(_initialised: Path, tmp_path: Path) -> Path:
    path = tmp_path / "v.sqlite3"
    copy_installation(_initialised, path)
    return path


def _import(db_path: Path, tmp_path: Path, text: str = RULES, *extra: str) -> dict:
    source = tmp_path / "rules.md"
    source.write_text(text, encoding="utf-8")
    code, data = run_json(db_path, "rules", "import", str(source), *extra)
    assert code == 0, data
    return data


def test_import_list_show(db_path: Path, tmp_path: Path) -> None:
    data = _import(db_path, tmp_path)
    assert set(data) == {"id", "version", "articles"} and data["version"] == 1 and data["articles"] == 3
    code, listing = run_json(db_path, "rules", "list")
    assert code == 0 and listing == {"rulebooks": [{"id": data["id"], "title": "石桥村村规民约", "versions": 1,
                                                    "in_force_version": None, "current_step": None}]}
    code, shown = run_json(db_path, "rules", "show", data["id"])
    assert set(shown) == {"id", "title", "version", "in_force", "articles"} and shown["in_force"] is False
    assert shown["articles"][2] == {"number": 3, "chapter": "第二章 附则", "text": "违反本村规民约的，依照第二条处理。"}


def test_import_prints_id_and_reports_kept_preamble_closing_and_notes(db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "r.md"
    source.write_text("前言一段。\n第一条 讲卫生。\n第三条 护环境。\n青石村村民委员会\n", encoding="utf-8")
    code, out, err = run_cli(["--db", str(db_path), "rules", "import", str(source), "--title", "试行规约"])
    assert code == 0 and len(out.strip()) == 36 and "未能归入" not in err
    assert "前言（已保留）：前言一段。" in err and "落款（已保留）：青石村村民委员会" in err and "请核对：原文第3条" in err


def test_new_version_diff_and_check(db_path: Path, tmp_path: Path) -> None:
    rulebook = _import(db_path, tmp_path)["id"]
    revised = RULES.replace("第二条 乱倒垃圾的，罚款五十元。\n", "").replace("依照第二条处理", "由执行委员会批评教育") \
        .replace("第一条 村民应当遵纪守法。", "第一条 村民应当遵纪守法、诚实守信。\n第二条 邻里互助。")
    data = _import(db_path, tmp_path, revised, "--rulebook", rulebook)
    assert data["id"] == rulebook and data["version"] == 2
    code, diff = run_json(db_path, "rules", "diff", rulebook, "1", "2")
    assert code == 0 and set(diff) == {"added", "removed", "moved", "changed", "unchanged"}
    assert [c["from"] for c in diff["changed"]] == [1, 3] and diff["changed"][0]["after"].endswith("诚实守信。")
    assert diff["removed"] == [{"from": 2, "text": "乱倒垃圾的，罚款五十元。"}]
    assert [a["to"] for a in diff["added"]] == [2] and diff["unchanged"] == 0
    code, checked = run_json(db_path, "rules", "check", rulebook, "--version", "1")
    assert code == 1
    fine = [f for f in checked["findings"] if f["category"] == "fine"][0]
    assert set(fine) == {"article", "severity", "category", "text", "reason", "basis"}
    assert fine["article"] == 2 and fine["severity"] == "blocking"
    code, checked = run_json(db_path, "rules", "check", rulebook)
    assert code == 0 and all(f["severity"] != "blocking" for f in checked["findings"])
    code, out, _ = run_cli(["--db", str(db_path), "rules", "diff", rulebook, "1", "2"])
    assert "修改对照表" in out and "~~罚款五十元~~" not in out and "<u>**、诚实守信**</u>" in out


def test_export_markdown_and_docx(db_path: Path, tmp_path: Path) -> None:
    rulebook = _import(db_path, tmp_path)["id"]
    code, data = run_json(db_path, "rules", "export", rulebook, "--out", str(tmp_path / "out.md"))
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert code == 0 and "## 第二章 附则" in text and "第三条 违反本村规民约的，依照第二条处理。" in text
    code, data = run_json(db_path, "rules", "export", rulebook, "--version", "1", "--out", str(tmp_path / "o.docx"))
    assert code == 0 and Path(data["file"]).read_bytes()[:2] == b"PK"
    code, err = run_json(db_path, "rules", "export", rulebook, "--out", str(tmp_path / "o.pdf"))
    assert code == 2 and ".docx" in err


def test_refusals_exit_2_with_chinese_message(db_path: Path, tmp_path: Path) -> None:
    code, err = run_json(db_path, "rules", "show", "no-such-id")
    assert code == 2 and "rules list" in err
    rulebook = _import(db_path, tmp_path)["id"]
    code, err = run_json(db_path, "rules", "show", rulebook, "--version", "9")
    assert code == 2 and "第9版" in err
    code, err = run_json(db_path, "rules", "import", str(tmp_path / "missing.docx"))
    assert code == 2 and "找不到文件" in err


def test_demo_has_previous_rules_in_force_and_a_revised_draft(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    code, data = run_json(db, "demo", "--households", "5")
    assert code == 0 and data["counts"]["rulebooks"] == 1
    code, listing = run_json(db, "rules", "list")
    [rulebook] = listing["rulebooks"]
    assert rulebook["versions"] == 3 and rulebook["in_force_version"] == 2  # 第1版: the 2019 revision's draft
    code, diff = run_json(db, "rules", "diff", rulebook["id"], "2", "3")
    assert len(diff["moved"]) == 1 and len(diff["changed"]) == 3 and len(diff["added"]) == 2 and len(diff["removed"]) == 1
    code, shown = run_json(db, "rules", "show", rulebook["id"], "--version", "2")
    assert shown["in_force"] is True and len(shown["articles"]) == 25
    code, again = run_json(db, "demo", "--households", "5")
    assert again["counts"]["rulebooks"] == 0
    for number in ("1", "2", "3"):  # the draft of 2019 passed step 4's check: no 必须修改 item in any version
        assert run_json(db, "rules", "check", rulebook["id"], "--version", number)[0] == 0


def test_import_the_sample_draft(db_path: Path) -> None:
    sample = Path(__file__).resolve().parents[1] / "data" / "rules_draft_v1.md"
    code, out, err = run_cli(["--db", str(db_path), "--json", "rules", "import", str(sample)])
    assert code == 0 and '"articles": 25' in out and "第3行" in err
