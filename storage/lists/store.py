"""SqliteListStore: list entries, transitions, objections, naming bases, volunteers and the board log (R27–R34)."""
from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from models.lists import workflow as workflow
from models.core.accounts import Actor, Permission
from models.core.attachments import AttachmentOwner, OwnerKind
from models.lists.boards import Board, Participation, VolunteerRank, build_board, top_volunteers
from models.core.errors import DomainError, NotFound
from models.core.ids import new_id
from models.lists.entries import (ArticleRef, BasisView, EntryState, HouseholdInfo, ListEntry, ListKind, ListSettings,
                          NamingBasis, Objection, Period, Transition, WithdrawReason, check_withdrawal, require_text)
from models.lists.ports import ArticleCatalogue, HouseholdDirectory
from storage.core.attachments import owned_ids
from storage.core.db import Database
from storage.lists.settings import SettingsMethods, read_list_settings
from storage.lists.sources import dict_rows as _rows
from storage.core.store_base import SqliteStore

_DATES = ("occurred_on", "notice_on", "publicity_start", "published_on", "ended_on")


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def entry_from_row(row: dict[str, Any]) -> ListEntry:
    article = ArticleRef(row["article_id"], row["article_version_id"], row["article_number"],
                         row["article_text"]) if row["article_id"] else None
    return ListEntry(
        id=row["id"], list_kind=ListKind(row["list_kind"]), period=row["period"], household_id=row["household_id"],
        household_no=row["household_no"], group_name=row["group_name"], subject_name=row["subject_name"],
        facts=row["facts"], proposer_name=row["proposer_name"], proposer_user_id=row["proposer_user_id"],
        state=EntryState(row["state"]), villager_id=row["villager_id"], subject_is_minor=bool(row["subject_is_minor"]),
        article=article, honour=row["honour"], evidence_ids=tuple(json.loads(row["evidence_ids"])),
        consequence=row["consequence"], override_reason=row["override_reason"], override_by=row["override_by"],
        publicity_days=row["publicity_days"], end_reason=row["end_reason"], renews_id=row["renews_id"],
        **{name: _day(row[name]) for name in _DATES})


def entry_to_row(entry: ListEntry) -> dict[str, Any]:
    values = asdict(entry)
    values.pop("id")
    values.pop("article")
    article = entry.article
    values.update(
        list_kind=entry.list_kind.value, state=entry.state.value, subject_is_minor=int(entry.subject_is_minor),
        evidence_ids=json.dumps(list(entry.evidence_ids)),
        article_id=article.article_id if article else "", article_version_id=article.version_id if article else "",
        article_number=article.number if article else "", article_text=article.short_text if article else "",
        **{name: (getattr(entry, name).isoformat() if getattr(entry, name) else None) for name in _DATES})
    return values


def objection_from_row(row: dict[str, Any]) -> Objection:
    return Objection(row["id"], row["entry_id"], date.fromisoformat(row["received_on"]), row["raised_by"],
                     row["content"], row["answer"], _day(row["answered_on"]),
                     None if row["upheld"] is None else bool(row["upheld"]))


def basis_from_row(r: dict[str, Any]) -> NamingBasis:
    return NamingBasis(r["household_id"], r["kind"], r["note"], date.fromisoformat(r["recorded_on"]),
                       _day(r["revoked_on"]), tuple(ListKind(k) for k in r["lists"].split(",") if k),
                       r["villager_id"], bool(r["all_members"]), r["id"], r["revoked_reason"])


def _subject(basis: NamingBasis, household: HouseholdInfo) -> str:
    if not basis.villager_id:
        return "全户（涵盖全体成员）" if basis.all_members else "全户"
    names = [m.name for m in household.members if m.villager_id == basis.villager_id]
    return names[0] if names else f"村民 {basis.villager_id}"


