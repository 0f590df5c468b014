"""最近的操作 on the home screen says what happened in a clerk's words, over the demo village's real audit trail."""
from __future__ import annotations

import enum
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import models
from models.core.audit import AuditEntry
from models.core.audit_sentences import clerk_sentence
from storage.core.backend import SqliteBackend
from storage.core.installation import open_database
from tests.templates import copy_installation
from ui.core.home import RECENT_COLUMNS, HomeScreen, recent_lines
from ui.core.bus import DataBus

RAW = {
    "a row id": re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"),
    "a bundle file name": re.compile(r"\.xybundle"),
    "a node id": re.compile(r"\b[TV]-[0-9a-f]{8}\b|\b[TV]-\d{12}\b"),
    "a UTC timestamp": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:"),
    "a column name": re.compile(r"\b[a-z]+_[a-z_]+\b|\b[a-z_]+: "),
    "a 0/1 flag": re.compile(r"[：“][01](?=$|[；，。）”\s])"),
    "a JSON list": re.compile(r"\[\]|\[\""),
}


def _enum_codes() -> set[str]:
    codes: set[str] = set()
    for info in pkgutil.iter_modules(models.__path__):
        for kind in vars(importlib.import_module(f"models.{info.name}")).values():
            if isinstance(kind, type) and issubclass(kind, enum.Enum):
                codes |= {m.value for m in kind if isinstance(m.value, str) and re.fullmatch(r"[a-z_]+", m.value)}
    return codes


@pytest.fixture(scope="module")
def demo(demo_cli_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`demo --households 40` (made once per session), copied for this module."""
    path = tmp_path_factory.mktemp("demo") / "village.sqlite3"
    copy_installation(demo_cli_template, path)
    return path


def _problems(line: str, codes: set[str], usernames: set[str]) -> list[str]:
    found = [what for what, pattern in RAW.items() if pattern.search(line)]
    words = set(re.findall(r"(?<![A-Za-z])[a-z_]+(?![A-Za-z])", line)) - usernames
    return found + [f"the code {word}" for word in words & codes]


def test_no_shown_line_holds_a_raw_code_flag_or_file_name(demo: Path) -> None:
    db = open_database(demo)
    rows = db.conn.execute("SELECT seq, id, at, actor_id, actor_name, action, table_name, row_id, summary "
                           "FROM audit_log ORDER BY seq").fetchall()
    usernames = {row[0] for row in db.conn.execute("SELECT username FROM users")}
    peers = {node: name for node, name in db.conn.execute("SELECT node, name FROM sync_peers")}
    codes = _enum_codes()
    assert len(rows) > 500 and peers
    bad = []
    for line in recent_lines([AuditEntry(*row) for row in rows], peers):
        shown = "　".join(getter(line) for _, getter in RECENT_COLUMNS)
        if problems := _problems(shown, codes, usernames):
            bad.append(f"{problems}: {shown}")
    assert bad == [], "\n".join(bad[:20])


def test_the_home_screen_shows_the_latest_lines_in_words(qtbot, demo: Path) -> None:
    backend = SqliteBackend(demo)
    stores = backend.login("admin", "demo1234")
    home = HomeScreen(stores, DataBus())
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: home.is_populated, timeout=3000)
    texts = [home.recent_model.index(row, 4).data() for row in range(home.recent_model.rowCount())]
    assert home.recent_model.rowCount() == 15
    assert any("导入黎平县德化乡的同步包" in text for text in texts), texts
    assert not any(".xybundle" in text for text in texts)


def _entry(action: str, table: str, summary: str) -> AuditEntry:
    return AuditEntry(1, "a-1", "2026-12-06T10:00:00+00:00", "u-1", "吴晓梅", action, table, "r-1", summary)


@pytest.mark.parametrize(("action", "table", "summary", "said"), [
    ("update", "meeting_attendees", "name: 张成 → 龙英燕", "张成的出席记录改为龙英燕"),
    ("create", "meeting_attendees", "position: 0; name: 胡莲翠; gender: female; kind: absent; post: ; "
     "reason: 外出务工; proxy_for: ", "胡莲翠缺席，原因：外出务工"),
    ("sync_import", "sync_bundles_received", "导入 T-878ee135 的同步包 T-878ee135_V-522631101201-3885e7ac_20261206_1-1_"
     "5556473d.xybundle：写入 1，跳过 0，隔离 0", "导入黎平县德化乡的同步包：写入 1，跳过 0，隔离 0"),
    ("sync_import", "sync_bundles_received", "导入 T-12345678 的同步包 T-12345678_V-1_1.xybundle：写入 2，跳过 0，隔离 0",
     "导入乡镇的同步包：写入 2，跳过 0，隔离 0"),
    ("create", "workflow_committee_members", "name: 吴支书; chair: 1; capacity: ; position: 0", "吴支书加入执委会，任主持人"),
    ("create", "four_two_matters", "title: 修订村规民约; motion_source: 村干部提议; merged_first_stages: 0",
     "标题：修订村规民约；提议来源：村干部提议；合并前两环节：否"),
    ("delete", "rule_articles", "deleted: 0 → 1", "已删除"),
    ("update", "convene_proposals", "", "修改了提议召集"),
])
def test_sentences(action: str, table: str, summary: str, said: str) -> None:
    assert clerk_sentence(_entry(action, table, summary), {"T-878ee135": "黎平县德化乡"}) == said
