"""群众说事 from intake to 销号: every transition, every refused one, overdue at the boundary day (R48, R49)."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.accounts import Actor
from models.core.changes import Entity
from models.core.errors import DomainError
from models.matters.records import (Channel, EventKind, Matter, MatterClass, MatterStatus, OfficerLogEntry,
                                    Project, ProjectStage, Raiser, RaiserKind, Rating)
from models.minutes.meetings import Meeting
from storage.core.backend import SqliteStores, build_stores
from storage.core.db import Database

DAY = date(2026, 11, 3)


@pytest.fixture
def stores(village_db: Database, admin: Actor) -> SqliteStores:
    return build_stores(village_db, admin)


def _add(stores: SqliteStores, cls: MatterClass = MatterClass.INFRASTRUCTURE, raiser: Raiser | None = None,
         public: bool | None = None, basis: str = "") -> str:
    matter = Matter(cls, Channel.ROOM, "三组机耕道塌方，车辆无法通行", DAY, raiser or Raiser(RaiserKind.ANONYMOUS),
                    place="三组")
    changed = stores.matters.add_matter(matter, public, basis)
    assert changed.entity == Entity.MATTER
    return changed.id


def _done(stores: SqliteStores) -> str:
    matter_id = _add(stores)
    stores.matters.assign(matter_id, "村主任杨光明", DAY)
    stores.matters.done(matter_id, "已组织群众修复", date(2026, 11, 10))
    return matter_id


def test_numbers_run_by_year(stores: SqliteStores) -> None:
    first, second = _add(stores), _add(stores)
    assert stores.matters.matter(first).number == "2026-说-001"
    assert stores.matters.matter(second).number == "2026-说-002"
    assert stores.matters.matter("2026-说-002").id == second


def test_the_whole_loop_with_its_timeline(stores: SqliteStores) -> None:
    matter_id = _done(stores)
    stores.matters.note(matter_id, "已拉来碎石", date(2026, 11, 11))
    stores.matters.feedback(matter_id, Rating.SATISFIED, date(2026, 11, 12), by="信息员龙德军")
    stores.matters.close(matter_id, date(2026, 11, 12))
    matter = stores.matters.matter(matter_id)
    assert matter.status is MatterStatus.CLOSED and matter.closed_on == date(2026, 11, 12)
    kinds = [e.kind for e in stores.matters.timeline(matter_id)]
    assert kinds == [EventKind.INTAKE, EventKind.ASSIGN, EventKind.DONE, EventKind.NOTE, EventKind.FEEDBACK,
                     EventKind.CLOSE]
    assert stores.matters.timeline(matter_id)[4].by == "信息员龙德军"


def test_assign_takes_the_class_default_due_date(stores: SqliteStores) -> None:
    matter_id = _add(stores, MatterClass.SAFETY)
    stores.matters.assign(matter_id, "网格员", DAY)
    assert stores.matters.matter(matter_id).due == date(2026, 11, 10)


def test_overdue_from_the_day_after_the_due_date(stores: SqliteStores) -> None:
    matter_id = _add(stores)
    stores.matters.assign(matter_id, "网格员", DAY, due=date(2026, 11, 20))
    assert stores.matters.overdue(date(2026, 11, 20)) == []
    assert [m.id for m in stores.matters.overdue(date(2026, 11, 21))] == [matter_id]
    stores.matters.done(matter_id, "已办", date(2026, 11, 22))
    assert stores.matters.overdue(date(2026, 11, 23)) == []


@pytest.mark.parametrize("step", ["done", "feedback", "close", "reopen"])
def test_an_open_matter_refuses_later_steps(stores: SqliteStores, step: str) -> None:
    matter_id = _add(stores)
    calls = {"done": lambda: stores.matters.done(matter_id, "已办", DAY),
             "feedback": lambda: stores.matters.feedback(matter_id, Rating.SATISFIED, DAY),
             "close": lambda: stores.matters.close(matter_id, DAY),
             "reopen": lambda: stores.matters.reopen(matter_id, "不满意", DAY)}
    with pytest.raises(DomainError):
        calls[step]()
    assert stores.matters.matter(matter_id).status is MatterStatus.OPEN


def test_close_needs_feedback_or_a_recorded_attempt(stores: SqliteStores) -> None:
    matter_id = _done(stores)
    with pytest.raises(DomainError, match="回访"):
        stores.matters.close(matter_id, DAY)
    with pytest.raises(DomainError, match="联系未果"):
        stores.matters.feedback(matter_id, None, DAY)
    stores.matters.feedback(matter_id, None, DAY, note="三次电话无人接听")
    stores.matters.close(matter_id, DAY)
    assert stores.matters.matter(matter_id).status is MatterStatus.CLOSED


def test_unsatisfied_reopens_once_or_closes_with_a_reason(stores: SqliteStores) -> None:
    matter_id = _done(stores)
    stores.matters.feedback(matter_id, Rating.UNSATISFIED, DAY)
    with pytest.raises(DomainError, match="不满意"):
        stores.matters.close(matter_id, DAY)
    with pytest.raises(DomainError, match="理由"):
        stores.matters.reopen(matter_id, " ", DAY)
    stores.matters.reopen(matter_id, "路面仍有积水", DAY)
    reopened = stores.matters.matter(matter_id)
    assert reopened.status is MatterStatus.ASSIGNED and reopened.rating is None and reopened.reopened
    stores.matters.done(matter_id, "加铺排水沟", DAY)
    stores.matters.feedback(matter_id, Rating.UNSATISFIED, DAY)
    with pytest.raises(DomainError, match="一次"):
        stores.matters.reopen(matter_id, "还是不满意", DAY)
    stores.matters.close(matter_id, DAY, reason="超出村级财力，已报乡镇项目库")
    assert stores.matters.matter(matter_id).close_reason == "超出村级财力，已报乡镇项目库"


def test_closed_refuses_assign_note_and_done(stores: SqliteStores) -> None:
    matter_id = _done(stores)
    stores.matters.feedback(matter_id, Rating.MOSTLY, DAY)
    stores.matters.close(matter_id, DAY)
    for refused in (lambda: stores.matters.assign(matter_id, "某人", DAY),
                    lambda: stores.matters.note(matter_id, "再记", DAY),
                    lambda: stores.matters.done(matter_id, "再办", DAY),
                    lambda: stores.matters.feedback(matter_id, Rating.SATISFIED, DAY)):
        with pytest.raises(DomainError):
            refused()


def test_a_dispute_or_a_named_raiser_is_not_public_unless_a_basis_is_given(stores: SqliteStores) -> None:
    named = Raiser(RaiserKind.VILLAGER, "v1", "张三")
    assert stores.matters.matter(_add(stores)).public
    assert not stores.matters.matter(_add(stores, MatterClass.DISPUTE)).public
    assert not stores.matters.matter(_add(stores, raiser=named)).public
    with pytest.raises(DomainError, match="依据"):
        _add(stores, MatterClass.DISPUTE, public=True)
    shown = stores.matters.matter(_add(stores, MatterClass.DISPUTE, public=True, basis="双方书面同意公开"))
    assert shown.public and shown.public_basis == "双方书面同意公开"


def _draft_meeting(stores: SqliteStores) -> str:
    return stores.meetings.create(Meeting("representatives_meeting", date(2026, 11, 20))).id


def _resolved(stores: SqliteStores) -> str:
    """A finalised representatives' meeting: item 1 passed (a resolution), item 2 voted down, item 3 not voted."""
    import dataclasses

    from models.minutes.meetings import AgendaItem
    from models.minutes.quorum import Tally
    from tests.models.meeting_fixtures import complete_meeting

    passed = complete_meeting().items[0]
    failed = dataclasses.replace(passed, title="村口建牌坊", tally=Tally(8, 20, 2), resolution="不同意建牌坊")
    made = stores.meetings.create(complete_meeting(on=date(2026, 11, 1), items=(
        passed, failed, AgendaItem("通报上半年财务", discussion="无异议。"))))
    return stores.meetings.finalise(made.id, True, True).id


