"""First-run wizard: the village profile and the first administrator."""
from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QFormLayout, QLineEdit, QMessageBox, QRadioButton,
                               QVBoxLayout, QWidget, QWizard, QWizardPage)

from models.core.errors import DomainError
from models.core.ports import Backend
from models.core.village import Mode, VillageProfile, make_profile


class ProfilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("村庄信息"))
        self.setSubTitle(self.tr("这台电脑上的乡约属于哪个村（或乡镇）。以后可以在“设置”中修改。"))
        self.village_radio = QRadioButton(self.tr("村委会（村级）"))
        self.township_radio = QRadioButton(self.tr("乡镇（接收各村同步包）"))
        self.village_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        for button in (self.village_radio, self.township_radio):
            self.mode_group.addButton(button)
        self.village_edit = QLineEdit(placeholderText=self.tr("例如：青石村"))
        self.township_edit = QLineEdit(placeholderText=self.tr("例如：德化乡"))
        self.county_edit = QLineEdit(placeholderText=self.tr("例如：黎平县"))
        self.code_edit = QLineEdit(placeholderText=self.tr("6、9 或 12 位数字，可以不填"))
        form = QFormLayout(self)
        form.addRow(self.tr("类型："), _row(self.village_radio, self.township_radio))
        form.addRow(self.tr("村名："), self.village_edit)
        form.addRow(self.tr("乡镇："), self.township_edit)
        form.addRow(self.tr("县（区）："), self.county_edit)
        form.addRow(self.tr("行政区划代码："), self.code_edit)
        self.township_radio.toggled.connect(self.village_edit.setDisabled)

    def profile(self) -> VillageProfile:
        mode = Mode.TOWNSHIP if self.township_radio.isChecked() else Mode.VILLAGE
        return make_profile(self.village_edit.text(), self.township_edit.text(), self.county_edit.text(),
                            self.code_edit.text(), mode)

    def validatePage(self) -> bool:
        try:
            self.profile()
        except DomainError as error:
            QMessageBox.warning(self, self.tr("请检查"), error.message)
            return False
        return True


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("管理员账户"))
        self.setSubTitle(self.tr("管理员可以添加文书、审核人等账户。请牢记密码：它不会以明文保存，忘记后无法找回。"))
        self.username_edit = QLineEdit("admin")
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("用户名："), self.username_edit)
        form.addRow(self.tr("密码："), self.password_edit)
        form.addRow(self.tr("再输入一次："), self.confirm_edit)

    def validatePage(self) -> bool:
        if self.password_edit.text() != self.confirm_edit.text():
            QMessageBox.warning(self, self.tr("请检查"), self.tr("两次输入的密码不一致。"))
            return False
        return True


class SetupWizard(QWizard):
    """初次设置向导 — runs once, before the first login."""

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self._backend = backend
        self.setWindowTitle(self.tr("乡约 — 初次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.profile_page, self.admin_page = ProfilePage(), AdminPage()
        self.addPage(self.profile_page)
        self.addPage(self.admin_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.resize(560, 420)

    def accept(self) -> None:
        try:
            self._backend.initialise(self.profile_page.profile(), self.admin_page.username_edit.text(),
                                     self.admin_page.password_edit.text())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("无法完成设置"), error.message)
            return
        super().accept()

    @classmethod
    def run(cls, backend: Backend) -> VillageProfile | None:
        wizard = cls(backend)
        return backend.profile() if wizard.exec() == QWizard.DialogCode.Accepted else None


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box
