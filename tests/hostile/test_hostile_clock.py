"""Item 9: a row stamped far in the future is quarantined; it never moves our hybrid clock."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from models.core.hlc import Hlc
from models.sync.bundles import ImportFlag
from storage.core.checks import run_checks
from tests.hostile.forge import edit_rows, forge
from tests.sync.conftest import Pair, export, import_, notes, write_notes

YEAR_2100_MS = 4_102_444_800_000


def _stamp_2100(change: dict[str, Any]) -> None:
    if change["table"] == "notes" and change["row"]["title"] == "议题0":
        hlc = Hlc.decode(change["hlc"])
        change["hlc"] = change["row"]["hlc"] = Hlc(YEAR_2100_MS, 0, hlc.node).encode()


def test_a_row_from_2100_is_quarantined_and_the_clock_stays(pair: Pair, tmp_path: Path) -> None:
    write_notes(pair.village, 3)
    hostile = forge(export(pair.village, pair.stick), pair.village, pair.township, tmp_path / "2100.xybundle",
                    lines_edit=edit_rows(_stamp_2100))
    result = import_(pair.township, hostile)
    assert result.quarantined == 1 and ImportFlag.QUARANTINED in result.flags
    assert sorted(title for _, title, _ in notes(pair.township)) == ["议题1", "议题2"]
    with pair.township.atomic():
        assert Hlc.decode(pair.township.next_hlc()).ms < YEAR_2100_MS
    reason = pair.township.conn.execute("SELECT reason FROM sync_quarantine").fetchone()[0]
    assert "超前" in reason
    assert run_checks(pair.township) == []