def test_to_meeting_adds_an_agenda_item(stores: SqliteStores) -> None:
    matter_id = _add(stores)
    meeting_id = _draft_meeting(stores)
    changed = stores.matters.to_meeting(matter_id, meeting_id, DAY)
    assert changed.concerns(Entity.MATTER) and changed.concerns(Entity.MEETING)
    meeting = stores.meetings.get(meeting_id)
    assert "2026-说-001" in meeting.items[-1].background
    assert stores.matters.matter(matter_id).meeting_id == meeting_id
    with pytest.raises(DomainError, match="已经提交"):
        stores.matters.to_meeting(matter_id, meeting_id, DAY)


def test_to_meeting_is_undone_while_the_meeting_is_a_draft_and_its_item_untouched(stores: SqliteStores) -> None:
    from dataclasses import replace

    from models.matters import rules
    from models.minutes.meetings import MeetingStatus

    matter_id, meeting_id = _add(stores), _draft_meeting(stores)
    before = stores.matters.matter(matter_id)
    items = stores.meetings.get(meeting_id).items
    stores.matters.to_meeting(matter_id, meeting_id, DAY)
    submitted, meeting = stores.matters.matter(matter_id), stores.meetings.get(meeting_id)
    with pytest.raises(DomainError, match="已定稿.*不能撤销提交议事"):
        rules.check_withdraw(submitted, replace(meeting, status=MeetingStatus.FINAL))
    changed = stores.matters.undo_step(before, EventKind.TO_MEETING)
    assert changed.concerns(Entity.MATTER) and changed.concerns(Entity.MEETING)
    assert stores.meetings.get(meeting_id).items == items and stores.matters.matter(matter_id).meeting_id == ""
    stores.matters.to_meeting(matter_id, meeting_id, DAY)  # submitted again; its item then removed in the editor
    stores.meetings.save_draft(replace(stores.meetings.get(meeting_id), items=items))
    stores.matters.undo_step(before, EventKind.TO_MEETING)  # the link and the line go; no item left to take out
    assert [e.kind for e in stores.matters.timeline(matter_id)] == [EventKind.INTAKE]


