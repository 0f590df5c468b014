"""Driving the real widgets of the real main window, the way a clerk does, for the walks.

How to use it (see `tests/walks/conftest.py` for the fixtures `demo_db`, `walk`, `log_in`):

    def test_something(qtbot, walk):
        screen = walk.open_area("村规民约")                     # clicks the sidebar item by its text
        def fill_form(dialog):                                 # runs while the dialog's own loop runs
            fill(qtbot, field(dialog, "标题"), "第一条")        # typed as an input method commits it
            choose(qtbot, field(dialog, "类别"), "红榜")        # picks the combo entry by its visible text
            click_button(qtbot, dialog, "确定")
        with expect_dialog(qtbot, fill_form):
            click_button(qtbot, screen, "新增")                # the click that opens the modal dialog
        with expect_dialog(qtbot, answer(qtbot, "是")):         # a QMessageBox question, its real button
            click_button(qtbot, screen, "删除")
        assert cli_json(walk.db_path, "rules", "show")["…"] == …

A modal dialog runs a nested event loop, so the click that opens it returns only when it is closed:
`expect_dialog` schedules the handler with a QTimer before the body runs, waits for a *new* modal widget
(`QApplication.activeModalWidget()`), runs the handler on it and re-raises whatever the handler raised
after the dialog is gone. Dialogs opened from inside a dialog nest the same way (an `expect_dialog`
inside the handler). A handler that leaves its dialog open fails the walk (the dialog is rejected, so
the walk never hangs). Nothing here monkeypatches a dialog: every value goes through the widget.
"""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QDateEdit,
                               QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget)

from tests.helpers import run_json, type_text

LEFT = Qt.MouseButton.LeftButton
Handler = Callable[[QWidget], None]


def _plain(text: str) -> str:
    """A widget's text as the clerk reads it: no mnemonic ('&' or Chinese-style '(&P)'), no trailing colon or '…'."""
    text = re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip("：:…").strip()


# --- modal dialogs -----------------------------------------------------------------------------------


@contextmanager
def expect_dialog(qtbot: Any, *handlers: Handler, timeout: int = 8000) -> Iterator[None]:
    """Run `handlers[0](dialog)` on the next modal dialog opened by the body of the `with`, then `handlers[1]` on
    the one after it (e.g. 另存为 then 已保存), and so on. A dialog opened *while* a handler is clicking in its own
    dialog is handled by an `expect_dialog` inside that handler."""
    outer = QApplication.activeModalWidget()
    state: dict[str, Any] = {"done": False, "error": None}

    def wait_for(index: int, previous: QWidget | None) -> None:
        deadline = time.monotonic() + timeout / 1000
        _watch.polling += 1

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or dialog is outer or dialog is previous or not dialog.isVisible():
                if time.monotonic() < deadline:
                    QTimer.singleShot(10, poll)
                    return
                _watch.polling -= 1
                state.update(done=True, error=AssertionError(f"dialog {index + 1} of {len(handlers)} never opened"))
                return
            _watch.polling -= 1
            if not _run(handlers[index], dialog, state):
                state["done"] = True
            elif index + 1 < len(handlers):
                wait_for(index + 1, dialog)
            else:
                state["done"] = True

        QTimer.singleShot(0, poll)

    wait_for(0, None)
    yield
    qtbot.waitUntil(lambda: state["done"], timeout=timeout * len(handlers) + 1000)
    if state["error"] is not None:
        raise state["error"]


@contextmanager
def expect_window(qtbot: Any, handler: Handler, timeout: int = 8000) -> Iterator[None]:
    """Run `handler(dialog)` on the dialog the body of the `with` shows without a loop of its own (`show()`, not
    `exec()`, e.g. 比较版本). It counts for the dialog-coverage check like `expect_dialog`; the handler must close it."""
    before = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    yield
    found: list[QWidget] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
                    and not any(w is b for b in before)]
        return bool(found)

    qtbot.waitUntil(shown, timeout=timeout)
    assert len(found) == 1, f"{len(found)} new windows: {[type(w).__name__ for w in found]}"
    dialog = found[0]
    _watch.handling.append(dialog)
    _watch.handled.append(type(dialog).__name__)
    try:
        handler(dialog)
        assert not dialog.isVisible(), f"the handler left {type(dialog).__name__} «{dialog.windowTitle()}» open"
    finally:
        _watch.handling.remove(dialog)
        _close(dialog)


