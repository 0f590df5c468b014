"""The minutes stores on a real file: numbers, drafts, finalise read-only, amendments, follow-ups, 四议两公开."""
from __future__ import annotations

import dataclasses
from storage.core.driver import sqlite as sqlite3
from datetime import date

import pytest

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.minutes.followups import Evaluation, FollowUpStatus
from models.minutes.four_two import FourTwoStage
from models.minutes.quorum import Tally
from models.minutes.meetings import AgendaItem, Meeting, MeetingStatus
from models.minutes.services import carry_over_items, missing_quarters, record_warnings
from storage.core.backend import SqliteStores, build_stores
from storage.core.db import Database
from storage.minutes.store import SqliteMeetingStore
from tests.models.meeting_fixtures import complete_meeting


@pytest.fixture
def stores(village_db: Database, admin: Actor) -> SqliteStores:
    return build_stores(village_db, admin)


@pytest.fixture
def store(stores: SqliteStores) -> SqliteMeetingStore:
    return stores.meetings


def _create(store: SqliteMeetingStore, meeting: Meeting) -> Meeting:
    return store.get(store.create(meeting).id)


def _save(store: SqliteMeetingStore, meeting: Meeting) -> Meeting:
    return store.get(store.save_draft(meeting).id)


def _finalise(store: SqliteMeetingStore, meeting_id: str) -> Meeting:
    return store.get(store.finalise(meeting_id, True, True).id)


def test_numbers_count_per_type_and_year(store: SqliteMeetingStore) -> None:
    made = store.create(complete_meeting())
    assert made == Changed.one(Entity.MEETING, made.id)  # an add names its new record
    first = store.get(made.id)
    second = _create(store, complete_meeting(on=date(2026, 6, 2)))
    party = _create(store, complete_meeting(type_code="party_general_meeting"))
    next_year = _create(store, complete_meeting(on=date(2027, 1, 5)))
    assert [m.number for m in (first, second, party, next_year)] == ["2026-代-01", "2026-代-02", "2026-党-01",
                                                                      "2027-代-01"]
    assert store.get("2026-代-02").id == second.id


def test_round_trip_and_draft_edits_write_the_change_and_audit_logs(store: SqliteMeetingStore,
                                                                    village_db: Database) -> None:
    created = _create(store, complete_meeting())
    expected = dataclasses.replace(complete_meeting(), id=created.id, number=created.number,
                                   items=tuple(dataclasses.replace(i, id=c.id)
                                               for i, c in zip(complete_meeting().items, created.items)))
    assert created == expected
    extra = AgendaItem("通报春耕", discussion="村主任通报")
    edited = _save(store, dataclasses.replace(created, place="村文化广场", attendees=created.attendees[:3],
                                              items=(extra, created.items[0])))
    assert edited.place == "村文化广场" and len(edited.attendees) == 3
    assert [i.title for i in edited.items] == ["通报春耕", "村道硬化项目"] and edited.items[1].id == created.items[0].id
    audit = village_db.conn.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'meetings'").fetchone()[0]
    logged = village_db.conn.execute("SELECT COUNT(*) FROM change_log WHERE table_name = 'agenda_items'").fetchone()[0]
    assert audit == 2 and logged >= 3


def test_finalise_makes_the_record_read_only_and_creates_follow_ups(stores: SqliteStores, village_db: Database,
                                                                   admin: Actor) -> None:
    store = stores.meetings
    draft = _create(store, complete_meeting(place=""))
    with pytest.raises(DomainError, match="地点"):
        store.finalise(draft.id, True, True)
    draft = _save(store, dataclasses.replace(draft, place="村委会议室"))
    changed = store.finalise(draft.id, True, True)
    final = store.get(draft.id)
    assert final.status is MeetingStatus.FINAL and final.finalised_by == admin.name
    with pytest.raises(DomainError, match="已定稿"):
        store.save_draft(dataclasses.replace(final, place="别处"))
    with pytest.raises(sqlite3.IntegrityError, match="finalised"):
        village_db.execute("UPDATE meetings SET place = 'x' WHERE id = ?", [final.id])
    with pytest.raises(sqlite3.IntegrityError, match="finalised"):
        village_db.execute("UPDATE agenda_items SET votes_for = 99 WHERE meeting_id = ?", [final.id])
    follow_ups = stores.follow_ups.list_follow_ups(final.id)
    assert [(f.title, f.owner, f.due) for f in follow_ups] == [("村道硬化项目", "村委会", date(2026, 6, 30))]
    assert changed.ids_of(Entity.MEETING) == {final.id} and changed.ids_of(Entity.FOLLOW_UP) == {follow_ups[0].id}


