"""A titled column of a splitter: a label, the widget that grows, and a row of buttons under it."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


def titled_column(title: str, body: QWidget, buttons: QHBoxLayout) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.addWidget(QLabel(title))
    layout.addWidget(body, 1)
    layout.addLayout(buttons)
    return column
