"""Date order in the nine steps (DOMAIN.md R7, R19, R24, R47): each check returns Chinese problems that name the
rule and its legal source, so the store refuses the record with them and step 8's guard repeats them."""
from __future__ import annotations

from datetime import date

from models.workflow.records import Filing, LegalityReview, Opinion, OpinionKind, Publicity

GUIDELINE = "《关于做好村规民约和居民公约工作的指导意见》"
ORGANIC_LAW = "《中华人民共和国村民委员会组织法》"
NOTICE_DAYS = 10


def publicity_length_problem(start: date, end: date, min_days: int) -> str | None:
    """R47: the publicity runs from `start` to `end` inclusive, at least `min_days` (修订设置, never under 5)."""
    if end < start:
        return "公示结束日期不能早于开始日期。"
    days = (end - start).days + 1
    if days < min_days:
        return (f"公示期只有 {days} 天，至少应为 {min_days} 天（{start.isoformat()} 至 {end.isoformat()}；R47，{GUIDELINE}：表决前公示）")
    return None


def vote_order_problems(vote_on: date, publicity: Publicity | None, review: LegalityReview | None,
                        opinions: tuple[Opinion, ...], version_id: str) -> list[str]:
    """R19/R21: the vote (its meeting's date `vote_on`, of version `version_id`) comes after the township's
    pre-review of that version, after the second publicity has ended and after every objection was answered."""
    found = []
    if review is None:
        found.append(f"还没有乡镇的合法性审查意见，不能表决（R19，{GUIDELINE}：先提请乡镇审核，再提交村民会议表决）")
    else:
        if review.on > vote_on:
            found.append(f"乡镇审查意见日期 {review.on.isoformat()} 晚于表决日期 {vote_on.isoformat()}：须先审核、"
                         f"后表决（R19，{GUIDELINE}）")
        if review.version_id != version_id:
            found.append(f"乡镇审查的是第{review.version_number}版，表决文本必须与审查文本一致（R21，{GUIDELINE}）")
    if publicity is None:
        found.append(f"还没有登记二次公示，不能表决（R19，{GUIDELINE}：表决前公示）")
    elif vote_on <= publicity.end:
        found.append(f"表决日期 {vote_on.isoformat()} 不在公示期结束（{publicity.end.isoformat()}）之后："
                     f"公示期满后才能表决（R19，{GUIDELINE}）")
    late = [o.title for o in opinions if o.kind is OpinionKind.OBJECTION and (o.reply is None or o.reply.on > vote_on)]
    if late:
        found.append(f"{'、'.join(late)}在表决日期 {vote_on.isoformat()} 前未答复：异议须答复后再表决"
                     f"（R19，{GUIDELINE}）")
    return found


def review_after_vote_problem(review_on: date, vote_on: date | None) -> str | None:
    """R19: a pre-review dated after the vote of the same text cannot have come before it."""
    if vote_on is not None and review_on > vote_on:
        return (f"审查意见日期 {review_on.isoformat()} 晚于已录入的表决日期 {vote_on.isoformat()}：乡镇审核须在表决之前"
                f"（R19，{GUIDELINE}）")
    return None


def publicity_after_vote_problem(end: date, vote_on: date | None) -> str | None:
    """R19: a publicity of the voted text that ends on or after the vote came too late."""
    if vote_on is not None and end >= vote_on:
        return (f"公示期结束日期 {end.isoformat()} 不早于已录入的表决日期 {vote_on.isoformat()}：公示期满后才能表决"
                f"（R19，{GUIDELINE}）")
    return None


def notice_warning(vote_on: date, notice_date: date | None, override_reason: str) -> str:
    """R7: a villagers' meeting is announced 10 days ahead; an emergency override records its reason."""
    article = f"{ORGANIC_LAW}第二十一条"
    if override_reason.strip():
        if notice_date is None or (vote_on - notice_date).days < NOTICE_DAYS:
            return f"表决会议未提前 {NOTICE_DAYS} 天通知，紧急理由：{override_reason.strip()}（R7，{article}）；备案报告将注明"
        return ""
    if notice_date is None:
        return f"表决会议未登记通知日期：村民会议应提前 {NOTICE_DAYS} 天通知（R7，{article}）"
    days = (vote_on - notice_date).days
    if days < NOTICE_DAYS:
        return (f"表决会议提前 {days} 天通知，不足 {NOTICE_DAYS} 天（R7，{article}）；"
                "如属紧急情况，请在会议记录中填写理由")
    return ""


def filing_due_text(vote_on: date, due: date, days: int) -> str:
    """R24: the filing is due `days` after the vote."""
    return f"表决日期 {vote_on.isoformat()} 起 {days} 天内，即 {due.isoformat()} 前报送乡镇备案（R24，{ORGANIC_LAW}第二十七条）"


def filing_order_problems(vote_on: date, filing: Filing) -> list[str]:
    """R24: the filing follows the vote — it is submitted, and the township's receipt dated, on or after it."""
    found = []
    source = f"R24，{ORGANIC_LAW}第二十七条"
    if filing.submitted_on is not None and filing.submitted_on < vote_on:
        found.append(f"报送日期 {filing.submitted_on.isoformat()} 早于表决日期 {vote_on.isoformat()}：表决通过后才能报送备案"
                     f"（{source}）")
    if filing.receipt_date is not None and filing.receipt_date < vote_on:
        found.append(f"备案回执日期 {filing.receipt_date.isoformat()} 早于表决日期 {vote_on.isoformat()}（{source}）")
    return found


def filing_late_warning(filing: Filing, today: date) -> str:
    """R24: submitted after its due date (the vote + the filing days), or not yet submitted when it is past."""
    source = f"R24，{ORGANIC_LAW}第二十七条"
    if filing.submitted_on is not None and filing.submitted_on > filing.due_on:
        return f"{filing.submitted_on.isoformat()} 报送，晚于应报日期 {filing.due_on.isoformat()}（{source}）"
    if filing.submitted_on is None and today > filing.due_on:
        return f"已超过报送期限 {filing.due_on.isoformat()}，请尽快报送乡镇备案（{source}）"
    return ""
