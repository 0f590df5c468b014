"""Store interfaces (Protocols) of the disclosures area, one per aggregate."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.disclosures.calendar import DisclosureEvent, Obligation, Resolution, RulePublicity, Status
    from models.disclosures.catalogue import CatalogueItem, DisclosureKind, Place
    from models.disclosures.finance import FinanceSheet
    from models.disclosures.printed import PrintedNotice
    from models.disclosures.records import DisclosureObjection, Publication
    from models.disclosures.township import VillageDisclosures


class Resolutions(Protocol):
    """What the calendar reads of the other areas: the four-two matters' finalised decisions (minutes) and the
    rules' second publicities (workflow, step 7)."""

    def resolutions(self) -> list[Resolution]: ...
    def rule_publicities(self) -> list[RulePublicity]: ...


class DisclosureCalendar(Protocol):
    """公开日历 (R41): the catalogue in force, the village's finance frequency, and what is due."""

    def catalogue(self) -> tuple[CatalogueItem, ...]: ...
    def frequent_finance(self) -> bool: ...
    def set_frequent_finance(self, frequent: bool) -> Changed: ...
    def obligations(self, year: int) -> list[Obligation]: ...
    def events(self) -> list[DisclosureEvent]: ...
    def record_event(self, event: DisclosureEvent, today: date) -> Changed: ...
    def withdraw_event(self, event_id: str) -> Changed: ...

    def due(self, today: date, year: int | None = None) -> list[tuple[Obligation, Status]]:
        """`year`'s obligations whose period has closed (default: this year's, and last year's not done or closed
        in the last two months)."""
        ...

    def reminders(self, today: date) -> list[tuple[Obligation, Status]]: ...


class PublicationStore(Protocol):
    """公开记录 (R42) with the objections each drew. A record's photo is an attachment (OwnerKind.DISCLOSURE)."""

    def publications(self, year: int | None = None) -> list[Publication]: ...
    def publication(self, publication_id: str) -> Publication: ...

    def record(self, kind: DisclosureKind, category: str, start: date, end: date, place: Place = ...,
               posted_by: str = "", title: str = "", note: str = "", period: str = "") -> Changed:
        """Record a posting; the period (default: the last one closed by `start`) and its due day are kept."""
        ...

    def register_printed(self, printed: PrintedNotice) -> Changed | None:
        """打印即登记: a printed public notice or board recorded as a posting (None: not a disclosure, nothing due,
        or that copy registered already)."""
        ...

    def withdraw(self, publication_id: str) -> Changed: ...
    def restore(self, publication_id: str) -> Changed: ...
    def sign_off(self, publication_id: str, on: date) -> Changed: ...
    def objections(self, publication_id: str) -> list[DisclosureObjection]: ...
    def add_objection(self, publication_id: str, received_on: date, raised_by: str, content: str) -> Changed: ...
    def answer_objection(self, objection_id: str, answer: str, on: date) -> Changed: ...


class FinanceSheets(Protocol):
    """财务公开表 of each month, as imported from the accounts."""

    def months(self) -> list[str]: ...
    def sheet(self, month: str) -> FinanceSheet: ...

    def import_sheet(self, sheet: FinanceSheet) -> Changed:
        """Replace the month's lines with the checked sheet's (the old ones kept as tombstones)."""
        ...

    def import_file(self, path: Path, month: str) -> Changed:
        """Read the accounts' export (.xlsx or .csv), check it (refused naming the line) and keep it."""
        ...


class DisclosureDesk(Protocol):
    """乡镇端: each village's disclosure record from its bundles."""

    def village_records(self, today: date, years: int = 1) -> list[VillageDisclosures]: ...
