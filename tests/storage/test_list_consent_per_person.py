"""R31 per person: an entry naming one villager needs that villager's basis, or a household basis covering all."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.errors import DomainError
from models.lists.entries import ListKind
from models.registry.households import Villager
from storage.core.db import Database
from storage.migrations import migrations
from storage.core.backend import build_stores
from storage.core.tracking import insert_synced
from tests.list_fixtures import APPROVER, CLERK, lists, naming, seed_registry, store
from tests.storage.test_list_store import DAY, nominate, walk_to_publicity

ON = DAY + timedelta(9)


def _publish(db: Database, **extra: object) -> str:
    entry_id = nominate(db, ListKind.RED, article="第8条", **extra)
    walk_to_publicity(db, entry_id)
    store(db, APPROVER).advance(entry_id, on=ON)
    return entry_id


def _who(db: Database) -> dict[str, str]:
    board = lists(db, CLERK).board("2025-03", on=ON)
    return {line.entry_ids[0]: line.who for line in board.red}


def _seed_with_son(db: Database) -> None:
    seed_registry(db)
    build_stores(db, COMMAND_LINE_ACTOR).villagers.save_villager(
        Villager("p-9", "h-1", "杨明", "儿子", birth_date=date(1990, 5, 1), position=2))


def test_household_basis_does_not_name_a_villager_unless_it_covers_all_members(village_db: Database) -> None:
    _seed_with_son(village_db)
    household, son = _publish(village_db), _publish(village_db, villager_id="p-9")
    clerk = naming(village_db, CLERK)
    clerk.record_naming_basis("12", "consent", "户主杨老三 2025年3月1日书面同意", on=date(2025, 3, 1))
    assert _who(village_db) == {household: "三组 杨老三", son: "三组第12号户"}
    clerk.record_naming_basis("12", "consent", "杨明本人 2025年3月2日书面同意", on=date(2025, 3, 2), villager="杨明")
    assert _who(village_db)[son] == "三组 杨明"
    basis = [b for b in clerk.naming_bases() if b.villager_id]
    assert [(b.villager_id, b.all_members) for b in basis] == [("p-9", False)]


def test_a_personal_basis_names_only_that_person(village_db: Database) -> None:
    _seed_with_son(village_db)
    household, head, son = (_publish(village_db), _publish(village_db, villager_id="p-1"),
                            _publish(village_db, villager_id="p-9"))
    naming(village_db, CLERK).record_naming_basis("12", "consent", "杨老三本人书面同意", on=date(2025, 3, 1),
                                                 villager="p-1")
    assert _who(village_db) == {household: "三组第12号户", head: "三组 杨老三", son: "三组第12号户"}


def test_a_household_basis_covering_all_members_names_each(village_db: Database) -> None:
    _seed_with_son(village_db)
    son = _publish(village_db, villager_id="p-9")
    naming(village_db, CLERK).record_naming_basis("12", "statutory", "全户成年成员均签字同意", on=date(2025, 3, 1),
                                                 all_members=True)
    assert _who(village_db)[son] == "三组 杨明"


def test_refusals(village_db: Database) -> None:
    _seed_with_son(village_db)
    clerk = naming(village_db, CLERK)
    with pytest.raises(DomainError, match="未成年人"):
        clerk.record_naming_basis("12", "consent", "监护人同意", villager="杨小宝")
    with pytest.raises(DomainError, match="涵盖全体成员"):
        clerk.record_naming_basis("12", "consent", "杨明同意", villager="杨明", all_members=True)
    with pytest.raises(DomainError, match="没有“吴秀珍”"):
        clerk.record_naming_basis("12", "consent", "同意", villager="吴秀珍")
    assert clerk.naming_bases() == []


def test_m068_keeps_household_bases_as_household_only(tmp_path) -> None:
    db = Database(tmp_path / "old.db")
    migrations.apply(db, stop_before="m068_list_consents_per_villager")
    seed_registry(db, with_rules=False)  # the rules store writes today's schema: seed the rules once it is there
    household_id = db.conn.execute("SELECT id FROM households WHERE household_no = '12'").fetchone()
    with db.atomic():
        insert_synced(db, "list_consents", {"household_id": household_id[0], "kind": "consent", "note": "户主同意",
                                            "recorded_on": "2025-03-01"})
    migrations.apply(db)
    basis = naming(db, CLERK).naming_bases()
    assert [(b.note, b.villager_id, b.all_members) for b in basis] == [("户主同意", "", False)]
