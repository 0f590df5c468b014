"""Step pages 1, 4 and 6: the joint meeting and timetable, the first draft with its legality check, and the
revised version with each change linked to the opinions it answers."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, \
    QListWidget, QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout
from PySide6.QtCore import Qt

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.rules.legality import check_version
from models.rules.legality_table import Severity
from models.minutes.settings import ProvinceRules
from models.core.numerals import article_label
from models.rules.document import VersionStatus
from models.rules.comparison import comparison
from models.rules.diff import ChangeKind
from models.workflow.steps import WorkflowStep
from models.workflow.guards import MAX_FILING_DAYS, MAX_PUBLICITY_DAYS, MIN_PUBLICITY_DAYS, WorkflowSettings
from models.workflow.records import Disposition, OpinionKind
from ui.widgets.choice_combo import ChoiceCombo
from ui.workflow.page_base import StepPage, date_edit, day_of, note, selected, table

SEVERITY_LABELS = {Severity.BLOCKING: "必须修改", Severity.WARNING: "建议修改", Severity.HINT: "提示"}
JOINT = "joint_committees_meeting"


class StartPage(StepPage):
    """第1步 两委商议 — the joint meeting whose resolution starts the revision, and the timetable."""

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.meeting_combo: ChoiceCombo[str] = ChoiceCombo()
        self.meeting_button = QPushButton("关联此会议")
        row = QHBoxLayout()
        row.addWidget(self.meeting_combo, 1)
        row.addWidget(self.meeting_button)
        form.addRow("两委联席会议记录：", row)
        self.meeting_label = note()
        form.addRow("已关联：", self.meeting_label)
        layout.addLayout(form)
        grid = QGridLayout()
        self.target_edits: dict[WorkflowStep, object] = {}
        for i, step in enumerate(s for s in WorkflowStep if s.number > 1):
            edit = date_edit(date.today() + timedelta(days=14 * i + 14))
            self.target_edits[step] = edit
            grid.addWidget(note(f"第{step.number}步 {step.label}目标日期："), i // 2, (i % 2) * 2)
            grid.addWidget(edit, i // 2, (i % 2) * 2 + 1)
        layout.addWidget(note("时间安排表："))
        layout.addLayout(grid)
        self.timetable_button = QPushButton("保存时间安排")
        layout.addWidget(self.timetable_button)
        layout.addWidget(self._build_settings())
        layout.addStretch(1)
        self.meeting_button.clicked.connect(self._on_meeting_button_clicked)
        self.timetable_button.clicked.connect(self._on_timetable_button_clicked)
        self.settings_button.clicked.connect(self._on_settings_button_clicked)
        self.edits.track("时间安排表", list(self.target_edits.values()), self._on_timetable_button_clicked)  # type: ignore[arg-type]
        self.edits.track("修订设置", [self.filing_days_spin, self.publicity_days_spin, self.representatives_check],
                         self._on_settings_button_clicked)

    def _build_settings(self) -> QGroupBox:
        """修订设置 of this revision (R8, R24, R47): approvers change them, undoably."""
        box = QGroupBox("修订设置")
        form = QFormLayout(box)
        self.filing_days_spin = QSpinBox()
        self.filing_days_spin.setRange(1, MAX_FILING_DAYS)
        self.filing_days_spin.setSuffix(" 天")
        self.publicity_days_spin = QSpinBox()
        self.publicity_days_spin.setRange(MIN_PUBLICITY_DAYS, MAX_PUBLICITY_DAYS)
        self.publicity_days_spin.setSuffix(" 天")
        for spin in (self.filing_days_spin, self.publicity_days_spin):
            spin.setMaximumWidth(120)
        self.representatives_check = QCheckBox("本省规定允许由村民代表会议表决村规民约（打印的表决结果会注明）")
        form.addRow("表决后几天内报乡镇备案：", self.filing_days_spin)
        form.addRow("二次公示最短天数：", self.publicity_days_spin)
        form.addRow("表决会议：", self.representatives_check)
        self.settings_label = note()
        form.addRow("当前设置：", self.settings_label)
        self.settings_button = QPushButton("保存修订设置")
        row = QHBoxLayout()
        row.addWidget(self.settings_button)
        row.addStretch(1)
        form.addRow("", row)
        return box

    def reload(self) -> None:
        self.meeting_combo.clear_choices()
        for m in self._stores.meetings.list_meetings(type_code=JOINT):
            self.meeting_combo.add_choice(f"{m.number}　{m.on.isoformat()}　{m.status.label}", m.id)
        if not self.status:
            return
        facts = self._store.revisions.facts(self.rulebook_id, date.today())
        meeting = facts.start_meeting
        self.meeting_label.setText(f"{meeting.number}（{meeting.on.isoformat()}，通过决议 {meeting.passed_items} 项）"
                                   if meeting else "尚未关联")
        for step, target in facts.timetable.items():
            if step in self.target_edits:
                self.target_edits[step].setDate(target)  # type: ignore[attr-defined]
        self._show_settings(facts.settings, facts.province)

    def _show_settings(self, settings: WorkflowSettings, province: ProvinceRules) -> None:
        self.filing_days_spin.setValue(settings.filing_days)
        self.publicity_days_spin.setValue(settings.publicity_min_days)
        self.representatives_check.setChecked(settings.representatives_may_vote)
        approver = self._stores.actor.can(Permission.APPROVE)
        for widget in (self.filing_days_spin, self.publicity_days_spin, self.representatives_check,
                       self.settings_button):
            widget.setEnabled(approver)
        rule = (f"本省规定允许村民代表会议表决（{province.basis}）" if province.rules_by_representatives
                else "本省规定：须由村民会议表决（在“会议记录 → 本省规定”中设置）")
        self.settings_label.setText(f"{settings.summary()}；{rule}" + ("" if approver else "（只有审批人可以修改）"))

    def _on_settings_button_clicked(self) -> bool:
        rulebook_id = self.rulebook_id
        before = self._store.settings.settings(rulebook_id)
        after = WorkflowSettings(self.filing_days_spin.value(), self.publicity_days_spin.value(),
                                 self.representatives_check.isChecked())
        if after == before:
            return True
        store = self._store.settings
        return self.push("修改修订设置", lambda: store.set_settings(rulebook_id, after.filing_days,
                                                               after.publicity_min_days, after.representatives_may_vote),
                         lambda _r: store.set_settings(rulebook_id, before.filing_days, before.publicity_min_days,
                                                       before.representatives_may_vote))

    def _on_meeting_button_clicked(self) -> None:
        meeting_id = self.meeting_combo.current_value()
        if not meeting_id:
            self.warn("会议记录中还没有两委联席会议。请先在“会议记录”中录入并定稿。")
            return
        rulebook_id = self.rulebook_id
        before = self._store.revisions.facts(rulebook_id, date.today()).start_meeting
        self.push("关联两委联席会议", lambda: self._store.plan.link_start_meeting(rulebook_id, meeting_id),
                  lambda _r: self._store.plan.link_start_meeting(rulebook_id, before.id) if before
                  else self._store.plan.unlink_start_meeting(rulebook_id))

    def _on_timetable_button_clicked(self) -> bool:
        rulebook_id = self.rulebook_id
        before = dict(self._store.revisions.facts(rulebook_id, date.today()).timetable)
        after = {step: day_of(edit) for step, edit in self.target_edits.items()}  # type: ignore[arg-type]
        return self.push("保存时间安排", lambda: self._store.plan.set_timetable(rulebook_id, after),
                  lambda _r: self._store.plan.restore_timetable(rulebook_id, before))


class DraftPage(StepPage):
    """第4步 草拟初稿 — which draft version is the first draft, and its legality check."""

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.version_combo: ChoiceCombo[int] = ChoiceCombo()
        self.draft_button = QPushButton("定为初稿")
        row = QHBoxLayout()
        row.addWidget(self.version_combo, 1)
        row.addWidget(self.draft_button)
        form.addRow("草稿版本：", row)
        self.draft_label = note()
        form.addRow("初稿：", self.draft_label)
        layout.addLayout(form)
        layout.addWidget(note("合法性审查（所选版本）：“必须修改”的问题改好后才能进入下一步。版本的文字在“村规民约”中修改。"))
        self.finding_model, self.findings_view = table(
            (("条款", lambda f: article_label(f.article_number) if f.article_number else "全文"),
             ("等级", lambda f: SEVERITY_LABELS.get(f.severity, str(f.severity))), ("问题", lambda f: f.text),
             ("理由", lambda f: f.reason)), self._findings)
        layout.addWidget(self.findings_view, 1)
        self.version_combo.currentIndexChanged.connect(lambda _i: self.finding_model.reload())
        self.draft_button.clicked.connect(self._on_draft_button_clicked)

    def _findings(self) -> list[object]:
        number = self.version_combo.current_value() if hasattr(self, "version_combo") else None
        if not number or not self.rulebook_id:
            return []
        return list(check_version(self._stores.rules.load_version(self.rulebook_id, number)))

    def reload(self) -> None:
        summary = next((r for r in self._stores.rules.list_rulebooks() if r.id == self.rulebook_id), None)
        facts = self._store.revisions.facts(self.rulebook_id, date.today()) if self.status else None
        current = self.version_combo.current_value() or (facts.draft_number if facts else None)
        self.version_combo.blockSignals(True)
        self.version_combo.clear_choices()
        for version in summary.versions if summary else ():
            if version.status is VersionStatus.DRAFT:
                self.version_combo.add_choice(f"第{version.number}版（{version.article_count} 条）", version.number)
        self.version_combo.setCurrentIndex(max(self.version_combo.index_of(current), 0))
        self.version_combo.blockSignals(False)
        self.draft_label.setText(f"第{facts.draft_number}版" if facts and facts.draft_number else
                                 "尚未指定（请先在“村规民约”中由现行版本复制出草稿）")
        self.finding_model.reload()

    def _on_draft_button_clicked(self) -> None:
        number = self.version_combo.current_value()
        if not number:
            self.warn("还没有草稿版本。请先在“村规民约”中起草新版本。")
            return
        rulebook_id = self.rulebook_id
        before = self._store.revisions.facts(rulebook_id, date.today()).draft_number
        self.push(f"第{number}版定为初稿", lambda: self._store.plan.set_draft(rulebook_id, number),
                  lambda _r: self._store.plan.set_draft(rulebook_id, before) if before
                  else self._store.plan.clear_draft(rulebook_id))


class RevisionPage(StepPage):
    """第6步 修改完善 — the revised version's changes from the first draft, each linked to opinions."""

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.versions_label = note()
        layout.addWidget(self.versions_label)
        self.new_version_button = QPushButton("由最新版本复制出修订版本…")
        layout.addWidget(self.new_version_button)
        layout.addWidget(note("修改对照表（初稿 → 修订稿）：选中一处修改，再勾选它所答复的意见。"))
        self.change_model, self.changes_view = table(
            (("条款", lambda r: article_label(r.new_number or r.old_number or 0)), ("变动", lambda r: r.kind.label),
             ("原条文", lambda r: r.original), ("修改后", lambda r: r.revised), ("修改理由", lambda r: r.reason)),
            self._changes)
        layout.addWidget(self.changes_view, 1)
        self.opinions_list = QListWidget()
        self.opinions_list.setMinimumHeight(120)
        layout.addWidget(note("采纳或部分采纳的意见："))
        layout.addWidget(self.opinions_list)
        self.link_button = QPushButton("把所选修改关联到勾选的意见")
        layout.addWidget(self.link_button)
        self.new_version_button.clicked.connect(self._on_new_version_button_clicked)
        self.link_button.clicked.connect(self._on_link_button_clicked)

    def _numbers(self) -> tuple[int | None, int | None]:
        if not self.status:
            return None, None
        facts = self._store.revisions.facts(self.rulebook_id, date.today())
        return facts.draft_number, facts.revised_number

    def _changes(self) -> list[object]:
        draft, revised = self._numbers()
        if not draft or not revised:
            return []
        return [r for r in comparison(self._stores.rules, self._stores.change_reasons, self.rulebook_id, draft, revised)
                if r.kind is not ChangeKind.UNCHANGED and r.kind is not ChangeKind.RENUMBERED]

    def reload(self) -> None:
        draft, revised = self._numbers()
        self.versions_label.setText(f"初稿：第{draft}版；修订稿：" + (f"第{revised}版" if revised else "尚未新建")
                                    if draft else "还没有初稿（第4步）。")
        self.change_model.reload()
        self.opinions_list.clear()
        for opinion in self._store.opinions.opinions(self.rulebook_id) if self.status else ():
            if opinion.kind is OpinionKind.OPINION and opinion.reply and \
                    opinion.reply.disposition is not Disposition.REJECTED:
                item = QListWidgetItem(f"{opinion.title}　{opinion.article_label or '全文'}：{opinion.text}")
                item.setData(Qt.ItemDataRole.UserRole, opinion.id)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.opinions_list.addItem(item)

    def _on_new_version_button_clicked(self) -> None:
        rulebook_id = self.rulebook_id
        if self.act("由最新版本复制出一个新的修订版本？（新版本会一直保留在版本列表中）",
                    lambda: self._stores.rules.new_version(rulebook_id)):
            # The text is edited on 村规民约: an open rules screen must list the new version, or the clerk edits
            # the first draft instead.
            self._bus.changed.emit(Changed(Entity.RULEBOOK, frozenset({rulebook_id})))

    def _on_link_button_clicked(self) -> None:
        row = selected(self.changes_view)
        ids = [self.opinions_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.opinions_list.count())
               if self.opinions_list.item(i).checkState() == Qt.CheckState.Checked]
        if row is None or not ids:
            self.warn("请先选中一处修改，并勾选至少一条意见。")
            return
        rulebook_id, version = self.rulebook_id, self._stores.rules.load_version(self.rulebook_id)
        before = self._stores.change_reasons.change_reasons(version.id).get(row.key, "")
        self.push(f"关联修改理由（{article_label(row.new_number or row.old_number or 0)}）",
                  lambda: self._store.links.link_change(rulebook_id, version.id, row.key, ids),
                  lambda _r: self._store.links.unlink_change(version.id, row.key, before))
