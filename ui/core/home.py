"""首页: the village at a glance — who is logged in, the last backup, overdue resolutions, the latest work."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QScrollArea, QTableView, QVBoxLayout, QWidget

from models.core.audit import AuditEntry, action_label, table_label
from models.core.audit_sentences import clerk_sentence
from models.core.changes import Changed, Entity
from models.minutes.followups import FollowUp
from models.core.ports import Stores
from ui.core.bus import DataBus
from ui.widgets.rows_model import RowsTableModel



@dataclass(frozen=True)
class RecentLine:
    """One line of 最近的操作: the audit entry and what it means in a clerk's words."""

    entry: AuditEntry
    text: str


RECENT_COLUMNS = (("时间", lambda r: _local(r.entry.at)), ("操作人", lambda r: r.entry.actor_name),
                  ("操作", lambda r: action_label(r.entry.action)), ("对象", lambda r: table_label(r.entry.table_name)),
                  ("内容", lambda r: r.text))
RECENT_SHOWN = 15
OVERDUE_SHOWN = 8  # the home screen lists the most overdue; the minutes screen has them all
OVERDUE_COLUMNS = (("应完成", lambda f: f.due.isoformat() if f.due else ""),
                   ("逾期", lambda f: f"{(date.today() - f.due).days} 天" if f.due else ""),
                   ("状态", lambda f: f.status.label), ("责任人", lambda f: f.owner or "未指定"),
                   ("决议事项", lambda f: f.title))
_OVERDUE_SOURCES = (Entity.MEETING, Entity.FOLLOW_UP, Entity.CONVENE_PROPOSAL)


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _local(iso_utc: str) -> str:
    return datetime.fromisoformat(iso_utc).astimezone().strftime("%Y-%m-%d %H:%M")


def recent_lines(entries: Sequence[AuditEntry], peer_names: Mapping[str, str]) -> list[RecentLine]:
    """The shown lines; the stored summaries (hashed into the audit chain) stay as they are."""
    return [RecentLine(entry, clerk_sentence(entry, peer_names)) for entry in entries]


