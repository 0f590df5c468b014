"""The products 打印中心 and `print …` offer for stored records: what each needs (a rulebook, a meeting or a
group), where its data comes from, and how it is built.

A product's `gather(stores, item_id, today)` is a models/ function that reads its plain data through the store
protocols; the caller (ui/printing, cli/commands/printing) runs it on its own thread. `build(data, today)` turns
that data into a `PrintJob` whose `render(progress)` may run in the background. printing/ never reads a store.
"""
from __future__ import annotations

from collections.abc import Callable
import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from models.care import print_sources as care
from models.disclosures import print_sources as disclosures
from models.matters import print_sources as matters
from models.core.notices import Notice
from models.minutes import print_sources as minutes
from models.points import print_sources as points
from models.registry import print_sources as registry
from models.rules import print_sources as rules
from models.stars import print_sources as stars
from models.workflow import print_sources as workflow

if TYPE_CHECKING:
    from models.core.ports import Stores
    from printing.minutes.minutes_pdf import MeetingRecord
    from printing.registry.group_roster_pdf import GroupRoster

Progress = Callable[[int], None] | None
Data = TypeVar("Data")


@dataclass(frozen=True)
class PrintJob:
    """A product ready to render: its name for the preview and file, fingerprint, and the render function."""

    title: str
    fingerprint: str
    render: Callable[[Progress], bytes]


@dataclass(frozen=True)
class Product(Generic[Data]):
    """A printable product of a stored record; `item` is what 打印中心 asks for: "rulebook", "meeting", "group",
    "grid", "month" (a finance sheet's or the matters' month), "year" (of stars), "star-household"
    ("YEAR:HOUSEHOLD_NO"), or a kind whose choices the product lists itself (`choices`: a points period…)."""

    key: str
    label: str
    item: str
    gather: Callable[[Stores, str, date], Data]
    build: Callable[[Data, date], PrintJob]
    # The records to choose among as (label, id), newest first, for an item 打印中心 does not list itself (a period,
    # a redemption, a month); None: the screen lists `item` (rulebooks, meetings, groups, grids).
    choices: Callable[[Stores, date], list[tuple[str, str]]] | None = None


def rules_job(text: rules.RulebookText, poster: bool, paper: str | None = None, qr: bool = False) -> PrintJob:
    from printing.rules.rules_pdf import RulesOptions, document_title, render_rules_pdf, rules_fingerprint

    rulebook, version = text.rulebook, text.version
    options = RulesOptions(paper or ("A3" if poster else "A4"), poster, qr, adoption=text.adoption)
    return PrintJob(document_title(rulebook, version), rules_fingerprint(rulebook, version, options.adoption),
                    lambda progress: render_rules_pdf(rulebook, version, options, progress))


def comparison_job(source: rules.VersionComparison, qr: bool = False) -> PrintJob:
    from printing.rules.comparison_pdf import Comparison, comparison_fingerprint, render_comparison_pdf

    comparison = Comparison(source.rulebook, source.old, source.new, source.rows)
    return PrintJob(comparison.title, comparison_fingerprint(comparison),
                    lambda progress: render_comparison_pdf(comparison, qr, progress))


def _signature_sheet(source: workflow.SignatureHouseholds, _today: date) -> PrintJob:
    from printing.workflow.signature_sheet_pdf import (SignatureSheet, render_signature_sheet_pdf, sheet_fingerprint,
                                                       sheet_groups)

    rulebook, version = source.rulebook, source.version
    sheet = SignatureSheet(f"{rulebook.title}户代表签字表",
                           f"请户主（或户代表）阅读《{rulebook.title}》（第{version.number}版）后，在本户一行签字并按手印，"
                           "表示本户已知晓并承诺遵守。",
                           sheet_groups(source.groups, source.households), f"{version.id}:{version.number}")
    return PrintJob(sheet.title, sheet_fingerprint(sheet),
                    lambda progress: render_signature_sheet_pdf(sheet, progress=progress))


def _invitations(source: workflow.Invitations, today: date) -> PrintJob:
    from printing.workflow.invitations_pdf import InvitationLetters, letters_fingerprint, render_invitations_pdf

    letters = InvitationLetters(source.rulebook_title, source.signer, source.invitations, today)
    return PrintJob(letters.title, letters_fingerprint(letters),
                    lambda progress: render_invitations_pdf(letters, progress=progress))


