"""续期 (R29): only an entry that was up is renewed, for a later cycle, once; black never past 3 months in all."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.lists.workflow import Nomination, next_period
from models.lists.entries import EntryState, ListKind, Period, WithdrawReason
from storage.core.db import Database
from tests.list_fixtures import APPROVER, CLERK, SUPERVISOR, seed_registry, store, written
from tests.printing.test_board_pdf import DAY, PUBLISHED, publish


def _walk(db: Database, entry_id: str, start: date, published: date, override: str = "") -> None:
    store(db, APPROVER).advance(entry_id, "评议同意", override, on=start)
    for actor, note, on in ((SUPERVISOR, "审核同意", start), (APPROVER, "书面告知", start),
                            (APPROVER, "公示无异议", published)):
        store(db, actor).advance(entry_id, note, on=on)


@pytest.mark.parametrize(("code", "following"), [("2025-03", "2025-04"), ("2025-12", "2026-01"),
                                                 ("2025-Q4", "2026-Q1"), ("2025", "2026")])
def test_next_period(code: str, following: str) -> None:
    assert next_period(Period.parse(code)).code == following


def test_renewal_is_a_new_nomination_that_runs_the_whole_review(village_db: Database) -> None:
    seed_registry(village_db)
    publish(village_db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    (old,) = store(village_db, CLERK).entries("2025-03")
    with pytest.raises(DomainError, match="原周期"):
        store(village_db, CLERK).renew(old.id, "2025-03", on=PUBLISHED)
    clerk = store(village_db, CLERK)
    new = written(clerk, clerk.renew(old.id, "2025-04", on=PUBLISHED))
    warnings = clerk.nomination_blockers(new.id, PUBLISHED)
    assert (new.state, new.period, new.renews_id, new.facts, warnings) == \
        (EntryState.NOMINATED, "2025-04", old.id, old.facts, [])
    assert new.article == old.article  # the article stays pinned to the version cited
    with pytest.raises(DomainError, match="不能重复续期"):
        store(village_db, CLERK).renew(old.id, "2025-05", on=PUBLISHED)
    store(village_db, CLERK).discard_nomination(new.id)  # the screen's undo
    again = written(store(village_db, CLERK), store(village_db, CLERK).renew(old.id, "2025-04", on=PUBLISHED))
    assert again.renews_id == old.id


def test_only_published_or_expired_entries_are_renewed(village_db: Database) -> None:
    seed_registry(village_db)
    clerk = store(village_db, CLERK)
    pending = written(clerk, clerk.nominate(Nomination(ListKind.YELLOW, "2025-03", "3月9日在河边焚烧秸秆", "网格员龙德军"),
                                            "31", "第12条", on=DAY))
    with pytest.raises(DomainError, match="只有已发布或期满撤榜"):
        store(village_db, CLERK).renew(pending.id, "2025-04", on=DAY)
    publish(village_db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    rectified = next(e for e in store(village_db, CLERK).entries("2025-03") if e.household_no == "12")
    store(village_db, APPROVER).withdraw(rectified.id, WithdrawReason.RECTIFIED, "已清理", on=PUBLISHED)
    with pytest.raises(DomainError, match="整改到位"):
        store(village_db, CLERK).renew(rectified.id, "2025-04", on=PUBLISHED)
    publish(village_db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    store(village_db, APPROVER).expire_due(date(2025, 4, 1))
    expired = next(e for e in store(village_db, CLERK).entries("2025-03") if e.household_no == "15")
    assert expired.end_reason == WithdrawReason.PERIOD_ENDED.label
    clerk = store(village_db, CLERK)
    assert written(clerk, clerk.renew(expired.id, "2025-04", on=date(2025, 4, 1))).renews_id == expired.id


def test_black_renewals_stop_at_three_months(village_db: Database) -> None:
    seed_registry(village_db)
    publish(village_db, ListKind.YELLOW, "12", "第12条", "2月在村道旁堆放建筑垃圾，提醒后未清理")
    clerk = store(village_db, CLERK)
    black = written(clerk, clerk.nominate(Nomination(ListKind.BLACK, "2025-03", "3月再次在村道旁堆放建筑垃圾",
                                                     "网格员龙德军"), "12", "第12条", on=DAY))
    _walk(village_db, black.id, DAY, PUBLISHED, "情节严重，两委研究同意")  # published 2025-03-12
    april = written(clerk, clerk.renew(black.id, "2025-04", on=date(2025, 3, 31)))
    _walk(village_db, april.id, date(2025, 3, 31), date(2025, 4, 8))
    may = written(clerk, clerk.renew(april.id, "2025-05", on=date(2025, 4, 30)))
    _walk(village_db, may.id, date(2025, 4, 30), date(2025, 5, 8))
    with pytest.raises(DomainError, match="最长张贴 3 个月"):
        store(village_db, CLERK).renew(may.id, "2025-06", on=date(2025, 5, 31))
