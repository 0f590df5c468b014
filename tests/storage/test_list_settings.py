"""榜单设置: saved per village (audited, synced), checked against R28–R32, and used by the store at once."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.core.changes import Entity
from models.core.errors import DomainError, PermissionDenied
from models.lists.settings import REQUIRED_WORDS, default_period, make_list_settings, parse_words
from models.lists.workflow import Nomination
from models.lists.entries import DEFAULT_STIGMATISING_WORDS, ListKind, ListSettings, PeriodKind
from storage.core.db import Database
from storage.lists.settings import read_list_settings
from tests.list_fixtures import APPROVER, CLERK, SUPERVISOR, lists, seed_registry, store, written
from tests.printing.test_board_pdf import DAY


def test_defaults_until_saved_then_saved_and_audited(village_db: Database) -> None:
    from models.core.accounts import COMMAND_LINE_ACTOR

    assert read_list_settings(village_db) == ListSettings()
    admin = lists(village_db, COMMAND_LINE_ACTOR).settings
    wanted = ListSettings(PeriodKind.QUARTER, 10, 2, DEFAULT_STIGMATISING_WORDS + ("邋遢",), True)
    assert admin.save_settings(wanted).entity == Entity.LIST_SETTINGS
    assert wanted == admin.settings == read_list_settings(village_db)
    admin.save_settings(replace(wanted, publicity_days=7))
    assert read_list_settings(village_db).publicity_days == 7
    rows = village_db.conn.execute("SELECT COUNT(*) FROM list_settings WHERE deleted = 0").fetchone()[0]
    assert rows == 1
    audit = [r[0] for r in village_db.conn.execute("SELECT summary FROM audit_log WHERE table_name = 'list_settings' "
                                                   "ORDER BY seq")]
    assert "公示期 7→10 天" in audit[0] and "增加禁用词 邋遢" in audit[0] and "按月→按季度" in audit[0]
    assert len(audit) == 2
    logged = village_db.conn.execute("SELECT COUNT(*) FROM change_log WHERE table_name = 'list_settings'")
    assert logged.fetchone()[0] == 2


@pytest.mark.parametrize(("change", "message"), [
    ({"publicity_days": 4}, "不得少于 5 天"), ({"publicity_days": 31}, "5 到 30 天"),
    ({"answer_days": 4}, "3 日内答复"), ({"answer_days": 0}, "1 到 3 天"),
    ({"cycle": PeriodKind.YEAR}, "按月或按季度"),
    ({"stigmatising_words": ("老赖", "懒汉")}, "不能删去厚颜无耻、无赖、败类、可耻"),
    ({"stigmatising_words": REQUIRED_WORDS + ("这不是一个词而是一整句很长的话",)}, "太长"),
])
def test_legal_bounds_are_refused(village_db: Database, change: dict, message: str) -> None:
    from models.core.accounts import COMMAND_LINE_ACTOR

    fields = {"cycle": PeriodKind.MONTH, "publicity_days": 7, "answer_days": 3,
              "stigmatising_words": DEFAULT_STIGMATISING_WORDS, "name_black_list": False} | change
    with pytest.raises(DomainError, match=message):
        make_list_settings(fields["cycle"], fields["publicity_days"], fields["answer_days"],
                           fields["stigmatising_words"], fields["name_black_list"])
    if change.get("publicity_days") != 4:  # ListSettings itself refuses fewer than 5 days
        with pytest.raises(DomainError, match=message):
            lists(village_db, COMMAND_LINE_ACTOR).settings.save_settings(ListSettings(**fields))
    assert read_list_settings(village_db) == ListSettings()


def test_only_who_may_edit_the_village_information_saves(village_db: Database) -> None:
    with pytest.raises(PermissionDenied):
        lists(village_db, APPROVER).settings.save_settings(ListSettings(publicity_days=9))


def test_the_store_uses_the_saved_settings(village_db: Database) -> None:
    from models.core.accounts import COMMAND_LINE_ACTOR

    seed_registry(village_db)
    lists(village_db, COMMAND_LINE_ACTOR).settings.save_settings(
        ListSettings(PeriodKind.MONTH, 9, 3, DEFAULT_STIGMATISING_WORDS + ("邋遢",), False))
    with pytest.raises(DomainError, match="邋遢"):
        store(village_db, CLERK).nominate(Nomination(ListKind.YELLOW, "2025-03", "家里邋遢", "网格员"), "12", "第12条",
                                          on=DAY)
    clerk = store(village_db, CLERK)
    entry = written(clerk, clerk.nominate(Nomination(ListKind.YELLOW, "2025-03", "3月2日堆放杂物未清理", "网格员"), "12",
                                          "第12条", on=DAY))
    store(village_db, APPROVER).advance(entry.id, "评议同意", on=DAY)
    store(village_db, SUPERVISOR).advance(entry.id, "审核同意", on=DAY)
    store(village_db, APPROVER).advance(entry.id, "书面告知", on=DAY)
    assert store(village_db, CLERK).entry(entry.id).publicity_end == DAY + timedelta(8)
    with pytest.raises(DomainError):
        store(village_db, APPROVER).advance(entry.id, "公示期满", on=DAY + timedelta(8))
    store(village_db, APPROVER).advance(entry.id, "公示期满", on=DAY + timedelta(9))
    assert store(village_db, CLERK).entry(entry.id).state.value == "published"


def test_words_and_default_period() -> None:
    assert parse_words("老赖\n懒汉、 无赖，老赖 ;败类") == ("老赖", "懒汉", "无赖", "败类")
    quarterly = ListSettings(cycle=PeriodKind.QUARTER)
    assert default_period(quarterly, date(2025, 8, 9)) == "2025-Q3"
    assert default_period(ListSettings(), date(2025, 8, 9)) == "2025-08"
