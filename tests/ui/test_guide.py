"""The picture guide (docs/guide/): every page the app opens exists with a title, every link and picture of every
page exists, and the guide window moves between pages (目录, 后退) offline."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl

from ui.core.help import AREA_PAGES, GUIDE_FOLDER, INDEX, GuideWindow, page_for

LINK = re.compile(r"\]\(([^)]+)\)")


def test_every_page_the_app_opens_exists() -> None:
    pages = {INDEX, *AREA_PAGES.values(), *(f"workflow-{n}.md" for n in range(1, 10))}
    for page in pages:
        text = (GUIDE_FOLDER / page).read_text(encoding="utf-8")
        assert text.startswith("# "), page


def test_every_link_and_picture_exists() -> None:
    for page in GUIDE_FOLDER.glob("*.md"):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            assert (GUIDE_FOLDER / target).is_file(), f"{page.name} → {target}"


def test_the_workflow_page_follows_the_selected_step() -> None:
    class Screen:
        selected_step = None
    screen = Screen()
    assert page_for("workflow", screen) == "workflow.md"  # type: ignore[arg-type]
    from models.workflow.steps import WorkflowStep
    screen.selected_step = WorkflowStep.ASSEMBLY_VOTE  # type: ignore[assignment]
    assert page_for("workflow", screen) == "workflow-8.md"  # type: ignore[arg-type]
    assert page_for("nowhere", None) == INDEX


def test_the_guide_window_moves_between_pages(qtbot) -> None:
    guide = GuideWindow()
    qtbot.addWidget(guide)
    guide.show_page("registry.md")
    guide.browser.setSource(guide.browser.source().resolved(QUrl("faq.md")))  # as a click on a link does
    assert guide.page() == "faq.md" and guide.back_button.isEnabled()
    qtbot.mouseClick(guide.back_button, Qt.MouseButton.LeftButton)
    assert guide.page() == "registry.md"
    qtbot.mouseClick(guide.index_button, Qt.MouseButton.LeftButton)
    assert guide.page() == "index.md" and "乡约使用指南" in guide.browser.document().toPlainText()