class SqliteListStore(SettingsMethods, SqliteStore):
    """Implements models.lists.ports.ListStore; every write is audited and change-logged in one transaction."""

    def __init__(self, db: Database, actor: Actor, directory: HouseholdDirectory, catalogue: ArticleCatalogue,
                 settings: ListSettings | None = None) -> None:
        super().__init__(db, actor)
        self._directory = directory
        self._catalogue = catalogue
        self.settings = settings if settings is not None else read_list_settings(db)  # this village's, saved

    # --- reading -------------------------------------------------------------------------------------------------
    def entry(self, entry_id: str) -> ListEntry:
        rows = _rows(self._db, "SELECT * FROM list_entries WHERE id = ? AND deleted = 0", (entry_id,))
        if not rows:
            raise NotFound(f"没有编号为 {entry_id} 的榜单条目。请用 lists show 查看条目编号。")
        return entry_from_row(rows[0])

    def entries(self, period: str | None = None) -> list[ListEntry]:
        if period is None:
            rows = _rows(self._db, "SELECT * FROM list_entries WHERE deleted = 0 ORDER BY period, id")
        else:
            rows = _rows(self._db, "SELECT * FROM list_entries WHERE deleted = 0 AND period = ? ORDER BY id",
                         (Period.parse(period).code,))
        return [entry_from_row(r) for r in rows]

    def _household_history(self, household_id: str) -> list[ListEntry]:
        rows = _rows(self._db, "SELECT * FROM list_entries WHERE deleted = 0 AND household_id = ?", (household_id,))
        return [entry_from_row(r) for r in rows]

    def transitions(self, entry_id: str) -> list[Transition]:
        rows = _rows(self._db, "SELECT * FROM list_transitions WHERE entry_id = ? ORDER BY hlc", (entry_id,))
        return [Transition(r["entry_id"], EntryState(r["from_state"]) if r["from_state"] else None,
                           EntryState(r["to_state"]), date.fromisoformat(r["on_date"]), r["actor_id"],
                           r["actor_name"], r["note"]) for r in rows]

    def objections(self, entry_id: str | None = None) -> list[Objection]:
        sql = "SELECT * FROM list_objections WHERE deleted = 0" + (" AND entry_id = ?" if entry_id else "")
        return [objection_from_row(r) for r in _rows(self._db, sql + " ORDER BY id", (entry_id,) if entry_id else ())]

    def naming_bases(self) -> list[NamingBasis]:
        """Every recorded basis, withdrawn ones included (oldest first)."""
        # Ids sort by creation only to the millisecond: rowid (the order rows were written here) breaks a tie.
        rows = _rows(self._db, "SELECT * FROM list_consents WHERE deleted = 0 ORDER BY recorded_on, rowid")
        return [basis_from_row(r) for r in rows]

    def bases_in_effect(self) -> list[NamingBasis]:
        """The bases a board, notice or certificate made now may name through: a consent withdrawn by today names
        no one in anything made afterwards, even when dated earlier (printing again is new processing)."""
        today = date.today()
        return [b for b in self.naming_bases() if b.in_effect(today)]

    def naming_basis(self, basis_id: str) -> NamingBasis:
        rows = _rows(self._db, "SELECT * FROM list_consents WHERE id = ? AND deleted = 0", (basis_id,))
        if not rows:
            raise NotFound(f"没有编号为 {basis_id} 的公开姓名依据。请用 lists consents 查看依据编号。")
        return basis_from_row(rows[0])

    def naming_basis_views(self, household_no: str = "") -> list[BasisView]:
        """The bases with household number and whom each is for; of one household when `household_no` is given."""
        wanted = self._directory.household(household_no).household_id if household_no.strip() else ""
        views = []
        for basis in self.naming_bases():
            if wanted and basis.household_id != wanted:
                continue
            try:
                household = self._directory.household_by_id(basis.household_id)
            except NotFound:
                views.append(BasisView(basis, "", basis.villager_id or "全户"))
                continue
            views.append(BasisView(basis, household.household_no, _subject(basis, household)))
        return views

    def participations(self, period: str | None = None) -> list[Participation]:
        """Participations (newest first), of one period if given, each with its household number for showing."""
        rows = _rows(self._db, "SELECT * FROM volunteer_participations WHERE deleted = 0 ORDER BY on_date DESC, id")
        items = [Participation(r["id"], r["household_id"], r["activity"], date.fromisoformat(r["on_date"]),
                               r["hours"]) for r in rows]
        if period is not None:
            parsed = Period.parse(period)
            items = [p for p in items if parsed.start <= p.on <= parsed.end]
        numbers: dict[str, str] = {}
        for item in items:
            if item.household_id not in numbers:
                numbers[item.household_id] = self._household_no(item.household_id)
        return [replace(p, household_no=numbers[p.household_id]) for p in items]

    def _household_no(self, household_id: str) -> str:
        try:
            return self._directory.household_by_id(household_id).household_no
        except DomainError:
            return "（已删除）"

    def volunteer_ranking(self, period: str, count: int = 10) -> list[VolunteerRank]:
        """The households with the most participations in `period` (ties by hours): candidates for the red list."""
        ranked = top_volunteers(self.participations(period), Period.parse(period), count)
        rows = []
        for place, total in enumerate(ranked, 1):
            household = self._directory.household_by_id(total.household_id)
            rows.append(VolunteerRank(place, total.household_id, household.household_no, household.group_name,
                                      household.head_name, total.times, total.hours))
        return rows

    def board(self, period: str, on: date | None = None) -> Board:
        return build_board(Period.parse(period), self.entries(period), self.bases_in_effect(), on or date.today(),
                           self.settings)

    def articles_in_force(self) -> list[ArticleRef]:
        return self._catalogue.articles()

    def board_log(self, period: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM board_versions" + (" WHERE period = ?" if period else "") + " ORDER BY hlc"
        return _rows(self._db, sql, (Period.parse(period).code,) if period else ())

    # --- writing -------------------------------------------------------------------------------------------------
    def _write_transition(self, transition: Transition) -> None:
        self._insert("list_transitions", {
            "entry_id": transition.entry_id, "from_state": transition.from_state.value if transition.from_state
            else None, "to_state": transition.to_state.value, "on_date": transition.on.isoformat(),
            "actor_id": transition.actor_id, "actor_name": transition.actor_name, "note": transition.note})

    def _save(self, entry: ListEntry, transition: Transition) -> ListEntry:
        with self._db.atomic():
            self._update("list_entries", entry.id, entry_to_row(entry), action=transition.to_state.value)
            self._write_transition(transition)
        return entry

    def nominate(self, nomination: workflow.Nomination, household_no: str, article: str = "",
                 on: date | None = None) -> tuple[ListEntry, list[str]]:
        """Record a nomination (提名); returns the entry and the warnings that will block leaving 提名."""
        household = self._directory.household(household_no)
        reference = self._catalogue.resolve(article) if article.strip() else None
        history = self._household_history(household.household_id)
        entry, transition, warnings = workflow.nominate(nomination, household, reference, history, self._actor,
                                                        on or date.today(), new_id, self.settings)
        with self._db.atomic():
            self._insert("list_entries", entry_to_row(entry), row_id=entry.id,
                         summary=f"提名{entry.list_kind.label} {entry.period} 第{entry.household_no}户")
            self._write_transition(transition)
        return entry, warnings

    def member_id(self, household_no: str, villager: str) -> str:
        """The id of the household's member named by `villager` (an id or a name), for naming one person."""
        return self._directory.household(household_no).find_member(villager).villager_id

    def advance(self, entry_id: str, note: str = "", override_reason: str = "", on: date | None = None) -> ListEntry:
        entry = self.entry(entry_id)
        moved, transition = workflow.advance(entry, self._actor, on or date.today(), note, self.objections(entry_id),
                                             self._household_history(entry.household_id), override_reason,
                                             self.settings)
        return self._save(moved, transition)

    def advance_refusals(self, entry_id: str, on: date | None = None) -> list[str]:
        """Why `advance` would refuse the entry (workflow.advance_refusals on the stored facts); [] when it may."""
        entry = self.entry(entry_id)
        return workflow.advance_refusals(entry, self._actor, on or date.today(), self.objections(entry_id),
                                         self._household_history(entry.household_id), self.settings)

    def discard_nomination(self, entry_id: str) -> None:
        """Take back a nomination entered by mistake (the undo of 提名), only while nothing else happened to it."""
        self._require(Permission.EDIT_RECORDS)
        entry = self.entry(entry_id)
        if entry.state is not EntryState.NOMINATED or len(self.transitions(entry_id)) > 1 or self.objections(entry_id):
            raise DomainError("该条目已进入评议流程，不能再撤回提名。如需结束，请用“不通过”并写明理由。")
        with self._db.atomic():
            self._tombstone("list_entries", entry_id)

    def restore_nomination(self, entry_id: str) -> ListEntry:
        """Bring back a nomination taken back by `discard_nomination` (the redo of 提名)."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._update("list_entries", entry_id, {"deleted": 0}, action="restore")
        return self.entry(entry_id)

    def refuse(self, entry_id: str, reason: str, on: date | None = None) -> ListEntry:
        return self._save(*workflow.refuse(self.entry(entry_id), self._actor, on or date.today(), reason))

    def withdraw(self, entry_id: str, reason: WithdrawReason, note: str = "", on: date | None = None) -> ListEntry:
        ended = self._save(*workflow.withdraw(self.entry(entry_id), self._actor, on or date.today(), reason, note))
        self.log_board(ended.period, "removed", note=f"撤下 1 条：{reason.label}", entry_ids=(ended.id,))
        return ended

    def expire_due(self, on: date | None = None) -> list[ListEntry]:
        """R29: published entries past their cycle (or 3 months for black) come down; logged per entry."""
        day = on or date.today()
        ended = []
        published = [entry_from_row(r) for r in _rows(self._db, "SELECT * FROM list_entries WHERE deleted = 0 "
                                                           "AND state = 'published'")]
        for entry in workflow.due_for_removal(published, day):
            ended.append(self._save(*workflow.withdraw(entry, self._actor, day, WithdrawReason.PERIOD_ENDED,
                                                       "到期自动撤榜", automatic=True)))
            self.log_board(entry.period, "removed", note="到期自动撤榜", entry_ids=(entry.id,))
        return ended

    def add_objection(self, entry_id: str, raised_by: str, content: str, on: date | None = None) -> Objection:
        self._require(Permission.EDIT_RECORDS)
        entry = self.entry(entry_id)
        objection = workflow.register_objection(entry, Objection(new_id(), entry_id, on or date.today(),
                                                                 raised_by.strip(), content.strip()))
        with self._db.atomic():
            self._insert("list_objections", {"entry_id": entry_id, "received_on": objection.received_on.isoformat(),
                                             "raised_by": objection.raised_by, "content": objection.content},
                         row_id=objection.id)
        return objection

    def answer_objection(self, objection_id: str, answer: str, upheld: bool, on: date | None = None) -> Objection:
        """Record the answer; an upheld objection takes the entry down at once."""
        found = [o for o in self.objections() if o.id == objection_id]
        if not found:
            raise NotFound(f"没有编号为 {objection_id} 的异议。")
        day = on or date.today()
        answered = workflow.answer_objection(found[0], self._actor, day, answer, upheld)
        with self._db.atomic():
            self._update("list_objections", objection_id, {"answer": answered.answer, "upheld": int(upheld),
                                                           "answered_on": day.isoformat()}, action="answer")
            entry = self.entry(answered.entry_id)
            if upheld and entry.state in (EntryState.PUBLICITY, EntryState.PUBLISHED):
                self._save(*workflow.withdraw(entry, self._actor, day, WithdrawReason.OBJECTION_UPHELD, answer))
        return answered

    def record_naming_basis(self, household_no: str, kind: str, note: str, on: date | None = None,
                            lists: tuple[ListKind, ...] = tuple(ListKind), villager: str = "",
                            all_members: bool = False) -> NamingBasis:
        """Record separate consent (consent) or a statutory basis (statutory) for naming a household, one of its
        villagers (`villager`: name or id), or a household basis every member stands behind (`all_members`; R31)."""
        self._require(Permission.EDIT_RECORDS)
        if kind not in ("consent", "statutory"):
            raise DomainError("公开姓名的依据只能是“单独同意”（consent）或“法定依据”（statutory）。")
        household = self._directory.household(household_no)
        villager_id = workflow.basis_subject(household, villager, all_members)
        basis = NamingBasis(household.household_id, kind, require_text(note, "依据说明（如书面同意书的日期和签名人）"),
                            on or date.today(), None, lists, villager_id, all_members, new_id())
        with self._db.atomic():
            self._insert("list_consents", {"household_id": basis.household_id, "kind": kind, "note": basis.note,
                                           "recorded_on": basis.recorded_on.isoformat(),
                                           "lists": ",".join(k.value for k in lists), "villager_id": villager_id,
                                           "all_members": int(all_members)}, row_id=basis.id)
        return basis

    def withdraw_naming_basis(self, basis_id: str, reason: str, on: date | None = None) -> NamingBasis:
        """撤回同意 (PIPL Art. 15): from `on` (default today) no board, notice or certificate names anyone through
        this consent; what was printed before stays as it was. Statutory bases and withdrawn consents are refused."""
        self._require(Permission.EDIT_RECORDS)
        basis = self.naming_basis(basis_id)
        day = on or date.today()
        check_withdrawal(basis, day, date.today())
        withdrawn = replace(basis, revoked_on=day, revoked_reason=require_text(reason, "撤回原因（如“本人书面撤回”）"))
        with self._db.atomic():
            self._update("list_consents", basis_id, {"revoked_on": day.isoformat(),
                                                     "revoked_reason": withdrawn.revoked_reason}, action="withdraw_consent")
        return withdrawn

    def add_participation(self, household_no: str, activity: str, on: date, hours: float) -> Participation:
        self._require(Permission.EDIT_RECORDS)
        if hours <= 0 or hours > 24:
            raise DomainError("志愿服务时长应在 0 到 24 小时之间，请核对。")
        household = self._directory.household(household_no)
        item = Participation(new_id(), household.household_id, require_text(activity, "活动名称"), on, hours)
        with self._db.atomic():
            self._insert("volunteer_participations", {"household_id": item.household_id, "activity": item.activity,
                                                      "on_date": on.isoformat(), "hours": hours}, row_id=item.id)
        return item

    def discard_participation(self, participation_id: str) -> None:
        """Take back a participation entered by mistake (the undo of recording it); kept as a tombstone."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._tombstone("volunteer_participations", participation_id)

    def restore_participation(self, participation_id: str) -> Participation:
        """Bring back a participation taken back by `discard_participation` (the redo)."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._update("volunteer_participations", participation_id, {"deleted": 0}, action="restore")
        return next(p for p in self.participations() if p.id == participation_id)

    def log_board(self, period: str, action: str, fingerprint: str = "", entry_ids: tuple[str, ...] = (),
                  note: str = "") -> None:
        """R34: who created, approved, printed and removed each board version."""
        with self._db.atomic():
            self._insert("board_versions", {"period": Period.parse(period).code, "action": action,
                                            "fingerprint": fingerprint, "entry_ids": json.dumps(list(entry_ids)),
                                            "actor_id": self._actor.user_id, "actor_name": self._actor.name,
                                            "note": note})

    def renew(self, entry_id: str, period: str, on: date | None = None) -> tuple[ListEntry, list[str]]:
        """A renewal for a later cycle goes through the whole workflow again (R29); refused unless it may be renewed."""
        old = self.entry(entry_id)
        workflow.check_renewal(old, Period.parse(period), self._household_history(old.household_id))
        household = self._directory.household_by_id(old.household_id)
        owned = owned_ids(self._db, AttachmentOwner(OwnerKind.LIST_ENTRY, old.id))
        carried = tuple(dict.fromkeys(old.evidence_ids + owned))  # the evidence goes along
        nomination = workflow.Nomination(old.list_kind, period, old.facts, self._actor.name, self._actor.user_id,
                                         old.villager_id, old.honour, old.occurred_on, carried,
                                         old.consequence, renews_id=old.id)
        entry, transition, warnings = workflow.nominate(
            nomination, household, old.article, self._household_history(old.household_id), self._actor,
            on or date.today(), new_id, self.settings)
        with self._db.atomic():
            self._insert("list_entries", entry_to_row(entry), row_id=entry.id, summary=f"续期 {old.id} → {period}")
            self._write_transition(replace(transition, note=f"续期（原条目 {old.id}）"))
        return entry, warnings
