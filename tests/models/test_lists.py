"""Red/yellow/black list workflow: every transition and refusal (R27–R33), as tables over plain data."""
from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.core.accounts import Actor, Role
from models.core.errors import DomainError, PermissionDenied
from models.lists.workflow import (Nomination, advance, answer_objection, due_for_removal, honours_blockers,
                                  nominate, refuse, register_objection, withdraw)
from models.lists.entries import (ArticleRef, EntryState, HouseholdInfo, ListEntry, ListKind, ListSettings, Member, Objection,
                          Period, PeriodKind, WithdrawReason, add_months, check_consequence, check_wording)

CLERK = Actor("u-clerk", "吴晓梅", Role.CLERK)
APPROVER = Actor("u-approver", "杨光明", Role.APPROVER)
SUPERVISOR = Actor("u-super", "石秀英", Role.SUPERVISOR)
ARTICLE = ArticleRef("a-12", "v-2", "第十二条", "乱堆乱放")
HOUSE = HouseholdInfo("h-1", "12", "三组", "杨老三", False,
                      (Member("p-1", "杨老三", False), Member("p-2", "杨小宝", True)))
DAY = date(2025, 3, 3)
_ids = itertools.count()


def new_id() -> str:
    return f"e-{next(_ids)}"


def nominated(kind: ListKind = ListKind.YELLOW, article: ArticleRef | None = ARTICLE, period: str = "2025-03",
              history: tuple[ListEntry, ...] = (), **extra: object) -> tuple[ListEntry, list[str]]:
    nomination = Nomination(kind, period, "3月2日在村道旁堆放建筑垃圾未清理", CLERK.name, CLERK.user_id, **extra)
    entry, transition, warnings = nominate(nomination, HOUSE, article, history, CLERK, DAY, new_id)
    assert transition.to_state is EntryState.NOMINATED and transition.actor_name == CLERK.name
    return entry, warnings


def published(kind: ListKind = ListKind.YELLOW, history: tuple[ListEntry, ...] = (), **extra: object) -> ListEntry:
    entry, _ = nominated(kind, history=history, **extra)
    entry, _ = advance(entry, APPROVER, DAY, history=history)
    entry, _ = advance(entry, SUPERVISOR, DAY)
    entry, _ = advance(entry, APPROVER, DAY)
    entry, _ = advance(entry, APPROVER, DAY + timedelta(days=7))
    return entry


def test_the_whole_walk_dates_each_step() -> None:
    entry, warnings = nominated()
    assert warnings == []
    steps = [(APPROVER, DAY, EntryState.ASSESSED), (SUPERVISOR, DAY + timedelta(1), EntryState.REVIEWED),
             (APPROVER, DAY + timedelta(2), EntryState.PUBLICITY), (APPROVER, DAY + timedelta(9), EntryState.PUBLISHED)]
    for actor, on, state in steps:
        before = entry.state
        entry, transition = advance(entry, actor, on, note="同意")
        assert (transition.from_state, transition.to_state, transition.on, transition.actor_name) == \
            (before, state, on, actor.name)
    assert entry.notice_on == DAY + timedelta(2) and entry.publicity_end == DAY + timedelta(8)
    assert entry.published_on == DAY + timedelta(9)
    down, transition = withdraw(entry, APPROVER, DAY + timedelta(10), WithdrawReason.RECTIFIED, "已清理")
    assert down.state is EntryState.WITHDRAWN and transition.note == "整改到位：已清理"


@pytest.mark.parametrize("state, actor, fragment", [
    (EntryState.NOMINATED, CLERK, "无权审核批准"),
    (EntryState.NOMINATED, SUPERVISOR, "无权审核批准"),
    (EntryState.ASSESSED, APPROVER, "无权监督审核"),
    (EntryState.REVIEWED, SUPERVISOR, "无权审核批准"),
    (EntryState.PUBLICITY, CLERK, "无权审核批准"),
])
def test_who_may_advance_each_step(state: EntryState, actor: Actor, fragment: str) -> None:
    entry, _ = nominated()
    entry = replace(entry, state=state, publicity_start=DAY)
    with pytest.raises(PermissionDenied, match=fragment):
        advance(entry, actor, DAY + timedelta(30))


def test_supervisor_must_not_review_own_nomination() -> None:
    entry, _ = nominated()
    entry = replace(entry, state=EntryState.ASSESSED, proposer_name=SUPERVISOR.name, proposer_user_id="")
    with pytest.raises(DomainError, match="不能是提名人本人"):
        advance(entry, SUPERVISOR, DAY)


