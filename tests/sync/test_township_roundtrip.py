"""Village → township → village on real files: pre-review, filing request, decision, receipt and ack."""
from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from models.core.accounts import Actor, Role
from models.core.errors import DomainError, PermissionDenied
from models.rules.document import VersionStatus, update_article
from models.township.reviews import ArticleNote, DecisionKind, RequestKind
from models.workflow.steps import StepState
from models.workflow.records import FilingStatus
from storage.rules.store import SqliteRulebookStore
from storage.sync.export import export_bundle
from storage.core.tracking import insert_synced
from storage.core.backend import build_stores
from storage.workflow.stores import SqliteWorkflowStores
from tests.sync.conftest import Pair, export, import_
from tests.storage.workflow_setup import advanced
from tests.sync.township_setup import ADMIN, REVIEWER, vote_and_submit, walk_to_step_7


def _travel(source_db: object, target_db: object, stick: Path) -> None:
    result = import_(target_db, export(source_db, stick))  # type: ignore[arg-type]
    assert result.quarantined == 0


def _published(db: object, kind: str, period: str, state: str = "published") -> None:
    entry = {"list_kind": kind, "period": period, "household_id": "h1", "household_no": "001", "group_name": "一组",
             "subject_name": "杨家", "facts": "带头修路", "proposer_name": "吴支书", "state": state,
             "publicity_days": 5}
    with db.atomic():  # type: ignore[attr-defined]
        insert_synced(db, "list_entries", entry)  # type: ignore[arg-type]


def test_round_trip_review_filing_and_receipt(pair: Pair) -> None:
    rulebook_id = walk_to_step_7(pair.village)
    for kind, period, state in (("red", "2026-04", "published"), ("red", "2026-05", "published"),
                                ("black", "2026-05", "published"), ("red", "2026-05", "nominated")):
        _published(pair.village, kind, period, state)
    _travel(pair.village, pair.township, pair.stick)
    desk = build_stores(pair.township, REVIEWER).township
    (village,) = desk.villages()
    assert village.name == "德化乡青石村" and village.step_number == 7 and village.waiting == 1
    assert village.lists_published == "2026-05：红榜1 黑榜1" and village.recent_meetings == ("2026-01-05 2026-联-01",)
    assert village.last_bundle_at is not None
    (request,) = desk.requests()
    assert request.kind is RequestKind.REVIEW and request.version_number == 3
    context = desk.review_context(request.id)
    assert context.previous_number == 1 and context.comparison
    assert any(f.text for f in context.findings)  # 罚款五十元 in 第二条 of the text is flagged
    key = context.version.articles[1].key
    desk.record_review(request.id, date(2026, 3, 5), "经审查，未发现违法内容，同意提交村民会议表决。",
                       (ArticleNote(key, "第二条", "建议删去罚款表述，改为批评教育"),))
    assert desk.villages()[0].waiting == 0

    _travel(pair.township, pair.village, pair.stick)
    workflow = build_stores(pair.village, ADMIN).workflow
    review, _ = workflow.revisions.township_records(rulebook_id)
    assert review is not None and not review.stale and review.authority == "德化乡人民政府"
    facts = workflow.revisions.facts(rulebook_id, date(2026, 3, 8))
    assert facts.review is not None and facts.review.article_notes == (("第二条", "建议删去罚款表述，改为批评教育"),)
    vote_and_submit(pair.village, rulebook_id)
    village_bundle = export_bundle(pair.village, pair.stick, ADMIN)
    import_(pair.township, Path(village_bundle.file))

    (filing,) = [r for r in desk.requests() if r.kind is RequestKind.FILING]
    assert filing.since == date(2026, 5, 25) and not filing.decided
    desk.decide(filing.id[:8], DecisionKind.APPROVE, date(2026, 5, 28), filing_number="德乡备〔2026〕3号")
    assert [r.decided for r in desk.requests()] == ["准予备案"]

    _travel(pair.township, pair.village, pair.stick)
    filed = workflow.revisions.facts(rulebook_id, date(2026, 5, 29)).filing
    assert filed.status is FilingStatus.FILED and filed.receipt_number == "德乡备〔2026〕3号"
    assert filed.receipt_date == date(2026, 5, 28)
    assert advanced(workflow, rulebook_id, date(2026, 5, 29)) is None
    versions = {v.number: v.status for v in SqliteRulebookStore(pair.village, ADMIN).list_rulebooks()[0].versions}
    assert versions[3] is VersionStatus.IN_FORCE

    after = export_bundle(pair.village, pair.stick, ADMIN)
    assert after.seq_first == village_bundle.seq_last + 1
    with zipfile.ZipFile(_plain(pair, Path(after.file))) as zf:
        assert json.loads(zf.read("manifest.json"))["since"] == village_bundle.seq_last
    assert import_(pair.township, Path(after.file)).quarantined == 0


