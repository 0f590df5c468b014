"""SettingsScreen: village profile, user accounts, backups and idle lock, the lists' limits, the audit trail."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ports import Stores
from models.core.village import make_profile
from ui.core.background import run_in_background
from ui.core.bus import DataBus
from ui.lists.settings_panel import ListSettingsPanel
from ui.core.idle import SETTINGS_KEY, idle_lock_minutes
from ui.core.settings.commands import SaveProfileCommand
from ui.core.settings.dialogs import NewUserDialog, PasswordDialog
from ui.core.settings.restore import restore_from_backup
from ui.core.settings.table_model import audit_table_model, user_table_model
from ui.widgets.rows_model import ROW_ROLE
from ui.widgets.store_command import push_command


class SettingsScreen(QWidget):
    """设置 — one tab per concern; what a role may not do is disabled, and refused by the store too."""

    def __init__(self, stores: Stores, bus: DataBus) -> None:
        super().__init__()
        self._stores, self._bus = stores, bus
        self.undo_stack = QUndoStack(self)
        self._build_ui()
        self._connect_signals()
        self._load_profile()

    def _build_ui(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_profile_tab(), self.tr("村庄信息"))
        self.tabs.addTab(self._build_users_tab(), self.tr("用户"))
        self.tabs.addTab(self._build_safety_tab(), self.tr("备份与安全"))
        self.list_settings = ListSettingsPanel(self._stores, self._bus, self.undo_stack)
        self.tabs.addTab(self.list_settings, self.tr("红黑榜"))
        self.tabs.addTab(self._build_audit_tab(), self.tr("审计日志"))
        QVBoxLayout(self).addWidget(self.tabs)

    def _build_profile_tab(self) -> QWidget:
        page = QWidget()
        self.village_edit, self.township_edit, self.county_edit, self.code_edit = (QLineEdit() for _ in range(4))
        self.save_profile_button = QPushButton(self.tr("保存"))
        self.save_profile_button.setEnabled(self._stores.actor.can(Permission.EDIT_PROFILE))
        form = QFormLayout(page)
        form.addRow(self.tr("村名："), self.village_edit)
        form.addRow(self.tr("乡镇："), self.township_edit)
        form.addRow(self.tr("县（区）："), self.county_edit)
        form.addRow(self.tr("行政区划代码："), self.code_edit)
        form.addRow(self.save_profile_button)
        return page

    def _build_users_tab(self) -> QWidget:
        page = QWidget()
        self.users_model = user_table_model(self._stores.accounts)
        self.users_view = _table(self.users_model)
        self.add_user_button = QPushButton(self.tr("添加用户…"))
        self.password_button = QPushButton(self.tr("设置密码…"))
        self.toggle_user_button = QPushButton(self.tr("停用/启用"))
        manage = self._stores.actor.can(Permission.MANAGE_USERS)
        self.add_user_button.setEnabled(manage)
        self.toggle_user_button.setEnabled(manage)
        buttons = QHBoxLayout()
        for button in (self.add_user_button, self.password_button, self.toggle_user_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addWidget(self.users_view)
        layout.addLayout(buttons)
        return page

    def _build_safety_tab(self) -> QWidget:
        page = QWidget()
        self.backup_label = QLabel()
        self.usage_label = QLabel()
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.setEnabled(self._stores.actor.can(Permission.BACKUP_RESTORE))
        self.idle_spin = QSpinBox(minimum=1, maximum=240, suffix=self.tr(" 分钟"))
        self.idle_spin.setValue(idle_lock_minutes())
        form = QFormLayout(page)
        form.addRow(self.tr("备份文件夹："), QLabel(self._stores.backups.backup_folder()))
        form.addRow(self.tr("上次备份："), self.backup_label)
        form.addRow(self.tr("备份占用："), self.usage_label)
        form.addRow(_row(self.backup_button, self.restore_button))
        form.addRow(self.tr("无操作自动锁定："), self.idle_spin)
        form.addRow(QLabel(self.tr("每天第一次使用时自动备份；保留最近 7 天、4 周、12 个月的备份。\n"
                                   "导入同步包前每天另存一份，保留最近 3 天；手动备份由您自行删除。\n"
                                   "恢复前，现在的数据会先另存一份，恢复错了还可以再恢复回来。")))
        self._show_backup_time()
        return page

    def _build_audit_tab(self) -> QWidget:
        page = QWidget()
        self.audit_model = audit_table_model(self._stores.audit)
        # Its columns are fitted to the 500 lines when the tab is first shown: measuring them costs 50 ms,
        # most of the screen's opening (issue 17).
        self.audit_view = _table(self.audit_model, fitted=False)
        self.verify_button = QPushButton(self.tr("验证审计链"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.audit_view)
        layout.addWidget(self.verify_button)
        return page

    def _connect_signals(self) -> None:
        self.save_profile_button.clicked.connect(self._on_save_profile_button_clicked)
        self.add_user_button.clicked.connect(self._on_add_user_button_clicked)
        self.password_button.clicked.connect(self._on_password_button_clicked)
        self.toggle_user_button.clicked.connect(self._on_toggle_user_button_clicked)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.idle_spin.valueChanged.connect(self._on_idle_spin_value_changed)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.tabs.currentChanged.connect(self._on_tab_shown)
        self._bus.changed.connect(self._on_bus_changed)

    def _load_profile(self) -> None:
        profile = self._stores.profile.get()
        for edit, value in ((self.village_edit, profile.village), (self.township_edit, profile.township),
                            (self.county_edit, profile.county), (self.code_edit, profile.code)):
            edit.setText(value)

    def _typed_profile(self) -> tuple[str, str, str, str]:
        return self.village_edit.text(), self.township_edit.text(), self.county_edit.text(), self.code_edit.text()

    # DirtyForm (ui/widgets/unsaved.py): the 村庄信息 tab is an inline form, asked about before it is left.
    def _stored_profile(self) -> tuple[str, str, str, str]:
        profile = self._stores.profile.get()
        return profile.village, profile.township, profile.county, profile.code

    def unsaved_edits(self) -> str | None:
        changed = self._stores.actor.can(Permission.EDIT_PROFILE) and self._typed_profile() != self._stored_profile()
        lists = self.list_settings.edits.unsaved_edits()  # the 红黑榜 tab is an inline form too
        dirty = [what for what in (self.tr("村庄信息") if changed else None, lists) if what]
        return "、".join(dirty) if dirty else None

    def save_edits(self) -> bool:
        profile_saved = self._typed_profile() == self._stored_profile() or self._on_save_profile_button_clicked()
        return profile_saved and self.list_settings.edits.save_edits()

    def discard_edits(self) -> None:
        self._load_profile()
        self.list_settings.edits.discard_edits()

    def _on_save_profile_button_clicked(self) -> bool:
        before = self._stores.profile.get()
        try:
            after = make_profile(*self._typed_profile(), before.mode)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("请检查"), error.message)
            return False
        if after != before:
            error = push_command(self.undo_stack, SaveProfileCommand(self._stores.profile, self._bus, before, after))
            if error is not None:
                QMessageBox.warning(self, self.tr("请检查"), error.message)
                return False
        return True

    def _selected_user(self):  # -> User | None
        index = self.users_view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _on_add_user_button_clicked(self) -> None:
        new = NewUserDialog.ask(self)
        if new is not None:
            self._guarded(lambda: self._stores.accounts.create_user(new.username, new.display_name, new.role,
                                                                    new.password))

    def _on_password_button_clicked(self) -> None:
        user = self._selected_user()
        if user is None:
            QMessageBox.information(self, self.tr("设置密码"), self.tr("请先在表格中选中一个用户。"))
            return
        password = PasswordDialog.ask(user.username, self)
        if password is not None:
            self._guarded(lambda: self._stores.accounts.set_password(user.id, password))

    def _on_toggle_user_button_clicked(self) -> None:
        user = self._selected_user()
        if user is None:
            return
        verb = self.tr("停用") if user.active else self.tr("启用")
        if QMessageBox.question(self, verb, f"确定要{verb}账户“{user.username}”吗？") == QMessageBox.StandardButton.Yes:
            self._guarded(lambda: self._stores.accounts.set_active(user.id, not user.active))

    def _guarded(self, act: Callable[[], Changed]) -> None:
        """An account write (irreversible, so not on the undo stack); the bus hears what it changed."""
        try:
            changed = act()
        except DomainError as error:
            QMessageBox.warning(self, self.tr("无法完成"), error.message)
            return
        self._bus.changed.emit(changed)

    def _on_backup_button_clicked(self) -> None:
        self.backup_button.setEnabled(False)
        self.backup_label.setText(self.tr("正在备份……"))
        run_in_background(self._stores.backups.backup_now, self._on_backup_done, self._on_backup_failed, self)

    def _on_restore_button_clicked(self) -> None:
        if restore_from_backup(self, self._stores.backups):
            self.window().close()  # every screen shows the old data, and its undo stack would undo into the backup

    def _on_backup_done(self, changed: Changed) -> None:
        self.backup_button.setEnabled(True)
        self._bus.changed.emit(changed)

    def _on_backup_failed(self, error: Exception) -> None:
        self.backup_button.setEnabled(True)
        self._show_backup_time()
        QMessageBox.warning(self, self.tr("备份失败"), f"备份没有完成：{error}。请检查磁盘空间后重试。")

    def _show_backup_time(self) -> None:
        self.backup_label.setText(self._stores.backups.last_backup_time() or self.tr("尚无"))
        files, size = self._stores.backups.folder_usage()
        self.usage_label.setText(self.tr("{0} 个文件，共 {1:.1f} MB").format(files, size / 1_000_000))

    def _on_idle_spin_value_changed(self, minutes: int) -> None:
        QSettings().setValue(SETTINGS_KEY, minutes)
        self._bus.changed.emit(Changed(Entity.SETTINGS))  # the idle watcher takes the new time at once

    def _on_verify_button_clicked(self) -> None:
        problems = self._stores.audit.verify()
        if problems:
            QMessageBox.warning(self, self.tr("审计链异常"), "\n".join(problems[:20]))
        else:
            QMessageBox.information(self, self.tr("审计链完好"), self.tr("所有审计记录与哈希链一致，没有被改动。"))

    def _on_tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.audit_view.parentWidget():
            self.audit_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.USER):
            self.users_model.reload()
        if change.concerns(Entity.PROFILE):
            self._load_profile()
        if change.concerns(Entity.BACKUP):
            self._show_backup_time()
        self.audit_model.reload()


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _table(model, fitted: bool = True) -> QTableView:
    """`fitted`: the columns follow their contents at once (else from `_on_tab_shown` on)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    if fitted:
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view