def _committee(source: workflow.Committee, today: date) -> PrintJob:
    from printing.workflow.committee_pdf import CommitteeNotice, notice_fingerprint, render_committee_pdf

    notice = CommitteeNotice(source.rulebook_title, source.signer, today, source.members, source.teams,
                             source.rosters)
    return PrintJob(notice.title, notice_fingerprint(notice),
                    lambda progress: render_committee_pdf(notice, progress=progress))


def meeting_record(source: minutes.MeetingSource) -> MeetingRecord:
    """The record as recorded (amendments not applied)."""
    from printing.minutes.minutes_pdf import MeetingRecord

    return MeetingRecord(source.meeting, source.spec, source.village, source.province, source.template)


def _effective_record(source: minutes.MeetingSource) -> MeetingRecord:
    """As corrected: amendments applied, 补正 listed below."""
    from models.minutes.record import effective

    record = meeting_record(source)
    return dataclasses.replace(record, meeting=effective(record.meeting))


def _minutes(source: minutes.MeetingSource, _today: date) -> PrintJob:
    from printing.minutes.minutes_pdf import record_fingerprint, render_minutes_pdf

    record = _effective_record(source)
    return PrintJob(record.title, record_fingerprint(record),
                    lambda progress: render_minutes_pdf(record, progress=progress))


def _notice_job(notice: Notice) -> PrintJob:
    from printing.core.notice_pdf import notice_fingerprint
    from printing.minutes.resolution_notice_pdf import render_resolution_notice_pdf

    return PrintJob(notice.title, notice_fingerprint(notice),
                    lambda progress: render_resolution_notice_pdf(notice, progress=progress))


def _resolution_notice(source: minutes.MeetingSource, today: date) -> PrintJob:
    """决议公开 of a finalised meeting, dated `today`."""
    from printing.minutes.resolution_notice_pdf import resolution_notice

    return _notice_job(resolution_notice(_effective_record(source), f"{source.village}村民委员会", today))


def _result_notice(source: minutes.MeetingSource, today: date) -> PrintJob:
    """实施结果公开 of a finalised meeting with its follow-ups, dated `today`."""
    from printing.minutes.resolution_notice_pdf import result_notice

    return _notice_job(result_notice(_effective_record(source), source.follow_ups, f"{source.village}村民委员会",
                                     today))


def minutes_docx(source: minutes.MeetingSource, notice: str | None, today: date) -> bytes:
    """The record page (as corrected), or with `notice` "resolution"/"result" one of its public notices, as Word
    (.docx): the same content as the PDF, for a township that wants to edit it."""
    from printing.minutes.minutes_docx import render_minutes_docx, render_notice_docx
    from printing.minutes.resolution_notice_pdf import resolution_notice, result_notice

    signer, record = f"{source.village}村民委员会", _effective_record(source)
    if notice == "resolution":
        return render_notice_docx(resolution_notice(record, signer, today))
    if notice == "result":
        return render_notice_docx(result_notice(record, source.follow_ups, signer, today))
    return render_minutes_docx(record)


def _call_for_opinions(source: workflow.Consultation, today: date) -> PrintJob:
    from printing.core.notice_pdf import notice_fingerprint
    from printing.workflow.call_for_opinions_pdf import call_for_opinions, render_call_for_opinions_pdf

    planned = source.planned_end
    notice = call_for_opinions(source.rulebook_title, source.draft_number, source.signer, today,
                               planned if planned and planned > today else None)
    return PrintJob(notice.title, notice_fingerprint(notice),
                    lambda progress: render_call_for_opinions_pdf(notice, progress=progress))


def _opinion_forms(source: workflow.FormHouseholds, today: date) -> PrintJob:
    from printing.workflow.opinion_forms_pdf import (OpinionForms, form_serial, forms_fingerprint,
                                                     render_opinion_forms_pdf)
    from printing.workflow.signature_sheet_pdf import sheet_groups

    households = tuple((form_serial(today.year, number), number, head)
                       for group in sheet_groups(source.groups, source.households)
                       for number, head in group.households)
    forms = OpinionForms(source.rulebook_title, source.draft_number, households)
    return PrintJob(forms.title, forms_fingerprint(forms),
                    lambda progress: render_opinion_forms_pdf(forms, progress=progress))


