"""A bundle from a peer still on the version before m074 names the old attachment tables: its rows land in
`attachments` (same id, hlc and owner) and their files arrive with them."""
from __future__ import annotations

import json
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.attachments import AttachmentKind, AttachmentOwner, OwnerKind
from models.core.ids import new_id
from storage.core.attachments import SqliteAttachmentStore
from storage.core.blobs import put_blob_file
from storage.core.db import Database
from storage.migrations import migrations
from storage.core.tracking import now_iso
from tests.sync.conftest import Pair, export, import_

OLD_SCHEMA = [step.name for step in migrations.steps].index("m074_one_attachments_table")


def _log_old_row(db: Database, table: str, values: dict[str, object]) -> dict[str, object]:
    """What the older program's log trigger wrote for a row of `table` (a table this version no longer has)."""
    stamp = now_iso()
    row = {"id": new_id(), "owner": db.node_id, "hlc": db.next_hlc(), "deleted": 0, "created_at": stamp,
           "updated_at": stamp, **values}
    db.execute("INSERT INTO change_log(table_name, row_id, hlc, row_json) VALUES(?, ?, ?, ?)",
               [table, row["id"], row["hlc"], json.dumps(row, ensure_ascii=False)])
    return row


def test_old_table_rows_from_an_older_peer_are_mapped(pair: Pair, tmp_path: Path) -> None:
    photo = tmp_path / "河边.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 smoke by the river")
    with pair.village.atomic():
        sha = put_blob_file(pair.village, photo)
        common = {"sha256": sha, "file_name": photo.name, "size": photo.stat().st_size, "note": "现场",
                  "added_by": "村文书"}
        sheet = _log_old_row(pair.village, "meeting_attachments", {"meeting_id": "m-1", "kind": "sign_in_sheet",
                                                                    **common})
        evidence = _log_old_row(pair.village, "list_evidence", {"entry_id": "e-1", **common})
    result = import_(pair.township, export(pair.village, pair.stick, schema_version=OLD_SCHEMA))
    assert result.quarantined == 0 and result.per_table["attachments"] == 2
    township = SqliteAttachmentStore(pair.township, COMMAND_LINE_ACTOR)
    [meeting] = township.attachments(AttachmentOwner(OwnerKind.MEETING, "m-1"))
    [entry] = township.attachments(AttachmentOwner(OwnerKind.LIST_ENTRY, "e-1"))
    assert (meeting.id, meeting.kind, entry.id, entry.kind, entry.note) == (
        sheet["id"], AttachmentKind.SIGN_IN_SHEET, evidence["id"], AttachmentKind.PHOTO, "现场")
    stored = pair.township.conn.execute("SELECT owner, hlc FROM attachments WHERE id = ?", (sheet["id"],)).fetchone()
    assert stored == (sheet["owner"], sheet["hlc"])
    assert township.file(entry.id).read_bytes() == photo.read_bytes()