def _run(handler: Handler, dialog: QWidget, state: dict[str, Any]) -> bool:
    """Run one handler on its dialog; False (and the dialog closed) when it raised or left the dialog open."""
    _watch.handling.append(dialog)
    _watch.handled.append(type(dialog).__name__)  # what the walk drove, for the dialog-coverage check
    try:
        handler(dialog)
        if dialog.isVisible() and QApplication.activeModalWidget() is dialog:
            raise AssertionError(f"the handler left {type(dialog).__name__} «{dialog.windowTitle()}» open")
        return True
    except BaseException as error:  # noqa: BLE001 - re-raised in the test, after the dialog is closed
        state["error"] = error
        _close(dialog)
        return False
    finally:
        _watch.handling.remove(dialog)


class StrayDialogWatch:
    """Closes a modal dialog nobody is waiting for (after `patience` ticks), so a walk fails instead of hanging."""

    def __init__(self) -> None:
        self.polling = 0
        self.handling: list[QWidget] = []
        self.handled: list[str] = []  # class names of the dialogs handlers ran on, since start()
        self.strays: list[str] = []
        self._ticks = 0
        self._timer: QTimer | None = None

    def start(self, interval: int = 250, patience: int = 12) -> None:
        self.strays, self.handled, self._ticks, self._patience = [], [], 0, patience
        self._timer = QTimer()
        self._timer.timeout.connect(self._tick)
        self._timer.start(interval)

    def stop(self) -> list[str]:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        return self.strays

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or self.polling or any(d is dialog for d in self.handling):
            self._ticks = 0
            return
        self._ticks += 1
        if self._ticks >= self._patience:
            self.strays.append(dialog_text(dialog).replace("\n", " | "))
            self._ticks = 0
            _close(dialog)


_watch = StrayDialogWatch()


def watch_for_stray_dialogs() -> StrayDialogWatch:
    return _watch


def _close(dialog: QWidget) -> None:
    if dialog.isVisible():
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()


def answer(qtbot: Any, text: str, seen: list[str] | None = None) -> Handler:
    """A handler that clicks the button `text` of a message box (or any dialog); its text goes to `seen`."""
    def handle(dialog: QWidget) -> None:
        if seen is not None:
            seen.append(dialog_text(dialog))
        click_button(qtbot, dialog, text)
    return handle


def dialog_text(dialog: QWidget) -> str:
    """Title and every visible label of a dialog, one per line (what the clerk reads)."""
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text()]
    return "\n".join([dialog.windowTitle(), *labels])


# --- finding widgets ----------------------------------------------------------------------------------


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible, enabled button whose text is `text` (exactly, else the only one starting with it)."""
    buttons = [b for b in parent.findChildren(QAbstractButton) if b.isVisible() and _plain(b.text())]
    exact = [b for b in buttons if _plain(b.text()) == _plain(text)]
    found = exact or [b for b in buttons if _plain(b.text()).startswith(_plain(text))]
    if len(found) != 1:
        raise AssertionError(f"{len(found)} buttons «{text}» in {type(parent).__name__}: "
                             f"{[_plain(b.text()) for b in buttons]}")
    return found[0]


def field(parent: QWidget, label: str) -> QWidget:
    """The input beside the form label `label` (a QFormLayout row or a label's buddy)."""
    for form in parent.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item else None
            if isinstance(widget, QLabel) and _plain(widget.text()) == _plain(label):
                return form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
    for widget in parent.findChildren(QLabel):
        if _plain(widget.text()) == _plain(label) and widget.buddy() is not None:
            return widget.buddy()
    raise AssertionError(f"no field «{label}» in {type(parent).__name__}")


# --- acting on widgets ---------------------------------------------------------------------------------


def click(qtbot: Any, widget: QWidget) -> None:
    assert widget.isEnabled(), f"«{getattr(widget, 'text', lambda: '')()}» is disabled"
    qtbot.mouseClick(widget, LEFT)


def click_button(qtbot: Any, parent: QWidget, text: str) -> None:
    click(qtbot, button(parent, text))


def fill(qtbot: Any, widget: QWidget, value: Any) -> None:
    """Give `widget` the value a clerk would type or pick: text, date, number, tick or combo entry."""
    if isinstance(widget, QComboBox) and not widget.isEditable():
        choose(qtbot, widget, str(value))
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate(value.year, value.month, value.day))  # the editor's own setter; its signals fire
    elif isinstance(widget, QAbstractSpinBox):
        widget.setValue(value)  # type: ignore[attr-defined]
    elif isinstance(widget, QCheckBox):
        tick(qtbot, widget, bool(value))
    elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox)):
        replace_text(widget, str(value))
    else:
        raise AssertionError(f"fill does not know {type(widget).__name__}")


