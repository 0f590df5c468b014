"""Bundles above the size limit travel as verified parts; a missing or damaged part imports nothing.

The real limit is 2 GiB (FAT32 sticks hold no file of 4 GiB); these tests pass a limit of a few KiB.
"""
from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.sync.bundles import BundleRefused, ImportFlag
from storage.core.db import Database
from storage.sync.export import export_bundle
from storage.sync.held import accept, pending
from storage.sync.keys import my_identity
from storage.sync.parts import HEADER_SIZE, PART_LIMIT
from storage.core.tracking import insert_synced
from tests.sync.conftest import Pair, import_, notes, state
from tests.sync.test_sync_held import half_paired  # noqa: F401  (fixture)
from storage.core.backend import township_returns

LIMIT = 4096


def _write_random_notes(db: Database, count: int) -> None:
    with db.atomic():
        for i in range(count):
            insert_synced(db, "notes", {"title": f"议题{i}", "body": secrets.token_hex(200)})


def _split(pair: Pair, count: int = 40) -> list[Path]:
    _write_random_notes(pair.village, count)
    result = export_bundle(pair.village, pair.stick, COMMAND_LINE_ACTOR, part_limit=LIMIT)
    assert len(result.parts) >= 3 and result.file == result.parts[0]
    return [Path(p) for p in result.parts]


def _assert_refused(pair: Pair, part: Path, match: str) -> None:
    before = state(pair.township)
    with pytest.raises(BundleRefused, match=match) as refused:
        import_(pair.township, part)
    assert "未作任何更改" in refused.value.message
    assert state(pair.township) == before and notes(pair.township) == []


def test_default_part_limit_is_2_gib() -> None:
    assert PART_LIMIT == 2 * 1024 ** 3


def test_bundle_above_limit_is_split_into_parts_each_within_limit(pair: Pair) -> None:
    parts = _split(pair)
    assert [p.name.split(".")[-2] for p in parts] == [f"part{i:02d}of{len(parts):02d}" for i in
                                                       range(1, len(parts) + 1)]
    assert all(p.stat().st_size <= LIMIT for p in parts)
    assert not list(pair.stick.glob(".*"))  # no temp names left behind
    whole = sum(p.stat().st_size - HEADER_SIZE for p in parts)
    assert whole == pair.village.conn.execute("SELECT bytes FROM sync_bundles_sent").fetchone()[0]


def test_split_bundle_imports_whole_from_any_part(pair: Pair) -> None:
    parts = _split(pair)
    result = import_(pair.township, parts[1])
    assert result.applied == 41 and notes(pair.township) == notes(pair.village)
    name = pair.township.conn.execute("SELECT file_name FROM sync_bundles_received").fetchone()[0]
    assert name.endswith(".xybundle") and ".part" not in name
    assert import_(pair.township, parts[0]).flags == (ImportFlag.ALREADY_IMPORTED,)


def test_bundle_below_limit_stays_one_file(pair: Pair) -> None:
    _write_random_notes(pair.village, 2)
    result = export_bundle(pair.village, pair.stick, COMMAND_LINE_ACTOR, part_limit=1024 * 1024)
    assert result.parts == () and ".part" not in Path(result.file).name
    assert import_(pair.township, Path(result.file)).applied == 3


def test_missing_part_refused_naming_it(pair: Pair) -> None:
    parts = _split(pair)
    parts[1].unlink()
    _assert_refused(pair, parts[0], f"缺少第 2 个（{parts[1].name}）")


def test_damaged_part_refused_naming_it(pair: Pair) -> None:
    parts = _split(pair)
    data = bytearray(parts[2].read_bytes())
    data[HEADER_SIZE + 100] ^= 0x01
    parts[2].write_bytes(bytes(data))
    _assert_refused(pair, parts[0], f"第 3 个分卷（{parts[2].name}）已损坏")


def test_truncated_part_refused(pair: Pair) -> None:
    parts = _split(pair)
    parts[-1].write_bytes(parts[-1].read_bytes()[:-1])
    _assert_refused(pair, parts[0], "已损坏或不完整")


def test_part_with_damaged_header_refused(pair: Pair) -> None:
    parts = _split(pair)
    parts[1].write_bytes(parts[1].read_bytes()[:10])
    _assert_refused(pair, parts[0], "开头已损坏")


def test_part_of_another_export_refused(pair: Pair) -> None:
    parts = _split(pair)
    again = export_bundle(pair.village, pair.stick, COMMAND_LINE_ACTOR, part_limit=LIMIT)  # the same changes
    others = [Path(p) for p in again.parts]
    assert len(others) == len(parts) and others[1].name != parts[1].name
    parts[1].write_bytes(others[1].read_bytes())
    _assert_refused(pair, parts[0], "不属于这个同步包")


def test_split_first_bundle_of_unknown_village_is_held_whole_and_accepted(half_paired: Pair) -> None:  # noqa: F811
    parts = _split(half_paired)
    result = import_(half_paired.township, parts[0])
    assert result.flags == (ImportFlag.HELD,)
    [held] = pending(half_paired.township)
    assert ".part" not in held.file_name
    for part in parts:
        part.unlink()  # the stick has gone home: the held copy is whole on its own
    _, results = accept(half_paired.township, my_identity(half_paired.village).fingerprint, COMMAND_LINE_ACTOR, township_returns)
    assert [r.applied for r in results] == [41]


def _nothing_sent(pair: Pair) -> None:
    assert pair.village.conn.execute("SELECT count(*) FROM sync_bundles_sent").fetchone()[0] == 0
    assert not list(pair.stick.iterdir())
    assert not list(pair.village.path.parent.glob("*.outbox/*.xybundle"))


def test_stick_without_enough_space_refused_before_writing(pair: Pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil
    from collections import namedtuple

    from models.core.errors import DomainError
    from storage.sync import export as export_module

    _write_random_notes(pair.village, 5)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(export_module.shutil, "disk_usage", lambda path: usage(10 ** 6, 10 ** 6 - 100, 100))
    with pytest.raises(DomainError, match="U盘剩余空间不足"):
        export_bundle(pair.village, pair.stick, COMMAND_LINE_ACTOR)
    _nothing_sent(pair)
    monkeypatch.setattr(export_module.shutil, "disk_usage", shutil.disk_usage)


def test_stick_full_mid_part_leaves_no_part_behind(pair: Pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    from models.core.errors import DomainError
    from storage.sync import parts as parts_module

    real, calls = parts_module._copy, []

    def filling_up(source, out, length, digest=None):  # type: ignore[no-untyped-def]
        if out is not None:
            calls.append(length)
            if len(calls) == 2:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real(source, out, length, digest)

    monkeypatch.setattr(parts_module, "_copy", filling_up)
    with pytest.raises(DomainError, match="写入.*失败.*U盘可能已满"):
        _split(pair)
    _nothing_sent(pair)
