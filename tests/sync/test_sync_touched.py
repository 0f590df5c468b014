"""A bundle import says what it changed: the Changed of every kind of record its applied rows belong to (issue 15)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.attachments import AttachmentKind, AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.minutes.meetings import Meeting
from models.sync.touched import ROW_CHANGES, WORKFLOW_PREFIX, Touched, row_changes
from storage.core.attachments import SqliteAttachmentStore
from storage.core.backend import build_stores, township_returns
from storage.core.db import Database
from storage.core.tracking import synced_tables
from tests.sync.conftest import Pair, export, import_, write_notes
from tests.sync.township_setup import REVIEWER, walk_to_step_7


def test_every_synced_table_names_the_kind_of_record_it_is_part_of(village_db: Database) -> None:
    unnamed = [t for t in synced_tables(village_db)
               if t not in ROW_CHANGES and t != "attachments" and not t.startswith(WORKFLOW_PREFIX)]
    assert unnamed == []  # a new synced table: say in models/sync/touched.py which screens it concerns


def test_import_names_the_meeting_its_attachment_and_the_profile(pair: Pair, tmp_path: Path) -> None:
    meetings = build_stores(pair.village, COMMAND_LINE_ACTOR).meetings
    meeting = meetings.get(meetings.create(
        Meeting("representatives_meeting", date(2026, 3, 12), expected=6, present=5)).id)
    sheet = tmp_path / "签到表.jpg"
    sheet.write_bytes(b"\xff\xd8 signatures of five representatives")
    files = SqliteAttachmentStore(pair.village, COMMAND_LINE_ACTOR)
    attached = files.attach(AttachmentOwner(OwnerKind.MEETING, meeting.id), sheet, AttachmentKind.SIGN_IN_SHEET)
    assert attached.ids_of(Entity.MEETING) == {meeting.id}  # the village's own write names its owner too
    result = import_(pair.township, export(pair.village, pair.stick))
    changed = result.changed
    assert changed.entity == Entity.SYNC_STATE and changed.ids == {result.bundle}
    assert changed.ids_of(Entity.MEETING) == {meeting.id}
    assert changed.ids_of(Entity.ATTACHMENT) == set()  # the file arrived too: possibly any attachment's
    assert changed.concerns(Entity.PROFILE)  # the village's profile travels in its first bundle
    assert not changed.concerns(Entity.HOUSEHOLD, Entity.WORKFLOW, Entity.LIST_ENTRY)  # nothing of theirs came


def test_township_answer_names_the_village_workflow_of_its_rulebook(pair: Pair) -> None:
    rulebook_id = walk_to_step_7(pair.village)
    on_township = import_(pair.township, export(pair.village, pair.stick)).changed
    assert on_township.concerns(Entity.WORKFLOW, Entity.RULEBOOK, Entity.MEETING)
    assert on_township.ids_of(Entity.RULEBOOK) == set()  # an article names only its version: possibly any rulebook
    desk = build_stores(pair.township, REVIEWER).township
    written = desk.record_review(desk.requests()[0].id, date(2026, 3, 5), "同意提交表决。")
    on_village = import_(pair.village, export(pair.township, pair.stick)).changed
    assert on_village.ids_of(Entity.TOWNSHIP_REVIEW) == {written.id}
    assert on_village.ids_of(Entity.WORKFLOW) == {rulebook_id}  # the workflow screen of that rulebook reloads
    assert not on_village.concerns(Entity.MEETING, Entity.HOUSEHOLD)


def test_replayed_bundle_changes_only_the_sync_records(pair: Pair) -> None:
    write_notes(pair.village, 1)
    bundle = export(pair.village, pair.stick)
    first = import_(pair.township, bundle).changed
    assert first.concerns(Entity.MEETING)  # a table this program does not know: possibly anything (SYNC)
    again = import_(pair.township, bundle).changed
    assert again.parts() == (Changed(Entity.SYNC_STATE, frozenset({again.id})),)


def test_a_link_that_names_nothing_is_not_a_change_of_that_kind_and_possibly_all_is_not_narrowed() -> None:
    assert row_changes("four_two_stages", {"id": "s1", "matter_id": "m1", "meeting_id": ""}) == (
        (Entity.FOUR_TWO_MATTER, "m1"),)
    touched = Touched()
    touched.add("rule_articles", {"id": "a1", "version_id": "v1"})
    touched.add("rulebooks", {"id": "r1"})
    changed = touched.changed(Changed(Entity.SYNC_STATE))
    assert changed.concerns(Entity.RULEBOOK) and changed.ids_of(Entity.RULEBOOK) == set()


def test_a_released_row_says_what_it_changed(pair: Pair) -> None:
    from models.core.accounts import Actor, Role
    from storage.sync.quarantine import quarantined_rows
    from storage.sync.service import SqliteSyncService
    from tests.sync.test_sync_quarantine import _parcel_from_newer_village, _parcels

    _parcel_from_newer_village(pair)
    [entry] = quarantined_rows(pair.township)
    _parcels(pair.township)
    released = SqliteSyncService(pair.township, Actor("r1", "王审核", Role.TOWNSHIP_REVIEWER), township_returns).release(entry.id)
    assert released.entity == Entity.SYNC_STATE and released.ids == {str(entry.id)}
    assert Changed(Entity.SYNC) in released.parts()  # a table this program did not know: possibly anything
