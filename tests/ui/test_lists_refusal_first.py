"""红黑榜's irreversible acts check the rule first: a refused act shows its reasons and never the confirmation."""
from __future__ import annotations

from PySide6.QtCore import Qt

import pytest

from models.core.errors import DomainError
from models.lists.entries import EntryState, ListKind, WithdrawReason
from models.lists.workflow import Nomination, refuse_refusals, withdraw_refusals
from storage.core.backend import SqliteBackend
from tests.list_fixtures import seed_registry
from tests.ui.modal import answer_next_box
from tests.ui.test_lists_screen import DAY, _screen

LEFT = Qt.MouseButton.LeftButton


def _nominated(stores) -> str:  # type: ignore[no-untyped-def]
    nomination = Nomination(ListKind.YELLOW, "2025-03", "3月2日在村道旁堆放建筑垃圾，经提醒未清理", "网格员龙德军")
    return stores.list_entries.nominate(nomination, "12", "第十二条", on=DAY).id


def test_publishing_during_publicity_shows_the_rule_not_the_confirmation(qtbot, qtmodeltester,
                                                                          backend: SqliteBackend, stores) -> None:
    screen = _screen(qtbot, qtmodeltester, backend, stores)
    entry_id = _nominated(stores)
    for _ in range(3):
        stores.list_entries.advance(entry_id, "同意", on=DAY)
    assert stores.list_entries.entry(entry_id).state is EntryState.PUBLICITY
    screen.reload()
    screen.select_entry(entry_id)
    seen = answer_next_box("OK", then="OK")  # `then`: the old code's failure box after its confirmation
    qtbot.mouseClick(screen.advance_button, LEFT)
    seen.then.timer.stop()
    assert seen.opened and seen.title == "还不能公示 → 发布" and "公示期至" in seen.text and "期满后才能发布" in seen.text
    assert stores.list_entries.entry(entry_id).state is EntryState.PUBLICITY
    assert stores.list_entries.advance_refusals(entry_id, on=DAY) == [seen.text]  # the store's own reasons


def test_an_allowed_step_asks_its_confirmation(qtbot, qtmodeltester, backend: SqliteBackend, stores) -> None:
    screen = _screen(qtbot, qtmodeltester, backend, stores)
    entry_id = _nominated(stores)
    screen.reload()
    screen.select_entry(entry_id)
    seen = answer_next_box("OK")
    qtbot.mouseClick(screen.advance_button, LEFT)
    assert seen.opened and seen.title == "提名 → 执委会评议"
    assert stores.list_entries.entry(entry_id).state is EntryState.ASSESSED


def test_the_store_refuses_with_the_reasons_the_screen_shows_first(qtbot, qtmodeltester, backend: SqliteBackend,
                                                                   stores) -> None:
    seed_registry(backend.db)
    entry_id = _nominated(stores)
    entry = stores.list_entries.entry(entry_id)
    assert withdraw_refusals(entry, stores.actor) == ["只有公示中或已发布的条目才能撤榜；该条目当前为“提名”。"]
    with pytest.raises(DomainError) as raised:
        stores.list_entries.withdraw(entry_id, WithdrawReason.RECTIFIED, "", on=DAY)
    assert raised.value.message == withdraw_refusals(entry, stores.actor)[0]
    for _ in range(3):
        stores.list_entries.advance(entry_id, "同意", on=DAY)
    refusals = stores.list_entries.advance_refusals(entry_id, on=DAY)
    with pytest.raises(DomainError) as raised:
        stores.list_entries.advance(entry_id, "公示期满", on=DAY)
    assert raised.value.message == refusals[0]
    assert refuse_refusals(stores.list_entries.entry(entry_id), stores.actor) == []
