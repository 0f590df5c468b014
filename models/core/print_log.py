"""打印登记 — every copy printed through the command line, by its 校验码, so a paper copy can be checked later
(`print verify`): which document, which version, when, and whether that version still stands."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from models.core.changes import Changed

# Products that name people with details no board may show (R30): marked 内部资料 and never registered as posted.
INTERNAL_PRODUCTS = frozenset({"group-roster", "signature-sheet", "list-notice-letter"})
PIPL = "《中华人民共和国个人信息保护法》"


class CopyStatus(StrEnum):
    """Whether the printed version is still the one that counts."""

    CURRENT = "current"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return {"current": "现行有效", "superseded": "已被新版本取代", "withdrawn": "已撤回",
                "expired": "已过期（上榜期满）"}[self.value]


class RefKind(StrEnum):
    """What a printed copy is of: a rulebook's version, list entries, or a record that has no versions."""

    RULE_VERSION = "rule_version"
    LIST_ENTRIES = "list_entries"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"rule_version": "规约版本", "list_entries": "红黑榜条目", "other": "其他记录"}[self.value]


@dataclass(frozen=True)
class PrintedCopy:
    """One printed copy: 校验码, product, document title, version (e.g. 第3版), print date, what it is of."""

    fingerprint: str
    product: str
    document: str
    version: str
    printed_on: date
    ref_kind: RefKind = RefKind.OTHER
    ref_id: str = ""          # the rulebook, or the list entries joined by ","
    version_id: str = ""      # the rule version printed
    posted: bool = False      # registered as posted on the board
    id: str = ""
    printed_in: str = ""      # the village that printed it, when not this installation (a township desk's copy)


def posting_problem(product: str) -> str | None:
    """R30: an internal product (names with phone numbers, a letter to one household) is never posted."""
    if product in INTERNAL_PRODUCTS:
        return (f"“{product}”是内部资料（请勿张贴），不能登记为张贴（R30，{PIPL}第十三条、第二十五条：不得公开个人信息，"
                "取得个人单独同意或有法定依据的除外）")
    return None


def version_status(printed_number: int, in_force: int | None, latest: int) -> CopyStatus:
    """A rule version printed is current while it is the version in force (and none newer is), or while it is the
    latest text, newer than the one in force (a draft being consulted on); otherwise a later version superseded it."""
    if printed_number == latest and (in_force is None or printed_number >= in_force):
        return CopyStatus.CURRENT
    if in_force is not None and printed_number == in_force:
        return CopyStatus.CURRENT
    return CopyStatus.SUPERSEDED


def entries_status(ended: list[tuple[date | None, bool]], today: date) -> CopyStatus:
    """Entries on a printed board or notice: (ended_on, ended because the cycle ran out) of each."""
    gone = [expired for ended_on, expired in ended if ended_on is not None and ended_on <= today]
    if not gone:
        return CopyStatus.CURRENT
    return CopyStatus.EXPIRED if all(gone) else CopyStatus.WITHDRAWN


def register_copy(stores: Any, product: str, title: str, fingerprint: str, item_kind: str, item_id: str,
                  today: date, posted: bool = False, number: int | None = None) -> Changed:
    """Log a copy printed by `print …` or 打印中心 (one path for both): a rulebook product names the version it
    printed (`number`, the latest when None), list prints their entries, others their record. `stores` gives
    `rules` (RulebookStore) and `print_log` (PrintLog)."""
    version_id, version, kind = "", "", RefKind.OTHER
    if item_kind == "rulebook":
        printed = stores.rules.load_version(item_id, number)
        version_id, version, kind = printed.id, f"第{printed.number}版", RefKind.RULE_VERSION
    elif item_kind == "list_entries":
        kind = RefKind.LIST_ENTRIES
    document = f"《{title}》" if product in ("rules", "rules-poster") else title  # the rulebook by name
    log: PrintLog = stores.print_log
    return log.log_print(PrintedCopy(fingerprint, product, document, version, today, kind, item_id, version_id,
                                     posted))


class PrintLog(Protocol):
    """The register of printed copies (storage/core/print_log.py)."""

    def log_print(self, copy: PrintedCopy) -> Changed: ...
    def find(self, fingerprint: str) -> PrintedCopy | None: ...
    def copies(self, ref_id: str) -> tuple[PrintedCopy, ...]: ...
