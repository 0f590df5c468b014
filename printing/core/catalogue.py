"""The products 打印中心 offers for stored records: what each needs (a rulebook or a meeting) and how it is built.

`Product.prepare(stores, item_id)` reads the model objects through the store protocols (on the caller's thread;
no SQL here) and returns a `PrintJob` whose `render(progress)` may run in the background.
"""
from __future__ import annotations

from collections.abc import Callable
import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.core.errors import DomainError

Progress = Callable[[int], None] | None


@dataclass(frozen=True)
class PrintJob:
    """A product ready to render: its name for the preview and file, fingerprint, and the render function."""

    title: str
    fingerprint: str
    render: Callable[[Progress], bytes]


@dataclass(frozen=True)
class Product:
    """A printable product of a stored record; `item` is "rulebook", "meeting" or "group"."""

    key: str
    label: str
    item: str
    prepare: Callable[[Any, str], PrintJob]


def _signer(stores: Any) -> str:
    return f"{stores.profile.get().village}村民委员会"


def _rules(stores: Any, rulebook_id: str, poster: bool) -> PrintJob:
    from printing.rules.rules_pdf import RulesOptions, adoption_of, document_title, render_rules_pdf, rules_fingerprint

    rulebook, version = stores.rules.get_rulebook(rulebook_id), stores.rules.load_version(rulebook_id)
    options = RulesOptions("A3" if poster else "A4", poster, adoption=adoption_of(stores, version))
    return PrintJob(document_title(rulebook, version), rules_fingerprint(rulebook, version, options.adoption),
                    lambda progress: render_rules_pdf(rulebook, version, options, progress))


def _comparison(stores: Any, rulebook_id: str) -> PrintJob:
    from models.rules.comparison import comparison as comparison_rows
    from printing.rules.comparison_pdf import Comparison, comparison_fingerprint, render_comparison_pdf

    new = stores.rules.load_version(rulebook_id)
    if new.number < 2:
        raise DomainError("这份村规民约只有一个版本，没有可对照的修改。请先新建修订版本。")
    old = stores.rules.load_version(rulebook_id, new.number - 1)
    rows = comparison_rows(stores.rules, stores.change_reasons, rulebook_id, old.number, new.number)
    comparison = Comparison(stores.rules.get_rulebook(rulebook_id), old, new, tuple(rows))
    return PrintJob(comparison.title, comparison_fingerprint(comparison),
                    lambda progress: render_comparison_pdf(comparison, progress=progress))


def _signature_sheet(stores: Any, rulebook_id: str) -> PrintJob:
    from printing.workflow.signature_sheet_pdf import (SignatureSheet, render_signature_sheet_pdf, sheet_fingerprint,
                                              sheet_groups)

    rulebook, version = stores.rules.get_rulebook(rulebook_id), stores.rules.load_version(rulebook_id)
    sheet = SignatureSheet(f"{rulebook.title}户代表签字表",
                           f"请户主（或户代表）阅读《{rulebook.title}》（第{version.number}版）后，在本户一行签字并按手印，"
                           "表示本户已知晓并承诺遵守。",
                           sheet_groups(stores.groups.list_groups(), stores.households.list_households()),
                           f"{version.id}:{version.number}")
    return PrintJob(sheet.title, sheet_fingerprint(sheet),
                    lambda progress: render_signature_sheet_pdf(sheet, progress=progress))


def _invitations(stores: Any, rulebook_id: str) -> PrintJob:
    from printing.workflow.invitations_pdf import InvitationLetters, letters_fingerprint, render_invitations_pdf

    today = date.today()
    letters = InvitationLetters(stores.rules.get_rulebook(rulebook_id).title, _signer(stores),
                                stores.workflow.revisions.facts(rulebook_id, today).invitations, today)
    return PrintJob(letters.title, letters_fingerprint(letters),
                    lambda progress: render_invitations_pdf(letters, progress=progress))


def _committee(stores: Any, rulebook_id: str) -> PrintJob:
    from printing.workflow.committee_pdf import CommitteeNotice, notice_fingerprint, render_committee_pdf

    today, workflow = date.today(), stores.workflow
    rulebook = stores.rules.get_rulebook(rulebook_id)
    teams = workflow.teams.teams(rulebook_id)
    notice = CommitteeNotice(rulebook.title, _signer(stores), today,
                             workflow.revisions.facts(rulebook_id, today).members, teams,
                             {team.id: workflow.teams.roster(team.id) for team in teams})
    return PrintJob(notice.title, notice_fingerprint(notice),
                    lambda progress: render_committee_pdf(notice, progress=progress))


