"""Typing in an opinion (step 5) or an objection (step 7): who — a villager found in the registry or a named
outsider —, channel, date, article or whole, text, the paper form's serial number and who wrote it for them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from models.core.numerals import article_label
from models.core.ports import Stores
from models.workflow.records import Channel, OpinionKind
from ui.widgets.choice_combo import ChoiceCombo
from models.core.changes import Changed
from ui.workflow.page_base import StepPage, date_edit, day_of, note


@dataclass(frozen=True)
class TypedOpinion:
    """What the clerk typed, ready for `WorkflowStore.add_opinion`."""

    name: str
    channel: Channel
    on: date
    text: str
    article_key: str = ""
    villager_id: str = ""
    household_id: str = ""
    form_serial: str = ""
    written_by: str = ""
    name_public: bool = False


class OpinionEntry(QWidget):
    """The entry form; the page pushes what `typed()` returns as an undoable command."""

    def __init__(self, stores: Stores, kind: OpinionKind) -> None:
        super().__init__()
        self._stores, self._kind = stores, kind
        self._person: tuple[str, str, str] | None = None  # villager id, household id, name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("姓名、拼音首字母或户号")
        self.person_combo: ChoiceCombo[tuple[str, str, str]] = ChoiceCombo()
        self.person_combo.setMinimumWidth(200)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.person_combo, 1)
        form.addRow("在花名册中查找：", row)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("村外人员直接填写姓名（如 在外务工的杨某、驻村单位）")
        form.addRow(f"提{kind.label}人：", self.name_edit)
        self.channel_combo: ChoiceCombo[Channel] = ChoiceCombo()
        self.article_combo: ChoiceCombo[str] = ChoiceCombo()
        for channel in Channel:
            self.channel_combo.add_choice(channel.label, channel)
        self.date_edit = date_edit()
        row = QHBoxLayout()
        for widget in (self.channel_combo, note("日期："), self.date_edit, note("涉及条款："), self.article_combo):
            row.addWidget(widget)
        form.addRow("渠道：", row)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setFixedHeight(56)
        form.addRow(f"{kind.label}内容：", self.text_edit)
        self.serial_edit, self.writer_edit = QLineEdit(), QLineEdit()
        self.serial_edit.setPlaceholderText("纸质意见征求表上的编号")
        self.writer_edit.setPlaceholderText("本人不会写字时，代写人姓名")
        row = QHBoxLayout()
        for widget in (self.serial_edit, note("代写人："), self.writer_edit):
            row.addWidget(widget)
        form.addRow("表单编号：", row)
        self.name_public_check = QCheckBox("本人同意在意见采纳情况说明中公开姓名（不勾选则印为“杨某”）")
        form.addRow("", self.name_public_check)
        layout.addLayout(form)
        self.submit_button = QPushButton(f"登记{kind.label}")
        layout.addWidget(self.submit_button)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.person_combo.currentIndexChanged.connect(lambda _i: self._on_person_chosen())

    def load_articles(self, rulebook_id: str) -> None:
        """The latest version's articles (an opinion names the article by key; its label is kept as recorded)."""
        current = self.article_combo.current_value()
        self.article_combo.clear_choices()
        self.article_combo.add_choice("全文", "")
        if rulebook_id:
            version = self._stores.rules.load_version(rulebook_id)
            for number, article in enumerate(version.articles, 1):
                self.article_combo.add_choice(article_label(number), article.key)
        self.article_combo.setCurrentIndex(max(self.article_combo.index_of(current), 0))

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.person_combo.blockSignals(True)
        self.person_combo.clear_choices()
        for hit in self._stores.registry.search(text, 20) if text.strip() else []:
            if hit.villager_id:
                self.person_combo.add_choice(f"{hit.name}（{hit.household_no}户）",
                                             (hit.villager_id, hit.household_id, hit.name))
        self.person_combo.blockSignals(False)
        self._on_person_chosen()

    def _on_person_chosen(self) -> None:
        self._person = self.person_combo.current_value()
        if self._person:
            self.name_edit.setText(self._person[2])

    def typed(self) -> TypedOpinion:
        """The entry as typed; the registry link holds only while the name is the chosen villager's."""
        name = self.name_edit.text().strip()
        villager_id, household_id = (self._person[0], self._person[1]) \
            if self._person and self._person[2] == name else ("", "")
        return TypedOpinion(name, self.channel_combo.current_value(), day_of(self.date_edit),
                            self.text_edit.toPlainText().strip(), self.article_combo.current_value() or "",
                            villager_id, household_id, self.serial_edit.text().strip(), self.writer_edit.text().strip(),
                            self.name_public_check.isChecked())

    def clear(self) -> None:
        """After a successful entry: ready for the next form (channel and date stay, as forms come in batches)."""
        for edit in (self.search_edit, self.name_edit, self.serial_edit, self.writer_edit):
            edit.clear()
        self.text_edit.clear()
        self.article_combo.setCurrentIndex(0)
        self.name_public_check.setChecked(False)


def push_opinion(page: StepPage, entry: OpinionEntry, kind: OpinionKind) -> bool:
    """Register what the entry holds as an undoable command (undo leaves the opinion as a tombstone)."""
    store, rulebook_id, typed = page._store.opinions, page.rulebook_id, entry.typed()

    def do() -> Changed:
        return store.add_opinion(rulebook_id, kind, typed.name, typed.channel, typed.on, typed.text,
                                 article_key=typed.article_key, household_id=typed.household_id,
                                 villager_id=typed.villager_id, form_serial=typed.form_serial,
                                 written_by=typed.written_by, name_public=typed.name_public)
    if page.push(f"登记{typed.name}的{kind.label}", do, lambda added: store.withdraw_opinion(added.id)):
        entry.clear()
        return True
    return False


class ConsultationPage(StepPage):
    """第5步 征求民意 — typing in opinions (paper forms against their serial number); the register above answers."""

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(note("登记意见：收回的意见征求表按表单编号录入；花名册中的村民请先查找，以便统计参与户数。"))
        self.entry = OpinionEntry(self._stores, OpinionKind.OPINION)
        layout.addWidget(self.entry)
        layout.addStretch(1)
        self.entry.submit_button.clicked.connect(self._submit)
        self.edits.track("意见", [self.entry.name_edit, self.entry.text_edit], self._submit)

    def _submit(self) -> bool:
        return push_opinion(self, self.entry, OpinionKind.OPINION)

    def reload(self) -> None:
        self.entry.load_articles(self.rulebook_id if self.status else "")