def test_amendments_are_stored_shown_and_audited(store: SqliteMeetingStore, village_db: Database) -> None:
    final = _finalise(store, store.create(complete_meeting()).id)
    assert store.amend(final.id, "place", "村文化广场", "记录时笔误", date(2026, 3, 20)) == Changed.one(
        Entity.MEETING, final.id)
    reread = store.get(final.id)
    assert reread.place == "村委会议室" and [(a.field_name, a.after) for a in reread.amendments] == [
        ("place", "村文化广场")]
    summary = village_db.conn.execute("SELECT summary FROM audit_log WHERE table_name = 'meeting_amendments'"
                                      ).fetchone()[0]
    assert "村委会议室 → 村文化广场" in summary and "笔误" in summary


def test_follow_up_timeline_overdue_and_carry_over(stores: SqliteStores) -> None:
    store, follow_ups = stores.meetings, stores.follow_ups
    final = _finalise(store, store.create(complete_meeting()).id)
    item = follow_ups.list_follow_ups(final.id)[0]
    assert [f.id for f in follow_ups.overdue(date(2026, 7, 1))] == [item.id]
    assert [i.carried_from for i in carry_over_items(follow_ups, store, "representatives_meeting",
                                                     date(2026, 6, 1))] == [item.id]
    assert carry_over_items(follow_ups, store, "party_general_meeting", date(2026, 6, 1)) == []
    follow_ups.record_progress(item.id, date(2026, 4, 1), FollowUpStatus.IN_PROGRESS, "已完成招标")
    follow_ups.record_progress(item.id, date(2026, 6, 20), FollowUpStatus.DONE, "完工验收", "硬化 2.3 公里")
    done = follow_ups.get(item.id)
    assert follow_ups.evaluate(item.id, Evaluation.SATISFIED) == Changed.one(Entity.FOLLOW_UP, item.id)
    rated = follow_ups.get(item.id)
    assert [e.note for e in done.timeline] == ["已完成招标", "完工验收"] and rated.evaluation is Evaluation.SATISFIED
    assert follow_ups.overdue(date(2026, 7, 1)) == []
    assert carry_over_items(follow_ups, store, "representatives_meeting", date(2026, 9, 1)) == []


def _final(store: SqliteMeetingStore, type_code: str, on: date, expected: int = 35, present: int = 30,
           yes: int = 26) -> str:
    item = dataclasses.replace(complete_meeting().items[0], tally=Tally(yes, 0, 0))
    return store.finalise(store.create(complete_meeting(type_code=type_code, on=on, expected=expected,
                                                        present=present, items=(item,))).id, True, True).id


def test_four_two_chain_links_finalised_meetings_in_order(stores: SqliteStores) -> None:
    store, chain = stores.meetings, stores.four_two
    matter = chain.create_matter("村道硬化", "党员群众建议")
    consult = _final(store, "joint_committees_meeting", date(2026, 3, 3), expected=9, present=8, yes=8)
    with pytest.raises(DomainError, match="之后"):
        chain.record_stage(matter.id, FourTwoStage.CONSULT, date(2026, 3, 3), consult)
    chain.record_stage(matter.id, FourTwoStage.PROPOSE, date(2026, 3, 1),
                       _final(store, "branch_committee_meeting", date(2026, 3, 1), 5, 5, 5))
    chain.record_stage(matter.id, FourTwoStage.CONSULT, date(2026, 3, 3), consult)
    failed = _final(store, "party_general_meeting", date(2026, 3, 8), expected=40, present=25, yes=20)
    with pytest.raises(DomainError, match="未获通过"):
        chain.record_stage(matter.id, FourTwoStage.REVIEW, date(2026, 3, 8), failed)
    draft = _create(store, complete_meeting(type_code="party_general_meeting", on=date(2026, 3, 9)))
    with pytest.raises(DomainError, match="尚未定稿"):
        chain.record_stage(matter.id, FourTwoStage.REVIEW, date(2026, 3, 9), draft.id)
    passed = _final(store, "party_general_meeting", date(2026, 3, 10), expected=40, present=25, yes=21)
    after = chain.get(chain.record_stage(matter.id, FourTwoStage.REVIEW, date(2026, 3, 10), passed).id)
    assert after.next_stage is FourTwoStage.DECIDE and len(chain.matters()[0].stages) == 3


