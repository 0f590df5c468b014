"""Step page 3: the execution committee — chair, members, background checks, teams and duty rosters."""
from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout

from models.registry.households import RoleCode
from models.core.errors import DomainError
from models.workflow.figures import generate_roster, parse_holidays
from models.workflow.records import (BackgroundCheck, CheckAgency, CheckResult, CommitteeMember, InvitationReply,
                                     Shift, Team, TeamKind)
from ui.widgets.choice_combo import ChoiceCombo
from ui.workflow.page_base import StepPage, date_edit, day_of, note, selected, table


def _check_text(checks: dict[tuple[str, CheckAgency], BackgroundCheck], member: CommitteeMember,
                agency: CheckAgency) -> str:
    check = checks.get((member.id, agency))
    return f"{check.result.label} {check.on.isoformat()}" if check else "未审"


class CommitteePage(StepPage):
    """第3步 建执委会 — chair, members with their three checks, teams and their duty rosters."""

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.chair_edit = QLineEdit()
        self.chair_button = QPushButton("设为主任")
        row = QHBoxLayout()
        row.addWidget(self.chair_edit, 1)
        row.addWidget(self.chair_button)
        form.addRow("执委会主任（默认村党组织书记）：", row)
        self.candidate_combo: ChoiceCombo[tuple[str, str]] = ChoiceCombo()
        self.candidate_combo.setEditable(True)
        self.member_button = QPushButton("加入执委会")
        row = QHBoxLayout()
        row.addWidget(self.candidate_combo, 1)
        row.addWidget(self.member_button)
        form.addRow("成员（接受邀请者、联户长，或输入姓名）：", row)
        layout.addLayout(form)
        self._checks: dict[tuple[str, CheckAgency], BackgroundCheck] = {}
        columns = [("姓名", lambda m: m.name), ("职务", lambda m: "主任" if m.chair else "成员"),
                   ("身份", lambda m: m.capacity)]
        columns += [(a.label, lambda m, a=a: _check_text(self._checks, m, a)) for a in CheckAgency]
        self.member_model, self.members_view = table(columns, self._members)
        layout.addWidget(self.members_view, 1)
        checks = QHBoxLayout()
        self.agency_combo: ChoiceCombo[CheckAgency] = ChoiceCombo()
        self.result_combo: ChoiceCombo[CheckResult] = ChoiceCombo()
        for agency in CheckAgency:
            self.agency_combo.add_choice(agency.label, agency)
        for result in CheckResult:
            self.result_combo.add_choice(result.label, result)
        self.check_date_edit = date_edit()
        self.check_button, self.all_checks_button = QPushButton("记录联审"), QPushButton("三部门同一结果")
        self.remove_member_button = QPushButton("移出执委会")
        for widget in (note("联审部门："), self.agency_combo, note("结论："), self.result_combo, note("日期："),
                       self.check_date_edit, self.check_button, self.all_checks_button, self.remove_member_button):
            checks.addWidget(widget)
        checks.addStretch(1)
        layout.addLayout(checks)
        layout.addLayout(self._build_teams())
        self.chair_button.clicked.connect(self._on_chair_button_clicked)
        self.member_button.clicked.connect(self._on_member_button_clicked)
        self.check_button.clicked.connect(lambda: self._record_checks([self.agency_combo.current_value()]))
        self.all_checks_button.clicked.connect(lambda: self._record_checks(list(CheckAgency)))
        self.remove_member_button.clicked.connect(self._on_remove_member_button_clicked)

    def _build_teams(self) -> QVBoxLayout:
        layout = QVBoxLayout()
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
        return layout

    # ----- reading -----
    def _members(self) -> tuple[CommitteeMember, ...]:
        if not self.status:
            return ()
        facts = self._store.facts(self.rulebook_id, date.today())
        self._checks = {(c.member_id, c.agency): c for c in facts.checks}
        return facts.members

    def _teams(self) -> tuple[Team, ...]:
        return self._store.teams(self.rulebook_id) if self.status else ()

    def _shifts(self) -> tuple[Shift, ...]:
        team = selected(self.teams_view) if hasattr(self, "teams_view") else None
        return self._store.roster(team.id) if team else ()

    def reload(self) -> None:
        self.member_model.reload()
        self.team_model.reload()
        self.shift_model.reload()
        if not self.chair_edit.text():
            self.chair_edit.setText(self._secretary())
        self.candidate_combo.clear_choices()
        for name, capacity in self._candidates():
            self.candidate_combo.add_choice(f"{name}（{capacity}）", (name, capacity))

    def _secretary(self) -> str:
        registry, villagers = self._stores.registry, self._stores.villagers
        for person in registry.people_with_role(RoleCode.TWO_COMMITTEES_MEMBER.value, date.today()):
            if any("书记" in h.post and h.role == RoleCode.TWO_COMMITTEES_MEMBER.value and h.current_on(date.today())
                   and "副" not in h.post for h in villagers.roles_of(person.id)):
                return person.name
        return ""

    def _candidates(self) -> list[tuple[str, str]]:
        if not self.status:
            return []
        taken = {m.name for m in self._store.members(self.rulebook_id)}
        facts = self._store.facts(self.rulebook_id, date.today())
        found = [(i.name, i.capacity or "受邀") for i in facts.invitations if i.reply is InvitationReply.ACCEPTED]
        found += [(p.name, RoleCode.CLUSTER_HEAD.label)
                  for p in self._stores.registry.people_with_role(RoleCode.CLUSTER_HEAD.value, date.today())]
        seen: set[str] = set()
        return [(n, c) for n, c in found if n not in taken and not (n in seen or seen.add(n))]

    # ----- committee -----
    def _add_member(self, member: CommitteeMember, replaced: CommitteeMember | None = None) -> None:
        rulebook_id = self.rulebook_id

        def do() -> str:
            if replaced is not None:
                self._store.remove_member(replaced.id)
            return self._store.add_member(rulebook_id, member)

        def undo(member_id: object) -> None:
            self._store.remove_member(str(member_id))
            if replaced is not None:
                self._store.restore_member(replaced.id)
        self.push(f"执委会{'主任' if member.chair else '成员'}：{member.name}", do, undo)

    def _on_chair_button_clicked(self) -> None:
        name = self.chair_edit.text().strip()
        if not name:
            self.warn("请填写执委会主任的姓名（默认村党组织书记）。")
            return
        members = self._store.members(self.rulebook_id)
        chair = next((m for m in members if m.chair), None)
        self._add_member(CommitteeMember("", name, chair=True, capacity="村党组织书记"), chair)

    def _on_member_button_clicked(self) -> None:
        text = self.candidate_combo.currentText().strip()
        data = self.candidate_combo.current_value()
        name, capacity = data if data and text == self.candidate_combo.itemText(
            self.candidate_combo.currentIndex()) else (text, "")
        if not name:
            self.warn("请选择或输入成员姓名。")
            return
        position = len(self._store.members(self.rulebook_id))
        self._add_member(CommitteeMember("", name, capacity=capacity, position=position))

    def _chosen_member(self) -> CommitteeMember | None:
        member = selected(self.members_view)
        if member is None:
            self.warn("请先在执委会名单中选择一人。")
        return member

    def _record_checks(self, agencies: list[CheckAgency]) -> None:
        member = self._chosen_member()
        if member is None:
            return
        result, on = self.result_combo.current_value(), day_of(self.check_date_edit)

        def do() -> list[str]:
            return [self._store.record_check(BackgroundCheck(member.id, a, result, on)) for a in agencies]

        def undo(ids: object) -> None:
            for check_id in ids:  # type: ignore[attr-defined]
                self._store.withdraw_check(check_id)
        self.push(f"{member.name} 联审：{'、'.join(a.label for a in agencies)}{result.label}", do, undo)

    def _on_remove_member_button_clicked(self) -> None:
        if (member := self._chosen_member()) is not None:
            self.push(f"移出{member.name}", lambda: self._store.remove_member(member.id),
                      lambda _r: self._store.restore_member(member.id))

    # ----- teams and roster -----
    def _team_members(self) -> tuple[str, ...]:
        text = self.team_members_edit.text().replace(",", "、").replace("，", "、").replace(" ", "、")
        return tuple(n.strip() for n in text.split("、") if n.strip())

    def _on_team_button_clicked(self) -> None:
        kind = self.team_kind_combo.current_value()
        name, leader, members = self.team_name_edit.text().strip(), self.team_leader_edit.text().strip(), \
            self._team_members()
        rulebook_id = self.rulebook_id
        self.push(f"添加{name or kind.label}", lambda: self._store.add_team(rulebook_id, kind, name, leader, members),
                  lambda team_id: self._store.withdraw_team(str(team_id)))

    def _chosen_team(self) -> Team | None:
        team = selected(self.teams_view)
        if team is None:
            self.warn("请先在队伍表中选择一支队伍。")
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
            self.push(f"修改{after.name}", lambda: self._store.save_team(after), lambda _r: self._store.save_team(team))

    def _on_team_remove_button_clicked(self) -> None:
        if (team := self._chosen_team()) is not None:
            self.push(f"撤销{team.name}", lambda: self._store.withdraw_team(team.id),
                      lambda _r: self._store.add_team(self.rulebook_id, team.kind, team.name, team.leader,
                                                      team.members))

    def _save_roster(self, label: str, team: Team, shifts: list[Shift]) -> None:
        before = list(self._store.roster(team.id))
        self.push(label, lambda: self._store.save_roster(team.id, shifts),
                  lambda _r: self._store.save_roster(team.id, before))

    def _on_roster_button_clicked(self) -> None:
        if (team := self._chosen_team()) is None:
            return
        if not team.members:
            self.warn(f"{team.name}还没有队员，请先填写队员再生成值班表。")
            return
        try:
            holidays = parse_holidays(self.holidays_edit.text())
        except DomainError as error:
            self.warn(error.message)
            return
        shifts = generate_roster(team.members, day_of(self.roster_start_edit), self.roster_weeks_spin.value(),
                                 self.roster_per_week_spin.value(), holidays, team_id=team.id)
        self._save_roster(f"生成{team.name}值班表", team, shifts)

    def _on_shift_button_clicked(self) -> None:
        team, shift = selected(self.teams_view), selected(self.shifts_view)
        if team is None or shift is None:
            self.warn("请先选择队伍和值班表中的一周。")
            return
        text = self.shift_members_edit.text().replace("，", "、").replace(",", "、")
        names = tuple(n.strip() for n in text.split("、") if n.strip())
        shifts = [dataclasses.replace(s, members=names) if s.id == shift.id else s for s in self._store.roster(team.id)]
        self._save_roster(f"修改{team.name} {shift.week_start.isoformat()} 一周的值班", team, shifts)
