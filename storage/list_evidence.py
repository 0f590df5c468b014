"""Evidence attachments of list entries: `list_evidence` rows, files in the blob store the minutes use."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from models.accounts import Permission
from models.errors import DomainError, NotFound
from models.list_evidence import SIGNATURE_BYTES, Evidence, check_evidence_size, check_evidence_type
from models.lists import EntryState
from storage.blobs import blob_path, put_blob_file
from storage.list_sources import dict_rows
from storage.store_base import SqliteStore


class EvidenceMethods(SqliteStore):  # needs `entry(entry_id)` from SqliteListStore
    """Mixed into SqliteListStore. Evidence is added while an entry is open or up; it is withdrawn (kept as a
    tombstone) only while the entry is still in 提名, before anyone has assessed it."""

    def evidence(self, entry_id: str) -> list[Evidence]:
        """The entry's own evidence, then what it carries from the entry it renews (`evidence_ids`)."""
        carried = self.entry(entry_id).evidence_ids
        marks = ",".join("?" * len(carried))
        sql = ("SELECT * FROM list_evidence WHERE deleted = 0 AND (entry_id = ?"
               + (f" OR id IN ({marks})" if carried else "") + ") ORDER BY created_at, file_name")
        return [_evidence(row) for row in dict_rows(self._db, sql, (entry_id, *carried))]

    def attach_evidence(self, entry_id: str, source: Path, note: str = "") -> Evidence:
        """Copy a photo or scan into the blob store (once per content) and list it under the entry."""
        self._require(Permission.EDIT_RECORDS)
        entry = self.entry(entry_id)
        if entry.state.is_final:
            raise DomainError(f"条目已{entry.state.label}，不能再添加证据。如需补充，请在续期或新提名时添加。")
        size = _checked_file(source)
        if self._db.path is None:
            raise DomainError("内存数据库不能保存附件。")
        with self._db.atomic():
            sha = put_blob_file(self._db, source)
            row = self._insert("list_evidence", {"entry_id": entry_id, "sha256": sha, "file_name": source.name,
                                                 "size": size, "note": note.strip(), "added_by": self._actor.name},
                               summary=f"{entry.list_kind.label} {entry.period} 第{entry.household_no}户"
                                       f"添加证据“{source.name}”")
        return _evidence(row)

    def remove_evidence(self, evidence_id: str) -> None:
        """Withdraw evidence added by mistake (the file stays in the blob store); only while the entry is in 提名."""
        self._require(Permission.EDIT_RECORDS)
        row = self._evidence_row(evidence_id)
        if row["deleted"]:
            return
        if self.entry(row["entry_id"]).state is not EntryState.NOMINATED:
            raise DomainError("条目已进入评议，证据不能移除（评议所依据的材料要留档）。如证据有误，请添加说明材料。")
        with self._db.atomic():
            self._tombstone("list_evidence", evidence_id)

    def restore_evidence(self, evidence_id: str) -> None:
        """Bring back withdrawn evidence (the undo of a removal, the redo of an add)."""
        self._require(Permission.EDIT_RECORDS)
        if self._evidence_row(evidence_id)["deleted"]:
            with self._db.atomic():
                self._update("list_evidence", evidence_id, {"deleted": 0}, action="restore")

    def evidence_file(self, evidence_id: str) -> Path:
        """Where the evidence is on disk (to open it); NotFound if its content has not arrived by sync yet."""
        path = blob_path(self._db, self._evidence_row(evidence_id)["sha256"])
        if not path.exists():
            raise NotFound("证据文件不在本机（可能尚未同步过来）。请在下次同步后再打开。")
        return path

    def _own_evidence_ids(self, entry_id: str) -> tuple[str, ...]:
        found = dict_rows(self._db, "SELECT id FROM list_evidence WHERE deleted = 0 AND entry_id = ? "
                                    "ORDER BY created_at", (entry_id,))
        return tuple(row["id"] for row in found)

    def _evidence_row(self, evidence_id: str) -> dict[str, Any]:
        found = dict_rows(self._db, "SELECT * FROM list_evidence WHERE id = ?", (evidence_id,))
        if not found:
            raise NotFound("找不到这份证据，可能已被移除。请刷新后重试。")
        return found[0]


def _checked_file(source: Path) -> int:
    if not source.is_file():
        raise DomainError(f"找不到文件“{source}”。请检查路径后再添加。")
    size = source.stat().st_size
    check_evidence_size(source.name, size)
    with source.open("rb") as handle:
        check_evidence_type(source.name, handle.read(SIGNATURE_BYTES))
    return size


def _evidence(row: dict[str, Any]) -> Evidence:
    return Evidence(row["id"], row["entry_id"], row["sha256"], row["file_name"], row["size"], row["note"],
                    row["created_at"], row["added_by"])
