"""SqlitePrintLog: the register of printed copies (printed_copies, m075), looked up by 校验码."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.print_log import PrintedCopy, RefKind, posting_problem
from storage.core.store_base import SqliteStore


class SqlitePrintLog(SqliteStore):
    """Implements models.core.print_log.PrintLog."""

    def log_print(self, copy: PrintedCopy) -> Changed:
        """Register one printed copy; an internal product registered as posted is refused (R30)."""
        self._require(Permission.EDIT_RECORDS)
        problem = posting_problem(copy.product) if copy.posted else None
        if problem:
            raise DomainError(problem)
        with self._db.atomic():
            row = self._insert("printed_copies", {
                "fingerprint": copy.fingerprint, "product": copy.product, "document": copy.document,
                "version": copy.version, "printed_on": copy.printed_on.isoformat(), "ref_kind": copy.ref_kind.value,
                "ref_id": copy.ref_id, "version_id": copy.version_id, "posted": int(copy.posted),
                "printed_by": self._actor.name}, summary=f"打印 {copy.document}（校验码 {copy.fingerprint}）")
        return Changed.one(Entity.PRINTED_COPY, str(row["id"]))

    def find(self, fingerprint: str) -> PrintedCopy | None:
        """The latest copy printed with this 校验码 (the same content printed twice has one code)."""
        found = self._rows(f"SELECT c.*, {_PRINTED_IN} FROM printed_copies c WHERE c.deleted = 0 AND c.fingerprint = ? "
                           "ORDER BY c.printed_on DESC, c.hlc DESC LIMIT 1", (fingerprint.strip().upper(),))
        return _copy(found[0]) if found else None

    def copies(self, ref_id: str) -> tuple[PrintedCopy, ...]:
        found = self._rows("SELECT * FROM printed_copies WHERE deleted = 0 AND ref_id = ? ORDER BY printed_on, hlc",
                           (ref_id,))
        return tuple(_copy(r) for r in found)

    def _rows(self, sql: str, args: tuple[Any, ...]) -> list[dict[str, Any]]:
        cursor = self._db.conn.execute(sql, args)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


# A copy another node printed (it came in a bundle): the name of the village whose profile that node sent
_PRINTED_IN = ("CASE WHEN c.owner = (SELECT id FROM node) THEN '' ELSE COALESCE((SELECT p.township || p.village "
               "FROM village_profiles p WHERE p.owner = c.owner AND p.deleted = 0 LIMIT 1), c.owner) END AS printed_in")


def _copy(row: dict[str, Any]) -> PrintedCopy:
    return PrintedCopy(row["fingerprint"], row["product"], row["document"], row["version"],
                       date.fromisoformat(row["printed_on"]), RefKind(row["ref_kind"]), row["ref_id"],
                       row["version_id"], bool(row["posted"]), row["id"], row.get("printed_in") or "")
