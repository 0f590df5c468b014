"""Undoable edits on the workflow screen: replying to an opinion (the step pages push StoreCommands directly)."""
from __future__ import annotations

from datetime import date

from models.core.changes import Changed
from models.workflow.ports import OpinionStore
from models.workflow.records import Disposition, Opinion
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class ReplyOpinionCommand(StoreCommand[Changed]):
    """Record a reply; undo withdraws it (the reply row is kept as a tombstone). Both writes say what changed."""

    def __init__(self, store: OpinionStore, bus: DataBus, opinion: Opinion, disposition: Disposition,
                 reason: str, by: str, on: date) -> None:
        super().__init__(f"答复{opinion.title}", bus, None,
                         lambda: store.reply_opinion(opinion.id, disposition, reason, by, on),
                         lambda _reply: store.withdraw_reply(opinion.id))