@pytest.mark.parametrize("kind", [ListKind.YELLOW, ListKind.BLACK])
def test_negative_entry_without_article_cannot_leave_nomination(kind: ListKind) -> None:
    history = (published(ListKind.YELLOW),) if kind is ListKind.BLACK else ()
    entry, warnings = nominated(kind, article=None, history=history)
    assert any("必须引用现行村规民约" in w for w in warnings)
    with pytest.raises(DomainError, match="必须引用现行村规民约"):
        advance(entry, APPROVER, DAY, history=history)


def test_red_needs_article_or_honour() -> None:
    entry, warnings = nominated(ListKind.RED, article=None)
    assert warnings and "荣誉项目" in warnings[0]
    entry, _ = nominated(ListKind.RED, article=None, honour="好婆婆")
    assert advance(entry, APPROVER, DAY)[0].state is EntryState.ASSESSED


@pytest.mark.parametrize("kind, villager, refused", [
    (ListKind.YELLOW, "p-2", True), (ListKind.BLACK, "p-2", True), (ListKind.RED, "p-2", False),
    (ListKind.YELLOW, "p-1", False),
])
def test_minors_never_on_yellow_or_black(kind: ListKind, villager: str, refused: bool) -> None:
    if refused:
        with pytest.raises(DomainError, match="未成年人不能列入"):
            nominated(kind, villager_id=villager)
    else:
        entry, _ = nominated(kind, villager_id=villager)
        assert entry.subject_is_minor == (villager == "p-2")


@pytest.mark.parametrize("facts", ["此人厚颜无耻，乱倒垃圾", "典型老赖", "懒汉一个", "无赖行为", "村里的败类", "十分可耻"])
def test_stigmatising_words_are_refused_with_a_suggestion(facts: str) -> None:
    with pytest.raises(DomainError, match="只写具体行为"):
        check_wording(facts)


def test_wording_list_is_configurable() -> None:
    check_wording("邋遢", ListSettings())
    with pytest.raises(DomainError):
        check_wording("邋遢", ListSettings(stigmatising_words=("邋遢",)))


@pytest.mark.parametrize("consequence, refused", [
    ("取消本年度低保资格", True), ("停发养老金", True), ("暂扣征地补偿款", True), ("子女不得入学", True),
    ("扣除积分 10 分", False), ("取消本年度评优评先资格", False)])
def test_consequences_stay_proportionate(consequence: str, refused: bool) -> None:
    if refused:
        with pytest.raises(DomainError, match="法定权益"):
            check_consequence(consequence)
    else:
        check_consequence(consequence)


def test_black_year_period_refused() -> None:
    with pytest.raises(DomainError, match="最长张贴 3 个月"):
        nominated(ListKind.BLACK, period="2025")


def test_black_needs_unheeded_yellow_or_override() -> None:
    entry, warnings = nominated(ListKind.BLACK)
    assert any("黄榜提醒" in w for w in warnings)
    with pytest.raises(DomainError, match="黄榜提醒"):
        advance(entry, APPROVER, DAY)
    with pytest.raises(PermissionDenied, match="无权"):
        advance(entry, SUPERVISOR, DAY, override_reason="情节严重")
    moved, _ = advance(entry, APPROVER, DAY, override_reason="多次劝阻无效，情节严重")
    assert moved.override_by == APPROVER.name
    yellow = replace(published(ListKind.YELLOW), period="2025-02", published_on=date(2025, 2, 10))
    entry, warnings = nominated(ListKind.BLACK, history=(yellow,))
    assert warnings == []
    rectified, _ = withdraw(yellow, APPROVER, DAY + timedelta(8), WithdrawReason.RECTIFIED)
    assert nominated(ListKind.BLACK, history=(rectified,))[1]


def test_yellow_costs_honours_and_red_needs_override() -> None:
    yellow = published(ListKind.YELLOW)
    assert honours_blockers("h-1", 2025, [yellow]) == [yellow]
    assert honours_blockers("h-1", 2026, [yellow]) == []
    red, warnings = nominated(ListKind.RED, period="2025-06", history=(yellow,))
    assert any("评优评先" in w for w in warnings)
    with pytest.raises(DomainError, match="评优评先"):
        advance(red, APPROVER, DAY, history=(yellow,))
    assert advance(red, APPROVER, DAY, history=(yellow,), override_reason="已整改并见义勇为")[0].override_reason


def _in_publicity() -> ListEntry:
    entry, _ = nominated()
    for actor in (APPROVER, SUPERVISOR, APPROVER):
        entry, _ = advance(entry, actor, DAY)
    return entry


def test_publicity_lasts_at_least_the_window() -> None:
    entry = _in_publicity()
    with pytest.raises(DomainError, match="期满后才能发布"):
        advance(entry, APPROVER, DAY + timedelta(6))
    with pytest.raises(DomainError):
        ListSettings(publicity_days=4)