def _plain(pair: Pair, bundle: Path) -> Path:
    from storage.sync.keys import my_identity
    from storage.sync.verify import decrypt_to

    out = pair.stick / "plain"
    out.mkdir(exist_ok=True)
    return decrypt_to(pair.township, bundle, out, my_identity(pair.township))[1]


def test_return_for_correction_and_stale_review(pair: Pair) -> None:
    rulebook_id = walk_to_step_7(pair.village)
    _travel(pair.village, pair.township, pair.stick)
    desk = build_stores(pair.township, REVIEWER).township
    desk.record_review(desk.requests()[0].id, date(2026, 3, 5), "同意提交表决。")
    _travel(pair.township, pair.village, pair.stick)
    workflow = build_stores(pair.village, ADMIN).workflow
    rules = SqliteRulebookStore(pair.village, ADMIN)
    latest = rules.load_version(rulebook_id)
    rules.save_version(update_article(latest, latest.articles[0].key, "村民应当遵纪守法，爱护公物。"))
    review, _ = workflow.revisions.township_records(rulebook_id)
    assert review is not None and review.stale
    with pytest.raises(DomainError, match="须重新提请审核"):
        workflow.revisions.advance(rulebook_id, date(2026, 3, 8))
    rules.save_version(update_article(rules.load_version(rulebook_id), latest.articles[0].key, "村民应当遵纪守法。"))
    vote_and_submit(pair.village, rulebook_id)
    _travel(pair.village, pair.township, pair.stick)
    filing = [r for r in desk.requests() if r.kind is RequestKind.FILING][0]
    with pytest.raises(DomainError, match="须写明理由"):
        desk.decide(filing.id, DecisionKind.RETURN, date(2026, 5, 28))
    desk.decide(filing.id, DecisionKind.RETURN, date(2026, 5, 28), reasons="第二条仍有罚款规定，请删除后重新表决")
    _travel(pair.township, pair.village, pair.stick)
    filing_now = workflow.revisions.facts(rulebook_id, date(2026, 5, 29)).filing
    assert filing_now.status is FilingStatus.ORDERED_TO_CORRECT and "罚款" in filing_now.note
    _returned_filing_reopened_step_6(pair, workflow, rulebook_id)


def _returned_filing_reopened_step_6(pair: Pair, workflow: SqliteWorkflowStores, rulebook_id: str) -> None:
    """The township's 退回修改 reopened step 6 on import, as the village's own 被责令改正 does — once."""
    states = [s.state for s in workflow.revisions.steps(rulebook_id)]
    assert states[5] is StepState.ACTIVE and states[6:] == [StepState.STALE] * 3
    assert workflow.revisions.steps(rulebook_id)[5].reopen_reason == "乡镇退回修改：第二条仍有罚款规定，请删除后重新表决"
    own = pair.village.conn.execute("SELECT status, township_decision_id FROM workflow_filings").fetchone()
    assert own[0] == "ordered_to_correct" and own[1]
    assert workflow.revisions.apply_township_returns(date(2026, 5, 30)) is None  # acted on once only
    audit = [r[0] for r in pair.village.conn.execute("SELECT summary FROM audit_log ORDER BY rowid")]
    assert any("退回“修改完善”：乡镇退回修改" in line for line in audit)
    # The village's status change travels back: the township no longer lists the request as waiting.
    _travel(pair.village, pair.township, pair.stick)
    assert [r for r in build_stores(pair.township, REVIEWER).township.requests() if r.kind is RequestKind.FILING] == []


