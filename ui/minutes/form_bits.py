"""Small pieces of the record editor's form: absence lines, dates typed as text, rows and boxes."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QSpinBox, QWidget

from models.minutes.meetings import Attendee
from models.registry.roster import parse_date

DATE_HINT = "例如 2026-12-06；可不填"  # an optional date stays a text field: a QDateEdit cannot be empty


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
    """The date typed (2026-12-06, 2026/12/6 or 2026年12月6日); None when empty or unreadable."""
    return parse_date(text) if text.strip() else None


def bad_day_message(text: str, what: str) -> str:
    """"" for an empty field or a date; otherwise, in plain words, how to write the date."""
    if not text.strip() or typed_day(text) is not None:
        return ""
    return (f"{what}“{text.strip()}”无法识别，请写成 2026-12-06 这样的年-月-日"
            "（也可写 2026/12/6 或 2026年12月6日）；不填表示未定。改正之前，保存的仍是原来的日期。")


def kept_day(text: str, saved: date | None, what: str) -> date | None:
    """The typed date; while it cannot be read, the saved one (a typo must not erase it)."""
    return saved if bad_day_message(text, what) else typed_day(text)


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
