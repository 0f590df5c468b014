"""Reads of the lists area that span its aggregates, typed by the ports: the board of a period, and what a
publicity, removal notice or certificate is made of (entries, the naming bases in effect, the village's settings)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.core.errors import DomainError
from models.lists.boards import Board, build_board
from models.lists.entries import EntryState, ListEntry, ListSettings, Period
from models.lists.naming import NamingBasis
from models.lists.ports import ListEntryStore, ListSettingsStore, NamingBasisStore


@dataclass(frozen=True)
class ListDocumentFacts:
    """What a printed list document of a period shows: its entries, whom they may name, under which settings."""

    period: Period
    entries: tuple[ListEntry, ...]
    bases: tuple[NamingBasis, ...]
    settings: ListSettings


def make_board(entries: ListEntryStore, bases: NamingBasisStore, settings: ListSettingsStore, period: str,
               on: date | None = None) -> Board:
    """红黄黑榜 of `period` as on `on` (published entries only, names as R31 allows)."""
    return build_board(Period.parse(period), entries.entries(period), bases.bases_in_effect(), on or date.today(),
                       settings.settings)


def period_facts(entries: ListEntryStore, bases: NamingBasisStore, settings: ListSettingsStore,
                 period: str) -> ListDocumentFacts:
    """Every entry of `period`, for its removal notice or a publicity of the whole period."""
    parsed = Period.parse(period)
    return ListDocumentFacts(parsed, tuple(entries.entries(parsed.code)), tuple(bases.bases_in_effect()),
                             settings.settings)


def entry_facts(entries: ListEntryStore, bases: NamingBasisStore, settings: ListSettingsStore,
                entry_id: str) -> ListDocumentFacts:
    """One entry, for its own publicity notice or honour certificate."""
    entry = entries.entry(entry_id)
    return ListDocumentFacts(entry.parsed_period, (entry,), tuple(bases.bases_in_effect()), settings.settings)


def publicity_facts(entries: ListEntryStore, bases: NamingBasisStore, settings: ListSettingsStore,
                    entry_id: str = "", period: str = "") -> ListDocumentFacts:
    """公示 of one entry in publicity (`entry_id`), or of every entry of `period` (those in publicity show)."""
    if not entry_id:
        return period_facts(entries, bases, settings, period)
    facts = entry_facts(entries, bases, settings, entry_id)
    entry = facts.entries[0]
    if entry.state is not EntryState.PUBLICITY:
        raise DomainError(f"该条目处于“{entry.state.label}”，不在公示阶段，不能打印公示。"
                          "监委会审核通过后推进到“公示”再打印。")
    return facts