def meeting_record(stores: Any, meeting_id: str) -> Any:  # -> printing.minutes.minutes_pdf.MeetingRecord
    from printing.minutes.minutes_pdf import MeetingRecord

    meeting = stores.meetings.get(meeting_id)
    return MeetingRecord(meeting, stores.meetings.type_spec(meeting.type_code), stores.profile.get().village,
                         stores.meetings.province_rules(), stores.meetings.record_template())


def _minutes(stores: Any, meeting_id: str) -> PrintJob:
    from models.minutes.record import effective
    from printing.minutes.minutes_pdf import record_fingerprint, render_minutes_pdf

    record = meeting_record(stores, meeting_id)
    record = dataclasses.replace(record, meeting=effective(record.meeting))  # as corrected, 补正 listed below
    return PrintJob(record.title, record_fingerprint(record),
                    lambda progress: render_minutes_pdf(record, progress=progress))


def public_notice(stores: Any, meeting_id: str, which: str) -> Any:  # -> models.core.notices.Notice
    """决议公开 ("resolution") or 实施结果公开 ("result") of a finalised meeting, dated today."""
    from models.minutes.record import effective
    from printing.minutes.resolution_notice_pdf import resolution_notice, result_notice

    record = meeting_record(stores, meeting_id)
    if not record.meeting.is_final:
        raise DomainError("这份会议记录还没有定稿，不能公开决议。请先在“会议记录”界面由主持人和记录人确认定稿，"
                          "再打印公告。")
    record = dataclasses.replace(record, meeting=effective(record.meeting))
    if which == "resolution":
        return resolution_notice(record, _signer(stores), date.today())
    return result_notice(record, stores.follow_ups.list_follow_ups(meeting_id), _signer(stores), date.today())


def _public_notice(stores: Any, meeting_id: str, which: str) -> PrintJob:
    from printing.core.notice_pdf import notice_fingerprint
    from printing.minutes.resolution_notice_pdf import render_resolution_notice_pdf

    notice = public_notice(stores, meeting_id, which)
    return PrintJob(notice.title, notice_fingerprint(notice),
                    lambda progress: render_resolution_notice_pdf(notice, progress=progress))


def _draft_number(stores: Any, rulebook_id: str, today: date) -> int:
    facts = stores.workflow.revisions.facts(rulebook_id, today)
    return facts.draft_number or stores.rules.load_version(rulebook_id).number


def _call_for_opinions(stores: Any, rulebook_id: str) -> PrintJob:
    from models.workflow.steps import WorkflowStep
    from printing.core.notice_pdf import notice_fingerprint
    from printing.workflow.call_for_opinions_pdf import call_for_opinions, render_call_for_opinions_pdf

    today, rulebook = date.today(), stores.rules.get_rulebook(rulebook_id)
    target = stores.workflow.revisions.facts(rulebook_id, today).timetable.get(WorkflowStep.PUBLIC_CONSULTATION)
    notice = call_for_opinions(rulebook.title, _draft_number(stores, rulebook_id, today), _signer(stores), today,
                               target if target and target > today else None)
    return PrintJob(notice.title, notice_fingerprint(notice),
                    lambda progress: render_call_for_opinions_pdf(notice, progress=progress))


def _opinion_forms(stores: Any, rulebook_id: str) -> PrintJob:
    from printing.workflow.opinion_forms_pdf import OpinionForms, form_serial, forms_fingerprint, render_opinion_forms_pdf
    from printing.workflow.signature_sheet_pdf import sheet_groups

    today, rulebook = date.today(), stores.rules.get_rulebook(rulebook_id)
    groups = sheet_groups(stores.groups.list_groups(), stores.households.list_households())
    households = tuple((form_serial(today.year, number), number, head)
                       for group in groups for number, head in group.households)
    forms = OpinionForms(rulebook.title, _draft_number(stores, rulebook_id, today), households)
    return PrintJob(forms.title, forms_fingerprint(forms),
                    lambda progress: render_opinion_forms_pdf(forms, progress=progress))


def _adoption_statement(stores: Any, rulebook_id: str) -> PrintJob:
    from models.workflow.records import OpinionKind
    from printing.workflow.adoption_statement_pdf import AdoptionStatement, render_adoption_statement_pdf, statement_fingerprint

    rulebook = stores.rules.get_rulebook(rulebook_id)
    opinions = tuple(o for o in stores.workflow.opinions.opinions(rulebook_id) if o.kind is OpinionKind.OPINION)
    statement = AdoptionStatement(rulebook.title, _signer(stores), date.today(), opinions)
    return PrintJob(statement.title, statement_fingerprint(statement),
                    lambda progress: render_adoption_statement_pdf(statement, progress=progress))