def test_a_project_comes_only_from_a_passed_item_of_a_finalised_meeting(stores: SqliteStores) -> None:
    draft = _draft_meeting(stores)
    stores.matters.to_meeting(_add(stores), draft, DAY)
    with pytest.raises(DomainError, match="尚未定稿：项目库的项目来自会议通过的决议"):
        stores.projects.add_project(Project("三组机耕道硬化", 180000, draft, 1))
    meeting_id = _resolved(stores)
    with pytest.raises(DomainError, match="第 2 项议题“村口建牌坊”未获通过.*项目库的项目来自会议通过的决议"):
        stores.projects.add_project(Project("村口牌坊", 50000, meeting_id, 2))
    with pytest.raises(DomainError, match="第 3 项议题“通报上半年财务”未获通过（未表决）"):
        stores.projects.add_project(Project("财务", 1, meeting_id, 3))
    with pytest.raises(DomainError, match="第 4 项"):
        stores.projects.add_project(Project("别的", 1, meeting_id, 4))
    assert stores.projects.projects() == []
    matter_id = _add(stores)
    project_id = stores.projects.add_project(Project("村道硬化", 180000, meeting_id, 1, "县交通局",
                                                     matter_id=matter_id)).id
    project = stores.projects.project(project_id)
    assert project.meeting_id == meeting_id and project.meeting_number == stores.meetings.get(meeting_id).number
    chain = stores.four_two.get(project.four_two_id)  # a new 四议两公开 chain, titled as the project
    assert (chain.title, chain.motion_source, chain.stages) == ("村道硬化", "党员群众建议", ())


def _final(stores: SqliteStores, type_code: str, on: date, expected: int, present: int, yes: int) -> str:
    import dataclasses

    from models.minutes.meetings import Tally
    from tests.models.meeting_fixtures import complete_meeting

    item = dataclasses.replace(complete_meeting().items[0], tally=Tally(yes, 0, 0))
    made = stores.meetings.create(complete_meeting(type_code=type_code, on=on, expected=expected, present=present,
                                                   items=(item,)))
    return stores.meetings.finalise(made.id, True, True).id


