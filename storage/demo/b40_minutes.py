"""Demo: a year (2026) of meetings of every type, with follow-ups in every state and a 四议两公开 matter.

When the registry demo (b20) has run, expected attendance comes from the registry on each meeting date and the
attendees, absentees, host, recorder and speakers are its villagers; otherwise made-up names are used."""
from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

from models.core.accounts import COMMAND_LINE_ACTOR, Actor, Role
from models.minutes.followups import Evaluation, FollowUpStatus
from models.minutes.four_two import FourTwoStage
from models.minutes.expected import expected_attendance
from models.minutes.quorum import Tally, more_than_half, two_thirds
from models.minutes.types import ROLE_TWO_COMMITTEES
from models.minutes.convene import ConveneBody, make_proposal
from models.minutes.votes import PersonVote, Speech, VoteChoice
from models.minutes.meetings import AgendaItem, AttendanceKind, Attendee, Gender, MatterKind, Meeting, VoteMethod, voters
from models.registry.ports import RosterPerson
from storage.core.db import Database
from storage.demo import DemoOptions
from models.minutes.ports import ConveneStore, FollowUpStore, FourTwoStore, MeetingStore, MeetingTypeStore
from storage.core.backend import build_stores
from storage.registry.facts import SqliteRegistryFacts
from storage.registry.queries import SqliteRegistryQueries

YEAR = 2026
SURNAMES = "杨吴石龙潘陆欧吴杨石"
GIVEN = ("光明", "秀英", "晓梅", "正华", "老三", "金花", "德富", "春兰", "永清", "桂芝", "昌明", "玉莲", "国强", "素珍")
REASONS = ("外出务工", "生病住院", "走亲戚", "在县城陪读", "请假")
GROUPS = {"二组土地调整方案": "第2组", "四组集体收益分配": "第4组"}  # group meetings: whose adults are expected
# (type, month, day, topics); a topic is (title, matter, resolution or "" for no vote)
PLAN: tuple[tuple[str, int, int, tuple[tuple[str, MatterKind, str], ...]], ...] = (
    ("joint_committees_meeting", 1, 6, (("商议村道硬化项目", MatterKind.ORDINARY, "同意启动村道硬化前期工作"),)),
    ("branch_committee_meeting", 1, 4, (("提议实施村道硬化项目", MatterKind.ORDINARY, "提请两委会商议村道硬化"),)),
    ("representatives_meeting", 1, 15, (("低保户民主评议", MatterKind.ORDINARY, "同意 3 户新纳入低保，2 户退出"),
                                         ("春节期间安全防火", MatterKind.ORDINARY, ""))),
    ("party_general_meeting", 1, 20, (("审议村道硬化实施方案", MatterKind.ORDINARY, "同意村道硬化实施方案"),)),
    ("villagers_meeting", 2, 26, (("村道硬化筹资筹劳方案", MatterKind.RESERVED, "按每户 200 元、投工 3 天筹资筹劳"),)),
    ("courtyard_meeting", 3, 3, (("三组院坝会：人居环境整治", MatterKind.ORDINARY, ""),)),
    ("speak_up_meeting", 3, 18, (("群众说事：灌溉水渠渗漏", MatterKind.ORDINARY, "维修二组灌溉水渠"),)),
    ("supervisory_committee_meeting", 3, 28, (("一季度村务公开监督", MatterKind.ORDINARY, "督促补公开一季度财务"),)),
    ("joint_committees_meeting", 4, 2, (("医保缴费动员部署", MatterKind.ORDINARY, "分片包户完成医保缴费动员"),)),
    ("representatives_meeting", 4, 12, (("医保缴费进度通报", MatterKind.ORDINARY, ""),
                                         ("茶叶合作社入股方案", MatterKind.ORDINARY, "同意以集体林地经营权入股合作社"))),
    ("party_general_meeting", 4, 25, (("发展党员积极分子公示", MatterKind.ORDINARY, "确定 2 名入党积极分子"),)),
    ("group_meeting", 5, 9, (("二组土地调整方案", MatterKind.ORDINARY, "同意二组小调整方案"),)),
    ("deliberation_meeting", 5, 21, (("停车难议事协商", MatterKind.ORDINARY, "在村委会旁划设 20 个停车位"),)),
    ("branch_committee_meeting", 6, 3, (("提议修订村规民约", MatterKind.ORDINARY, "启动村规民约修订"),)),
    ("joint_committees_meeting", 6, 10, (("村规民约修订工作方案", MatterKind.ORDINARY, "成立村规民约修订工作组"),)),
    ("supervisory_committee_meeting", 6, 30, (("上半年项目资金监督", MatterKind.ORDINARY, "要求公开村道项目决算"),)),
    ("representatives_meeting", 7, 8, (("防汛应急预案", MatterKind.ORDINARY, "同意防汛应急预案"),
                                        ("宅基地使用方案", MatterKind.RESERVED, "同意三户宅基地使用申请"))),
    ("party_general_meeting", 7, 15, (("审议村规民约修订稿", MatterKind.ORDINARY, "同意提交村民会议表决"),)),
    ("courtyard_meeting", 7, 26, (("五组院落会：征求村规民约意见", MatterKind.ORDINARY, ""),)),
    ("villagers_meeting", 8, 20, (("表决村规民约（修订稿）", MatterKind.VILLAGE_RULES, "通过修订后的村规民约"),)),
    ("speak_up_meeting", 9, 5, (("群众说事：路灯不亮", MatterKind.ORDINARY, "更换 12 盏太阳能路灯"),)),
    ("group_meeting", 9, 12, (("四组集体收益分配", MatterKind.ORDINARY, "按人口平均分配"),)),
    ("joint_committees_meeting", 10, 9, (("秋收秋种安排", MatterKind.ORDINARY, "组织互助组帮助留守老人秋收"),)),
    ("branch_committee_meeting", 10, 14, (("三季度党费收缴情况", MatterKind.ORDINARY, ""),)),
    ("representatives_meeting", 10, 18, (("集体经济收益使用", MatterKind.RESERVED, "收益用于村道养护"),)),
    ("party_general_meeting", 10, 24, (("审议集体林地流转", MatterKind.ORDINARY, "同意集体林地流转方案"),)),
    ("deliberation_meeting", 11, 6, (("红白喜事简办标准协商", MatterKind.ORDINARY, "宴席不超过 15 桌"),)),
    ("speak_up_meeting", 11, 16, (("群众说事：垃圾清运不及时", MatterKind.ORDINARY, ""),)),
)

