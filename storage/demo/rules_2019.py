"""Demo: the 2019 revision of 青石村's rules, recorded through all nine steps, that put the version in force.

Every record goes through the stores the app uses, dated in the order the guards want (R7, R19, R24, R47): the
draft (第1版) is revised on one adopted opinion (第2版), publicised for 7 days, reviewed by the township on paper,
voted by a finalised villagers' meeting after the publicity, signed by the households, filed with the township's
receipt, and step 9 puts 第2版 in force from 2019-07-01. The 2026 revision (storage/demo/b60_workflow.py) follows it."""
from __future__ import annotations

import random
from datetime import date, timedelta

from models.core.accounts import Actor
from models.minutes.meetings import MatterKind
from models.rules.document import update_article
from models.workflow.records import (ArticleVote, BackgroundCheck, Channel, CheckAgency, CheckResult,
                                     CommitteeMember, Disposition, FilingStatus, Invitation, InvitationReply,
                                     OpinionKind)
from models.workflow.steps import WorkflowStep
from storage.core.backend import SqliteStores, build_stores
from storage.core.db import Database
from storage.demo import b40_minutes as minutes

YEAR = 2019
START = date(YEAR, 3, 4)
PUBLICITY = (date(YEAR, 5, 6), date(YEAR, 5, 12))
REVIEWED = date(YEAR, 5, 10)
VOTED = date(YEAR, 5, 20)
SUBMITTED, FILED = date(YEAR, 5, 24), date(YEAR, 5, 30)
EFFECTIVE = date(YEAR, 7, 1)
RECEIPT = f"德乡备〔{YEAR}〕3号"
BANQUETS = 11  # 第十二条 (index in the version): the article the adopted opinion changed
BANQUET_TEXT = "婚事新办、丧事简办，宴席规模按红白理事会标准执行。"
OPINIONS = (("宴席规模要有个标准，不然各家攀比", Disposition.ADOPTED, ""),
            ("建议卫生日改为每周一次", Disposition.REJECTED, "每周一次劳力难以保证，维持每月一次"),
            ("巡逻要排班到户", Disposition.PARTLY, "已按联户联防写入，排班另行公布"))


def record(db: Database, rng: random.Random, rulebook_id: str, admin: Actor) -> None:
    """Take the rulebook's 第1版 (its draft) through the nine steps; 第2版 ends in force."""
    stores = build_stores(db, admin)
    revisions = stores.workflow.revisions
    revisions.start_revision(rulebook_id, START)
    village = minutes._Village(minutes._sizes(_households(stores)), stores.registry_facts, stores.meeting_types)
    start = _meeting(stores, rng, village, ("joint_committees_meeting", 3, 1,
                                            (("商议修订村规民约", MatterKind.ORDINARY, "启动村规民约修订"),)))
    stores.workflow.plan.link_start_meeting(rulebook_id, start)
    stores.workflow.settings.set_settings(rulebook_id, 10, 7, False)
    stores.workflow.plan.set_timetable(rulebook_id, {s: START + timedelta(days=10 * (s.number - 1))
                                                     for s in WorkflowStep if s.number > 1})
    revisions.advance(rulebook_id, START)
    _invite_and_form(stores, rulebook_id)
    stores.workflow.plan.set_draft(rulebook_id, 1)
    revisions.advance(rulebook_id, date(YEAR, 3, 25))
    _consult(stores, rulebook_id)
    _revise(stores, rulebook_id)
    _publicise(stores, rulebook_id)
    _vote(stores, rng, village, rulebook_id)
    _file(stores, rulebook_id)


def _households(stores: SqliteStores) -> int:
    return max(10, stores.registry_facts.households_count(date(YEAR, 1, 1)))


def _meeting(stores: SqliteStores, rng: random.Random, village: minutes._Village,
             plan: tuple[str, int, int, tuple[tuple[str, MatterKind, str], ...]]) -> str:
    return minutes._hold(stores.meetings, rng, village, 0, plan, YEAR).id


