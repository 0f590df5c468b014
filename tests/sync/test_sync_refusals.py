"""Bundles that must be refused with nothing written: damage, fuzzing, strangers, gaps, forged ownership."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from models.sync.bundles import BundleRefused, ImportFlag
from models.core.village import Mode
from storage.core.backups import write_backup
from storage.core.blobs import put_blob_file
from storage.core.db import connect
from storage.sync import container, verify
from storage.sync.keys import my_identity
from tests.sync.conftest import Pair, export, import_, make_node, notes, pair_up, state, write_notes
from storage.core.backend import township_returns


def _assert_refused(pair: Pair, data: bytes, tmp_path: Path, match: str | None = None) -> None:
    damaged = tmp_path / "damaged.xybundle"
    damaged.write_bytes(data)
    before = state(pair.township)
    with pytest.raises(BundleRefused, match=match):
        import_(pair.township, damaged)
    assert state(pair.township) == before


def _bundle(pair: Pair, count: int = 3) -> bytes:
    write_notes(pair.village, count)
    return export(pair.village, pair.stick).read_bytes()


def test_truncated_to_half_refused(pair: Pair, tmp_path: Path) -> None:
    data = _bundle(pair)
    _assert_refused(pair, data[: len(data) // 2], tmp_path, "不完整")


def test_truncated_one_byte_short_refused(pair: Pair, tmp_path: Path) -> None:
    _assert_refused(pair, _bundle(pair)[:-1], tmp_path, "不完整")


def test_truncated_exactly_at_chunk_boundary_refused(pair: Pair, tmp_path: Path) -> None:
    scan = tmp_path / "scan.bin"
    scan.write_bytes(random.Random(1).randbytes(container.CHUNK + 300_000))  # two chunks
    with pair.village.atomic():
        sha = put_blob_file(pair.village, scan)
    with pair.village.atomic():
        pair.village.execute("INSERT INTO notes(id, owner, hlc, created_at, updated_at, title, body) "
                             "VALUES('scan', ?, ?, '', '', '扫描件', ?)",
                             [pair.village.node_id, pair.village.next_hlc(), sha])
    data = export(pair.village, pair.stick).read_bytes()
    first_chunk_end = 40 + 80 + container.STREAM_HEADER + 4 + container.CHUNK + container.ABYTES
    assert len(data) > first_chunk_end
    _assert_refused(pair, data[:first_chunk_end], tmp_path, "不完整")


def test_appended_garbage_refused(pair: Pair, tmp_path: Path) -> None:
    _assert_refused(pair, _bundle(pair) + b"\x00garbage", tmp_path, "多余")


def test_flipped_bit_in_header_refused(pair: Pair, tmp_path: Path) -> None:
    data = bytearray(_bundle(pair))
    for offset in (0, 5, 20, 41, 100):  # magic, version, recipient, sealed key
        flipped = bytearray(data)
        flipped[offset] ^= 0x01
        _assert_refused(pair, bytes(flipped), tmp_path)


def test_flipped_bit_in_payload_refused(pair: Pair, tmp_path: Path) -> None:
    data = bytearray(_bundle(pair))
    data[len(data) - 40] ^= 0x10
    _assert_refused(pair, bytes(data), tmp_path, "损坏或被改动")


def test_fuzz_1000_mutations_all_refused_without_writes(pair: Pair, tmp_path: Path) -> None:
    original = _bundle(pair, 1)
    rng = random.Random(2026)
    damaged = tmp_path / "fuzz.xybundle"
    before = state(pair.township)
    refused = 0
    for _ in range(1000):
        data = _mutate(original, rng)
        damaged.write_bytes(data)
        with pytest.raises(BundleRefused):
            import_(pair.township, damaged)
        refused += 1
    assert refused == 1000 and state(pair.township) == before


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    kind = rng.randrange(5)
    at = rng.randrange(len(out))
    if kind == 0:
        out[at] ^= 1 << rng.randrange(8)
    elif kind == 1:
        del out[at:]
    elif kind == 2:
        out += rng.randbytes(rng.randrange(1, 64))
    elif kind == 3:
        del out[at:at + rng.randrange(1, 32)]
    else:
        out[at:at] = rng.randbytes(rng.randrange(1, 32))
    return bytes(out) if bytes(out) != data else bytes(out) + b"\x00"


def test_bundle_for_another_township_refused_before_decrypting(pair: Pair, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    other = make_node(tmp_path / "other" / "o.sqlite3", Mode.TOWNSHIP)
    pair_up(other, pair.village)
    write_notes(pair.village, 2)
    bundle = export(pair.village, pair.stick, peer_node=pair.township.node_id).read_bytes()
    decrypted: list[bool] = []
    monkeypatch.setattr(verify, "decrypt_stream", lambda *a: decrypted.append(True))
    before = state(other)
    with pytest.raises(BundleRefused, match="不是发给本机"):
        import_(other, bundle_path(tmp_path, bundle))
    assert decrypted == [] and state(other) == before


def bundle_path(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "copy.xybundle"
    path.write_bytes(data)
    return path


def test_bundle_signed_by_unknown_key_refused(pair: Pair, tmp_path: Path) -> None:
    """An unknown township (or any signer carrying no key) is refused outright, before any write."""
    stranger = make_node(tmp_path / "stranger" / "s.sqlite3", Mode.TOWNSHIP)
    from storage.sync.keys import trust_peer
    trust_peer(stranger, my_identity(pair.township))  # the stranger knows the township; not vice versa
    write_notes(stranger, 2)
    data = export(stranger, pair.stick).read_bytes()
    _assert_refused(pair, data, tmp_path, "未登记")


def test_bundle_signed_by_unknown_village_is_held_not_applied(pair: Pair, tmp_path: Path) -> None:
    """An unknown village's bundle waits for its fingerprint (tests/sync/test_sync_held.py); the paired
    village's fingerprint does not unlock it."""
    from models.core.accounts import COMMAND_LINE_ACTOR
    from storage.sync.held import accept
    from storage.sync.keys import list_peers, trust_peer
    stranger = make_node(tmp_path / "stranger" / "s.sqlite3", Mode.VILLAGE, "外村")
    trust_peer(stranger, my_identity(pair.township))
    write_notes(stranger, 2)
    peers = list_peers(pair.township)
    assert import_(pair.township, export(stranger, pair.stick)).flags == (ImportFlag.HELD,)
    with pytest.raises(BundleRefused, match="不符"):
        accept(pair.township, my_identity(pair.village).fingerprint, COMMAND_LINE_ACTOR, township_returns)
    assert notes(pair.township) == [] and list_peers(pair.township) == peers


