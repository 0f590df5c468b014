"""R10 proposals to convene a meeting (提议召集): recorded, listed as tasks until a meeting answers them."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import NotFound
from models.minutes.convene import ConveneBody, ConveneProposal, check_answer
from models.minutes.ports import MeetingStore
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.minutes.rows import rows


class SqliteConveneStore(SqliteStore):
    """Implements models.minutes.ports.ConveneStore; an answer is checked against the meeting `meetings` gives."""

    def __init__(self, db: Database, actor: Actor, meetings: MeetingStore) -> None:
        super().__init__(db, actor)
        self._meetings = meetings

    def proposals(self, open_only: bool = False) -> list[ConveneProposal]:
        """Newest first; `open_only`: proposals that oblige a meeting not yet held."""
        found = [_proposal(row) for row in rows(self._db, """
            SELECT p.*, COALESCE(m.number, '') AS meeting_number FROM convene_proposals p
            LEFT JOIN meetings m ON m.id = p.meeting_id AND m.deleted = 0
            WHERE p.deleted = 0 ORDER BY p.received_on DESC, p.created_at DESC""", [])]
        return [p for p in found if p.open] if open_only else found

    def record_proposal(self, proposal: ConveneProposal) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            row = self._insert("convene_proposals", {
                "body": proposal.body.value, "received_on": proposal.received.isoformat(),
                "subject": proposal.subject, "signatures": proposal.signatures, "base": proposal.base,
                "lead_signer": proposal.lead_signer, "due_date": proposal.due.isoformat() if proposal.due else None,
                "meeting_id": ""}, summary=f"登记提议召集{proposal.body.label}：{proposal.subject}（{proposal.reason}）")
        return Changed.one(Entity.CONVENE_PROPOSAL, row["id"])

    def proposal(self, proposal_id: str) -> ConveneProposal:
        found = [p for p in self.proposals() if p.id == proposal_id]
        if not found:
            raise NotFound("找不到这项提议召集的记录。")
        return found[0]

    def answer_proposal(self, proposal_id: str, meeting_id: str) -> Changed:
        """Link the meeting that was convened in answer; '' unlinks (undo of a link)."""
        self._require(Permission.EDIT_RECORDS)
        proposal = self.proposal(proposal_id)
        if meeting_id:
            meeting = self._meetings.get(meeting_id)
            check_answer(proposal, meeting.type_code, meeting.on)
            meeting_id = meeting.id
        with self._db.atomic():
            self._update("convene_proposals", proposal_id, {"meeting_id": meeting_id})
        return Changed.one(Entity.CONVENE_PROPOSAL, proposal_id)

    def overdue_proposals(self, today: date) -> list[ConveneProposal]:
        return [p for p in self.proposals(open_only=True) if p.overdue(today)]


def _proposal(row: dict[str, Any]) -> ConveneProposal:
    return ConveneProposal(ConveneBody(row["body"]), date.fromisoformat(row["received_on"]), row["subject"],
                           row["signatures"], row["base"], row["lead_signer"],
                           date.fromisoformat(row["due_date"]) if row["due_date"] else None, row["meeting_id"],
                           row["meeting_number"], row["id"])
