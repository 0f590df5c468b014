"""Audit entries travel in bundles: chain-checked on arrival, acknowledged, and not sent again."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from models.sync.bundles import BundleRefused
from storage.sync.audit_trail import AUDIT, apply_audit
from storage.core.db import Database
from tests.sync.conftest import Pair, export, import_, received_audit, write_notes


def _audit_rows(pair: Pair) -> list[tuple[int, str]]:
    return pair.township.conn.execute("SELECT seq, hash FROM sync_peer_audit ORDER BY seq").fetchall()


def test_audit_entries_travel_and_are_not_resent_after_the_receipt(pair: Pair) -> None:
    write_notes(pair.village, 1)
    first = export(pair.village, pair.stick)
    sent = pair.village.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq").fetchall()[:-1]  # minus export
    import_(pair.township, first)
    assert _audit_rows(pair) == sent
    import_(pair.village, export(pair.township, pair.stick))
    acked = pair.village.conn.execute("SELECT acked_audit_seq FROM sync_peers").fetchone()[0]
    assert acked == sent[-1][0]
    nxt = export(pair.village, pair.stick)
    import_(pair.township, nxt)
    seqs = [seq for seq, _ in _audit_rows(pair)]
    assert seqs == sorted(set(seqs)) and seqs[-1] > acked


def test_tampered_audit_entry_is_refused(pair: Pair, tmp_path: Path) -> None:
    write_notes(pair.village, 1)
    rows = pair.village.conn.execute("SELECT seq, id, at, actor_id, actor_name, action, table_name, row_id, "
                                     "summary, previous_hash, hash FROM audit_log ORDER BY seq").fetchall()
    keys = ("seq", "id", "at", "actor_id", "actor_name", "action", "table_name", "row_id", "summary",
            "previous_hash", "hash")
    entries = [dict(zip(keys, row)) for row in rows]
    entries[-1]["summary"] = "改过的摘要"
    archive = tmp_path / "inner.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(AUDIT, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries))
    manifest = {"members": {AUDIT: {}}, "from": pair.village.node_id, "origin_epoch": "e"}
    with zipfile.ZipFile(archive) as zf, pytest.raises(BundleRefused, match="审计记录"):
        with pair.township.atomic():
            apply_audit(pair.township, zf, manifest)
    assert _audit_rows(pair) == []


def test_peer_audit_listed_newest_first_and_filtered_by_peer(pair: Pair) -> None:
    from storage.sync.audit_trail import peer_audit
    from tests.helpers import run_json

    write_notes(pair.village, 2)
    import_(pair.township, export(pair.village, pair.stick))
    entries = peer_audit(pair.township)
    assert entries and {e.origin for e in entries} == {pair.village.node_id}
    assert entries[0].origin_name == "德化乡青石村" and [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    assert peer_audit(pair.township, pair.township.node_id) == []
    code, listed = run_json(pair.township.path, "sync", "audit", "--peer", "德化乡青石村")
    assert code == 0 and len(listed["entries"]) == len(entries)
    assert {"origin", "origin_name", "seq", "at", "actor_name", "action", "table", "row_id", "summary"} <= \
        set(listed["entries"][0])
    code, message = run_json(pair.township.path, "sync", "audit", "--peer", "白石村")
    assert code == 2 and "没有名称或节点编号为“白石村”的同步对方" in message


def _unbounded(db: Database, origin: str | None = None) -> list[tuple[str, str, int]]:
    """What the screen listed before it read pages: every entry, newest first, sorted here in full."""
    where = "WHERE origin = ?" if origin else ""
    rows = db.conn.execute(f"SELECT origin, epoch, seq, at FROM sync_peer_audit {where}",
                           (origin,) if origin else ()).fetchall()
    return [(o, e, s) for o, e, s, _ in sorted(rows, key=lambda r: (r[3], r[2], r[0], r[1]), reverse=True)]


def test_peer_audit_pages_read_one_after_another_give_the_whole_newest_first_list(pair: Pair) -> None:
    from storage.sync.audit_trail import peer_audit

    origins = ("V-甲村", "V-乙村", "V-丙村")
    received_audit(pair.township, origins, 250)
    for origin in (None, "V-乙村"):
        paged = []
        while page := peer_audit(pair.township, origin, 200, len(paged)):
            assert len(page) <= 200
            paged += page
        assert [(e.origin, e.epoch, e.seq) for e in paged] == _unbounded(pair.township, origin)
    assert len(peer_audit(pair.township)) == 750  # the old reading's bound still holds by default
    assert [e.seq for e in peer_audit(pair.township, "V-丙村", 3, 1)] == [e.seq for e in
                                                                         peer_audit(pair.township, "V-丙村")[1:4]]


def test_peer_audit_page_is_read_from_the_index_without_sorting(pair: Pair) -> None:
    from types import SimpleNamespace

    from storage.sync import audit_trail

    received_audit(pair.township, ("V-甲村",), 10)
    plans: list[str] = []
    real = pair.township.conn.execute

    def explained(sql: str, params: list[object]) -> object:  # each query peer_audit runs, explained first
        plans.extend(row[3] for row in real("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        return real(sql, params)

    spy = SimpleNamespace(conn=SimpleNamespace(execute=explained))
    for origin in (None, "V-甲村"):
        assert len(audit_trail.peer_audit(spy, origin, 200, 0)) == 10  # type: ignore[arg-type]
    assert any("idx_sync_peer_audit_newest" in step for step in plans)
    assert not any("TEMP B-TREE" in step for step in plans), plans
