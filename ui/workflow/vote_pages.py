"""Step pages 7, 8 and 9: the second publicity with objections and the township's review, the assembly vote
(recorded once, confirmed), and the filing with its receipt and effective date."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QInputDialog, QLineEdit, QPlainTextEdit,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from models.core.changes import Changed, Entity
from models.minutes.quorum import Tally, check_majority
from models.core.numerals import article_label
from models.workflow.figures import women_warning
from models.workflow.guards import REPRESENTATIVES_MEETING, VILLAGERS_MEETING
from models.workflow.linked_meetings import meeting_facts
from models.workflow.records import ArticleVote, Filing, FilingStatus, OpinionKind
from ui.widgets.choice_combo import ChoiceCombo
from ui.workflow.opinion_entry import OpinionEntry, push_opinion
from ui.workflow.page_base import StepPage, date_edit, day_of, iso, note, table
from ui.workflow.signatures import SignaturePanel


class PublicityPage(StepPage):
    """第7步 二次公示 — posting dates, objections (answered in the register above), the township's review."""

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.start_edit, self.end_edit = date_edit(), date_edit(date.today() + timedelta(days=6))
        self.place_edit = QLineEdit("村务公开栏")
        self.publicity_button = QPushButton("登记公示")
        row = QHBoxLayout()
        for widget in (self.start_edit, note("至"), self.end_edit, note("地点："), self.place_edit,
                       self.publicity_button):
            row.addWidget(widget)
        form.addRow("公示起止日期：", row)
        self.publicity_label = note()
        form.addRow("已登记：", self.publicity_label)
        layout.addLayout(form)
        layout.addWidget(note("异议（在上面的登记表中答复）："))
        self.objection_entry = OpinionEntry(self._stores, OpinionKind.OBJECTION)
        self.objector_edit, self.objection_button = self.objection_entry.name_edit, self.objection_entry.submit_button
        self.objection_edit = self.objection_entry.text_edit
        layout.addWidget(self.objection_entry)
        layout.addLayout(self._build_review())
        layout.addStretch(1)
        self.publicity_button.clicked.connect(self._on_publicity_button_clicked)
        self.objection_button.clicked.connect(self._on_objection_button_clicked)
        self.review_button.clicked.connect(self._on_review_button_clicked)
        self.edits.track("公示起止日期", [self.start_edit, self.end_edit, self.place_edit],
                         self._on_publicity_button_clicked)
        self.edits.track("异议", [self.objector_edit, self.objection_edit], self._on_objection_button_clicked)
        self.edits.track("乡镇审查意见", [self.review_date_edit, self.reviewer_edit, self.review_version_spin,
                                      self.conclusion_edit, self.notes_edit], self._on_review_button_clicked)

    def _build_review(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(note("乡镇合法性审查意见（照书面意见录入；表决的文本必须是审查过的这一版）："))
        self.review_date_edit, self.reviewer_edit = date_edit(), QLineEdit()
        self.reviewer_edit.setPlaceholderText("如 德化乡人民政府")
        self.review_version_spin = QSpinBox()
        self.review_version_spin.setRange(1, 999)
        row = QHBoxLayout()
        for widget in (self.review_date_edit, note("审查机关："), self.reviewer_edit, note("审查的版本："),
                       self.review_version_spin):
            row.addWidget(widget)
        form.addRow("审查日期：", row)
        self.conclusion_edit = QPlainTextEdit()
        self.conclusion_edit.setFixedHeight(60)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(60)
        self.notes_edit.setPlaceholderText("逐条意见，每行一条，如：第九条：罚款条款应删除")
        form.addRow("审查结论：", self.conclusion_edit)
        form.addRow("逐条意见：", self.notes_edit)
        self.review_button = QPushButton("录入审查意见")
        self.review_label = note()
        form.addRow(self.review_button, self.review_label)
        return form

    def reload(self) -> None:
        if not self.status:
            return
        facts = self._store.revisions.facts(self.rulebook_id, date.today())
        self.review_version_spin.setValue(facts.latest_number or 1)
        p = facts.publicity
        self.publicity_label.setText(f"{p.start.isoformat()} 至 {p.end.isoformat()}，{p.place}" if p else "尚未登记")
        r = facts.review
        self.review_label.setText(f"已录入：{r.reviewer} {r.on.isoformat()} 审查第{r.version_number}版：{r.conclusion}"
                                  if r else "尚未录入")
        self.objection_entry.load_articles(self.rulebook_id)

    def _on_publicity_button_clicked(self) -> bool:
        rulebook_id, start, end = self.rulebook_id, day_of(self.start_edit), day_of(self.end_edit)
        place = self.place_edit.text().strip()
        store = self._store.publicity
        return self.push("登记二次公示", lambda: store.record_publicity(rulebook_id, start, end, place),
                         lambda _r: store.withdraw_publicity(rulebook_id))

    def _on_objection_button_clicked(self) -> bool:
        return push_opinion(self, self.objection_entry, OpinionKind.OBJECTION)

    def _on_review_button_clicked(self) -> bool:
        rulebook_id, on, reviewer = self.rulebook_id, day_of(self.review_date_edit), self.reviewer_edit.text()
        conclusion, number = self.conclusion_edit.toPlainText(), self.review_version_spin.value()
        notes = tuple(tuple(part.strip() for part in line.replace(":", "：").split("：", 1))
                      for line in self.notes_edit.toPlainText().splitlines() if "：" in line.replace(":", "："))

        store = self._store.publicity

        def do() -> Changed:
            return store.record_review(rulebook_id, on, reviewer, conclusion, notes, number)  # type: ignore[arg-type]
        return self.push(f"录入乡镇审查意见（第{number}版）", do, lambda added: store.withdraw_review(added.id))


def _result(page: VotePage, vote: ArticleVote) -> str:
    meeting = page.meeting
    if meeting is None:
        return ""
    found = check_majority(meeting.majority, vote.tally, meeting.attendance, meeting.quorum)
    return "通过" if found.status == "passed" else f"未通过：{found.reason}"


class VotePage(StepPage):
    """第8步 全体表决 — the meeting, attendance and women present, the tallies (recorded once), the results."""

    def _build_ui(self) -> None:
        self.meeting = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.meeting_combo: ChoiceCombo[str] = ChoiceCombo()
        form.addRow("表决所在的会议：", self.meeting_combo)
        self.meeting_label = note()
        form.addRow("会议情况：", self.meeting_label)
        self.women_button = QPushButton("补正到会妇女人数…")
        form.addRow("", self.women_button)
        self.by_article_check = QCheckBox("逐条表决（不勾选为全文表决）")
        form.addRow("表决方式：", self.by_article_check)
        layout.addLayout(form)
        self.tally_table = QTableWidget(0, 4)
        self.tally_table.setHorizontalHeaderLabels(["表决事项", "赞成", "反对", "弃权"])
        self.tally_table.setMinimumHeight(140)
        layout.addWidget(self.tally_table)
        self.vote_button = QPushButton("录入表决结果…")
        layout.addWidget(self.vote_button)
        self.result_model, self.results_view = table(
            (("表决事项", lambda v: v.label), ("赞成", lambda v: v.tally.for_), ("反对", lambda v: v.tally.against),
             ("弃权", lambda v: v.tally.abstain), ("结果", lambda v: _result(self, v))), self._tallies)
        layout.addWidget(note("已录入的表决结果："))
        layout.addWidget(self.results_view, 1)
        self.send_back_button = QPushButton("未通过的条款退回“修改完善”…")
        layout.addWidget(self.send_back_button)
        self.signatures = SignaturePanel(self)
        layout.addWidget(self.signatures)
        self.meeting_combo.currentIndexChanged.connect(lambda _i: self._show_meeting())
        self.by_article_check.toggled.connect(lambda _on: self._fill_tally_rows())
        self.vote_button.clicked.connect(self._on_vote_button_clicked)
        self.send_back_button.clicked.connect(self._on_send_back_button_clicked)
        self.women_button.clicked.connect(self._on_women_button_clicked)

    def _tallies(self) -> tuple[ArticleVote, ...]:
        if not self.status:
            return ()
        facts = self._store.revisions.facts(self.rulebook_id, date.today())
        self.meeting = facts.vote_meeting
        return facts.vote.tallies if facts.vote else ()

    def reload(self) -> None:
        self.result_model.reload()
        self.signatures.reload()
        facts = self._store.revisions.facts(self.rulebook_id, date.today()) if self.status else None
        # The vote is recorded once per text: entry shows until the latest version has its vote.
        open_ = facts is not None and (facts.vote is None or facts.vote.version_id != facts.latest_version_id)
        for widget in (self.tally_table, self.vote_button, self.by_article_check):
            widget.setVisible(open_)
        current = self.meeting_combo.current_value()
        self.meeting_combo.blockSignals(True)
        self.meeting_combo.clear_choices()
        for code in (VILLAGERS_MEETING, REPRESENTATIVES_MEETING):
            for m in self._stores.meetings.list_meetings(type_code=code):
                self.meeting_combo.add_choice(f"{m.number}　{m.type_label}　{m.on.isoformat()}　{m.status.label}", m.id)
        self.meeting_combo.setCurrentIndex(max(self.meeting_combo.index_of(current), 0))
        self.meeting_combo.blockSignals(False)
        self._show_meeting()
        self._fill_tally_rows()

    def _show_meeting(self) -> None:
        meeting_id = self.meeting_combo.current_value()
        facts = meeting_facts(self._stores.meetings, self._stores.meeting_types, meeting_id) if meeting_id else None
        self.women_button.setVisible(facts is not None and facts.final)
        if facts is None:
            self.meeting_label.setText("会议记录中还没有村民会议。请先在“会议记录”中录入表决所在的会议。")
            return
        women = "未填写（表决必填，请在会议记录中补正）" if facts.women_present is None else f"{facts.women_present} 人"
        warning = women_warning(facts.women_present, facts.attendance.present)
        self.meeting_label.setText(
            f"应到 {facts.attendance.expected} 人，实到 {facts.attendance.present} 人；{facts.quorum.reason}；"
            f"到会妇女：{women}" + (f"\n提醒：{warning}" if warning else "") + ("" if facts.final else "\n记录还未定稿"))

    def _on_women_button_clicked(self) -> None:
        """补正 of the finalised record's women present (R14): dated, with a reason, kept with the record."""
        meeting_id = self.meeting_combo.current_value()
        facts = meeting_facts(self._stores.meetings, self._stores.meeting_types, meeting_id) if meeting_id else None
        if facts is None:
            return
        count, ok = QInputDialog.getInt(self, "补正到会妇女人数", "到会妇女人数：", facts.women_present or 0, 0,
                                        max(facts.attendance.present, 0))
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, "补正到会妇女人数", "补正理由（如：据签到表核实）：")
        if not ok:
            return
        question = (f"将会议记录 {facts.number} 的到会妇女人数补正为 {count} 人？补正会附在记录后，原记录保留。")
        if self.act(question, lambda: self._stores.meetings.amend(meeting_id, "women_present", str(count), reason,
                                                                   date.today())):
            self._bus.changed.emit(Changed(Entity.MEETING, frozenset({meeting_id})))

    def _fill_tally_rows(self) -> None:
        if not self.status:
            return
        items = [("", "全文")]
        if self.by_article_check.isChecked():
            version = self._stores.rules.load_version(self.rulebook_id)
            items = [(a.key, article_label(n)) for n, a in enumerate(version.articles, 1)]
        self.tally_table.setRowCount(0)
        self.tally_table.setRowCount(len(items))
        for row, (key, label) in enumerate(items):
            self.tally_table.setVerticalHeaderItem(row, None)
            item = QTableWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.tally_table.setItem(row, 0, item)
            for column in (1, 2, 3):
                spin = QSpinBox()
                spin.setRange(0, 100000)
                self.tally_table.setCellWidget(row, column, spin)

    def entered_tallies(self) -> tuple[ArticleVote, ...]:
        votes = []
        for row in range(self.tally_table.rowCount()):
            item = self.tally_table.item(row, 0)
            numbers = [self.tally_table.cellWidget(row, c).value() for c in (1, 2, 3)]  # type: ignore[attr-defined]
            votes.append(ArticleVote(item.data(Qt.ItemDataRole.UserRole), item.text(), Tally(*numbers)))
        return tuple(votes)

    def _on_vote_button_clicked(self) -> None:
        meeting_id = self.meeting_combo.current_value()
        if not meeting_id:
            self.warn("请先选择表决所在的会议记录。")
            return
        tallies, rulebook_id, by_article = self.entered_tallies(), self.rulebook_id, self.by_article_check.isChecked()
        summary = "；".join(f"{v.label} 赞成{v.tally.for_} 反对{v.tally.against} 弃权{v.tally.abstain}" for v in tallies)
        self.act(f"录入表决结果：{summary}？表决结果录入后即成为正式记录。",
                 lambda: self._store.votes.record_vote(rulebook_id, meeting_id, tallies, by_article))

    def _on_send_back_button_clicked(self) -> None:
        rulebook_id = self.rulebook_id
        self.act("把表决未通过的条款退回“修改完善”？只允许修改这些条款，之后重新公示、审查和表决。",
                 lambda: self._store.revisions.send_failed_articles_back(rulebook_id, date.today()))


