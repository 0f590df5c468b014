"""The opinion register numbers 1, 2, 3 after an undo and redo, or a withdrawal, and the printed statement agrees."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.core.accounts import Actor
from models.workflow.records import Channel, OpinionKind
from printing.workflow.adoption_statement_pdf import AdoptionStatement, render_adoption_statement_pdf
from storage.core.db import Database
from storage.core.backend import build_stores
from storage.workflow.stores import SqliteWorkflowStores
from tests.conftest import admin_of
from tests.printing import pdfcheck
from tests.storage.workflow_setup import rulebook_in_force, walk_to_step_5
from tests.templates import build_template, open_copy

TODAY = date(2026, 2, 1)


@pytest.fixture
def store(village_db: Database, admin: Actor) -> SqliteWorkflowStores:
    return build_stores(village_db, admin).workflow


def _walked_to_step_5(template: Path, path: Path) -> Database:
    database = open_copy(template, path)
    actor = admin_of(database)
    walk_to_step_5(database, actor, build_stores(database, actor).workflow, rulebook_in_force(database, actor), TODAY)
    return database


@pytest.fixture(scope="module")
def _at_step_5(_village_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The village walked to step 5 once for the module; each test gets a copy as its `village_db`."""
    return build_template(tmp_path_factory.mktemp("step-5"), "village.sqlite3",
                          lambda path: _walked_to_step_5(_village_template, path))


@pytest.fixture
def village_db(_at_step_5: Path, tmp_path: Path) -> Database:
    return open_copy(_at_step_5, tmp_path / "village.sqlite3")


@pytest.fixture
def rulebook_id(village_db: Database) -> str:
    """At step 5 with opinions 1 and 2 registered."""
    (rulebook_id,) = village_db.conn.execute("SELECT id FROM rulebooks").fetchone()
    return str(rulebook_id)


def _add(store: SqliteWorkflowStores, rulebook_id: str, name: str,
         kind: OpinionKind = OpinionKind.OPINION) -> str:
    return store.opinions.add_opinion(rulebook_id, kind, name, Channel.BOX, TODAY, f"{name}的意见").id


def _numbers(store: SqliteWorkflowStores, rulebook_id: str, kind: OpinionKind = OpinionKind.OPINION) -> list[int]:
    return sorted(o.number for o in store.opinions.opinions(rulebook_id) if o.kind is kind)


def test_redo_after_undo_gives_the_same_number_back(store: SqliteWorkflowStores, rulebook_id: str) -> None:
    """The undo command withdraws the entry (a tombstone); its redo registers it again."""
    assert _numbers(store, rulebook_id) == [1, 2]
    store.opinions.withdraw_opinion(_add(store, rulebook_id, "王堌"))
    assert _numbers(store, rulebook_id) == [1, 2]
    _add(store, rulebook_id, "王堌")
    assert _numbers(store, rulebook_id) == [1, 2, 3]


def test_a_withdrawn_last_number_goes_to_the_next_entry(store: SqliteWorkflowStores, rulebook_id: str) -> None:
    store.opinions.withdraw_opinion(_add(store, rulebook_id, "误录"))
    store.opinions.withdraw_opinion(_add(store, rulebook_id, "又误录"))
    _add(store, rulebook_id, "李垕")
    _add(store, rulebook_id, "张䶮")
    assert _numbers(store, rulebook_id) == [1, 2, 3, 4]
    assert [o.name for o in sorted(store.opinions.opinions(rulebook_id), key=lambda o: o.number)][2:] == ["李垕", "张䶮"]


def test_live_numbers_never_move(store: SqliteWorkflowStores, rulebook_id: str, village_db: Database) -> None:
    """Withdrawing an earlier entry does not renumber later ones: a number may already be on a reply."""
    third = _add(store, rulebook_id, "王堌")
    _add(store, rulebook_id, "李垕")
    store.opinions.withdraw_opinion(third)
    assert _numbers(store, rulebook_id) == [1, 2, 4]
    withdrawn = village_db.conn.execute("SELECT number, deleted FROM workflow_opinions WHERE id = ?",
                                        (third,)).fetchone()
    assert tuple(withdrawn) == (3, 1)  # the tombstone keeps which entry it was


def test_objections_are_numbered_on_their_own(store: SqliteWorkflowStores, rulebook_id: str) -> None:
    store.opinions.withdraw_opinion(_add(store, rulebook_id, "龙二", OpinionKind.OBJECTION))
    _add(store, rulebook_id, "龙二", OpinionKind.OBJECTION)
    assert _numbers(store, rulebook_id, OpinionKind.OBJECTION) == [1]
    assert _numbers(store, rulebook_id) == [1, 2]


def test_printed_statement_has_no_gap_after_undo_and_redo(store: SqliteWorkflowStores, rulebook_id: str) -> None:
    store.opinions.withdraw_opinion(_add(store, rulebook_id, "王堌"))
    _add(store, rulebook_id, "王堌")
    opinions = tuple(o for o in store.opinions.opinions(rulebook_id) if o.kind is OpinionKind.OPINION)
    data = render_adoption_statement_pdf(AdoptionStatement("青石村村规民约", "青石村村民委员会", TODAY, opinions))
    text = pdfcheck.text_of(data)
    pdfcheck.assert_in_order(data, ["共收到意见3条", "1杨某", "2石某", "3王某意见箱"])
    assert "4王某" not in text
