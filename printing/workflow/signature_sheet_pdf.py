"""Household signature sheet (户代表签字表): 户号, 户主, 签字, 手印 box; one row per household, by 村民小组.

Each 村民小组 starts on a new page so a group leader can carry their own pages door to door. The group's name and
the column header form the table's two header rows, repeated at the top of every page.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from models.registry.households import HouseholdSummary, VillageGroup
from printing.core.blocks import paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, PageSpec, render, table_page
from printing.core.styles import TextStyles, table_styles
from printing.core.tables import grid_table

HEADER = ("序号", "户号", "户主", "签字", "手印")
WIDTHS = (1.0, 1.8, 2.6, 4.2, 2.2)
ROW_HEIGHT = 15 * mm  # room for a signature and a fingerprint


@dataclass(frozen=True)
class SheetGroup:
    """One 村民小组 on the sheet: its name and (户号, 户主) per household, in household-number order."""

    name: str
    households: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SignatureSheet:
    """What the households sign: title, one instruction line, the groups; `version` feeds the fingerprint."""

    title: str
    instruction: str
    groups: tuple[SheetGroup, ...]
    version: str = ""

    @property
    def households(self) -> int:
        return sum(len(group.households) for group in self.groups)


def sheet_groups(groups: Sequence[VillageGroup], households: Sequence[HouseholdSummary]) -> tuple[SheetGroup, ...]:
    """Households with at least one active member, grouped by 村民小组 in the groups' order (empty groups left out)."""
    by_group: dict[str, list[tuple[str, str]]] = {}
    for summary in sorted(households, key=lambda s: s.household.household_no):
        if summary.members > 0:
            by_group.setdefault(summary.household.group_id, []).append(
                (summary.household.household_no, summary.head_name or "（未登记户主）"))
    ordered = sorted(groups, key=lambda g: (g.position, g.name))
    return tuple(SheetGroup(g.name, tuple(by_group[g.id])) for g in ordered if by_group.get(g.id))


def group_caption(group: SheetGroup) -> str:
    return f"{group.name}（共{len(group.households)}户）"


def printed_texts(sheet: SignatureSheet) -> list[str]:
    texts = [sheet.title, sheet.instruction]
    for group in sheet.groups:
        texts += [group_caption(group), *HEADER]
        texts += [text for number, (household_no, head) in enumerate(group.households, 1)
                  for text in (str(number), household_no, head)]
    return texts


def sheet_fingerprint(sheet: SignatureSheet) -> str:
    return content_fingerprint("signature_sheet", printed_texts(sheet), sheet.version)


def group_table(group: SheetGroup, spec: PageSpec, styles: TextStyles) -> Flowable:
    """The group's caption row and column header (both repeated on every page), then one row per household."""
    centred = styles.table_cell.clone("centred_cell", alignment=TA_CENTER)
    caption = [paragraph(group_caption(group), styles.table_header, "签字表"), "", "", "", ""]
    header = [paragraph(text, styles.table_header, "签字表表头") for text in HEADER]
    rows = [[paragraph(str(number), centred, group.name), paragraph(household_no, centred, group.name),
             paragraph(head, styles.table_cell, f"{group.name}{household_no}户"), "", ""]
            for number, (household_no, head) in enumerate(group.households, 1)]
    heights = [None, None] + [ROW_HEIGHT] * len(rows)
    return grid_table([caption, header, *rows], WIDTHS, spec.text_width, styles, heights, header_rows=2,
                      extra=[("SPAN", (0, 0), (-1, 0))])


def build_story(sheet: SignatureSheet, spec: PageSpec | None = None) -> list[Flowable]:
    spec, styles = spec or sheet_page(), table_styles(12.0)
    story: list[Flowable] = []
    for index, group in enumerate(sheet.groups):
        if index:
            story.append(PageBreak())
        story += [title(sheet.title, styles, spec.text_width, "签字表标题"),
                  paragraph(sheet.instruction, styles.table_cell, "签字表说明"), Spacer(1, styles.line / 2),
                  group_table(group, spec, styles)]
    if not sheet.groups:
        story += [title(sheet.title, styles, spec.text_width, "签字表标题"),
                  paragraph("花名册中还没有在册的户，无法生成签字表。请先导入花名册。", styles.table_cell, "签字表")]
    return story


def sheet_page() -> PageSpec:
    return table_page("A4", landscape=False)


def render_signature_sheet_pdf(sheet: SignatureSheet, qr: bool = False,
                               progress: Callable[[int], None] | None = None) -> bytes:
    """The signature sheet as PDF bytes (A4 portrait)."""
    fingerprint = sheet_fingerprint(sheet)
    payload = qr_payload(fingerprint, sheet.title, sheet.version) if qr else None
    return render(build_story(sheet), sheet_page(), DocumentMeta(sheet.title, fingerprint, payload, internal=True),
                  progress)
