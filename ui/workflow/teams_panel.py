"""Step 3's teams (自治队伍) and their duty rosters: add, change or withdraw a team, generate and edit its roster."""
from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from models.core.errors import DomainError
from models.workflow.figures import generate_roster, parse_holidays
from models.workflow.ports import TeamStore
from models.workflow.records import Shift, Team, TeamKind
from ui.widgets.choice_combo import ChoiceCombo
from ui.workflow.page_base import StepPage, date_edit, day_of, note, selected, table


class TeamsPanel(QWidget):
    """The committee page's teams table with its form, and the selected team's roster; each change is an
    undoable edit of the page."""

    def __init__(self, page: StepPage) -> None:
        super().__init__()
        self._page = page
        self._build_ui()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.team_kind_combo: ChoiceCombo[TeamKind] = ChoiceCombo()
        for kind in TeamKind:
            self.team_kind_combo.add_choice(kind.label, kind)
        self.team_name_edit, self.team_leader_edit, self.team_members_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.team_members_edit.setPlaceholderText("队员姓名，用顿号或逗号分开")
        self.team_button, self.team_save_button = QPushButton("添加队伍"), QPushButton("修改所选队伍")
        self.team_remove_button = QPushButton("撤销所选队伍")
        row = QHBoxLayout()
        for widget in (self.team_kind_combo, note("名称："), self.team_name_edit, note("队长（两委成员）："),
                       self.team_leader_edit):
            row.addWidget(widget)
        form.addRow("自治队伍：", row)
        row = QHBoxLayout()
        for widget in (self.team_members_edit, self.team_button, self.team_save_button, self.team_remove_button):
            row.addWidget(widget)
        form.addRow("队员：", row)
        layout.addLayout(form)
        self.team_model, self.teams_view = table((("队伍", lambda t: t.name), ("队长", lambda t: t.leader),
                                                  ("队员", lambda t: "、".join(t.members))), self._teams)
        layout.addWidget(self.teams_view)
        roster = QHBoxLayout()
        self.roster_start_edit = date_edit()
        self.roster_weeks_spin, self.roster_per_week_spin = QSpinBox(), QSpinBox()
        self.roster_weeks_spin.setRange(1, 52)
        self.roster_weeks_spin.setValue(8)
        self.roster_per_week_spin.setRange(1, 10)
        self.roster_per_week_spin.setValue(2)
        self.roster_button = QPushButton("生成所选队伍的值班表")
        for widget in (note("值班从："), self.roster_start_edit, note("周数："), self.roster_weeks_spin,
                       note("每周人数："), self.roster_per_week_spin, self.roster_button):
            roster.addWidget(widget)
        roster.addStretch(1)
        layout.addLayout(roster)
        holidays = QHBoxLayout()
        self.holidays_edit = QLineEdit()
        self.holidays_edit.setPlaceholderText("如 2026-02-17 春节；2026-10-01～2026-10-07 国庆（节日所在的周多排一人）")
        holidays.addWidget(note("节假日："))
        holidays.addWidget(self.holidays_edit, 1)
        layout.addLayout(holidays)
        self.shift_model, self.shifts_view = table((("周一", lambda s: s.week_start.isoformat()),
                                                    ("值班人员", lambda s: "、".join(s.members)),
                                                    ("节日", lambda s: s.holiday)), self._shifts)
        layout.addWidget(self.shifts_view)
        edit = QHBoxLayout()
        self.shift_members_edit = QLineEdit()
        self.shift_button = QPushButton("修改所选一周的值班人员")
        edit.addWidget(note("值班人员："))
        edit.addWidget(self.shift_members_edit, 1)
        edit.addWidget(self.shift_button)
        layout.addLayout(edit)
        self.team_button.clicked.connect(self._on_team_button_clicked)
        self.team_save_button.clicked.connect(self._on_team_save_button_clicked)
        self.team_remove_button.clicked.connect(self._on_team_remove_button_clicked)
        self.roster_button.clicked.connect(self._on_roster_button_clicked)
        self.shift_button.clicked.connect(self._on_shift_button_clicked)
        self.teams_view.selectionModel().selectionChanged.connect(lambda *_a: self._on_team_selected())

    # ----- reading -----
    def _teams_store(self) -> TeamStore:
        return self._page._store.teams

    def _teams(self) -> tuple[Team, ...]:
        return self._teams_store().teams(self._page.rulebook_id) if self._page.status else ()

    def _shifts(self) -> tuple[Shift, ...]:
        team = selected(self.teams_view) if hasattr(self, "teams_view") else None
        return self._teams_store().roster(team.id) if team else ()

    def reload(self) -> None:
        self.team_model.reload()
        self.shift_model.reload()

    # ----- teams and roster -----
    def _team_members(self) -> tuple[str, ...]:
        text = self.team_members_edit.text().replace(",", "、").replace("，", "、").replace(" ", "、")
        return tuple(n.strip() for n in text.split("、") if n.strip())

    def _on_team_button_clicked(self) -> None:
        kind = self.team_kind_combo.current_value()
        name, leader, members = self.team_name_edit.text().strip(), self.team_leader_edit.text().strip(), \
            self._team_members()
        rulebook_id, store = self._page.rulebook_id, self._teams_store()
        self._page.push(f"添加{name or kind.label}", lambda: store.add_team(rulebook_id, kind, name, leader, members),
                        lambda added: store.withdraw_team(added.id))

    def _chosen_team(self) -> Team | None:
        team = selected(self.teams_view)
        if team is None:
            self._page.warn("请先在队伍表中选择一支队伍。")
        return team

    def _on_team_selected(self) -> None:
        team = selected(self.teams_view)
        if team is not None:
            self.team_name_edit.setText(team.name)
            self.team_leader_edit.setText(team.leader)
            self.team_members_edit.setText("、".join(team.members))
        self.shift_model.reload()

    def _on_team_save_button_clicked(self) -> None:
        if (team := self._chosen_team()) is not None:
            after = dataclasses.replace(team, name=self.team_name_edit.text().strip(),
                                        leader=self.team_leader_edit.text().strip(), members=self._team_members())
            store = self._teams_store()
            self._page.push(f"修改{after.name}", lambda: store.save_team(after), lambda _r: store.save_team(team))

    def _on_team_remove_button_clicked(self) -> None:
        if (team := self._chosen_team()) is not None:
            store, rulebook_id = self._teams_store(), self._page.rulebook_id
            self._page.push(f"撤销{team.name}", lambda: store.withdraw_team(team.id),
                            lambda _r: store.add_team(rulebook_id, team.kind, team.name, team.leader, team.members))

    def _save_roster(self, label: str, team: Team, shifts: list[Shift]) -> None:
        store = self._teams_store()
        before = list(store.roster(team.id))
        self._page.push(label, lambda: store.save_roster(team.id, shifts),
                        lambda _r: store.save_roster(team.id, before))

    def _on_roster_button_clicked(self) -> None:
        if (team := self._chosen_team()) is None:
            return
        if not team.members:
            self._page.warn(f"{team.name}还没有队员，请先填写队员再生成值班表。")
            return
        try:
            holidays = parse_holidays(self.holidays_edit.text())
        except DomainError as error:
            self._page.warn(error.message)
            return
        shifts = generate_roster(team.members, day_of(self.roster_start_edit), self.roster_weeks_spin.value(),
                                 self.roster_per_week_spin.value(), holidays, team_id=team.id)
        self._save_roster(f"生成{team.name}值班表", team, shifts)

    def _on_shift_button_clicked(self) -> None:
        team, shift = selected(self.teams_view), selected(self.shifts_view)
        if team is None or shift is None:
            self._page.warn("请先选择队伍和值班表中的一周。")
            return
        text = self.shift_members_edit.text().replace("，", "、").replace(",", "、")
        names = tuple(n.strip() for n in text.split("、") if n.strip())
        shifts = [dataclasses.replace(s, members=names) if s.id == shift.id else s
                  for s in self._teams_store().roster(team.id)]
        self._save_roster(f"修改{team.name} {shift.week_start.isoformat()} 一周的值班", team, shifts)
