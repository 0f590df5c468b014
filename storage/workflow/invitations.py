"""Step 2: the invitation letters (邀请函) and their replies."""
from __future__ import annotations

from datetime import date

from models.core.changes import Changed
from models.workflow.record_rules import invitation_problem, refuse
from models.workflow.records import Invitation, InvitationReply
from storage.workflow import rows as load
from storage.workflow.aggregate import WorkflowAggregate, changed


class SqliteInvitationStore(WorkflowAggregate):
    """Implements models.workflow.ports.InvitationStore over workflow_invitations."""

    def add_invitation(self, rulebook_id: str, invitation: Invitation) -> Changed:
        self._edit()
        refuse(invitation_problem(invitation.name))
        with self._db.atomic():
            row = self._insert("workflow_invitations", {
                "revision_id": self._require_revision(rulebook_id), "name": invitation.name.strip(),
                "villager_id": invitation.villager_id, "capacity": invitation.capacity,
                "womens_representative": int(invitation.womens_representative),
                "village_unit": int(invitation.village_unit), "sent_on": load.iso(invitation.sent_on),
                "expires_on": load.iso(invitation.expires_on), "reply": invitation.reply.value,
                "replied_on": load.iso(invitation.replied_on)})
        return changed(str(row["id"]))

    def withdraw_invitation(self, invitation_id: str) -> Changed:
        return self._withdraw("workflow_invitations", invitation_id)

    def restore_invitation(self, invitation_id: str) -> Changed:
        return self._set(invitation_id, {"deleted": 0})

    def reply_invitation(self, invitation_id: str, reply: InvitationReply, on: date) -> Changed:
        return self._set(invitation_id, {"reply": reply.value, "replied_on": on.isoformat()})

    def set_invitation_reply(self, invitation_id: str, reply: str, replied_on: date | None,
                             expires_on: date | None) -> Changed:
        """Set the reply, reply date and expiry exactly as given (what an undo puts back)."""
        return self._set(invitation_id, {"reply": reply, "replied_on": load.iso(replied_on),
                                         "expires_on": load.iso(expires_on)})

    def _set(self, invitation_id: str, values: dict[str, object]) -> Changed:
        self._edit()
        with self._db.atomic():
            self._update("workflow_invitations", invitation_id, values)
        return changed(invitation_id)
