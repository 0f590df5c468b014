"""帮助 (issue 20): F1 on every screen opens the guide page of that screen, with its picture, in the offline guide
window; 九步工作法 opens the page of the step it shows; Ctrl+F goes to the search box; 帮助 → 快捷键 lists them."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers import type_text
from tests.walks.conftest import Walk
from tests.walks.driver import LEFT, answer, expect_dialog
from ui.core.help import GUIDE_FOLDER, GuideWindow

# sidebar entry → (guide page, a word its title must hold)
VILLAGE_PAGES = {"首页": ("first-use.md", "第一次使用"), "户籍花名册": ("registry.md", "户籍花名册"),
                 "村规民约": ("rules.md", "村规民约"), "九步工作法": ("workflow-5.md", "征求民意"),
                 "会议记录": ("minutes.md", "会议记录"), "红黑榜": ("lists.md", "红黑榜"),
                 "网格关怀": ("care.md", "网格关怀"), "积分制": ("points.md", "积分制"),
                 "群众说事": ("matters.md", "群众说事"),
                 "三务公开": ("disclosures.md", "三务公开"), "十星级文明户": ("stars.md", "十星级文明户"),
                 "打印中心": ("printing.md", "打印"), "同步": ("sync.md", "U盘同步"), "设置": ("backup.md", "备份")}
TOWNSHIP_PAGES = {"乡镇审查": ("township.md", "乡镇端"), "交办事项": ("matters.md", "群众说事"),
                  "各村积分": ("points.md", "积分"), "同步": ("sync.md", "U盘同步"), "设置": ("backup.md", "备份")}


def press_f1(walk: Walk) -> GuideWindow:
    walk.window.activateWindow()  # the guide of the step before may have the focus: F1 is the main window's key
    walk.qtbot.waitUntil(lambda: QApplication.activeWindow() is walk.window)
    QTest.keyClick(walk.window.area_stack.currentWidget(), Qt.Key.Key_F1)
    guide = walk.window.help.guide
    assert guide is not None and guide.isVisible(), "F1 opened no guide"
    return guide


def assert_page(guide: GuideWindow, page: str, title_word: str) -> None:
    assert guide.page() == page
    title = guide.browser.document().toPlainText().splitlines()[0]
    assert title_word in title, title
    source = (GUIDE_FOLDER / page).read_text(encoding="utf-8")
    picture = source.split("](images/", 1)[1].split(")", 1)[0] if "](images/" in source else None
    if picture is not None:  # the page's picture is loaded, not a broken-image box
        image = guide.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(f"images/{picture}"))
        assert image is not None and not image.isNull(), picture


def test_f1_opens_the_page_of_every_village_screen(walk: Walk) -> None:
    assert {a.label for a in walk.window._areas} == set(VILLAGE_PAGES)
    for label, (page, title_word) in VILLAGE_PAGES.items():
        screen = walk.open_area(label)
        if label == "九步工作法":  # the page of the step in front: the demo is at 征求民意
            walk.qtbot.mouseClick(screen.step_buttons[4], LEFT)
        assert_page(press_f1(walk), page, title_word)
    screen = walk.open_area("九步工作法")
    walk.qtbot.mouseClick(screen.step_buttons[7], LEFT)
    assert_page(press_f1(walk), "workflow-8.md", "全体表决")


def test_f1_opens_the_page_of_every_township_screen(log_in, township_db: Path) -> None:
    walk = log_in(db=township_db)
    assert {a.label for a in walk.window._areas} == set(TOWNSHIP_PAGES)
    for label, (page, title_word) in TOWNSHIP_PAGES.items():
        walk.open_area(label)
        assert_page(press_f1(walk), page, title_word)


def test_ctrl_f_goes_to_the_search_box_and_the_shortcuts_are_listed(walk: Walk) -> None:
    screen = walk.open_area("户籍花名册")
    walk.window.activateWindow()
    walk.qtbot.waitUntil(lambda: QApplication.activeWindow() is walk.window)
    QTest.keyClick(screen, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.search_edit.hasFocus()
    seen: list[str] = []
    with expect_dialog(walk.qtbot, answer(walk.qtbot, "确定", seen)):
        walk.window.help.shortcuts_action.trigger()
    assert all(key in seen[0] for key in ("F1", "Ctrl+F", "Ctrl+P", "Ctrl+S")), seen



def press(walk: Walk, key: Qt.Key) -> None:
    walk.window.activateWindow()
    walk.qtbot.waitUntil(lambda: QApplication.activeWindow() is walk.window)
    QTest.keyClick(walk.window.area_stack.currentWidget(), key, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_s_saves_the_form_and_ctrl_p_prints(walk: Walk) -> None:
    settings = walk.open_area("设置")
    settings.village_edit.clear()
    type_text(settings.village_edit, "青山村")
    press(walk, Qt.Key.Key_S)
    assert walk.stores.profile.get().village == "青山村"
    walk.open_area("红黑榜")
    seen: list[str] = []
    with expect_dialog(walk.qtbot, answer(walk.qtbot, "取消", seen)):
        press(walk, Qt.Key.Key_P)  # the screen's first 打印 button: 打印榜单…
    assert "榜" in seen[0], seen
