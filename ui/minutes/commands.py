"""Undoable edits of a draft record: pushing the command writes it (STYLE.md §4)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtGui import QUndoCommand

from models.attachments import AttachmentKind, MeetingAttachment
from models.changes import Changed, Entity
from models.meeting_settings import ProvinceRules
from models.meeting_template import RecordTemplate
from models.meetings import Meeting
from models.ports import MeetingStore
from ui.bus import DataBus
from ui.widgets.store_command import StoreCommand

SAVE_DRAFT_ID = 4001


class SaveDraftCommand(StoreCommand[None]):
    """Autosave of a draft: before → after. Consecutive autosaves of one record merge into one undo step."""

    def __init__(self, store: MeetingStore, bus: DataBus, before: Meeting, after: Meeting,
                 on_written: Callable[[Meeting], None]) -> None:
        # No bus for the base: the notice goes out before on_written, as the editor expects (see _write).
        super().__init__(f"修改会议记录 {after.number}", None, None,
                         lambda: self._write(self._after), lambda _none: self._write(self._before))
        self._store, self._draft_bus, self._before, self._after = store, bus, before, after
        self._on_written = on_written

    def id(self) -> int:
        return SAVE_DRAFT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # A failed autosave is obsolete: QUndoStack tries the merge before dropping it, so refuse it here.
        if not isinstance(other, SaveDraftCommand) or other._after.id != self._after.id or other.isObsolete():
            return False
        self._after = other._after
        return True

    def _write(self, meeting: Meeting) -> None:
        written = self._store.save_draft(meeting)
        self._draft_bus.changed.emit(_changed(meeting.id))
        self._on_written(written)


class AddAttachmentCommand(StoreCommand[str]):
    """添加附件 to a draft: the first redo copies the file in; undo withdraws it, a later redo restores it."""

    def __init__(self, store: MeetingStore, bus: DataBus, meeting_id: str, source: Path,
                 kind: AttachmentKind) -> None:
        super().__init__(f"添加附件 {source.name}", bus, _changed(meeting_id),
                         lambda: store.attach(meeting_id, source, kind).id,
                         store.remove_attachment, store.restore_attachment)

    @property
    def attachment_id(self) -> str | None:
        return self.result


class RemoveAttachmentCommand(StoreCommand[None]):
    """移除附件 of a draft (withdrawn, never erased); undo brings it back."""

    def __init__(self, store: MeetingStore, bus: DataBus, attachment: MeetingAttachment) -> None:
        super().__init__(f"移除附件 {attachment.file_name}", bus, _changed(attachment.meeting_id),
                         lambda: store.remove_attachment(attachment.id),
                         lambda _none: store.restore_attachment(attachment.id))


class SetProvinceRulesCommand(StoreCommand[None]):
    """本省规定 (R8) changed: undo puts the earlier rule back. A refusal (no permission) drops the command."""

    def __init__(self, store: MeetingStore, bus: DataBus, before: ProvinceRules, after: ProvinceRules) -> None:
        super().__init__("修改本省规定", bus, Changed(Entity.MEETING, frozenset()),
                         lambda: store.set_province_rules(after.rules_by_representatives, after.basis),
                         lambda _none: store.set_province_rules(before.rules_by_representatives, before.basis))


class SetTemplateCommand(StoreCommand[None]):
    """记录本格式 (R18) changed: undo puts the earlier template back. A refusal drops the command."""

    def __init__(self, store: MeetingStore, bus: DataBus, before: RecordTemplate, after: RecordTemplate) -> None:
        super().__init__("修改记录本格式", bus, Changed(Entity.MEETING, frozenset()),
                         lambda: store.set_record_template(after), lambda _none: store.set_record_template(before))


def _changed(meeting_id: str) -> Changed:
    return Changed(Entity.MEETING, frozenset({meeting_id}))
