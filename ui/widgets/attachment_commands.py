"""Undoable 添加附件 / 移除附件 of any owner (a draft record, an unfinished step, an entry in 提名), and the
read-only copy an attachment is opened from."""
from __future__ import annotations

import shutil
import stat
import tempfile
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from models.core.attachments import Attachment, AttachmentOwner
from models.core.changes import Changed
from models.core.errors import DomainError
from models.core.ports import AttachmentStore
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class AddAttachmentCommand(StoreCommand[Changed]):
    """添加附件: the first redo copies the file in; undo withdraws it, a later redo restores it. Each write's
    change (the attachment and its owner) is what the bus hears."""

    def __init__(self, store: AttachmentStore, bus: DataBus, owner: AttachmentOwner, source: Path,
                 opinion_id: str = "") -> None:
        super().__init__(f"添加{owner.kind.noun} {source.name}", bus, None,
                         lambda: store.attach(owner, source, opinion_id=opinion_id),
                         lambda added: store.remove(added.id), lambda added: store.restore(added.id))

    @property
    def attachment_id(self) -> str:
        return self.result.id if self.result is not None else ""


class RemoveAttachmentCommand(StoreCommand[Changed]):
    """移除附件 (withdrawn, never erased); undo brings it back."""

    def __init__(self, store: AttachmentStore, bus: DataBus, attachment: Attachment) -> None:
        super().__init__(f"移除{attachment.owner_kind.noun} {attachment.file_name}", bus, None,
                         lambda: store.remove(attachment.id), lambda _removed: store.restore(attachment.id))


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