def test_a_project_is_approved_on_its_chains_resolution_and_built_once_it_is_made_public(
        stores: SqliteStores) -> None:
    from models.minutes.four_two import FourTwoStage

    meeting_id = _resolved(stores)
    project_id = stores.projects.add_project(Project("三组机耕道硬化", 180000, meeting_id, 1)).id
    chain_id = stores.projects.project(project_id).four_two_id
    assert stores.four_two.get(chain_id).motion_source == "村干部提议"  # not from a villager's matter
    with pytest.raises(DomainError, match="还没有登记“村民代表会议或村民会议决议”（第 4 步），不能立项"):
        stores.projects.advance(project_id)
    chain = stores.four_two
    chain.record_stage(chain_id, FourTwoStage.PROPOSE, date(2026, 3, 1),
                       _final(stores, "branch_committee_meeting", date(2026, 3, 1), 5, 5, 5))
    chain.record_stage(chain_id, FourTwoStage.CONSULT, date(2026, 3, 3),
                       _final(stores, "joint_committees_meeting", date(2026, 3, 3), 9, 8, 8))
    chain.record_stage(chain_id, FourTwoStage.REVIEW, date(2026, 3, 10),
                       _final(stores, "party_general_meeting", date(2026, 3, 10), 40, 25, 21))
    chain.record_stage(chain_id, FourTwoStage.DECIDE, date(2026, 3, 15),
                       _final(stores, "representatives_meeting", date(2026, 3, 15), 35, 30, 26))
    stores.projects.advance(project_id)
    assert stores.projects.project(project_id).stage is ProjectStage.APPROVED
    with pytest.raises(DomainError, match="还没有登记“决议公开”（第 5 步），不能实施"):
        stores.projects.advance(project_id)
    chain.record_stage(chain_id, FourTwoStage.DISCLOSE_DECISION, date(2026, 3, 16), publication="村务公开栏",
                       supervision_opinion="程序合规")
    for stage in (ProjectStage.BUILDING, ProjectStage.ACCEPTED):
        stores.projects.advance(project_id)
        assert stores.projects.project(project_id).stage is stage
    with pytest.raises(DomainError, match="验收"):
        stores.projects.advance(project_id)
    other = stores.projects.add_project(Project("三组机耕道护栏", 20000, meeting_id, 1, four_two_id=chain_id)).id
    assert stores.projects.project(other).four_two_id == chain_id  # a second project on the same chain


def test_officer_log_by_officer_and_month(stores: SqliteStores) -> None:
    from models.core.accounts import Role

    stores.accounts.create_user("xinxiyuan", "龙德军", Role.CLERK, "secret123")
    stores.accounts.create_user("jianwei", "石秀英", Role.SUPERVISOR, "secret123")
    stores.officer_log.add_entry(OfficerLogEntry("龙德军", date(2026, 11, 2), "走访三组 6 户，收集说事 2 件"))
    stores.officer_log.add_entry(OfficerLogEntry("龙德军", date(2026, 12, 1), "回访"))
    stores.officer_log.add_entry(OfficerLogEntry("石秀英", date(2026, 11, 5), "走访"))
    assert [e.text for e in stores.officer_log.entries("龙德军", "2026-11")] == ["走访三组 6 户，收集说事 2 件"]
    assert [e.text for e in stores.officer_log.entries("xinxiyuan", "2026-11")] == ["走访三组 6 户，收集说事 2 件"]
    assert [u.username for u in stores.officer_log.officers()] == ["admin", "xinxiyuan", "jianwei"]


def test_search_by_text_place_or_number(stores: SqliteStores) -> None:
    road = _add(stores)
    other = stores.matters.add_matter(Matter(MatterClass.POLICY, Channel.PHONE, "咨询医保缴费标准", DAY,
                                             place="五组")).id
    assert [m.id for m in stores.matters.matters(text="机耕道塌方")] == [road]  # the trigram index
    assert [m.id for m in stores.matters.matters(text="医保")] == [other]  # two characters: LIKE
    assert [m.id for m in stores.matters.matters(text="五组")] == [other]
    assert [m.id for m in stores.matters.matters(text="2026-说-001")] == [road]
    assert [m.id for m in stores.matters.matters(limit=1)] == [other]


def test_a_new_matter_like_an_open_one_is_found_for_the_duplicate_hint(stores: SqliteStores) -> None:
    road = _add(stores)
    again = Matter(MatterClass.INFRASTRUCTURE, Channel.PHONE, "三组的机耕道塌方了，车过不去", DAY, place="三组")
    elsewhere = Matter(MatterClass.INFRASTRUCTURE, Channel.PHONE, "三组机耕道塌方", DAY, place="五组")
    unlike = Matter(MatterClass.POLICY, Channel.PHONE, "咨询医保缴费标准", DAY, place="三组")
    assert [m.id for m in stores.matters.similar_open(again)] == [road]
    assert stores.matters.similar_open(elsewhere) == [] and stores.matters.similar_open(unlike) == []
    stores.matters.assign(road, "组长", DAY)
    stores.matters.done(road, "已修", DAY)
    assert stores.matters.similar_open(again) == []  # only open and assigned ones are offered


