"""The list stores over a real file: round trips, the walk with permissions, objections, expiry, board log."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.lists.workflow import Nomination
from models.lists.entries import EntryState, ListKind, WithdrawReason
from storage.core.db import Database
from storage.lists.sources import article_number, shorten
from storage.core.backend import build_stores
from tests.list_fixtures import APPROVER, CLERK, SUPERVISOR, lists, naming, seed_registry, store, volunteers, written

DAY = date(2025, 3, 3)


def nominate(db: Database, kind: ListKind = ListKind.YELLOW, household: str = "12", article: str = "第12条",
             **extra: object) -> str:
    nomination = Nomination(kind, "2025-03", "3月2日在村道旁堆放建筑垃圾未清理", CLERK.name, CLERK.user_id, **extra)
    return store(db, CLERK, DAY).nominate(nomination, household, article, on=DAY).id


def walk_to_publicity(db: Database, entry_id: str) -> None:
    store(db, APPROVER).advance(entry_id, "执委会评议同意", on=DAY)
    store(db, SUPERVISOR).advance(entry_id, "监委会审核同意", on=DAY + timedelta(1))
    store(db, APPROVER).advance(entry_id, "书面告知本户", on=DAY + timedelta(2))


def test_refusals_without_registry_rows_or_rules_in_force(village_db: Database) -> None:
    with pytest.raises(NotFound, match="户籍中没有户号“12”"):
        nominate(village_db)
    seed_registry(village_db, with_rules=False)
    with pytest.raises(DomainError, match="还没有现行有效的版本"):
        nominate(village_db)


def test_round_trip_with_snapshots_and_pinned_article(village_db: Database) -> None:
    seed_registry(village_db)
    entry = store(village_db, CLERK).entry(nominate(village_db))
    assert (entry.household_no, entry.group_name, entry.subject_name) == ("12", "三组", "杨老三")
    version_id, key = village_db.conn.execute(
        "SELECT v.id, a.article_key FROM rule_versions v JOIN rule_articles a ON a.version_id = v.id "
        "WHERE v.status = 'in_force' AND a.position = 12").fetchone()
    assert entry.article is not None and (entry.article.article_id, entry.article.version_id) == (key, version_id)
    assert (entry.article.number, entry.article.short_text) == ("第十二条", "房前屋后不乱堆乱放")
    assert [t.to_state for t in store(village_db, CLERK).transitions(entry.id)] == [EntryState.NOMINATED]
    with pytest.raises(NotFound, match="没有第13条"):
        nominate(village_db, article="13")  # 13 exists only in the superseded version
    with pytest.raises(NotFound, match="户号“99”"):
        nominate(village_db, household="99")


def test_registry_edits_do_not_rewrite_the_entry(village_db: Database) -> None:
    seed_registry(village_db)
    entry_id = nominate(village_db)
    registry = build_stores(village_db, COMMAND_LINE_ACTOR)
    registry.villagers.save_villager(replace(registry.villagers.get_villager("p-1"), name="杨老四"))
    assert store(village_db, CLERK).entry(entry_id).subject_name == "杨老三"
    assert store(village_db, CLERK, DAY)._directory.household("12").head_name == "杨老四"


def test_full_walk_is_logged_and_audited(village_db: Database) -> None:
    seed_registry(village_db)
    entry_id = nominate(village_db)
    walk_to_publicity(village_db, entry_id)
    with pytest.raises(DomainError, match="期满后才能发布"):
        store(village_db, APPROVER).advance(entry_id, on=DAY + timedelta(5))
    changed = store(village_db, APPROVER).advance(entry_id, "公示无异议", on=DAY + timedelta(9))
    assert changed == Changed.one(Entity.LIST_ENTRY, entry_id)
    assert store(village_db, CLERK).entry(entry_id).state is EntryState.PUBLISHED
    history = store(village_db, CLERK).transitions(entry_id)
    assert [(t.actor_name, t.to_state.label) for t in history] == [
        ("吴晓梅", "提名"), ("杨光明", "执委会评议"), ("石秀英", "监委会审核"), ("杨光明", "公示"), ("杨光明", "发布")]
    audited = village_db.conn.execute("SELECT count(*) FROM audit_log WHERE table_name LIKE 'list_%'").fetchone()[0]
    logged = village_db.conn.execute("SELECT count(*) FROM change_log WHERE table_name = 'list_entries'").fetchone()[0]
    assert audited >= 10 and logged == 5


def test_self_review_refused(village_db: Database) -> None:
    seed_registry(village_db)
    nomination = Nomination(ListKind.YELLOW, "2025-03", "未按约定清理房前杂物", SUPERVISOR.name, SUPERVISOR.user_id)
    entry = written(store(village_db, CLERK), store(village_db, CLERK).nominate(nomination, "12", "12", on=DAY))
    store(village_db, APPROVER).advance(entry.id, on=DAY)
    with pytest.raises(DomainError, match="不能是提名人本人"):
        store(village_db, SUPERVISOR).advance(entry.id, on=DAY)


def test_minor_refused_from_registry_birth_date(village_db: Database) -> None:
    seed_registry(village_db)
    with pytest.raises(DomainError, match="未成年人不能列入黄榜"):
        nominate(village_db, villager_id="p-2")


def test_objection_pending_then_upheld_takes_entry_down(village_db: Database) -> None:
    seed_registry(village_db)
    entry_id = nominate(village_db)
    walk_to_publicity(village_db, entry_id)
    objection = store(village_db, CLERK).add_objection(entry_id, "杨老三", "垃圾是施工队堆的", on=DAY + timedelta(3))
    with pytest.raises(DomainError, match="未答复"):
        store(village_db, APPROVER).advance(entry_id, on=DAY + timedelta(9))
    assert objection.parts()[0] == Changed.one(Entity.LIST_OBJECTION, objection.id)
    answered = store(village_db, APPROVER).answer_objection(objection.id, "经核实为施工队所堆，异议成立", True,
                                                           on=DAY + timedelta(4))
    assert answered.ids_of(Entity.LIST_OBJECTION) == {objection.id} and answered.ids_of(Entity.LIST_ENTRY) == {entry_id}
    entry = store(village_db, CLERK).entry(entry_id)
    assert entry.state is EntryState.WITHDRAWN and entry.end_reason == "异议成立"
    assert store(village_db, CLERK).objections(entry_id)[0].upheld is True


def test_expiry_and_rectification_are_logged_on_the_board_log(village_db: Database) -> None:
    seed_registry(village_db)
    first, second = nominate(village_db), nominate(village_db, household="15")
    for entry_id in (first, second):
        walk_to_publicity(village_db, entry_id)
        store(village_db, APPROVER).advance(entry_id, on=DAY + timedelta(9))
    withdrawn = store(village_db, APPROVER).withdraw(second, WithdrawReason.RECTIFIED, "已清理完毕",
                                                     on=DAY + timedelta(12))
    assert withdrawn.id == second and len(withdrawn.ids_of(Entity.BOARD_VERSION)) == 1  # removals are logged
    assert store(village_db, APPROVER).expire_due(on=date(2025, 3, 31)).ids_of(Entity.LIST_ENTRY) == set()
    expired = store(village_db, SUPERVISOR).expire_due(on=date(2025, 4, 1))
    assert expired.ids_of(Entity.LIST_ENTRY) == {first}
    assert store(village_db, CLERK).entry(first).end_reason == "期满撤榜"
    log = lists(village_db, CLERK).board_log.board_log("2025-03")
    assert [(row["action"], row["note"]) for row in log] == [("removed", "撤下 1 条：整改到位"),
                                                            ("removed", "到期自动撤榜")]


def test_naming_basis_changes_the_board(village_db: Database) -> None:
    seed_registry(village_db)
    entry_id = nominate(village_db, ListKind.RED, article="第8条")
    walk_to_publicity(village_db, entry_id)
    store(village_db, APPROVER).advance(entry_id, on=DAY + timedelta(9))
    assert lists(village_db, CLERK).board("2025-03", on=DAY + timedelta(9)).red[0].who == "三组第12号户"
    made = naming(village_db, CLERK).record_naming_basis("12", "consent", "户主杨老三 2025年3月1日书面同意",
                                                         on=date(2025, 3, 1))
    assert made == Changed.one(Entity.NAMING_BASIS, naming(village_db, CLERK).naming_bases()[0].id)
    assert lists(village_db, CLERK).board("2025-03", on=DAY + timedelta(9)).red[0].who == "三组 杨老三"


def test_volunteers_recorded(village_db: Database) -> None:
    seed_registry(village_db)
    clerk = volunteers(village_db, CLERK)
    made = clerk.add_participation("15", "清扫村道", date(2025, 3, 8), 2.5)
    assert made == Changed.one(Entity.VOLUNTEER_RECORD, clerk.participations()[0].id)
    assert clerk.participations()[0].hours == 2.5
    with pytest.raises(DomainError, match="0 到 24"):
        clerk.add_participation("15", "清扫村道", date(2025, 3, 8), 30)


def test_volunteer_ranking_by_period_and_undo_of_a_participation(village_db: Database) -> None:
    seed_registry(village_db)
    clerk = volunteers(village_db, CLERK)
    for household, day, hours in (("15", 8, 2.5), ("31", 9, 3), ("31", 15, 2), ("12", 20, 8), ("12", 21, 1)):
        clerk.add_participation(household, "清扫村道", date(2025, 3, day), hours)
    clerk.add_participation("15", "修水渠", date(2025, 4, 2), 4)
    ranking = clerk.volunteer_ranking("2025-03")
    assert [(r.rank, r.household_no, r.group_name, r.times, r.hours) for r in ranking] == [
        (1, "12", "三组", 2, 9.0), (2, "31", "五组", 2, 5.0), (3, "15", "三组", 1, 2.5)]
    assert [p.household_no for p in clerk.participations("2025-04")] == ["15"]
    mistake = clerk.participations("2025-04")[0]
    clerk.discard_participation(mistake.id)
    assert clerk.participations("2025-04") == [] and clerk.volunteer_ranking("2025-04") == []
    assert clerk.restore_participation(mistake.id) == Changed.one(Entity.VOLUNTEER_RECORD, mistake.id)
    assert clerk.participations("2025-04") == [mistake]


@pytest.mark.parametrize("text, number", [("12", 12), ("第12条", 12), ("第十二条", 12), ("第十条", 10),
                                          ("第二十一条", 21), ("第三条", 3), ("第１２条", 12), ("条款", None)])
def test_article_numbers(text: str, number: int | None) -> None:
    assert article_number(text) == number


def test_short_form() -> None:
    assert shorten("房前屋后不乱堆乱放，保持村容整洁。") == "房前屋后不乱堆乱放"
    assert shorten("一二三四五六七八九十一二三四五六七八") == "一二三四五六七八九十一二三四五六…"


def test_a_nomination_can_be_taken_back_only_before_assessment(village_db: Database) -> None:
    seed_registry(village_db)
    entry_id = nominate(village_db)
    clerk = store(village_db, CLERK)
    clerk.discard_nomination(entry_id)
    assert clerk.entries("2025-03") == []
    assert clerk.restore_nomination(entry_id) == Changed.one(Entity.LIST_ENTRY, entry_id)
    assert clerk.entry(entry_id).state is EntryState.NOMINATED
    store(village_db, APPROVER).advance(entry_id, on=DAY)
    with pytest.raises(DomainError, match="不能再撤回提名"):
        clerk.discard_nomination(entry_id)


def test_periods_and_waiting_are_read_without_every_entry(village_db: Database) -> None:
    """The screen's period list and review queue (issue 17: two SQL reads instead of decoding every entry)."""
    seed_registry(village_db)
    clerk = store(village_db, CLERK)
    assert (clerk.periods(), clerk.waiting()) == ([], [])
    entry_id = nominate(village_db)
    assert clerk.periods() == ["2025-03"]
    assert [e.id for e in clerk.waiting()] == [entry_id]
    walk_to_publicity(village_db, entry_id)
    assert [e.state for e in clerk.waiting()] == [EntryState.PUBLICITY]
    store(village_db, APPROVER).advance(entry_id, "公示无异议", on=DAY + timedelta(9))
    assert clerk.waiting() == [] and clerk.periods() == ["2025-03"]
    clerk.discard_nomination(nominate(village_db, ListKind.RED, household="12", article=""))
    assert clerk.periods() == ["2025-03"] and clerk.waiting() == []


