"""Bundles that should import: round trip with acks, replay, out of order, epochs, schemas, clocks, blobs."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.sync.bundles import MAX_SCHEMA_LAG, BundleRefused, ImportFlag
from storage.core import db as db_module
from storage.core.backups import restore_into, write_backup
from storage.core.blobs import blob_dir, put_blob_file
from storage.core.checks import run_checks
from storage.sync.manifest import schema_version
from tests.sync.conftest import Pair, edit_note, export, import_, notes, write_notes


def test_round_trip_village_township_village_with_acks(pair: Pair) -> None:
    write_notes(pair.village, 3)
    first = export(pair.village, pair.stick)
    result = import_(pair.township, first)
    assert result.applied == 4 and result.sender == pair.village.node_id  # 3 notes + the village profile
    assert notes(pair.township) == notes(pair.village)
    review = write_notes(pair.township, 1, "审查意见")  # a township-owned record going back
    back = export(pair.township, pair.stick)
    assert import_(pair.village, back).applied == 2
    assert any(row[0] == review[0] for row in notes(pair.village))
    acked = pair.village.conn.execute("SELECT acked_seq FROM sync_peers").fetchone()[0]
    assert acked == pair.village.conn.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    assert pair.village.conn.execute("SELECT acked_at FROM sync_bundles_sent").fetchone()[0] is not None
    write_notes(pair.village, 1, "新议题")
    nxt = export(pair.village, pair.stick)
    assert f"_{acked + 1}-" in nxt.name  # the next bundle starts after the acknowledged sequence
    assert import_(pair.township, nxt).applied == 1
    assert run_checks(pair.township) == [] and run_checks(pair.village) == []


def test_replay_changes_nothing(pair: Pair) -> None:
    write_notes(pair.village, 2)
    bundle = export(pair.village, pair.stick)
    import_(pair.township, bundle)
    before = notes(pair.township)
    again = import_(pair.township, bundle)
    assert (again.applied, again.skipped, again.flags) == (0, 0, (ImportFlag.ALREADY_IMPORTED,))
    assert notes(pair.township) == before
    back = export(pair.township, pair.stick)  # the receipt still rides back
    assert import_(pair.village, back).applied >= 0
    assert pair.village.conn.execute("SELECT acked_seq FROM sync_peers").fetchone()[0] > 0


def test_out_of_order_cumulative_bundles_same_state(pair: Pair, tmp_path: Path) -> None:
    ids = write_notes(pair.village, 3)
    early = export(pair.village, pair.stick)
    edit_note(pair.village, ids[0], "改过的议题")
    write_notes(pair.village, 2, "后来")
    late = export(pair.village, pair.stick)
    import_(pair.township, late)
    result = import_(pair.township, early)
    assert result.applied == 0 and result.skipped > 0
    assert notes(pair.township) == notes(pair.village)


def test_new_epoch_applied_and_flagged(pair: Pair, tmp_path: Path) -> None:
    write_notes(pair.village, 2)
    import_(pair.township, export(pair.village, pair.stick))
    backup = write_backup(pair.village, tmp_path / "backups")
    restore_into(pair.village, backup, COMMAND_LINE_ACTOR)  # reinstalled: same node, new epoch
    write_notes(pair.village, 1, "重装后")
    result = import_(pair.township, export(pair.village, pair.stick))
    assert ImportFlag.NEW_EPOCH in result.flags and result.applied == 1
    assert notes(pair.township) == notes(pair.village)


def test_newer_schema_refused(pair: Pair) -> None:
    write_notes(pair.village, 1)
    bundle = export(pair.village, pair.stick, schema_version=schema_version() + 1)
    with pytest.raises(BundleRefused, match="升级"):
        import_(pair.township, bundle)
    assert notes(pair.township) == []


@pytest.mark.parametrize("behind", [1, 2, MAX_SCHEMA_LAG])
def test_village_up_to_the_schema_lag_behind_accepted(pair: Pair, behind: int) -> None:
    write_notes(pair.village, 2)
    bundle = export(pair.village, pair.stick, schema_version=schema_version() - behind)
    assert import_(pair.township, bundle).applied == 3


def test_one_more_than_the_schema_lag_behind_refused(pair: Pair) -> None:
    bundle = export(pair.village, pair.stick, schema_version=schema_version() - MAX_SCHEMA_LAG - 1)
    with pytest.raises(BundleRefused, match="旧太多"):
        import_(pair.township, bundle)


def test_clock_years_ahead_rows_quarantined_and_skew_flagged(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16 item 9: rows stamped beyond the allowed skew are quarantined, so they cannot push our clock."""
    real = db_module._now_ms
    monkeypatch.setattr(db_module, "_now_ms", lambda: real() + 3 * 365 * 24 * 3600 * 1000)
    write_notes(pair.village, 1)
    bundle = export(pair.village, pair.stick)
    monkeypatch.setattr(db_module, "_now_ms", real)
    result = import_(pair.township, bundle)
    assert ImportFlag.CLOCK_SKEW in result.flags and ImportFlag.QUARANTINED in result.flags
    assert result.quarantined == 1 and notes(pair.township) == []
    later = write_notes(pair.township, 1, "乡镇")
    mine = pair.township.conn.execute("SELECT hlc FROM notes WHERE id = ?", (later[0],)).fetchone()[0]
    assert mine < max(row[2] for row in notes(pair.village))  # our clock was not pushed three years on


def test_same_blob_twice_stored_once(pair: Pair, tmp_path: Path) -> None:
    scan = tmp_path / "签字表.jpg"
    scan.write_bytes(b"\xff\xd8" + bytes(range(256)) * 400)
    with pair.village.atomic():
        sha = put_blob_file(pair.village, scan)
        assert put_blob_file(pair.village, scan) == sha
    with pair.village.atomic():
        for title in ("表决签字表", "表决签字表（副本）"):
            pair.village.execute("INSERT INTO notes(id, owner, hlc, created_at, updated_at, title, body) "
                                 "VALUES(?, ?, ?, '', '', ?, ?)",
                                 [title, pair.village.node_id, pair.village.next_hlc(), title, sha])
    bundle = export(pair.village, pair.stick)
    result = import_(pair.township, bundle)
    assert result.attachments == 1
    stored = [p for p in blob_dir(pair.township).rglob("*") if p.is_file()]
    assert [p.name for p in stored] == [sha] and stored[0].read_bytes() == scan.read_bytes()
    assert pair.township.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
