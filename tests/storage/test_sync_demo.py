"""The sync demo: a township desk beside the demo village, paired, one bundle each way; added only once."""
from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from models.core.accounts import Actor, Role
from models.core.village import Mode
from models.workflow.records import FilingStatus
from storage.demo import DEMO_FLAG, DemoOptions, run_demo
from storage.demo.b70_sync import PLAIN_NOTE, build, township_path
from storage.core.installation import open_database
from storage.sync.audit_trail import peer_audit
from storage.sync.keys import list_peers
from storage.core.backend import build_stores
from tests.helpers import run_json
from tests.sync.conftest import make_node, state
from tests.sync.township_setup import ADMIN, vote_and_submit, walk_to_step_7

REVIEWER = Actor("r", "王审核", Role.TOWNSHIP_REVIEWER)


def _count(db: object, sql: str) -> int:
    return db.conn.execute(sql).fetchone()[0]  # type: ignore[attr-defined]


def test_demo_pairs_the_village_with_its_township_once(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    db = open_database(path, must_exist=False)
    options = DemoOptions(seed=11, households=40)
    run_demo(db, options)
    assert {k: options.counts[k] for k in ("sync_peers", "sync_bundles", "township_reviews")} == {
        "sync_peers": 1, "sync_bundles": 2, "township_reviews": 0}  # the demo revision is at step 5
    (peer,) = list_peers(db)
    assert (peer.kind, peer.name) == ("township", "黎平县德化乡")
    assert _count(db, "SELECT COUNT(*) FROM sync_bundles_sent WHERE acked_at IS NOT NULL") == 1
    assert _count(db, "SELECT COUNT(*) FROM sync_bundles_received WHERE quarantined = 0") == 1
    assert "sync_import" in {e.action for e in peer_audit(db)}  # the township's own entries came back
    township = open_database(township_path(path))
    (village,) = build_stores(township, REVIEWER).township.villages()
    assert village.name == "德化乡青石村" and village.step_number == 5
    for target in (path, township_path(path)):
        assert run_json(target, "check")[0] == 0
    before = state(db), state(township)
    again = DemoOptions(seed=11, households=40)
    run_demo(db, again)
    assert again.counts["sync_peers"] == again.counts["sync_bundles"] == 0
    assert (state(db), state(township)) == before


def _village_at_step_7(tmp_path: Path) -> tuple[object, str]:
    village = make_node(tmp_path / "v.sqlite3", Mode.VILLAGE)
    village.set_meta(DEMO_FLAG, "1")
    return village, walk_to_step_7(village)


def test_a_revision_waiting_for_review_gets_the_townships_opinion(tmp_path: Path) -> None:
    village, rulebook_id = _village_at_step_7(tmp_path)
    options = DemoOptions()
    build(village, random.Random(1), options)  # type: ignore[arg-type]
    assert options.counts["township_reviews"] == 1 and options.counts["township_decisions"] == 0
    review, _ = build_stores(village, ADMIN).workflow.revisions.township_records(rulebook_id)  # type: ignore[arg-type]
    assert review is not None and not review.stale and review.authority == "德化乡人民政府"
    workflow = build_stores(village, ADMIN).workflow  # type: ignore[arg-type]
    facts = workflow.revisions.facts(rulebook_id, date(2026, 3, 8))
    assert facts.review is not None  # no article sets a fine any more: the opinion is on the first
    assert facts.review.article_notes == (("第一条", PLAIN_NOTE),)
    assert run_json(township_path(tmp_path / "v.sqlite3"), "check")[0] == 0


def test_a_filing_request_is_approved(tmp_path: Path) -> None:
    village, rulebook_id = _village_at_step_7(tmp_path)
    store = build_stores(village, ADMIN).workflow  # type: ignore[arg-type]
    store.publicity.record_review(rulebook_id, date(2026, 3, 5), "德化乡人民政府", "同意提交村民会议表决。")
    vote_and_submit(village, rulebook_id)  # type: ignore[arg-type]
    options = DemoOptions()
    build(village, random.Random(1), options)  # type: ignore[arg-type]
    assert options.counts["township_decisions"] == 1
    filing = store.revisions.facts(rulebook_id, date(2026, 5, 29)).filing
    assert filing.status is FilingStatus.FILED and filing.receipt_number.startswith("德乡备〔")


def test_a_run_stopped_before_the_village_import_is_completed_by_the_next(tmp_path: Path, monkeypatch) -> None:
    import pytest

    import storage.demo.b70_sync as b70

    village, rulebook_id = _village_at_step_7(tmp_path)
    calls: list[object] = []
    real = b70.import_bundle

    def stopped(db: object, bundle: Path, actor: object, returns_for: object) -> object:
        calls.append(db)
        if db is village:
            raise KeyboardInterrupt  # killed before the village's import
        return real(db, bundle, actor, returns_for)  # type: ignore[arg-type]

    monkeypatch.setattr(b70, "import_bundle", stopped)
    with pytest.raises(KeyboardInterrupt):
        build(village, random.Random(1), DemoOptions())  # type: ignore[arg-type]
    monkeypatch.setattr(b70, "import_bundle", real)
    options = DemoOptions()
    build(village, random.Random(1), options)  # type: ignore[arg-type]
    assert options.counts["sync_bundles"] == 2 and options.counts["sync_peers"] == 0  # paired by the first run
    assert options.counts["township_reviews"] == 0  # reviewed once, by the first run
    township = open_database(township_path(tmp_path / "v.sqlite3"))
    assert _count(township, "SELECT COUNT(*) FROM township_reviews") == 1
    workflow = build_stores(village, ADMIN).workflow  # type: ignore[arg-type]
    assert workflow.revisions.township_records(rulebook_id)[0] is not None
    assert len(list_peers(village)) == 1  # type: ignore[arg-type]