def test_objection_pending_blocks_publication_and_upheld_blocks_for_good() -> None:
    entry = _in_publicity()
    objection = register_objection(entry, Objection("o-1", entry.id, DAY + timedelta(2), "杨老三", "垃圾是邻居堆的"))
    later = DAY + timedelta(8)
    with pytest.raises(DomainError, match="未答复"):
        advance(entry, APPROVER, later, objections=[objection])
    answered = answer_objection(objection, APPROVER, DAY + timedelta(4), "经核实属实", upheld=False)
    assert advance(entry, APPROVER, later, objections=[answered])[0].state is EntryState.PUBLISHED
    upheld = answer_objection(objection, APPROVER, DAY + timedelta(4), "经核实异议成立", upheld=True)
    with pytest.raises(DomainError, match="异议经核实成立"):
        advance(entry, APPROVER, later, objections=[upheld])
    with pytest.raises(DomainError, match="已经答复"):
        answer_objection(answered, APPROVER, later, "再答", False)


@pytest.mark.parametrize("received, ok", [(DAY, True), (DAY + timedelta(6), True), (DAY + timedelta(7), False)])
def test_objections_only_inside_the_window(received: date, ok: bool) -> None:
    entry = _in_publicity()
    objection = Objection("o-2", entry.id, received, "杨老三", "有异议")
    if ok:
        register_objection(entry, objection)
    else:
        with pytest.raises(DomainError, match="不在期内"):
            register_objection(entry, objection)


@pytest.mark.parametrize("state", [EntryState.NOMINATED, EntryState.ASSESSED, EntryState.REVIEWED,
                                   EntryState.PUBLICITY])
def test_refusal_ends_the_entry_with_reason(state: EntryState) -> None:
    entry, _ = nominated()
    entry = replace(entry, state=state)
    ended, transition = refuse(entry, SUPERVISOR, DAY, "事实不清")
    assert ended.state is EntryState.REFUSED and ended.end_reason == "事实不清" and transition.note == "事实不清"
    with pytest.raises(DomainError, match="流程已结束"):
        advance(ended, APPROVER, DAY)
    with pytest.raises(DomainError, match="不通过的理由不能为空"):
        refuse(entry, SUPERVISOR, DAY, " ")


def test_published_entries_are_withdrawn_not_refused_or_advanced() -> None:
    entry = published()
    with pytest.raises(DomainError, match="撤榜"):
        refuse(entry, APPROVER, DAY, "不要了")
    with pytest.raises(DomainError, match="撤榜"):
        advance(entry, APPROVER, DAY)
    nominee, _ = nominated()
    with pytest.raises(DomainError, match="只有公示中或已发布"):
        withdraw(nominee, APPROVER, DAY, WithdrawReason.CORRECTION)


def test_expiry_at_end_of_cycle_and_black_cap() -> None:
    yellow = published()
    assert due_for_removal([yellow], date(2025, 3, 31)) == []
    assert due_for_removal([yellow], date(2025, 4, 1)) == [yellow]
    black = replace(yellow, list_kind=ListKind.BLACK, period="2025-Q1", published_on=date(2025, 1, 20))
    assert black.takes_down_on == date(2025, 3, 31)
    assert due_for_removal([black], date(2025, 4, 1)) == [black]


def test_period_parsing() -> None:
    assert Period.parse("2025-3").code == "2025-03" and Period.parse("2025-03").end == date(2025, 3, 31)
    assert Period.parse("2025-q4").start == date(2025, 10, 1) and Period.parse("2025-Q4").text == "2025年第4季度"
    assert Period.parse("2024").months == 12 and Period.parse("2024-02").end == date(2024, 2, 29)
    with pytest.raises(DomainError, match="看不懂"):
        Period.parse("三月")
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)


@pytest.mark.parametrize("facts", ["联系电话13908551234", "身份证522631196204091234", "证号52263119581230301X"])
def test_personal_numbers_refused_in_facts(facts: str) -> None:
    with pytest.raises(DomainError, match="身份证号或手机号"):
        nominate(Nomination(ListKind.RED, "2025-03", facts, CLERK.name), HOUSE, ARTICLE, (), CLERK, DAY, new_id)


def test_yellow_and_black_periods_follow_the_cycle_red_may_be_a_year() -> None:
    assert nominated(ListKind.RED, period="2025")[0].period == "2025"
    with pytest.raises(DomainError, match="本村黄榜按月轮换.*2025-01"):
        nominated(ListKind.YELLOW, period="2025")
    with pytest.raises(DomainError, match="本村黑榜按月轮换"):
        nominated(ListKind.BLACK, period="2025-Q1")
    quarterly = ListSettings(cycle=PeriodKind.QUARTER)
    entry, _, _ = nominate(Nomination(ListKind.YELLOW, "2025-Q1", "3月2日堆放建筑垃圾", CLERK.name), HOUSE, ARTICLE,
                           (), CLERK, DAY, new_id, quarterly)
    assert entry.period == "2025-Q1"
