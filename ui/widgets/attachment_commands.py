"""Undoable 添加附件 / 移除附件 of any owner (a draft record, an unfinished step, an entry in 提名), and the
read-only copy an attachment is opened from."""
from __future__ import annotations

import shutil
import stat
import tempfile
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from models.attachments import Attachment, AttachmentOwner
from models.changes import Changed
from models.errors import DomainError
from models.ports import AttachmentStore
from ui.bus import DataBus


class AddAttachmentCommand(QUndoCommand):
    """添加附件: the first redo copies the file in; undo withdraws it, a later redo restores it. A refusal leaves
    the command obsolete (dropped from the stack) with `error` for the panel to show."""

    def __init__(self, store: AttachmentStore, bus: DataBus, owner: AttachmentOwner, source: Path,
                 notice: Changed, opinion_id: str = "") -> None:
        super().__init__(f"添加{owner.kind.noun} {source.name}")
        self._store, self._bus, self._owner, self._source = store, bus, owner, source
        self._notice, self._opinion_id = notice, opinion_id
        self.attachment_id = ""
        self.error: DomainError | None = None

    def redo(self) -> None:
        if self.attachment_id:
            self._store.restore(self.attachment_id)
        else:
            try:
                self.attachment_id = self._store.attach(self._owner, self._source, opinion_id=self._opinion_id).id
            except DomainError as error:
                self.error = error
                self.setObsolete(True)
                return
        self._bus.changed.emit(self._notice)

    def undo(self) -> None:
        self._store.remove(self.attachment_id)
        self._bus.changed.emit(self._notice)


class RemoveAttachmentCommand(QUndoCommand):
    """移除附件 (withdrawn, never erased); undo brings it back. A refusal drops it, with `error`."""

    def __init__(self, store: AttachmentStore, bus: DataBus, attachment: Attachment, notice: Changed) -> None:
        super().__init__(f"移除{attachment.owner_kind.noun} {attachment.file_name}")
        self._store, self._bus, self._id, self._notice = store, bus, attachment.id, notice
        self.error: DomainError | None = None

    def redo(self) -> None:
        try:
            self._store.remove(self._id)
        except DomainError as error:
            self.error = error
            self.setObsolete(True)
            return
        self._bus.changed.emit(self._notice)

    def undo(self) -> None:
        self._store.restore(self._id)
        self._bus.changed.emit(self._notice)


def open_copy(stored: Path, attachment: Attachment) -> Path:
    """A read-only copy under its own name (the store names files by hash), so the viewer knows the type."""
    folder = Path(tempfile.gettempdir()) / "xiangyue-attachments" / attachment.sha256[:16]
    target = folder / Path(attachment.file_name).name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored, target)
        target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return target


def show_copy(parent: QWidget, stored: Callable[[], Path], attachment: Attachment) -> None:
    """Open a read-only copy in the system viewer; a missing or damaged file is a Chinese message, not a crash."""
    try:
        copy = open_copy(stored(), attachment)
    except DomainError as error:
        QMessageBox.warning(parent, f"无法打开{attachment.owner_kind.noun}", error.message)
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