# Topics added to a meeting of PLAN after it was first written, each drawn from a generator of its own, so the
# year's other meetings (attendance, votes, speakers) stay as they were: the points scheme adopted in January (R35).
LATER_TOPICS: dict[tuple[str, int, int], tuple[tuple[str, MatterKind, str], ...]] = {
    ("representatives_meeting", 1, 15): (("审议村积分制管理细则", MatterKind.ORDINARY,
                                          "通过积分细则（第1版）及爱心超市兑换办法，自即日起施行"),),
}


def build(db: Database, rng: random.Random, options: DemoOptions) -> None:
    # the rules demo (b30) holds the 2019 revision's own meetings: only this year's count as done
    if db.conn.execute("SELECT COUNT(*) FROM meetings WHERE date >= ?", (f"{YEAR}-01-01",)).fetchone()[0]:
        options.counts["meetings"] = 0
        return
    stores = build_stores(db, _clerk(db))
    store, facts = stores.meetings, stores.registry_facts
    village = _Village(_sizes(options.households), facts if facts.households_count(date(YEAR, 1, 1)) else None,
                       stores.meeting_types)
    with db.atomic():  # all or nothing: an interrupted demo leaves no half year
        made = [_hold(store, rng, village, index, plan) for index, plan in enumerate(PLAN)]
        _progress(stores.follow_ups)
        _four_two(stores.four_two, made)
        options.counts["convene_proposals"] = _proposals(stores.convene_proposals, village, made)
        final = [m for m in made if m.is_final]
        store.amend(final[2].id, "end", "11:40", "散会时间记录有误，据签到表更正", final[2].on + timedelta(days=2))
    options.counts["meetings"] = len(made)


def _clerk(db: Database) -> Actor:
    row = db.conn.execute("SELECT id, display_name FROM users WHERE username = 'wenshu'").fetchone()
    return Actor(row[0], row[1], Role.CLERK) if row else COMMAND_LINE_ACTOR