def _adoption_statement(source: workflow.Adoption, today: date) -> PrintJob:
    from printing.workflow.adoption_statement_pdf import (AdoptionStatement, render_adoption_statement_pdf,
                                                          statement_fingerprint)

    statement = AdoptionStatement(source.rulebook_title, source.signer, today, source.opinions)
    return PrintJob(statement.title, statement_fingerprint(statement),
                    lambda progress: render_adoption_statement_pdf(statement, progress=progress))


def _work_cards(source: workflow.Cards, _today: date) -> PrintJob:
    from printing.workflow.work_card_pdf import WorkCards, cards_fingerprint, committee_cards, render_work_cards_pdf

    cards = WorkCards(source.signer, source.valid_until,
                      committee_cards(source.rulebook_title, source.members, source.teams))
    return PrintJob("工作证", cards_fingerprint(cards), lambda progress: render_work_cards_pdf(cards, progress=progress))


def group_roster(source: registry.GroupHouseholds, today: date) -> GroupRoster:
    """The group's households with the members active on `today`; households with none are left out."""
    from printing.registry.group_roster_pdf import GroupRoster, active_members

    households = tuple((household, active) for household, members in source.households
                       if (active := active_members(members, today)))
    return GroupRoster(source.village, source.group.name, households, today)


def _group_roster(source: registry.GroupHouseholds, today: date) -> PrintJob:
    from printing.registry.group_roster_pdf import render_group_roster_pdf, roster_fingerprint

    roster = group_roster(source, today)
    return PrintJob(roster.title, roster_fingerprint(roster),
                    lambda progress: render_group_roster_pdf(roster, progress=progress))


def _filing_report(source: workflow.Filing, today: date) -> PrintJob:
    from printing.workflow.filing_report_pdf import filing_report, render_filing_report_pdf, report_fingerprint

    report = filing_report(source.rulebook_title, source.facts, source.village, source.township, today)
    return PrintJob(report.title, report_fingerprint(report),
                    lambda progress: render_filing_report_pdf(report, progress=progress))

def _second_publicity(source: workflow.SecondPublicity, today: date) -> PrintJob:
    from printing.workflow.second_publicity_pdf import second_publicity_job

    return second_publicity_job(source, today)


def _points_board(source: points.BoardSource, _today: date) -> PrintJob:
    from printing.points.board_pdf import board_job

    return board_job(source)


def _points_receipt(source: points.ReceiptSource, _today: date) -> PrintJob:
    from printing.points.receipt_pdf import receipt_job

    return receipt_job(source)


def _points_scheme(source: points.SchemeSource, _today: date) -> PrintJob:
    from printing.points.scheme_pdf import scheme_job

    return scheme_job(source)


def _matters_lists(source: matters.MonthLists, today: date) -> PrintJob:
    from printing.matters.matters_pdf import month_lists_job

    return month_lists_job(source, today)


def _matter_chart(source: matters.WallChart, _today: date) -> PrintJob:
    from printing.matters.matters_pdf import wall_chart_job

    return wall_chart_job(source)


def _officer_log(source: matters.OfficerLogPage, _today: date) -> PrintJob:
    from printing.matters.matters_pdf import officer_log_job

    return officer_log_job(source)


def _grid_board(source: care.GridBoard, today: date) -> PrintJob:
    from printing.care.grid_pdf import board_fingerprint, render_grid_board_pdf

    return PrintJob(f"{source.village}{source.grid}公示牌", board_fingerprint(source, today),
                    lambda progress: render_grid_board_pdf(source, today, progress))


def _grid_sheet(source: care.GridSheet, today: date) -> PrintJob:
    from printing.care.grid_pdf import render_grid_sheet_pdf, sheet_fingerprint

    return PrintJob(f"{source.village}{source.grid}联户表", sheet_fingerprint(source, today),
                    lambda progress: render_grid_sheet_pdf(source, today, progress))


def _finance_board(source: disclosures.FinanceBoard, today: date) -> PrintJob:
    from printing.disclosures.finance_board_pdf import finance_job

    return finance_job(source, today)


