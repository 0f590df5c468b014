"""The rules screen's rulebook and version acts (top bar): import, new rulebook, new version, compare, export, 条款库.

Each write's Changed goes on the bus; the screen reloads from there, showing the rulebook and version the act
names (`_show_after`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from models.core.changes import Changed
from models.rules.rulebooks import RulebookSummary
from ui.rules.commands import SetChangeReasonCommand
from ui.rules.dialogs import CompareDialog
from ui.rules.files import export_version, import_rules, new_rulebook, save_to_catalogue
from ui.rules.outline_edits import OutlineEdits
from ui.widgets.store_command import push_command


class RulebookActs(OutlineEdits):
    """The acts of `RulesScreen` (its base class) on whole rulebooks and versions; the article edits are its
    own base, OutlineEdits."""

    compare_dialog: CompareDialog | None
    _target: tuple[str | None, int | None]

    if TYPE_CHECKING:
        def _current_summary(self) -> RulebookSummary | None:
            """The screen's: the rulebook chosen in the combo."""

    def _show_after(self, changed: Changed, rulebook_id: str | None, number: int | None = None) -> None:
        """Emit what a write changed; the reload it causes (here too) shows `rulebook_id` version `number`."""
        self._selected_key = None
        self._target = (rulebook_id, number)
        self._bus.changed.emit(changed)

    def _on_import_button_clicked(self) -> None:
        result = import_rules(self, self._stores, self._current_summary())
        if result is not None:
            self._show_after(result.changed, result.rulebook_id, result.version)

    def _on_new_version_button_clicked(self) -> None:
        if self._version is None:
            return
        # 九步工作法 offers the draft versions (步骤4 定为初稿): it must list this one without being reopened.
        changed = self._store.new_version(self._version.rulebook_id, self._version.number)
        self._show_after(changed, self._version.rulebook_id, self._store.load_version(self._version.rulebook_id).number)

    def _on_compare_button_clicked(self) -> None:
        summary = self._current_summary()
        if summary is None or self._version is None or len(summary.versions) < 2:
            return
        numbers = [v.number for v in summary.versions]
        new = self._version.number
        old = summary.in_force_version if summary.in_force_version not in (None, new) else \
            numbers[max(0, numbers.index(new) - 1)]
        self.compare_dialog = CompareDialog(self._stores, self._bus, summary.id, list(summary.versions), old, new,
                                            self._on_reason_edited, self)
        self.compare_dialog.show()

    def _on_reason_edited(self, version_id: str, key: str, before: str, after: str) -> None:
        error = push_command(self.undo_stack, SetChangeReasonCommand(
            self._stores.change_reasons, self._bus, version_id, key, before, after))
        if error is not None:
            self._warn(error.message)

    def _on_new_rulebook_button_clicked(self) -> None:
        made = new_rulebook(self, self._stores)
        if made is not None:
            self._show_after(made, made.id)

    def _on_export_button_clicked(self) -> None:
        if self._version is not None:
            export_version(self, self._stores, self._version)

    def _on_save_to_catalogue_button_clicked(self) -> None:
        added = save_to_catalogue(self, self._stores, self.article_edit.toPlainText().strip())
        if added is not None:
            self._bus.changed.emit(added)
