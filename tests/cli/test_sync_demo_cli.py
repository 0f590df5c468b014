"""`demo` names the township desk it set up beside the village; `check` passes on both databases."""
from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli, run_json


def test_demo_then_check_on_village_and_township(tmp_path: Path) -> None:
    village = tmp_path / "demo.sqlite3"
    code, result = run_json(village, "demo", "--households", "20")
    assert code == 0 and result["counts"]["sync_peers"] == 1
    township = Path(result["township"]["db"])
    assert township == tmp_path / "demo.sqlite3.township-demo.sqlite3" and township.with_name(
        township.name + ".keys").exists()
    assert result["township"]["login"] == {"username": "shenhe", "password": "demo1234"}
    for db in (village, township):
        assert run_json(db, "check")[0] == 0
    code, peers = run_json(village, "sync", "peers")
    assert code == 0 and [p["name"] for p in peers["peers"]] == ["黎平县德化乡"]
    code, out, _ = run_cli(["--db", str(village), "demo"])
    assert code == 0 and "sync_bundles 0" in out and "演示乡镇端" in out
