"""Undo commands of the rules screen: every article edit swaps a whole draft version before ↔ after."""
from __future__ import annotations

from models.core.changes import Changed
from models.rules.document import RuleVersion
from models.rules.ports import ChangeReasonStore, RulebookStore
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class EditVersionCommand(StoreCommand[Changed]):
    """One edit of a draft (text, insert, delete, move, split, merge); pushing it writes the draft."""

    def __init__(self, store: RulebookStore, bus: DataBus, before: RuleVersion, after: RuleVersion,
                 text: str) -> None:
        super().__init__(text, bus, None, lambda: store.save_version(after), lambda _done: store.save_version(before))


class SetChangeReasonCommand(StoreCommand[Changed]):
    """Edit the reason for one change in the 修改对照表 of a version."""

    def __init__(self, store: ChangeReasonStore, bus: DataBus, version_id: str, article_key: str,
                 before: str, after: str) -> None:
        super().__init__("修改理由", bus, None, lambda: store.set_change_reason(version_id, article_key, after),
                         lambda _done: store.set_change_reason(version_id, article_key, before))
