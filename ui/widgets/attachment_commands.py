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


class _AttachmentCommand(QUndoCommand):
    """Each write announces `notice` on the bus; a refusal leaves the command obsolete (the stack drops it) with
    `error` for the panel to show."""

    def __init__(self, text: str, store: AttachmentStore, bus: DataBus, notice: Changed) -> None:
        super().__init__(text)
        self._store, self._bus, self._notice = store, bus, notice
        self.error: DomainError | None = None

    def _write(self, write: Callable[[], object]) -> None:
        try:
            write()
        except DomainError as error:
            self.error = error
            self.setObsolete(True)
            return
        self._bus.changed.emit(self._notice)


class AddAttachmentCommand(_AttachmentCommand):
    """添加附件: the first redo copies the file in; undo withdraws it, a later redo restores it."""

    def __init__(self, store: AttachmentStore, bus: DataBus, owner: AttachmentOwner, source: Path,
                 notice: Changed, opinion_id: str = "") -> None:
        super().__init__(f"添加{owner.kind.noun} {source.name}", store, bus, notice)
        self._owner, self._source, self._opinion_id = owner, source, opinion_id
        self.attachment_id = ""

    def redo(self) -> None:
        self._write(self._restore if self.attachment_id else self._attach)

    def undo(self) -> None:
        self._write(lambda: self._store.remove(self.attachment_id))

    def _attach(self) -> None:
        self.attachment_id = self._store.attach(self._owner, self._source, opinion_id=self._opinion_id).id

    def _restore(self) -> None:
        self._store.restore(self.attachment_id)


class RemoveAttachmentCommand(_AttachmentCommand):
    """移除附件 (withdrawn, never erased); undo brings it back."""

    def __init__(self, store: AttachmentStore, bus: DataBus, attachment: Attachment, notice: Changed) -> None:
        super().__init__(f"移除{attachment.owner_kind.noun} {attachment.file_name}", store, bus, notice)
        self._id = attachment.id

    def redo(self) -> None:
        self._write(lambda: self._store.remove(self._id))

    def undo(self) -> None:
        self._write(lambda: self._store.restore(self._id))


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
