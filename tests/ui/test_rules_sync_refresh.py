"""The rules screen after a bundle import: a version written behind its back shows once Changed(SYNC) is heard."""
from __future__ import annotations

from pathlib import Path

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.rules.document import update_article
from storage.core.backend import build_stores
from storage.core.db import Database
from ui.core.bus import DataBus
from ui.rules import create_screen

RULES = "# 石桥村村规民约\n\n## 第一章 总则\n\n第一条 为了和睦。\n\n第二条 爱护公物。\n\n第三条 批评教育。\n"


def test_a_sync_import_shows_the_new_text_and_version_without_reselecting(qtbot, village_db: Database,  # type: ignore[no-untyped-def]
                                                                         admin: Actor, tmp_path: Path) -> None:
    stores = build_stores(village_db, admin)
    (tmp_path / "r.md").write_text(RULES, encoding="utf-8")
    rulebook_id = stores.rule_files.import_file(tmp_path / "r.md").rulebook_id
    bus = DataBus()
    screen = create_screen(stores, bus)
    qtbot.addWidget(screen)
    second = screen.version.articles[1]
    screen.outline_view.setCurrentIndex(screen.outline_model.index(screen.outline_model.row_of(second.key)))
    assert screen.article_edit.toPlainText() == "爱护公物。"
    # What an imported bundle writes: the draft's second article changed elsewhere, and a newer version.
    stores.rules.save_version(update_article(stores.rules.load_version(rulebook_id), second.key, "爱护公共财物。"))
    assert screen.article_edit.toPlainText() == "爱护公物。"  # nothing told the screen yet
    bus.changed.emit(Changed(Entity.SYNC))
    assert screen.article_edit.toPlainText() == "爱护公共财物。" and screen.version.number == 1
    stores.rules.new_version(rulebook_id)
    bus.changed.emit(Changed(Entity.SYNC))
    assert screen.version_combo.count() == 2 and screen.version.number == 1  # listed; the one shown stays shown
