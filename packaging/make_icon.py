"""Draws the app's icon (a red seal with 乡约) as PNG sizes for Linux and one .ico for Windows.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py

The files are checked in (packaging/icons/); run this again only to change the design. The glyphs come from the
first CJK font Qt finds, so the result depends a little on the machine that draws it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

FOLDER = Path(__file__).resolve().parent / "icons"
SIZES = (16, 32, 48, 64, 128, 256)
SEAL_RED = QColor("#c0262d")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.06
    rect = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setBrush(SEAL_RED)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(rect, size * 0.16, size * 0.16)
    painter.setPen(QPen(QColor("#fff6e8")))
    font = QFont()
    font.setFamilies(["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "SimHei"])
    font.setBold(True)
    font.setPixelSize(int(size * (0.62 if size < 48 else 0.36)))
    painter.setFont(font)
    text = "乡" if size < 48 else "乡约"
    flags = Qt.AlignmentFlag.AlignCenter
    if size >= 48:
        painter.drawText(QRectF(rect.left(), rect.top() + size * 0.04, rect.width(), rect.height() / 2), flags,
                         text[0])
        painter.drawText(QRectF(rect.left(), rect.center().y() - size * 0.04, rect.width(), rect.height() / 2),
                         flags, text[1])
    else:
        painter.drawText(rect, flags, text)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    FOLDER.mkdir(exist_ok=True)
    for size in SIZES:
        assert draw(size).save(str(FOLDER / f"xiangyue-{size}.png"))
    assert draw(256).save(str(FOLDER / "xiangyue.ico")), "Qt's ico image plugin is missing"
    return 0


if __name__ == "__main__":
    sys.exit(main())
