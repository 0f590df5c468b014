"""Demo: a year of 群众说事 on the demo village in every state — two assigned up to the township, three put to a
meeting and turned into projects — and the information officer's log (after the registry and the minutes, before
the sync demo, so the township's bundle holds them)."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from models.core.accounts import COMMAND_LINE_ACTOR, Actor, Role
from models.matters.records import (Channel, Matter, MatterClass, OfficerLogEntry, Project, Raiser, RaiserKind,
                                    Rating)
from models.minutes.four_two import FourTwoStage
from models.minutes.meetings import Meeting, VoteMethod
from models.minutes.quorum import Tally
from storage.core.backend import SqliteStores, build_stores
from storage.core.db import Database
from storage.demo import DemoOptions

YEAR = 2026
OFFICER = "龙德军"  # the 议事信息员: the demo account xinxiyuan (b10_installation)
TEXTS = {
    MatterClass.DISPUTE: ("与邻居因宅基地界线发生争执", "两户因田间灌溉用水起争执", "兄弟分家赡养老人意见不一"),
    MatterClass.INFRASTRUCTURE: ("机耕道塌方，农用车无法通行", "村口路灯不亮", "饮水管道冬季冻裂", "小组便桥护栏松动"),
    MatterClass.ENVIRONMENT: ("水渠堵塞，雨天漫上村道", "垃圾收集点清运不及时", "村道旁堆放建筑垃圾"),
    MatterClass.POLICY: ("咨询医保缴费标准", "咨询危房改造申请条件", "咨询养老保险补缴"),
    MatterClass.HELP: ("独居老人冬季取暖困难", "家中老人住院需要帮助办理报销"),
    MatterClass.SAFETY: ("学校门口路段没有减速带", "山体护坡有裂缝"),
    MatterClass.SUPERVISION: ("希望公开村集体林地租金收支", "询问修路工程的验收情况"),
    MatterClass.OTHER: ("建议增设农家书屋开放时间",),
}
# (how many, how far): 0 open, 1 assigned, 2 done, 3 closed after feedback, 4 closed after an attempt,
# 5 reopened then closed with a reason
STATES = (0, 1, 1, 2, 3, 3, 3, 3, 4, 5)


def build(db: Database, rng: random.Random, options: DemoOptions) -> None:
    if db.conn.execute("SELECT COUNT(*) FROM matters").fetchone()[0]:
        options.counts["matters"] = 0
        return
    stores = build_stores(db, _clerk(db))
    people = [Raiser(RaiserKind.VILLAGER, r[0], r[1], r[2]) for r in db.conn.execute(
        "SELECT v.id, v.name, COALESCE(g.name, '') FROM villagers v JOIN households h ON h.id = v.household_id "
        "LEFT JOIN village_groups g ON g.id = h.group_id WHERE v.deleted = 0 AND v.status = 'active' "
        "ORDER BY v.id LIMIT 400")]
    targets = [a.label for a in stores.raisers.assignees(date(YEAR, 1, 1))]  # cadres, grids, committees
    groups = [r[0] for r in db.conn.execute("SELECT name FROM village_groups WHERE deleted = 0 ORDER BY position")]
    made = [_matter(stores, rng, people, (targets, groups or ["第1组"]), month, index)
            for month in range(1, 12) for index in range(5)]
    for matter_id in made[-2:]:  # the two newest are the township's to answer (sent up the day after, at the soonest)
        raised = stores.matters.matter(matter_id).raised_on
        stores.matters.assign(matter_id, "德化乡人民政府", max(date(YEAR, 11, 20), raised + timedelta(days=1)),
                              township=True)
    options.counts["matters"] = len(made)
    options.counts["matter_projects"] = _projects(stores, made)
    officer = OFFICER if any(u.display_name == OFFICER for u in stores.officer_log.officers()) else _clerk(db).name
    for month in range(1, 12):
        for day in (3, 17):
            stores.officer_log.add_entry(OfficerLogEntry(officer, date(YEAR, month, day),
                                                         f"走访{rng.choice(groups or ['第1组'])} {rng.randint(4, 12)} 户，"
                                                         f"收集说事 {rng.randint(0, 3)} 件，回访 {rng.randint(0, 4)} 件"))


def _clerk(db: Database) -> Actor:
    row = db.conn.execute("SELECT id, display_name FROM users WHERE username = 'wenshu'").fetchone()
    return Actor(row[0], row[1], Role.CLERK) if row else COMMAND_LINE_ACTOR


def _matter(stores: SqliteStores, rng: random.Random, people: list[Raiser], names: tuple[list[str], list[str]],
            month: int, index: int) -> str:
    """One matter, taken as far as a drawn state; `names`: the assignees and the registry's groups (an anonymous
    raiser's group, so the wall chart's rows are the registry's)."""
    targets, groups = names
    cls = rng.choice(list(MatterClass))
    raised = date(YEAR, month, 1 + index * 5)
    named = cls is MatterClass.DISPUTE or rng.random() < 0.4
    raiser = rng.choice(people) if named and people else Raiser(RaiserKind.ANONYMOUS, group=rng.choice(groups))
    matter = Matter(cls, rng.choice(list(Channel)[:6]), rng.choice(TEXTS[cls]), raised, raiser,
                    place=raiser.group, urgency="紧急" if cls is MatterClass.SAFETY else "一般")
    store = stores.matters
    matter_id = store.add_matter(matter).id
    state = 0 if month == 11 and index > 1 else rng.choice(STATES)
    if state == 0:
        return matter_id
    assigned = raised + timedelta(days=1)
    store.assign(matter_id, rng.choice(targets), assigned)
    if state == 1:
        return matter_id  # those of earlier months are overdue on the home screen
    store.note(matter_id, "已到现场查看，正在协调", assigned + timedelta(days=2))
    store.done(matter_id, "已协调解决", assigned + timedelta(days=6))
    answered = assigned + timedelta(days=8)
    if state == 3:
        store.feedback(matter_id, rng.choice((Rating.SATISFIED, Rating.SATISFIED, Rating.MOSTLY)), answered,
                       by=OFFICER)
    elif state == 4:
        store.feedback(matter_id, None, answered, by=OFFICER, note="外出务工，电话三次未接通")
    elif state == 5:
        store.feedback(matter_id, Rating.UNSATISFIED, answered, by=OFFICER)
        store.reopen(matter_id, "说事人反映问题仍未解决", answered)
        store.done(matter_id, "再次处理，已尽村级所能", answered + timedelta(days=7))
        store.feedback(matter_id, Rating.UNSATISFIED, answered + timedelta(days=8), by=OFFICER)
        store.close(matter_id, answered + timedelta(days=8), reason="需跨村协调，已报乡镇，村级无法满足")
        return matter_id
    if state in (3, 4):
        store.close(matter_id, answered)
    return matter_id


