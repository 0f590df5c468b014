"""SqliteLedgerStore: 积分台账 entries — added from slips or a batch, confirmed by a second account, reversed."""
from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from models.core.accounts import Actor, Permission
from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.core.ports import AttachmentStore
from models.points.ledger import (EntryDraft, EntryKind, LedgerEntry, acting_member, check_cap, check_confirmer,
                                  check_rejecter, check_reversible, entry_points, period_of, reversal_of)
from models.points.evidence import NOT_FOUND, EvidenceKind, evidence_ref
from models.points.ports import PointsHouseholds, SchemeStore
from models.points.rollup import PointsHousehold
from models.points.scheme import Scheme
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.points.rows import dict_rows, entry_from_row, entry_values

# A household's points of one item in a period toward its cap (R36, params: household, item, start, end): every entry
# not rejected, pending or confirmed, until a reversal of it is confirmed — a pending reversal may yet be rejected, so
# it frees nothing. _CONFIRMED_SQL is the part that already counts (confirmed), less the entry being confirmed.
_ALREADY_SQL = """
    SELECT COALESCE(SUM(e.points), 0) FROM points_entries e
    WHERE e.household_id = ? AND e.item_code = ? AND e.kind = 'item' AND e.on_date BETWEEN ? AND ? AND e.deleted = 0
      AND e.rejected_by = ''
      AND NOT EXISTS (SELECT 1 FROM points_entries r WHERE r.reverses_id = e.id AND r.deleted = 0
                      AND r.confirmed_by != '')"""
_CONFIRMED_SQL = _ALREADY_SQL + " AND e.confirmed_by != '' AND e.id != ?"


_EVIDENCE_TABLES = ((EvidenceKind.MEETING, "meetings"), (EvidenceKind.LIST_ENTRY, "list_entries"),
                    (EvidenceKind.MATTER, "matters"))


def evidence_kind(db: Database, reference: str) -> EvidenceKind | None:
    """Which record `reference` is the id of (a live meeting, list entry or matter), or None."""
    for kind, table in _EVIDENCE_TABLES:
        if db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ? AND deleted = 0", (reference,)).fetchone():
            return kind
    return None


