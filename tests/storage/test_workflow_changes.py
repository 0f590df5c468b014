"""Every workflow write says what it changed (issue 15): an add names its new row, a withdraw the row withdrawn,
a write that also changes the rulebook's text names the rulebook, an act names the revision."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.workflow.records import BackgroundCheck, Channel, CheckAgency, CheckResult, CommitteeMember, \
    Disposition, OpinionKind
from models.workflow.steps import WorkflowStep
from storage.core.backend import build_stores
from storage.core.db import Database
from storage.rules.store import SqliteRulebookStore
from storage.workflow.stores import SqliteWorkflowStores
from tests.storage.workflow_setup import rulebook_in_force, walk_to_step_5

TODAY = date(2026, 2, 1)


@pytest.fixture
def store(village_db: Database, admin: Actor) -> SqliteWorkflowStores:
    return build_stores(village_db, admin).workflow


def _live(db: Database, table: str, row_id: str) -> bool:
    return db.conn.execute(f"SELECT deleted = 0 FROM {table} WHERE id = ?", (row_id,)).fetchone() == (1,)


def test_an_add_names_its_new_row_and_its_withdrawal_the_same_row(village_db: Database, admin: Actor,
                                                                   store: SqliteWorkflowStores) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    started = store.revisions.start_revision(rulebook_id, TODAY)
    assert started == Changed.one(Entity.WORKFLOW, store.revisions.revision_id(rulebook_id) or "")
    member = store.committee.add_member(rulebook_id, CommitteeMember("", "吴支书", chair=True))
    assert member.entity == Entity.WORKFLOW and [m.id for m in store.committee.members(rulebook_id)] == [member.id]
    check = store.committee.record_check(BackgroundCheck(member.id, CheckAgency.POLICE_STATION, CheckResult.PASSED, TODAY))
    assert _live(village_db, "workflow_checks", check.id)
    assert store.committee.withdraw_check(check.id) == check
    assert not _live(village_db, "workflow_checks", check.id)
    assert store.committee.remove_member(member.id) == member == store.committee.restore_member(member.id)


def test_a_refused_write_returns_nothing_and_writes_nothing(village_db: Database, admin: Actor,
                                                            store: SqliteWorkflowStores) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    opinion = store.opinions.add_opinion(rulebook_id, OpinionKind.OPINION, "龙二", Channel.BOX, TODAY, "巡逻队多巡几趟")
    with pytest.raises(DomainError, match="须写明理由"):  # the rule lives in models/workflow/record_rules.py
        store.opinions.reply_opinion(opinion.id, Disposition.PARTLY, " ", "吴支书", TODAY)
    assert next(o for o in store.opinions.opinions(rulebook_id) if o.id == opinion.id).reply is None
    assert store.opinions.reply_opinion(opinion.id, Disposition.ADOPTED, "", "吴支书", TODAY) == opinion
    assert store.opinions.withdraw_opinion(opinion.id) == opinion


def test_linking_a_change_also_names_the_rulebook(village_db: Database, admin: Actor,
                                                  store: SqliteWorkflowStores) -> None:
    rulebook_id = rulebook_in_force(village_db, admin)
    walk_to_step_5(village_db, admin, store, rulebook_id, TODAY)
    unanswered = next(o for o in store.opinions.opinions(rulebook_id) if not o.answered)
    store.opinions.reply_opinion(unanswered.id, Disposition.PARTLY, "增加电话参与", "吴支书", TODAY)
    revision_id = store.revisions.revision_id(rulebook_id) or ""
    assert store.revisions.advance(rulebook_id, TODAY) == Changed.one(Entity.WORKFLOW, revision_id)  # an act
    assert store.revisions.status(rulebook_id, TODAY).current_step is WorkflowStep.REVISION
    rules = SqliteRulebookStore(village_db, admin)
    rules.new_version(rulebook_id)
    version = rules.load_version(rulebook_id)
    opinion = store.opinions.opinions(rulebook_id)[0]
    linked = store.links.link_change(rulebook_id, version.id, version.articles[2].key, [opinion.id])
    assert linked.concerns(Entity.RULEBOOK) and linked.ids_of(Entity.RULEBOOK) == {rulebook_id}
    assert len(linked.ids_of(Entity.WORKFLOW)) == 1
    unlinked = store.links.unlink_change(version.id, version.articles[2].key, "")
    assert unlinked.ids_of(Entity.WORKFLOW) == linked.ids_of(Entity.WORKFLOW)
    assert unlinked.ids_of(Entity.RULEBOOK) == {rulebook_id}
