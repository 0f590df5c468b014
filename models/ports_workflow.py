"""Store interfaces (Protocols) of the revision workflow's settings and step attachments (scans, photos)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.attachments import AttachmentKind, StepAttachment
    from models.workflow import WorkflowStep
    from models.workflow_guards import WorkflowSettings


class WorkflowSettingsStore(Protocol):
    """修订设置 per revision: filing deadline, minimum publicity, whether representatives may vote (R8, R24, R47)."""

    def settings(self, rulebook_id: str) -> WorkflowSettings: ...

    def set_settings(self, rulebook_id: str, filing_days: int, publicity_min_days: int,
                     representatives_may_vote: bool) -> None:
        """Approvers only; DomainError (Chinese) when `WorkflowSettings.problem` refuses the change."""
        ...


class StepAttachmentStore(Protocol):
    """Scans and photos kept with a step (signed sheets, the notice on the board, returned forms, receipts)."""

    def step_attachments(self, rulebook_id: str, step: WorkflowStep | None = None) -> list[StepAttachment]: ...

    def attach_to_step(self, rulebook_id: str, step: WorkflowStep, source: Path, kind: AttachmentKind,
                       note: str = "", opinion_id: str = "") -> StepAttachment:
        """Copy the file in (once per content); refused before the step has started."""
        ...

    def remove_step_attachment(self, attachment_id: str) -> None:
        """Withdraw one added by mistake; refused once the step is finished."""
        ...

    def restore_step_attachment(self, attachment_id: str) -> None: ...

    def step_attachment_file(self, attachment_id: str) -> Path:
        """The file on disk, to open; NotFound while a synced file's content has not arrived."""
        ...