class SqliteLedgerStore(SqliteStore):
    """Implements models.points.ports.LedgerStore."""

    def __init__(self, db: Database, actor: Actor, households: PointsHouseholds, schemes: SchemeStore,
                 attachments: AttachmentStore) -> None:
        super().__init__(db, actor)
        self._households, self._schemes = households, schemes
        self._attachments = attachments  # the one attachment store: an entry's photo (R36)

    def add(self, draft: EntryDraft) -> Changed:
        """One entry; its evidence (R36) a record's id, checked to exist, or a photo's path, which the one
        attachment store keeps under the entry — in the same transaction as the entry."""
        reference = draft.evidence.strip()
        with self._db.atomic():
            kind = evidence_kind(self._db, reference) if reference else None
            photo = Path(reference).expanduser() if reference and kind is None else None
            if photo is not None and not photo.is_file():
                raise NotFound(NOT_FOUND.format(reference))
            stored = evidence_ref(kind, reference) if kind else ""
            entry_id = self._write([dataclasses.replace(draft, evidence=stored)])[0]
            changed = Changed.one(Entity.POINTS_ENTRY, entry_id)
            if photo is not None:
                attached = self._attachments.attach(
                    AttachmentOwner(OwnerKind.POINTS_ENTRY, entry_id), photo, note="积分依据")
                attachment_id = next(iter(attached.ids_of(Entity.ATTACHMENT)))
                self._update("points_entries", entry_id,  # the photo's id, known once it is kept
                             {"evidence": evidence_ref(EvidenceKind.ATTACHMENT, attachment_id)})
                changed = changed | attached
        return changed

    def add_batch(self, drafts: list[EntryDraft], sources: list[str] | None = None) -> Changed:
        if not drafts:
            raise DomainError("没有要录入的户。")
        return Changed(Entity.POINTS_ENTRY, frozenset(self._write(drafts, sources)))

    def _write(self, drafts: list[EntryDraft], sources: list[str] | None = None) -> list[str]:
        """Every draft in one transaction; a refusal of one (an unknown household, a cap) rolls all back and, in a
        batch, names its row (`sources[i]`, or “第i户”)."""
        self._require(Permission.EDIT_RECORDS)
        directory = ({h.household_no: h for h in self._households.households()} if len(drafts) > 1 else
                     {drafts[0].household_no.strip(): self._households.household(drafts[0].household_no)})
        schemes: dict[str, Scheme | None] = {}
        ids = []
        with self._db.atomic():
            for index, draft in enumerate(drafts):
                try:
                    household = directory.get(draft.household_no.strip())
                    if household is None:
                        raise NotFound(f"户籍中没有户号“{draft.household_no}”。请核对户号（可在户籍花名册中查看）。")
                    day = draft.on.isoformat()
                    if day not in schemes:
                        schemes[day] = self._schemes.in_force_on(draft.on)
                    entry = self._entry(draft, household, schemes[day])
                except DomainError as error:
                    if len(drafts) == 1:
                        raise
                    where = sources[index] if sources else f"第{index + 1}户"
                    raise type(error)(f"{where}（户号 {draft.household_no}）：{error.message}"
                                      "整批未记，一户也没有记。") from error
                ids.append(self._insert("points_entries", entry_values(entry))["id"])
        return ids

    def _entry(self, draft: EntryDraft, household: PointsHousehold, scheme: Scheme | None) -> LedgerEntry:
        if scheme is None:
            raise DomainError(f"{draft.on.isoformat()} 时还没有经会议通过的积分细则，不能记分（R35）。"
                              "请先用 points scheme import 导入并关联通过它的会议记录。")
        item = scheme.item(draft.item_code)
        points = entry_points(item, draft.points)
        period = period_of(draft.on, scheme.period)
        already = int(self._db.conn.execute(_ALREADY_SQL, (household.id, item.code, period.start.isoformat(),
                                                           period.end.isoformat())).fetchone()[0])
        check_cap(item, period, already, points)
        member = (acting_member(draft.villager_id.strip(), household.id, household.household_no,
                                self._households.members(draft.villager_id)) if draft.villager_id.strip() else "")
        return LedgerEntry("", household.id, household.household_no, draft.on, points, EntryKind.ITEM, item.code,
                           item.name, scheme.id, scheme.version, member, draft.note.strip(),
                           draft.evidence.strip(), self._actor.user_id, self._actor.name)

    def confirm(self, entry_id: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            entry = self.entry(entry_id)
            check_confirmer(entry, self._actor)
            self._check_cap_on_confirm(entry)
            self._update("points_entries", entry.id, {
                "confirmed_by": self._actor.user_id, "confirmed_by_name": self._actor.name,
                "confirmed_at": datetime.now(UTC).isoformat(timespec="microseconds")}, action="confirm")
        return Changed.one(Entity.POINTS_ENTRY, entry.id)

    def _check_cap_on_confirm(self, entry: LedgerEntry) -> None:
        """The cap again when an entry starts to count (R36): with the confirmed entries of its item and period it may
        not exceed the cap, whatever happened between its entry and now (a reversal rejected, an older database)."""
        if entry.kind is not EntryKind.ITEM:
            return
        scheme = next((s for s in self._schemes.versions() if s.id == entry.scheme_id), None)
        item = next((i for i in scheme.items if i.code == entry.item_code), None) if scheme else None
        if scheme is None or item is None or item.cap is None:
            return
        period = period_of(entry.on, scheme.period)
        confirmed = int(self._db.conn.execute(_CONFIRMED_SQL, (entry.household_id, item.code, period.start.isoformat(),
                                                               period.end.isoformat(), entry.id)).fetchone()[0])
        if abs(confirmed + entry.points) > item.cap:
            raise DomainError(
                f"“{item.name}”每{period.kind.label}最多 {item.cap} 分；{entry.household_no} 户{period.text}已确认 "
                f"{abs(confirmed)} 分，再确认记录 {entry.id} 的 {abs(entry.points)} 分就超出上限。请用 points reject "
                f"{entry.id} --reason 理由 退回这一条，或先用 points reverse 冲正该户这一项的另一条记录并确认冲正，再确认这一条。")

    def reject(self, entry_id: str, reason: str) -> Changed:
        """退回 (R36): the pending entry stays, marked with who refused it, when and why; it never counts."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            entry = self.entry(entry_id)
            check_rejecter(entry, self._actor, reason)
            self._update("points_entries", entry.id, {
                "rejected_by": self._actor.user_id, "rejected_by_name": self._actor.name,
                "rejected_at": datetime.now(UTC).isoformat(timespec="microseconds"),
                "reject_reason": reason.strip()}, action="reject")
        return Changed.one(Entity.POINTS_ENTRY, entry.id)

    def reverse(self, entry_id: str, reason: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            entry = self.entry(entry_id)
            if entry.kind is EntryKind.REDEMPTION:
                raise DomainError(self._redemption_hint(entry))
            reversed_ = self._db.conn.execute("SELECT 1 FROM points_entries WHERE reverses_id = ? AND deleted = 0 "
                                              "AND rejected_by = ''",
                                              (entry.id,)).fetchone() is not None
            check_reversible(entry, reversed_, reason)
            reversal = dataclasses.replace(reversal_of(entry, reason), recorded_by=self._actor.user_id,
                                           recorded_by_name=self._actor.name)
            row = self._insert("points_entries", entry_values(reversal))
        return Changed.one(Entity.POINTS_ENTRY, row["id"])

    def _redemption_hint(self, entry: LedgerEntry) -> str:
        """Why a redemption's entry is not reversed here, naming the command that does it."""
        spent = self._db.conn.execute("SELECT number FROM points_redemptions WHERE entry_id = ? AND deleted = 0",
                                      (entry.id,)).fetchone()
        if spent is not None:
            return (f"记录 {entry.id} 是兑换 {spent[0]} 扣减的积分：请用 points redeem-reverse {spent[0]} --reason 理由"
                    "（或在“爱心超市”中冲正所选兑换）冲正那次兑换，积分退回，商品一并退回库存。")
        return f"记录 {entry.id} 是冲正兑换时退回的积分，不能再冲正。"

    def entry(self, entry_id: str) -> LedgerEntry:
        rows = dict_rows(self._db, "SELECT * FROM points_entries WHERE id = ? AND deleted = 0", (entry_id.strip(),))
        if not rows:
            raise NotFound(f"没有编号为 {entry_id} 的积分记录。请用 points list 查看记录编号。")
        return entry_from_row(rows[0])

    def entries(self, household_no: str = "", pending_only: bool = False,
                limit: int | None = None) -> list[LedgerEntry]:
        sql, params = "SELECT * FROM points_entries WHERE deleted = 0", []
        if household_no.strip():
            sql += " AND household_id = ?"
            params.append(self._households.household(household_no).id)
        if pending_only:
            sql += " AND confirmed_by = '' AND rejected_by = ''"
        sql += " ORDER BY on_date DESC, id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        return [entry_from_row(r) for r in dict_rows(self._db, sql, params)]
