"""核对打印件: type the 校验码 from a paper copy's footer, or read it from a photo of the page's QR code (zxing-cpp);
the dialog says which document, version and print date it belongs to and whether that version still stands
(models/core/verify.py, the same answer as `print verify`)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from models.core.errors import DomainError
from models.core.print_log import CopyStatus
from models.core.verify import code_from_qr, normalised, not_found_text, not_qr_text, verify_code
from ui.widgets.qr_scan import decode_qr_image


def choose_photo(parent: QWidget) -> Path | None:
    """The photo (or scan) of a printed page with its QR code."""
    path, _ = QFileDialog.getOpenFileName(parent, "选择拍有打印件二维码的照片", "",
                                          "图片 (*.png *.jpg *.jpeg *.bmp);;所有文件 (*)")
    return Path(path) if path else None


class VerifyDialog(QDialog):
    """One code at a time; the answer stays shown until the next check."""

    def __init__(self, stores: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores = stores
        self.setWindowTitle(self.tr("核对打印件"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("页脚的校验码，如 3F9A-1C2B"))
        self.check_button = QPushButton(self.tr("核对"))
        self.photo_button = QPushButton(self.tr("从照片读取…"))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setMinimumWidth(420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.photo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请输入打印件页脚的校验码：")))
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.code_edit.returnPressed.connect(self._on_check_button_clicked)
        self.photo_button.clicked.connect(self._on_photo_button_clicked)

    def _on_photo_button_clicked(self) -> None:
        """Read the code from the QR code in a photo of the page, then check it as if typed."""
        path = choose_photo(self)
        if path is None:
            return
        try:
            code = code_from_qr(decode_qr_image(path, self.tr("或直接输入页脚的校验码。")))
        except DomainError as error:
            self.result_label.setText(error.message)
            return
        if code is None:
            self.result_label.setText(not_qr_text())
            return
        self.code_edit.setText(code)
        self._on_check_button_clicked()

    def _on_check_button_clicked(self) -> None:
        code = normalised(self.code_edit.text())
        if not code:
            self.result_label.setText(self.tr("请先输入校验码。"))
            return
        found = verify_code(code, self._stores.print_log, self._stores.rules, self._stores.list_entries,
                            self._stores.board_log, date.today())
        if found is None:
            self.result_label.setText(not_found_text(code))
            return
        advice = "" if found.status is CopyStatus.CURRENT else self.tr("（请换贴现行版本）")
        self.result_label.setText(found.text + advice)
