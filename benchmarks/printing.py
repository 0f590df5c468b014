"""Printing benchmarks: one-page notice (≤ 0.3 s, ≤ 300 KB), 25-article booklet (≤ 1 s), 1,000-household signature
sheet (≤ 3 s) and a long table; results for docs/benchmarks.md."""
from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.sample_documents import sample_notice, sample_table  # noqa: E402
from printing.core import fonts as fonts  # noqa: E402
from printing.core.notice_pdf import render_notice_pdf  # noqa: E402
from printing.rules.rules_pdf import RulesOptions, render_rules_pdf  # noqa: E402
from printing.workflow.signature_sheet_pdf import SheetGroup, SignatureSheet, render_signature_sheet_pdf  # noqa: E402
from printing.core.tables import render_table_pdf  # noqa: E402
from models.rules.document import Article, Chapter, Rulebook, RuleVersion, VersionStatus  # noqa: E402

ARTICLE = "村民应当遵守国家法律法规和本村规民约，爱护公共设施，维护村容整洁，邻里之间互相帮助，发生纠纷的协商解决。"


def booklet_rules(articles: int = 25) -> tuple[Rulebook, RuleVersion]:
    """A rulebook of `articles` articles (about 50 characters each) in five chapters."""
    chapters = tuple(Chapter(f"c{c}", f"第{c}部分", tuple(Article(f"a{c}-{a}", ARTICLE, ("违反本条的，由村民委员会批评教育。",))
                                                      for a in range(articles // 5))) for c in range(1, 6))
    return Rulebook("r", "青石村村规民约"), RuleVersion("v", "r", 2, chapters, VersionStatus.IN_FORCE, "2026-05-01")


def thousand_households() -> SignatureSheet:
    names = ("王堌", "李垕", "张䶮", "吉𠮷", "赵德明", "钱秀英", "孙家旺", "周桂兰")
    groups = tuple(SheetGroup(f"第{g}村民小组", tuple((f"{g:02d}{n:03d}", names[n % 8]) for n in range(1, 201)))
                   for g in range(1, 6))
    return SignatureSheet("青石村村规民约户代表签字表", "请户主签字并按手印。", groups, "2")


def timed(fn: Callable[[], bytes], runs: int = 5) -> tuple[float, float, int]:
    """(first run s, median of the next runs s, size in bytes)."""
    start = time.perf_counter()
    data = fn()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        data = fn()
        times.append(time.perf_counter() - start)
    return first, statistics.median(times), len(data)


def main() -> None:
    start = time.perf_counter()
    fonts.font_setup()
    scan = time.perf_counter() - start
    rows = [("font scan (cached verdicts after the first run)", scan, None, None)]
    rulebook, version = booklet_rules()
    sheet = thousand_households()
    for label, fn, runs in (
            ("one-page notice (A4, GB/T 9704)", lambda: render_notice_pdf(sample_notice()), 5),
            ("rules booklet, 25 articles (A4)", lambda: render_rules_pdf(rulebook, version), 5),
            ("rules poster, 25 articles (A3, three columns)",
             lambda: render_rules_pdf(rulebook, version, RulesOptions("A3", poster=True)), 5),
            ("signature sheet, 1,000 households (A4, 5 groups)", lambda: render_signature_sheet_pdf(sheet), 2),
            ("table, 1,000 rows (A4 landscape, repeated header)", lambda: render_table_pdf(sample_table(1000)), 2)):
        first, median, size = timed(fn, runs)
        rows.append((label, first, median, size))
    print("| what | first run (s) | warm median (s) | size (KB) |")
    print("|---|---|---|---|")
    for label, first, median, size in rows:
        print(f"| {label} | {first:.3f} | {'' if median is None else f'{median:.3f}'} | "
              f"{'' if size is None else f'{size / 1024:.0f}'} |")


if __name__ == "__main__":
    main()