def _projects(stores: SqliteStores, made: list[str]) -> int:
    """Three open matters put to a 议事协商会 each, held and finalised with the matter's item passed; the resolution
    feeds the matter and a project comes from it, each on a 四议两公开 chain (the third on the minutes demo's
    decided one, so it is under way)."""
    works = (MatterClass.INFRASTRUCTURE, MatterClass.ENVIRONMENT, MatterClass.SAFETY)
    waiting = [m for m in (stores.matters.matter(i) for i in made) if m.status.value in ("open", "assigned")
               and not m.to_township]
    chosen = sorted(waiting, key=lambda m: (m.cls not in works, m.number))[:3]
    funding = ("县交通运输局", "乡镇人民政府", "村集体")
    # The minutes demo's 四议两公开 chain that reached 决议公开 (村道硬化项目), if the minutes demo made it.
    decided = next((c.id for c in stores.four_two.matters()
                    if c.record_of(FourTwoStage.DISCLOSE_DECISION) is not None), "")
    for number, matter in enumerate(chosen):
        meeting_id = _resolution(stores, matter, date(YEAR, 11, 24 + number))
        stores.matters.apply_resolution(matter.id, date(YEAR, 11, 24 + number))
        items = len(stores.meetings.get(meeting_id).items)
        chain = decided if number == 2 else ""
        project_id = stores.projects.add_project(Project(f"{matter.text[:12]}整治", 20000 + 15000 * number,
                                                         meeting_id, items, funding[number], matter_id=matter.id,
                                                         four_two_id=chain)).id
        for _ in range(2 if chain else 0):  # two wait at 申报 on their new chains; one, decided and made public, is 实施
            stores.projects.advance(project_id)
    return len(chosen)


def _resolution(stores: SqliteStores, matter: Matter, on: date) -> str:
    """A 议事协商会 on `matter`: 提交议事 adds its item, the meeting is held (a show of hands passes the item) and
    finalised."""
    present = 18
    meeting_id = stores.meetings.create(Meeting(
        "deliberation_meeting", on, start="19:30", end="21:00", place="村委会议室", convener="村民委员会",
        host="杨光明", host_post="村党支部书记、村委会主任", recorder="吴晓梅", expected=present, present=present,
        motion_source="党员群众建议", observers="无", township_attendees="无", notice_date=on - timedelta(days=4),
        summary="群众说事提交议事，与会人员同意整治并列入项目库申报。")).id
    stores.matters.to_meeting(matter.id, meeting_id, on - timedelta(days=3))
    draft = stores.meetings.get(meeting_id)
    item = replace(draft.items[-1], discussion="与会村民逐一发言，同意尽快整治，费用按项目申报。",
                   vote_method=VoteMethod.SHOW_OF_HANDS, tally=Tally(present - 5, 2, 3),
                   resolution=f"同意{matter.text[:12]}整治，列入项目库申报", resolution_owner="村委会",
                   resolution_due=on + timedelta(days=60))
    stores.meetings.save_draft(replace(draft, items=(*draft.items[:-1], item)))
    return stores.meetings.finalise(meeting_id, True, True).id
