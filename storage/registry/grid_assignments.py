"""SqliteGridAssignments: each household's leaf grid by date (R52) over `grid_assignments`, with the current grid
kept in `households.grid_id` for the registry's lists."""
from __future__ import annotations

from datetime import date

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.registry.grids import GridAssignment
from storage.registry.rows import to_date
from storage.registry.writes import RegistryTableStore


class SqliteGridAssignments(RegistryTableStore):
    """Implements models.care.ports.GridAssignmentStore."""

    def assign(self, household_id: str, grid_id: str, start: date) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            before = self._household_grid(household_id)
            self._check_leaf(grid_id)
            if before == grid_id:
                raise DomainError("这一户已经在这个网格里。")
            self._move_to_grid(household_id, grid_id, start)
            if before != grid_id:
                self._update("households", household_id, {"grid_id": grid_id})
        grids = frozenset(g for g in (before, grid_id) if g)
        return Changed.one(Entity.HOUSEHOLD, household_id) | Changed(Entity.GRID, grids)

    def history(self, household_id: str) -> list[GridAssignment]:
        rows = self._db.conn.execute(
            "SELECT id, household_id, grid_id, start_date, end_date FROM grid_assignments "
            "WHERE household_id = ? AND deleted = 0 ORDER BY start_date DESC", (household_id,))
        return [GridAssignment(r[0], r[1], r[2], to_date(r[3]) or date.min, to_date(r[4])) for r in rows]

    def counts(self) -> dict[str, int]:
        rows = self._db.conn.execute("SELECT grid_id, count(*) FROM households WHERE deleted = 0 "
                                     "AND grid_id IS NOT NULL GROUP BY grid_id")
        return {r[0]: r[1] for r in rows}

    def _household_grid(self, household_id: str) -> str | None:
        row = self._db.conn.execute("SELECT grid_id FROM households WHERE id = ? AND deleted = 0",
                                    (household_id,)).fetchone()
        if row is None:
            raise NotFound("找不到这一户，可能已被删除。")
        return str(row[0]) if row[0] else None

    def _check_leaf(self, grid_id: str) -> None:
        if self._db.conn.execute("SELECT 1 FROM grids WHERE id = ? AND deleted = 0", (grid_id,)).fetchone() is None:
            raise NotFound("找不到这个网格，可能已被撤销。用 grid list 查看网格编号。")
        if self._db.conn.execute("SELECT 1 FROM grids WHERE parent_id = ? AND deleted = 0",
                                 (grid_id,)).fetchone():
            raise DomainError("这个网格下还有下级网格：户只能归入最末一级的网格（R52）。")
