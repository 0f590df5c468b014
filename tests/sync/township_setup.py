"""A village revision walked to the township's two checkpoints (step 7 pre-review, step 9 filing request)."""
from __future__ import annotations

from datetime import date

from models.core.accounts import COMMAND_LINE_ACTOR, Actor, Role
from models.minutes.quorum import Tally
from models.rules.document import update_article
from models.workflow.records import ArticleVote, Channel, Disposition, FilingStatus, OpinionKind
from storage.core.db import Database
from storage.rules.store import SqliteRulebookStore
from storage.core.backend import build_stores
from tests.storage.workflow_setup import rulebook_in_force, villagers_meeting, walk_to_step_5

TODAY = date(2026, 2, 1)
REVIEWER = Actor("r1", "王审核", Role.TOWNSHIP_REVIEWER, "wang")
ADMIN = COMMAND_LINE_ACTOR


def walk_to_step_7(db: Database) -> str:
    """Steps 1–6 done, step 7 active with the publicity posted and the objection answered."""
    store = build_stores(db, ADMIN).workflow
    rulebook_id = rulebook_in_force(db, ADMIN)
    walk_to_step_5(db, ADMIN, store, rulebook_id, TODAY)
    opinion = [o for o in store.opinions.opinions(rulebook_id) if not o.answered][0]
    store.opinions.reply_opinion(opinion.id, Disposition.PARTLY, "增加电话、微信参与的条款", "吴支书", TODAY)
    store.revisions.advance(rulebook_id, TODAY)
    rules = SqliteRulebookStore(db, ADMIN)
    rules.new_version(rulebook_id)
    revised = rules.load_version(rulebook_id)
    key = revised.articles[2].key
    rules.save_version(update_article(revised, key, "婚事新办、丧事简办，宴席不超过二十桌。"))
    store.links.link_change(rulebook_id, revised.id, key, [o.id for o in store.opinions.opinions(rulebook_id)][:1])
    store.revisions.advance(rulebook_id, TODAY)
    store.publicity.record_publicity(rulebook_id, date(2026, 3, 1), date(2026, 3, 7), "村务公开栏")
    objection = store.opinions.add_opinion(rulebook_id, OpinionKind.OBJECTION, "龙二", Channel.BOX, date(2026, 3, 3),
                                           "第三条桌数太少").id
    store.opinions.reply_opinion(objection, Disposition.REJECTED, "多数群众同意二十桌", "吴支书", date(2026, 3, 4))
    return rulebook_id


def vote_and_submit(db: Database, rulebook_id: str) -> None:
    """Step 7 done (the township's review arrived), the vote recorded, step 8 done, filing request sent."""
    store = build_stores(db, ADMIN).workflow
    store.revisions.advance(rulebook_id, date(2026, 3, 8))
    meeting_id = villagers_meeting(db, ADMIN, date(2026, 5, 20))
    store.votes.record_vote(rulebook_id, meeting_id, (ArticleVote("", "全文", Tally(190, 10, 10)),))
    store.revisions.advance(rulebook_id, date(2026, 5, 21))
    store.votes.update_filing(rulebook_id, FilingStatus.SUBMITTED, date(2026, 5, 25))
