"""SqliteTownshipStore: the township desk over the villages' imported rows and the township's own records."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.rules.legality import check_version
from models.lists.entries import ListKind
from models.rules.document import RuleVersion, VersionStatus
from models.township.reviews import (ArticleNote, DecisionKind, FilingDecision, RequestKind, ReviewContext,
                                     ReviewRequest, TownshipReview, VillageSummary, notes_to_json, validate_decision,
                                     validate_review, version_digest)
from models.core.village import Mode
from models.rules.ports import ChangeReasonStore, RulebookStore
from models.workflow.steps import WorkflowStep, current_step
from storage.township import rows as receipts
from storage.workflow import rows as load
from storage.minutes.rows import rows
from storage.core.db import Database
from storage.core.profile import read_profile
from models.rules.comparison import comparison
from storage.core.store_base import SqliteStore

RECENT_MEETINGS = 3


class SqliteTownshipStore(SqliteStore):
    """Implements models.township.ports.TownshipStore: villages, requests, review context, opinions and decisions.

    The villages' rulebook texts are read through `rules` (the rulebook store of the same database)."""

    def __init__(self, db: Database, actor: Actor, rules: RulebookStore, reasons: ChangeReasonStore) -> None:
        super().__init__(db, actor)
        self._rules, self._reasons = rules, reasons

    # -- reading ---------------------------------------------------------------------------------
    def villages(self) -> list[VillageSummary]:
        """Every village whose profile arrived in a bundle, with the date of its last bundle."""
        found = rows(self._db, "SELECT p.owner, p.township || p.village AS name, s.last_bundle_at "
                               "FROM village_profiles p LEFT JOIN sync_peers s ON s.node = p.owner "
                               "WHERE p.deleted = 0 AND p.mode = 'village' AND p.owner <> (SELECT id FROM node) "
                               "ORDER BY p.village", [])
        waiting = self._waiting_by_village()
        return [self._summary(r, waiting.get(r["owner"], 0)) for r in found]

    def _summary(self, row: dict[str, Any], waiting: int) -> VillageSummary:
        node = row["owner"]
        revision = rows(self._db, "SELECT r.id, r.rulebook_id, b.title FROM workflow_revisions r JOIN rulebooks b "
                                  "ON b.id = r.rulebook_id WHERE r.deleted = 0 AND r.owner = ? "
                                  "ORDER BY r.created_at DESC LIMIT 1", [node])
        meetings = tuple(f"{m['date']} {m['number']}" for m in rows(
            self._db, "SELECT date, number FROM meetings WHERE deleted = 0 AND owner = ? AND status = 'final' "
                      "ORDER BY date DESC LIMIT ?", [node, RECENT_MEETINGS]))
        lists = self._lists_published(node)
        if not revision:
            return VillageSummary(node, row["name"], row["last_bundle_at"], waiting=waiting,
                                  recent_meetings=meetings, lists_published=lists)
        rev = revision[0]
        step = current_step(load.step_states(self._db, rev["id"]))
        number = self._db.conn.execute("SELECT MAX(number) FROM rule_versions WHERE deleted = 0 AND rulebook_id = ?",
                                       (rev["rulebook_id"],)).fetchone()[0]
        return VillageSummary(node, row["name"], row["last_bundle_at"], rev["title"], number,
                              step.number if step else None, step.label if step else "九步已全部完成",
                              waiting, meetings, lists)

    def _lists_published(self, node: str) -> str:
        """The village's latest period with published list entries, counted per list."""
        found = rows(self._db, "SELECT period, list_kind, COUNT(*) AS n FROM list_entries WHERE deleted = 0 "
                               "AND owner = ? AND state = 'published' AND period = (SELECT MAX(period) FROM "
                               "list_entries WHERE deleted = 0 AND owner = ? AND state = 'published') "
                               "GROUP BY list_kind", [node, node])
        if not found:
            return ""
        counts = {r["list_kind"]: r["n"] for r in found}
        return f"{found[0]['period']}：" + " ".join(f"{kind.label}{counts[kind.value]}" for kind in ListKind
                                                    if kind.value in counts)

    def _waiting_by_village(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for request in self.requests():
            if not request.decided:
                counts[request.village] = counts.get(request.village, 0) + 1
        return counts

    def requests(self, village: str | None = None) -> list[ReviewRequest]:
        """Filing requests (已报送) and drafts in their second publicity (待合法性审查), oldest first."""
        found = self._filing_requests() + self._review_requests()
        found = [r for r in found if village is None or r.village == village]
        return sorted(found, key=lambda r: (r.since or date.min, r.village_name))

    def _filing_requests(self) -> list[ReviewRequest]:
        result = []
        for f in rows(self._db, "SELECT * FROM workflow_filings WHERE deleted = 0 AND status = 'submitted' "
                                "AND owner <> (SELECT id FROM node) ORDER BY submitted_on", []):
            vote = load.vote(self._db, f["revision_id"])
            if vote is None:
                continue
            decision = receipts.latest_decision(self._db, f["id"], vote.version_id, self._version_by_id,
                                                receipts.MINE)
            result.append(self._request(f["id"], RequestKind.FILING, f["revision_id"], vote.version_number,
                                        load.day(f["submitted_on"]), load.day(f["due_on"]),
                                        decision.kind.label if decision and not decision.stale else ""))
        return result

    def _review_requests(self) -> list[ReviewRequest]:
        result = []
        for r in rows(self._db, "SELECT s.revision_id FROM workflow_step_states s WHERE s.deleted = 0 "
                                "AND s.step = ? AND s.state = 'active' AND s.owner <> (SELECT id FROM node)",
                      [WorkflowStep.SECOND_PUBLICITY.value]):
            revision = load.revision_row(self._db, r["revision_id"])
            latest = self._rules.load_version(revision["rulebook_id"])
            review = receipts.latest_review(self._db, r["revision_id"], latest.id, self._version_by_id,
                                            receipts.MINE)
            publicity = load.publicity(self._db, r["revision_id"])
            result.append(self._request(r["revision_id"], RequestKind.REVIEW, r["revision_id"], latest.number,
                                        publicity.start if publicity else None, publicity.end if publicity else None,
                                        "已出具审查意见" if review and not review.stale else ""))
        return result

    def _request(self, request_id: str, kind: RequestKind, revision_id: str, number: int, since: date | None,
                 due: date | None, decided: str) -> ReviewRequest:
        revision = load.revision_row(self._db, revision_id)
        village = revision["owner"]
        name = self._db.conn.execute("SELECT township || village FROM village_profiles WHERE owner = ? AND "
                                     "deleted = 0", (village,)).fetchone()
        title = self._rules.get_rulebook(revision["rulebook_id"]).title
        return ReviewRequest(request_id, kind, village, name[0] if name else village, revision["rulebook_id"],
                             title, revision_id, number, since, due, decided)

    def request(self, request_id: str) -> ReviewRequest:
        """One request by its id, or by a unique beginning of it (the command line shows 8 characters)."""
        matches = [r for r in self.requests() if r.id.startswith(request_id.strip())] if request_id.strip() else []
        if len(matches) != 1:
            raise NotFound(f"没有唯一以“{request_id}”开头的待审事项。请用 township requests 查看编号。")
        return matches[0]

    def review_context(self, request_id: str) -> ReviewContext:
        """What the reviewer reads: the text, the legality check, the 修改对照表 and what was decided before."""
        request = self.request(request_id)
        rules = self._rules
        version = rules.load_version(request.rulebook_id, request.version_number)
        previous = self._previous_number(version)
        table = tuple(comparison(rules, self._reasons, request.rulebook_id, previous, version.number)) if previous else ()
        review = receipts.latest_review(self._db, request.revision_id, version.id, self._version_by_id,
                                        receipts.MINE)
        decision = receipts.latest_decision(self._db, request.id, version.id, self._version_by_id,
                                            receipts.MINE) if request.kind is RequestKind.FILING else None
        return ReviewContext(request, version, tuple(check_version(version)), table, previous, review, decision)

    def review(self, review_id: str) -> TownshipReview:
        return receipts.review_by_id(self._db, review_id)

    def decision(self, decision_id: str) -> FilingDecision:
        return receipts.decision_by_id(self._db, decision_id)

    def _previous_number(self, version: RuleVersion) -> int | None:
        """The version in force before this one (else the one just before it)."""
        found = self._db.conn.execute(
            "SELECT number FROM rule_versions WHERE deleted = 0 AND rulebook_id = ? AND number < ? "
            "ORDER BY (status IN (?, ?)) DESC, number DESC LIMIT 1",
            (version.rulebook_id, version.number, VersionStatus.IN_FORCE.value,
             VersionStatus.SUPERSEDED.value)).fetchone()
        return found[0] if found else None

    # -- writing ---------------------------------------------------------------------------------
    def record_review(self, request_id: str, on: date, conclusion: str,
                      notes: tuple[ArticleNote, ...] = ()) -> Changed:
        """乡镇合法性审查意见 on the request's text: a new township-owned row naming that text by digest (the
        change's `id` is the new review's)."""
        authority = self._require_reviewer()
        validate_review(conclusion, notes)
        context = self.review_context(request_id)
        values = {**self._reference(context), "on_date": on.isoformat(), "authority": authority,
                  "reviewer": self._actor.name, "conclusion": conclusion.strip(),
                  "article_notes": notes_to_json(notes)}
        with self._db.atomic():
            row = self._insert("township_reviews", values,
                               summary=f"出具合法性审查意见：{context.request.village_name}"
                                       f"{context.request.rulebook_title}第{context.version.number}版")
        return Changed.one(Entity.TOWNSHIP_REVIEW, row["id"])

    def decide(self, request_id: str, kind: DecisionKind, on: date, filing_number: str = "", reasons: str = "",
               notes: tuple[ArticleNote, ...] = ()) -> Changed:
        """准予备案 (filing number, date) or 退回修改 (reasons) on a filing request; never edits the village's row
        (the change's `id` is the new decision's)."""
        authority = self._require_reviewer()
        validate_decision(kind, filing_number, reasons)
        context = self.review_context(request_id)
        if context.request.kind is not RequestKind.FILING:
            raise DomainError("这是二次公示前的合法性审查，请出具审查意见；备案决定只针对已报送的备案申请。")
        filing = self._db.conn.execute("SELECT hlc FROM workflow_filings WHERE id = ?",
                                       (context.request.id,)).fetchone()
        values = {**self._reference(context), "filing_id": context.request.id, "filing_hlc": filing[0],
                  "decision": kind.value, "on_date": on.isoformat(), "authority": authority,
                  "reviewer": self._actor.name, "filing_number": filing_number.strip(), "reasons": reasons.strip(),
                  "article_notes": notes_to_json(notes)}
        with self._db.atomic():
            row = self._insert("township_filing_decisions", values,
                               summary=f"{kind.label}：{context.request.village_name}{context.request.rulebook_title}"
                                       f"第{context.version.number}版 {filing_number.strip() or reasons.strip()}")
        return Changed.one(Entity.TOWNSHIP_REVIEW, row["id"])

    def _reference(self, context: ReviewContext) -> dict[str, Any]:
        request = context.request
        return {"village": request.village, "rulebook_id": request.rulebook_id, "revision_id": request.revision_id,
                "version_id": context.version.id, "version_number": context.version.number,
                "version_digest": version_digest(context.version)}

    def _require_reviewer(self) -> str:
        """Only a 乡镇审核员 on a township installation may review; returns the authority's name."""
        self._require(Permission.REVIEW_FILINGS)
        profile = read_profile(self._db)
        if profile.mode is not Mode.TOWNSHIP:
            raise DomainError("审查和备案只能在乡镇端进行。村里收到乡镇的书面意见时，请在“九步工作法”中录入。")
        return f"{profile.township}人民政府"

    def _version_by_id(self, version_id: str) -> RuleVersion | None:
        row = self._db.conn.execute("SELECT rulebook_id, number FROM rule_versions WHERE id = ? AND deleted = 0",
                                    (version_id,)).fetchone()
        return self._rules.load_version(row[0], row[1]) if row else None
