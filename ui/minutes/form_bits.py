"""Small pieces of the record editor's form: absence lines, dates typed as text, rows and boxes."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QSpinBox, QWidget

from models.meetings import Attendee


def roster_text(attendee: Attendee) -> str:
    """花名册 line: 李兰建（男，党支部书记、村委会主任）."""
    post = f"，{attendee.post}" if attendee.post else ""
    return f"{attendee.name}（{attendee.gender.label}{post}）"


def absence_line(line: str) -> tuple[str, str]:
    """“姓名：原因” → (name, reason); a line without a colon is a name without a reason."""
    for mark in ("：", ":"):
        if mark in line:
            name, reason = line.split(mark, 1)
            return name.strip(), reason.strip()
    return line.strip(), ""


def typed_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def row_of(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    return layout


def text_box(height: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


def count_box() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 100000)
    return spin
