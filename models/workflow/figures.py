"""Figures and helpers around the steps: step-5 participation figures, warnings (R14, R20), failed articles,
the filing due date, the key figure shown per step on the timeline, and the duty-roster generator."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from models.core.errors import DomainError
from models.minutes.quorum import check_majority, percent
from models.workflow.steps import WorkflowStep
from models.workflow.guards import WorkflowFacts
from models.workflow.records import (Channel, Disposition, InvitationReply, Opinion, OpinionKind, Shift)


@dataclass(frozen=True)
class ConsultationFigures:
    """征求民意统计 — the figures the county asks for."""

    households_reached: int
    households_total: int
    opinions: int
    answered: int
    by_channel: tuple[tuple[Channel, int], ...]
    by_article: tuple[tuple[str, int], ...]   # (第N条 or 全文, count), most discussed first
    by_disposition: tuple[tuple[Disposition, int], ...]

    @property
    def participation(self) -> str:
        """参与率, one decimal for display (R9)."""
        return percent(self.households_reached, self.households_total)

    @property
    def adopted_share(self) -> str:
        """Share of answered opinions adopted in whole or part."""
        adopted = sum(n for d, n in self.by_disposition if d is not Disposition.REJECTED)
        return percent(adopted, self.answered)


def consultation_figures(opinions: tuple[Opinion, ...], households_total: int) -> ConsultationFigures:
    own = [o for o in opinions if o.kind is OpinionKind.OPINION]
    households = {o.household_id for o in own if o.household_id}
    channels = [(c, sum(1 for o in own if o.channel is c)) for c in Channel]
    articles: dict[str, int] = {}
    for opinion in own:
        label = opinion.article_label if opinion.article_key else "全文"
        articles[label] = articles.get(label, 0) + 1
    replies = [o.reply for o in own if o.reply is not None]
    dispositions = [(d, sum(1 for r in replies if r.disposition is d)) for d in Disposition]
    return ConsultationFigures(len(households), households_total, len(own), len(replies),
                               tuple((c, n) for c, n in channels if n),
                               tuple(sorted(articles.items(), key=lambda kv: (-kv[1], kv[0]))),
                               tuple(dispositions))


def invitation_warnings(facts: WorkflowFacts) -> list[str]:
    """R20: warn (never block) when the list has no women's representative or no unit based in the village."""
    if not facts.invitations:
        return []
    warnings = []
    if not any(i.womens_representative for i in facts.invitations):
        warnings.append("邀请名单中没有妇女代表（2018 年指导意见要求妇女参与）")
    if not any(i.village_unit for i in facts.invitations):
        warnings.append("邀请名单中没有驻村单位（《村民委员会组织法》第三十八条要求征求其意见）")
    return warnings


def women_warning(women_present: int | None, present: int) -> str:
    """R14: women present is required; warn when fewer than a third of those present."""
    if women_present is None:
        return ""
    if 3 * women_present < present:
        return f"到会妇女 {women_present} 人，不足到会人数 {present} 人的三分之一"
    return ""


def failed_articles(facts: WorkflowFacts) -> list[str]:
    """Labels of the voted items that did not pass (they go back to step 6)."""
    if facts.vote is None or facts.vote_meeting is None:
        return []
    meeting = facts.vote_meeting
    return [item.label for item in facts.vote.tallies
            if check_majority(meeting.majority, item.tally, meeting.attendance, meeting.quorum).status != "passed"]


def filing_due(vote_date: date, days: int = 10) -> date:
    """R24: file within `days` (default 10, configurable) after the vote."""
    return vote_date + timedelta(days=days)


