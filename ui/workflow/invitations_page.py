"""Step page 2: the invitee list, picked from the registry by role or tag or typed in, with replies and deadlines."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from models.registry.households import RoleCode, role_label
from models.workflow.steps import WorkflowStep
from models.workflow.records import Invitation, InvitationReply
from ui.widgets.choice_combo import ChoiceCombo
from models.core.changes import Changed, Entity
from ui.workflow.page_base import StepPage, date_edit, day_of, iso, joined, note, selected, table

INVITEE_ROLES = (RoleCode.ELDER, RoleCode.VETERAN_PARTY_MEMBER, RoleCode.VETERAN_CADRE, RoleCode.CLAN_HEAD,
                 RoleCode.DRUM_TOWER_HEAD, RoleCode.NOTABLE, RoleCode.REPRESENTATIVE, RoleCode.PARTY_MEMBER,
                 RoleCode.TWO_COMMITTEES_MEMBER, RoleCode.CLUSTER_HEAD)


def _yes(flag: bool) -> str:
    return "是" if flag else ""


class InvitationsPage(StepPage):
    """第2步 发邀请函 — who is invited, in what capacity, the reply and the reply deadline."""

    COLUMNS = (("姓名/单位", lambda i: i.name), ("身份", lambda i: i.capacity),
               ("妇女代表", lambda i: _yes(i.womens_representative)), ("驻村单位", lambda i: _yes(i.village_unit)),
               ("发出", lambda i: iso(i.sent_on)), ("答复期限", lambda i: iso(i.expires_on)),
               ("答复", lambda i: i.reply.label), ("答复日期", lambda i: iso(i.replied_on)))

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.warning_label = note()
        self.warning_label.setStyleSheet("color: #a05a00;")
        layout.addWidget(self.warning_label)
        form = QFormLayout()
        self.role_combo: ChoiceCombo[str] = ChoiceCombo()
        self.add_role_button = QPushButton("按身份加入名单")
        row = QHBoxLayout()
        row.addWidget(self.role_combo, 1)
        row.addWidget(self.add_role_button)
        form.addRow("从花名册按身份或标签挑选：", row)
        self.name_edit, self.capacity_edit = QLineEdit(), QLineEdit()
        self.name_edit.setPlaceholderText("姓名或单位名称")
        self.capacity_edit.setPlaceholderText("如 寨老、驻村单位、妇女代表")
        self.womens_check, self.unit_check = QCheckBox("妇女代表"), QCheckBox("驻村单位")
        self.add_name_button = QPushButton("加入名单")
        typed = QHBoxLayout()
        for widget in (self.name_edit, self.capacity_edit, self.womens_check, self.unit_check, self.add_name_button):
            typed.addWidget(widget)
        form.addRow("直接输入：", typed)
        self.expires_edit = date_edit(date.today() + timedelta(days=7))
        form.addRow("答复期限：", self.expires_edit)
        layout.addLayout(form)
        self.model, self.invitations_view = table(self.COLUMNS, self._rows)
        layout.addWidget(self.invitations_view, 1)
        actions = QHBoxLayout()
        self.reply_combo: ChoiceCombo[InvitationReply] = ChoiceCombo()
        for reply in InvitationReply:
            self.reply_combo.add_choice(reply.label, reply)
        self.reply_button = QPushButton("记录所选答复")
        self.expiry_button = QPushButton("所选改用上面的答复期限")
        self.remove_button = QPushButton("移出名单")
        for widget in (note("答复："), self.reply_combo, self.reply_button, self.expiry_button, self.remove_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.add_role_button.clicked.connect(self._on_add_role_button_clicked)
        self.add_name_button.clicked.connect(self._on_add_name_button_clicked)
        self.reply_button.clicked.connect(self._on_reply_button_clicked)
        self.expiry_button.clicked.connect(self._on_expiry_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    def _rows(self) -> tuple[Invitation, ...]:
        return self._store.revisions.facts(self.rulebook_id, date.today()).invitations if self.status else ()

    def reload(self) -> None:
        if self.role_combo.count() == 0:
            for role in INVITEE_ROLES:
                self.role_combo.add_choice(role.label, role.value)
            for tag in self._stores.registry.list_tags():
                self.role_combo.add_choice(role_label(tag), tag)
        self.model.reload()
        warnings = self.status.view(WorkflowStep.SEND_INVITATIONS).warnings if self.status else ()
        self.warning_label.setText("\n".join(f"提醒：{w}" for w in warnings))
        self.warning_label.setVisible(bool(warnings))

    def _add(self, label: str, invitations: list[Invitation]) -> None:
        rulebook_id = self.rulebook_id

        store = self._store.invitations

        def do() -> Changed:
            return joined([store.add_invitation(rulebook_id, i) for i in invitations])

        def undo(added: Changed) -> Changed:
            return joined([store.withdraw_invitation(i) for i in added.ids_of(Entity.WORKFLOW)])
        self.push(label, do, undo)

    def _on_add_role_button_clicked(self) -> None:
        role, label = self.role_combo.current_value(), self.role_combo.currentText()
        invited = {i.villager_id for i in self._rows() if i.villager_id}
        people = [p for p in self._stores.registry.people_with_role(role, date.today()) if p.id not in invited]
        if not people:
            self.warn(f"花名册中没有尚未邀请的“{label}”。可在户籍花名册中给村民登记身份，或直接输入姓名。")
            return
        self._add(f"邀请{label} {len(people)} 人", [
            Invitation("", p.name, p.id, label, sent_on=date.today(), expires_on=day_of(self.expires_edit))
            for p in people])

    def _on_add_name_button_clicked(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.warn("请填写受邀人姓名或单位名称。")
            return
        self._add(f"邀请{name}", [Invitation("", name, capacity=self.capacity_edit.text().strip(),
                                              womens_representative=self.womens_check.isChecked(),
                                              village_unit=self.unit_check.isChecked(), sent_on=date.today(),
                                              expires_on=day_of(self.expires_edit))])
        self.name_edit.clear()
        self.capacity_edit.clear()

    def _chosen(self) -> Invitation | None:
        invitation = selected(self.invitations_view)
        if invitation is None:
            self.warn("请先在名单中选择一人。")
        return invitation

    def _set(self, label: str, before: Invitation, reply: InvitationReply, on: date | None,
             expires: date | None) -> None:
        store = self._store.invitations
        self.push(label, lambda: store.set_invitation_reply(before.id, reply.value, on, expires),
                  lambda _r: store.set_invitation_reply(before.id, before.reply.value, before.replied_on,
                                                        before.expires_on))

    def _on_reply_button_clicked(self) -> None:
        if (invitation := self._chosen()) is not None:
            reply = self.reply_combo.current_value()
            on = None if reply is InvitationReply.NO_REPLY else date.today()
            self._set(f"{invitation.name}：{reply.label}", invitation, reply, on, invitation.expires_on)

    def _on_expiry_button_clicked(self) -> None:
        if (invitation := self._chosen()) is not None:
            self._set(f"{invitation.name} 答复期限", invitation, invitation.reply, invitation.replied_on,
                      day_of(self.expires_edit))

    def _on_remove_button_clicked(self) -> None:
        if (invitation := self._chosen()) is not None:
            self.push(f"移出{invitation.name}", lambda: self._store.invitations.withdraw_invitation(invitation.id),
                      lambda _r: self._store.invitations.restore_invitation(invitation.id))

