"""AddProjectDialog: 建入项目库 — a project from a resolution (a passed item of a finalised meeting), with its name,
estimate and the funding sought."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QSpinBox,
                               QWidget)

from models.core.errors import DomainError
from models.matters.records import Project, ProjectSource
from models.matters.rules import check_project
from ui.widgets.choice_combo import ChoiceCombo

FUNDING = ("县级部门", "乡镇", "村集体", "积分")  # the sources the issue names; anything else may be written in


def source_label(source: ProjectSource) -> str:
    made = f"（已建 {len(source.projects)} 个项目）" if source.projects else ""
    return (f"{source.meeting_number} {source.meeting_label}（{source.meeting_on.isoformat()}）"
            f"第{source.item_number}项：{source.title}{made}")


class AddProjectDialog(QDialog):
    """Choose the resolution (the newest meetings first), name the project, give its estimate in yuan and the
    funding sought; the project then starts at 申报 on a new 四议两公开 chain titled as the project."""

    def __init__(self, sources: list[ProjectSource], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("建入项目库"))
        self.setMinimumWidth(560)
        self.source_combo: ChoiceCombo[ProjectSource] = ChoiceCombo()
        self.source_combo.add_choices((source_label(s), s) for s in sources)
        fresh = next((s for s in sources if not s.projects), None)  # the newest resolution not yet a project
        if fresh is not None:
            self.source_combo.set_current_value(fresh)
        self.resolution_label = QLabel()
        self.resolution_label.setWordWrap(True)
        self.matter_label = QLabel()
        self.name_edit = QLineEdit()
        self.estimate_spin = QSpinBox()
        self.estimate_spin.setRange(0, 999_999_999)
        self.estimate_spin.setSingleStep(1000)
        self.estimate_spin.setGroupSeparatorShown(True)
        self.estimate_spin.setSuffix(self.tr(" 元"))
        self.funding_combo: ChoiceCombo[str] = ChoiceCombo()
        self.funding_combo.setEditable(True)
        self.funding_combo.add_choices((f, f) for f in FUNDING)
        self.funding_combo.setEditText("")
        self.funding_combo.lineEdit().setPlaceholderText(self.tr("选择或输入，如县交通局"))
        form = QFormLayout(self)
        for label, widget in ((self.tr("决议"), self.source_combo), (self.tr("决议内容"), self.resolution_label),
                              (self.tr("来自说事"), self.matter_label), (self.tr("项目名称"), self.name_edit),
                              (self.tr("估算金额"), self.estimate_spin), (self.tr("拟争取资金"), self.funding_combo)):
            form.addRow(label, widget)
        hint = QLabel(self.tr("项目从“申报”开始；立项须四议两公开第 4 步决议通过，实施须决议已公开。"))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("建立项目"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._named = ""  # the name filled in from the chosen item (replaced when another is chosen)
        self.source_combo.value_changed.connect(lambda _value: self._show_source())
        self._show_source()

    def _show_source(self) -> None:
        source = self.source_combo.current_value()
        made = self.tr("（已由它建了项目：{0}）").format("、".join(source.projects)) if source and source.projects else ""
        self.resolution_label.setText(source.resolution + made if source else "")
        self.matter_label.setText(source.matter_number if source and source.matter_number else self.tr("（无）"))
        if source and self.name_edit.text().strip() in ("", self._named):
            self._named = source.title
            self.name_edit.setText(source.title)

    def project(self) -> Project:
        """The project as the dialog holds it (its source, name, estimate and funding)."""
        source = self.source_combo.current_value()
        assert source is not None  # the tab opens the dialog only with a resolution to choose
        return Project(self.name_edit.text().strip(), self.estimate_spin.value(), source.meeting_id,
                       source.item_number, self.funding_combo.currentText().strip(), matter_id=source.matter_id)

    def _on_buttons_accepted(self) -> None:
        try:
            check_project(self.name_edit.text(), self.estimate_spin.value())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能建立项目"), error.message)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, sources: list[ProjectSource]) -> Project | None:
        dialog = cls(sources, parent)
        return dialog.project() if dialog.exec() == QDialog.DialogCode.Accepted else None
