"""Rules screen: new rulebook from the catalogue, catalogue insert/save, 修改对照表 reasons (undoable) and export."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from models.core.accounts import Actor
from models.rules.document import RulebookKind
from storage.core.backend import build_stores
from storage.core.db import Database
from ui.core.bus import DataBus
from ui.rules import create_screen
from ui.rules.dialogs import CatalogueDialog, CatalogueEntryDialog, NewRulebookDialog, SavePathDialog
from ui.rules.table_model import ComparisonTableModel


@pytest.fixture
def screen(qtbot, village_db: Database, admin: Actor, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"unexpected warning: {a[2]}"))
    monkeypatch.setattr(NewRulebookDialog, "ask",
                        classmethod(lambda cls, parent: ("石桥村村规民约", RulebookKind.RULES, True)))
    widget = create_screen(build_stores(village_db, admin), DataBus())
    qtbot.addWidget(widget)
    widget.new_rulebook_button.click()
    return widget


def test_new_rulebook_starts_from_the_catalogue(screen) -> None:  # type: ignore[no-untyped-def]
    version = screen.version
    assert version.number == 1 and len(version.articles) >= 25
    assert [c.title for c in version.chapters][:2] == ["规范日常行为", "维护公共秩序"]
    assert "必须修改 0 条" in screen.check_summary_label.text()


def test_insert_from_and_save_to_the_catalogue(screen, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    entries = screen._stores.catalogue.catalogue()
    monkeypatch.setattr(CatalogueDialog, "ask", classmethod(lambda cls, parent, found: entries[3]))
    screen.outline_view.setCurrentIndex(screen.outline_model.index(1))
    before = len(screen.version.articles)
    screen.catalogue_button.click()
    assert len(screen.version.articles) == before + 1 and screen.version.articles[1].text == entries[3].text
    screen.undo_button.click()
    assert len(screen.version.articles) == before
    monkeypatch.setattr(CatalogueEntryDialog, "ask", classmethod(lambda cls, parent, areas: ("引导民风民俗", "本村条文")))
    screen.save_to_catalogue_button.click()
    assert screen._stores.catalogue.catalogue()[-1].title == "本村条文" and not screen._stores.catalogue.catalogue()[-1].builtin


def test_comparison_table_reasons_are_undoable_and_export(qtbot, qtmodeltester, screen, monkeypatch,
                                                          tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rulebook = screen.version.rulebook_id
    screen._store.put_in_force(rulebook, 1, "2024-01-01")
    screen.reload()
    screen.new_version_button.click()
    screen.outline_view.setCurrentIndex(screen.outline_model.index(1))
    screen.delete_button.click()
    screen.compare_button.click()
    dialog = screen.compare_dialog
    qtbot.addWidget(dialog)
    model = dialog.table_model
    assert isinstance(model, ComparisonTableModel) and model.rowCount() == 1
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "删除条款"
    dialog.table_view.setCurrentIndex(model.index(0, 0))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("采纳村民代表意见，合并到第二条", True))
    dialog.reason_button.click()
    assert model.index(0, 2).data() == "采纳村民代表意见，合并到第二条"
    screen.undo_button.click()
    assert model.index(0, 2).data() == "删除条款"
    screen.redo_button.click()
    target = tmp_path / "对照表.docx"
    monkeypatch.setattr(SavePathDialog, "ask", classmethod(lambda cls, parent, title, filters: target))
    dialog.export_button.click()
    import docx
    table = docx.Document(str(target)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["原条文", "修改后条文", "修改理由"]
    assert table.rows[1].cells[2].text == "采纳村民代表意见，合并到第二条"
    assert table.rows[1].cells[1].text == "（删除）"


def test_export_current_version(screen, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "rules.md"
    monkeypatch.setattr(SavePathDialog, "ask", classmethod(lambda cls, parent, title, filters: target))
    screen.export_button.click()
    assert target.read_text(encoding="utf-8").startswith("# 石桥村村规民约\n\n## 第一章 规范日常行为")


def test_chapters_can_be_added_renamed_and_deleted_when_empty(screen, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    chapters = len(screen.version.chapters)
    screen.outline_view.setCurrentIndex(screen.outline_model.index(0))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("环境卫生", True))
    screen.add_chapter_button.click()
    assert [c.title for c in screen.version.chapters][:2] == ["规范日常行为", "环境卫生"]
    row = next(r for r in range(screen.outline_model.rowCount()) if screen.outline_model.entry(r).label.endswith("环境卫生"))
    screen.outline_view.setCurrentIndex(screen.outline_model.index(row))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("村容村貌", True))
    screen.rename_chapter_button.click()
    assert screen.version.chapters[1].title == "村容村貌"
    assert screen.outline_model.entry(row).label == "第二章 村容村貌"
    screen.delete_chapter_button.click()
    assert len(screen.version.chapters) == chapters
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    screen.outline_view.setCurrentIndex(screen.outline_model.index(0))
    screen.delete_chapter_button.click()
    assert len(screen.version.chapters) == chapters and "还有条文" in warned[0]