def key_figure(step: WorkflowStep, facts: WorkflowFacts, households_total: int = 0) -> str:
    """The one figure the timeline shows under a step, e.g. “47 条意见，3 条未答复”."""
    if step is WorkflowStep.COMMITTEES_DISCUSS:
        return f"会议 {facts.start_meeting.number}" if facts.start_meeting else "未关联会议"
    if step is WorkflowStep.SEND_INVITATIONS:
        accepted = sum(1 for i in facts.invitations if i.reply is InvitationReply.ACCEPTED)
        return f"邀请 {len(facts.invitations)} 人，{accepted} 人接受"
    if step is WorkflowStep.FORM_EXECUTION_COMMITTEE:
        return f"执委会 {len(facts.members)} 人"
    if step is WorkflowStep.FIRST_DRAFT:
        return f"初稿第{facts.draft_number}版" if facts.draft_number else "尚无初稿"
    if step is WorkflowStep.PUBLIC_CONSULTATION:
        own = [o for o in facts.opinions if o.kind is OpinionKind.OPINION]
        return f"{len(own)} 条意见，{sum(1 for o in own if not o.answered)} 条未答复"
    if step is WorkflowStep.REVISION:
        return f"修改稿第{facts.revised_number}版，改动 {facts.revised_changes} 处" if facts.revised_number else "尚无修改稿"
    if step is WorkflowStep.SECOND_PUBLICITY:
        return (f"{facts.publicity.start.isoformat()} 至 {facts.publicity.end.isoformat()}" if facts.publicity
                else "未公示")
    if step is WorkflowStep.ASSEMBLY_VOTE:
        return f"已表决（{facts.vote_meeting.number}）" if facts.vote and facts.vote_meeting else "未表决"
    return facts.filing.status.label if facts.filing else "未报送"


def generate_roster(members: tuple[str, ...], start: date, weeks: int, per_week: int = 2,
                    holidays: dict[date, str] | None = None,
                    unavailable: dict[str, set[date]] | None = None, team_id: str = "") -> list[Shift]:
    """Weekly rotation from the Monday of `start`: each week the members with the fewest duties so far
    (ties in list order, continuing the rotation), one extra on a week holding a festival or holiday, and
    nobody in a week they are away."""
    holidays, unavailable = holidays or {}, unavailable or {}
    monday = start - timedelta(days=start.weekday())
    counts = {m: 0 for m in members}
    order = list(members)
    shifts = []
    for week in range(weeks):
        begin = monday + timedelta(weeks=week)
        days = {begin + timedelta(days=d) for d in range(7)}
        festival = "、".join(sorted({name for day, name in holidays.items() if day in days}))
        free = [m for m in order if not (unavailable.get(m, set()) & days)]
        need = min(len(free), per_week + (1 if festival else 0))
        chosen = sorted(free, key=lambda m: (counts[m], order.index(m)))[:need]
        for m in chosen:
            counts[m] += 1
        order = [m for m in order if m not in chosen] + [m for m in order if m in chosen]
        shifts.append(Shift(team_id, begin, tuple(m for m in members if m in chosen), festival))
    return shifts


def parse_holidays(text: str) -> dict[date, str]:
    """节假日 typed as “2026-02-17 春节；2026-10-01～2026-10-07 国庆” (one day, or a range of days) → day → name.

    Entries are separated by ；, ; or new lines; the name may be left out (then 节假日)."""
    found: dict[date, str] = {}
    for entry in text.replace(";", "；").replace("\n", "；").split("；"):
        parts = entry.strip().split(maxsplit=1)
        if not parts:
            continue
        name = parts[1].strip() if len(parts) > 1 else "节假日"
        first, _, last = parts[0].replace("~", "～").replace("至", "～").partition("～")
        try:
            begin, end = date.fromisoformat(first), date.fromisoformat(last or first)
        except ValueError:
            raise DomainError(f"节假日“{entry.strip()}”的日期写法不对，请写成“2026-02-17 春节”或"
                              "“2026-10-01～2026-10-07 国庆”，多项用分号隔开。") from None
        if end < begin or (end - begin).days > 31:
            raise DomainError(f"节假日“{entry.strip()}”的起止日期不对（结束不能早于开始，最长 31 天）。")
        for offset in range((end - begin).days + 1):
            found[begin + timedelta(days=offset)] = name
    return found
