"""The three lists (问题清单, 交办清单, 销号清单) for the board, the A3 wall chart (挂图作战) and the officer's log.

Black-and-white safe: counts and marks are text (超期 written out), never colour alone. A matter that is not
public is never printed by row, only counted by class under its list (R49)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.platypus import Flowable, PageBreak, Spacer

from models.matters.print_sources import MonthLists, OfficerLogPage, PrintedList, WallChart
from models.matters.records import Matter, MatterClass
from printing.core.blocks import paragraph, title
from printing.core.catalogue import PrintJob
from printing.core.fingerprint import content_fingerprint
from printing.core.layout import DocumentMeta, render, table_page
from printing.core.styles import TextStyles, table_styles
from printing.core.tables import long_table

Progress = Callable[[int], None] | None
LIST_HEADER = ("编号", "日期", "类别", "事项", "地点", "交办对象", "期限", "办理结果")
LIST_WIDTHS = (1.3, 1.1, 1.0, 4.0, 1.2, 1.4, 1.1, 2.6)


def _raiser(matter: Matter) -> str:
    return f"（{matter.raiser.name}）" if matter.raiser.name else ""


def _list_row(matter: Matter) -> tuple[str, ...]:
    return (matter.number, matter.raised_on.isoformat(), matter.cls.label, matter.text + _raiser(matter),
            matter.place, matter.assignee, matter.due.isoformat() if matter.due else "", matter.result)


def withheld_line(printed: PrintedList) -> str:
    if not printed.withheld:
        return ""
    counts = "，".join(f"{cls.label} {n} 件" for cls, n in printed.withheld)
    return f"另有不公开事项 {sum(n for _, n in printed.withheld)} 件（{counts}），依法不列明细。"


def list_texts(month: MonthLists) -> list[str]:
    texts = [month.village, month.period]
    for printed in month.lists:
        texts += [printed.title, withheld_line(printed), *(c for m in printed.shown for c in _list_row(m))]
    return texts


def _list_story(printed: PrintedList, month: MonthLists, styles: TextStyles, width: float) -> list[Flowable]:
    story: list[Flowable] = [title(f"{month.village}群众说事{printed.title}（{month.period}）", styles, width)]
    rows = [_list_row(m) for m in printed.shown] or [("本月无",) + ("",) * (len(LIST_HEADER) - 1)]
    story.append(long_table(LIST_HEADER, rows, LIST_WIDTHS, width, styles, printed.title))
    if printed.withheld:
        story += [Spacer(1, styles.line / 2), paragraph(withheld_line(printed), styles.table_cell, printed.title)]
    return story


def render_month_lists_pdf(month: MonthLists, today: date, progress: Progress = None) -> bytes:
    spec, styles = table_page("A4", landscape=True), table_styles()
    story: list[Flowable] = []
    for index, printed in enumerate(month.lists):
        story += ([PageBreak()] if index else []) + _list_story(printed, month, styles, spec.text_width)
    fingerprint = content_fingerprint("matters:lists", list_texts(month), today.isoformat())
    return render(story, spec, DocumentMeta(f"群众说事清单 {month.period}", fingerprint), progress)


def chart_cell(chart: WallChart, group: str, cls: MatterClass) -> str:
    total, late = chart.counts.get((group, cls), (0, 0))
    return "" if not total else f"{total}" + (f"（超期{late}）" if late else "")


def chart_rows(chart: WallChart) -> list[tuple[str, ...]]:
    rows = [(group, *(chart_cell(chart, group, cls) for cls in MatterClass),
             str(sum(chart.counts.get((group, cls), (0, 0))[0] for cls in MatterClass))) for group in chart.groups]
    totals = [sum(chart.counts.get((g, cls), (0, 0))[0] for g in chart.groups) for cls in MatterClass]
    return rows + [("合计", *(str(n) for n in totals), str(sum(totals)))]


def render_wall_chart_pdf(chart: WallChart, progress: Progress = None) -> bytes:
    spec, styles = table_page("A3", landscape=True), table_styles()
    header = ("村民小组", *(cls.label for cls in MatterClass), "合计")
    rows = chart_rows(chart)
    story: list[Flowable] = [
        title(f"{chart.village}群众说事挂图作战（截至{chart.on.isoformat()}未销号事项）", styles, spec.text_width),
        long_table(header, rows, (1.6, *(1.0,) * len(MatterClass), 0.8), spec.text_width, styles, "挂图",
                   min_row_height=28),
        Spacer(1, styles.line / 2),
        paragraph("格中数字为待办和已交办未办结的件数，“超期”为已过办理期限的件数。", styles.table_cell, "挂图")]
    texts = [chart.village, *(c for row in rows for c in row)]
    fingerprint = content_fingerprint("matters:chart", texts, chart.on.isoformat())
    return render(story, spec, DocumentMeta("群众说事挂图作战", fingerprint), progress)


def officer_log_rows(page: OfficerLogPage) -> list[tuple[str, str]]:
    return [(e.on.isoformat(), e.text) for e in page.entries] or [("", "本月无记录")]


def officer_log_fingerprint(page: OfficerLogPage) -> str:
    """The 校验码 the page prints and its job registers (print verify finds the code on the paper)."""
    texts = [page.village, page.officer, page.month, *(c for row in officer_log_rows(page) for c in row)]
    return content_fingerprint("matters:officer-log", texts, page.month)


def render_officer_log_pdf(page: OfficerLogPage, progress: Progress = None) -> bytes:
    spec, styles = table_page("A4", landscape=False), table_styles()
    rows = officer_log_rows(page)
    story: list[Flowable] = [
        title(f"{page.village}议事信息员工作日志（{page.month}）", styles, spec.text_width),
        paragraph(f"信息员：{page.officer}　　共 {len(page.entries)} 条", styles.table_cell, "日志"),
        Spacer(1, styles.line / 2),
        long_table(("日期", "走访、收集事项及跟进情况"), rows, (1.2, 6.0), spec.text_width, styles, "日志",
                   min_row_height=24),
        Spacer(1, styles.line),
        paragraph("信息员签字：　　　　　　　　村“两委”审核：", styles.table_cell, "日志")]
    return render(story, spec, DocumentMeta(f"议事信息员工作日志 {page.officer} {page.month}",
                                            officer_log_fingerprint(page)), progress)


def month_lists_job(month: MonthLists, today: date) -> PrintJob:
    fingerprint = content_fingerprint("matters:lists", list_texts(month), today.isoformat())
    return PrintJob(f"群众说事清单 {month.period}", fingerprint,
                    lambda progress: render_month_lists_pdf(month, today, progress))


def wall_chart_job(chart: WallChart) -> PrintJob:
    texts = [chart.village, *(c for row in chart_rows(chart) for c in row)]
    return PrintJob("群众说事挂图作战", content_fingerprint("matters:chart", texts, chart.on.isoformat()),
                    lambda progress: render_wall_chart_pdf(chart, progress))


def officer_log_job(page: OfficerLogPage) -> PrintJob:
    return PrintJob(f"议事信息员工作日志 {page.officer} {page.month}", officer_log_fingerprint(page),
                    lambda progress: render_officer_log_pdf(page, progress))
