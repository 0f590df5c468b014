"""Evidence attached to a list entry travels with the entry: the row and the file both arrive."""
from __future__ import annotations

from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.attachments import AttachmentOwner, OwnerKind
from models.lists.workflow import Nomination
from models.lists.entries import ListKind
from storage.core.attachments import SqliteAttachmentStore
from tests.list_fixtures import seed_registry, store, written
from tests.printing.test_board_pdf import DAY
from tests.sync.conftest import Pair, export, import_


def test_evidence_row_and_file_reach_the_other_office(pair: Pair, tmp_path: Path) -> None:
    seed_registry(pair.village)
    village = store(pair.village, COMMAND_LINE_ACTOR)
    entry = written(village, village.nominate(Nomination(ListKind.YELLOW, "2025-03", "3月9日在河边焚烧秸秆", "网格员龙德军"),
                                "31", "第12条", on=DAY))
    photo = tmp_path / "河边.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 smoke by the river")
    owner = AttachmentOwner(OwnerKind.LIST_ENTRY, entry.id)
    files = SqliteAttachmentStore(pair.village, COMMAND_LINE_ACTOR)
    attached = files.attachment(files.attach(owner, photo, note="现场").id)
    import_(pair.township, export(pair.village, pair.stick))
    other = SqliteAttachmentStore(pair.township, COMMAND_LINE_ACTOR)
    [arrived] = other.attachments(owner)
    assert (arrived.id, arrived.file_name, arrived.note) == (attached.id, "河边.jpg", "现场")
    assert other.file(arrived.id).read_bytes() == photo.read_bytes()
