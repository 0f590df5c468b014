"""`sync export` and `sync import` on the command line: the JSON contract and exit 2 for refusals."""
from __future__ import annotations

from pathlib import Path

from tests.helpers import run_json
from tests.sync.conftest import Pair, write_notes


def test_export_and_import_print_the_json_contract(pair: Pair) -> None:
    write_notes(pair.village, 2)
    code, exported = run_json(pair.village.path, "sync", "export", "--to", str(pair.stick))
    assert code == 0 and set(exported) == {"file", "changes", "attachments", "bytes"}
    assert exported["changes"] == 3 and Path(exported["file"]).stat().st_size == exported["bytes"]
    assert Path(exported["file"]).name.isascii()
    code, imported = run_json(pair.township.path, "sync", "import", exported["file"])
    assert code == 0 and {"applied", "skipped", "conflicts", "from"} <= set(imported)
    assert (imported["applied"], imported["from"]) == (3, pair.village.node_id)


def test_refused_import_exits_2_with_a_chinese_message(pair: Pair, tmp_path: Path) -> None:
    code, exported = run_json(pair.village.path, "sync", "export", "--to", str(pair.stick))
    damaged = tmp_path / "cut.xybundle"
    damaged.write_bytes(Path(exported["file"]).read_bytes()[:-5])
    code, message = run_json(pair.township.path, "sync", "import", str(damaged))
    assert code == 2 and "不完整" in message
    code, message = run_json(pair.township.path, "sync", "export", "--to", str(tmp_path / "missing"))
    assert code == 2 and "找不到文件夹" in message