class HomeScreen(QWidget):
    """首页 — its header is built at once; its lists are built just after the window appears."""

    populated = Signal()  # the lists are built and filled

    def __init__(self, stores: Stores, bus: DataBus) -> None:
        super().__init__()
        self._stores, self._bus = stores, bus
        self.is_populated = False
        self._build_ui()
        self._bus.changed.connect(self._on_bus_changed)

    def _build_ui(self) -> None:
        profile = self._stores.profile.get()
        # Plain text with a large font: a rich-text label would load Qt's document machinery at start-up.
        self.title_label = QLabel(profile.display_name)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.summary_label = QLabel()
        self.steps_label = QLabel(self.tr("正在查看逾期事项……"))
        self.overdue_label = QLabel()
        self.convene_label = QLabel()
        self.care_label = QLabel()  # 网格关怀: households whose visit is overdue (R52)
        self.matters_label = QLabel()  # 群众说事: matters past their due date
        self.disclosures_label = QLabel()  # 三务公开: due within a week, and overdue (R41)
        self._overdue: list[FollowUp] = []
        self._layout = QVBoxLayout(self)
        for label in (self.title_label, self.summary_label):
            self._layout.addWidget(label)
        # Six areas' reminders with up to OVERDUE_SHOWN lines each outgrow a 768-px screen: they scroll in a pane of
        # their own, which shares the height with the recent operations.
        reminders = QWidget()
        self._reminders = QVBoxLayout(reminders)
        self._reminders.setContentsMargins(0, 0, 0, 0)
        # Unwrapped, one reminder a line: a wrapped label's height is unknown to a scroll area (the lines overlapped).
        for label in (self.steps_label, self.convene_label, self.care_label, self.matters_label,
                      self.disclosures_label, self.overdue_label):
            self._reminders.addWidget(label)
        self._reminders.addStretch(1)
        self.reminders_scroll = QScrollArea()
        self.reminders_scroll.setObjectName("home_reminders")
        self.reminders_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.reminders_scroll.setWidgetResizable(True)
        self.reminders_scroll.setWidget(reminders)
        self._layout.addWidget(self.reminders_scroll, 3)
        self._show_summary()
        # The tables (Qt builds their Python enums on first use), the overdue follow-ups and every revision's
        # guards take about 0.15 s: done just after the window appears, so the clerk can click at once.
        self._populate_timer = QTimer(self, singleShot=True, interval=150)
        self._populate_timer.timeout.connect(self._populate)
        self._populate_timer.start()

    def populate_now(self) -> None:
        """Fill the lists at once rather than when the timer fires (a benchmark measures the screen filled)."""
        if not self.is_populated:
            self._populate_timer.stop()
            self._populate()

    def _populate(self) -> None:
        self.overdue_model = RowsTableModel(OVERDUE_COLUMNS, lambda: self._overdue[:OVERDUE_SHOWN])
        self.overdue_view = _table(self.overdue_model)
        self.recent_model = RowsTableModel(RECENT_COLUMNS, self._recent_lines)
        self.recent_view = _table(self.recent_model)
        self._reminders.insertWidget(self._reminders.count() - 1, self.overdue_view)  # above the stretch
        self._layout.addWidget(QLabel(self.tr("最近的操作：")))
        self._layout.addWidget(self.recent_view, 2)
        self._show_overdue()
        self._show_overdue_steps()
        self._show_care()
        self._show_overdue_matters()
        self._show_disclosures()
        self.is_populated = True
        self.populated.emit()

    def _recent_lines(self) -> list[RecentLine]:
        entries = self._stores.audit.recent(RECENT_SHOWN)
        # Peers are named only when a sync entry is shown: the sync service takes 0.1 s to import.
        synced = any(entry.table_name.startswith("sync_") for entry in entries)
        names = {peer.node: peer.name for peer in self._stores.sync.peers()} if synced else {}
        return recent_lines(entries, names)

    def _show_overdue_steps(self) -> None:
        """九步工作法: steps of a revision in progress that are past their target date."""
        late = self._stores.workflow.revisions.overdue_steps(date.today())
        lines = [item.text for item in late[:OVERDUE_SHOWN]]
        self.steps_label.setText("村规民约修订逾期的步骤：\n" + "\n".join(f"· {line}" for line in lines) if lines
                                 else "村规民约修订：没有逾期的步骤")

    def _show_overdue(self) -> None:
        """议后怎么办: resolutions past their deadline and not yet done, most overdue first."""
        self._overdue = self._stores.follow_ups.overdue(date.today())
        self._show_convene()
        self.overdue_model.reload()
        count = len(self._overdue)
        more = f"（显示最早的 {OVERDUE_SHOWN} 项，全部请到“会议记录”查看）" if count > OVERDUE_SHOWN else ""
        self.overdue_label.setText(f"逾期未落实的决议：{count} 项{more}" if count else "逾期未落实的决议：无")
        self.overdue_view.setVisible(bool(count))
        rows = min(count, OVERDUE_SHOWN)
        self.overdue_view.setFixedHeight(self.overdue_view.horizontalHeader().height() + 4 +
                                         rows * self.overdue_view.verticalHeader().defaultSectionSize())

    def _show_overdue_matters(self) -> None:
        """群众说事: matters past their due date, not yet dealt with (their number, class and who has them)."""
        late = self._stores.matters.overdue(date.today())
        lines = [f"· {m.number} {m.cls.label}：{m.assignee}，期限 {m.due}" for m in late[:OVERDUE_SHOWN]]
        self.matters_label.setText(f"超期未办结的群众说事：{len(late)} 件\n" + "\n".join(lines) if late
                                   else "超期未办结的群众说事：无")

    def _show_convene(self) -> None:
        """R10: meetings villagers or representatives demanded by a signed proposal, not yet held."""
        tasks = self._stores.convene_proposals.proposals(open_only=True)
        late = [p for p in tasks if p.overdue(date.today())]
        lines = [f"· {p.body.label}：{p.subject}（{p.received.isoformat()} 收到"
                 + (f"，期限 {p.due.isoformat()}{'，已过期' if p in late else ''}" if p.due else "") + "）"
                 for p in tasks[:OVERDUE_SHOWN]]
        self.convene_label.setText("应当召集的会议：\n" + "\n".join(lines) if lines else "应当召集的会议：无")

    def _show_care(self) -> None:
        from models.care.services import care_list

        # Only the scheduled households can be overdue: a county roll-up's 37,500 households are not read (issue 17).
        late = care_list(self._stores, date.today(), overdue_only=True).scheduled
        lines = [f"· {r.household_no} {r.head_name}（{r.level.label}）" for r in late[:OVERDUE_SHOWN]]
        more = "\n· ……（全部请到“网格关怀”查看）" if len(late) > OVERDUE_SHOWN else ""
        self.care_label.setText(f"逾期未走访的户：{len(late)} 户\n" + "\n".join(lines) + more if late
                                else "逾期未走访的户：无")

    def _show_disclosures(self) -> None:
        due = self._stores.disclosures.reminders(date.today())
        lines = [f"· {o.category} {o.subject or o.period}：{s.label}（应于 {o.due.isoformat()} 前）"
                 for o, s in due[:OVERDUE_SHOWN]]
        self.disclosures_label.setText("三务公开：\n" + "\n".join(lines) if lines else "三务公开：没有到期的事项")

    def _show_summary(self) -> None:
        actor = self._stores.actor
        last = self._stores.backups.last_backup_time() or self.tr("尚无（今天第一次使用时会自动备份）")
        self.summary_label.setText(f"当前用户：{actor.name}（{actor.role.label}）　　上次备份：{last}")

    def _on_bus_changed(self, change: Changed) -> None:
        self._show_summary()
        if not self.is_populated:
            return  # _populate reads everything fresh
        self.recent_model.reload()
        if change.concerns(*_OVERDUE_SOURCES):
            self._show_overdue()
        if change.concerns(Entity.WORKFLOW):
            self._show_overdue_steps()
        if change.concerns(Entity.CARE_LEVEL, Entity.CARE_VISIT, Entity.CARE_SETTINGS, Entity.HOUSEHOLD):
            self._show_care()
        if change.concerns(Entity.MATTER):
            self._show_overdue_matters()
        if change.concerns(Entity.DISCLOSURE, Entity.DISCLOSURE_SETTINGS, Entity.FOUR_TWO_MATTER):
            self._show_disclosures()


def create_screen(stores: Stores, bus: DataBus) -> HomeScreen:
    return HomeScreen(stores, bus)
