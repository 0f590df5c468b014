"""The rules screen shows, beside the selected article, the villagers' opinions about it and their replies."""
from __future__ import annotations

from pathlib import Path

from storage.core.backend import SqliteBackend
from storage.demo import DemoOptions, run_demo
from ui.core.bus import DataBus
from ui.rules.screen import RulesScreen


def test_opinions_of_the_selected_article(qtbot, qtmodeltester, tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path / "demo.sqlite3")
    run_demo(backend.db, DemoOptions(seed=3, households=40))
    stores = backend.login("admin", "demo1234")
    rulebook_id = stores.rules.list_rulebooks()[0].id
    opinions = [o for o in stores.workflow.opinions.opinions(rulebook_id) if o.article_key]
    target = opinions[0].article_key
    expected = [f"{o.title}·{o.channel.label}" for o in opinions if o.article_key == target]
    screen = RulesScreen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.outline_view.setCurrentIndex(screen.outline_model.index(screen.outline_model.row_of(target)))
    shown = [screen.opinions_model.index(row, 0).data() for row in range(screen.opinions_model.rowCount())]
    assert shown == expected and screen.opinions_label.text().startswith(f"村民意见：{len(expected)} 条")
    qtmodeltester.check(screen.opinions_model)
