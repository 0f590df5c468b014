"""Walk 2: on the 村规民约 screen the clerk rewrites an article of the draft with a fine in it, saves, reads the
legality finding beside it, undoes and redoes; after each step `rules show` / `rules check` say the same."""
from __future__ import annotations

from typing import Any

from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import cli_json, click, click_button, replace_text

ARTICLE = 9
FINED = "生活垃圾应分类投放至指定收集点，乱扔垃圾的罚款50元。"


def test_edit_an_article_see_the_finding_undo_and_redo(qtbot, walk: Walk) -> None:
    screen = walk.open_area("村规民约")
    rulebook_id = cli_json(walk.db_path, "rules", "list")["rulebooks"][0]["id"]
    assert screen.rulebook_combo.currentText().startswith("青石村村规民约")
    assert "草稿" in screen.version_combo.currentText()
    original = _article_text(walk, rulebook_id)
    _select_article(qtbot, screen, ARTICLE)
    assert screen.article_edit.toPlainText() == original
    replace_text(screen.article_edit, FINED)
    click_button(qtbot, screen, "保存本条")
    findings = _shown_findings(screen)
    assert len(findings) == 1 and "罚款" in findings[0] and findings[0].startswith("【")
    assert _article_text(walk, rulebook_id) == FINED
    checked = cli_json(walk.db_path, "rules", "check", rulebook_id, expect=1)["findings"]  # 必须修改: exit 1
    assert [(f["article"], f["category"]) for f in checked] == [(ARTICLE, "fine")]
    assert checked[0]["reason"] in findings[0]

    click(qtbot, screen.undo_button)
    assert screen.article_edit.toPlainText() == original and _shown_findings(screen) == []
    assert _article_text(walk, rulebook_id) == original
    assert cli_json(walk.db_path, "rules", "check", rulebook_id)["findings"] == []
    click(qtbot, screen.redo_button)
    assert screen.article_edit.toPlainText() == FINED and _shown_findings(screen) == findings
    assert _article_text(walk, rulebook_id) == FINED


def _select_article(qtbot: Any, screen: Any, number: int) -> None:
    """Click the article's line in the outline (labels read 第九条 …)."""
    from models.core.numerals import article_label

    view, model = screen.outline_view, screen.outline_model
    row = next(r for r in range(model.rowCount()) if model.index(r).data().startswith(article_label(number)))
    view.scrollTo(model.index(row))
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(model.index(row)).center())
    assert screen.number_label.text().startswith(article_label(number))


def _shown_findings(screen: Any) -> list[str]:
    model = screen.findings_model
    return [model.index(r).data() for r in range(model.rowCount())]


def _article_text(walk: Walk, rulebook_id: str) -> str:
    shown = cli_json(walk.db_path, "rules", "show", rulebook_id)
    return next(a["text"] for a in shown["articles"] if a["number"] == ARTICLE)