class FilingPage(StepPage):
    """第9步 张榜执行 — the filing task: status, the township's receipt, the effective date."""

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.filing_label = note()
        layout.addWidget(self.filing_label)
        form = QFormLayout()
        self.status_combo: ChoiceCombo[FilingStatus] = ChoiceCombo()
        for status in FilingStatus:
            self.status_combo.add_choice(status.label, status)
        self.on_edit, self.receipt_date_edit, self.effective_edit = date_edit(), date_edit(), date_edit()
        self.receipt_edit, self.note_edit = QLineEdit(), QLineEdit()
        self.receipt_edit.setPlaceholderText("如 德乡备〔2026〕3号")
        for label, widget in (("备案状态：", self.status_combo), ("日期：", self.on_edit),
                              ("备案编号：", self.receipt_edit), ("回执日期：", self.receipt_date_edit),
                              ("施行日期：", self.effective_edit), ("备注：", self.note_edit)):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.filing_button = QPushButton("记录备案进度")
        layout.addWidget(self.filing_button)
        layout.addStretch(1)
        self.filing_button.clicked.connect(self._on_filing_button_clicked)
        self.edits.track("备案进度", [self.status_combo, self.on_edit, self.receipt_edit, self.receipt_date_edit,
                                  self.effective_edit, self.note_edit], self._on_filing_button_clicked)

    def _filing(self) -> Filing | None:
        return self._store.revisions.facts(self.rulebook_id, date.today()).filing if self.status else None

    def reload(self) -> None:
        filing = self._filing()
        if filing is None:
            self.filing_label.setText("表决通过并完成“全体表决”后，这里会出现备案任务（表决后 10 日内报送乡镇）。")
        else:
            self.filing_label.setText(
                f"应于 {filing.due_on.isoformat()} 前报送；状态：{filing.status.label}；"
                f"备案编号：{filing.receipt_number or '无'}；回执日期：{iso(filing.receipt_date) or '无'}；"
                f"施行日期：{iso(filing.effective_date) or '未定'}")
        self.filing_button.setEnabled(filing is not None)

    def _on_filing_button_clicked(self) -> bool:
        before = self._filing()
        if before is None:
            return True  # no filing task yet: the fields are disabled, nothing to save
        rulebook_id, status, on = self.rulebook_id, self.status_combo.current_value(), day_of(self.on_edit)
        receipt, note_text = self.receipt_edit.text().strip(), self.note_edit.text().strip()
        receipt_date = day_of(self.receipt_date_edit) if receipt else None
        effective = day_of(self.effective_edit)

        def do() -> Changed:
            return self._store.votes.update_filing(rulebook_id, status, on, receipt, receipt_date, effective,
                                                   note_text)
        if status is FilingStatus.ORDERED_TO_CORRECT:
            return self.act("乡镇责令改正：将退回“修改完善”重新修改。确认？", do)
        return self.push(f"备案：{status.label}", do, lambda _r: self._store.votes.restore_filing(rulebook_id, before))

