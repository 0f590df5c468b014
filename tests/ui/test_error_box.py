"""An unexpected error keeps the form and what was typed, says the data is safe, offers 重试 and 复制错误信息."""
from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.workflow.steps import WorkflowStep
from models.workflow.records import Disposition
from storage.core.backend import SqliteBackend
from tests.helpers import type_text
from tests.storage.workflow_setup import rulebook_in_force, walk_to_step_5
from tests.ui.modal import answer_next_box
from ui.core import app as app
from ui.core.bus import DataBus
from ui.rules import create_screen
from ui.workflow.screen import WorkflowScreen

SAFE = "每次保存都是完整的一步：这一步没有保存，之前的数据都完好"


def test_an_error_in_a_save_keeps_the_typing_and_copies_the_details(qtbot, stores, tmp_path: Path, monkeypatch,
                                                                    caplog) -> None:
    (tmp_path / "r.md").write_text("第一条 讲卫生。\n", encoding="utf-8")
    stores.rule_files.import_file(tmp_path / "r.md")
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.article_edit.selectAll()
    type_text(screen.article_edit, "爱护公共设施。")

    def broken(version: object) -> None:
        raise RuntimeError("磁盘出错")
    monkeypatch.setattr(stores.rules, "save_version", broken)
    monkeypatch.setattr(sys, "excepthook", app._report_unexpected_error)  # what the running app installs
    seen = answer_next_box("复制错误信息", then="返回")
    with caplog.at_level(logging.ERROR, logger="xiangyue"):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert seen.opened and SAFE in seen.text and "技术人员" not in seen.text
    assert seen.buttons == ["复制错误信息", "返回"]  # nothing here can be re-run: 返回 goes back to the form
    assert seen.then.opened  # type: ignore[attr-defined]  # copying kept the box open for 返回
    assert "RuntimeError" in QApplication.clipboard().text() and "磁盘出错" in QApplication.clipboard().text()
    assert "磁盘出错" in caplog.text  # the log file gets it too
    assert screen.article_edit.toPlainText() == "爱护公共设施。"


def test_retry_runs_the_act_again(qtbot, backend: SqliteBackend, stores, monkeypatch) -> None:
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    walk_to_step_5(backend.db, stores.actor, stores.workflow, rulebook_id, date(2026, 2, 1))
    opinion = next(o for o in stores.workflow.opinions.opinions(rulebook_id) if not o.answered)
    stores.workflow.opinions.reply_opinion(opinion.id, Disposition.PARTLY, "增加电话参与", stores.actor.name, date.today())
    screen = WorkflowScreen(stores, DataBus())
    qtbot.addWidget(screen)
    real, calls = stores.workflow.revisions.advance, []

    def fails_once(*args: object) -> object:
        calls.append(args)
        if len(calls) == 1:
            raise OSError("数据库文件暂时被占用")
        return real(*args)
    monkeypatch.setattr(stores.workflow.revisions, "advance", fails_once)
    seen = answer_next_box("Yes", then="重试")
    qtbot.mouseClick(screen.advance_button, Qt.MouseButton.LeftButton)
    error_box = seen.then  # type: ignore[attr-defined]
    assert error_box.opened and SAFE in error_box.text and error_box.buttons == ["重试", "复制错误信息", "返回"]
    assert len(calls) == 2 and screen.status.current_step is WorkflowStep.REVISION
