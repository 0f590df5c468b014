"""积分依据 (R36): what an entry rests on — a meeting record, a list entry (红黑榜), a matter (群众说事), or a photo or
scan kept by the one attachment store under the entry. Stored on the entry as "kind:id" (`points list --json` shows
it as `evidence`); free text of older entries stays as it was. The scheme's 所需依据 column says which kind of
evidence an item expects (签到表, 检查照片); it is a guide for the confirmer, not a rule that refuses an entry."""
from __future__ import annotations

from enum import StrEnum


class EvidenceKind(StrEnum):
    MEETING = "meeting"
    LIST_ENTRY = "list_entry"
    MATTER = "matter"
    ATTACHMENT = "attachment"

    @property
    def label(self) -> str:
        return {"meeting": "会议记录", "list_entry": "榜单条目", "matter": "群众说事",
                "attachment": "照片或扫描件"}[self.value]


def evidence_ref(kind: EvidenceKind, record_id: str) -> str:
    return f"{kind.value}:{record_id}"


def evidence_label(text: str) -> str:
    """"会议记录 ab12…" for a stored reference; anything else as written."""
    kind, _, record_id = text.partition(":")
    if record_id and kind in {k.value for k in EvidenceKind}:
        return f"{EvidenceKind(kind).label} {record_id}"
    return text


NOT_FOUND = ("依据“{0}”既不是会议记录、榜单条目或群众说事的编号，也不是本机上的文件。请核对编号"
             "（meeting list、lists show、matter list 可查）或照片的路径；未记录。")
