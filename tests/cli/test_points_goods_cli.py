"""`goods moves ID`: a goods' stock movements with who and why (R39), newest first, as the screen shows them."""
from __future__ import annotations

from tests.helpers import run_json
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)


def test_the_moves_of_a_goods_name_kind_change_reason_and_who(village: Village) -> None:
    _, goods = run_json(village.path, "goods", "add", "牙膏", "--price", "8", "--stock", "6", "--source", "purchase")
    run_json(village.path, "goods", "stock", goods["id"], "--change", "-1", "--reason", "受潮报损")
    run_json(village.path, "goods", "count", goods["id"], "--counted", "4", "--reason", "盘点少 1 支")
    code, moves = run_json(village.path, "goods", "moves", goods["id"])
    assert code == 0
    assert [(m["kind"], m["change"], m["reason"]) for m in moves["rows"]] == [
        ("count", -1, "盘点少 1 支"), ("out", -1, "受潮报损"), ("in", 6, "首次入库")]
    assert all(m["by"] for m in moves["rows"]) and sum(m["change"] for m in moves["rows"]) == 4
    code, missing = run_json(village.path, "goods", "moves", "nope")
    assert code != 0 and "goods list" in missing
