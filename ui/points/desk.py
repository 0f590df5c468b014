"""TownshipPointsScreen (乡镇端 各村积分): each village's confirmed points of a period as the bundles brought them,
ranked — the roll-up above the village (户 → 组 → 村 → 乡镇, as Dongkou runs it) — and their applications to exchange
points for projects, reviewed here."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.lists.entries import Period
from models.points.ports import ApplicationStore, VillageTotals
from ui.core.bus import DataBus
from ui.points.applications_box import ApplicationsBox
from ui.widgets.rows_model import RowsTableModel

COLUMNS = (("名次", lambda r: str(r[0])), ("村", lambda r: r[1].key), ("加分", lambda r: f"+{r[1].plus}"),
           ("扣分", lambda r: str(r[1].minus)), ("合计", lambda r: str(r[1].total)))


class TownshipPointsScreen(QWidget):
    def __init__(self, villages: VillageTotals, bus: DataBus, applications: ApplicationStore | None = None,
                 may_review: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._villages = villages
        self.applications_box = ApplicationsBox(applications, bus, may_review) if applications else None
        self.period_edit = QLineEdit(date.today().strftime("%Y-%m"))
        self.show_button = QPushButton(self.tr("汇总"))
        self.model = RowsTableModel(COLUMNS)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("期间（2026-03、2026-Q1 或 2026）")))
        row.addWidget(self.period_edit)
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("各村已确认积分的汇总与排名（来自各村的同步包）：")))
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        if self.applications_box is not None:
            layout.addWidget(self.applications_box, 1)
        self.show_button.clicked.connect(self.reload)
        self.period_edit.returnPressed.connect(self.reload)
        bus.changed.connect(self._on_bus_changed)
        self.reload()

    def reload(self) -> None:
        try:
            period = Period.parse(self.period_edit.text())
        except DomainError as error:
            self.status.setText(error.message)
            return
        rows = self._villages.village_totals(period)
        ranked, rank, previous = [], 0, None
        for position, one in enumerate(rows, 1):
            rank = rank if one.total == previous else position
            previous = one.total
            ranked.append((rank, one))
        self.model.set_rows(ranked)
        self.status.setText(self.tr("{0}共 {1} 个村有积分记录。").format(period.text, len(rows)) if rows else
                            self.tr("{0}还没有村的积分记录。村里导出同步包、在这里导入后即可看到。").format(period.text))

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.POINTS_ENTRY, Entity.PROFILE):
            self.reload()
