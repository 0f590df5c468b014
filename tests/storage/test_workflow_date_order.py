"""Date order in the nine steps at its boundaries (R19, R47, R7), where the record is made and at step 8's guard."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.core.accounts import Actor
from models.core.errors import DomainError
from models.minutes.quorum import Tally
from models.rules.document import update_article
from models.workflow.records import ArticleVote, Channel, Disposition, OpinionKind
from models.workflow.steps import WorkflowStep
from storage.core.backend import build_stores
from storage.core.db import Database
from storage.rules.store import SqliteRulebookStore
from storage.workflow.stores import SqliteWorkflowStores
from tests.storage.workflow_setup import rulebook_in_force, villagers_meeting, walk_to_step_5

TODAY = date(2026, 2, 1)
START, END = date(2026, 3, 1), date(2026, 3, 7)
TALLY = (ArticleVote("", "全文", Tally(190, 10, 10)),)


def _at_step_7(db: Database, admin: Actor) -> tuple[SqliteWorkflowStores, str]:
    store = build_stores(db, admin).workflow
    rulebook_id = rulebook_in_force(db, admin)
    walk_to_step_5(db, admin, store, rulebook_id, TODAY)
    waiting = [o for o in store.opinions.opinions(rulebook_id) if not o.answered][0]
    store.opinions.reply_opinion(waiting.id, Disposition.ADOPTED, "", "吴支书", TODAY)
    store.revisions.advance(rulebook_id, TODAY)
    rules = SqliteRulebookStore(db, admin)
    rules.new_version(rulebook_id)
    revised = rules.load_version(rulebook_id)
    rules.save_version(update_article(revised, revised.articles[2].key, "婚事新办，宴席不超过二十桌。"))
    store.revisions.advance(rulebook_id, TODAY)
    return store, rulebook_id


def _meeting(db: Database, admin: Actor, on: date, **changes: object) -> str:
    return villagers_meeting(db, admin, on, **({"notice_date": on - timedelta(days=12)} | changes))


def test_publicity_shorter_than_its_minimum_is_refused_when_recorded(village_db: Database, admin: Actor) -> None:
    store, rulebook_id = _at_step_7(village_db, admin)
    with pytest.raises(DomainError, match=r"公示期只有 4 天，至少应为 5 天.*R47.*《"):
        store.publicity.record_publicity(rulebook_id, START, START + timedelta(days=3), "村务公开栏")
    store.publicity.record_publicity(rulebook_id, START, START + timedelta(days=4), "村务公开栏")


def test_vote_on_the_last_day_of_publicity_refused_the_day_after_accepted(village_db: Database,
                                                                          admin: Actor) -> None:
    store, rulebook_id = _at_step_7(village_db, admin)
    store.publicity.record_publicity(rulebook_id, START, END, "村务公开栏")
    store.publicity.record_review(rulebook_id, date(2026, 3, 5), "德化乡人民政府", "同意提交表决")
    store.revisions.advance(rulebook_id, END + timedelta(days=1))
    for day in (END - timedelta(days=1), END):
        with pytest.raises(DomainError, match=r"公示期满后才能表决（R19，《关于做好村规民约和居民公约工作的指导意见》）"):
            store.votes.record_vote(rulebook_id, _meeting(village_db, admin, day), TALLY)
    store.votes.record_vote(rulebook_id, _meeting(village_db, admin, END + timedelta(days=1)), TALLY)
    assert store.revisions.status(rulebook_id, END + timedelta(days=2)).view(WorkflowStep.ASSEMBLY_VOTE).blockers == ()


def test_vote_before_the_review_refused_and_a_review_after_the_vote_refused(village_db: Database,
                                                                            admin: Actor) -> None:
    store, rulebook_id = _at_step_7(village_db, admin)
    store.publicity.record_publicity(rulebook_id, START, END, "村务公开栏")
    store.publicity.record_review(rulebook_id, date(2026, 3, 10), "德化乡人民政府", "同意提交表决")
    store.revisions.advance(rulebook_id, date(2026, 3, 11))
    with pytest.raises(DomainError, match=r"乡镇审查意见日期 2026-03-10 晚于表决日期 2026-03-09.*R19"):
        store.votes.record_vote(rulebook_id, _meeting(village_db, admin, date(2026, 3, 9)), TALLY)
    store.votes.record_vote(rulebook_id, _meeting(village_db, admin, date(2026, 3, 10)), TALLY)
    with pytest.raises(DomainError, match=r"审查意见日期 2026-03-11 晚于已录入的表决日期 2026-03-10.*R19.*《"):
        store.publicity.record_review(rulebook_id, date(2026, 3, 11), "德化乡人民政府", "同意")
    with pytest.raises(DomainError, match=r"公示期满后才能表决（R19"):
        store.publicity.record_publicity(rulebook_id, START, date(2026, 3, 10), "村务公开栏")


def test_vote_before_an_objection_is_answered_refused(village_db: Database, admin: Actor) -> None:
    store, rulebook_id = _at_step_7(village_db, admin)
    store.publicity.record_publicity(rulebook_id, START, END, "村务公开栏")
    store.publicity.record_review(rulebook_id, date(2026, 3, 5), "德化乡人民政府", "同意提交表决")
    objection = store.opinions.add_opinion(rulebook_id, OpinionKind.OBJECTION, "龙二", Channel.BOX, date(2026, 3, 3),
                                           "第三条桌数太少").id
    store.opinions.reply_opinion(objection, Disposition.REJECTED, "多数群众同意", "吴支书", date(2026, 3, 12))
    store.revisions.advance(rulebook_id, date(2026, 3, 12))
    with pytest.raises(DomainError, match=r"异议1（龙二）在表决日期 2026-03-10 前未答复.*R19"):
        store.votes.record_vote(rulebook_id, _meeting(village_db, admin, date(2026, 3, 10)), TALLY)
    store.votes.record_vote(rulebook_id, _meeting(village_db, admin, date(2026, 3, 12)), TALLY)


def test_short_notice_warned_at_step_8_and_its_reason_in_the_filing_report(village_db: Database,
                                                                            admin: Actor) -> None:
    from printing.workflow.filing_report_pdf import filing_report
    store, rulebook_id = _at_step_7(village_db, admin)
    store.publicity.record_publicity(rulebook_id, START, END, "村务公开栏")
    store.publicity.record_review(rulebook_id, date(2026, 3, 5), "德化乡人民政府", "同意提交表决")
    store.revisions.advance(rulebook_id, END + timedelta(days=1))
    day = date(2026, 3, 12)
    store.votes.record_vote(rulebook_id, _meeting(village_db, admin, day, notice_date=day - timedelta(days=9)), TALLY)
    warnings = store.revisions.status(rulebook_id, day).view(WorkflowStep.ASSEMBLY_VOTE).warnings
    assert any("提前 9 天通知，不足 10 天（R7，《中华人民共和国村民委员会组织法》第二十一条）" in w for w in warnings)
    store.votes.record_vote(rulebook_id, _meeting(village_db, admin, day, notice_date=day - timedelta(days=9),
                                                  notice_override_reason="防汛抢险需尽快施行"), TALLY)
    facts = store.revisions.facts(rulebook_id, day)
    assert any("紧急理由：防汛抢险需尽快施行" in w
               for w in store.revisions.status(rulebook_id, day).view(WorkflowStep.ASSEMBLY_VOTE).warnings)
    report = filing_report("青石村村规民约", facts, "青石村", "德化乡", day)
    assert "因防汛抢险需尽快施行，会议未提前10日通知" in report.paragraphs[0]


def test_filing_submitted_before_the_vote_refused_and_a_late_one_warned(village_db: Database, admin: Actor) -> None:
    from models.workflow.records import FilingStatus
    store, rulebook_id = _at_step_7(village_db, admin)
    store.publicity.record_publicity(rulebook_id, START, END, "村务公开栏")
    store.publicity.record_review(rulebook_id, date(2026, 3, 5), "德化乡人民政府", "同意提交表决")
    store.revisions.advance(rulebook_id, END + timedelta(days=1))
    vote_on = date(2026, 3, 10)
    store.votes.record_vote(rulebook_id, _meeting(village_db, admin, vote_on), TALLY)
    store.revisions.advance(rulebook_id, vote_on)
    with pytest.raises(DomainError, match=r"报送日期 2026-03-09 早于表决日期 2026-03-10.*R24，《中华人民共和国村民委员会组织法》第二十七条"):
        store.votes.update_filing(rulebook_id, FilingStatus.SUBMITTED, vote_on - timedelta(days=1))
    store.votes.update_filing(rulebook_id, FilingStatus.SUBMITTED, date(2026, 3, 22))  # due 03-20
    warnings = store.revisions.status(rulebook_id, date(2026, 3, 22)).view(WorkflowStep.POST_AND_ENFORCE).warnings
    assert warnings == ("2026-03-22 报送，晚于应报日期 2026-03-20（R24，《中华人民共和国村民委员会组织法》第二十七条）",)
    with pytest.raises(DomainError, match=r"备案回执日期 2026-03-01 早于表决日期"):
        store.votes.update_filing(rulebook_id, FilingStatus.FILED, date(2026, 3, 25), "德乡备〔2026〕3号",
                                  date(2026, 3, 1), date(2026, 4, 1))
