"""The rules stores: import (text and a real .docx), versions, one in force, edits, catalogue, reasons, and the
Changed every write returns."""
from __future__ import annotations

from storage.core.driver import sqlite as sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.rules.document import VersionStatus, move_article, numbered_articles, update_article
from models.rules.diff import ChangeKind, diff_versions
from storage.core.db import Database
from storage.core.backend import SqliteStores, build_stores

RULES = "# 石桥村村规民约\n\n## 第一章 总则\n\n第一条 为了和睦。\n\n第二条 违者依照第三条处理。\n\n## 第二章 附则\n\n第三条 批评教育。\n"


@pytest.fixture
def store(village_db: Database, admin: Actor) -> SqliteStores:
    return build_stores(village_db, admin)


def _write(tmp_path: Path, text: str = RULES, name: str = "rules.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_creates_rulebook_and_version(store: SqliteStores, tmp_path: Path) -> None:
    result = store.rule_files.import_file(_write(tmp_path))
    assert (result.version, result.articles, result.problems) == (1, 3, ())
    [summary] = store.rules.list_rulebooks()
    assert summary.title == "石桥村村规民约" and summary.in_force_version is None and summary.latest_version == 1
    version = store.rules.load_version(result.rulebook_id)
    assert [c.title for c in version.chapters] == ["总则", "附则"]
    assert result.changed.id == version.id and result.changed.ids_of(Entity.RULEBOOK) == {result.rulebook_id}
    assert numbered_articles(version)[1].text == "违者依照第三条处理。"


def test_import_real_docx_built_with_python_docx(store: SqliteStores, tmp_path: Path) -> None:
    import docx
    document = docx.Document()
    for line in ("青石村村规民约", "第一章\u3000总则", "第一条、本约适用于全体村民。", "第二条：村民应当遵纪守法。",
                 "（一）不参与赌博；", "第三条\u3000违者批评教育。", "青石村村民委员会"):
        document.add_paragraph(line)
    path = tmp_path / "old.docx"
    document.save(str(path))
    result = store.rule_files.import_file(path)
    version = store.rules.load_version(result.rulebook_id)
    assert [a.text for a in version.articles] == ["本约适用于全体村民。", "村民应当遵纪守法。", "违者批评教育。"]
    assert version.articles[1].items == ("（一）不参与赌博；",)
    assert result.problems == ()
    out = store.rule_files.export_file(result.rulebook_id, None, tmp_path / "out.docx")
    assert [p.text for p in docx.Document(str(out)).paragraphs][:3] == [
        "青石村村规民约", "第一章 总则", "第一条\u3000本约适用于全体村民。"]


def test_files_the_importer_refuses(store: SqliteStores, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="另存为"):
        store.rule_files.import_file(_write(tmp_path, "x", "old.doc"))
    with pytest.raises(DomainError, match="没有找到任何"):
        store.rule_files.import_file(_write(tmp_path, "只有一段话。"))
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("第一条 讲卫生。".encode("gb18030"))
    assert store.rule_files.import_file(gbk).articles == 1


def test_versions_in_force_and_edit_rules(store: SqliteStores, tmp_path: Path, village_db: Database) -> None:
    rulebook = store.rule_files.import_file(_write(tmp_path)).rulebook_id
    store.rules.put_in_force(rulebook, 1, "2024-03-01")
    with pytest.raises(DomainError, match="新建修订版本"):
        store.rules.save_version(store.rules.load_version(rulebook, 1))
    made = store.rules.new_version(rulebook)
    draft = store.rules.load_version(rulebook)
    assert made.id == draft.id and made.concerns(Entity.RULEBOOK) and made.ids_of(Entity.RULEBOOK) == {rulebook}
    first = store.rules.load_version(rulebook, 1)
    assert draft.number == 2 and [a.key for a in draft.articles] == [a.key for a in first.articles]
    third = draft.articles[2].key
    edited = update_article(move_article(draft, third, 0, 0), draft.articles[0].key, "为了和睦团结。")
    store.rules.save_version(edited)
    saved = store.rules.load_version(rulebook, 2)
    assert numbered_articles(saved)[2].text == "违者依照第一条处理。"
    adopted = store.rules.put_in_force(rulebook, 2, "2025-01-01")
    assert adopted.id == saved.id and adopted.ids_of(Entity.RULE_VERSION) == {saved.id, first.id}
    statuses = [v.status for v in store.rules.list_rulebooks()[0].versions]
    assert statuses == [VersionStatus.SUPERSEDED, VersionStatus.IN_FORCE]
    assert store.rules.load_version(rulebook, 1).effective_date == "2024-03-01"  # older versions stay readable
    with pytest.raises(sqlite3.IntegrityError):
        village_db.execute("UPDATE rule_versions SET status = 'in_force' WHERE number = 1")
    kinds = {c.kind for c in diff_versions(store.rules.load_version(rulebook, 1), saved).changes}
    assert kinds == {ChangeKind.MOVED, ChangeKind.CHANGED, ChangeKind.RENUMBERED}


def test_reimport_keeps_article_identity(store: SqliteStores, tmp_path: Path) -> None:
    rulebook = store.rule_files.import_file(_write(tmp_path)).rulebook_id
    revised = RULES.replace("第一条 为了和睦。", "第一条 为了和睦团结。")
    result = store.rule_files.import_file(_write(tmp_path, revised, "v2.md"), rulebook)
    first, second = store.rules.load_version(rulebook, 1), store.rules.load_version(rulebook, result.version)
    assert [a.key for a in first.articles] == [a.key for a in second.articles]
    assert numbered_articles(second)[1].text == "违者依照第三条处理。"


def test_writes_are_audited_and_logged(store: SqliteStores, tmp_path: Path, village_db: Database) -> None:
    store.rule_files.import_file(_write(tmp_path))
    logged = village_db.conn.execute("SELECT COUNT(*) FROM change_log WHERE table_name = 'rule_articles'").fetchone()[0]
    audited = village_db.conn.execute("SELECT COUNT(*) FROM audit_log WHERE table_name LIKE 'rule%'").fetchone()[0]
    assert logged == 3 and audited == 5  # rulebook, version, three articles


def test_deleted_article_is_tombstoned_and_revived(store: SqliteStores, tmp_path: Path) -> None:
    from models.rules.document import delete_article
    rulebook = store.rule_files.import_file(_write(tmp_path)).rulebook_id
    version = store.rules.load_version(rulebook)
    store.rules.save_version(delete_article(version, version.articles[0].key))
    assert len(store.rules.load_version(rulebook).articles) == 2
    store.rules.save_version(version)
    assert [a.text for a in store.rules.load_version(rulebook).articles] == [a.text for a in version.articles]


def test_catalogue_and_change_reasons(store: SqliteStores, tmp_path: Path) -> None:
    builtin = store.catalogue.catalogue()
    assert len(builtin) >= 25 and {"规范日常行为", "维护公共秩序", "保障群众权益", "调解群众纠纷", "引导民风民俗"} <= \
        {c.area for c in builtin}
    added = store.catalogue.add_catalogue_article("引导民风民俗", "鼓楼议事", "重大事项可在鼓楼议事，听取寨老意见。")
    own = store.catalogue.catalogue()[-1]
    assert added == Changed.one(Entity.CATALOGUE_ARTICLE, own.id) and own.title == "鼓楼议事" and not own.builtin
    version = store.rules.load_version(store.rule_files.import_file(_write(tmp_path)).rulebook_id)
    store.change_reasons.set_change_reason(version.id, version.articles[0].key, "采纳村民意见")
    changed = store.change_reasons.set_change_reason(version.id, version.articles[0].key, "采纳第二组意见")
    assert changed == Changed.one(Entity.RULEBOOK, version.rulebook_id)
    assert store.change_reasons.change_reasons(version.id) == {version.articles[0].key: "采纳第二组意见"}


def test_comparison_export_marks_changes_in_word(store: SqliteStores, tmp_path: Path) -> None:
    import docx
    rulebook = store.rule_files.import_file(_write(tmp_path)).rulebook_id
    store.rule_files.import_file(_write(tmp_path, RULES.replace("为了和睦。", "为了和睦团结。"), "v2.md"), rulebook)
    path = store.rule_files.export_comparison(rulebook, 1, 2, tmp_path / "table.docx")
    cells = docx.Document(str(path)).tables[0].rows[1].cells
    inserted = [r for r in cells[1].paragraphs[0].runs if r.text == "团结"]
    assert inserted and inserted[0].bold and inserted[0].underline
    md = store.rule_files.export_comparison(rulebook, 1, 2, tmp_path / "table.md").read_text(encoding="utf-8")
    assert "<u>**团结**</u>" in md and "修改条文" in md


def test_a_version_owned_by_another_node_is_read_only(store: SqliteStores, tmp_path: Path,
                                                     village_db: Database) -> None:
    rulebook = store.rule_files.import_file(_write(tmp_path)).rulebook_id
    village_db.execute("UPDATE rule_versions SET owner = 'V-other' WHERE rulebook_id = ?", [rulebook])
    with pytest.raises(DomainError, match="只能查看"):
        store.rules.save_version(store.rules.load_version(rulebook))


def test_preamble_closing_sections_and_verse_are_kept_through_store_and_files(store: SqliteStores,
                                                                           tmp_path: Path) -> None:
    text = ("村庄约定\n为了和睦，制定本约。\n第一章 总则\n第一节 目的\n第一条 甲。\n第二节 范围\n第二条 乙。\n"
            "经2024年5月1日村民会议通过。\n青石村村民委员会")
    rulebook = store.rule_files.import_file(_write(tmp_path, text)).rulebook_id
    version = store.rules.load_version(rulebook)
    assert (version.title, version.preamble) == ("村庄约定", ("为了和睦，制定本约。",))
    assert version.closing == ("经2024年5月1日村民会议通过。", "青石村村民委员会")
    assert [c.kind for c in version.chapters] == ["chapter", "section", "section"]
    store.rules.save_version(replace(version, closing=version.closing + ("2024年5月1日",)))
    version = store.rules.load_version(rulebook)
    assert version.closing[-1] == "2024年5月1日"
    store.rules.new_version(rulebook)
    assert store.rules.load_version(rulebook).preamble == version.preamble
    for suffix in (".md", ".docx"):
        again = store.rule_files.import_file(store.rule_files.export_file(rulebook, 1, tmp_path / f"out{suffix}"))
        reread = store.rules.load_version(again.rulebook_id)
        assert (reread.title, reread.preamble, reread.closing) == (version.title, version.preamble, version.closing)
        assert [(c.kind, c.title) for c in reread.chapters] == [(c.kind, c.title) for c in version.chapters]
    verse_book = store.rule_files.import_file(_write(tmp_path, "三字村规\n爱祖国，感党恩；\n讲卫生，护环境。")).rulebook_id
    verse = store.rules.load_version(verse_book)
    assert verse.verse and len(verse.articles) == 2
    again = store.rules.load_version(store.rule_files.import_file(store.rule_files.export_file(verse_book, 1, tmp_path / "verse.docx")).rulebook_id)
    assert again.verse and [a.text for a in again.articles] == ["爱祖国，感党恩；", "讲卫生，护环境。"]
