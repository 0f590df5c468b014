"""Store interface (Protocol) of the revision workflow's settings (its attachments are on `AttachmentStore`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.workflow.guards import WorkflowSettings


class WorkflowSettingsStore(Protocol):
    """修订设置 per revision: filing deadline, minimum publicity, whether representatives may vote (R8, R24, R47)."""

    def settings(self, rulebook_id: str) -> WorkflowSettings: ...

    def set_settings(self, rulebook_id: str, filing_days: int, publicity_min_days: int,
                     representatives_may_vote: bool) -> None:
        """Approvers only; DomainError (Chinese) when `WorkflowSettings.problem` refuses the change."""
        ...
