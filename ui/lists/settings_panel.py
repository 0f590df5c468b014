"""榜单设置 in 设置: cycle, 公示期, answer days, stigmatising words, naming the black list — saved per village."""
from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QLabel, QMessageBox, QPlainTextEdit, QPushButton,
                               QSpinBox, QWidget)

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.lists.settings import CYCLES, MAX_ANSWER_DAYS, MAX_PUBLICITY_DAYS, make_list_settings, parse_words
from models.lists.entries import MIN_OBJECTION_DAYS, ListSettings
from models.core.ports import Stores
from ui.core.bus import DataBus
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.form_state import TrackedForms
from ui.widgets.store_command import StoreCommand, push_command


class SaveListSettingsCommand(StoreCommand[Changed]):
    """修改榜单设置 — pushing it writes; undo writes the previous settings back (both audited)."""

    def __init__(self, stores: Stores, bus: DataBus, before: ListSettings, after: ListSettings) -> None:
        super().__init__("修改榜单设置", bus, None, lambda: stores.list_settings.save_settings(after),
                         lambda _none: stores.list_settings.save_settings(before))


class ListSettingsPanel(QWidget):
    """The form; only a role that may edit the village's information may save (the store refuses others too)."""

    def __init__(self, stores: Stores, bus: DataBus, undo_stack: QUndoStack) -> None:
        super().__init__()
        self._stores, self._bus, self._undo_stack = stores, bus, undo_stack
        self.cycle_combo: ChoiceCombo[str] = ChoiceCombo()
        for cycle in CYCLES:
            self.cycle_combo.add_choice(f"按{cycle.label}", cycle.value)
        self.publicity_spin = QSpinBox(minimum=MIN_OBJECTION_DAYS, maximum=MAX_PUBLICITY_DAYS, suffix=" 天")
        self.answer_spin = QSpinBox(minimum=1, maximum=MAX_ANSWER_DAYS, suffix=" 天")
        self.words_edit = QPlainTextEdit()
        self.words_edit.setPlaceholderText("每行一个词")
        self.name_black_check = QCheckBox("黑榜可显示姓名（仍须本户书面同意或法定依据）")
        self.save_button = QPushButton("保存榜单设置")
        self.save_button.setEnabled(stores.actor.can(Permission.EDIT_PROFILE))
        form = QFormLayout(self)
        for label, widget in (("榜单周期：", self.cycle_combo), ("公示期：", self.publicity_spin),
                              ("答复异议期限：", self.answer_spin), ("禁用的贬损性用语：", self.words_edit),
                              ("黑榜姓名：", self.name_black_check)):
            form.addRow(label, widget)
        hint = QLabel(f"公示期不少于 {MIN_OBJECTION_DAYS} 天（异议期），异议须在 {MAX_ANSWER_DAYS} 天内答复；"
                      "周期只能按月或按季度，条目到期自动撤榜，黑榜最长 3 个月。法律点名的贬损词（厚颜无耻、老赖、懒汉、"
                      "无赖、败类、可耻）不能删去。黑榜默认不具名。修改记入审计日志。")
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.save_button)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        bus.changed.connect(self._on_bus_changed)
        # A DirtyForm (ui/widgets/unsaved.py) through the settings screen: leaving it asks about unsaved typing.
        self.edits = TrackedForms()
        self.edits.track("红黑榜设置", [self.cycle_combo, self.publicity_spin, self.answer_spin, self.words_edit,
                                   self.name_black_check], self._on_save_button_clicked)
        self.load()

    def load(self) -> None:
        settings = self._stores.list_settings.settings
        self.cycle_combo.setCurrentIndex(max(0, self.cycle_combo.index_of(settings.cycle.value)))
        self.publicity_spin.setValue(settings.publicity_days)
        self.answer_spin.setValue(settings.answer_days)
        self.words_edit.setPlainText("\n".join(settings.stigmatising_words))
        self.name_black_check.setChecked(settings.name_black_list)
        self.edits.mark_clean()

    def _on_bus_changed(self, changed: Changed) -> None:
        if changed.concerns(Entity.LIST_SETTINGS):
            self.load()

    def _on_save_button_clicked(self) -> bool:
        before = self._stores.list_settings.settings
        try:
            after = make_list_settings(self.cycle_combo.current_value(), self.publicity_spin.value(),
                                       self.answer_spin.value(), parse_words(self.words_edit.toPlainText()),
                                       self.name_black_check.isChecked())
        except DomainError as error:
            QMessageBox.warning(self, "不能保存", error.message)
            return False
        if after == before:
            return True
        if after.name_black_list and not before.name_black_list and QMessageBox.question(
                self, "黑榜具名", "黑榜默认不具名（R31）。打开后，已记录同意或法定依据的户在黑榜上显示姓名。确定吗？") \
                != QMessageBox.StandardButton.Yes:
            return False
        error = push_command(self._undo_stack, SaveListSettingsCommand(self._stores, self._bus, before, after))
        if error is not None:
            QMessageBox.warning(self, "不能保存", error.message)
            return False
        return True