def replace_text(widget: QWidget, text: str) -> None:
    """Select everything in the editor and type `text` over it (Chinese through the input method)."""
    editor = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    editor.setFocus()
    editor.selectAll()
    if isinstance(editor, QLineEdit) and text == "":
        editor.del_()
        return
    if isinstance(editor, (QTextEdit, QPlainTextEdit)) and text == "":
        editor.textCursor().removeSelectedText()
        return
    type_text(editor, text)


def tick(qtbot: Any, box: QCheckBox, on: bool = True) -> None:
    """Click the check box's indicator until it shows `on`."""
    if box.isChecked() != on:
        qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() == on, f"«{box.text()}» did not change"


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Open the combo's list and click the entry whose visible text is `text` (else the one containing it)."""
    texts = [combo.itemText(i) for i in range(combo.count())]
    matches = [i for i, t in enumerate(texts) if t == text] or [i for i, t in enumerate(texts) if text in t]
    if len(matches) != 1:
        raise AssertionError(f"{len(matches)} entries «{text}» in the combo: {texts}")
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = view.model().index(matches[0], combo.modelColumn(), view.rootIndex())
    view.scrollTo(index)
    # The centre of the part of the entry that shows: a narrow popup can be narrower than its entries.
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).intersected(view.viewport().rect()).center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentIndex() == matches[0], f"«{text}» was not chosen (now «{combo.currentText()}»)"


# --- printing ---------------------------------------------------------------------------------------


def render_preview(qtbot: Any, screen: QWidget, timeout: int = 20000) -> str:
    """Click 生成预览 on 打印中心 and wait for the PDF to show; the preview's status line (with 校验码)."""
    preview = screen.preview
    before = preview.status_label.text()
    click_button(qtbot, screen, "生成预览")
    qtbot.waitUntil(lambda: preview.print_button.isEnabled() and preview.status_label.text() != before
                    and preview.status_label.text().startswith("预览"), timeout=timeout)
    return preview.status_label.text()


def print_to_pdf(qtbot: Any, print_button: QAbstractButton, target: Path) -> None:
    """Click 打印…, pick the PDF printer in the real print dialog, give `target` as its file, click 打印."""
    def handle(dialog: QWidget) -> None:
        printers = dialog.findChild(QComboBox, "printers")
        choose(qtbot, printers, "PDF")
        fill(qtbot, dialog.findChild(QLineEdit, "filename"), str(target))
        click_button(qtbot, dialog, "打印")

    with expect_dialog(qtbot, handle):
        click(qtbot, print_button)
    # printing runs off the GUI thread: the file is whole once 打印… is offered again
    qtbot.waitUntil(lambda: print_button.isEnabled() and target.exists() and target.stat().st_size > 0,
                    timeout=30_000)


def save_as(qtbot: Any, target: Path) -> Handler:
    """A handler for Qt's own file dialog (另存为…, 选择文件…): type `target` as the file name, click 保存/打开."""
    def handle(dialog: QWidget) -> None:
        fill(qtbot, dialog.findChild(QLineEdit, "fileNameEdit"), str(target))
        accept = [b for b in ("保存", "打开", "选择") if _has_button(dialog, b)]
        click_button(qtbot, dialog, accept[0])
    return handle


def _has_button(parent: QWidget, text: str) -> bool:
    return any(_plain(b.text()) == text for b in parent.findChildren(QAbstractButton) if b.isVisible())


def fingerprint(status: str) -> str:
    """The 校验码 in a preview's status line."""
    found = re.search(r"校验码 ([0-9A-F]{4}-[0-9A-F]{4})", status)
    assert found, status
    return found.group(1)


# --- the command line ---------------------------------------------------------------------------------


def cli_json(db_path: Path, *args: str, expect: int = 0) -> Any:
    """`main.py --db DB --json ARGS…`, in-process; the parsed JSON (the exit code must be `expect`)."""
    code, result = run_json(db_path, *args)
    assert code == expect, f"main.py {' '.join(args)} exited {code}: {result}"
    return result
