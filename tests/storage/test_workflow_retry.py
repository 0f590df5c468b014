"""Failed articles go back to step 6 alone; overdue steps are listed for the home screen."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.accounts import Actor
from models.core.errors import DomainError
from models.minutes.quorum import Tally
from models.rules.document import update_article
from models.workflow.steps import StepState, WorkflowStep
from models.workflow.records import ArticleVote, Disposition
from storage.core.db import Database
from storage.rules.store import SqliteRulebookStore
from storage.core.backend import build_stores
from storage.workflow.stores import SqliteWorkflowStores
from tests.storage.workflow_setup import rulebook_in_force, villagers_meeting, walk_to_step_5

TODAY = date(2026, 2, 1)


def _to_vote(db: Database, admin: Actor, store: SqliteWorkflowStores, rulebook_id: str) -> SqliteRulebookStore:
    walk_to_step_5(db, admin, store, rulebook_id, TODAY)
    waiting = [o for o in store.opinions.opinions(rulebook_id) if not o.answered][0]
    store.opinions.reply_opinion(waiting.id, Disposition.ADOPTED, "", "吴支书", TODAY)
    store.revisions.advance(rulebook_id, TODAY)
    rules = SqliteRulebookStore(db, admin)
    rules.new_version(rulebook_id)
    revised = rules.load_version(rulebook_id)
    rules.save_version(update_article(revised, revised.articles[2].key, "婚事新办，宴席不超过二十桌。"))
    store.revisions.advance(rulebook_id, TODAY)
    store.publicity.record_publicity(rulebook_id, date(2026, 3, 1), date(2026, 3, 7), "村务公开栏")
    store.publicity.record_review(rulebook_id, date(2026, 3, 5), "德化乡人民政府", "同意提交表决")
    store.revisions.advance(rulebook_id, date(2026, 3, 8))
    return rules


def test_failed_articles_go_back_alone(village_db: Database, admin: Actor) -> None:
    store = build_stores(village_db, admin).workflow
    rulebook_id = rulebook_in_force(village_db, admin)
    rules = _to_vote(village_db, admin, store, rulebook_id)
    voted = rules.load_version(rulebook_id)
    keys = [a.key for a in voted.articles]
    meeting_id = villagers_meeting(village_db, admin, date(2026, 5, 20))
    store.votes.record_vote(rulebook_id, meeting_id, (ArticleVote(keys[0], "第一条", Tally(190, 10, 10)),
                                                      ArticleVote(keys[2], "第三条", Tally(60, 140, 10))), by_article=True)
    with pytest.raises(DomainError, match="第三条"):
        store.revisions.advance(rulebook_id, date(2026, 5, 21))
    store.revisions.send_failed_articles_back(rulebook_id, date(2026, 5, 21))
    assert store.revisions.facts(rulebook_id, date(2026, 5, 21)).retry.labels == ("第三条",)  # type: ignore[union-attr]
    states = {s.step: s.state for s in store.revisions.steps(rulebook_id)}
    assert states[WorkflowStep.REVISION] is StepState.ACTIVE and states[WorkflowStep.ASSEMBLY_VOTE] is StepState.STALE
    blockers = store.revisions.status(rulebook_id, date(2026, 5, 22)).view(WorkflowStep.REVISION).blockers
    assert "新建修订版本" in blockers[0]
    rules.new_version(rulebook_id)
    retry = rules.load_version(rulebook_id)
    rules.save_version(update_article(retry, keys[0], "村民应当遵守法律。"))
    blockers = store.revisions.status(rulebook_id, date(2026, 5, 22)).view(WorkflowStep.REVISION).blockers
    assert any("还没有修改表决未通过的条款：第三条" in b for b in blockers)
    assert any("第一条也被改动了" in b for b in blockers)
    retry = rules.load_version(rulebook_id)
    retry = update_article(retry, keys[0], voted.articles[0].text)
    rules.save_version(update_article(retry, keys[2], "婚事新办，宴席不超过三十桌。"))
    assert store.revisions.status(rulebook_id, date(2026, 5, 22)).view(WorkflowStep.REVISION).blockers == ()
    store.revisions.advance(rulebook_id, date(2026, 5, 22))
    assert store.revisions.status(rulebook_id, date(2026, 5, 22)).current_step is WorkflowStep.SECOND_PUBLICITY


def test_sending_back_needs_failed_articles(village_db: Database, admin: Actor) -> None:
    store = build_stores(village_db, admin).workflow
    rulebook_id = rulebook_in_force(village_db, admin)
    _to_vote(village_db, admin, store, rulebook_id)
    store.votes.record_vote(rulebook_id, villagers_meeting(village_db, admin, date(2026, 5, 20)),
                            (ArticleVote("", "全文", Tally(190, 10, 10)),))
    with pytest.raises(DomainError, match="没有需要退回修改的条款"):
        store.revisions.send_failed_articles_back(rulebook_id, date(2026, 5, 21))


def test_overdue_steps(village_db: Database, admin: Actor) -> None:
    store = build_stores(village_db, admin).workflow
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    late = store.revisions.overdue_steps(date(2026, 6, 12))   # targets are the 10th of month n for step n
    assert [(o.step.number, o.days_late) for o in late] == [(5, 33), (6, 2)]
    assert late[0].text == "《青石村村规民约》第5步“征求民意”已逾期 33 天"
    assert store.revisions.overdue_steps(date(2026, 5, 10)) == []
