"""帮助: the picture guide (docs/guide/, Markdown with screenshots) in an offline text browser, F1 for the page of the
screen in front, the list of shortcuts, and the shortcuts a Windows user expects (Ctrl+F, Ctrl+P, Ctrl+S).

The guide ships with the app (the frozen build copies docs/guide/); nothing here goes to the network. The shortcuts
act on what the screen in front already shows — its search box, its print button, its save button — so the screens
need no code of their own for them, and a screen without such a control simply ignores the key.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QTextBlock, QTextCursor, QTextFragment
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLineEdit, QMainWindow, QMessageBox, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from ui.widgets.screen_fit import resize_within_screen

GUIDE_FOLDER = Path(__file__).resolve().parents[2] / "docs" / "guide"
INDEX = "index.md"
# The guide page of each area's screen; 九步工作法 shows the page of the step it has selected.
AREA_PAGES = {"home": "first-use.md", "registry": "registry.md", "rules": "rules.md", "workflow": "workflow.md",
              "minutes": "minutes.md", "lists": "lists.md", "printing": "printing.md", "sync": "sync.md",
              "settings": "backup.md", "township": "township.md", "disclosures": "disclosures.md",
              "stars": "stars.md", "care": "care.md", "points": "points.md", "matters": "matters.md",
              "matters_desk": "matters.md", "points_desk": "points.md"}
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("F1", "打开当前界面的使用指南"),
    ("Ctrl+F", "在当前列表中查找（花名册、会议记录）"),
    ("Ctrl+P", "打印当前记录（有“打印”按钮的界面）"),
    ("Ctrl+S", "保存当前表单（有“保存”按钮的界面）"),
    ("Ctrl+Z", "撤销"),
    ("Ctrl+Y", "重做"),
    ("Ctrl+N", "新建会议记录（会议记录界面）"),
    ("Ctrl+Enter", "添加议题（编辑会议记录时）"),
    ("Ctrl+L", "锁定，离开座位时用"),
    ("Ctrl+Q", "退出乡约"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("help", text)


def page_for(area_key: str, screen: QWidget | None) -> str:
    """The guide page (file name in docs/guide/) that explains `screen`, the screen of area `area_key`."""
    step = getattr(screen, "selected_step", None) if area_key == "workflow" else None
    if step is not None:
        return f"workflow-{step.number}.md"
    return AREA_PAGES.get(area_key, INDEX)


class GuideWindow(QDialog):
    """使用指南 — a window of its own beside the main window (not modal: the clerk follows it step by step)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("乡约使用指南"))
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # offline: the guide links only to its own pages
        self.browser.setSearchPaths([str(GUIDE_FOLDER)])
        self.index_button, self.back_button = QPushButton(_tr("目录")), QPushButton(_tr("后退"))
        self.forward_button = QPushButton(_tr("前进"))
        buttons = QHBoxLayout()
        for button in (self.index_button, self.back_button, self.forward_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.browser, 1)
        self.index_button.clicked.connect(lambda: self.show_page(INDEX))
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.browser.sourceChanged.connect(self._fit_pictures)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        resize_within_screen(self, 900, 680)

    def show_page(self, name: str) -> None:
        path = GUIDE_FOLDER / name
        if not path.is_file():  # an installation without the guide still answers, in words
            self.browser.setPlainText(_tr("找不到使用指南（%1）。请重新安装乡约。").replace("%1", str(path)))
        else:
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.show()
        self.raise_()
        self.activateWindow()

    def _fit_pictures(self) -> None:
        """Screenshots are as wide as the main window: shown at the width of the guide, their height in proportion."""
        width = max(200, self.browser.viewport().width() - 24)
        document = self.browser.document()
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            for fragment in _fragments(block):
                picture = fragment.charFormat().toImageFormat()
                if fragment.charFormat().isImageFormat() and picture.width() != width:
                    picture.setWidth(width)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(picture)
            block = block.next()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_pictures()

    def page(self) -> str:
        """The file name of the page shown, e.g. "registry.md"."""
        return self.browser.source().fileName()


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    fragments, position = [], block.begin()
    while not position.atEnd():
        fragments.append(position.fragment())
        position += 1
    return fragments


def shortcuts_html() -> str:
    rows = "".join(f"<tr><td><b>{key}</b></td><td>{_tr(what)}</td></tr>" for key, what in SHORTCUTS)
    return f"<table cellpadding='4'>{rows}</table>"


def focus_search(screen: QWidget | None) -> bool:
    """Ctrl+F: put the cursor in the screen's search box (an attribute named …search_edit), its text selected."""
    for name, value in vars(screen or object()).items():
        if name.endswith("search_edit") and isinstance(value, QLineEdit) and value.isVisible():
            value.setFocus(Qt.FocusReason.ShortcutFocusReason)
            value.selectAll()
            return True
    return False


def click_button(screen: QWidget | None, starts: str) -> bool:
    """Ctrl+P / Ctrl+S: click the first shown, enabled button whose text begins with 打印 / 保存."""
    for button in (screen.findChildren(QPushButton) if screen is not None else []):
        if button.text().startswith(starts) and button.isVisible() and button.isEnabled():
            button.click()
            return True
    return False


class HelpMenu:
    """The 帮助 menu's entries and the window-wide shortcuts, installed on the main window."""

    def __init__(self, window: QMainWindow, current: Callable[[], tuple[str, QWidget | None]]) -> None:
        self._window, self._current = window, current
        self.guide: GuideWindow | None = None
        self.guide_action = QAction(_tr("使用指南"), window)
        self.context_action = QAction(_tr("当前界面的帮助"), window, shortcut=QKeySequence(Qt.Key.Key_F1))
        self.shortcuts_action = QAction(_tr("快捷键"), window)
        self.find_action = QAction(_tr("查找"), window, shortcut=QKeySequence("Ctrl+F"))
        self.print_action = QAction(_tr("打印"), window, shortcut=QKeySequence("Ctrl+P"))
        self.save_action = QAction(_tr("保存"), window, shortcut=QKeySequence("Ctrl+S"))
        self.guide_action.triggered.connect(lambda: self.open_page(INDEX))
        self.context_action.triggered.connect(self.open_current_page)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.find_action.triggered.connect(lambda: focus_search(self._current()[1]))
        self.print_action.triggered.connect(lambda: click_button(self._current()[1], "打印"))
        self.save_action.triggered.connect(lambda: click_button(self._current()[1], "保存"))

    def install(self, edit_menu_actions: Callable[[list[QAction]], None], help_menu_add: Callable[[QAction], None]) \
            -> None:
        edit_menu_actions([self.find_action, self.print_action, self.save_action])
        for action in (self.guide_action, self.context_action, self.shortcuts_action):
            help_menu_add(action)

    def open_page(self, name: str) -> GuideWindow:
        if self.guide is None:
            self.guide = GuideWindow(self._window)
        self.guide.show_page(name)
        return self.guide

    def open_current_page(self) -> GuideWindow:
        return self.open_page(page_for(*self._current()))

    def show_shortcuts(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, _tr("快捷键"), shortcuts_html(), QMessageBox.StandardButton.Ok,
                          self._window)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()
