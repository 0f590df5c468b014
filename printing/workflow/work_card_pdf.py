"""Work cards (工作证) for the execution committee and its teams: 85 × 54 mm cards, eight to an A4 page.

Each card: the organisation, 工作证, name in large kai type, post, the village committee and validity. Dashed
cut lines between the cards; black on white so any printer gives a card that can be laminated.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from models.core.notices import chinese_date
from models.workflow.records import CommitteeMember, Team
from printing.core import fonts as fonts
from printing.core.blocks import paragraph
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, PageSpec, render
from printing.core.styles import table_styles

CARD_WIDTH, CARD_HEIGHT = 85 * mm, 54 * mm
CARD_PAGE = PageSpec("A4", False, 22 * mm, 20 * mm, 22 * mm, 20 * mm)


@dataclass(frozen=True)
class WorkCard:
    """One card: who, which post, in which organisation."""

    name: str
    post: str
    organisation: str


@dataclass(frozen=True)
class WorkCards:
    signer: str
    valid_until: date | None
    cards: tuple[WorkCard, ...]

    @property
    def title(self) -> str:
        return "工作证"


def committee_cards(rulebook_title: str, members: Sequence[CommitteeMember], teams: Sequence[Team]) -> tuple[WorkCard, ...]:
    """A card for every committee member (主任 / 委员) and every team leader and member."""
    committee = f"《{rulebook_title}》修订执行委员会"
    cards = [WorkCard(m.name, "主任" if m.chair else "委员", committee)
             for m in sorted(members, key=lambda m: (not m.chair, m.position))]
    for team in teams:
        if team.leader:
            cards.append(WorkCard(team.leader, "队长", team.name))
        cards += [WorkCard(name, "队员", team.name) for name in team.members]
    return tuple(cards)


def card_lines(cards: WorkCards, card: WorkCard) -> list[str]:
    valid = f"有效期至{chinese_date(cards.valid_until)}" if cards.valid_until else "修订工作期间有效"
    return [card.organisation, "工作证", card.name, f"职务：{card.post}", f"发证单位：{cards.signer}", valid]


def _card(cards: WorkCards, card: WorkCard) -> list[Flowable]:
    styles = table_styles(10.0)
    centred = styles.table_cell.clone("card_line", alignment=TA_CENTER)
    heading = styles.table_header.clone("card_heading", fontSize=17, leading=22)
    name = centred.clone("card_name", fontName=fonts.signature_font(), fontSize=22, leading=30)
    organisation, label, person, post, issuer, valid = card_lines(cards, card)
    record = f"{card.name}的工作证"
    return [paragraph(organisation, centred, record), paragraph(label, heading, record),
            paragraph(person, name, record), paragraph(post, centred, record),
            paragraph(issuer, centred, record), paragraph(valid, centred, record)]


def build_story(cards: WorkCards) -> list[Flowable]:
    cells = [_card(cards, card) for card in cards.cards]
    if len(cells) % 2:
        cells.append([])
    rows = [cells[index:index + 2] for index in range(0, len(cells), 2)]
    if not rows:
        return [paragraph("还没有执行委员会成员或队伍成员，无法生成工作证。", table_styles().table_cell, "工作证")]
    table = Table(rows, colWidths=[CARD_WIDTH] * 2, rowHeights=[CARD_HEIGHT] * len(rows))
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.body_font(), 10),  # not Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, black, None, (3, 3)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return [table]


def cards_fingerprint(cards: WorkCards) -> str:
    return content_fingerprint("work_cards", [line for card in cards.cards for line in card_lines(cards, card)])


def render_work_cards_pdf(cards: WorkCards, qr: bool = False, progress: Callable[[int], None] | None = None) -> bytes:
    fingerprint = cards_fingerprint(cards)
    payload = qr_payload(fingerprint, cards.title) if qr else None
    return render(build_story(cards), CARD_PAGE, DocumentMeta(cards.title, fingerprint, payload), progress)