def test_a_periods_participations_are_read_by_date_in_sql_as_the_python_filter_kept_them(
        village_db: Database) -> None:
    """Issue 17: the 志愿服务 tab read every participation of the years kept and filtered by period in Python; the
    period's days are now the query's. The same rows, newest first, at a month's, quarter's and year's edges."""
    from models.lists.entries import Period

    seed_registry(village_db)
    clerk = volunteers(village_db, CLERK)
    days = (date(2024, 12, 31), date(2025, 1, 1), date(2025, 1, 31), date(2025, 2, 1), date(2025, 3, 31),
            date(2025, 4, 1), date(2025, 6, 30), date(2025, 12, 31), date(2026, 1, 1))
    for number, day in enumerate(days):
        clerk.add_participation(("12", "15", "31")[number % 3], "清扫村道", day, 1 + number % 4)
    clerk.discard_participation(clerk.add_participation("15", "记错了", date(2025, 1, 15), 2).id)
    every = clerk.participations()
    for code in ("2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-Q1", "2025-Q2", "2025-Q4", "2025",
                 "2026-01", "2025-05"):
        period = Period.parse(code)
        assert clerk.participations(code) == [p for p in every if period.start <= p.on <= period.end], code
    assert [p.on for p in clerk.participations("2025-Q1")] == [date(2025, 3, 31), date(2025, 2, 1),
                                                              date(2025, 1, 31), date(2025, 1, 1)]
