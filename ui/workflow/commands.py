"""Undoable edits on the workflow screen: replying to an opinion (the step pages push StoreCommands directly)."""
from __future__ import annotations

from datetime import date

from models.core.changes import Changed, Entity
from models.workflow.ports import WorkflowStore
from models.workflow.records import Disposition, Opinion
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class ReplyOpinionCommand(StoreCommand[None]):
    """Record a reply; undo withdraws it (the reply row is kept as a tombstone)."""

    def __init__(self, store: WorkflowStore, bus: DataBus, opinion: Opinion, disposition: Disposition,
                 reason: str, by: str, on: date) -> None:
        super().__init__(f"答复{opinion.title}", bus, Changed(Entity.WORKFLOW, frozenset({opinion.id})),
                         lambda: store.reply_opinion(opinion.id, disposition, reason, by, on),
                         lambda _none: store.withdraw_reply(opinion.id))
