"""Item 1: no file name we write comes from a bundle; every manifest field is checked by type and shape first."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.sync.bundles import BundleRefused, ImportFlag
from storage.core.checks import run_checks
from storage.sync.export import outbox_dir
from tests.hostile.forge import forge
from tests.sync.conftest import Pair, export, import_, state, write_notes


def _set(**fields: Any):  # type: ignore[no-untyped-def]
    return lambda manifest: manifest.update(fields)


def test_bundle_id_with_a_path_writes_nothing_outside_the_held_folder(half_paired: Pair, tmp_path: Path) -> None:
    township = half_paired.township
    victim = outbox_dir(township) / "VICTIM.xybundle"
    victim.parent.mkdir(exist_ok=True)
    victim.write_bytes(b"the township's own outgoing bundle")
    write_notes(half_paired.village, 2)
    before = state(township)
    hostile = forge(export(half_paired.village, half_paired.stick), half_paired.village, township,
                    tmp_path / "evil.xybundle", _set(bundle_id=f"../../{victim.parent.name}/VICTIM"))
    with pytest.raises(BundleRefused, match="bundle_id"):
        import_(township, hostile)
    assert victim.read_bytes() == b"the township's own outgoing bundle"
    assert state(township) == before and run_checks(township) == []


def test_held_file_is_named_by_us_not_by_the_sender(half_paired: Pair) -> None:
    write_notes(half_paired.village, 1)
    bundle = export(half_paired.village, half_paired.stick)
    result = import_(half_paired.township, bundle)
    assert result.flags == (ImportFlag.HELD,)
    [(file,)] = half_paired.township.conn.execute("SELECT file FROM sync_held_bundles").fetchall()
    assert result.bundle not in file and Path(file).parent.name == "held"
    assert Path(file).stat().st_mode & 0o077 == 0


BAD_FIELDS = [("bundle_id", 12345), ("bundle_id", "x/../y"), ("from_kind", "township"), ("since", "0"),
              ("since", -1), ("seq_last", True), ("counts", []), ("counts", {"changes": "4"}),
              ("members", {"../escape": {"sha256": "0" * 64, "size": 1}}), ("ack", [{"node": 1}]),
              ("ack", "all"), ("origin_epoch", {"x": 1}), ("capabilities", "audit-v1"), ("clock_ms", 10 ** 20),
              ("from_keys", ["a"]), ("table_digests", {"notes": 5})]


@pytest.mark.parametrize(("field", "value"), BAD_FIELDS)
def test_a_manifest_field_of_the_wrong_type_or_shape_is_refused(half_paired: Pair, tmp_path: Path, field: str,
                                                                   value: Any) -> None:
    write_notes(half_paired.village, 1)
    before = state(half_paired.township)
    hostile = forge(export(half_paired.village, half_paired.stick), half_paired.village, half_paired.township,
                    tmp_path / "evil.xybundle", _set(**{field: value}))
    with pytest.raises(BundleRefused, match="清单"):
        import_(half_paired.township, hostile)
    assert state(half_paired.township) == before


@pytest.mark.parametrize("field", ["bundle_id", "since", "counts", "members", "ack", "from"])
def test_a_missing_manifest_field_is_refused(half_paired: Pair, tmp_path: Path, field: str) -> None:
    write_notes(half_paired.village, 1)
    hostile = forge(export(half_paired.village, half_paired.stick), half_paired.village, half_paired.township,
                    tmp_path / "evil.xybundle", lambda manifest: manifest.pop(field))
    with pytest.raises(BundleRefused):
        import_(half_paired.township, hostile)
    assert half_paired.township.conn.execute("SELECT count(*) FROM sync_held_bundles").fetchone()[0] == 0


def test_a_township_node_id_is_not_held_as_a_village(half_paired: Pair, tmp_path: Path) -> None:
    """Item 11: a sender calling itself T-… (a township's prefix) is not taken for a village on the hold path."""
    write_notes(half_paired.village, 1)
    hostile = forge(export(half_paired.village, half_paired.stick), half_paired.village, half_paired.township,
                    tmp_path / "evil.xybundle", _set(**{"from": "T-" + "0" * 8}))
    with pytest.raises(BundleRefused):
        import_(half_paired.township, hostile)
    assert half_paired.township.conn.execute("SELECT count(*) FROM sync_held_bundles").fetchone()[0] == 0
