"""Step page 3: the execution committee — chair, members and their background checks; its teams and duty rosters
are the TeamsPanel below (ui/workflow/teams_panel.py)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from models.registry.households import RoleCode
from models.workflow.records import BackgroundCheck, CheckAgency, CheckResult, CommitteeMember, InvitationReply
from ui.widgets.choice_combo import ChoiceCombo
from models.core.changes import Changed, Entity
from ui.workflow.page_base import StepPage, date_edit, day_of, joined, note, selected, table
from ui.workflow.teams_panel import TeamsPanel


def _check_text(checks: dict[tuple[str, CheckAgency], BackgroundCheck], member: CommitteeMember,
                agency: CheckAgency) -> str:
    check = checks.get((member.id, agency))
    return f"{check.result.label} {check.on.isoformat()}" if check else "未审"


class CommitteePage(StepPage):
    """第3步 建执委会 — chair, members with their three checks; `teams_panel`: the teams and their duty rosters."""

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
        self.teams_panel = TeamsPanel(self)
        layout.addWidget(self.teams_panel)
        self.chair_button.clicked.connect(self._on_chair_button_clicked)
        self.member_button.clicked.connect(self._on_member_button_clicked)
        self.check_button.clicked.connect(lambda: self._record_checks([self.agency_combo.current_value()]))
        self.all_checks_button.clicked.connect(lambda: self._record_checks(list(CheckAgency)))
        self.remove_member_button.clicked.connect(self._on_remove_member_button_clicked)

    # ----- reading -----
    def _members(self) -> tuple[CommitteeMember, ...]:
        if not self.status:
            return ()
        facts = self._store.revisions.facts(self.rulebook_id, date.today())
        self._checks = {(c.member_id, c.agency): c for c in facts.checks}
        return facts.members

    def reload(self) -> None:
        self.member_model.reload()
        self.teams_panel.reload()
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
        taken = {m.name for m in self._store.committee.members(self.rulebook_id)}
        facts = self._store.revisions.facts(self.rulebook_id, date.today())
        found = [(i.name, i.capacity or "受邀") for i in facts.invitations if i.reply is InvitationReply.ACCEPTED]
        found += [(p.name, RoleCode.CLUSTER_HEAD.label)
                  for p in self._stores.registry.people_with_role(RoleCode.CLUSTER_HEAD.value, date.today())]
        seen: set[str] = set()
        return [(n, c) for n, c in found if n not in taken and not (n in seen or seen.add(n))]

    # ----- committee -----
    def _add_member(self, member: CommitteeMember, replaced: CommitteeMember | None = None) -> None:
        rulebook_id = self.rulebook_id

        store = self._store.committee

        def do() -> Changed:  # the new member leads: its id is what the undo removes
            removed = [store.remove_member(replaced.id)] if replaced is not None else []
            return joined([store.add_member(rulebook_id, member), *removed])

        def undo(added: Changed) -> Changed:
            restored = [store.restore_member(replaced.id)] if replaced is not None else []
            return joined([store.remove_member(added.id), *restored])
        self.push(f"执委会{'主任' if member.chair else '成员'}：{member.name}", do, undo)

    def _on_chair_button_clicked(self) -> None:
        name = self.chair_edit.text().strip()
        if not name:
            self.warn("请填写执委会主任的姓名（默认村党组织书记）。")
            return
        members = self._store.committee.members(self.rulebook_id)
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
        position = len(self._store.committee.members(self.rulebook_id))
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

        store = self._store.committee

        def do() -> Changed:
            return joined([store.record_check(BackgroundCheck(member.id, a, result, on)) for a in agencies])

        def undo(recorded: Changed) -> Changed:
            return joined([store.withdraw_check(i) for i in recorded.ids_of(Entity.WORKFLOW)])
        self.push(f"{member.name} 联审：{'、'.join(a.label for a in agencies)}{result.label}", do, undo)

    def _on_remove_member_button_clicked(self) -> None:
        if (member := self._chosen_member()) is not None:
            self.push(f"移出{member.name}", lambda: self._store.committee.remove_member(member.id),
                      lambda _r: self._store.committee.restore_member(member.id))
