"""What the lists' printed products read (公示, 撤榜公告, 荣誉证书), gathered through the list store; the board
itself is `ListStore.board`. printing/lists/list_jobs.py renders them; the lists screen and `print …` call these.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.core.errors import DomainError
from models.lists.entries import EntryState, Period

if TYPE_CHECKING:
    from models.lists.entries import ListEntry, ListSettings, NamingBasis
    from models.lists.ports import ListStore


@dataclass(frozen=True)
class ListNoticeSource:
    """The entries a notice of `period` looks at, the naming bases in effect and the village's list settings."""

    period: Period
    entries: tuple[ListEntry, ...]
    bases: tuple[NamingBasis, ...]
    settings: ListSettings


@dataclass(frozen=True)
class CertificateSource:
    entry: ListEntry
    bases: tuple[NamingBasis, ...]
    settings: ListSettings


def publicity_source(lists: ListStore, entry_id: str = "", period: str = "") -> ListNoticeSource:
    """公示 of one entry in publicity (`entry_id`), or of every entry of `period` (those in publicity are shown)."""
    chosen: tuple[ListEntry, ...]
    if entry_id:
        entry = lists.entry(entry_id)
        if entry.state is not EntryState.PUBLICITY:
            raise DomainError(f"该条目处于“{entry.state.label}”，不在公示阶段，不能打印公示。"
                              "监委会审核通过后推进到“公示”再打印。")
        chosen, parsed = (entry,), entry.parsed_period
    else:
        parsed = Period.parse(period)
        chosen = tuple(lists.entries(parsed.code))
    return ListNoticeSource(parsed, chosen, tuple(lists.bases_in_effect()), lists.settings)


def removal_source(lists: ListStore, period: str) -> ListNoticeSource:
    """撤榜公告 of `period`: its entries (those published and taken down are shown)."""
    parsed = Period.parse(period)
    return ListNoticeSource(parsed, tuple(lists.entries(parsed.code)), tuple(lists.bases_in_effect()), lists.settings)


def certificate_source(lists: ListStore, entry_id: str) -> CertificateSource:
    return CertificateSource(lists.entry(entry_id), tuple(lists.bases_in_effect()), lists.settings)
