"""The 出席情况 box of the record editor: 应到/实到 counts, roster ticking, absence lines and the quorum label."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QListWidget, QListWidgetItem

from models.minutes.meetings import AttendanceKind, Attendee, Gender, Meeting
from models.registry.ports import RegistryFacts, RosterPerson
from ui.minutes.form_bits import absence_line, count_box, roster_text, row_of, text_box
from ui.minutes.roster_picker import RosterPicker

TEXT_FIELDS = ("expected_reason", "observers", "township_attendees")
TEXT_LABELS = {"expected_reason": "应到人数改动理由：", "observers": "列席人员：", "township_attendees": "乡镇参会人员："}
COUNTS = ("expected", "expected_households", "present", "households_represented", "women_present")


class AttendanceSection(QGroupBox):
    """Who came: ticked roster people are present, unticked ones and the typed lines are absent, with reasons."""

    edited = Signal()

    def __init__(self, registry: RegistryFacts | None) -> None:
        super().__init__("出席情况")
        self._registry = registry
        self._loading = False
        self._editable = False  # nothing loaded yet, or a finalised record
        self._counts_typed = False  # villagers'/group meetings: 实到 is typed even when some names are ticked
        self.text_edits = {name: QLineEdit() for name in TEXT_FIELDS}
        self.count_spins = {name: count_box() for name in COUNTS}
        self.expected_basis_label = QLabel()
        self.expected_basis_label.setWordWrap(True)  # long bases ("村民代表和村民委员会成员；花名册计算为 30 人") pushed the editor wide
        self.roster_search_edit = QLineEdit()
        self.roster_search_edit.setPlaceholderText("按姓名或拼音首字母查找；回车勾选唯一的一人")
        self.roster_list = QListWidget()
        self.roster_list.setFixedHeight(140)
        self.roster_picker = RosterPicker(registry)
        self.absent_edit = text_box(70, "每行一人：姓名：缺席原因")
        self.quorum_label = QLabel()
        self.quorum_label.setWordWrap(True)
        self._lay_out()
        self._connect_signals()

    def _lay_out(self) -> None:
        form = self._form = QFormLayout(self)
        form.addRow("应到人数：", row_of(self.count_spins["expected"], self.expected_basis_label))
        form.addRow(TEXT_LABELS["expected_reason"], self.text_edits["expected_reason"])
        for name, label in (("expected_households", "总户数："), ("present", "实到人数："),
                            ("households_represented", "到会户数："), ("women_present", "到会妇女人数：")):
            form.addRow(label, self.count_spins[name])
        form.addRow("花名册（勾选到会）：", self.roster_search_edit)
        form.addRow("", self.roster_list)
        form.addRow("花名册中其他人（回车添加）：", self.roster_picker)
        form.addRow("缺席人员及原因：", self.absent_edit)
        form.addRow(TEXT_LABELS["observers"], self.text_edits["observers"])
        form.addRow(TEXT_LABELS["township_attendees"], self.text_edits["township_attendees"])
        form.addRow("法定人数：", self.quorum_label)

    def _connect_signals(self) -> None:
        for line in self.text_edits.values():
            line.textChanged.connect(self.edited)
        for spin in self.count_spins.values():
            spin.valueChanged.connect(self.edited)
        self.absent_edit.textChanged.connect(self.edited)
        self.roster_list.itemChanged.connect(self._on_roster_list_changed)
        self.roster_search_edit.textChanged.connect(self._on_roster_search_edit_changed)
        self.roster_search_edit.returnPressed.connect(self._on_roster_search_edit_return_pressed)
        self.roster_picker.picked.connect(self._on_roster_picker_picked)

    # -- loading and reading back ----------------------------------------------------------------
    def load(self, meeting: Meeting, counts_typed: bool) -> None:
        """The roster rows and absence lines of `meeting` (its counts and texts are set by the editor)."""
        self._counts_typed = counts_typed
        self._loading = True
        try:
            self.roster_list.clear()
            listed = [a for a in meeting.attendees if a.villager_id or a.kind is AttendanceKind.PRESENT]
            for attendee in listed:
                row = QListWidgetItem(roster_text(attendee))
                row.setData(Qt.ItemDataRole.UserRole, attendee)
                row.setCheckState(Qt.CheckState.Checked if attendee.kind is AttendanceKind.PRESENT
                                  else Qt.CheckState.Unchecked)
                self.roster_list.addItem(row)
        finally:
            self._loading = False
        shown = bool(listed) or self._registry is not None
        self._form.setRowVisible(self.roster_search_edit, shown)
        self._form.setRowVisible(self.roster_list, shown)
        self.roster_search_edit.clear()
        self._show_picker("")
        self.absent_edit.setPlainText("\n".join(f"{a.name}：{a.reason}" for a in meeting.absentees))

    def attendees(self) -> tuple[Attendee, ...]:
        """Ticked roster people are present; unticked ones and the typed lines are absent, with reasons."""
        reasons = dict(absence_line(line) for line in self.absent_edit.toPlainText().splitlines() if line.strip())
        present: list[Attendee] = []
        absent: list[Attendee] = []
        roster_names: set[str] = set()
        for index in range(self.roster_list.count()):
            row = self.roster_list.item(index)
            person: Attendee = row.data(Qt.ItemDataRole.UserRole)
            roster_names.add(person.name)
            if row.checkState() == Qt.CheckState.Checked:
                present.append(dataclasses.replace(person, kind=AttendanceKind.PRESENT, reason=""))
            else:
                absent.append(dataclasses.replace(person, kind=AttendanceKind.ABSENT,
                                                  reason=reasons.get(person.name, "")))
        absent += [Attendee(name, kind=AttendanceKind.ABSENT, reason=reason)
                   for name, reason in reasons.items() if name not in roster_names]
        return tuple(present + absent)

    def ticks_count(self) -> bool:
        """Whether the ticked names decide 实到 and 到会妇女 (a roster, and not a meeting where 实到 is typed)."""
        return self.roster_list.count() > 0 and not self._counts_typed

    def listed_ids(self) -> set[str]:
        return {self.roster_list.item(i).data(Qt.ItemDataRole.UserRole).villager_id
                for i in range(self.roster_list.count())} - {None}

    def add_roster_row(self, person: RosterPerson, kind: AttendanceKind) -> None:
        attendee = Attendee(person.name, Gender(person.gender), kind, person.villager_id, person.post)
        row = QListWidgetItem(roster_text(attendee))
        row.setData(Qt.ItemDataRole.UserRole, attendee)
        self._loading, loading = True, self._loading
        row.setCheckState(Qt.CheckState.Checked if kind is AttendanceKind.PRESENT else Qt.CheckState.Unchecked)
        self.roster_list.addItem(row)
        self._loading = loading

    def show_ticked_counts(self, meeting: Meeting) -> None:
        """With a roster, 实到 and 到会妇女 follow the ticks and are not typed."""
        driven = self.ticks_count()
        for name in ("present", "women_present"):
            spin = self.count_spins[name]
            spin.setReadOnly(driven or meeting.is_final)
            spin.setToolTip("由花名册勾选计算" if driven else "")
            if driven and spin.value() != (getattr(meeting, name) or 0):
                spin.blockSignals(True)
                spin.setValue(getattr(meeting, name) or 0)
                spin.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self._editable = not read_only
        for edit in (*self.text_edits.values(), self.absent_edit, *self.count_spins.values()):
            edit.setReadOnly(read_only)
        self.roster_list.setEnabled(not read_only)

    # -- reacting --------------------------------------------------------------------------------
    def _on_roster_list_changed(self, row: QListWidgetItem) -> None:
        if self._loading:
            return
        name = row.data(Qt.ItemDataRole.UserRole).name
        lines = [line for line in self.absent_edit.toPlainText().splitlines() if line.strip()]
        named = [line for line in lines if absence_line(line)[0] == name]
        if row.checkState() == Qt.CheckState.Checked:
            lines = [line for line in lines if line not in named]
        elif not named:
            lines.append(f"{name}：")
        self.absent_edit.setPlainText("\n".join(lines))
        self.edited.emit()

    def _on_roster_search_edit_changed(self, text: str) -> None:
        wanted = {p.villager_id for p in self._registry.search_people(text.strip(), 200)} \
            if self._registry is not None and text.strip() else set()
        for index in range(self.roster_list.count()):
            row = self.roster_list.item(index)
            person: Attendee = row.data(Qt.ItemDataRole.UserRole)
            row.setHidden(bool(text.strip()) and text.strip() not in row.text() and person.villager_id not in wanted)
        self._show_picker(text)

    def _show_picker(self, text: str) -> None:
        found = self.roster_picker.show_matches(text, self.listed_ids())
        self._form.setRowVisible(self.roster_picker, bool(found))

    def _on_roster_search_edit_return_pressed(self) -> None:
        """Keyboard ticking: Enter ticks the one listed match, or adds the one registry match."""
        visible = [self.roster_list.item(i) for i in range(self.roster_list.count())
                   if not self.roster_list.item(i).isHidden()]
        if len(visible) == 1 and self.roster_search_edit.text().strip():
            visible[0].setCheckState(Qt.CheckState.Checked)
            self.roster_search_edit.clear()
        elif not visible and self.roster_picker.count() == 1:
            self._on_roster_picker_picked(self.roster_picker.item(0).data(Qt.ItemDataRole.UserRole))

    def _on_roster_picker_picked(self, person: RosterPerson) -> None:
        """Someone from the registry who is not on the list (a villager at a large meeting): present."""
        if not self._editable:
            return
        self.add_roster_row(person, AttendanceKind.PRESENT)
        self.roster_search_edit.clear()
        self.edited.emit()
