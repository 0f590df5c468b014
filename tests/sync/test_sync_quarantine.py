"""Quarantined rows released (after the import's checks, only once their reason is gone) or discarded."""
from __future__ import annotations

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR, Actor, Role
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound, PermissionDenied
from storage.core.db import Database
from storage.sync.quarantine import discard, quarantined_rows, release
from storage.sync.service import SqliteSyncService
from storage.core.tracking import create_synced_table, insert_synced, update_synced
from tests.helpers import run_json
from tests.sync.conftest import Pair, export, import_, notes, state
from storage.core.backend import township_returns


def _parcels(db: Database) -> None:
    with db.atomic():
        create_synced_table(db, "parcels", "name TEXT NOT NULL")


def _parcel_from_newer_village(pair: Pair) -> str:
    """The village has a table the township's program does not know yet: its row is quarantined there."""
    _parcels(pair.village)
    with pair.village.atomic():
        row_id = insert_synced(pair.village, "parcels", {"name": "后山林地"})["id"]
    assert import_(pair.township, export(pair.village, pair.stick)).quarantined == 1
    return row_id


def _forged_note(pair: Pair) -> None:
    with pair.village.atomic():  # a township-owned row written on the village PC
        pair.village.execute("INSERT INTO notes(id, owner, hlc, created_at, updated_at, title) "
                             "VALUES('forged', ?, ?, '', '', '准予备案')",
                             [pair.township.node_id, pair.village.next_hlc()])
    assert import_(pair.township, export(pair.village, pair.stick)).quarantined == 1


def _audit(db: Database, action: str) -> list[str]:
    return [r[0] for r in db.conn.execute("SELECT summary FROM audit_log WHERE action = ?", (action,))]


def test_row_of_unknown_table_released_once_the_table_exists(pair: Pair) -> None:
    row_id = _parcel_from_newer_village(pair)
    [entry] = quarantined_rows(pair.township)
    assert (entry.table, entry.row_id, entry.reason) == ("parcels", row_id, "本机没有这张表")
    before = state(pair.township)
    with pytest.raises(DomainError, match="仍然没有“parcels”这张表"):
        release(pair.township, entry.id, COMMAND_LINE_ACTOR, township_returns)
    assert state(pair.township) == before
    _parcels(pair.township)  # the township's program was upgraded
    log_before = pair.township.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    release(pair.township, entry.id, COMMAND_LINE_ACTOR, township_returns)
    assert pair.township.conn.execute("SELECT name, owner FROM parcels").fetchall() == \
        [("后山林地", pair.village.node_id)]
    assert pair.township.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == log_before  # not ours
    assert pair.township.conn.execute("SELECT count(*) FROM sync_applying").fetchone()[0] == 0
    assert quarantined_rows(pair.township) == [] and "放行隔离记录" in _audit(pair.township, "sync_release")[0]
    with pytest.raises(DomainError, match="已经放行过"):
        release(pair.township, entry.id, COMMAND_LINE_ACTOR, township_returns)


def test_release_refused_when_a_newer_version_already_arrived(pair: Pair) -> None:
    row_id = _parcel_from_newer_village(pair)
    _parcels(pair.township)
    with pair.village.atomic():
        update_synced(pair.village, "parcels", row_id, {"name": "后山林地（已确权）"})
    assert import_(pair.township, export(pair.village, pair.stick)).applied >= 1
    [entry] = quarantined_rows(pair.township)
    with pytest.raises(DomainError, match="相同或更新的版本"):
        release(pair.township, entry.id, COMMAND_LINE_ACTOR, township_returns)
    assert pair.township.conn.execute("SELECT name FROM parcels").fetchall() == [("后山林地（已确权）",)]


def test_forged_owner_never_released_but_discarded_and_kept_as_evidence(pair: Pair) -> None:
    _forged_note(pair)
    [entry] = quarantined_rows(pair.township)
    before = state(pair.township)
    with pytest.raises(DomainError, match="发送方不是这条记录的所有者"):
        release(pair.township, entry.id, COMMAND_LINE_ACTOR, township_returns)
    assert state(pair.township) == before and notes(pair.township) == []
    discard(pair.township, entry.id, COMMAND_LINE_ACTOR)
    assert quarantined_rows(pair.township) == [] and notes(pair.township) == []
    assert pair.township.conn.execute("SELECT row_id, resolution, resolved_by FROM sync_quarantine").fetchall() == \
        [("forged", "discarded", COMMAND_LINE_ACTOR.name)]
    assert "未写入" in _audit(pair.township, "sync_quarantine_discard")[0]
    with pytest.raises(DomainError, match="已经丢弃过"):
        discard(pair.township, entry.id, COMMAND_LINE_ACTOR)
    with pytest.raises(NotFound, match="没有编号为 999"):
        release(pair.township, 999, COMMAND_LINE_ACTOR, township_returns)


def test_only_reviewer_or_administrator_may_release_or_discard(pair: Pair) -> None:
    _forged_note(pair)
    [entry] = quarantined_rows(pair.township)
    clerk = SqliteSyncService(pair.township, Actor("c1", "李文书", Role.CLERK), township_returns)
    with pytest.raises(PermissionDenied, match="不能丢弃隔离记录"):
        clerk.discard_quarantined(entry.id)
    with pytest.raises(PermissionDenied, match="不能放行隔离记录"):
        clerk.release(entry.id)
    reviewer = SqliteSyncService(pair.township, Actor("r1", "王审核", Role.TOWNSHIP_REVIEWER), township_returns)
    assert reviewer.discard_quarantined(entry.id) == Changed.one(Entity.SYNC_STATE, str(entry.id))
    assert quarantined_rows(pair.township) == []


def test_quarantine_cli_list_release_discard_json(pair: Pair) -> None:
    row_id = _parcel_from_newer_village(pair)
    _forged_note(pair)
    code, listed = run_json(pair.township.path, "sync", "quarantine", "list")
    assert code == 0 and [q["row_id"] for q in listed["quarantined"]] == ["forged", row_id]
    forged, parcel = listed["quarantined"]
    assert {"id", "table", "row_id", "owner", "signer", "reason", "received_at"} <= set(forged)
    code, message = run_json(pair.township.path, "sync", "quarantine", "release", str(forged["id"]))
    assert code == 2 and "发送方不是这条记录的所有者" in message
    _parcels(pair.township)
    code, released = run_json(pair.township.path, "sync", "quarantine", "release", str(parcel["id"]))
    assert code == 0 and released["released"]["row_id"] == row_id
    code, dropped = run_json(pair.township.path, "sync", "quarantine", "discard", str(forged["id"]))
    assert code == 0 and dropped["discarded"]["row_id"] == "forged"
    assert run_json(pair.township.path, "sync", "quarantine", "list") == (0, {"quarantined": []})
    code, message = run_json(pair.township.path, "sync", "quarantine", "discard", "12345")
    assert code == 2 and "没有编号为 12345" in message
