"""Roster import dialog: preview (first rows, detected columns, problems) before writing, then progress."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QLabel, QProgressBar,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from models.core.errors import DomainError
from models.registry.id_numbers import mask_id_number
from models.registry.ports import RosterFiles
from models.registry.roster import HEADERS
from models.registry.roster_import import ImportSummary, RosterPreview
from ui.widgets.screen_fit import resize_within_screen


class ImportDialog(QDialog):
    """花名册导入 — nothing is written until the clerk presses 导入 after reading the preview."""

    def __init__(self, parent: QWidget | None, roster: RosterFiles, path: Path, show_ids: bool) -> None:
        super().__init__(parent)
        self._roster, self._path, self._show_ids = roster, path, show_ids
        self.summary: ImportSummary | None = None
        self.preview: RosterPreview = roster.preview_roster(path)
        self._build_ui()
        self._show_preview()

    def _build_ui(self) -> None:
        self.setWindowTitle(f"导入花名册：{self._path.name}")
        resize_within_screen(self, 900, 600)
        self.counts_label = QLabel()
        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        self.rows_table = QTableWidget()
        self.problems_label = QLabel()
        self.problems_table = QTableWidget(0, 3)
        self.problems_table.setHorizontalHeaderLabels(["行号", "列", "原因"])
        self.problems_table.horizontalHeader().setStretchLastSection(True)
        self.problems_table.verticalHeader().setVisible(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("导入")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.problems_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.counts_label, self.columns_label, QLabel("前几行："), self.rows_table,
                       self.problems_label, self.problems_table, self.progress_bar, self.buttons):
            layout.addWidget(widget)

    def _show_preview(self) -> None:
        preview = self.preview
        self.counts_label.setText(f"共 {preview.total_rows} 行：可导入 {preview.households} 户 {preview.people} 人，"
                                  f"有问题 {len({r.row for r in preview.rejected})} 行（不会导入）。")
        detected = "、".join(f"{k}→{v}" if k != v else k for k, v in preview.detected.items())
        ignored = f"；忽略的列：{'、'.join(preview.unknown_headers)}" if preview.unknown_headers else ""
        self.columns_label.setText(f"识别的列：{detected}{ignored}")
        width = max([len(preview.headers)] + [len(r) for r in preview.first_rows])
        self.rows_table.setColumnCount(width)
        self.rows_table.setHorizontalHeaderLabels(preview.headers + [""] * (width - len(preview.headers)))
        self.rows_table.setRowCount(len(preview.first_rows))
        self.rows_table.setVerticalHeaderLabels([str(n) for n in preview.first_row_numbers])  # as in the sheet
        id_column = self._id_column()
        for row, cells in enumerate(preview.first_rows):
            for column, cell in enumerate(cells):
                shown = mask_id_number(cell) if column == id_column else cell
                self.rows_table.setItem(row, column, QTableWidgetItem(shown))
        self.rows_table.resizeColumnsToContents()
        self.problems_label.setText("发现的问题：" if preview.rejected else "没有发现问题。")
        self.problems_table.setRowCount(len(preview.rejected))
        for row, problem in enumerate(preview.rejected):
            for column, value in enumerate((str(problem.row), problem.column, problem.reason)):
                self.problems_table.setItem(row, column, QTableWidgetItem(value))
        self.import_button.setEnabled(preview.people > 0)

    def _id_column(self) -> int:
        """The ID number column, when this user may not see numbers in full (-1: show everything)."""
        if self._show_ids:
            return -1
        names = [header for header, ours in self.preview.detected.items() if ours == HEADERS["id_number"]]
        return self.preview.headers.index(names[0]) if names else -1

    def _on_import_button_clicked(self) -> None:
        self.import_button.setEnabled(False)
        self.progress_bar.setVisible(True)
        self.progress_bar.setRange(0, max(self.preview.people, 1))
        try:
            self.summary = self._roster.import_roster(self._path, self._on_progress)
        except DomainError as error:
            self.problems_label.setText(f"导入失败，未写入任何数据：{error.message}")
            self.import_button.setEnabled(True)
            return
        self.accept()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        QApplication.processEvents()

    @classmethod
    def ask(cls, parent: QWidget | None, roster: RosterFiles, path: Path, show_ids: bool) -> ImportSummary | None:
        dialog = cls(parent, roster, path, show_ids)
        return dialog.summary if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_roster_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "选择花名册文件", "", "花名册 (*.csv *.xlsx);;所有文件 (*)")
    return Path(name) if name else None