def test_quarter_warnings_r11(store: SqliteMeetingStore) -> None:
    store.create(complete_meeting(on=date(2026, 2, 1)))
    store.create(complete_meeting(type_code="party_general_meeting", on=date(2026, 5, 1)))
    assert [w.message[:12] for w in missing_quarters(store, 2026, date(2026, 10, 1))] == [
        "2026 年第二季度没有", "2026 年第三季度没有"]


def test_named_votes_and_speeches_are_rows_logged_searchable_and_frozen(store: SqliteMeetingStore,
                                                                        village_db: Database) -> None:
    from models.minutes.votes import PersonVote, Speech, VoteChoice
    from models.minutes.meetings import Attendee

    names = [f"代表{i}" for i in range(3)]
    votes = tuple(PersonVote(n, c) for n, c in zip(names, (VoteChoice.FOR, VoteChoice.FOR, VoteChoice.AGAINST)))
    speeches = (Speech("代表0", "赞成硬化村道，建议雨季前完工"), Speech("代表2", "担心占用耕地"))
    base = complete_meeting(expected=3, present=3, attendees=tuple(Attendee(n) for n in names))
    item = dataclasses.replace(base.items[0], tally=None, votes=votes, speeches=speeches)
    created = _create(store, dataclasses.replace(base, items=(item,)))
    loaded = created.items[0]
    assert loaded.votes == votes and loaded.speeches == speeches and loaded.tally == Tally(2, 1, 0)
    fewer = dataclasses.replace(loaded, votes=votes[:2] + (PersonVote("代表2", VoteChoice.ABSTAIN),),
                                speeches=speeches[:1])
    saved = _save(store, dataclasses.replace(created, items=(fewer,))).items[0]
    assert saved.tally == Tally(2, 0, 1) and saved.speeches == speeches[:1]
    log = dict(village_db.conn.execute("SELECT table_name, COUNT(*) FROM audit_log WHERE table_name IN "
                                       "('agenda_item_votes', 'agenda_item_speeches') GROUP BY table_name").fetchall())
    assert log == {"agenda_item_votes": 4, "agenda_item_speeches": 3}  # 3 + 1 changed; 2 + 1 withdrawn
    assert village_db.conn.execute("SELECT COUNT(*) FROM change_log WHERE table_name = 'agenda_item_votes'"
                                   ).fetchone()[0] >= 4
    hits = store.search("雨季前")
    assert hits and hits[0].kind_label == "发言" and "【雨季前】" in hits[0].snippet
    store.finalise(created.id, True, True)
    with pytest.raises(sqlite3.DatabaseError, match="finalised"):
        village_db.conn.execute("UPDATE agenda_item_votes SET choice = 'for' WHERE item_id = ?", [saved.id])
    with pytest.raises(DomainError, match="已定稿"):
        store.save_draft(dataclasses.replace(store.get(created.id), items=(dataclasses.replace(saved, votes=()),)))


def test_finalise_refuses_named_votes_that_do_not_match_attendance(store: SqliteMeetingStore) -> None:
    from models.minutes.votes import PersonVote, VoteChoice
    from models.minutes.meetings import Attendee

    base = complete_meeting(expected=3, present=3, attendees=tuple(Attendee(f"代表{i}") for i in range(3)))
    item = dataclasses.replace(base.items[0], votes=(PersonVote("代表0", VoteChoice.FOR),
                                                     PersonVote("代表1", VoteChoice.FOR)))
    draft = store.create(dataclasses.replace(base, items=(item,)))
    with pytest.raises(DomainError, match="与到会 3 人不符"):
        store.finalise(draft.id, True, True)


