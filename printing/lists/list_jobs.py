"""The lists' print products (board, publicity notice, removal notice, honour certificate) as jobs to render and log.

Each `*_job` takes the facts the caller gathered (`models/lists/services.py`) and returns a `ListPrintJob` whose
`render(progress)` may run in the background. The caller writes the board log (R34: who printed which version) with `log_note`.
The command line (`print board|list-publicity|list-removal|honour-certificate`) and the lists screen share them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from models.core.errors import DomainError

if TYPE_CHECKING:
    from models.lists.boards import Board
    from models.lists.services import ListDocumentFacts

Progress = Callable[[int], None] | None


@dataclass(frozen=True)
class ListPrintJob:
    """One product ready to render: title (also the suggested file name), fingerprint, and what the log records."""

    title: str
    fingerprint: str
    render: Callable[[Progress], bytes]
    period: str
    entry_ids: tuple[str, ...]
    log_label: str  # written before the file name in the board log; "" for the board itself

    @property
    def file_name(self) -> str:
        return f"{self.title}.pdf"

    @property
    def product(self) -> str:
        """The `print` product this job is (how a printed board registers as a disclosure)."""
        return {"": "board", "公示": "list-publicity", "撤榜公告": "list-removal"}.get(self.log_label, "honour-certificate")

    def log_note(self, where: str) -> str:
        """What the board log (R34) notes of this print: the product and where it went."""
        return f"{self.log_label} {where}" if self.log_label else where


def board_job(board: Board, village: str, on: date, signer: str = "", qr: bool = False) -> ListPrintJob:
    """红黄黑榜 `board` (published entries only, names as R31 allows), dated `on`."""
    from models.lists.boards import signer_of
    from printing.lists.board_pdf import BoardDocument, board_fingerprint, render_board_pdf

    if not board.entry_ids:
        raise DomainError(f"{board.period.text}没有已发布的条目，无法打印榜单。条目须走完公示并发布后才能上榜。")
    document = BoardDocument(village, board, signer_of(village, signer), on)
    return ListPrintJob(document.title, board_fingerprint(document),
                        lambda progress: render_board_pdf(document, qr, progress), board.period.code,
                        board.entry_ids, "")


def _notice_job(notice: Any, period: str, entry_ids: tuple[str, ...], label: str, qr: bool) -> ListPrintJob:
    from printing.core.notice_pdf import NoticeOptions, notice_fingerprint, render_notice_pdf

    return ListPrintJob(notice.title, notice_fingerprint(notice),
                        lambda progress: render_notice_pdf(notice, NoticeOptions(qr=qr), progress), period,
                        entry_ids, label)


def publicity_job(facts: ListDocumentFacts, village: str, on: date, qr: bool = False,
                  signer: str = "") -> ListPrintJob:
    """公示 of the entries in publicity among `facts` (`models.lists.services.publicity_facts`)."""
    from models.lists.boards import publicity_notice
    from models.lists.entries import EntryState

    chosen = list(facts.entries)
    notice = publicity_notice(village, facts.period, chosen, list(facts.bases), on, facts.settings, signer)
    shown = tuple(e.id for e in chosen if e.state is EntryState.PUBLICITY)
    return _notice_job(notice, facts.period.code, shown, "公示", qr)


def removal_job(facts: ListDocumentFacts, village: str, on: date, qr: bool = False,
                signer: str = "") -> ListPrintJob:
    """撤榜公告 of a period: published entries that came down, with date and reason."""
    from models.lists.honours import removal_notice

    entries = list(facts.entries)
    notice = removal_notice(village, facts.period, entries, list(facts.bases), on, facts.settings, signer)
    removed = tuple(e.id for e in entries if e.published_on and e.ended_on)
    return _notice_job(notice, facts.period.code, removed, "撤榜公告", qr)


def certificate_job(facts: ListDocumentFacts, village: str, on: date, signer: str = "") -> ListPrintJob:
    """荣誉证书 of a published red entry (the one entry of `facts`)."""
    from models.lists.honours import honour_certificate
    from printing.lists.certificate_pdf import certificate_fingerprint, render_certificate_pdf

    entry = facts.entries[0]
    certificate = honour_certificate(village, entry, list(facts.bases), on, facts.settings, signer)
    return ListPrintJob(f"荣誉证书（{certificate.recipient}）", certificate_fingerprint(certificate),
                        lambda progress: render_certificate_pdf(certificate, progress), entry.period, (entry.id,),
                        "荣誉证书")

