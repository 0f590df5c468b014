"""SqliteListEntries: list entries with their transitions and objections (R27–R30, R33)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from models.core.accounts import Actor, Permission
from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.errors import NotFound
from models.core.ids import new_id
from models.lists import workflow as workflow
from models.lists.entries import ArticleRef, EntryState, ListEntry, Objection, Period, Transition, WithdrawReason
from models.lists.ports import ArticleCatalogue, BoardLogStore, HouseholdDirectory, ListSettingsStore
from storage.core.attachments import owned_ids
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.lists.rows import entry_to_row, live_entries, objection_from_row, transition_values
from storage.lists.sources import dict_rows as _rows


class SqliteListEntries(SqliteStore):
    """Implements models.lists.ports.ListEntryStore and ObjectionStore (an objection belongs to its entry: an
    upheld one takes the entry down in the same transaction). Households come from `directory`, articles from
    `catalogue`, the village's rules from `settings`; removals are logged through `board_log` (R34)."""

    def __init__(self, db: Database, actor: Actor, directory: HouseholdDirectory, catalogue: ArticleCatalogue,
                 settings: ListSettingsStore, board_log: BoardLogStore) -> None:
        super().__init__(db, actor)
        self._directory, self._catalogue, self._settings, self._board_log = directory, catalogue, settings, board_log

    # --- reading -------------------------------------------------------------------------------------------------
    def entry(self, entry_id: str) -> ListEntry:
        found = live_entries(self._db, "id = ?", (entry_id,))
        if not found:
            raise NotFound(f"没有编号为 {entry_id} 的榜单条目。请用 lists show 查看条目编号。")
        return found[0]

    def entries(self, period: str | None = None) -> list[ListEntry]:
        if period is None:
            return live_entries(self._db, order="period, id")
        return live_entries(self._db, "period = ?", (Period.parse(period).code,))

    def periods(self) -> list[str]:
        return [r[0] for r in self._db.conn.execute(
            "SELECT DISTINCT period FROM list_entries WHERE deleted = 0 ORDER BY period")]

    def waiting(self) -> list[ListEntry]:
        states = ",".join(f"'{s.value}'" for s in EntryState if not s.is_final and s is not EntryState.PUBLISHED)
        return live_entries(self._db, f"state IN ({states})", order="period, household_no, id")

    def _household_history(self, household_id: str) -> list[ListEntry]:
        return live_entries(self._db, "household_id = ?", (household_id,))

    def transitions(self, entry_id: str) -> list[Transition]:
        rows = _rows(self._db, "SELECT * FROM list_transitions WHERE entry_id = ? ORDER BY hlc", (entry_id,))
        return [Transition(r["entry_id"], EntryState(r["from_state"]) if r["from_state"] else None,
                           EntryState(r["to_state"]), date.fromisoformat(r["on_date"]), r["actor_id"],
                           r["actor_name"], r["note"]) for r in rows]

    def objections(self, entry_id: str | None = None) -> list[Objection]:
        sql = "SELECT * FROM list_objections WHERE deleted = 0" + (" AND entry_id = ?" if entry_id else "")
        return [objection_from_row(r) for r in _rows(self._db, sql + " ORDER BY id", (entry_id,) if entry_id else ())]

    def articles_in_force(self) -> list[ArticleRef]:
        return self._catalogue.articles()

    def nomination_blockers(self, entry_id: str, on: date | None = None) -> list[str]:
        entry = self.entry(entry_id)
        return workflow.leave_nomination_blockers(entry, self._household_history(entry.household_id),
                                                  on or date.today())

    def advance_refusals(self, entry_id: str, on: date | None = None) -> list[str]:
        """Why `advance` would refuse the entry (workflow.advance_refusals on the stored facts); [] when it may."""
        entry = self.entry(entry_id)
        return workflow.advance_refusals(entry, self._actor, on or date.today(), self.objections(entry_id),
                                         self._household_history(entry.household_id), self._settings.settings)

    # --- writing entries -----------------------------------------------------------------------------------------
    def _save(self, entry: ListEntry, transition: Transition) -> Changed:
        with self._db.atomic():
            self._update("list_entries", entry.id, entry_to_row(entry), action=transition.to_state.value)
            self._insert("list_transitions", transition_values(transition))
        return Changed.one(Entity.LIST_ENTRY, entry.id)

    def _add(self, entry: ListEntry, transition: Transition, summary: str) -> Changed:
        with self._db.atomic():
            self._insert("list_entries", entry_to_row(entry), row_id=entry.id, summary=summary)
            self._insert("list_transitions", transition_values(transition))
        return Changed.one(Entity.LIST_ENTRY, entry.id)

    def nominate(self, nomination: workflow.Nomination, household_no: str, article: str = "",
                 on: date | None = None) -> Changed:
        """Record a nomination (提名); what will keep it there is `nomination_blockers`."""
        household = self._directory.household(household_no)
        reference = self._catalogue.resolve(article) if article.strip() else None
        history = self._household_history(household.household_id)
        entry, transition, _ = workflow.nominate(nomination, household, reference, history, self._actor,
                                                 on or date.today(), new_id, self._settings.settings)
        return self._add(entry, transition, f"提名{entry.list_kind.label} {entry.period} 第{entry.household_no}户")

    def advance(self, entry_id: str, note: str = "", override_reason: str = "", on: date | None = None) -> Changed:
        entry = self.entry(entry_id)
        return self._save(*workflow.advance(entry, self._actor, on or date.today(), note, self.objections(entry_id),
                                            self._household_history(entry.household_id), override_reason,
                                            self._settings.settings))

    def discard_nomination(self, entry_id: str) -> Changed:
        """Take back a nomination entered by mistake (the undo of 提名), only while nothing else happened to it."""
        self._require(Permission.EDIT_RECORDS)
        workflow.check_discard(self.entry(entry_id), self.transitions(entry_id), self.objections(entry_id))
        with self._db.atomic():
            self._tombstone("list_entries", entry_id)
        return Changed.one(Entity.LIST_ENTRY, entry_id)

    def restore_nomination(self, entry_id: str) -> Changed:
        """Bring back a nomination taken back by `discard_nomination` (the redo of 提名)."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._update("list_entries", entry_id, {"deleted": 0}, action="restore")
        return Changed.one(Entity.LIST_ENTRY, entry_id)

    def refuse(self, entry_id: str, reason: str, on: date | None = None) -> Changed:
        return self._save(*workflow.refuse(self.entry(entry_id), self._actor, on or date.today(), reason))

    def withdraw(self, entry_id: str, reason: WithdrawReason, note: str = "", on: date | None = None) -> Changed:
        ended, transition = workflow.withdraw(self.entry(entry_id), self._actor, on or date.today(), reason, note)
        changed = self._save(ended, transition)
        return changed | self._board_log.log_board(ended.period, "removed", note=f"撤下 1 条：{reason.label}",
                                                   entry_ids=(ended.id,))

    def expire_due(self, on: date | None = None) -> Changed:
        """R29: published entries past their cycle (or 3 months for black) come down; logged per entry."""
        day = on or date.today()
        entries: set[str] = set()
        boards: set[str] = set()
        for entry in workflow.due_for_removal(live_entries(self._db, "state = 'published'", order="rowid"), day):
            entries |= self._save(*workflow.withdraw(entry, self._actor, day, WithdrawReason.PERIOD_ENDED,
                                                     "到期自动撤榜", automatic=True)).ids_of(Entity.LIST_ENTRY)
            boards |= self._board_log.log_board(entry.period, "removed", note="到期自动撤榜",
                                                entry_ids=(entry.id,)).ids_of(Entity.BOARD_VERSION)
        return Changed(Entity.LIST_ENTRY, frozenset(entries)) | Changed(Entity.BOARD_VERSION, frozenset(boards))

    def renew(self, entry_id: str, period: str, on: date | None = None) -> Changed:
        """A renewal for a later cycle goes through the whole workflow again (R29); refused unless it may be renewed."""
        old = self.entry(entry_id)
        workflow.check_renewal(old, Period.parse(period), self._household_history(old.household_id))
        household = self._directory.household_by_id(old.household_id)
        owned = owned_ids(self._db, AttachmentOwner(OwnerKind.LIST_ENTRY, old.id))
        carried = tuple(dict.fromkeys(old.evidence_ids + owned))  # the evidence goes along
        nomination = workflow.Nomination(old.list_kind, period, old.facts, self._actor.name, self._actor.user_id,
                                         old.villager_id, old.honour, old.occurred_on, carried,
                                         old.consequence, renews_id=old.id)
        entry, transition, _ = workflow.nominate(
            nomination, household, old.article, self._household_history(old.household_id), self._actor,
            on or date.today(), new_id, self._settings.settings)
        return self._add(entry, replace(transition, note=f"续期（原条目 {old.id}）"), f"续期 {old.id} → {period}")

    # --- objections ----------------------------------------------------------------------------------------------
    def add_objection(self, entry_id: str, raised_by: str, content: str, on: date | None = None) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        entry = self.entry(entry_id)
        objection = workflow.register_objection(entry, Objection(new_id(), entry_id, on or date.today(),
                                                                 raised_by.strip(), content.strip()))
        with self._db.atomic():
            self._insert("list_objections", {"entry_id": entry_id, "received_on": objection.received_on.isoformat(),
                                             "raised_by": objection.raised_by, "content": objection.content},
                         row_id=objection.id)
        return Changed.one(Entity.LIST_OBJECTION, objection.id) | Changed.one(Entity.LIST_ENTRY, entry_id)

    def answer_objection(self, objection_id: str, answer: str, upheld: bool, on: date | None = None) -> Changed:
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
        return Changed.one(Entity.LIST_OBJECTION, objection_id) | Changed.one(Entity.LIST_ENTRY, entry.id)
