"""Roster list of one 村民小组 (小组花名册): every active villager, household by household, header repeated.

ID numbers are never printed (a posted or carried roster must not leak them); phone numbers are.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from models.registry.households import Household, Villager
from printing.core.tables import TableDocument, build_table_story, table_texts
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, render, table_page
from printing.core.styles import table_styles

HEADER = ("户号", "姓名", "与户主关系", "性别", "出生年月", "联系电话", "外出情况")
WIDTHS = (1.2, 1.6, 1.4, 0.8, 1.4, 2.0, 2.6)


@dataclass(frozen=True)
class GroupRoster:
    """One group's households (in household-number order) with their active members."""

    village: str
    group: str
    households: tuple[tuple[Household, tuple[Villager, ...]], ...]
    on: date

    @property
    def title(self) -> str:
        return f"{self.village}{self.group}花名册"

    @property
    def people(self) -> int:
        return sum(len(members) for _, members in self.households)


def _row(household: Household, villager: Villager, first: bool) -> tuple[str, ...]:
    born = f"{villager.birth_date.year}年{villager.birth_date.month}月" if villager.birth_date else ""
    away = f"外出（{villager.away_place}）" if villager.away and villager.away_place else ("外出" if villager.away else "")
    return (household.household_no if first else "", villager.name, villager.relation,
            villager.gender.label if villager.gender else "", born, villager.phone, away)


def roster_rows(roster: GroupRoster) -> tuple[tuple[str, ...], ...]:
    return tuple(_row(household, villager, index == 0) for household, members in roster.households
                 for index, villager in enumerate(members))


def document(roster: GroupRoster) -> TableDocument:
    summary = (f"截至{roster.on.year}年{roster.on.month}月{roster.on.day}日，共{len(roster.households)}户，"
               f"在册{roster.people}人（不含已故、已迁出人员）。")
    return TableDocument(roster.title, HEADER, roster_rows(roster), WIDTHS, before=(summary,), record=roster.group,
                         version=roster.on.isoformat())


def active_members(members: Sequence[Villager], on: date) -> tuple[Villager, ...]:
    return tuple(sorted((v for v in members if v.active_on(on)), key=lambda v: v.position))


def roster_fingerprint(roster: GroupRoster) -> str:
    table = document(roster)
    return content_fingerprint(f"table:{table.record}", table_texts(table), table.version)


def build_story(roster: GroupRoster) -> list[Flowable]:
    return build_table_story(document(roster), table_page("A4", landscape=True), table_styles())


def render_group_roster_pdf(roster: GroupRoster, qr: bool = False,
                            progress: Callable[[int], None] | None = None) -> bytes:
    fingerprint = roster_fingerprint(roster)
    payload = qr_payload(fingerprint, roster.title, roster.on.isoformat()) if qr else None
    return render(build_story(roster), table_page("A4", landscape=True),
                  DocumentMeta(roster.title, fingerprint, payload, internal=True), progress)
