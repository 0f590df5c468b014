"""The rules screen's outline edits: each builds a version → version edit of the draft and pushes it as one undo step."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QLabel, QListView, QMessageBox, QPlainTextEdit, QWidget

from models.core.errors import DomainError
from models.rules.document import (RuleVersion, VersionStatus, add_chapter, delete_article, delete_chapter,
                                   insert_article, merge_articles, move_article, rename_chapter, split_article,
                                   update_article)
from models.core.ports import Stores
from models.rules.ports import RulebookStore
from ui.core.bus import DataBus
from ui.rules.commands import EditVersionCommand
from ui.rules.dialogs import CatalogueDialog
from ui.rules.table_model import OutlineListModel
from ui.widgets.store_command import push_command

class OutlineEdits(QWidget):
    """The editing acts of `RulesScreen` (its base class); the screen builds the widgets and loads the draft."""

    _store: RulebookStore
    _stores: Stores
    _bus: DataBus
    undo_stack: QUndoStack
    _version: RuleVersion | None
    _selected_key: str | None
    outline_model: OutlineListModel
    outline_view: QListView
    article_edit: QPlainTextEdit
    number_label: QLabel

    def _editable(self) -> bool:
        return self._version is not None and self._version.status is VersionStatus.DRAFT and self._version.owned

    def unsaved_edits(self) -> str | None:  # DirtyForm (ui/widgets/unsaved.py): the article typed but not saved
        if not (self._editable() and self._selected_key and self.article_edit.document().isModified()):
            return None
        return self.number_label.text().split("（")[0] or "本条"

    def save_edits(self) -> bool:
        return self._on_save_button_clicked()

    def _on_save_button_clicked(self) -> bool:
        if self._version is None or self._selected_key is None:
            return False
        lines = [line for line in self.article_edit.toPlainText().splitlines() if line.strip()]
        key = self._selected_key
        return self._push("修改条文", lambda v: update_article(v, key, lines[0] if lines else "", tuple(lines[1:])))

    def _on_insert_button_clicked(self) -> None:
        if self._version is None:
            return
        chapter_index, index = self._insert_position()
        after, key = insert_article(self._version, chapter_index, index, "")
        self._selected_key = key
        self._push("插入新条", lambda v: after)
        self.article_edit.setFocus()
        self.article_edit.selectAll()  # typing replaces the placeholder text

    def _insert_position(self) -> tuple[int, int]:
        assert self._version is not None
        if self._selected_key:
            chapter_index, index = self._version.find(self._selected_key)
            return chapter_index, index + 1
        entry_index = self.outline_view.currentIndex()
        if entry_index.isValid():
            chapter_index = self.outline_model.entry(entry_index.row()).chapter_index
            return chapter_index, 0
        return max(0, len(self._version.chapters) - 1), 10**6

    def _on_delete_button_clicked(self) -> None:
        key = self._selected_key
        if key:
            self._selected_key = None
            self._push("删除一条", lambda v: delete_article(v, key))

    def _on_split_button_clicked(self) -> None:
        key, cursor = self._selected_key, self.article_edit.textCursor().position()
        if key:
            self._push("拆分条文", lambda v: split_article(v, key, cursor)[0])

    def _on_merge_button_clicked(self) -> None:
        if self._version is None or self._selected_key is None:
            return
        keys = [a.key for a in self._version.articles]
        position = keys.index(self._selected_key)
        if position + 1 >= len(keys):
            self._warn("这是最后一条，后面没有可以合并的条。")
            return
        key, following = self._selected_key, keys[position + 1]
        self._push("合并条文", lambda v: merge_articles(v, key, following))

    def _on_outline_move_requested(self, key: str, chapter_index: int, index: int) -> None:
        if self._version is None:
            return
        current_ci, current_ai = self._version.find(key)
        if current_ci == chapter_index and index > current_ai:
            index -= 1  # positions are counted after the article leaves its place
        self._selected_key = key
        self._push("移动条文", lambda v: move_article(v, key, chapter_index, index))

    def _on_catalogue_button_clicked(self) -> None:
        entry = CatalogueDialog.ask(self, self._stores.catalogue.catalogue())
        if entry is None or self._version is None:
            return
        chapter_index, index = self._insert_position()
        after, key = insert_article(self._version, chapter_index, index, entry.text)
        self._selected_key = key
        self._push(f"插入条款库条文“{entry.title}”", lambda v: after)

    def _current_chapter_index(self) -> int:
        index = self.outline_view.currentIndex()
        return self.outline_model.entry(index.row()).chapter_index if index.isValid() else -1

    def _on_add_chapter_button_clicked(self) -> None:
        title, ok = QInputDialog.getText(self, "新增一章", "章名（如“环境卫生”）：")
        if ok and title.strip():
            position = self._current_chapter_index() + 1 if self._current_chapter_index() >= 0 else 10**6
            self._push("新增一章", lambda v: add_chapter(v, position, title))

    def _on_rename_chapter_button_clicked(self) -> None:
        chapter_index = self._current_chapter_index()
        if self._version is None or chapter_index < 0:
            return
        current = self._version.chapters[chapter_index].title
        title, ok = QInputDialog.getText(self, "重命名本章", "章名：", text=current)
        if ok and title.strip() and title.strip() != current:
            self._push("重命名章", lambda v: rename_chapter(v, chapter_index, title))

    def _on_delete_chapter_button_clicked(self) -> None:
        chapter_index = self._current_chapter_index()
        if chapter_index >= 0:
            self._push("删除空章", lambda v: delete_chapter(v, chapter_index))

    def _push(self, text: str, edit: Callable[[RuleVersion], RuleVersion]) -> bool:
        """Apply `edit` (version → version) to the draft shown and push it as one undoable command."""
        if self._version is None or not self._editable():
            return False
        try:
            after = edit(self._version)
        except DomainError as error:
            self._warn(error.message)
            return False
        error = push_command(self.undo_stack, EditVersionCommand(self._store, self._bus, self._version, after, text))
        if error is not None:
            self._warn(error.message)
            return False
        return True

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, "村规民约", message)