def _invite_and_form(stores: SqliteStores, rulebook_id: str) -> None:
    """Steps 2 and 3: invitations answered within their week; the committee with its three agencies' checks."""
    sent = date(YEAR, 3, 6)
    invitations, committee = stores.workflow.invitations, stores.workflow.committee
    for name, capacity in (("杨德富", "寨老"), ("吴春兰", "妇女代表"), ("石永清", "老党员")):
        added = invitations.add_invitation(rulebook_id, Invitation("", name, capacity=capacity, sent_on=sent,
                                                                   womens_representative=capacity == "妇女代表",
                                                                   expires_on=sent + timedelta(days=7))).id
        invitations.reply_invitation(added, InvitationReply.ACCEPTED, sent + timedelta(days=2))
    stores.workflow.revisions.advance(rulebook_id, sent + timedelta(days=9))
    checked = date(YEAR, 3, 18)
    for position, name in enumerate(("吴支书", "杨德富", "吴春兰", "石永清")):
        member = committee.add_member(rulebook_id, CommitteeMember("", name, chair=position == 0,
                                                                   position=position)).id
        for agency in CheckAgency:
            committee.record_check(BackgroundCheck(member, agency, CheckResult.PASSED, checked))
    stores.workflow.revisions.advance(rulebook_id, checked)


def _consult(stores: SqliteStores, rulebook_id: str) -> None:
    """Step 5: three opinions, each answered."""
    store = stores.workflow.opinions
    for n, (text, disposition, reason) in enumerate(OPINIONS):
        on = date(YEAR, 3, 28) + timedelta(days=3 * n)
        added = store.add_opinion(rulebook_id, OpinionKind.OPINION, ("龙金花", "潘国强", "陆素珍")[n],
                                  list(Channel)[n % len(Channel)], on, text, form_serial=f"2019-YJ-{n + 1:03d}").id
        store.reply_opinion(added, disposition, reason, "吴支书", on + timedelta(days=4))
    stores.workflow.revisions.advance(rulebook_id, date(YEAR, 4, 15))


def _revise(stores: SqliteStores, rulebook_id: str) -> None:
    """Step 6: 第2版 from 第1版, the banquet article changed and linked to the adopted opinion."""
    stores.rules.new_version(rulebook_id)
    draft = stores.rules.load_version(rulebook_id)
    key = draft.articles[BANQUETS].key
    stores.rules.save_version(update_article(draft, key, BANQUET_TEXT))
    adopted = [o.id for o in stores.workflow.opinions.opinions(rulebook_id)
               if o.reply is not None and o.reply.disposition is Disposition.ADOPTED]
    stores.workflow.links.link_change(rulebook_id, draft.id, key, adopted)
    stores.workflow.revisions.advance(rulebook_id, date(YEAR, 4, 25))


def _publicise(stores: SqliteStores, rulebook_id: str) -> None:
    """Step 7: seven days of publicity (R47) and the township's written review of 第2版 (R19), then the end."""
    stores.workflow.publicity.record_publicity(rulebook_id, *PUBLICITY, "村委会公示栏、各组鼓楼")
    stores.workflow.publicity.record_review(rulebook_id, REVIEWED, "德化乡人民政府",
                                            "经审查，未发现违反法律法规的内容，同意提交村民会议表决。")
    stores.workflow.revisions.advance(rulebook_id, PUBLICITY[1] + timedelta(days=1))


def _vote(stores: SqliteStores, rng: random.Random, village: minutes._Village, rulebook_id: str) -> None:
    """Step 8: the villagers' meeting after the publicity (noticed 12 days ahead, R7), its tally, the signatures."""
    meeting_id = _meeting(stores, rng, village, ("villagers_meeting", VOTED.month, VOTED.day,
                                                 (("表决村规民约（修订稿）", MatterKind.VILLAGE_RULES,
                                                   "通过修订后的村规民约"),)))
    item = next(i for i in stores.meetings.get(meeting_id).items if i.matter is MatterKind.VILLAGE_RULES)
    assert item.tally is not None
    stores.workflow.votes.record_vote(rulebook_id, meeting_id, (ArticleVote("", "全文", item.tally),))
    for summary in stores.households.list_households()[:20]:
        stores.workflow.signatures.mark_signed(rulebook_id, summary.household.id, VOTED + timedelta(days=1), "签字表第1页")
    stores.workflow.revisions.advance(rulebook_id, VOTED)


def _file(stores: SqliteStores, rulebook_id: str) -> None:
    """Step 9: submitted within the 10 days (R24), filed with the receipt; finishing it puts 第2版 in force."""
    votes = stores.workflow.votes
    votes.update_filing(rulebook_id, FilingStatus.SUBMITTED, SUBMITTED)
    votes.update_filing(rulebook_id, FilingStatus.FILED, FILED, RECEIPT, FILED, EFFECTIVE)
    stores.workflow.revisions.advance(rulebook_id, FILED)