def test_province_rule_r8_is_stored_audited_and_silences_the_warning(stores: SqliteStores,
                                                                      village_db: Database) -> None:
    from models.minutes.meetings import MatterKind

    settings = stores.minutes_settings
    base = complete_meeting()
    rules_item = dataclasses.replace(base.items[0], title="修订村规民约", matter=MatterKind.VILLAGE_RULES)
    draft = _create(stores.meetings, dataclasses.replace(base, items=(rules_item,), women_present=12))

    def r8() -> bool:
        return any(w.rule == "R8" for w in record_warnings(draft, stores.meeting_types, settings))

    assert r8()
    with pytest.raises(DomainError, match="法规依据"):
        settings.set_province_rules(True, " ")
    basis = "《某省实施〈中华人民共和国村民委员会组织法〉办法》第二十条"
    changed = settings.set_province_rules(True, basis)
    assert changed.concerns(Entity.MINUTES_SETTINGS) and changed.concerns(Entity.MEETING)
    assert settings.province_rules().basis == basis
    assert not r8()
    settings.set_province_rules(False, "")
    assert not settings.province_rules().rules_by_representatives
    assert r8()
    audited = village_db.conn.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'minutes_settings'"
                                      ).fetchone()[0]
    rows_ = village_db.conn.execute("SELECT COUNT(*) FROM minutes_settings").fetchone()[0]
    assert audited == 2 and rows_ == 1  # one row, inserted then updated


def test_province_rule_needs_the_profile_permission(village_db: Database) -> None:
    from models.core.accounts import Role
    from models.core.errors import PermissionDenied

    clerk = build_stores(village_db, Actor("u-clerk", "文书", Role.CLERK)).minutes_settings
    with pytest.raises(PermissionDenied):
        clerk.set_province_rules(True, "某省办法第二十条")


def test_convene_proposals_are_tasks_until_a_meeting_answers(stores: SqliteStores,
                                                             village_db: Database) -> None:
    from models.minutes.convene import ConveneBody, make_proposal

    store, meetings = stores.convene_proposals, stores.meetings
    weak = store.proposal(store.record_proposal(make_proposal(ConveneBody.REPRESENTATIVES, date(2026, 3, 1),
                                                              "清理账目", 6, 35)).id)
    strong = store.proposal(store.record_proposal(make_proposal(ConveneBody.REPRESENTATIVES, date(2026, 3, 2),
                                                                "调整低保", 7, 35, "龙金寿", date(2026, 3, 10))).id)
    assert [p.id for p in store.proposals(open_only=True)] == [strong.id] and weak.status_label == "未达法定人数"
    assert [p.id for p in store.overdue_proposals(date(2026, 3, 11))] == [strong.id]
    villagers = meetings.create(complete_meeting(type_code="villagers_meeting"))
    with pytest.raises(DomainError, match="村民代表会议"):
        store.answer_proposal(strong.id, villagers.id)
    meeting = _create(meetings, complete_meeting(on=date(2026, 3, 12)))
    answered = store.proposal(store.answer_proposal(strong.id, meeting.number).id)
    assert answered.meeting_id == meeting.id and answered.status_label == f"已召开（{meeting.number}）"
    assert store.proposals(open_only=True) == [] and store.overdue_proposals(date(2026, 4, 1)) == []
    assert store.proposal(store.answer_proposal(strong.id, "").id).open  # unlink (undo)
    audited = village_db.conn.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'convene_proposals'"
                                      ).fetchone()[0]
    assert audited == 4


def test_years_of_every_type_newest_first_without_deleted_records(store: SqliteMeetingStore,
                                                                village_db: Database) -> None:
    """years() steps down the (type, year) index instead of reading every meeting (issue 17)."""
    assert store.years() == []
    _create(store, complete_meeting(on=date(2024, 12, 30)))
    _create(store, complete_meeting(type_code="party_general_meeting", on=date(2022, 3, 1)))
    _create(store, complete_meeting(on=date(2026, 6, 2)))
    gone = _create(store, complete_meeting(type_code="party_general_meeting", on=date(2019, 5, 5)))
    village_db.conn.execute("UPDATE meetings SET deleted = 1 WHERE id = ?", (gone.id,))
    assert store.years() == [2026, 2024, 2022]
