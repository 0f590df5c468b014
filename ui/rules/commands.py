"""Undo commands of the rules screen: every article edit swaps a whole draft version before ↔ after."""
from __future__ import annotations

from models.core.changes import Changed, Entity
from models.rules.document import RuleVersion
from models.rules.ports import RulebookStore
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class EditVersionCommand(StoreCommand[None]):
    """One edit of a draft (text, insert, delete, move, split, merge); pushing it writes the draft."""

    def __init__(self, store: RulebookStore, bus: DataBus, before: RuleVersion, after: RuleVersion,
                 text: str) -> None:
        super().__init__(text, bus, Changed(Entity.RULEBOOK, frozenset({after.rulebook_id})),
                         lambda: store.save_version(after), lambda _none: store.save_version(before))


class SetChangeReasonCommand(StoreCommand[None]):
    """Edit the reason for one change in the 修改对照表 of a version."""

    def __init__(self, store: RulebookStore, bus: DataBus, rulebook_id: str, version_id: str, article_key: str,
                 before: str, after: str) -> None:
        super().__init__("修改理由", bus, Changed(Entity.RULEBOOK, frozenset({rulebook_id})),
                         lambda: store.set_change_reason(version_id, article_key, after),
                         lambda _none: store.set_change_reason(version_id, article_key, before))
