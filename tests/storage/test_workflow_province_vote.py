"""Step 8 and the minutes' province rule (R8): a representatives' meeting votes the rules only where the province
allows it (本省规定, with its basis) and the revision's settings say so; otherwise the guard says which is missing."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from models.core.accounts import Actor
from models.core.errors import DomainError
from models.minutes.quorum import Tally
from models.minutes.meetings import MatterKind
from models.rules.document import update_article
from models.workflow.steps import WorkflowStep
from models.workflow.records import ArticleVote, Channel, Disposition, OpinionKind
from printing.workflow.filing_report_pdf import filing_report
from storage.core.db import Database
from storage.core.backend import build_stores
from storage.rules.store import SqliteRulebookStore
from storage.workflow.stores import SqliteWorkflowStores
from tests.models.meeting_fixtures import complete_meeting
from tests.storage.workflow_setup import advanced, final_meeting, rulebook_in_force, walk_to_step_5

TODAY = date(2026, 2, 1)
VOTE_DAY = date(2026, 5, 21)
BASIS = "《贵州省实施〈中华人民共和国村民委员会组织法〉办法》第二十条"


def _to_step_8(db: Database, admin: Actor, store: SqliteWorkflowStores) -> str:
    rulebook_id = rulebook_in_force(db, admin)
    walk_to_step_5(db, admin, store, rulebook_id, TODAY)
    opinion = [o for o in store.opinions.opinions(rulebook_id) if not o.answered][0]
    store.opinions.reply_opinion(opinion.id, Disposition.PARTLY, "增加电话、微信参与的条款", "吴支书", TODAY)
    store.revisions.advance(rulebook_id, TODAY)
    rules = SqliteRulebookStore(db, admin)
    rules.new_version(rulebook_id)
    revised = rules.load_version(rulebook_id)
    rules.save_version(update_article(revised, revised.articles[2].key, "婚事新办、丧事简办，宴席不超过二十桌。"))
    store.revisions.advance(rulebook_id, TODAY)
    store.publicity.record_publicity(rulebook_id, date(2026, 3, 1), date(2026, 3, 7), "村务公开栏")
    objection = store.opinions.add_opinion(rulebook_id, OpinionKind.OBJECTION, "龙二", Channel.BOX, date(2026, 3, 3),
                                           "太少").id
    store.opinions.reply_opinion(objection, Disposition.REJECTED, "多数群众同意二十桌", "吴支书", date(2026, 3, 4))
    store.publicity.record_review(rulebook_id, date(2026, 3, 5), "德化乡人民政府", "经审查，未发现违法内容，同意提交表决。")
    assert advanced(store, rulebook_id, date(2026, 3, 8)) is WorkflowStep.ASSEMBLY_VOTE
    return rulebook_id


AUTHORISATION = "2026年第1次村民会议决定"


def _representatives_meeting(db: Database, admin: Actor, authorisation: str = AUTHORISATION) -> str:
    item = dataclasses.replace(complete_meeting().items[0], title="表决村规民约（修订稿）", tally=Tally(25, 3, 2),
                               resolution="通过村规民约修订稿", matter=MatterKind.VILLAGE_RULES)
    return final_meeting(db, admin, "representatives_meeting", date(2026, 5, 20), expected=35, present=30,
                         attendees=complete_meeting().attendees, women_present=12, items=(item,), notice_date=date(2026, 5, 1),
                         authorisation_ref=authorisation)


@pytest.fixture
def voted(village_db: Database, admin: Actor) -> tuple[SqliteWorkflowStores, str]:
    store = build_stores(village_db, admin).workflow
    rulebook_id = _to_step_8(village_db, admin, store)
    store.votes.record_vote(rulebook_id, _representatives_meeting(village_db, admin),
                            (ArticleVote("", "全文", Tally(25, 3, 2)),))
    return store, rulebook_id


def test_refused_while_the_province_rule_is_the_default(voted: tuple[SqliteWorkflowStores, str]) -> None:
    store, rulebook_id = voted
    store.settings.set_settings(rulebook_id, 10, 5, True)  # the revision alone cannot allow it
    with pytest.raises(DomainError, match="本省规定（会议记录 → 本省规定）未允许村民代表会议表决村规民约"):
        store.revisions.advance(rulebook_id, VOTE_DAY)
    assert store.revisions.status(rulebook_id, VOTE_DAY).current_step is WorkflowStep.ASSEMBLY_VOTE


def test_refused_when_the_province_allows_but_the_revision_does_not(village_db: Database, admin: Actor,
                                                                   voted: tuple[SqliteWorkflowStores, str]) -> None:
    store, rulebook_id = voted
    build_stores(village_db, admin).minutes_settings.set_province_rules(True, BASIS)
    with pytest.raises(DomainError, match=f"本省规定允许村民代表会议表决（依据{BASIS}），但本次修订的设置"):
        store.revisions.advance(rulebook_id, VOTE_DAY)


def test_accepted_where_both_allow_and_the_basis_is_named(village_db: Database, admin: Actor,
                                                         voted: tuple[SqliteWorkflowStores, str]) -> None:
    store, rulebook_id = voted
    build_stores(village_db, admin).minutes_settings.set_province_rules(True, BASIS)
    store.settings.set_settings(rulebook_id, 10, 5, True)
    view = store.revisions.status(rulebook_id, VOTE_DAY).steps[WorkflowStep.ASSEMBLY_VOTE.number - 1]
    assert view.blockers == ()
    assert any(f"由村民代表会议表决，依据{BASIS}" in w for w in view.warnings)
    facts = store.revisions.facts(rulebook_id, VOTE_DAY)
    report = filing_report("青石村村规民约", facts, "青石村", "德化乡", VOTE_DAY)
    assert f"依据{BASIS}的规定，经村民会议授权（{AUTHORISATION}），由村民代表会议表决" in report.paragraphs[0]
    assert advanced(store, rulebook_id, VOTE_DAY) is WorkflowStep.POST_AND_ENFORCE
    build_stores(village_db, admin).minutes_settings.set_province_rules(False, "")  # later province change: vote stays done
    assert store.revisions.status(rulebook_id, VOTE_DAY).current_step is WorkflowStep.POST_AND_ENFORCE


def test_refused_without_the_villagers_meetings_authorisation(village_db: Database, admin: Actor) -> None:
    store = build_stores(village_db, admin).workflow
    rulebook_id = _to_step_8(village_db, admin, store)
    store.votes.record_vote(rulebook_id, _representatives_meeting(village_db, admin, authorisation=""),
                            (ArticleVote("", "全文", Tally(25, 3, 2)),))
    build_stores(village_db, admin).minutes_settings.set_province_rules(True, BASIS)
    store.settings.set_settings(rulebook_id, 10, 5, True)
    with pytest.raises(DomainError, match="没有村民会议的授权依据"):
        store.revisions.advance(rulebook_id, VOTE_DAY)
