"""SqliteNamingBases: the recorded bases for naming a household or villager on a list (R31; PIPL Art. 13, 15, 25)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import NotFound
from models.core.ids import new_id
from models.lists import workflow as workflow
from models.lists.entries import HouseholdInfo, ListKind, require_text
from models.lists.naming import BasisView, NamingBasis, check_basis_kind, check_withdrawal
from models.lists.ports import HouseholdDirectory
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.lists.rows import basis_from_row
from storage.lists.sources import dict_rows as _rows


def _subject(basis: NamingBasis, household: HouseholdInfo) -> str:
    if not basis.villager_id:
        return "全户（涵盖全体成员）" if basis.all_members else "全户"
    names = [m.name for m in household.members if m.villager_id == basis.villager_id]
    return names[0] if names else f"村民 {basis.villager_id}"


class SqliteNamingBases(SqliteStore):
    """Implements models.lists.ports.NamingBasisStore; households and their members come from `directory`."""

    def __init__(self, db: Database, actor: Actor, directory: HouseholdDirectory) -> None:
        super().__init__(db, actor)
        self._directory = directory

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

    def member_id(self, household_no: str, villager: str) -> str:
        """The id of the household's member named by `villager` (an id or a name), for naming one person."""
        return self._directory.household(household_no).find_member(villager).villager_id

    def record_naming_basis(self, household_no: str, kind: str, note: str, on: date | None = None,
                            lists: tuple[ListKind, ...] = tuple(ListKind), villager: str = "",
                            all_members: bool = False) -> Changed:
        """Record separate consent (consent) or a statutory basis (statutory) for naming a household, one of its
        villagers (`villager`: name or id), or a household basis every member stands behind (`all_members`; R31)."""
        self._require(Permission.EDIT_RECORDS)
        check_basis_kind(kind)
        household = self._directory.household(household_no)
        villager_id = workflow.basis_subject(household, villager, all_members)
        basis = NamingBasis(household.household_id, kind, require_text(note, "依据说明（如书面同意书的日期和签名人）"),
                            on or date.today(), None, lists, villager_id, all_members, new_id())
        with self._db.atomic():
            self._insert("list_consents", {"household_id": basis.household_id, "kind": kind, "note": basis.note,
                                           "recorded_on": basis.recorded_on.isoformat(),
                                           "lists": ",".join(k.value for k in lists), "villager_id": villager_id,
                                           "all_members": int(all_members)}, row_id=basis.id)
        return Changed.one(Entity.NAMING_BASIS, basis.id)

    def withdraw_naming_basis(self, basis_id: str, reason: str, on: date | None = None) -> Changed:
        """撤回同意 (PIPL Art. 15): from `on` (default today) no board, notice or certificate names anyone through
        this consent; what was printed before stays as it was. Statutory bases and withdrawn consents are refused."""
        self._require(Permission.EDIT_RECORDS)
        basis = self.naming_basis(basis_id)
        day = on or date.today()
        check_withdrawal(basis, day, date.today())
        withdrawn = replace(basis, revoked_on=day, revoked_reason=require_text(reason, "撤回原因（如“本人书面撤回”）"))
        with self._db.atomic():
            self._update("list_consents", basis_id, {"revoked_on": day.isoformat(),
                                                     "revoked_reason": withdrawn.revoked_reason},
                         action="withdraw_consent")
        return Changed.one(Entity.NAMING_BASIS, basis_id)
