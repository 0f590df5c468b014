"""Helpers for workflow storage/CLI/UI tests: a rulebook with an in-force version and finalised meetings."""
from __future__ import annotations

import dataclasses
from datetime import date

from models.core.accounts import Actor
from models.minutes.quorum import Tally
from models.minutes.meetings import MatterKind
from models.rules.document import RuleVersion
from models.rules.text import parse_rules_text
from models.workflow.steps import WorkflowStep, current_step
from models.workflow.records import (BackgroundCheck, Channel, CheckAgency, CheckResult, CommitteeMember,
                                     Invitation, InvitationReply, OpinionKind)
from storage.core.db import Database
from storage.core.backend import build_stores
from storage.rules.store import SqliteRulebookStore
from storage.workflow.stores import SqliteWorkflowStores
from tests.models.meeting_fixtures import complete_meeting

RULES = """# 青石村村规民约

第一条 村民应当遵纪守法。

第二条 生活垃圾倒入指定地点，违者罚款五十元。

第三条 婚事新办、丧事简办。
"""


def rulebook_in_force(db: Database, actor: Actor) -> str:
    rules = SqliteRulebookStore(db, actor)
    rulebook = rules.create_rulebook("青石村村规民约")
    parsed = parse_rules_text(RULES)
    rules.add_version(RuleVersion("", rulebook.id, 0, tuple(parsed.chapters), title="青石村村规民约"), "2019年版")
    rules.put_in_force(rulebook.id, 1, "2019-07-01")
    return rulebook.id


def final_meeting(db: Database, actor: Actor, type_code: str, on: date, **changes: object) -> str:
    store = build_stores(db, actor).meetings
    meeting = store.create(complete_meeting(type_code=type_code, on=on, number="", **changes))
    return store.finalise(meeting.id, True, True).id


def joint_meeting(db: Database, actor: Actor, on: date) -> str:
    base = complete_meeting()
    items = (dataclasses.replace(base.items[0], title="启动村规民约修订", tally=Tally(9, 0, 1),
                                 resolution="启动村规民约修订，按九步工作法进行"),)
    return final_meeting(db, actor, "joint_committees_meeting", on, expected=11, present=10,
                         attendees=base.attendees[:1], items=items)


def villagers_meeting(db: Database, actor: Actor, on: date, women: int | None = 80, **changes: object) -> str:
    items = (dataclasses.replace(complete_meeting().items[0], title="表决村规民约（修订稿）", tally=Tally(190, 10, 10),
                                 resolution="通过村规民约修订稿", matter=MatterKind.VILLAGE_RULES),)
    return final_meeting(db, actor, "villagers_meeting", on, expected=400, present=210, attendees=(),
                         women_present=women, items=items, **({"notice_date": date(2026, 5, 1)} | changes))


def advanced(store: SqliteWorkflowStores, rulebook_id: str, today: date) -> WorkflowStep | None:
    """Advance the revision and return the step now active (None: all nine done)."""
    store.revisions.advance(rulebook_id, today)
    return current_step(store.revisions.steps(rulebook_id))


def walk_to_step_5(db: Database, actor: Actor, store: SqliteWorkflowStores, rulebook_id: str, today: date) -> None:
    """Steps 1–4 done properly; step 5 active with two opinions, the second unanswered."""
    store.revisions.start_revision(rulebook_id, today)
    store.plan.link_start_meeting(rulebook_id, joint_meeting(db, actor, date(2026, 1, 5)))
    store.plan.set_timetable(rulebook_id, {s: date(2026, s.number, 10) for s in WorkflowStep if s.number > 1})
    assert advanced(store, rulebook_id, today) is WorkflowStep.SEND_INVITATIONS
    invitation = store.invitations.add_invitation(rulebook_id, Invitation("", "杨寨老", capacity="寨老",
                                                                          womens_representative=True)).id
    store.invitations.reply_invitation(invitation, InvitationReply.ACCEPTED, today)
    store.invitations.add_invitation(rulebook_id, Invitation("", "德化乡卫生院", village_unit=True,
                                                             expires_on=date(2026, 1, 20)))
    store.revisions.advance(rulebook_id, today)
    for member in (CommitteeMember("", "吴支书", chair=True), CommitteeMember("", "杨寨老")):
        member_id = store.committee.add_member(rulebook_id, member).id
        for agency in CheckAgency:
            store.committee.record_check(BackgroundCheck(member_id, agency, CheckResult.PASSED, today))
    store.revisions.advance(rulebook_id, today)
    rules = SqliteRulebookStore(db, actor)
    rules.new_version(rulebook_id)
    draft = rules.load_version(rulebook_id)
    store.plan.set_draft(rulebook_id, draft.number)
    from models.rules.document import update_article
    rules.save_version(update_article(draft, draft.articles[1].key, "生活垃圾分类投放至指定地点。"))
    store.revisions.advance(rulebook_id, today)
    key = draft.articles[2].key
    first = store.opinions.add_opinion(rulebook_id, OpinionKind.OPINION, "杨老三", Channel.DOOR_TO_DOOR, today,
                                       "宴席桌数要写清楚", article_key=key, household_id="h1", form_serial="YJ-0001").id
    store.opinions.add_opinion(rulebook_id, OpinionKind.OPINION, "石大姐", Channel.ONLINE, today, "建议增加外出务工人员参与的办法",
                               household_id="h2", written_by="")
    from models.workflow.records import Disposition
    store.opinions.reply_opinion(first, Disposition.ADOPTED, "", "吴支书", today)
