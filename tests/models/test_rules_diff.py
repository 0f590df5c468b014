"""Diff alignment by content: unchanged, renumbered, moved, changed, added, removed; 修改对照表 rows."""
from __future__ import annotations

from dataclasses import replace

from models.rules.document import RuleVersion, delete_article, insert_article, move_article, update_article
from models.rules.diff import (ChangeKind, SegmentKind, adopt_keys, char_diff, comparison_table, diff_versions,
                               segments_markdown)
from models.rules.text import parse_rules_text

TEXTS = ["村民应当遵纪守法，不参与赌博。", "生活垃圾分类投放至指定收集点。", "婚事新办，丧事简办。",
         "子女应当履行赡养义务。", "保护耕地，不得撂荒。", "村道、水渠人人爱护。"]


def _version(texts: list[str], number: int = 1) -> RuleVersion:
    body = "\n".join(f"第{i}条 {t}" for i, t in enumerate(texts, 1))
    return RuleVersion(f"v{number}", "r", number, tuple(parse_rules_text(body).chapters))


def _kinds(old: RuleVersion, new: RuleVersion) -> dict[str, str]:
    return {(c.new or c.old).text: c.kind.value for c in diff_versions(old, new).changes}  # type: ignore[union-attr]


def test_identical_versions_are_all_unchanged() -> None:
    old = _version(TEXTS)
    assert set(_kinds(old, _version(TEXTS, 2)).values()) == {"unchanged"}


def test_insert_at_top_renumbers_without_changing() -> None:
    old = _version(TEXTS)
    kinds = _kinds(old, _version(["新增一条：倡导节约用水。", *TEXTS], 2))
    assert kinds["新增一条：倡导节约用水。"] == "added"
    assert {kinds[t] for t in TEXTS} == {"renumbered"}


def test_moved_article_is_moved_and_the_rest_keep_their_state() -> None:
    old = _version(TEXTS)
    new_texts = [TEXTS[4], *TEXTS[:4], TEXTS[5]]
    kinds = _kinds(old, _version(new_texts, 2))
    assert kinds[TEXTS[4]] == "moved"
    assert kinds[TEXTS[5]] == "unchanged" and kinds[TEXTS[0]] == "renumbered"


def test_changed_removed_and_character_diff() -> None:
    old = _version(TEXTS)
    new_texts = [TEXTS[0], "生活垃圾分类投放至村里指定的收集点。", TEXTS[3], TEXTS[4], TEXTS[5]]
    diff = diff_versions(old, _version(new_texts, 2))
    changed = diff.of_kind(ChangeKind.CHANGED)
    assert len(changed) == 1 and changed[0].old.number == 2 and changed[0].new.number == 2  # type: ignore[union-attr]
    removed = diff.of_kind(ChangeKind.REMOVED)
    assert [c.old.text for c in removed] == [TEXTS[2]]  # type: ignore[union-attr]
    assert [c.kind for c in diff.changes][:3] == [ChangeKind.UNCHANGED, ChangeKind.CHANGED, ChangeKind.REMOVED]
    segments = char_diff(TEXTS[1], new_texts[1])
    assert [s.text for s in segments if s.kind is SegmentKind.INSERT] == ["村里", "的"]


def test_keys_alone_do_not_pair_unrelated_text() -> None:
    old = _version(TEXTS)
    new = update_article(old, old.articles[1].key, "全新的内容与原来完全无关。")
    kinds = [c.kind for c in diff_versions(old, replace(new, id="v2")).changes]
    assert ChangeKind.ADDED in kinds and ChangeKind.REMOVED in kinds


def test_edits_on_a_copy_diff_as_expected() -> None:
    old = _version(TEXTS)
    new, _ = insert_article(old, 0, 2, "新增：节约用水。")
    new = move_article(new, old.articles[5].key, 0, 0)
    new = delete_article(new, old.articles[3].key)
    counts = {k: len(diff_versions(old, new).of_kind(k)) for k in ChangeKind}
    assert counts[ChangeKind.ADDED] == 1 and counts[ChangeKind.REMOVED] == 1 and counts[ChangeKind.MOVED] == 1


def test_comparison_table_marks_changes_for_a_black_and_white_printer() -> None:
    old = _version(TEXTS)
    new_texts = [TEXTS[0], "生活垃圾分类投放至村里指定的收集点。", *TEXTS[2:], "新增：节约用水。"]
    new = _version(new_texts, 2)
    rows = comparison_table(diff_versions(old, new), {new.articles[1].key: "采纳第三组意见"})
    assert [r.kind for r in rows] == [ChangeKind.CHANGED, ChangeKind.ADDED]
    assert rows[0].reason == "采纳第三组意见" and rows[1].reason == "新增条款" and rows[1].original == "（无）"
    assert "<u>**村里**</u>" in segments_markdown(rows[0].segments, "after")
    deleted = char_diff("甲乙丙", "甲丙")
    assert segments_markdown(deleted, "before") == "甲~~乙~~丙"


def test_adopt_keys_gives_an_imported_revision_the_old_identities() -> None:
    old = _version(TEXTS)
    imported = _version([TEXTS[1], TEXTS[0] + "违者批评教育。", *TEXTS[2:]], 2)
    adopted = adopt_keys(old, imported)
    assert adopted.articles[0].key == old.articles[1].key
    assert adopted.articles[1].key == old.articles[0].key
