"""Dialogs of the settings screen: a new account, a new password."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox, QWidget

from models.core.accounts import Role
from ui.widgets.choice_combo import ChoiceCombo


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    role: Role
    password: str


class NewUserDialog(QDialog):
    """添加用户."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加用户"))
        self.username_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.role_combo: ChoiceCombo[Role] = ChoiceCombo()
        for role in (Role.CLERK, Role.APPROVER, Role.SUPERVISOR, Role.ADMIN, Role.TOWNSHIP_REVIEWER):
            self.role_combo.add_choice(role.label, role)
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("用户名："), self.username_edit)
        form.addRow(self.tr("姓名："), self.name_edit)
        form.addRow(self.tr("角色："), self.role_combo)
        form.addRow(self.tr("密码："), self.password_edit)
        form.addRow(self.tr("再输入一次："), self.confirm_edit)
        form.addRow(buttons)

    def _on_buttons_accepted(self) -> None:
        if self.password_edit.text() != self.confirm_edit.text():
            QMessageBox.warning(self, self.tr("请检查"), self.tr("两次输入的密码不一致。"))
            return
        self.accept()

    def value(self) -> NewUser:
        return NewUser(self.username_edit.text(), self.name_edit.text(), self.role_combo.current_value(),
                       self.password_edit.text())

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> NewUser | None:
        dialog = cls(parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PasswordDialog(QDialog):
    """设置新密码."""

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("为 %1 设置新密码").replace("%1", username))
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("新密码："), self.password_edit)
        form.addRow(self.tr("再输入一次："), self.confirm_edit)
        form.addRow(buttons)

    def _on_buttons_accepted(self) -> None:
        if self.password_edit.text() != self.confirm_edit.text():
            QMessageBox.warning(self, self.tr("请检查"), self.tr("两次输入的密码不一致。"))
            return
        self.accept()

    @classmethod
    def ask(cls, username: str, parent: QWidget | None = None) -> str | None:
        dialog = cls(username, parent)
        return dialog.password_edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
