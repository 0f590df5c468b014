"""Undoable edits of a draft record and of the minutes settings: pushing the command writes it (STYLE.md §4)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from models.core.changes import Changed
from models.minutes.meetings import Meeting
from models.minutes.ports import MeetingStore, MinutesSettingsStore
from models.minutes.settings import ProvinceRules
from models.minutes.template import RecordTemplate
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand

SAVE_DRAFT_ID = 4001


class SaveDraftCommand(StoreCommand[None]):
    """Autosave of a draft: before → after. Consecutive autosaves of one record merge into one undo step."""

    def __init__(self, store: MeetingStore, bus: DataBus, before: Meeting, after: Meeting,
                 on_written: Callable[[Meeting], None]) -> None:
        # No bus for the base: the editor learns the record as written before the screen hears of it (see _write).
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
        changed = self._store.save_draft(meeting)
        self._on_written(self._store.get(changed.id))
        self._draft_bus.changed.emit(changed)


class SetProvinceRulesCommand(StoreCommand[Changed]):
    """本省规定 (R8) changed: undo puts the earlier rule back. A refusal (no permission) drops the command."""

    def __init__(self, store: MinutesSettingsStore, bus: DataBus, before: ProvinceRules,
                 after: ProvinceRules) -> None:
        super().__init__("修改本省规定", bus, None,
                         lambda: store.set_province_rules(after.rules_by_representatives, after.basis),
                         lambda _none: store.set_province_rules(before.rules_by_representatives, before.basis))


class SetTemplateCommand(StoreCommand[Changed]):
    """记录本格式 (R18) changed: undo puts the earlier template back. A refusal drops the command."""

    def __init__(self, store: MinutesSettingsStore, bus: DataBus, before: RecordTemplate,
                 after: RecordTemplate) -> None:
        super().__init__("修改记录本格式", bus, None,
                         lambda: store.set_record_template(after), lambda _none: store.set_record_template(before))