def test_foreign_owned_rows_quarantined(pair: Pair) -> None:
    township_node = pair.township.node_id
    with pair.village.atomic():  # a forged township approval written on the village PC
        pair.village.execute("INSERT INTO notes(id, owner, hlc, created_at, updated_at, title) "
                             "VALUES('forged', ?, ?, '', '', '准予备案')", [township_node, pair.village.next_hlc()])
    result = import_(pair.township, export(pair.village, pair.stick))
    assert result.quarantined == 1 and ImportFlag.QUARANTINED in result.flags
    assert notes(pair.township) == []
    assert pair.township.conn.execute("SELECT row_id, owner FROM sync_quarantine").fetchall() == \
        [("forged", township_node)]


def test_missing_earlier_part_refused_naming_range(pair: Pair, tmp_path: Path) -> None:
    before_first = write_backup(pair.township, tmp_path / "tb")  # the township as it was before bundle 1
    write_notes(pair.village, 3)
    import_(pair.township, export(pair.village, pair.stick))
    import_(pair.village, export(pair.township, pair.stick))  # the receipt: village now builds on it
    write_notes(pair.village, 2, "第二批")
    second = export(pair.village, pair.stick)
    restored = connect(before_first, pair.township.key)
    restored.node_id = pair.township.node_id
    restored.path = pair.township.path
    with pytest.raises(BundleRefused, match=r"缺第 1 至 \d+ 号"):
        import_(restored, second)
    assert restored.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
