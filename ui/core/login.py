"""The login dialog, also used to unlock the window after idle time."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.core.errors import DomainError
from models.core.ports import Backend, Stores


class LoginDialog(QDialog):
    """登录 — asks for user name and password; errors are shown in the dialog in Chinese."""

    def __init__(self, attempt: Callable[[str, str], Any], title: str, username: str = "",
                 fixed_user: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attempt = attempt
        self.result_value: Any = None
        self.setWindowTitle(title)
        self._build_ui(username, fixed_user)
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)

    def _build_ui(self, username: str, fixed_user: bool) -> None:
        self.username_edit = QLineEdit(username)
        self.username_edit.setReadOnly(fixed_user)
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出") if fixed_user else self.tr("取消"))
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username_edit)
        form.addRow(self.tr("密码："), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.button_box)
        (self.password_edit if username else self.username_edit).setFocus()
        self.setMinimumWidth(380)

    def _on_button_box_accepted(self) -> None:
        try:
            self.result_value = self._attempt(self.username_edit.text(), self.password_edit.text())
        except DomainError as error:
            self.error_label.setText(error.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, backend: Backend, parent: QWidget | None = None) -> Stores | None:
        profile = backend.profile()
        dialog = cls(backend.login, f"乡约 — {profile.display_name} — 登录", parent=parent)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def unlock(cls, backend: Backend, username: str, parent: QWidget | None = None) -> bool:
        dialog = cls(backend.login, "乡约已锁定 — 请输入密码解锁", username, fixed_user=True, parent=parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
