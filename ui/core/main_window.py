"""The main window: navigation sidebar, one screen per area, menus, status bar, idle lock."""
from __future__ import annotations

import logging

from PySide6.QtCore import QRect, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QMessageBox, QWidget)

from models.core.changes import Changed, Entity
from models.core.ports import Backend, Stores
from ui.core.areas import Area, areas_for
from ui.core.background import run_in_background
from ui.core.bus import DataBus
from ui.core.fit import AreaStack, fitted_geometry, scrolling
from ui.core.help import HelpMenu
from ui.core.idle import IdleWatcher
from ui.core.lock import lock_session
from ui.core.warmup import BACKGROUND, ModuleWarmup, warm_packages
from ui.widgets.unsaved import DirtyForm, may_leave

log = logging.getLogger(__name__)
AREA_ROLE = Qt.ItemDataRole.UserRole + 1
WARMUP_AFTER_MS = 400


class MainWindow(QMainWindow):
    """主窗口 — built after login, for one logged-in user."""

    def __init__(self, backend: Backend, stores: Stores) -> None:
        super().__init__()
        self._backend, self._stores = backend, stores
        self.bus = DataBus(self)
        self.undo_group = QUndoGroup(self)
        self._screens: dict[str, QWidget] = {}
        self._locked = False
        self._closed = False  # a closed window runs no more backups (its first one is due 1.5 s after start)
        self._build_ui()
        self._connect_signals()
        self._restore_geometry()
        QTimer.singleShot(1500, self._run_daily_backup)
        # After the first paint and 首页's fill: the other screens' modules load while the clerk reads it.
        self.warmup = ModuleWarmup(warm_packages(area.factory for area in self._areas), self, background=BACKGROUND)
        QTimer.singleShot(WARMUP_AFTER_MS, self.warmup.start)
        self.backup_timer = QTimer(self, interval=3600 * 1000)  # hourly look: a new day needs a new backup
        self.backup_timer.timeout.connect(self._run_daily_backup)
        self.backup_timer.start()

    def _build_ui(self) -> None:
        profile = self._backend.profile()
        self._areas = areas_for(profile.mode.value)
        self.setWindowTitle(self.tr("乡约 — %1").replace("%1", profile.display_name))
        self.area_list = QListWidget()
        self.area_list.setStyleSheet("QListWidget { font-size: 12pt; } QListWidget::item { padding: 10px; }")
        self.area_list.setFixedWidth(self._sidebar_width())  # as narrow as its labels: screens need the width
        self.area_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area_stack = AreaStack()
        for area in self._areas:
            self._add_area_item(area)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.area_list)
        layout.addWidget(scrolling(self.area_stack), 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar(profile.display_name)
        self.idle_watcher = IdleWatcher(self)

    def _sidebar_width(self) -> int:
        font = QFont(self.area_list.font())
        font.setPointSizeF(12)
        widest = max(QFontMetrics(font).horizontalAdvance(line) for area in self._areas
                     for line in (area.label, "（尚未开放）"))
        return max(120, widest + 2 * 10 + 2 * self.area_list.frameWidth() + 24)  # item padding, frame, a scroll bar

    def _add_area_item(self, area: Area) -> None:
        item = QListWidgetItem(area.label if area.factory else f"{area.label}\n（尚未开放）")
        item.setData(AREA_ROLE, area.key)
        if area.factory is None:
            item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, greyed out, not selectable: never a fake screen
            item.setToolTip(self.tr("这一部分尚未开放，将在后续版本中提供。"))
        self.area_list.addItem(item)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.backup_action = QAction(self.tr("立即备份(&B)"), self)
        self.lock_action = QAction(self.tr("锁定(&L)"), self, shortcut=QKeySequence("Ctrl+L"))
        self.quit_action = QAction(self.tr("退出(&X)"), self, shortcut=QKeySequence.StandardKey.Quit)
        for action in (self.backup_action, self.lock_action, self.quit_action):
            file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.help = HelpMenu(self, self._current_area)
        self.help.install(edit_menu.addActions, help_menu.addAction)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("关于乡约"), self)
        help_menu.addAction(self.about_action)

    def _current_area(self) -> tuple[str, QWidget | None]:
        """The key and screen of the area in front (for F1 and the shortcuts that act on it)."""
        screen = self.area_stack.currentWidget()
        return next((key for key, shown in self._screens.items() if shown is screen), ""), screen

    def _build_status_bar(self, village: str) -> None:
        actor = self._stores.actor
        self.village_label = QLabel(village)
        self.user_label = QLabel(f"{actor.name}（{actor.role.label}）")
        self.backup_label = QLabel()
        for label in (self.village_label, self.user_label, self.backup_label):
            self.statusBar().addPermanentWidget(label)
        self._show_last_backup()

    def _connect_signals(self) -> None:
        self.area_list.currentItemChanged.connect(self._on_area_list_current_item_changed)
        self.backup_action.triggered.connect(self._on_backup_action_triggered)
        self.lock_action.triggered.connect(self.lock)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.idle_watcher.idle.connect(self.lock)
        self.bus.changed.connect(self._on_bus_changed)

    def open_area(self, key: str) -> QWidget:
        """Show an area's screen, building it the first time (its module loads only then)."""
        if key not in self._screens:
            area = next(a for a in self._areas if a.key == key)
            screen = area.load_factory()(self._stores, self.bus)
            self._screens[key] = screen
            self.area_stack.addWidget(screen)
            if getattr(screen, "undo_stack", None) is not None:
                self.undo_group.addStack(screen.undo_stack)
        screen = self._screens[key]
        self.area_stack.setCurrentWidget(screen)
        if getattr(screen, "undo_stack", None) is not None:
            self.undo_group.setActiveStack(screen.undo_stack)
        return screen

    def _on_area_list_current_item_changed(self, current: QListWidgetItem | None,
                                           previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        if previous is not None and not self._may_leave(self.area_stack.currentWidget()):
            self.area_list.blockSignals(True)  # 取消: the sidebar shows the screen that stays
            self.area_list.setCurrentItem(previous)
            self.area_list.blockSignals(False)
            return
        self.open_area(current.data(AREA_ROLE))

    def _may_leave(self, screen: QWidget | None) -> bool:
        """A screen with an inline form asks 保存 / 不保存 / 取消 about its unsaved typing before it is left."""
        return not isinstance(screen, DirtyForm) or may_leave(screen, self)

    def lock(self) -> None:
        """Cover everything until the same user's password is given again (or quit)."""
        if self._locked:
            return  # already waiting for the password: never stack a second prompt
        self._locked = True
        self.idle_watcher.stop()
        try:
            unlocked = lock_session(self._backend, self._stores.actor.username)
        finally:
            self._locked = False
        if not unlocked:
            self.close()
            return
        self.idle_watcher.restart()
        self._run_daily_backup()  # an app left open for days still gets its daily backup

    def _run_daily_backup(self) -> None:
        if self._closed:
            return
        run_in_background(self._stores.backups.daily_backup_if_due,
                          lambda changed: self._on_backup_done(changed, automatic=True), self._on_backup_failed, self)

    def _on_backup_action_triggered(self) -> None:
        self.statusBar().showMessage(self.tr("正在备份……"))
        run_in_background(self._stores.backups.backup_now,
                          lambda changed: self._on_backup_done(changed, automatic=False), self._on_backup_failed, self)

    def _on_backup_done(self, changed: Changed | None, automatic: bool) -> None:
        """`changed` names the backup file written (None: the day's automatic one existed already)."""
        if changed is not None:
            self.bus.changed.emit(changed)
            if not automatic:
                self.statusBar().showMessage(self.tr("已备份到 %1").replace("%1", changed.id), 8000)

    def _on_backup_failed(self, error: Exception) -> None:
        log.error("backup failed: %s", error)
        QMessageBox.warning(self, self.tr("备份失败"),
                            self.tr("备份没有完成：%1。请检查磁盘空间后，从“文件 → 立即备份”重试。").replace("%1", str(error)))

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.BACKUP):
            self._show_last_backup()
        if change.concerns(Entity.SETTINGS) and not self._locked:
            self.idle_watcher.restart()

    def _show_last_backup(self) -> None:
        last = self._stores.backups.last_backup_time()
        self.backup_label.setText(self.tr("上次备份：%1").replace("%1", last or self.tr("尚无")))

    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(self, self.tr("关于乡约"), self.tr(
            "乡约：村务管理（离线）。\n数据保存在本机；撤销（Ctrl+Z）只在本次打开期间有效，重新打开后从空开始。"))

    def _restore_geometry(self) -> None:
        """The size and place the window had when last closed, if on a screen of the same size; otherwise (the
        first start, a new screen, a changed resolution) 1280×800 where the screen has room, else what it has."""
        settings = QSettings()
        available = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        saved = settings.value("main_window/geometry")
        if saved is None or settings.value("main_window/screen") != _screen_key(available) \
                or not self.restoreGeometry(saved):
            self.setGeometry(fitted_geometry(available))
        first = next(i for i in range(self.area_list.count()) if self.area_list.item(i).flags() != Qt.ItemFlag.NoItemFlags)
        self.area_list.setCurrentRow(first)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(self._may_leave(screen) for screen in self._screens.values()):
            event.ignore()  # 取消: the window stays open with the typing
            return
        if self.help.guide is not None:
            self.help.guide.close()  # the guide window belongs to this window's session
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        QSettings().setValue("main_window/screen", _screen_key(self.screen().availableGeometry()))
        self._closed = True
        self.backup_timer.stop()
        # Let a running backup finish writing before Qt tears down (it takes seconds at most).
        QThreadPool.globalInstance().waitForDone(30_000)
        super().closeEvent(event)


def _screen_key(available: QRect) -> str:
    return f"{available.width()}x{available.height()}"
