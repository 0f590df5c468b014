"""The base of each workflow aggregate store: the rulebook's revision, the edit permission, tombstones, notices."""
from __future__ import annotations

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import NotFound
from storage.core.store_base import SqliteStore
from storage.workflow import rows as load


class WorkflowAggregate(SqliteStore):
    """Every record of the workflow belongs to a rulebook's latest revision; withdrawing one leaves a tombstone
    (legal records are never hard-deleted). Each write returns the Changed of the row it touched."""

    def revision_id(self, rulebook_id: str) -> str | None:
        """The rulebook's latest revision, or None when no revision was ever started."""
        return load.revision_id(self._db, rulebook_id)

    def _require_revision(self, rulebook_id: str) -> str:
        revision_id = self.revision_id(rulebook_id)
        if revision_id is None:
            raise NotFound("这份村规民约还没有开始修订。请先在“九步工作法”中开始修订（第一步：两委商议）。")
        return revision_id

    def _edit(self) -> None:
        self._require(Permission.EDIT_RECORDS)

    def _withdraw(self, table: str, row_id: str) -> Changed:
        self._edit()
        with self._db.atomic():
            self._tombstone(table, row_id)
        return changed(row_id)


def changed(row_id: str) -> Changed:
    """The notice of one workflow record written (its id; a revision's own fields: the revision id)."""
    return Changed.one(Entity.WORKFLOW, row_id)
