"""Demo: the 2026 revision of 青石村's rules (its draft 第3版), in progress at step 5 (征求民意) with a few dozen
opinions; the 2019 revision before it is complete (storage/demo/rules_2019.py)."""
from __future__ import annotations

import random
from datetime import date, timedelta

from models.core.accounts import Actor, Role
from models.workflow.steps import WorkflowStep
from models.workflow.records import (BackgroundCheck, Channel, CheckAgency, CheckResult, CommitteeMember,
                                     Disposition, Invitation, InvitationReply, OpinionKind)
from storage.core.db import Database
from storage.demo import DemoOptions
from storage.core.backend import SqliteStores, build_stores

START = date(2026, 3, 2)
DRAFT = 3  # 第1版 and 第2版 are the 2019 revision's draft and adopted text
OPINIONS = ("红白喜事宴席桌数要写明，不然各家攀比", "建议把鼓楼周边的卫生包干到户", "外出打工的人也要能提意见",
            "罚款一条应当删掉，改成批评教育", "希望增加护林防火的奖励", "巡逻队晚上要多巡几趟",
            "彩礼标准建议写具体数额", "红榜评比要公开打分", "村道两边不准堆放柴草", "老人赡养要写进村规",
            "建议每月卫生日改为每半月一次", "外来人员租房要登记")
INVITEES = (("寨老", "elder"), ("老党员", "veteran_party_member"), ("房族族长", "clan_head"),
            ("鼓楼楼长", "drum_tower_head"), ("乡贤", "notable"))


def build(db: Database, rng: random.Random, options: DemoOptions) -> None:
    options.counts["workflow_opinions"] = 0
    admin = db.conn.execute("SELECT id, display_name FROM users WHERE username = 'admin'").fetchone()
    rulebook = db.conn.execute("SELECT id FROM rulebooks WHERE title = '青石村村规民约' AND deleted = 0").fetchone()
    meeting = db.conn.execute(
        "SELECT m.id FROM meetings m WHERE m.type_code = 'joint_committees_meeting' AND m.status = 'final' "
        "AND m.deleted = 0 AND m.date >= ? ORDER BY m.date LIMIT 1", (f"{START.year}-01-01",)).fetchone()
    if admin is None or rulebook is None or meeting is None:
        return
    stores = build_stores(db, Actor(admin[0], admin[1], Role.ADMIN))
    workflow = stores.workflow
    if any(r.started_on == START for r in workflow.revisions.history(rulebook[0])):
        return
    rulebook_id = rulebook[0]
    workflow.revisions.start_revision(rulebook_id, START)
    workflow.plan.link_start_meeting(rulebook_id, meeting[0])
    # R47's usual 7 days of publicity; filing 10 days after the vote
    workflow.settings.set_settings(rulebook_id, 10, 7, False)
    workflow.plan.set_timetable(rulebook_id, {s: START + timedelta(days=14 * (s.number - 1)) for s in WorkflowStep
                                              if s.number > 1})
    workflow.revisions.advance(rulebook_id, START)
    _invitations(db, stores, rulebook_id, rng)
    _committee(stores, rulebook_id)
    workflow.plan.set_draft(rulebook_id, DRAFT)
    workflow.revisions.advance(rulebook_id, START + timedelta(days=20))
    options.counts["workflow_opinions"] = _opinions(db, stores, rulebook_id, rng)


def _people(db: Database, rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    found = db.conn.execute("SELECT v.id, v.name, v.household_id FROM villagers v WHERE v.deleted = 0 "
                            "AND v.relation = '户主' ORDER BY v.id").fetchall()
    return rng.sample(found, min(count, len(found)))


def _invitations(db: Database, stores: SqliteStores, rulebook_id: str, rng: random.Random) -> None:
    store, sent = stores.workflow.invitations, START + timedelta(days=2)
    for (villager_id, name, _), (capacity, _code) in zip(_people(db, rng, 5), INVITEES):
        invitation = store.add_invitation(rulebook_id, Invitation("", name, villager_id, capacity, sent_on=sent,
                                                                  expires_on=sent + timedelta(days=7)))
        store.reply_invitation(invitation.id, InvitationReply.ACCEPTED, sent + timedelta(days=2))
    store.add_invitation(rulebook_id, Invitation("", "村妇联主席", capacity="妇女代表", womens_representative=True,
                                                 sent_on=sent, reply=InvitationReply.ACCEPTED, replied_on=sent))
    store.add_invitation(rulebook_id, Invitation("", "青石村小学", capacity="驻村单位", village_unit=True,
                                                 sent_on=sent, expires_on=sent + timedelta(days=7)))
    stores.workflow.revisions.advance(rulebook_id, sent + timedelta(days=9))


def _committee(stores: SqliteStores, rulebook_id: str) -> None:
    checked, store = START + timedelta(days=15), stores.workflow.committee
    accepted = [i.name for i in stores.workflow.revisions.facts(rulebook_id, checked).invitations
                if i.reply is InvitationReply.ACCEPTED]
    for position, name in enumerate(["吴支书"] + accepted[:5]):
        member_id = store.add_member(rulebook_id, CommitteeMember("", name, chair=position == 0, position=position)).id
        for agency in CheckAgency:
            store.record_check(BackgroundCheck(member_id, agency, CheckResult.PASSED, checked))
    stores.workflow.revisions.advance(rulebook_id, checked)


def _opinions(db: Database, stores: SqliteStores, rulebook_id: str, rng: random.Random) -> int:
    store = stores.workflow.opinions
    keys = [a.key for a in stores.rules.load_version(rulebook_id, DRAFT).articles]
    people = _people(db, rng, 36)
    channels = list(Channel)
    for n, (villager_id, name, household_id) in enumerate(people):
        on = START + timedelta(days=22 + n // 3)
        opinion = store.add_opinion(rulebook_id, OpinionKind.OPINION, name, rng.choice(channels), on,
                                    rng.choice(OPINIONS), article_key=rng.choice(keys + [""] * 8),
                                    household_id=household_id, villager_id=villager_id, form_serial=f"YJ-{n + 1:04d}",
                                    written_by="吴晓梅" if n % 9 == 4 else "")
        if n < len(people) - 4:
            disposition = rng.choice(list(Disposition))
            reason = "" if disposition is Disposition.ADOPTED else "与有关法律规定不符，已向本人说明"
            store.reply_opinion(opinion.id, disposition, reason, "吴支书", on + timedelta(days=3))
    return len(people)