def _sizes(households: int) -> dict[str, int]:
    adults = max(10, households * 26 // 10)
    return {"villagers_meeting": adults, "group_meeting": max(6, adults // 6),
            "representatives_meeting": max(6, households // 10) + 5, "joint_committees_meeting": 9,
            "party_general_meeting": 40, "branch_committee_meeting": 5, "supervisory_committee_meeting": 3,
            "deliberation_meeting": 15, "courtyard_meeting": 30, "speak_up_meeting": 25, "households": households}


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


class _Village:
    """Sizes and names for the year's meetings: from the registry when there is one, else made up."""

    def __init__(self, sizes: dict[str, int], facts: SqliteRegistryFacts | None, types: MeetingTypeStore) -> None:
        self.sizes, self.facts, self.types = sizes, facts, types
        self.host, self.host_post, self.recorder = "杨光明", "村党支部书记、村委会主任", "吴晓梅"
        if facts is not None:
            committee = facts.people_with_role(ROLE_TWO_COMMITTEES, date(YEAR, 1, 1))
            chair = next((p for p in committee if "书记" in p.post and "副" not in p.post), None)
            clerk = next((p for p in committee if "文书" in p.post), None)
            if chair is not None:
                self.host, self.host_post = chair.name, chair.post
            if clerk is not None:
                self.recorder = clerk.name

    def expected(self, type_code: str, on: date,
                 title: str) -> tuple[int, int | None, tuple[RosterPerson, ...], bool]:
        """(应到, households for villagers'/group meetings, the roster of a member-based meeting, from registry)."""
        found = None
        if self.facts is not None:
            found = expected_attendance(self.types.type_spec(type_code), self.facts, on, GROUPS.get(title))
        if found is None or found.expected == 0:  # a tiny demo village may have no party members
            households = self.sizes["households"] if type_code == "villagers_meeting" else None
            return self.sizes[type_code], households, (), False
        return found.expected, found.households, found.roster, True


def _hold(store: MeetingStore, rng: random.Random, village: _Village, index: int,
          plan: tuple[str, int, int, tuple[tuple[str, MatterKind, str], ...]], year: int = YEAR) -> Meeting:
    type_code, month, day, topics = plan
    on = date(year, month, day)
    expected, households, roster, computed = village.expected(type_code, on, topics[0][0])
    # The Q2 party meeting shows the R6 trap: quorate, majority of those present, but not of M.
    fails = type_code == "party_general_meeting" and month == 4 and expected >= 6
    present = more_than_half(expected) + 1 if fails else _present(rng, type_code, expected)
    keep = (village.host, village.recorder)  # the host and the recorder are there: never listed as absent
    attendees = (_roster_attendance(rng, roster, present, keep) if roster
                 else _absentees(rng, type_code, expected, present, keep))
    voices = [a.name for a in attendees if a.kind is AttendanceKind.PRESENT]
    by_name = voters(attendees) if roster else ()
    women = sum(1 for a in attendees if a.kind is AttendanceKind.PRESENT and a.gender is Gender.FEMALE)
    meeting = Meeting(
        type_code, on, start="09:00" if index % 2 else "14:30", end="11:30" if index % 2 else "17:00",
        place=rng.choice(("村委会议室", "村文化活动室", "鼓楼坪", "二组晒坝")), convener="村民委员会",
        host=village.host, host_post=village.host_post, recorder=village.recorder, expected=expected,
        expected_computed=expected if computed else None,
        present=present, expected_households=households,
        households_represented=min(households, two_thirds(households) + 3) if households else None,
        women_present=women if roster else max(1, present * 2 // 5),
        motion_source=rng.choice(("党员群众建议", "村干部提议", "上级党委政府安排")),
        observers="无" if index % 3 else "驻村工作队 龙正华", township_attendees="德化乡包村干部 潘春兰" if index % 4 == 0 else "无",
        notice_date=on - timedelta(days=12 if type_code == "villagers_meeting" else 4),
        authorisation_ref="2026-民-01 村民会议授权村民代表会议决定宅基地、集体收益事项"
        if type_code == "representatives_meeting" and month > 2 else "",
        attendees=attendees,
        items=tuple(_item(rng, title, matter, resolution, (present, expected), fails, on, voices, by_name)
                    for title, matter, resolution in topics)
        + tuple(_item(random.Random(title), title, matter, resolution, (present, expected), fails, on, voices, by_name)
                for title, matter, resolution in LATER_TOPICS.get((type_code, month, day), ())),
        summary=f"会议围绕“{topics[0][0]}”进行了讨论。",
    )
    created = store.create(meeting).id
    if on < date(YEAR, 11, 1):
        store.finalise(created, True, True)
    return store.get(created)


def _present(rng: random.Random, type_code: str, expected: int) -> int:
    if type_code == "villagers_meeting":
        return more_than_half(expected) + rng.randint(3, 30)
    if type_code in ("deliberation_meeting", "courtyard_meeting", "speak_up_meeting"):
        return expected - rng.randint(0, 5)
    return max(two_thirds(expected), expected - rng.randint(0, max(1, expected // 6)))


def _absentees(rng: random.Random, type_code: str, expected: int, present: int,
               keep: tuple[str, ...]) -> tuple[Attendee, ...]:
    if type_code in ("villagers_meeting", "group_meeting", "deliberation_meeting", "courtyard_meeting",
                     "speak_up_meeting") or present >= expected:
        return ()
    return tuple(Attendee(_name_other_than(rng, keep), rng.choice((Gender.MALE, Gender.FEMALE)), AttendanceKind.ABSENT,
                          reason=rng.choice(REASONS)) for _ in range(expected - present))


def _name_other_than(rng: random.Random, keep: tuple[str, ...]) -> str:
    name = _name(rng)
    while name in keep:
        name = _name(rng)
    return name


def _roster_attendance(rng: random.Random, roster: tuple[RosterPerson, ...], present: int,
                       keep: tuple[str, ...]) -> tuple[Attendee, ...]:
    """The registry's people: `present` of them ticked, the others absent with a reason (never one in `keep`)."""
    free = [i for i, p in enumerate(roster) if p.name not in keep]
    absent = set(rng.sample(free, min(len(free), len(roster) - present)))
    return tuple(Attendee(p.name, Gender(p.gender), AttendanceKind.ABSENT if i in absent else AttendanceKind.PRESENT,
                          p.villager_id, p.post, rng.choice(REASONS) if i in absent else "")
                 for i, p in enumerate(roster))


def _speaker(rng: random.Random, voices: list[str]) -> str:
    return rng.choice(voices) if voices else _name(rng)


def _item(rng: random.Random, title: str, matter: MatterKind, resolution: str, sizes: tuple[int, int],
          fails: bool, on: date, voices: list[str], by_name: tuple[tuple[str, str | None], ...]) -> AgendaItem:
    present, expected = sizes
    speeches = tuple(Speech(_speaker(rng, voices), rng.choice(("同意，建议尽快实施", "要把账目公开清楚", "希望照顾困难户",
                                                               "先征求各组意见"))) for _ in range(3))
    item = AgendaItem(title, proposer=_speaker(rng, voices), background=f"关于{title}的情况说明。",
                      discussion=f"与会人员发言 {len(speeches)} 人次，意见已逐条记录。", matter=matter,
                      speeches=speeches)
    if not resolution:
        return item
    spread = max(0, present // 10)
    against, abstain = rng.randint(0, spread), rng.randint(0, spread)
    # R6 trap: a majority of those present, but not more than half of the members who should attend.
    votes = Tally(expected // 2, 1, present - expected // 2 - 1) if fails else \
        Tally(present - against - abstain, against, abstain)
    named = _named_votes(votes, by_name) if len(by_name) == present else ()
    return dataclasses.replace(item, vote_method=VoteMethod.SHOW_OF_HANDS, tally=votes, votes=named,
                               resolution=resolution,
                               resolution_owner=rng.choice(("村委会", "村党支部", "村务监督委员会", "各村民小组长")),
                               resolution_due=on + timedelta(days=rng.choice((30, 60, 90))))


def _named_votes(tally: Tally, people: tuple[tuple[str, str | None], ...]) -> tuple[PersonVote, ...]:
    """A show of hands recorded by name (a roster meeting): the last names are against, abstain, not voting."""
    choices = ([VoteChoice.FOR] * tally.for_ + [VoteChoice.AGAINST] * tally.against
               + [VoteChoice.ABSTAIN] * tally.abstain)
    choices += [VoteChoice.NOT_VOTING] * (len(people) - len(choices))
    return tuple(PersonVote(name, choice, villager_id) for (name, villager_id), choice in zip(people, choices))


def _progress(follow_ups: FollowUpStore) -> None:
    """Move follow-ups into every state: not started, in progress, done with each evaluation, cancelled."""
    evaluations = list(Evaluation)
    done = 0
    for index, item in enumerate(follow_ups.list_follow_ups()):
        due = item.due or date(YEAR, 12, 31)
        state = index % 5
        if state == 0:
            continue  # 未启动 (several of these are overdue)
        start = min(due, date(YEAR, 11, 10)) - timedelta(days=20)
        follow_ups.record_progress(item.id, start, FollowUpStatus.IN_PROGRESS, "已召开专题会部署，明确责任人")
        if state == 1:
            continue
        if state == 4:
            follow_ups.record_progress(item.id, start + timedelta(days=5), FollowUpStatus.CANCELLED,
                                       "上级政策调整，经两委研究暂缓实施")
            continue
        follow_ups.record_progress(item.id, start + timedelta(days=10), FollowUpStatus.DONE, "已办结并验收",
                                   "已按决议完成，结果已在村务公开栏公开")
        follow_ups.evaluate(item.id, evaluations[done % 3])  # cycle, so every evaluation appears
        done += 1


def _proposals(store: ConveneStore, village: _Village, made: list[Meeting]) -> int:
    """R10: one proposal answered by a representatives' meeting, one still owed (past its deadline), one short."""
    reps = next(m for m in made if m.type_code == "representatives_meeting" and m.on.month >= 4)
    members = len(village.facts.people_with_role("representative", reps.on)) if village.facts else 0
    members = members or village.sizes["representatives_meeting"]
    answered = store.record_proposal(make_proposal(
        ConveneBody.REPRESENTATIVES, reps.on - timedelta(days=10), "公开集体收益使用明细", -(-members // 5), members,
        "村民代表联名", reps.on))
    store.answer_proposal(answered.id, reps.id)
    adults = village.expected("villagers_meeting", date(YEAR, 9, 1), "")[0]
    store.record_proposal(make_proposal(ConveneBody.VILLAGERS, date(YEAR, 9, 1), "重新讨论土地承包调整方案",
                                        -(-adults // 10) + 2, adults, "二组村民联名", date(YEAR, 9, 30)))
    store.record_proposal(make_proposal(ConveneBody.VILLAGERS, date(YEAR, 10, 8), "修建村级广场",
                                        max(1, adults // 10 - 1), adults, "三组村民联名"))
    return 3


def _four_two(chain: FourTwoStore, made: list[Meeting]) -> None:
    """村道硬化 through all six stages; 村规民约修订 up to the decision."""
    by_number = {m.number: m for m in made}
    road = chain.create_matter("村道硬化项目", "党员群众建议")
    steps = ((FourTwoStage.PROPOSE, "2026-支-01"), (FourTwoStage.CONSULT, "2026-联-01"),
             (FourTwoStage.REVIEW, "2026-党-01"), (FourTwoStage.DECIDE, "2026-民-01"))
    for stage, number in steps:
        chain.record_stage(road.id, stage, by_number[number].on, by_number[number].id)
    chain.record_stage(road.id, FourTwoStage.DISCLOSE_DECISION, date(YEAR, 2, 28), publication="村务公开栏，公告 2026-公-03",
                       supervision_opinion="程序完整，同意公开")
    chain.record_stage(road.id, FourTwoStage.DISCLOSE_RESULT, date(YEAR, 6, 30), publication="村务公开栏，公告 2026-公-11",
                       supervision_opinion="已验收，决算已公开")
    rules = chain.create_matter("修订村规民约", "村干部提议")
    for stage, number in ((FourTwoStage.PROPOSE, "2026-支-02"), (FourTwoStage.CONSULT, "2026-联-03"),
                          (FourTwoStage.REVIEW, "2026-党-03"), (FourTwoStage.DECIDE, "2026-民-02")):
        chain.record_stage(rules.id, stage, by_number[number].on, by_number[number].id)
