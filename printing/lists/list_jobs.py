"""The lists' print products (board, publicity notice, removal notice, honour certificate) as jobs to render and log.

Each `*_job` reads through the list store protocol on the caller's thread and returns a `ListPrintJob` whose
`render(progress)` may run in the background. `log_print` writes the board log (R34: who printed which version).
The command line (`print board|list-publicity|list-removal|honour-certificate`) and the lists screen share them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.core.errors import DomainError

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


def board_job(lists: Any, village: str, period: str, on: date, signer: str = "", qr: bool = False) -> ListPrintJob:
    """红黄黑榜 of `period` as on `on` (published entries only, names as R31 allows)."""
    from models.lists.boards import signer_of
    from printing.lists.board_pdf import BoardDocument, board_fingerprint, render_board_pdf

    board = lists.board(period, on)
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


def publicity_job(lists: Any, village: str, on: date, entry_id: str = "", period: str = "",
                  qr: bool = False, signer: str = "") -> ListPrintJob:
    """公示 of one entry in publicity (`entry_id`), or of every entry of `period` in publicity."""
    from models.lists.boards import publicity_notice
    from models.lists.entries import EntryState, Period

    if entry_id:
        entry = lists.entry(entry_id)
        if entry.state is not EntryState.PUBLICITY:
            raise DomainError(f"该条目处于“{entry.state.label}”，不在公示阶段，不能打印公示。"
                              "监委会审核通过后推进到“公示”再打印。")
        chosen, parsed = [entry], entry.parsed_period
    else:
        parsed = Period.parse(period)
        chosen = lists.entries(parsed.code)
    notice = publicity_notice(village, parsed, chosen, lists.bases_in_effect(), on, lists.settings, signer)
    shown = tuple(e.id for e in chosen if e.state is EntryState.PUBLICITY)
    return _notice_job(notice, parsed.code, shown, "公示", qr)


def removal_job(lists: Any, village: str, period: str, on: date, qr: bool = False,
                signer: str = "") -> ListPrintJob:
    """撤榜公告 of `period`: published entries that came down, with date and reason."""
    from models.lists.honours import removal_notice
    from models.lists.entries import Period

    parsed = Period.parse(period)
    entries = lists.entries(parsed.code)
    notice = removal_notice(village, parsed, entries, lists.bases_in_effect(), on, lists.settings, signer)
    removed = tuple(e.id for e in entries if e.published_on and e.ended_on)
    return _notice_job(notice, parsed.code, removed, "撤榜公告", qr)


def certificate_job(lists: Any, village: str, entry_id: str, on: date, signer: str = "") -> ListPrintJob:
    """荣誉证书 of a published red entry."""
    from models.lists.honours import honour_certificate
    from printing.lists.certificate_pdf import certificate_fingerprint, render_certificate_pdf

    entry = lists.entry(entry_id)
    certificate = honour_certificate(village, entry, lists.bases_in_effect(), on, lists.settings, signer)
    return ListPrintJob(f"荣誉证书（{certificate.recipient}）", certificate_fingerprint(certificate),
                        lambda progress: render_certificate_pdf(certificate, progress), entry.period, (entry.id,),
                        "荣誉证书")


def log_print(lists: Any, job: ListPrintJob, where: str) -> None:
    """R34: record who printed this version, its fingerprint, the entries on it and where it went."""
    note = f"{job.log_label} {where}" if job.log_label else where
    lists.log_board(job.period, "printed", job.fingerprint, job.entry_ids, note)