def test_only_a_township_reviewer_on_a_township_may_review(pair: Pair) -> None:
    walk_to_step_7(pair.village)
    _travel(pair.village, pair.township, pair.stick)
    request_id = build_stores(pair.township, REVIEWER).township.requests()[0].id
    before = pair.township.conn.execute("SELECT COUNT(*) FROM township_reviews").fetchone()[0]
    for actor in (ADMIN, Actor("c1", "李文书", Role.CLERK), Actor("a1", "吴书记", Role.APPROVER)):
        with pytest.raises(PermissionDenied, match="无权审查备案"):
            build_stores(pair.township, actor).township.record_review(request_id, date(2026, 3, 5), "同意")
    with pytest.raises(DomainError, match="只能在乡镇端"):
        build_stores(pair.village, REVIEWER).township.record_review(request_id, date(2026, 3, 5), "同意")
    assert pair.township.conn.execute("SELECT COUNT(*) FROM township_reviews").fetchone()[0] == before


def test_forged_township_decision_in_a_village_bundle_is_quarantined(pair: Pair) -> None:
    rulebook_id = walk_to_step_7(pair.village)
    township_node = pair.township.node_id
    revision_id = build_stores(pair.village, ADMIN).workflow.revisions.revision_id(rulebook_id)
    reference = {"village": pair.village.node_id, "rulebook_id": rulebook_id, "revision_id": revision_id,
                 "version_id": "v", "version_number": 3, "version_digest": "0" * 64}
    with pair.village.atomic():
        insert_synced(pair.village, "township_filing_decisions", reference | {
            "filing_id": "f", "filing_hlc": "h", "decision": "approve", "on_date": "2026-05-28",
            "filing_number": "伪造〔2026〕1号"})                         # owned by the village itself
        insert_synced(pair.village, "township_reviews", reference | {"on_date": "2026-03-05", "conclusion": "同意"})
        row = insert_synced(pair.village, "township_reviews", reference | {"on_date": "2026-03-06",
                                                                            "conclusion": "同意"})
        pair.village.execute("UPDATE township_reviews SET owner = ? WHERE id = ?", [township_node, row["id"]])
    result = import_(pair.township, export(pair.village, pair.stick))
    assert result.quarantined == 3 and result.applied > 0
    for table in ("township_filing_decisions", "township_reviews"):
        assert pair.township.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    reasons = {r[0] for r in pair.township.conn.execute("SELECT reason FROM sync_quarantine")}
    assert reasons == {"只有乡镇可以写入审查和备案记录"}  # checked before ownership: the table itself is off limits
    assert build_stores(pair.township, REVIEWER).township.requests()[0].decided == ""


def test_village_ignores_review_rows_it_made_itself(pair: Pair) -> None:
    rulebook_id = walk_to_step_7(pair.village)
    workflow = build_stores(pair.village, ADMIN).workflow
    latest = SqliteRulebookStore(pair.village, ADMIN).load_version(rulebook_id)
    from models.township.reviews import version_digest
    with pair.village.atomic():
        insert_synced(pair.village, "township_reviews", {
            "village": pair.village.node_id, "rulebook_id": rulebook_id,
            "revision_id": workflow.revisions.revision_id(rulebook_id), "version_id": latest.id, "version_number": 3,
            "version_digest": version_digest(latest), "on_date": "2026-03-05", "conclusion": "同意"})
    assert workflow.revisions.township_records(rulebook_id) == (None, None)
    with pytest.raises(DomainError, match="还没有乡镇的合法性审查意见"):
        workflow.revisions.advance(rulebook_id, date(2026, 3, 8))


def test_a_decision_goes_only_to_the_village_it_answers(pair: Pair, tmp_path: Path) -> None:
    from models.core.village import Mode
    from tests.sync.conftest import make_node, pair_up

    walk_to_step_7(pair.village)
    neighbour = make_node(tmp_path / "n" / "n.sqlite3", Mode.VILLAGE, "白岩村")
    pair_up(neighbour, pair.township)
    _travel(pair.village, pair.township, pair.stick)
    desk = build_stores(pair.township, REVIEWER).township
    desk.record_review(desk.requests()[0].id, date(2026, 3, 5), "同意提交表决。")
    to_village = export_bundle(pair.township, pair.stick, ADMIN, pair.village.node_id)
    to_neighbour = export_bundle(pair.township, pair.stick, ADMIN, neighbour.node_id)
    assert to_village.per_table.get("township_reviews") == 1 and "township_reviews" not in to_neighbour.per_table
    import_(neighbour, Path(to_neighbour.file))
    assert neighbour.conn.execute("SELECT COUNT(*) FROM township_reviews").fetchone()[0] == 0
