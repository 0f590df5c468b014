"""The rules screen's file and rulebook acts: import a file, a new rulebook, export a version, save to 条款库.

Each asks through its dialog and calls the stores; a refusal is shown here. What a write changed is returned,
for the screen to emit on the bus (its reload comes from there)."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from models.core.changes import Changed
from models.core.errors import DomainError
from models.core.ports import Stores
from models.rules.rulebooks import ImportResult, RulebookSummary, chapters_from_catalogue
from models.rules.document import RuleVersion
from models.rules.text import assemble
from ui.rules.dialogs import CatalogueEntryDialog, ImportFileDialog, NewRulebookDialog, SavePathDialog
from ui.rules.role_preview import RolePreviewDialog


def _warn(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, "村规民约", message)


def import_rules(parent: QWidget, stores: Stores, summary: RulebookSummary | None) -> ImportResult | None:
    """Read a file as a new version of `summary` (when the clerk says so) or as a new rulebook."""
    path = ImportFileDialog.ask(parent)
    if path is None:
        return None
    as_version = summary is not None and QMessageBox.question(
        parent, "导入", f"作为《{summary.title}》的新版本导入吗？\n选“否”则新建一份规约。"
    ) == QMessageBox.StandardButton.Yes
    try:
        lines = stores.rule_files.read_lines(path)
        parsed = assemble(lines)
        if parsed.needs_check:  # not sure: the clerk checks each line's role before anything is saved
            checked = RolePreviewDialog.ask(parent, lines)
            if checked is None:
                return None
            lines = checked
        result = stores.rule_files.import_file(path, summary.id if as_version and summary else None, lines=lines)
    except DomainError as error:
        _warn(parent, error.message)
        return None
    kept = f"保留前言 {len(result.preamble)} 段、落款 {len(result.closing)} 行。" if result.preamble or result.closing else ""
    note = "\n".join(["", "请核对：", *result.problems]) if result.problems else ""
    QMessageBox.information(parent, "导入完成", f"已导入第{result.version}版，共 {result.articles} 条。{kept}{note}")
    return result


def new_rulebook(parent: QWidget, stores: Stores) -> Changed | None:
    """A new rulebook, empty or drafted from the article catalogue; `.id` is the rulebook's."""
    answer = NewRulebookDialog.ask(parent)
    if answer is None:
        return None
    title, kind, from_catalogue = answer
    try:
        made = stores.rules.create_rulebook(title, kind)
        if from_catalogue:
            chapters = chapters_from_catalogue(stores.catalogue.catalogue())
            made = made | stores.rules.add_version(RuleVersion("", made.id, 0, chapters, title=title), "由条款库生成")
    except DomainError as error:
        _warn(parent, error.message)
        return None
    return made


def export_version(parent: QWidget, stores: Stores, version: RuleVersion) -> None:
    path = SavePathDialog.ask(parent, "导出村规民约", "Word 文件 (*.docx);;Markdown 文件 (*.md)")
    if path is None:
        return
    try:
        stores.rule_files.export_file(version.rulebook_id, version.number, path)
    except DomainError as error:
        _warn(parent, error.message)
        return
    QMessageBox.information(parent, "导出", f"已导出：{path}")


def save_to_catalogue(parent: QWidget, stores: Stores, text: str) -> Changed | None:
    """Keep an article's text in the village's own 条款库, under an area the clerk picks."""
    if not text:
        _warn(parent, "请先在左侧选择一条。")
        return None
    areas = list(dict.fromkeys(e.area for e in stores.catalogue.catalogue()))
    answer = CatalogueEntryDialog.ask(parent, areas)
    if answer is None:
        return None
    try:
        added = stores.catalogue.add_catalogue_article(answer[0], answer[1], text)
    except DomainError as error:
        _warn(parent, error.message)
        return None
    QMessageBox.information(parent, "条款库", "已存入本村条款库，以后起草时可以直接插入。")
    return added
