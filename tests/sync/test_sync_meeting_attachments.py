"""A meeting with an attached sign-in sheet travels to the township: the row and the file both arrive."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.attachments import AttachmentKind, AttachmentOwner, OwnerKind
from models.minutes.meetings import Meeting
from storage.core.attachments import SqliteAttachmentStore
from storage.core.backend import build_stores
from tests.sync.conftest import Pair, export, import_


def test_attachment_row_and_file_reach_the_township(pair: Pair, tmp_path: Path) -> None:
    village = build_stores(pair.village, COMMAND_LINE_ACTOR).meetings
    meeting = village.create(Meeting("representatives_meeting", date(2026, 3, 12), expected=6, present=5))
    sheet = tmp_path / "签到表.jpg"
    sheet.write_bytes(b"\xff\xd8 signatures of five representatives")
    owner = AttachmentOwner(OwnerKind.MEETING, meeting.id)
    files = SqliteAttachmentStore(pair.village, COMMAND_LINE_ACTOR)
    attached = files.attachment(files.attach(owner, sheet, AttachmentKind.SIGN_IN_SHEET).id)
    import_(pair.township, export(pair.village, pair.stick))
    township = SqliteAttachmentStore(pair.township, COMMAND_LINE_ACTOR)
    [arrived] = township.attachments(owner)
    assert (arrived.id, arrived.file_name, arrived.kind) == (attached.id, "签到表.jpg", AttachmentKind.SIGN_IN_SHEET)
    assert township.file(arrived.id).read_bytes() == sheet.read_bytes()
