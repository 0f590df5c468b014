"""The GUI shell offscreen: wizard → login → main window, settings, idle lock."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from models.core.accounts import Role
from storage.core.backend import SqliteBackend
from tests.conftest import PASSWORD
from tests.helpers import type_text
from ui.core.login import LoginDialog
from ui.core.main_window import MainWindow
from ui.core.settings.dialogs import NewUserDialog, NewUser
from ui.core.wizard import SetupWizard


def test_wizard_then_login_then_main_window(qtbot, tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path / "new.sqlite3")
    assert not backend.is_initialised()
    wizard = SetupWizard(backend)
    qtbot.addWidget(wizard)
    wizard.show()
    for edit, text in ((wizard.profile_page.village_edit, "青石村"), (wizard.profile_page.township_edit, "德化乡"),
                       (wizard.profile_page.county_edit, "黎平县")):
        type_text(edit, text)
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    type_text(wizard.admin_page.password_edit, PASSWORD)
    type_text(wizard.admin_page.confirm_edit, PASSWORD)
    wizard.accept()
    assert backend.is_initialised() and backend.profile().village == "青石村"

    dialog = LoginDialog(backend.login, "登录")
    qtbot.addWidget(dialog)
    type_text(dialog.username_edit, "admin")
    type_text(dialog.password_edit, "wrong-password")
    qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "不正确" in dialog.error_label.text() and dialog.result_value is None
    type_text(dialog.password_edit, PASSWORD)
    qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result_value is not None and dialog.result_value.actor.role is Role.ADMIN

    window = MainWindow(backend, dialog.result_value)
    qtbot.addWidget(window)
    window.show()
    assert "青石村" in window.windowTitle()
    assert window.user_label.text() == "admin（管理员）"
    assert "上次备份" in window.backup_label.text()


def test_wizard_refuses_missing_village_name(qtbot, tmp_path: Path, monkeypatch) -> None:
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    wizard = SetupWizard(SqliteBackend(tmp_path / "w.sqlite3"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.profile_page and "村名" in warnings[0]


def test_unbuilt_areas_are_disabled_not_faked(qtbot, backend, stores) -> None:
    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    items = [window.area_list.item(i) for i in range(window.area_list.count())]
    disabled = [i.text() for i in items if i.flags() == Qt.ItemFlag.NoItemFlags]
    assert all(text.endswith("（尚未开放）") for text in disabled)
    assert window.area_stack.currentWidget() is not None


def test_daily_backup_runs_in_background_and_updates_status(qtbot, backend, stores) -> None:
    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "尚无" not in window.backup_label.text(), timeout=5000)
    assert stores.backups.last_backup_time() is not None


def test_idle_lock_hides_the_window_until_unlocked(qtbot, backend, stores, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(LoginDialog, "unlock", lambda backend_, username, parent: asked.append(username) or True)
    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.idle_watcher.idle, timeout=2000):
        window.idle_watcher.set_interval_ms(50)
    assert asked == ["admin"] and window.centralWidget().isVisible()


def test_keyboard_input_keeps_the_window_unlocked(qtbot, backend, stores, monkeypatch) -> None:
    monkeypatch.setattr(LoginDialog, "unlock", lambda *args: True)
    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.idle_watcher.watching_input, timeout=5000)
    idle = []
    window.idle_watcher.idle.connect(lambda: idle.append(True))
    window.idle_watcher.set_interval_ms(400)
    for _ in range(8):  # 0.8 s of typing, twice the idle interval
        qtbot.keyClick(window, Qt.Key.Key_Shift)
        qtbot.wait(100)
    assert idle == []
    qtbot.waitUntil(lambda: idle == [True], timeout=3000)


def test_failed_unlock_closes_the_window(qtbot, backend, stores, monkeypatch) -> None:
    monkeypatch.setattr(LoginDialog, "unlock", lambda *args: False)
    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    window.show()
    window.lock()
    assert not window.isVisible()


def test_settings_add_user_and_undo_profile_edit(qtbot, backend, stores, monkeypatch) -> None:
    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    screen = window.open_area("settings")
    monkeypatch.setattr(NewUserDialog, "ask", classmethod(
        lambda cls, parent=None: NewUser("wenshu", "吴晓梅", Role.CLERK, PASSWORD)))
    qtbot.mouseClick(screen.add_user_button, Qt.MouseButton.LeftButton)
    assert [u.username for u in stores.accounts.list_users()] == ["admin", "wenshu"]
    assert screen.users_model.rowCount() == 2
    screen.village_edit.clear()
    type_text(screen.village_edit, "青山村")
    qtbot.mouseClick(screen.save_profile_button, Qt.MouseButton.LeftButton)
    assert backend.profile().village == "青山村"
    window.undo_action.trigger()
    assert backend.profile().village == "青石村" and screen.village_edit.text() == "青石村"
    assert screen.audit_model.rowCount() >= 4


def test_clerk_cannot_manage_users(qtbot, backend, stores) -> None:
    stores.accounts.create_user("wenshu", "吴晓梅", Role.CLERK, PASSWORD)
    clerk = backend.login("wenshu", PASSWORD)
    window = MainWindow(backend, clerk)
    qtbot.addWidget(window)
    screen = window.open_area("settings")
    assert not screen.add_user_button.isEnabled() and not screen.save_profile_button.isEnabled()


def test_table_models_pass_the_model_tester(qtmodeltester, backend, stores) -> None:
    from ui.core.settings.table_model import audit_table_model, user_table_model
    qtmodeltester.check(user_table_model(stores.accounts))
    qtmodeltester.check(audit_table_model(stores.audit))


def test_verify_audit_button_reports_intact_chain(qtbot, backend, stores, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[1]))
    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    screen = window.open_area("settings")
    qtbot.mouseClick(screen.verify_button, Qt.MouseButton.LeftButton)
    assert shown == ["审计链完好"]
    assert QApplication.instance() is not None and QTimer is not None


def test_lock_covers_open_windows_and_never_stacks_prompts(qtbot, backend, stores, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog
    from ui.core.lock import LockCover
    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    window.show()
    side = QDialog()
    side.setWindowTitle("编辑村民：张三 身份证 522631…")
    qtbot.addWidget(side)
    side.show()
    seen = []

    def unlock(backend_, username, parent):
        seen.append((side.isVisible(), window.isVisible(), isinstance(parent, LockCover) and parent.isVisible()))
        window.lock()  # the idle timer firing again while the prompt is open
        return True

    monkeypatch.setattr(LoginDialog, "unlock", unlock)
    window.lock()
    assert seen == [(False, False, True)]
    assert side.isVisible() and window.isVisible()
