"""The rules screen walk: import the sample → edit → renumber (insert, drag) → compare; undo and redo."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from models.core.accounts import Actor
from models.rules.document import VersionStatus, numbered_articles
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.helpers import type_text
from ui.core.bus import DataBus
from ui.rules import create_screen
from ui.rules.dialogs import ImportFileDialog
from ui.rules.table_model import FindingListModel, OutlineListModel

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "rules_draft_v1.md"  # copy of the shared sample draft


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def screen(qtbot, village_db: Database, admin: Actor, monkeypatch, sample: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"unexpected warning: {a[2]}"))
    widget = create_screen(build_stores(village_db, admin), DataBus())
    qtbot.addWidget(widget)
    return widget


def _select(screen, key: str) -> None:  # type: ignore[no-untyped-def]
    screen.outline_view.setCurrentIndex(screen.outline_model.index(screen.outline_model.row_of(key)))


def test_import_edit_renumber_compare(qtbot, screen, sample: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ImportFileDialog, "ask", classmethod(lambda cls, parent: sample))
    qtbot.mouseClick(screen.import_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    draft = screen.version
    assert draft is not None and draft.status is VersionStatus.DRAFT and screen.outline_model.rowCount() > 5
    # Adopt version 1, start version 2 from it (the clerk's revision).
    screen._store.put_in_force(draft.rulebook_id, 1, "2024-01-01")
    screen.reload()
    assert not screen.save_button.isEnabled() and screen.read_only_label.isVisibleTo(screen)
    screen.new_version_button.click()
    assert screen.version.number == 2 and screen.save_button.isEnabled()
    first, last = screen.version.articles[0].key, screen.version.articles[-1].key
    # Edit the first article's text by typing.
    _select(screen, first)
    screen.article_edit.selectAll()
    type_text(screen.article_edit, "为了建设和睦、整洁、平安的青石村，制定本村规民约。")
    screen.save_button.click()
    assert screen.version.articles[0].text == "为了建设和睦、整洁、平安的青石村，制定本村规民约。"
    # Insert a new article after the first: everything after renumbers.
    screen.insert_button.click()
    assert numbered_articles(screen.version)[-1].key == last and numbered_articles(screen.version)[-1].number == \
        len(screen.version.articles)
    type_text(screen.article_edit, "倡导节约用水。")
    screen.save_button.click()
    assert screen.version.articles[1].text.endswith("倡导节约用水。")
    # Drag the last article to the top of the first chapter.
    screen.outline_model.move_requested.emit(last, 0, 0)
    assert screen.version.articles[0].key == last
    assert screen.outline_model.entry(1).label.startswith("第一条")
    # Undo the move, redo it.
    screen.undo_button.click()
    assert screen.version.articles[-1].key == last
    screen.redo_button.click()
    assert screen.version.articles[0].key == last
    # Compare with the version in force: side by side, with character-level marks.
    screen.compare_button.click()
    dialog = screen.compare_dialog
    qtbot.addWidget(dialog)
    html = dialog.compare_browser.toHtml()
    assert "text-decoration: underline" in html or "<u>" in html
    assert "新增" in dialog.summary_label.text() and "调整位置" in dialog.summary_label.text()
    assert dialog.old_combo.current_value() == 1 and dialog.new_combo.current_value() == 2


def test_findings_follow_the_selected_article(qtbot, screen, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.md"
    bad.write_text("第一条 讲卫生。\n第二条 乱倒垃圾的，罚款五十元。\n", encoding="utf-8")
    monkeypatch.setattr(ImportFileDialog, "ask", classmethod(lambda cls, parent: bad))
    screen.import_button.click()
    _select(screen, screen.version.articles[1].key)
    texts = [screen.findings_model.index(r).data() for r in range(screen.findings_model.rowCount())]
    assert any("必须修改" in t and "罚款" in t for t in texts)
    assert "必须修改 1 条" in screen.check_summary_label.text()
    screen.article_edit.selectAll()
    type_text(screen.article_edit, "乱倒垃圾的，由执行委员会批评教育。")
    screen.save_button.click()
    assert "必须修改 0 条" in screen.check_summary_label.text()


def test_split_merge_delete_are_undoable(qtbot, screen, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "r.md"
    source.write_text("第一条 甲乙丙丁。\n第二条 戊己。\n", encoding="utf-8")
    monkeypatch.setattr(ImportFileDialog, "ask", classmethod(lambda cls, parent: source))
    screen.import_button.click()
    _select(screen, screen.version.articles[0].key)
    cursor = screen.article_edit.textCursor()
    cursor.setPosition(2)
    screen.article_edit.setTextCursor(cursor)
    screen.split_button.click()
    assert [a.text for a in screen.version.articles] == ["甲乙", "丙丁。", "戊己。"]
    screen.merge_button.click()
    assert [a.full_text for a in numbered_articles(screen.version)] == ["甲乙\n丙丁。", "戊己。"]
    screen.delete_button.click()
    assert [a.text for a in screen.version.articles] == ["戊己。"]
    for _ in range(3):
        screen.undo_button.click()
    assert [a.text for a in screen.version.articles] == ["甲乙丙丁。", "戊己。"]


def test_models_pass_the_model_tester(qtmodeltester, screen, sample: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ImportFileDialog, "ask", classmethod(lambda cls, parent: sample))
    screen.import_button.click()
    assert isinstance(screen.outline_model, OutlineListModel) and isinstance(screen.findings_model, FindingListModel)
    qtmodeltester.check(screen.outline_model)
    screen.findings_model.set_rows(screen._findings)
    qtmodeltester.check(screen.findings_model)


def test_outline_drop_target_counts_within_the_chapter(screen, sample: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ImportFileDialog, "ask", classmethod(lambda cls, parent: sample))
    screen.import_button.click()
    model = screen.outline_model
    second_chapter_row = next(r for r in range(1, model.rowCount()) if model.entry(r).kind == "chapter")
    assert model.drop_target(second_chapter_row + 1) == (1, 0)
    assert model.drop_target(2) == (0, 1)
    mime = model.mimeData([model.index(1)])
    seen = []
    model.move_requested.connect(lambda *args: seen.append(args))
    model.dropMimeData(mime, __import__("PySide6.QtCore").QtCore.Qt.DropAction.MoveAction, 3, 0,
                       __import__("PySide6.QtCore").QtCore.QModelIndex())
    assert seen == [(model.entry(1).key, 0, 2)] or seen[0][1:] == (0, 2)