def _work_cards(stores: Any, rulebook_id: str) -> PrintJob:
    from models.workflow.steps import WorkflowStep
    from printing.workflow.work_card_pdf import WorkCards, cards_fingerprint, committee_cards, render_work_cards_pdf

    rulebook, today = stores.rules.get_rulebook(rulebook_id), date.today()
    facts = stores.workflow.revisions.facts(rulebook_id, today)
    cards = WorkCards(_signer(stores), facts.timetable.get(WorkflowStep.POST_AND_ENFORCE),
                      committee_cards(rulebook.title, facts.members, stores.workflow.teams.teams(rulebook_id)))
    return PrintJob("工作证", cards_fingerprint(cards), lambda progress: render_work_cards_pdf(cards, progress=progress))


def group_roster(stores: Any, group_id: str) -> Any:  # -> printing.registry.group_roster_pdf.GroupRoster
    from models.core.errors import NotFound
    from printing.registry.group_roster_pdf import GroupRoster, active_members

    today = date.today()
    group = next((g for g in stores.groups.list_groups() if group_id in (g.id, g.name)), None)
    if group is None:
        raise NotFound(f"没有“{group_id}”这个村民小组。请写小组名称（如“第一村民小组”）或编号，可在花名册中查看。")
    households = []
    for summary in sorted(stores.households.list_households(), key=lambda s: s.household.household_no):
        if summary.household.group_id == group.id:
            members = active_members(stores.villagers.members(summary.household.id), today)
            if members:
                households.append((summary.household, members))
    return GroupRoster(stores.profile.get().village, group.name, tuple(households), today)


def _group_roster(stores: Any, group_id: str) -> PrintJob:
    from printing.registry.group_roster_pdf import render_group_roster_pdf, roster_fingerprint

    roster = group_roster(stores, group_id)
    return PrintJob(roster.title, roster_fingerprint(roster),
                    lambda progress: render_group_roster_pdf(roster, progress=progress))


def _filing_report(stores: Any, rulebook_id: str) -> PrintJob:
    from printing.workflow.filing_report_pdf import filing_report, render_filing_report_pdf, report_fingerprint

    rulebook, today, profile = stores.rules.get_rulebook(rulebook_id), date.today(), stores.profile.get()
    report = filing_report(rulebook.title, stores.workflow.revisions.facts(rulebook_id, today), profile.village,
                           profile.township, today)
    return PrintJob(report.title, report_fingerprint(report),
                    lambda progress: render_filing_report_pdf(report, progress=progress))


PRODUCTS: tuple[Product, ...] = (
    Product("rules", "村规民约全文（A4 小册子）", "rulebook", lambda s, i: _rules(s, i, False)),
    Product("rules-poster", "村规民约张贴版（A3 三栏大字）", "rulebook", lambda s, i: _rules(s, i, True)),
    Product("comparison", "修改对照表（最新版与上一版）", "rulebook", _comparison),
    Product("signature-sheet", "户代表签字表", "rulebook", _signature_sheet),
    Product("invitations", "修订邀请函（附回执）", "rulebook", _invitations),
    Product("committee", "执行委员会及值班表通知", "rulebook", _committee),
    Product("call-for-opinions", "征求意见公告", "rulebook", _call_for_opinions),
    Product("opinion-forms", "意见征求表（每户一份，带编号）", "rulebook", _opinion_forms),
    Product("adoption-statement", "意见采纳情况说明", "rulebook", _adoption_statement),
    Product("filing-report", "备案报告（报乡镇人民政府）", "rulebook", _filing_report),
    Product("work-cards", "工作证（执行委员会及队伍）", "rulebook", _work_cards),
    Product("minutes", "会议记录本页面", "meeting", _minutes),
    Product("resolution-notice", "决议公开公告", "meeting", lambda s, i: _public_notice(s, i, "resolution")),
    Product("result-notice", "实施结果公开公告", "meeting", lambda s, i: _public_notice(s, i, "result")),
    Product("group-roster", "村民小组花名册", "group", _group_roster),
    Product("second-publicity", "二次公示（修订稿公示）", "rulebook", lambda s, i: _second_publicity(s, i)),
)


def _second_publicity(stores: Any, rulebook_id: str) -> PrintJob:
    from printing.workflow.second_publicity_pdf import second_publicity_job
    return second_publicity_job(stores, rulebook_id)