def test_the_finalised_resolution_feeds_the_matter(stores: SqliteStores) -> None:
    from dataclasses import replace

    from models.minutes.meetings import VoteMethod
    from models.minutes.quorum import Tally
    from tests.models.meeting_fixtures import complete_meeting

    matter_id = _add(stores)
    meeting_id = stores.meetings.create(complete_meeting()).id
    with pytest.raises(DomainError, match="没有提交"):
        stores.matters.apply_resolution(matter_id, DAY)
    stores.matters.to_meeting(matter_id, meeting_id, DAY)
    with pytest.raises(DomainError, match="尚未定稿"):
        stores.matters.apply_resolution(matter_id, DAY)
    draft = stores.meetings.get(meeting_id)
    item = replace(draft.items[1], discussion="李四：赞成。", vote_method=VoteMethod.SHOW_OF_HANDS,
                   tally=Tally(27, 1, 2), resolution="同意硬化三组机耕道", resolution_owner="三组组长", resolution_due=date(2026, 12, 31))
    stores.meetings.save_draft(replace(draft, items=(draft.items[0], item)))
    stores.meetings.finalise(meeting_id, True, True)
    stores.matters.apply_resolution(matter_id, date(2026, 11, 25))
    fed = stores.matters.matter(matter_id)
    assert (fed.status, fed.assignee, fed.due) == (MatterStatus.ASSIGNED, "三组组长", date(2026, 12, 31))
    last = stores.matters.timeline(matter_id)[-1]
    assert last.kind is EventKind.RESOLUTION and "同意硬化三组机耕道" in last.text


def test_the_sources_are_the_passed_items_of_finalised_meetings_and_an_entry_is_withdrawn_at_declared(
        stores: SqliteStores) -> None:
    from models.minutes.four_two import FourTwoStage

    draft = _draft_meeting(stores)
    stores.matters.to_meeting(_add(stores), draft, DAY)  # a draft's items are no source yet
    meeting_id = _resolved(stores)
    (source,) = stores.projects.sources()  # item 2 voted down, item 3 not voted
    assert (source.meeting_id, source.item_number, source.projects, source.matter_id) == (meeting_id, 1, (), "")
    project_id = stores.projects.add_project(Project("三组机耕道硬化", 180000, meeting_id, 1)).id
    assert stores.projects.sources()[0].projects == ("三组机耕道硬化",)
    chain_id = stores.projects.project(project_id).four_two_id
    stores.four_two.record_stage(chain_id, FourTwoStage.PROPOSE, date(2026, 3, 1),
                                 _final(stores, "branch_committee_meeting", date(2026, 3, 1), 5, 5, 5))
    with pytest.raises(DomainError, match="已登记了.*不能撤销"):
        stores.projects.withdraw_project(project_id, chain_made=True)
    assert stores.projects.project(project_id).four_two_id == chain_id  # nothing withdrawn
    kept = stores.projects.add_project(Project("村口路灯", 36000, meeting_id, 1, four_two_id=chain_id)).id
    stores.projects.withdraw_project(kept)  # a chain it was filed under is not the project's to withdraw
    assert [p.id for p in stores.projects.projects()] == [project_id] and stores.four_two.get(chain_id)
    _pass_decide(stores, chain_id)
    stores.projects.advance(project_id)
    with pytest.raises(DomainError, match="已立项，不能撤销建入项目库"):
        stores.projects.withdraw_project(project_id)


def _pass_decide(stores: SqliteStores, chain_id: str) -> None:
    from models.minutes.four_two import FourTwoStage

    for stage, type_code, on, sizes in (
            (FourTwoStage.CONSULT, "joint_committees_meeting", date(2026, 3, 3), (9, 8, 8)),
            (FourTwoStage.REVIEW, "party_general_meeting", date(2026, 3, 10), (40, 25, 21)),
            (FourTwoStage.DECIDE, "representatives_meeting", date(2026, 3, 15), (35, 30, 26))):
        stores.four_two.record_stage(chain_id, stage, on, _final(stores, type_code, on, *sizes))
