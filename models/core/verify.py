"""核对打印件: what a 校验码 on a paper copy belongs to, and whether that version still stands — read across the
print register, the rulebooks and the lists (a cross-aggregate read, so a function here, not in a store)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.core.print_log import CopyStatus, PrintedCopy, PrintLog, RefKind, entries_status, version_status


@dataclass(frozen=True)
class Verification:
    """The answer for one code: document, version, print date and status."""

    code: str
    document: str
    version: str
    printed_on: date
    status: CopyStatus
    village: str = ""  # the paired village that printed it (a township desk checking a village's copy)

    @property
    def text(self) -> str:
        version = f"（{self.version}）" if self.version else ""
        where = f"{self.village} " if self.village else ""
        return (f"校验码 {self.code}：{self.document}{version}，{where}{self.printed_on.isoformat()} 打印，"
                f"{self.status.label}")

    def as_json(self) -> dict[str, str]:
        found = {"document": self.document, "version": self.version, "printed_on": self.printed_on.isoformat(),
                 "status": self.status.value}
        return found | ({"village": self.village} if self.village else {})


def normalised(code: str) -> str:
    """校验码 3f9a-1c2b → 3F9A-1C2B (as typed from the footer)."""
    return code.strip().upper().removeprefix("校验码").strip()


QR_PREFIX = "乡约校验码"  # the first line of every printed QR code (printing/core/fingerprint.py qr_payload)
_QR_CODE = re.compile(QR_PREFIX + r"\s*([0-9A-Za-z]{4}-[0-9A-Za-z]{4})")


def code_from_qr(text: str) -> str | None:
    """The 校验码 a printed page's QR code carries ("乡约校验码 3F9A-1C2B\n…"); None: not one of our QR codes."""
    found = _QR_CODE.search(text)
    return found.group(1).upper() if found else None


def not_qr_text() -> str:
    return f"照片里的二维码不是本系统打印件上的二维码（应以“{QR_PREFIX}”开头）。请拍打印件页脚旁的二维码，或直接输入校验码。"


def not_found_text(code: str) -> str:
    return f"未找到校验码 {code} 的打印登记：这份打印件不是本系统打印的，或校验码抄错了。"


def verify_code(code: str, print_log: PrintLog, rules: Any, lists: Any, board_log: Any,
                today: date) -> Verification | None:
    """The copy printed with `code` (the print register, else a board print in the lists' board log); None: unknown.

    `rules` lists the rulebooks with their versions (RulebookStore), `lists` reads entries (ListEntryStore),
    `board_log` the board log (BoardLogStore)."""
    code = normalised(code)
    copy = print_log.find(code)
    if copy is not None:
        return Verification(code, copy.document, copy.version, copy.printed_on, _status(copy, rules, lists, today),
                            copy.printed_in)
    board = next((row for row in reversed(board_log.board_log()) if row.get("fingerprint") == code
                  and row.get("action") == "printed"), None)
    if board is None:
        return None
    ids = board["entry_ids"]
    entry_ids = json.loads(ids) if isinstance(ids, str) else list(ids)
    return Verification(code, f"红黑榜（{board['period']}）", str(board["period"]),
                        date.fromisoformat(str(board["created_at"])[:10]), _entries(entry_ids, lists, today))


def _status(copy: PrintedCopy, rules: Any, lists: Any, today: date) -> CopyStatus:
    if copy.ref_kind is RefKind.RULE_VERSION:
        summary = next((r for r in rules.list_rulebooks() if r.id == copy.ref_id), None)
        number = re.search(r"\d+", copy.version)
        if summary is None or number is None or not summary.versions:
            return CopyStatus.WITHDRAWN
        return version_status(int(number.group()), summary.in_force_version, max(v.number for v in summary.versions))
    if copy.ref_kind is RefKind.LIST_ENTRIES:
        return _entries([i for i in copy.ref_id.split(",") if i], lists, today)
    return CopyStatus.CURRENT


def _entries(entry_ids: list[str], lists: Any, today: date) -> CopyStatus:
    from models.lists.entries import WithdrawReason

    entries = [lists.entry(i) for i in entry_ids]
    return entries_status([(e.ended_on, e.end_reason == WithdrawReason.PERIOD_ENDED.label) for e in entries], today)
