"""录入: slips one after another (household by number, name or pinyin initials; item by code, name or pinyin
initials, with a list of the matches to pick from; Enter to the next)
and batch entry of an event's participants from the registry. Entries are never undone: a mistake is corrected by
a reversing entry (R36), so these writes are not on the undo stack."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtWidgets import (QCompleter, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QTableView, QVBoxLayout, QWidget)

from models.core.errors import DomainError
from models.core.ports import Stores
from models.points.ledger import EntryDraft
from models.points.rollup import PointsHousehold
from models.points.scheme import SchemeItem, find_items
from ui.core.bus import DataBus
from ui.points.table_model import EntriesModel
from ui.widgets.choice_combo import ChoiceCombo


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _choice(item: SchemeItem) -> str:
    return f"{item.code}  {item.name}（{item.class_name}，{item.points:+d}）"


def _day(edit: QDateEdit) -> date:
    day = edit.date()
    return date(day.year(), day.month(), day.day())


class EntryTab(QWidget):
    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores, self._bus = stores, bus
        self._chosen: PointsHousehold | None = None
        self._items: list[SchemeItem] = []  # the items the item field's text finds, first the one Enter records
        self._build_ui()
        self.reload()

    def _build_ui(self) -> None:
        slip = QGroupBox(self.tr("逐张录入积分单（回车到下一项）"))
        form = QFormLayout(slip)
        self.household_edit = QLineEdit()
        self.household_edit.setPlaceholderText(self.tr("户号、户主姓名或拼音首字母，回车"))
        self.household_label = QLabel()
        self.item_edit = QLineEdit()
        self.item_edit.setPlaceholderText(self.tr("项目代码、名称或拼音首字母，回车即记录"))
        self.item_matches = QStringListModel(self)
        # The matches as a list under the field; set on the field with setWidget, not setCompleter, so Enter stays
        # the field's own (it records the chosen item) and the list filters by find_items, not by its prefix.
        self.item_completer = QCompleter(self.item_matches, self)
        self.item_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.item_completer.setWidget(self.item_edit)
        self.item_label = QLabel()
        self.date_edit, self.note_edit = _date_edit(), QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("依据或说明（可不填）"))
        form.addRow(self.tr("户"), self.household_edit)
        form.addRow("", self.household_label)
        form.addRow(self.tr("项目"), self.item_edit)
        form.addRow("", self.item_label)
        form.addRow(self.tr("日期"), self.date_edit)
        form.addRow(self.tr("说明"), self.note_edit)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.entries = EntriesModel(fetch=lambda: self._stores.points.ledger.entries(limit=100))
        table = QTableView()
        table.setModel(self.entries)
        table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(slip, 1)
        top.addWidget(self._batch_box(), 1)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(table, 1)
        self.household_edit.textChanged.connect(self._on_household_typed)
        self.household_edit.returnPressed.connect(self._on_household_entered)
        self.item_edit.textChanged.connect(self._on_item_typed)
        self.item_edit.returnPressed.connect(self._on_item_entered)
        self.item_completer.activated[str].connect(self._on_item_picked)

    def _batch_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("活动批量录入（从户籍名单勾选参加的户）"))
        form = QFormLayout(box)
        self.batch_group: ChoiceCombo[str] = ChoiceCombo()
        self.batch_item, self.batch_date = QLineEdit(), _date_edit()
        self.batch_item.setPlaceholderText(self.tr("项目代码，如 B01"))
        self.list_button = QPushButton(self.tr("列出名单"))
        self.batch_list = QListWidget()
        self.batch_button = QPushButton(self.tr("录入勾选的户"))
        form.addRow(self.tr("范围"), self.batch_group)
        form.addRow(self.tr("项目"), self.batch_item)
        form.addRow(self.tr("日期"), self.batch_date)
        form.addRow("", self.list_button)
        form.addRow(self.batch_list)
        form.addRow("", self.batch_button)
        self.list_button.clicked.connect(self._on_list_clicked)
        self.batch_button.clicked.connect(self._on_batch_clicked)
        return box

    def reload(self) -> None:
        groups = self._stores.points.tally.group_names()  # the households are read as typed, or listed (issue 17)
        current = self.batch_group.current_value()
        self.batch_group.clear_choices()
        self.batch_group.add_choices([(self.tr("全村"), ""), *((g, g) for g in groups)])
        if current in self.batch_group.values():
            self.batch_group.setCurrentIndex(self.batch_group.values().index(current))
        self.entries.reload()

    def _say(self, text: str, refused: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if refused else "")
        self.status.setText(text)

    def _on_household_typed(self, text: str) -> None:
        found = self._stores.points.tally.find_households(text, limit=5) if text.strip() else []
        self._chosen = found[0] if found else None
        others = "；".join(h.label for h in found[1:])
        self.household_label.setText((self._chosen.label + (f"（第一个；另有：{others}）" if others else ""))
                                     if self._chosen else (self.tr("没有找到") if text.strip() else ""))

    def _on_household_entered(self) -> None:
        if self._chosen is not None:
            self.item_edit.setFocus()
            self.item_edit.selectAll()

    def _on_item_typed(self, text: str) -> None:
        scheme = self._stores.points.scheme.in_force_on(_day(self.date_edit))
        self._items = find_items(scheme.items, text) if scheme else []
        first = self._items[0] if self._items else None
        self.item_label.setText(f"{first.code} {first.class_name} · {first.name} · {first.points:+d}" if first else
                                (self.tr("没有找到") if text.strip() else ""))
        exact = first is not None and first.code.lower() == text.strip().lower()
        self.item_matches.setStringList([_choice(i) for i in self._items])
        if self._items and not exact:
            self.item_completer.complete()  # a code typed in full needs no list: Enter records it
        else:
            self.item_completer.popup().hide()

    def _on_item_picked(self, choice: str) -> None:
        """A match chosen from the list: its code goes into the field (Enter then records it)."""
        picked = next((i for i in self._items if _choice(i) == choice), None)
        if picked is not None:
            self.item_edit.setText(picked.code)

    def chosen_item(self) -> SchemeItem | None:
        """What Enter records: the match highlighted in the open list, else the first match."""
        popup = self.item_completer.popup()
        row = popup.currentIndex().row() if popup.isVisible() else -1
        return self._items[row] if 0 <= row < len(self._items) else (self._items[0] if self._items else None)

    def _on_item_entered(self) -> None:
        if self._chosen is None:
            self._say(self.tr("请先输入户号、姓名或拼音首字母。"), refused=True)
            self.household_edit.setFocus()
            return
        item = self.chosen_item()
        self.item_completer.popup().hide()
        if item is None:
            self._say(self.tr("积分细则中没有“{0}”这一项。请输入项目代码、名称或拼音首字母。").format(
                self.item_edit.text().strip()), refused=True)
            return
        draft = EntryDraft(self._chosen.household_no, item.code, _day(self.date_edit), note=self.note_edit.text())
        label = f"{item.code} {item.class_name} · {item.name} · {item.points:+d}"
        try:
            changed = self._stores.points.ledger.add(draft)
        except DomainError as error:
            self._say(error.message, refused=True)
            return
        self._say(self.tr("已记录：{0} {1}，待另一位工作人员确认。").format(self._chosen.label, label))
        self.household_edit.clear()
        self.item_edit.clear()
        self.note_edit.clear()
        self.household_edit.setFocus()
        self._bus.changed.emit(changed)

    def _on_list_clicked(self) -> None:
        group = self.batch_group.current_value() or ""
        self.batch_list.clear()
        for household in self._stores.points.tally.households():
            if not group or household.group_name == group:
                item = QListWidgetItem(f"{household.label}（{household.group_name}）")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                item.setData(Qt.ItemDataRole.UserRole, household.household_no)
                self.batch_list.addItem(item)

    def checked_numbers(self) -> list[str]:
        items = (self.batch_list.item(row) for row in range(self.batch_list.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _on_batch_clicked(self) -> None:
        numbers, code, day = self.checked_numbers(), self.batch_item.text().strip().upper(), _day(self.batch_date)
        try:
            changed = self._stores.points.ledger.add_batch([EntryDraft(no, code, day) for no in numbers])
        except DomainError as error:
            self._say(self.tr("批量录入未完成：") + error.message, refused=True)
            return
        self._say(self.tr("已为 {0} 户记录 {1}，待另一位工作人员确认。").format(len(changed.ids), code))
        self._bus.changed.emit(changed)
