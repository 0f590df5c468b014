"""A revision walks all nine steps on a real file database; refusals change nothing; reopening; filing."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.accounts import Actor, Role
from models.core.errors import DomainError
from models.minutes.quorum import Tally
from models.rules.document import VersionStatus, update_article
from models.workflow.steps import StepState, WorkflowStep
from models.workflow.records import ArticleVote, Disposition, FilingStatus, OpinionKind, Channel
from storage.core.db import Database
from storage.rules.reasons import SqliteChangeReasonStore
from storage.rules.store import SqliteRulebookStore
from storage.core.backend import build_stores
from storage.workflow.stores import SqliteWorkflowStores
from tests.storage.workflow_setup import advanced, rulebook_in_force, villagers_meeting, walk_to_step_5

TODAY = date(2026, 2, 1)


@pytest.fixture
def store(village_db: Database, admin: Actor) -> SqliteWorkflowStores:
    return build_stores(village_db, admin).workflow


def _audit_count(db: Database) -> int:
    return db.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


def test_walk_through_all_nine_steps(village_db: Database, admin: Actor, store: SqliteWorkflowStores) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    assert store.revisions.status(rulebook_id, TODAY).current_step is WorkflowStep.PUBLIC_CONSULTATION
    before = _audit_count(village_db)
    with pytest.raises(DomainError, match="还有 1 条意见未答复：意见2（石大姐）"):
        store.revisions.advance(rulebook_id, TODAY)
    assert _audit_count(village_db) == before
    opinion = [o for o in store.opinions.opinions(rulebook_id) if not o.answered][0]
    store.opinions.reply_opinion(opinion.id, Disposition.PARTLY, "增加电话、微信参与的条款", "吴支书", TODAY)
    store.revisions.advance(rulebook_id, TODAY)
    rules = SqliteRulebookStore(village_db, admin)
    rules.new_version(rulebook_id)
    revised = rules.load_version(rulebook_id)
    key = revised.articles[2].key
    rules.save_version(update_article(revised, key, "婚事新办、丧事简办，宴席不超过二十桌。"))
    store.links.link_change(rulebook_id, revised.id, key, [o.id for o in store.opinions.opinions(rulebook_id)][:1])
    assert SqliteChangeReasonStore(village_db, admin).change_reasons(revised.id)[key] == "采纳意见1（杨老三）"
    store.revisions.advance(rulebook_id, TODAY)
    _step_7_and_8(village_db, admin, store, rulebook_id)
    _step_9(store, rulebook_id, rules)


def _step_7_and_8(db: Database, admin: Actor, store: SqliteWorkflowStores, rulebook_id: str) -> None:
    store.publicity.record_publicity(rulebook_id, date(2026, 3, 1), date(2026, 3, 7), "村务公开栏")
    objection = store.opinions.add_opinion(rulebook_id, OpinionKind.OBJECTION, "龙二", Channel.BOX, date(2026, 3, 3),
                                           "第三条桌数太少").id
    with pytest.raises(DomainError, match="还没有乡镇的合法性审查意见"):
        store.revisions.advance(rulebook_id, date(2026, 3, 8))
    store.opinions.reply_opinion(objection, Disposition.REJECTED, "多数群众同意二十桌", "吴支书", date(2026, 3, 4))
    store.publicity.record_review(rulebook_id, date(2026, 3, 5), "德化乡人民政府", "经审查，未发现违法内容，同意提交村民会议表决。")
    store.revisions.advance(rulebook_id, date(2026, 3, 8))
    meeting_id = villagers_meeting(db, admin, date(2026, 5, 20))
    store.votes.record_vote(rulebook_id, meeting_id, (ArticleVote("", "全文", Tally(190, 10, 10)),))
    clerk = build_stores(db, Actor("u9", "李文书", Role.CLERK)).workflow
    with pytest.raises(DomainError, match="需要审核人"):
        clerk.revisions.advance(rulebook_id, date(2026, 5, 21))
    store.revisions.advance(rulebook_id, date(2026, 5, 21))
    assert store.revisions.facts(rulebook_id, date(2026, 5, 21)).filing.due_on == date(2026, 5, 30)


def _step_9(store: SqliteWorkflowStores, rulebook_id: str, rules: SqliteRulebookStore) -> None:
    day = date(2026, 5, 25)
    store.votes.update_filing(rulebook_id, FilingStatus.SUBMITTED, day)
    with pytest.raises(DomainError, match="备案状态为“已报送”"):
        store.revisions.advance(rulebook_id, day)
    store.votes.update_filing(rulebook_id, FilingStatus.FILED, day, "德乡备〔2026〕3号", date(2026, 5, 28), date(2026, 6, 1))
    assert advanced(store, rulebook_id, date(2026, 5, 29)) is None
    versions = {v.number: v.status for v in rules.list_rulebooks()[0].versions}
    assert versions == {1: VersionStatus.SUPERSEDED, 2: VersionStatus.DRAFT, 3: VersionStatus.IN_FORCE}
    assert all(s.state is StepState.DONE for s in store.revisions.steps(rulebook_id))
    assert store.revisions.current_steps() == {rulebook_id: None}


def test_reopen_marks_stale_and_keeps_records(village_db: Database, admin: Actor, store: SqliteWorkflowStores) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    store.revisions.reopen(rulebook_id, WorkflowStep.SEND_INVITATIONS, "漏邀了驻村工作队", TODAY)
    states = [s.state for s in store.revisions.steps(rulebook_id)]
    assert states[:5] == [StepState.DONE, StepState.ACTIVE, StepState.STALE, StepState.STALE, StepState.STALE]
    assert len(store.opinions.opinions(rulebook_id)) == 2
    audit = village_db.conn.execute("SELECT summary FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert "漏邀了驻村工作队" in audit
    clerk = build_stores(village_db, Actor("u9", "李文书", Role.CLERK)).workflow
    with pytest.raises(DomainError, match="退回步骤需要审核人"):
        clerk.revisions.reopen(rulebook_id, WorkflowStep.COMMITTEES_DISCUSS, "原因", TODAY)


def test_a_text_change_after_review_needs_re_review(village_db: Database, admin: Actor,
                                                      store: SqliteWorkflowStores) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    store.publicity.record_review(rulebook_id, TODAY, "德化乡人民政府", "同意")
    SqliteRulebookStore(village_db, admin).new_version(rulebook_id)
    found = store.revisions.status(rulebook_id, TODAY).view(WorkflowStep.SECOND_PUBLICITY).blockers
    assert any("须重新提请审核" in b for b in found)


def test_ordered_to_correct_reopens_revision(village_db: Database, admin: Actor, store: SqliteWorkflowStores) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    revision_id = store.revisions.revision_id(rulebook_id)
    with village_db.atomic():
        village_db.execute("UPDATE workflow_step_states SET state = 'done' WHERE revision_id = ?", [revision_id])
        village_db.execute("UPDATE workflow_step_states SET state = 'active' WHERE revision_id = ? "
                           "AND step = 'post_and_enforce'", [revision_id])
        store.votes._insert("workflow_filings", {"revision_id": revision_id, "due_on": "2026-06-01",
                                                 "status": "submitted"})
    store.votes.update_filing(rulebook_id, FilingStatus.ORDERED_TO_CORRECT, TODAY, note="第二条仍有罚款")
    states = {s.step: s for s in store.revisions.steps(rulebook_id)}
    assert states[WorkflowStep.REVISION].state is StepState.ACTIVE
    assert "第二条仍有罚款" in states[WorkflowStep.REVISION].reopen_reason
    assert states[WorkflowStep.POST_AND_ENFORCE].state is StepState.STALE


def test_step_5_figures_from_the_store(village_db: Database, admin: Actor, store: SqliteWorkflowStores) -> None:
    from models.workflow.figures import consultation_figures
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    figures = consultation_figures(store.opinions.opinions(rulebook_id), 40)
    assert (figures.households_reached, figures.participation, figures.by_article[0]) == (2, "5.0%", ("全文", 1))


def test_teams_roster_and_signatures_round_trip(village_db: Database, admin: Actor,
                                                store: SqliteWorkflowStores) -> None:
    from models.workflow.figures import generate_roster
    from models.workflow.records import TeamKind
    rulebook_id = rulebook_in_force(village_db, admin)
    store.revisions.start_revision(rulebook_id, TODAY)
    team_id = store.teams.add_team(rulebook_id, TeamKind.PATROL, "", "吴支书", ("甲", "乙", "丙")).id
    assert store.teams.teams(rulebook_id)[0].name == "治安巡逻队"
    store.teams.save_roster(team_id, generate_roster(("甲", "乙", "丙"), TODAY, 4, team_id=team_id))
    store.teams.save_roster(team_id, generate_roster(("甲", "乙", "丙"), TODAY, 6, team_id=team_id))
    assert len(store.teams.roster(team_id)) == 6
    store.signatures.mark_signed(rulebook_id, "h1", TODAY, "签字表第1页")
    assert store.signatures.signed_households(rulebook_id) == {"h1"}
