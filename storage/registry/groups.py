"""SqliteGroupStore: 村民小组 and 网格 over SQLite."""
from __future__ import annotations

from datetime import date, timedelta

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.registry.grids import GridLevel, GridMemberTerm, check_parent
from models.registry.households import Grid, VillageGroup
from storage.registry.rows import grid_from_row, group_from_row
from storage.registry.writes import RegistryTableStore


class SqliteGroupStore(RegistryTableStore):
    """Implements models.registry.ports.GroupStore."""

    def list_groups(self) -> list[VillageGroup]:
        rows = self._db.conn.execute("SELECT id, name, position FROM village_groups WHERE deleted = 0 "
                                     "ORDER BY position, name")
        return [group_from_row(r) for r in rows]

    def list_grids(self) -> list[Grid]:
        rows = self._db.conn.execute("SELECT id, group_id, name, leader_id, level, parent_id, member_id "
                                     "FROM grids WHERE deleted = 0 ORDER BY name")
        return [grid_from_row(r) for r in rows]

    def save_group(self, group: VillageGroup) -> Changed:
        if not group.name.strip():
            raise DomainError("组名不能为空。")
        return self._upsert("village_groups", group.id,
                            {"name": group.name.strip(), "position": group.position, "deleted": 0},
                            Entity.VILLAGE_GROUP)

    def save_grid(self, grid: Grid, member_from: date | None = None) -> Changed:
        if not grid.name.strip():
            raise DomainError("网格名称不能为空。")
        parent = self._grid_level(grid.parent_id) if grid.parent_id else None
        check_parent(GridLevel(grid.level), parent)
        with self._db.atomic():
            self._member_term(grid.id, grid.member_id, member_from or date.today())
            return self._upsert("grids", grid.id, {"group_id": grid.group_id, "name": grid.name.strip(),
                                                   "leader_id": grid.leader_id, "level": grid.level,
                                                   "parent_id": grid.parent_id, "member_id": grid.member_id,
                                                   "deleted": 0}, Entity.GRID)

    def member_terms(self, grid_id: str) -> list[GridMemberTerm]:
        rows = self._db.conn.execute("SELECT grid_id, member_id, start_date, end_date FROM grid_member_terms "
                                     "WHERE grid_id = ? AND deleted = 0 ORDER BY start_date, rowid", (grid_id,))
        return [GridMemberTerm(g, m, date.fromisoformat(s), date.fromisoformat(e) if e else None) for g, m, s, e in rows]

    def _member_term(self, grid_id: str, member_id: str | None, start: date) -> None:
        """R52: a new 网格员 closes the open term the day before `start` (or replaces one begun that day) and opens
        one; the same member changes nothing. Call inside atomic()."""
        self._require(Permission.EDIT_RECORDS)
        open_row = self._db.conn.execute(
            "SELECT id, member_id, start_date FROM grid_member_terms WHERE grid_id = ? AND deleted = 0 "
            "AND end_date IS NULL ORDER BY start_date DESC LIMIT 1", (grid_id,)).fetchone()
        if open_row is not None and open_row[1] == member_id:
            return
        if open_row is None and member_id is None:
            return
        stored = self._db.conn.execute("SELECT member_id FROM grids WHERE id = ?", (grid_id,)).fetchone()
        if open_row is None and stored is not None and stored[0] == member_id:
            return  # the member set before terms were kept (m086): unchanged, nothing to record
        if start > date.today():  # grids.member_id is who serves now: the public board prints it
            raise DomainError(f"新网格员的起始日期 {start} 在今天之后：请到那天再设置（公示牌上印的是现任网格员）。")
        if open_row is not None:
            began = date.fromisoformat(open_row[2])
            if start < began:
                raise DomainError(f"新网格员的起始日期应不早于现任网格员的起始日期 {began.isoformat()}。")
            if start == began:  # a change made the same day (or its undo): the day's term goes, the one before may
                self._tombstone("grid_member_terms", open_row[0])  # reopen
                before = self._db.conn.execute(
                    "SELECT id, member_id FROM grid_member_terms WHERE grid_id = ? AND deleted = 0 AND end_date = ?",
                    (grid_id, (start - timedelta(days=1)).isoformat())).fetchone()
                if before is not None and before[1] == member_id:
                    self._update("grid_member_terms", before[0], {"end_date": None})
                    return
            else:
                self._update("grid_member_terms", open_row[0], {"end_date": (start - timedelta(days=1)).isoformat()})
        if member_id:
            self._insert("grid_member_terms", {"grid_id": grid_id, "member_id": member_id,
                                               "start_date": start.isoformat(), "end_date": None})

    def _grid_level(self, grid_id: str) -> GridLevel:
        row = self._db.conn.execute("SELECT level FROM grids WHERE id = ? AND deleted = 0", (grid_id,)).fetchone()
        if row is None:
            raise DomainError("找不到上级网格，可能已被撤销。")
        return GridLevel(row[0])

    def withdraw_group(self, group_id: str) -> Changed:
        return self._withdraw("village_groups", group_id, Entity.VILLAGE_GROUP)

    def withdraw_grid(self, grid_id: str) -> Changed:
        return self._withdraw("grids", grid_id, Entity.GRID)

    def retire_group(self, group_id: str) -> Changed:
        """Tombstone an empty group (no households, no grids left); a group still in use is refused."""
        self._retire("village_groups", group_id, "组", (
            ("households", "group_id", "户"), ("grids", "group_id", "个网格")))
        return Changed.one(Entity.VILLAGE_GROUP, group_id)

    def retire_grid(self, grid_id: str) -> Changed:
        """Tombstone an empty grid (no households left in it)."""
        self._retire("grids", grid_id, "网格", (("households", "grid_id", "户"),))
        return Changed.one(Entity.GRID, grid_id)

    def _retire(self, table: str, row_id: str, noun: str, users: tuple[tuple[str, str, str], ...]) -> None:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            for child, column, unit in users:
                count = self._db.conn.execute(f"SELECT count(*) FROM {child} WHERE {column} = ? AND deleted = 0",
                                              (row_id,)).fetchone()[0]
                if count:
                    raise DomainError(f"这个{noun}里还有 {count} {unit}，不能撤销。请先把它们迁移到其他{noun}。")
            self._tombstone(table, row_id)