def _stars_board(source: stars.StarsBoard, today: date) -> PrintJob:
    from printing.stars.stars_pdf import board_job

    return board_job(source, today)


def _stars_publicity(source: stars.StarsPublicity, today: date) -> PrintJob:
    from printing.stars.stars_pdf import publicity_job

    return publicity_job(source, today)


def _star_plaque(source: stars.StarPlaque, today: date) -> PrintJob:
    from printing.stars.stars_pdf import plaque_job

    return plaque_job(source, today)


PRODUCTS: tuple[Product[Any], ...] = (
    Product("rules", "村规民约全文（A4 小册子）", "rulebook", rules.latest_text, lambda d, _t: rules_job(d, False)),
    Product("rules-poster", "村规民约张贴版（A3 三栏大字）", "rulebook", rules.latest_text,
            lambda d, _t: rules_job(d, True)),
    Product("comparison", "修改对照表（最新版与上一版）", "rulebook", rules.latest_comparison,
            lambda d, _t: comparison_job(d)),
    Product("signature-sheet", "户代表签字表", "rulebook", workflow.signature_households, _signature_sheet),
    Product("invitations", "修订邀请函（附回执）", "rulebook", workflow.invitations, _invitations),
    Product("committee", "执行委员会及值班表通知", "rulebook", workflow.committee, _committee),
    Product("call-for-opinions", "征求意见公告", "rulebook", workflow.consultation, _call_for_opinions),
    Product("opinion-forms", "意见征求表（每户一份，带编号）", "rulebook", workflow.form_households, _opinion_forms),
    Product("adoption-statement", "意见采纳情况说明", "rulebook", workflow.adoption, _adoption_statement),
    Product("filing-report", "备案报告（报乡镇人民政府）", "rulebook", workflow.filing, _filing_report),
    Product("work-cards", "工作证（执行委员会及队伍）", "rulebook", workflow.cards, _work_cards),
    Product("minutes", "会议记录本页面", "meeting", minutes.meeting_source, _minutes),
    Product("resolution-notice", "决议公开公告", "meeting", minutes.final_meeting, _resolution_notice),
    Product("result-notice", "实施结果公开公告", "meeting", minutes.meeting_results, _result_notice),
    Product("group-roster", "村民小组花名册", "group", registry.group_households, _group_roster),
    Product("second-publicity", "二次公示（修订稿公示）", "rulebook", workflow.second_publicity, _second_publicity),
    Product("grid-board", "网格公示牌（张贴）", "grid", care.grid_board, _grid_board),
    Product("grid-sheet", "网格联户表（内部资料）", "grid", care.grid_sheet, _grid_sheet),
    Product("finance-board", "财务公开栏（某月收支明细）", "month", disclosures.finance_board, _finance_board),
    Product("stars-publicity", "十星级文明户评定结果公示", "year", stars.stars_publicity_item, _stars_publicity),
    Product("stars-board", "十星级文明户公示栏", "year", stars.stars_board_item, _stars_board),
    Product("star-plaque", "星级牌和荣誉证书", "star-household", stars.star_plaque_item, _star_plaque),
    Product("points-board", "积分榜（按期排名，张贴公示）", "period", points.board_source, _points_board,
            points.board_choices),
    Product("points-scheme", "积分细则（张贴用，附兑换价格）", "scheme", points.scheme_source, _points_scheme,
            points.scheme_choices),
    Product("points-receipt", "爱心超市兑换凭证", "redemption", points.receipt_source, _points_receipt,
            points.receipt_choices),
    Product("matters", "群众说事三张清单（当月）", "month", lambda st, month, today: matters.month_lists(st, month, today),
            _matters_lists, matters.month_choices),
    Product("matter-chart", "挂图作战（未销号事项，A3）", "chart", lambda st, _item, today: matters.wall_chart(st, today),
            _matter_chart, matters.chart_choices),
    Product("officer-log", "议事信息员工作日志（一人一月）", "officer-month", matters.officer_log_source, _officer_log,
            matters.officer_log_choices),
)



def product(key: str) -> Product[Any]:
    """The catalogue's product `key`."""
    return next(p for p in PRODUCTS if p.key == key)
