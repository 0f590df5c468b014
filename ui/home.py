"""首页: the village at a glance — who is logged in, the last backup, and the latest recorded work."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from models.audit import action_label, table_label
from models.changes import Changed
from models.ports import Stores
from ui.bus import DataBus
from ui.widgets.rows_model import RowsTableModel

RECENT_COLUMNS = (("时间", lambda e: _local(e.at)), ("操作人", lambda e: e.actor_name),
                  ("操作", lambda e: action_label(e.action)), ("对象", lambda e: table_label(e.table_name)),
                  ("内容", lambda e: e.summary))


def _local(iso_utc: str) -> str:
    return datetime.fromisoformat(iso_utc).astimezone().strftime("%Y-%m-%d %H:%M")


class HomeScreen(QWidget):
    """首页 — cheap to build, so the main window is ready at once."""

    def __init__(self, stores: Stores, bus: DataBus) -> None:
        super().__init__()
        self._stores, self._bus = stores, bus
        self._build_ui()
        self._bus.changed.connect(self._on_bus_changed)

    def _build_ui(self) -> None:
        profile = self._stores.profile.get()
        self.title_label = QLabel(f"<h2>{profile.display_name}</h2>")
        self.summary_label = QLabel()
        self.recent_model = RowsTableModel(RECENT_COLUMNS, lambda: self._stores.audit.recent(15))
        self.recent_view = QTableView()
        self.recent_view.setModel(self.recent_model)
        self.recent_view.verticalHeader().hide()
        self.recent_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.recent_view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(QLabel(self.tr("最近的操作：")))
        layout.addWidget(self.recent_view, 1)
        self._show_summary()

    def _show_summary(self) -> None:
        actor = self._stores.actor
        last = self._stores.backups.last_backup_time() or self.tr("尚无（今天第一次使用时会自动备份）")
        self.summary_label.setText(f"当前用户：{actor.name}（{actor.role.label}）　　上次备份：{last}")

    def _on_bus_changed(self, change: Changed) -> None:
        self._show_summary()
        self.recent_model.reload()


def create_screen(stores: Stores, bus: DataBus) -> HomeScreen:
    return HomeScreen(stores, bus)
